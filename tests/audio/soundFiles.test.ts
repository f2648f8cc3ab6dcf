/**
 * The committed sounds are exactly what the script makes (so nobody hand-edits a file, and a
 * recipe change is never left uncommitted), they are within the size budget, they are the MP3
 * the player expects, and room tones loop without a seam.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeSound, renderSound, SOUND_DIR } from '../../assets/sound/makeSounds';
import { SAMPLE_RATE, seconds } from '../../assets/sound/synth';
import {
  PAD_MS,
  ROOM_TONE_BY_KIND,
  ROOM_TONE_IDS,
  SOUND_IDS,
  SOUNDS,
  soundFile,
  type SoundId,
} from '../../src/audio/catalogue';
import { LOCATION_KINDS } from '../../src/engine/model';

const committed = (file: string) => readFileSync(join(SOUND_DIR, file));
const renders = new Map<SoundId, Float64Array>();
const rendered = (id: SoundId) => {
  if (!renders.has(id)) renders.set(id, renderSound(id));
  return renders.get(id)!;
};

/** MPEG-2 Layer III frames: sample rate, channels and how many, read from the frame headers. */
function mp3Frames(data: Uint8Array) {
  const kbps = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
  const rates = [22050, 24000, 16000];
  let at = 0;
  let frames = 0;
  let rate = 0;
  let mono = true;
  while (at + 4 <= data.length) {
    const [a, b, c, d] = [data[at]!, data[at + 1]!, data[at + 2]!, data[at + 3]!];
    if (a !== 0xff || (b & 0xe0) !== 0xe0) throw new Error(`no frame header at byte ${at}`);
    if (((b >> 3) & 3) !== 2 || ((b >> 1) & 3) !== 1) throw new Error('not MPEG-2 Layer III');
    rate = rates[(c >> 2) & 3]!;
    mono &&= d >> 6 === 3;
    const length = Math.floor((72 * kbps[c >> 4]! * 1000) / rate) + ((c >> 1) & 1);
    at += length;
    frames++;
  }
  return { rate, mono, frames, seconds: (frames * 576) / rate };
}

describe('the sound files', () => {
  it('one file per sound in the catalogue, and nothing else', () => {
    const files = readdirSync(SOUND_DIR).filter((f) => f.endsWith('.mp3'));
    expect(files.sort()).toEqual(SOUND_IDS.map(soundFile).sort());
  });

  it('stay under 1.5 MB in all', () => {
    const total = SOUND_IDS.reduce((n, id) => n + committed(soundFile(id)).length, 0);
    expect(total).toBeLessThan(1.5 * 1024 * 1024);
  });

  it('every kind of room has its room tone', () => {
    for (const kind of LOCATION_KINDS) expect(ROOM_TONE_IDS).toContain(ROOM_TONE_BY_KIND[kind]);
  });

  describe('are exactly what "npm run sounds" makes', () => {
    for (const id of SOUND_IDS) {
      it(soundFile(id), () => {
        const made = makeSound(id, rendered(id));
        expect(
          Buffer.from(made).equals(committed(soundFile(id))),
          `${soundFile(id)} differs: run "npm run sounds"`,
        ).toBe(true);
      });
    }
  });

  it.each(SOUND_IDS)('%s is mono 24 kHz MP3 of the length it was made', (id) => {
    const info = mp3Frames(committed(soundFile(id)));
    expect(info.rate).toBe(SAMPLE_RATE);
    expect(info.mono).toBe(true);
    const made = rendered(id).length / SAMPLE_RATE;
    // The encoder adds a little silence at each end (at most two frames' worth).
    expect(info.seconds).toBeGreaterThanOrEqual(made);
    expect(info.seconds).toBeLessThan(made + 0.15);
  });

  it.each(ROOM_TONE_IDS)('%s loops without a seam', (id) => {
    const file = rendered(id);
    const pad = seconds(PAD_MS / 1000);
    const loop = file.subarray(pad, file.length - pad);
    expect(loop.length).toBe(seconds(SOUNDS[id].loopMs! / 1000));
    // The step from the last sample back to the first is no bigger than steps inside the loop.
    const steps: number[] = [];
    for (let i = 1; i < loop.length; i++) steps.push(Math.abs(loop[i]! - loop[i - 1]!));
    steps.sort((a, b) => a - b);
    const typical = steps[Math.floor(steps.length * 0.999)]!;
    expect(Math.abs(loop[0]! - loop[loop.length - 1]!)).toBeLessThanOrEqual(typical);
    // The file is the loop with PAD_MS of it either side, so any window of the loop's length
    // inside it loops cleanly, whatever a decoder adds or trims at the start.
    for (let i = 0; i < 2 * pad; i += 97) expect(file[i]).toBe(file[i + loop.length]);
  });
});
