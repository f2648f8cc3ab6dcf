/**
 * Read aloud (off by default): each line is spoken with the browser's speech synthesis, for
 * learners who find reading hard. Each person gets their own voice where the device has several,
 * and their own pitch where it has one; the narrator speaks plainly. Where there is no speech
 * synthesis, nothing happens and nothing breaks.
 */
import type { LineView } from '../engine/Session';
import type { CastVoice } from '../ui/conversationModel';
import { plainText } from '../engine/markup';

export interface VoiceLike {
  name: string;
  lang: string;
}

export interface UtteranceLike {
  text: string;
  voice: VoiceLike | null;
  lang: string;
  pitch: number;
  rate: number;
  volume: number;
}

/** The part of window.speechSynthesis this uses. */
export interface SpeechLike {
  speak(utterance: UtteranceLike): void;
  cancel(): void;
  getVoices(): VoiceLike[];
  addEventListener?(type: 'voiceschanged', listener: () => void): void;
  removeEventListener?(type: 'voiceschanged', listener: () => void): void;
}

export interface SpeechApi {
  speech: SpeechLike;
  utterance: (text: string) => UtteranceLike;
}

/** What read aloud needs of each person: who, in the scenario's order, and how old. */
export type VoiceCast = readonly CastVoice[];

export interface ReadAloudOptions {
  cast: VoiceCast;
  /** Asked before each line: the learner can switch it on and off as they go. */
  enabled: () => boolean;
  /** 0–1; 0 (or muted) speaks nothing. */
  volume: () => number;
}

export interface ReadAloud {
  /** The setting or volume changed: stop talking if now off, or speak the current line if now on. */
  refresh(): void;
  stop(): void;
}

/** The browser's speech synthesis, or null where there is none. */
export function browserSpeech(): SpeechApi | null {
  if (typeof window === 'undefined') return null;
  const synth = window.speechSynthesis;
  const Utterance = window.SpeechSynthesisUtterance;
  if (!synth || typeof Utterance !== 'function') return null;
  return {
    speech: synth as unknown as SpeechLike,
    utterance: (text) => new Utterance(text) as unknown as UtteranceLike,
  };
}

/** Higher and lower voices, so people can be told apart even with one voice on the device. */
const PITCHES = [1.15, 0.85, 1.3, 0.95, 0.75, 1.05];

export interface VoicePlan {
  voice: VoiceLike | null;
  pitch: number;
  rate: number;
}

/**
 * Who speaks with which voice: English voices first (British English before others), the
 * narrator on the first, each person on the next ones in cast order.
 */
export function planVoices(voices: VoiceLike[], cast: VoiceCast): Map<string, VoicePlan> {
  const english = voices.filter((v) => /^en\b|^en[-_]/i.test(v.lang));
  const pool = [...(english.length ? english : voices)].sort(
    (a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name),
  );
  const plan = new Map<string, VoicePlan>();
  plan.set('', { voice: pool[0] ?? null, pitch: 1, rate: 1 });
  cast.forEach(({ id, age }, k) => {
    const voice = pool.length > 1 ? pool[(k + 1) % pool.length]! : (pool[0] ?? null);
    plan.set(id, {
      voice,
      pitch: PITCHES[k % PITCHES.length]!,
      // Older people in the story speak a little more slowly.
      rate: age >= 75 ? 0.88 : 0.97,
    });
  });
  return plan;
}

const rank = (v: VoiceLike) => (/^en[-_]GB$/i.test(v.lang) ? 0 : /^en/i.test(v.lang) ? 1 : 2);

/** Where the lines come from: a Session, or the runner's models (the sound add-on). */
export interface LineSource {
  readonly snapshot: { readonly line: LineView | null };
  on(type: 'line', listener: (event: { line: LineView }) => void): () => void;
}

export function readAloud(session: LineSource, api: SpeechApi | null, options: ReadAloudOptions): ReadAloud {
  if (!api) return { refresh: () => {}, stop: () => {} };
  const { speech } = api;
  let plan = planVoices(safeVoices(speech), options.cast);
  const inCast = new Set(options.cast.map((m) => m.id));
  let speaking = false;
  const onVoices = () => {
    plan = planVoices(safeVoices(speech), options.cast);
  };
  speech.addEventListener?.('voiceschanged', onVoices);

  const on = () => options.enabled() && options.volume() > 0;

  const say = (speaker: string, text: string) => {
    const words = plainText(text);
    if (!words) return;
    const voice = plan.get(inCast.has(speaker) ? speaker : '') ?? plan.get('')!;
    try {
      speech.cancel();
      const u = api.utterance(words);
      u.voice = voice.voice;
      u.lang = voice.voice?.lang ?? 'en-GB';
      u.pitch = voice.pitch;
      u.rate = voice.rate;
      u.volume = Math.max(0, Math.min(1, options.volume()));
      speech.speak(u);
      speaking = true;
    } catch {
      // A browser that has the API but cannot speak: reading on screen carries on regardless.
    }
  };

  const sayCurrent = () => {
    const line = session.snapshot.line;
    if (line) say(line.speaker, line.text);
  };

  const hush = () => {
    if (!speaking) return;
    speaking = false;
    try {
      speech.cancel();
    } catch {
      /* nothing to stop */
    }
  };

  const off = session.on('line', ({ line }) => {
    if (on()) say(line.speaker, line.text);
  });
  let wasOn = on();
  if (wasOn) sayCurrent();

  return {
    refresh: () => {
      const now = on();
      if (now && !wasOn) sayCurrent();
      if (!now) hush();
      wasOn = now;
    },
    stop: () => {
      off();
      speech.removeEventListener?.('voiceschanged', onVoices);
      hush();
    },
  };
}

function safeVoices(speech: SpeechLike): VoiceLike[] {
  try {
    return speech.getVoices() ?? [];
  } catch {
    return [];
  }
}
