/**
 * Makes every sound in src/audio/catalogue.ts from its recipe and writes it to assets/sound/ as
 * MP3 (mono, 24 kHz), a format every current browser plays, through Web Audio and <audio> alike.
 *
 *   npm run sounds            write the files
 *   npm run sounds -- --check say which committed files differ from what the recipes make
 *   npm run sounds -- --wav <dir>   also write plain WAVs there, to listen to or inspect
 *
 * The synthesiser and the encoder (lamejs, a pure JavaScript LAME) use no randomness but a seeded
 * one and no system library, so the output is the same byte for byte on every machine; a test
 * (tests/audio/soundFiles.test.ts) checks that the committed files are exactly what this makes.
 */
import { Mp3Encoder } from '@breezystack/lamejs';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PAD_MS, SOUND_IDS, SOUNDS, soundFile, type SoundId } from '../../src/audio/catalogue';
import { RECIPES } from './recipes';
import { SAMPLE_RATE, seconds, toInt16 } from './synth';

export const SOUND_DIR = dirname(fileURLToPath(import.meta.url));

/** Kilobits a second: enough for soft room noise without the swirl of a lower rate. */
const BITRATE = { room: 40, effect: 48 } as const;

/** The samples of one sound as stored: a room tone is its loop with PAD_MS of it either side. */
export function renderSound(id: SoundId): Float64Array {
  const spec = SOUNDS[id];
  if (spec.channel === 'effect') return RECIPES[id](0);
  const loopSeconds = spec.loopMs! / 1000;
  const loop = RECIPES[id](loopSeconds);
  if (loop.length !== seconds(loopSeconds)) {
    throw new Error(`${id}: the recipe made ${loop.length} samples, not one loop of ${seconds(loopSeconds)}`);
  }
  const pad = seconds(PAD_MS / 1000);
  const out = new Float64Array(loop.length + 2 * pad);
  out.set(loop.subarray(loop.length - pad), 0);
  out.set(loop, pad);
  out.set(loop.subarray(0, pad), pad + loop.length);
  return out;
}

export function encodeMp3(samples: Float64Array, kbps: number): Uint8Array {
  const pcm = toInt16(samples);
  const encoder = new Mp3Encoder(1, SAMPLE_RATE, kbps);
  const parts: Uint8Array[] = [];
  for (let i = 0; i < pcm.length; i += 1152) parts.push(encoder.encodeBuffer(pcm.subarray(i, i + 1152)));
  parts.push(encoder.flush());
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The file for one sound (pass its samples if you have them already). */
export function makeSound(id: SoundId, samples = renderSound(id)): Uint8Array {
  return encodeMp3(samples, BITRATE[SOUNDS[id].channel]);
}

export function wav(samples: Float64Array): Uint8Array {
  const pcm = toInt16(samples);
  const out = Buffer.alloc(44 + pcm.length * 2);
  out.write('RIFF', 0);
  out.writeUInt32LE(36 + pcm.length * 2, 4);
  out.write('WAVEfmt ', 8);
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20);
  out.writeUInt16LE(1, 22);
  out.writeUInt32LE(SAMPLE_RATE, 24);
  out.writeUInt32LE(SAMPLE_RATE * 2, 28);
  out.writeUInt16LE(2, 32);
  out.writeUInt16LE(16, 34);
  out.write('data', 36);
  out.writeUInt32LE(pcm.length * 2, 40);
  for (let i = 0; i < pcm.length; i++) out.writeInt16LE(pcm[i]!, 44 + i * 2);
  return out;
}

function main(args: string[]) {
  const check = args.includes('--check');
  const wavAt = args.indexOf('--wav');
  const wavDir = wavAt >= 0 ? args[wavAt + 1] : undefined;
  if (wavDir) mkdirSync(wavDir, { recursive: true });
  const stale: string[] = [];
  let total = 0;
  for (const id of SOUND_IDS) {
    const file = join(SOUND_DIR, soundFile(id));
    const samples = renderSound(id);
    const made = makeSound(id, samples);
    total += made.length;
    if (wavDir) writeFileSync(join(wavDir, `${id}.wav`), wav(samples));
    if (check) {
      if (!existsSync(file) || !readFileSync(file).equals(made)) stale.push(soundFile(id));
    } else {
      writeFileSync(file, made);
      console.log(`${soundFile(id).padEnd(26)} ${(made.length / 1024).toFixed(1).padStart(6)} KB`);
    }
  }
  if (check) {
    if (stale.length) {
      console.error(
        `These sounds differ from what the recipes make: ${stale.join(', ')}. Run "npm run sounds".`,
      );
      process.exitCode = 1;
    } else console.log(`All ${SOUND_IDS.length} sounds match their recipes.`);
  } else console.log(`${'total'.padEnd(26)} ${(total / 1024).toFixed(1).padStart(6)} KB`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
