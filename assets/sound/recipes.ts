/**
 * How each sound is made. Room tones return exactly one loop (the catalogue's `loopMs`); cues
 * return the whole sound. Each recipe has its own seed, so changing one sound leaves the others'
 * files byte for byte the same.
 */
import type { SoundId } from '../../src/audio/catalogue';
import {
  SAMPLE_RATE,
  addAt,
  atPeak,
  atRms,
  addWrapped,
  biquad,
  brown,
  burst,
  circular,
  fadeEdges,
  glide,
  hum,
  mix,
  multiply,
  normalise,
  pink,
  reverb,
  Rng,
  seconds,
  struck,
  sweptBandpass,
  swell,
  white,
  type Partial,
} from './synth';

export type Recipe = (loopSeconds: number) => Float64Array;

/* ---------- shared pieces ---------- */

/**
 * The still air of an indoor room: the low rumble of a building and a faint hiss of air, breathing
 * very slowly. Levels are average dBFS.
 */
function roomAir(n: number, rng: Rng, { rumble = -32, air = -40, bright = 2500 } = {}): Float64Array {
  const low = circular(white(n, rng), (x) => biquad(biquad(brown(x), 'lowpass', 220), 'highpass', 45));
  const high = circular(white(n, rng), (x) => biquad(biquad(pink(x), 'lowpass', bright), 'highpass', 180));
  return multiply(mix([atRms(low, rumble), 1], [atRms(high, air), 1]), swell(n, rng, 0.15));
}

/** Put a looping track of events into a room: dry, plus the room's reverberation. */
function inRoom(events: Float64Array, rt60: number, wet: number, damping = 0.35): Float64Array {
  const tail = circular(events, (x) => reverb(x, rt60, damping));
  return mix([events, 1], [tail, wet]);
}

/** A bird's call, one of a few kinds that synthesise convincingly at a distance. */
function birdCall(rng: Rng): Float64Array {
  const kind = Math.floor(rng.next() * 4);
  const base = rng.range(2600, 4200);
  const bell = (t: number) => Math.sin(Math.PI * t) ** 2;
  if (kind === 0) {
    // A rising "tweet".
    const up = rng.range(1.15, 1.4);
    return glide(rng.range(0.08, 0.14), (t) => base * (1 + (up - 1) * t), bell, [1, 0.08]);
  }
  if (kind === 1) {
    // A run of quick falling chirps.
    const count = 3 + Math.floor(rng.next() * 4);
    const gap = rng.range(0.06, 0.09);
    const out = new Float64Array(seconds(gap * count + 0.1));
    for (let c = 0; c < count; c++) {
      const f = base * rng.range(1.05, 1.25);
      const chirp = glide(0.045, (t) => f * (1 - 0.35 * t), bell, [1, 0.06]);
      addAt(out, seconds(c * gap), chirp, 1 - c * 0.08);
    }
    return out;
  }
  if (kind === 2) {
    // A warble: a trill around one pitch.
    const rate = rng.range(18, 28);
    const depth = rng.range(250, 450);
    const length = rng.range(0.25, 0.4);
    return glide(
      length,
      (t) => base + depth * Math.sin(2 * Math.PI * rate * t * length),
      (t) => Math.min(1, t * 8) * Math.min(1, (1 - t) * 5),
      [1, 0.05],
    );
  }
  // A lower, fluting phrase of two or three notes.
  const notes = 2 + Math.floor(rng.next() * 2);
  const out = new Float64Array(seconds(notes * 0.22 + 0.1));
  let f = rng.range(1700, 2400);
  for (let k = 0; k < notes; k++) {
    const from = f;
    const to = f * rng.range(0.85, 1.25);
    const note = glide(
      rng.range(0.14, 0.2),
      (t) => from + (to - from) * t + 30 * Math.sin(2 * Math.PI * 6 * t),
      (t) => Math.min(1, t * 10) * Math.min(1, (1 - t) * 4),
      [1, 0.15, 0.04],
    );
    addAt(out, seconds(k * 0.21), note, 1);
    f = to;
  }
  return out;
}

/** Birds spread through a loop at unevenly spaced times. */
function birdTrack(n: number, rng: Rng, calls: number, muffle: number): Float64Array {
  const track = new Float64Array(n);
  for (let c = 0; c < calls; c++) {
    const at = Math.floor(((c + rng.range(0.1, 0.9)) / calls) * n);
    // Birds nearer and further away.
    addWrapped(track, at, birdCall(rng), rng.range(0.35, 1));
  }
  return circular(track, (x) => biquad(x, 'lowpass', muffle));
}

/** A mechanical clock's tick (or, with `tock`, its slightly lower reply). */
function tick(rng: Rng, tock: boolean): Float64Array {
  const k = tock ? 0.86 : 1;
  const ring: Partial[] = [
    { freq: 2350 * k, amp: 0.5, decay: 0.006 },
    { freq: 3480 * k, amp: 0.35, decay: 0.004 },
    { freq: 4710 * k, amp: 0.25, decay: 0.003 },
    { freq: 620 * k, amp: 0.45, decay: 0.012 },
  ];
  const body = struck(ring, 0.08, 0.0004);
  const click = biquad(burst(rng, 0.01, 0.0008), 'highpass', 1500);
  return mix([body, 1], [click, 0.6]);
}

/** A spoon or fork meeting a plate or cup: bright inharmonic partials, quickly gone. */
function clink(rng: Rng): Float64Array {
  const f = rng.range(1500, 3200);
  const ratios = [1, 2.76, 5.4, 8.93];
  const partials = ratios
    .map((r, k) => ({ freq: f * r, amp: 1 / (k + 1), decay: rng.range(0.05, 0.25) / (k + 1) }))
    .filter((p) => p.freq < 11_000);
  const hit = struck(partials, 0.5, 0.0005);
  const scrape = biquad(burst(rng, 0.02, 0.003), 'highpass', 2500);
  return mix([hit, 1], [scrape, 0.25]);
}

/** A door swinging shut somewhere: a latch click and the low thud of the door in its frame. */
function doorShut(rng: Rng, weight = 1): Float64Array {
  const out = new Float64Array(seconds(0.6));
  const latch = struck(
    [
      { freq: 2900, amp: 0.5, decay: 0.008 },
      { freq: 4100, amp: 0.3, decay: 0.005 },
      { freq: 1300, amp: 0.3, decay: 0.012 },
    ],
    0.06,
    0.0003,
  );
  const thudNoise = biquad(burst(rng, 0.25, 0.03), 'lowpass', 260);
  const thudBody = struck(
    [
      { freq: 82, amp: 1, decay: 0.09 },
      { freq: 141, amp: 0.6, decay: 0.06 },
      { freq: 233, amp: 0.3, decay: 0.04 },
    ],
    0.4,
    0.004,
  );
  addAt(out, 0, thudNoise, 1.6 * weight);
  addAt(out, 0, thudBody, 0.9 * weight);
  addAt(out, seconds(0.018), latch, 0.55);
  addAt(out, seconds(0.052), latch, 0.25);
  return out;
}

/** A quartz wall clock's tick: small, bright and dry, with no tock. */
function quartzTick(rng: Rng): Float64Array {
  const body = struck(
    [
      { freq: 3100, amp: 0.5, decay: 0.003 },
      { freq: 4600, amp: 0.3, decay: 0.002 },
      { freq: 1450, amp: 0.3, decay: 0.005 },
    ],
    0.04,
    0.0003,
  );
  return mix([body, 1], [biquad(burst(rng, 0.008, 0.0006), 'highpass', 2000), 0.5]);
}

/**
 * Water coming to the boil in a kettle in the next room: a low rumble that swells and settles,
 * with the small ticks and pops of bubbles in it, muffled by the wall.
 */
function kettleMurmur(n: number, rng: Rng): Float64Array {
  const rumble = circular(white(n, rng), (x) =>
    biquad(biquad(pink(x), 'bandpass', 420, 0.8), 'lowpass', 1400),
  );
  const bubbles = new Float64Array(n);
  const count = Math.round((n / SAMPLE_RATE) * 14);
  for (let k = 0; k < count; k++) {
    const f = rng.range(500, 1300);
    const pop = glide(
      rng.range(0.012, 0.03),
      (t) => f * (1 + 0.6 * t),
      (t) => Math.sin(Math.PI * t) ** 2,
    );
    addWrapped(bubbles, Math.floor(rng.next() * n), pop, rng.range(0.2, 1));
  }
  const swellUp = swell(n, rng, 0.45, [1, 2, 3]);
  const inside = mix([atRms(rumble, -30), 1], [atRms(bubbles, -34), 1]);
  return circular(multiply(inside, swellUp), (x) => biquad(x, 'lowpass', 1800));
}

/** A door-entry buzzer: a mains-like buzz, rich in odd harmonics, for most of a second. */
function doorBuzzer(): Float64Array {
  const env = (t: number) => Math.min(1, t * 40) * Math.min(1, (1 - t) * 30);
  return glide(0.8, () => 165, env, [1, 0, 0.45, 0, 0.28, 0, 0.18, 0, 0.1]);
}

/** One soft electronic chime of a nurse-call system: a falling pair of notes. */
function callChime(): Float64Array {
  const out = new Float64Array(seconds(1.3));
  const note = (f: number) =>
    struck(
      [
        { freq: f, amp: 1, decay: 0.35 },
        { freq: f * 2, amp: 0.15, decay: 0.15 },
      ],
      0.9,
      0.008,
    );
  addAt(out, 0, note(784), 1);
  addAt(out, seconds(0.38), note(622.25), 1);
  return out;
}

/** A soft mallet on a tuned bar: the voice of the closing chords. */
function mallet(freq: number, length: number, decay: number): Float64Array {
  return struck(
    [
      { freq, amp: 1, decay },
      { freq: freq * 2, amp: 0.18, decay: decay * 0.5 },
      { freq: freq * 3.98, amp: 0.06, decay: decay * 0.2 },
    ],
    length,
    0.012,
  );
}

function chord(notes: number[], spread: number, decay: number, rt60: number): Float64Array {
  const length = 3.2;
  const dry = new Float64Array(seconds(length));
  notes.forEach((f, k) => addAt(dry, seconds(k * spread), mallet(f, length, decay), 1 / notes.length));
  const out = mix([dry, 1], [reverb(dry, rt60, 0.5), 0.35]);
  return fadeEdges(normalise(out, -16, -3), 0, 0.25);
}

/* ---------- the sounds ---------- */

export const RECIPES: Readonly<Record<SoundId, Recipe>> = {
  'room-lounge': (s) => {
    const rng = new Rng(101);
    const n = seconds(s);
    const air = roomAir(n, rng, { rumble: -32, air: -38 });
    const ticks = new Float64Array(n);
    // A mantel clock: tick, tock, once a second.
    for (let k = 0; k < Math.round(s); k++) addWrapped(ticks, seconds(k), tick(rng, k % 2 === 1), 1);
    const clock = atPeak(inRoom(ticks, 0.45, 0.5), -14);
    return normalise(mix([air, 1], [clock, 1]), -28, -3);
  },

  'room-quiet-room': (s) => {
    const rng = new Rng(102);
    const n = seconds(s);
    return normalise(roomAir(n, rng, { rumble: -32, air: -44, bright: 1800 }), -31, -6);
  },

  'room-meeting-room': (s) => {
    const rng = new Rng(103);
    const n = seconds(s);
    const air = roomAir(n, rng, { rumble: -34, air: -40, bright: 3000 });
    // Lights and a projector on UK mains: a 100 Hz hum with its harmonics, gently beating.
    const lights = hum(n, [
      { freq: 50, amp: 0.3 },
      { freq: 100, amp: 1 },
      { freq: 150, amp: 0.25 },
      { freq: 200, amp: 0.35 },
      { freq: 300, amp: 0.12 },
      { freq: 400, amp: 0.06 },
    ]);
    const wobble = swell(n, rng, 0.25, [2, 5]);
    const vent = circular(white(n, rng), (x) =>
      biquad(biquad(pink(x), 'bandpass', 700, 0.6), 'lowpass', 1800),
    );
    return normalise(
      mix([air, 1], [atRms(multiply(lights, wobble), -38), 1], [atRms(vent, -36), 1]),
      -27,
      -3,
    );
  },

  'room-bedroom': (s) => {
    const rng = new Rng(104);
    const n = seconds(s);
    const air = roomAir(n, rng, { rumble: -33, air: -44, bright: 1600 });
    // Birds outside a closed window: sparse, muffled, far off.
    const birds = atPeak(inRoom(birdTrack(n, rng, 4, 3000), 0.9, 0.4, 0.5), -24);
    return normalise(mix([air, 1], [birds, 1]), -30, -3);
  },

  'room-office': (s) => {
    const rng = new Rng(105);
    const n = seconds(s);
    const air = roomAir(n, rng, { rumble: -35, air: -40 });
    // A desktop computer's fan: a broad whoosh with the faint tone of its blades.
    const whoosh = circular(white(n, rng), (x) =>
      biquad(biquad(pink(x), 'bandpass', 1100, 0.5), 'highpass', 250),
    );
    const blades = hum(n, [
      { freq: 233.25, amp: 1 },
      { freq: 466.5, amp: 0.3 },
      { freq: 699.75, amp: 0.1 },
    ]);
    const waver = swell(n, rng, 0.3, [3, 7, 11]);
    return normalise(
      mix([air, 1], [atRms(whoosh, -33), 1], [atRms(multiply(blades, waver), -42), 1]),
      -27,
      -3,
    );
  },

  'room-corridor': (s) => {
    const rng = new Rng(106);
    const n = seconds(s);
    const vents = circular(white(n, rng), (x) => biquad(biquad(pink(x), 'lowpass', 900), 'highpass', 120));
    const air = roomAir(n, rng, { rumble: -33, air: -40 });
    // One door, far down the corridor, once a loop.
    const doors = new Float64Array(n);
    addWrapped(doors, Math.floor(n * 0.62), biquad(doorShut(rng, 0.8), 'lowpass', 1400), 1);
    const distant = atPeak(inRoom(doors, 1.4, 1.4, 0.5), -20);
    return normalise(
      mix([air, 1], [atRms(multiply(vents, swell(n, rng, 0.1)), -35), 1], [distant, 1]),
      -28,
      -3,
    );
  },

  'room-dining-room': (s) => {
    const rng = new Rng(107);
    const n = seconds(s);
    const air = roomAir(n, rng, { rumble: -33, air: -39 });
    const clinks = new Float64Array(n);
    const count = 6;
    for (let c = 0; c < count; c++) {
      const at = Math.floor(((c + rng.range(0.05, 0.95)) / count) * n);
      addWrapped(clinks, at, clink(rng), rng.range(0.3, 1));
      // Sometimes a knife taps twice.
      if (rng.next() < 0.4) addWrapped(clinks, at + seconds(rng.range(0.09, 0.16)), clink(rng), 0.4);
    }
    const room = atPeak(
      inRoom(
        circular(clinks, (x) => biquad(x, 'lowpass', 6000)),
        0.7,
        0.6,
      ),
      -18,
    );
    return normalise(mix([air, 1], [room, 1]), -28, -3);
  },

  'room-garden': (s) => {
    const rng = new Rng(108);
    const n = seconds(s);
    // Wind: noise through a slowly moving band, louder as it gusts; leaves rustle with it.
    const gust = swell(n, rng, 0.8, [1, 2, 3]);
    const centre = swell(n, rng, 0.5, [1, 2]);
    const wind = circular(white(n, rng), (x) => sweptBandpass(pink(x), (i) => 420 * centre[i % n]!, 0.9));
    const leaves = circular(white(n, rng), (x) => biquad(biquad(x, 'highpass', 2500), 'lowpass', 7000));
    const gustLeaves = gust.map((g) => Math.max(0, g - 0.6) ** 2);
    const birds = atPeak(inRoom(birdTrack(n, rng, 7, 9000), 0.5, 0.15, 0.6), -15);
    return normalise(
      mix([atRms(multiply(wind, gust), -30), 1], [atRms(multiply(leaves, gustLeaves), -42), 1], [birds, 1]),
      -27,
      -3,
    );
  },

  'room-hospital-ward': (s) => {
    const rng = new Rng(109);
    const n = seconds(s);
    const air = roomAir(n, rng, { rumble: -33, air: -38, bright: 3000 });
    const lights = hum(n, [
      { freq: 100, amp: 1 },
      { freq: 200, amp: 0.3 },
    ]);
    // A patient monitor at the far bed: a soft beep every two seconds.
    const beeps = new Float64Array(n);
    const beep = glide(
      0.09,
      () => 880,
      (t) => Math.min(1, t * 12) * Math.min(1, (1 - t) * 6),
      [1, 0, 0.12],
    );
    for (let k = 0; k < Math.round(s / 2); k++) addWrapped(beeps, seconds(k * 2 + 0.3), beep, 1);
    const far = atPeak(
      inRoom(
        circular(beeps, (x) => biquad(x, 'lowpass', 2500)),
        0.8,
        0.7,
      ),
      -22,
    );
    return normalise(mix([air, 1], [atRms(lights, -44), 1], [far, 1]), -28, -3);
  },

  'room-home': (s) => {
    const rng = new Rng(110);
    const n = seconds(s);
    const air = roomAir(n, rng, { rumble: -33, air: -42, bright: 2200 });
    const kettle = atRms(kettleMurmur(n, rng), -37);
    // The clock on the mantelpiece, quieter than the lounge's: a slower, softer tick.
    const ticks = new Float64Array(n);
    for (let k = 0; k < Math.round(s); k++) addWrapped(ticks, seconds(k + 0.4), tick(rng, k % 2 === 1), 1);
    const clock = atPeak(inRoom(ticks, 0.4, 0.4), -20);
    return normalise(mix([air, 1], [kettle, 1], [clock, 1]), -29, -3);
  },

  'room-reception': (s) => {
    const rng = new Rng(111);
    const n = seconds(s);
    const air = roomAir(n, rng, { rumble: -32, air: -39, bright: 2800 });
    // The front door: its buzzer, then a moment later the door closing behind someone.
    const events = new Float64Array(n);
    addWrapped(events, Math.floor(n * 0.2), biquad(doorBuzzer(), 'lowpass', 1600), 0.5);
    addWrapped(events, Math.floor(n * 0.2) + seconds(3.2), biquad(doorShut(rng, 0.9), 'lowpass', 1800), 1);
    const hall = atPeak(inRoom(events, 1.1, 1.0, 0.45), -20);
    return normalise(mix([air, 1], [hall, 1]), -28, -3);
  },

  'room-manager-office': (s) => {
    const rng = new Rng(112);
    const n = seconds(s);
    const air = roomAir(n, rng, { rumble: -35, air: -44, bright: 2000 });
    // Air handling through a ceiling grille: a steady, soft, low rush.
    const vent = circular(white(n, rng), (x) => biquad(biquad(pink(x), 'lowpass', 650), 'highpass', 90));
    const ticks = new Float64Array(n);
    for (let k = 0; k < Math.round(s); k++) addWrapped(ticks, seconds(k + 0.15), quartzTick(rng), 1);
    const clock = atPeak(inRoom(ticks, 0.35, 0.35), -22);
    return normalise(
      mix([air, 1], [atRms(multiply(vent, swell(n, rng, 0.06)), -36), 1], [clock, 1]),
      -30,
      -3,
    );
  },

  'room-night-corridor': (s) => {
    const rng = new Rng(113);
    const n = seconds(s);
    const air = roomAir(n, rng, { rumble: -34, air: -47, bright: 1500 });
    const lights = hum(n, [
      { freq: 50, amp: 0.4 },
      { freq: 100, amp: 1 },
      { freq: 150, amp: 0.2 },
    ]);
    // A call bell somewhere down the building, chiming twice, once a loop.
    const bells = new Float64Array(n);
    const at = Math.floor(n * 0.35);
    addWrapped(bells, at, callChime(), 1);
    addWrapped(bells, at + seconds(1.6), callChime(), 0.9);
    const far = atPeak(
      inRoom(
        circular(bells, (x) => biquad(x, 'lowpass', 2200)),
        1.5,
        1.3,
        0.5,
      ),
      -24,
    );
    return normalise(mix([air, 1], [atRms(lights, -46), 1], [far, 1]), -32, -6);
  },

  'room-phone-call': (s) => {
    const rng = new Rng(114);
    const n = seconds(s);
    // The line: a faint hiss in the telephone band, and the quietest of rooms around it.
    const line = circular(white(n, rng), (x) =>
      biquad(biquad(biquad(x, 'highpass', 300), 'lowpass', 3400), 'lowpass', 3400),
    );
    const air = roomAir(n, rng, { rumble: -40, air: -50, bright: 1500 });
    return normalise(mix([atRms(multiply(line, swell(n, rng, 0.08)), -40), 1], [air, 1]), -36, -12);
  },

  scene: () => {
    const rng = new Rng(201);
    const dry = new Float64Array(seconds(1.4));
    addAt(dry, seconds(0.01), doorShut(rng), 1);
    const out = mix([dry, 1], [reverb(dry, 0.6, 0.4), 0.4]);
    return fadeEdges(normalise(out, -20, -3), 0, 0.2);
  },

  choice: () => {
    // A soft, rounded tap, the same for every choice.
    const rng = new Rng(202);
    const tap = struck(
      [
        { freq: 1180, amp: 1, decay: 0.018 },
        { freq: 2570, amp: 0.35, decay: 0.007 },
        { freq: 430, amp: 0.4, decay: 0.02 },
      ],
      0.3,
      0.0015,
    );
    const touch = biquad(burst(rng, 0.01, 0.001), 'bandpass', 1800, 0.8);
    const dry = mix([tap, 1], [touch, 0.2]);
    const out = mix([dry, 1], [reverb(dry, 0.25, 0.5), 0.2]);
    return fadeEdges(normalise(out, -18, -3), 0, 0.05);
  },

  mood: () => {
    // One low, soft bowl-like tone: it neither rises nor falls, whichever way a mood moved.
    const tone = struck(
      [
        { freq: 293.66, amp: 1, decay: 0.7 },
        { freq: 293.66 * 2.71, amp: 0.2, decay: 0.35 },
        { freq: 293.66 * 5.15, amp: 0.05, decay: 0.15 },
      ],
      1.8,
      0.06,
    );
    const out = mix([tone, 1], [reverb(tone, 1.0, 0.5), 0.25]);
    return fadeEdges(normalise(out, -18, -3), 0, 0.3);
  },

  'ending-good': () => chord([261.63, 329.63, 392.0, 523.25], 0.11, 0.9, 1.2),
  'ending-mixed': () => chord([261.63, 349.23, 392.0], 0.14, 0.9, 1.2),
  'ending-poor': () => chord([110.0, 130.81, 164.81], 0.2, 1.1, 1.3),
};
