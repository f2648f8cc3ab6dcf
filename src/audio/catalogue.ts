/**
 * Every sound CarePlay can play, what it is called in a caption, and how loud it sits in the mix.
 * The generator (assets/sound/makeSounds.ts) makes one file per entry from this same list, so a
 * sound cannot be played that was not made, nor made and forgotten.
 *
 * Only sounds that can be made to sound natural: rooms, clocks, hums, a door, birds. No voices
 * and no crowds. No cue says whether a choice was good: the confirmation is the same for every
 * choice, and the mood cue is the same whichever way a mood moves.
 */
import type { LocationKind, Outcome } from '../engine/model';

export const ROOM_TONE_IDS = [
  'room-lounge',
  'room-quiet-room',
  'room-meeting-room',
  'room-bedroom',
  'room-office',
  'room-corridor',
  'room-dining-room',
  'room-garden',
  'room-hospital-ward',
  'room-home',
  'room-reception',
  'room-manager-office',
  'room-night-corridor',
  'room-phone-call',
] as const;
export const EFFECT_IDS = ['scene', 'choice', 'mood', 'ending-good', 'ending-mixed', 'ending-poor'] as const;

export type RoomToneId = (typeof ROOM_TONE_IDS)[number];
export type EffectId = (typeof EFFECT_IDS)[number];
export type SoundId = RoomToneId | EffectId;
export const SOUND_IDS: readonly SoundId[] = [...ROOM_TONE_IDS, ...EFFECT_IDS];

/**
 * Room tones are made as an exact loop of `loopMs`, with `PAD_MS` of the same loop before and
 * after it in the file. Playback loops the middle, so however much silence an MP3 decoder adds
 * or trims at the start (it varies by browser), the loop points still land inside the repeating
 * part and the loop has no gap or click.
 */
export const PAD_MS = 250;

export interface SoundSpec {
  id: SoundId;
  channel: 'room' | 'effect';
  /** What the caption says while it plays. */
  caption: string;
  /** Level in the mix, before the learner's volumes (0–1). */
  gain: number;
  /** Room tones only: the length of the loop. */
  loopMs?: number;
}

const room = (id: RoomToneId, caption: string, loopMs = 8000, gain = 0.55): SoundSpec => ({
  id,
  channel: 'room',
  caption,
  gain,
  loopMs,
});
const effect = (id: EffectId, caption: string, gain: number): SoundSpec => ({
  id,
  channel: 'effect',
  caption,
  gain,
});

export const SOUNDS: Readonly<Record<SoundId, SoundSpec>> = {
  'room-lounge': room('room-lounge', '[a clock ticks]'),
  'room-quiet-room': room('room-quiet-room', '[a quiet room, very still]'),
  'room-meeting-room': room('room-meeting-room', '[the lights hum]'),
  'room-bedroom': room('room-bedroom', '[birds sing faintly outside]', 10000),
  'room-office': room('room-office', '[a computer fan whirs]'),
  'room-corridor': room('room-corridor', '[air vents hum; a door shuts far off]'),
  'room-dining-room': room('room-dining-room', '[cutlery clinks now and then]', 10000),
  'room-garden': room('room-garden', '[a breeze; birds sing]', 12000),
  'room-hospital-ward': room('room-hospital-ward', '[a monitor beeps softly]', 8000, 0.45),
  'room-home': room('room-home', '[a kettle murmurs next door; a clock ticks]', 10000),
  'room-reception': room('room-reception', '[a door buzzer sounds; a door closes]', 10000),
  'room-manager-office': room('room-manager-office', '[a clock ticks; the air vent hums]'),
  'room-night-corridor': room('room-night-corridor', '[a low hum; a call bell chimes far off]', 12000, 0.45),
  'room-phone-call': room('room-phone-call', '[a faint hiss on the line]', 6000, 0.4),
  scene: effect('scene', '[a door closes]', 0.55),
  choice: effect('choice', '[a soft click]', 0.4),
  mood: effect('mood', '[a soft tone]', 0.45),
  'ending-good': effect('ending-good', '[a warm closing chord]', 0.5),
  'ending-mixed': effect('ending-mixed', '[an open, unresolved chord]', 0.5),
  'ending-poor': effect('ending-poor', '[a low, quiet closing chord]', 0.5),
};

export const ROOM_TONE_BY_KIND: Readonly<Record<LocationKind, RoomToneId>> = {
  lounge: 'room-lounge',
  'quiet-room': 'room-quiet-room',
  'meeting-room': 'room-meeting-room',
  bedroom: 'room-bedroom',
  office: 'room-office',
  corridor: 'room-corridor',
  'dining-room': 'room-dining-room',
  garden: 'room-garden',
  'hospital-ward': 'room-hospital-ward',
  home: 'room-home',
  reception: 'room-reception',
  'manager-office': 'room-manager-office',
  'night-corridor': 'room-night-corridor',
  'phone-call': 'room-phone-call',
};

export const ENDING_CUE: Readonly<Record<Outcome, EffectId>> = {
  good: 'ending-good',
  mixed: 'ending-mixed',
  poor: 'ending-poor',
};

/** The file a sound is stored in, under assets/sound/. */
export const soundFile = (id: SoundId): string => `${id}.mp3`;
