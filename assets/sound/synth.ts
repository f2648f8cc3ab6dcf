/**
 * A small, deterministic synthesiser: seeded noise, filters, decaying partials, a plain reverb,
 * and "circular" processing that makes a signal repeat exactly, so room tones loop without a
 * seam. Everything is ordinary arithmetic on Float64Array, with no randomness but the seeded
 * generator, so the same code makes the same samples on every machine.
 */

export const SAMPLE_RATE = 24_000;

export const seconds = (s: number): number => Math.round(s * SAMPLE_RATE);

/** mulberry32: a tiny seeded generator; enough for noise and for choosing when things happen. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  range(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }
  /** -1 to 1 */
  bipolar(): number {
    return this.next() * 2 - 1;
  }
}

/* ---------- noise ---------- */

export function white(n: number, rng: Rng): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.bipolar();
  return out;
}

/** Pink noise (Paul Kellet's economy filter): softer, like air in a room. */
export function pink(input: Float64Array): Float64Array {
  const out = new Float64Array(input.length);
  let b0 = 0;
  let b1 = 0;
  let b2 = 0;
  for (let i = 0; i < input.length; i++) {
    const w = input[i]!;
    b0 = 0.99765 * b0 + w * 0.099046;
    b1 = 0.963 * b1 + w * 0.2965164;
    b2 = 0.57 * b2 + w * 1.0526913;
    out[i] = (b0 + b1 + b2 + w * 0.1848) * 0.2;
  }
  return out;
}

/** Brown noise: a leaky running sum, the low rumble of a building. */
export function brown(input: Float64Array, leak = 0.996): Float64Array {
  const out = new Float64Array(input.length);
  let y = 0;
  for (let i = 0; i < input.length; i++) {
    y = leak * y + input[i]! * 0.05;
    out[i] = y;
  }
  return out;
}

/* ---------- filters ---------- */

export type FilterType = 'lowpass' | 'highpass' | 'bandpass';

/** An RBJ-cookbook biquad, run over a whole signal. */
export function biquad(input: Float64Array, type: FilterType, freq: number, q = Math.SQRT1_2): Float64Array {
  const w0 = (2 * Math.PI * freq) / SAMPLE_RATE;
  const cos = Math.cos(w0);
  const alpha = Math.sin(w0) / (2 * q);
  let b0: number, b1: number, b2: number;
  if (type === 'lowpass') {
    b0 = (1 - cos) / 2;
    b1 = 1 - cos;
    b2 = (1 - cos) / 2;
  } else if (type === 'highpass') {
    b0 = (1 + cos) / 2;
    b1 = -(1 + cos);
    b2 = (1 + cos) / 2;
  } else {
    b0 = alpha;
    b1 = 0;
    b2 = -alpha;
  }
  const a0 = 1 + alpha;
  const a1 = -2 * cos;
  const a2 = 1 - alpha;
  const out = new Float64Array(input.length);
  let x1 = 0;
  let x2 = 0;
  let y1 = 0;
  let y2 = 0;
  for (let i = 0; i < input.length; i++) {
    const x = input[i]!;
    const y = (b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2) / a0;
    x2 = x1;
    x1 = x;
    y2 = y1;
    y1 = y;
    out[i] = y;
  }
  return out;
}

/** A band-pass whose centre moves with time: `centre(i)` in Hz, recomputed every 32 samples. */
export function sweptBandpass(input: Float64Array, centre: (i: number) => number, q: number): Float64Array {
  const out = new Float64Array(input.length);
  let x1 = 0;
  let x2 = 0;
  let y1 = 0;
  let y2 = 0;
  let b0 = 0;
  let b2 = 0;
  let a0 = 1;
  let a1 = 0;
  let a2 = 0;
  for (let i = 0; i < input.length; i++) {
    if (i % 32 === 0) {
      const w0 = (2 * Math.PI * centre(i)) / SAMPLE_RATE;
      const alpha = Math.sin(w0) / (2 * q);
      b0 = alpha;
      b2 = -alpha;
      a0 = 1 + alpha;
      a1 = -2 * Math.cos(w0);
      a2 = 1 - alpha;
    }
    const x = input[i]!;
    const y = (b0 * x + b2 * x2 - a1 * y1 - a2 * y2) / a0;
    x2 = x1;
    x1 = x;
    y2 = y1;
    y1 = y;
    out[i] = y;
  }
  return out;
}

/**
 * A plain Schroeder reverb (four damped combs, two all-passes): enough to put a sound in a room
 * rather than in your ear. Returns only the reverberation; mix it with the dry sound.
 */
export function reverb(input: Float64Array, rt60: number, damping = 0.3): Float64Array {
  const combMs = [29.7, 37.1, 41.1, 43.7];
  const out = new Float64Array(input.length);
  for (const ms of combMs) {
    const d = Math.round((ms / 1000) * SAMPLE_RATE);
    const g = Math.pow(10, (-3 * (ms / 1000)) / rt60);
    const buf = new Float64Array(d);
    let idx = 0;
    let lp = 0;
    for (let i = 0; i < input.length; i++) {
      const y = buf[idx]!;
      lp = y * (1 - damping) + lp * damping;
      buf[idx] = input[i]! + lp * g;
      idx = (idx + 1) % d;
      out[i] = out[i]! + y * 0.25;
    }
  }
  let signal = out;
  for (const ms of [5.0, 1.7]) {
    const d = Math.round((ms / 1000) * SAMPLE_RATE);
    const g = 0.7;
    const buf = new Float64Array(d);
    let idx = 0;
    const next = new Float64Array(signal.length);
    for (let i = 0; i < signal.length; i++) {
      const delayed = buf[idx]!;
      const x = signal[i]!;
      const v = x + g * delayed;
      buf[idx] = v;
      next[i] = delayed - g * v;
      idx = (idx + 1) % d;
    }
    signal = next;
  }
  return signal;
}

/* ---------- loops ---------- */

/**
 * Run a time-invariant process (filters, reverb) over a signal that repeats every
 * `period.length` samples, and return one period of the steady result: the output repeats
 * exactly, so it loops with no seam. Works while the process forgets its past within two periods.
 */
export function circular(period: Float64Array, process: (x: Float64Array) => Float64Array): Float64Array {
  const n = period.length;
  const x = new Float64Array(n * 3);
  x.set(period, 0);
  x.set(period, n);
  x.set(period, 2 * n);
  return process(x).slice(2 * n, 3 * n);
}

/** Add `sound` into a looping buffer at `start`, wrapping its tail round to the beginning. */
export function addWrapped(loop: Float64Array, start: number, sound: Float64Array, gain = 1): void {
  const n = loop.length;
  for (let i = 0; i < sound.length; i++) {
    const at = (((start + i) % n) + n) % n;
    loop[at] = loop[at]! + sound[i]! * gain;
  }
}

/** Add `sound` into `target` at `start`, dropping whatever falls past the end. */
export function addAt(target: Float64Array, start: number, sound: Float64Array, gain = 1): void {
  for (let i = 0; i < sound.length && start + i < target.length; i++) {
    if (start + i >= 0) target[start + i] = target[start + i]! + sound[i]! * gain;
  }
}

/** A smooth, exactly periodic swell: 1 ± depth, made of whole cycles per loop. */
export function swell(n: number, rng: Rng, depth: number, cycles: number[] = [1, 2, 3]): Float64Array {
  const out = new Float64Array(n);
  const phases = cycles.map(() => rng.range(0, 2 * Math.PI));
  const weights = cycles.map((_, k) => 1 / (k + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < n; i++) {
    let v = 0;
    for (let k = 0; k < cycles.length; k++) {
      v += weights[k]! * Math.sin((2 * Math.PI * cycles[k]! * i) / n + phases[k]!);
    }
    out[i] = 1 + (depth * v) / total;
  }
  return out;
}

/* ---------- sources ---------- */

export interface Partial {
  freq: number;
  amp: number;
  /** Time for the partial to fall by 1/e, in seconds. */
  decay: number;
}

/**
 * Struck things (a clock's tick, a spoon on a plate, a soft mallet): a sum of decaying sine
 * partials after a short attack.
 */
export function struck(partials: Partial[], length: number, attack = 0.002): Float64Array {
  const n = seconds(length);
  const out = new Float64Array(n);
  const a = Math.max(1, seconds(attack));
  for (const p of partials) {
    const w = (2 * Math.PI * p.freq) / SAMPLE_RATE;
    const k = 1 / (p.decay * SAMPLE_RATE);
    for (let i = 0; i < n; i++) {
      const env = Math.exp(-i * k) * (i < a ? i / a : 1);
      out[i] = out[i]! + p.amp * env * Math.sin(w * i);
    }
  }
  return out;
}

/** A short burst of noise with a fast exponential fall: the scrape or knock that starts a sound. */
export function burst(rng: Rng, length: number, decay: number): Float64Array {
  const n = seconds(length);
  const out = new Float64Array(n);
  const k = 1 / (decay * SAMPLE_RATE);
  for (let i = 0; i < n; i++) out[i] = rng.bipolar() * Math.exp(-i * k);
  return out;
}

/**
 * A sine whose pitch follows `freq(t)` (t from 0 to 1 across the sound) under an envelope
 * `env(t)`: bird calls, beeps.
 */
export function glide(
  length: number,
  freq: (t: number) => number,
  env: (t: number) => number,
  harmonics: number[] = [1],
): Float64Array {
  const n = seconds(length);
  const out = new Float64Array(n);
  let phase = 0;
  for (let i = 0; i < n; i++) {
    const t = i / n;
    phase += (2 * Math.PI * freq(t)) / SAMPLE_RATE;
    let v = 0;
    for (let h = 0; h < harmonics.length; h++) v += harmonics[h]! * Math.sin(phase * (h + 1));
    out[i] = v * env(t);
  }
  return out;
}

/** A sine of whole cycles per loop (so it repeats exactly), as a steady hum. */
export function hum(n: number, partials: { freq: number; amp: number }[]): Float64Array {
  const out = new Float64Array(n);
  const loopSeconds = n / SAMPLE_RATE;
  for (const p of partials) {
    // Round to whole cycles per loop: 50 Hz stays 50 Hz for any loop of whole tenths of a second.
    const cycles = Math.round(p.freq * loopSeconds);
    for (let i = 0; i < n; i++) out[i] = out[i]! + p.amp * Math.sin((2 * Math.PI * cycles * i) / n);
  }
  return out;
}

/* ---------- levels ---------- */

export function mix(...parts: [Float64Array, number][]): Float64Array {
  const n = Math.max(...parts.map(([p]) => p.length));
  const out = new Float64Array(n);
  for (const [p, g] of parts) for (let i = 0; i < p.length; i++) out[i] = out[i]! + p[i]! * g;
  return out;
}

export function multiply(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! * (b[i] ?? 1);
  return out;
}

export const peak = (x: Float64Array): number => x.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
export const rms = (x: Float64Array): number => Math.sqrt(x.reduce((s, v) => s + v * v, 0) / x.length);
export const db = (g: number): number => Math.pow(10, g / 20);

/** Scale to an average level (dBFS). */
export function atRms(x: Float64Array, level: number): Float64Array {
  const r = rms(x);
  return r === 0 ? x : x.map((v) => (v * db(level)) / r);
}

/** Scale so the loudest sample is at `level` (dBFS). */
export function atPeak(x: Float64Array, level: number): Float64Array {
  const p = peak(x);
  return p === 0 ? x : x.map((v) => (v * db(level)) / p);
}

/** Scale to an average level (dBFS), but never let peaks pass `maxPeak` (dBFS). */
export function normalise(x: Float64Array, targetRms: number, maxPeak = -1): Float64Array {
  const r = rms(x);
  const p = peak(x);
  if (r === 0 || p === 0) return x;
  const gain = Math.min(db(targetRms) / r, db(maxPeak) / p);
  return x.map((v) => v * gain);
}

/** Fade the first and last `length` seconds (for one-shot sounds, so they start and end clean). */
export function fadeEdges(x: Float64Array, fadeIn: number, fadeOut: number): Float64Array {
  const out = x.slice();
  const a = seconds(fadeIn);
  const b = seconds(fadeOut);
  for (let i = 0; i < a && i < out.length; i++) out[i] = out[i]! * (i / a);
  for (let i = 0; i < b && i < out.length; i++) {
    const j = out.length - 1 - i;
    out[j] = out[j]! * (i / b);
  }
  return out;
}

export function toInt16(x: Float64Array): Int16Array {
  const out = new Int16Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = Math.max(-1, Math.min(1, x[i]!));
    out[i] = Math.round(v * 32767);
  }
  return out;
}
