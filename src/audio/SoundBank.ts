/**
 * The sound bank: every sound loaded once through Howler, a room tone that crossfades from one
 * room to the next, one-shot cues, and the learner's volumes. It knows nothing of scenarios;
 * followModel.ts decides what to play.
 *
 * Files load one at a time, most needed first: the room tone wanted now, the cues a first
 * choice can play, the other rooms prepare() names, and the endings last. Loaded all at once, a
 * dozen files were decoded side by side on a two-core machine as the first room faded in, and its
 * frames stalled; on a slow network the first room's tone waited behind every cue.
 *
 * It never waits for sound. A cue that cannot play at once (audio locked until the first
 * gesture, a file still loading or broken, muted) is dropped, not queued to go off late; the
 * room tone starts when it can. A caption is given only when Howler says a sound has started,
 * so nothing is captioned that did not play.
 *
 * Howler is passed in (see loadSoundBank.ts), so tests run the bank on a fake.
 */
import {
  EFFECT_IDS,
  SOUNDS,
  SOUND_IDS,
  PAD_MS,
  type EffectId,
  type RoomToneId,
  type SoundId,
} from './catalogue';

/** The part of a Howl the bank uses. */
export interface HowlLike {
  play(sprite?: string): number;
  stop(id?: number): unknown;
  fade(from: number, to: number, duration: number, id?: number): unknown;
  volume(volume: number, id?: number): unknown;
  once(event: string, callback: (...args: never[]) => void, id?: number): unknown;
  on(event: string, callback: (...args: never[]) => void, id?: number): unknown;
  state(): 'unloaded' | 'loading' | 'loaded';
  load(): unknown;
  unload(): unknown;
}

export interface HowlOptionsLike {
  src: string[];
  format: string[];
  preload: boolean;
  volume: number;
  sprite?: Record<string, [number, number] | [number, number, boolean]>;
}

/** The part of Howler's global the bank uses. */
export interface HowlerGlobalLike {
  noAudio: boolean;
  usingWebAudio: boolean;
  autoSuspend: boolean;
  ctx: {
    state: string;
    addEventListener?(type: 'statechange', listener: () => void): void;
    removeEventListener?(type: 'statechange', listener: () => void): void;
  } | null;
}

export interface HowlerApi {
  Howl: new (options: HowlOptionsLike) => HowlLike;
  Howler: HowlerGlobalLike;
}

/** How loud things are, from the learner's settings (all 0–1). */
export interface SoundLevels {
  master: number;
  room: number;
  effects: number;
  /** Nothing plays (also set while the page is hidden). */
  muted: boolean;
}

export type CaptionEvent =
  /** The room tone started (text) or stopped (null). */
  | { channel: 'room'; id: RoomToneId | null; text: string | null }
  /** A cue started playing. */
  | { channel: 'effect'; id: EffectId; text: string };

export const ROOM_FADE_MS = 1200;
const QUICK_FADE_MS = 250;
const LOOP_SPRITE = 'loop';
const isEnding = (id: SoundId) => id.startsWith('ending-');
/**
 * How long one file may hold up the ones after it. A file that never says it has loaded or failed
 * (an HTML5 audio element a browser will not fetch without a gesture, a stalled connection) must
 * not leave every later sound unloaded; it may still finish, and is used if it does.
 */
const LOAD_PATIENCE_MS = 8000;
/** The cues in the order they are first needed (a choice comes long before an ending), every one. */
const FIRST_CUES: readonly EffectId[] = ['choice', 'mood', 'scene'];
const CUE_ORDER: readonly EffectId[] = [
  ...FIRST_CUES,
  ...EFFECT_IDS.filter((id) => !FIRST_CUES.includes(id) && !isEnding(id)),
  ...EFFECT_IDS.filter(isEnding),
];

interface PlayingRoom {
  id: RoomToneId;
  soundId: number;
  howl: HowlLike;
}

export class SoundBank {
  private readonly howls = new Map<SoundId, HowlLike>();
  private readonly broken = new Set<SoundId>();
  private readonly captionListeners = new Set<(e: CaptionEvent) => void>();
  private levels: SoundLevels;
  private wantedRoom: RoomToneId | null = null;
  private room: PlayingRoom | null = null;
  private roomDuck = 1;
  private readonly waitingForLoad = new Set<SoundId>();
  /** Files still to load, the next first; and the one loading now. */
  private readonly toLoad: SoundId[] = [];
  private loading: SoundId | null = null;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly onStateChange = () => this.syncRoom(ROOM_FADE_MS);
  private readonly ctx: HowlerGlobalLike['ctx'];
  private disposed = false;

  constructor(
    private readonly api: HowlerApi,
    urls: Readonly<Record<SoundId, string>>,
    levels: SoundLevels,
  ) {
    this.levels = { ...levels };
    // Howler would otherwise suspend the audio after 30 s of quiet, and a cue would then wait
    // for it to wake: the bank keeps it awake and decides for itself what is silent.
    api.Howler.autoSuspend = false;
    if (!api.Howler.noAudio) {
      for (const id of SOUND_IDS) {
        const spec = SOUNDS[id];
        const howl = new api.Howl({
          src: [urls[id]],
          format: ['mp3'],
          // Loaded by the bank's own queue (toLoad), one file at a time.
          preload: false,
          volume: 0,
          ...(spec.loopMs ? { sprite: { [LOOP_SPRITE]: [PAD_MS, spec.loopMs, true] } } : {}),
        });
        howl.once('loaderror', () => {
          this.broken.add(id);
          if (this.room?.id === id) this.room = null;
          this.loaded(id);
        });
        howl.once('load', () => this.loaded(id));
        howl.on('unlock', () => this.syncRoom(ROOM_FADE_MS));
        this.howls.set(id, howl);
      }
    }
    // Read after the Howls exist: creating the first one may replace Howler's AudioContext.
    this.ctx = api.Howler.ctx;
    this.ctx?.addEventListener?.('statechange', this.onStateChange);
    // The cues wait a moment, so the rooms asked for as the conversation opens go first.
    this.toLoad.push(...CUE_ORDER.filter((id) => this.howls.has(id)));
    this.later(0, () => this.loadNext());
  }

  /** False where this browser has no way to play sound at all. */
  get available(): boolean {
    return !this.api.Howler.noAudio && this.howls.size > 0;
  }

  /** True when a sound asked for now would start now. */
  get running(): boolean {
    const H = this.api.Howler;
    if (H.noAudio || this.disposed) return false;
    if (!H.usingWebAudio) return true;
    return H.ctx?.state === 'running';
  }

  get currentRoom(): RoomToneId | null {
    return this.room?.id ?? null;
  }

  onCaption(listener: (e: CaptionEvent) => void): () => void {
    this.captionListeners.add(listener);
    return () => this.captionListeners.delete(listener);
  }

  setLevels(levels: SoundLevels): void {
    const wasMuted = !this.effectsAudible();
    this.levels = { ...levels };
    if (this.room && this.roomAudible()) {
      this.room.howl.volume(this.roomVolume(this.room.id), this.room.soundId);
    }
    if (!wasMuted && !this.effectsAudible()) {
      // Silence means silence now, not when the chord has rung out.
      for (const id of SOUND_IDS) if (SOUNDS[id].channel === 'effect') this.howls.get(id)?.stop();
    }
    this.syncRoom(QUICK_FADE_MS);
  }

  /**
   * Load these sounds (e.g. every room of a scenario) so they are ready in time: after the cues
   * a choice plays, since a room changes only after a choice, and before the endings.
   */
  prepare(ids: readonly SoundId[]): void {
    this.queue(ids, 'before endings');
  }

  /** The room tone to play (null for none); crossfades from the one playing. */
  setRoom(id: RoomToneId | null, fadeMs = ROOM_FADE_MS): void {
    this.wantedRoom = id;
    this.syncRoom(fadeMs);
  }

  /** Lower the room tone (1 is its full level), e.g. under a closing chord. */
  duckRoom(factor: number, fadeMs = ROOM_FADE_MS): void {
    if (factor === this.roomDuck) return;
    const before = this.room ? this.roomVolume(this.room.id) : 0;
    this.roomDuck = factor;
    if (this.room) this.room.howl.fade(before, this.roomVolume(this.room.id), fadeMs, this.room.soundId);
  }

  /**
   * Play a cue now, or not at all. Returns whether it was started. `caption` replaces the
   * catalogue's words (e.g. to say whose mood shifted).
   */
  play(id: EffectId, caption?: string): boolean {
    const howl = this.howls.get(id);
    if (!howl || !this.playable(id) || !this.effectsAudible()) return false;
    howl.volume(this.effectVolume(id));
    const soundId = howl.play();
    const text = caption ?? SOUNDS[id].caption;
    howl.once('play', () => this.emit({ channel: 'effect', id, text }), soundId);
    return true;
  }

  /** Fade everything out and forget the room (leaving a conversation). */
  stopAll(fadeMs = ROOM_FADE_MS): void {
    this.wantedRoom = null;
    this.roomDuck = 1;
    this.syncRoom(fadeMs);
  }

  dispose(): void {
    this.stopAll(0);
    this.disposed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.ctx?.removeEventListener?.('statechange', this.onStateChange);
    for (const howl of this.howls.values()) howl.unload();
    this.howls.clear();
    this.captionListeners.clear();
  }

  /* ---------- internals ---------- */

  private playable(id: SoundId): boolean {
    const howl = this.howls.get(id);
    return !!howl && !this.broken.has(id) && howl.state() === 'loaded' && this.running;
  }

  private roomAudible(): boolean {
    const l = this.levels;
    return !l.muted && l.master > 0 && l.room > 0;
  }

  private effectsAudible(): boolean {
    const l = this.levels;
    return !l.muted && l.master > 0 && l.effects > 0;
  }

  private roomVolume(id: RoomToneId): number {
    return clamp(this.levels.master * this.levels.room * SOUNDS[id].gain * this.roomDuck);
  }

  private effectVolume(id: EffectId): number {
    return clamp(this.levels.master * this.levels.effects * SOUNDS[id].gain);
  }

  /** Make what plays match what is wanted and allowed. */
  private syncRoom(fadeMs: number): void {
    if (this.disposed) return;
    const target = this.roomAudible() ? this.wantedRoom : null;
    if (this.room && this.room.id === target) return;
    if (this.room) {
      const { howl, soundId, id } = this.room;
      const from = this.roomVolume(id);
      this.room = null;
      if (fadeMs > 0 && this.running) {
        howl.fade(from, 0, fadeMs, soundId);
        this.later(fadeMs + 50, () => howl.stop(soundId));
      } else {
        howl.stop(soundId);
      }
      this.emit({ channel: 'room', id: null, text: null });
    }
    if (!target) return;
    const howl = this.howls.get(target);
    if (!howl || this.broken.has(target)) return;
    if (howl.state() !== 'loaded') {
      // Start it once it has loaded, if it is still the room by then.
      if (!this.waitingForLoad.has(target)) {
        this.waitingForLoad.add(target);
        howl.once('load', () => {
          this.waitingForLoad.delete(target);
          this.syncRoom(ROOM_FADE_MS);
        });
      }
      this.queue([target], 'first');
      return;
    }
    if (!this.running) return; // statechange or Howler's 'unlock' calls back when it can
    const soundId = howl.play(LOOP_SPRITE);
    const room = { id: target, soundId, howl };
    this.room = room;
    howl.volume(0, soundId);
    howl.fade(0, this.roomVolume(target), Math.max(fadeMs, 1), soundId);
    howl.once(
      'play',
      () => {
        if (this.room === room) this.emit({ channel: 'room', id: target, text: SOUNDS[target].caption });
      },
      soundId,
    );
  }

  /** Put these files in the queue (once each, in this order), and go on loading. */
  private queue(ids: readonly SoundId[], where: 'first' | 'before endings'): void {
    const fresh = [...new Set(ids)].filter(
      (id) => this.howls.get(id)?.state() === 'unloaded' && !this.broken.has(id),
    );
    for (const id of fresh) {
      const at = this.toLoad.indexOf(id);
      if (at >= 0) this.toLoad.splice(at, 1);
    }
    const endings = this.toLoad.findIndex(isEnding);
    const at = where === 'first' ? 0 : endings >= 0 ? endings : this.toLoad.length;
    this.toLoad.splice(at, 0, ...fresh);
    this.loadNext();
  }

  /** Start the next file if none is loading. */
  private loadNext(): void {
    if (this.disposed || this.loading) return;
    while (this.toLoad.length) {
      const id = this.toLoad.shift()!;
      const howl = this.howls.get(id);
      if (!howl || howl.state() !== 'unloaded' || this.broken.has(id)) continue;
      this.loading = id;
      howl.load();
      this.later(LOAD_PATIENCE_MS, () => this.loaded(id));
      return;
    }
  }

  /** A file finished loading, or failed: the next one's turn. */
  private loaded(id: SoundId): void {
    if (this.loading !== id) return;
    this.loading = null;
    this.loadNext();
  }

  private later(ms: number, fn: () => void) {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  private emit(e: CaptionEvent) {
    for (const listener of [...this.captionListeners]) listener(e);
  }
}

const clamp = (v: number) => Math.max(0, Math.min(1, v));
