/**
 * A fake Howler for unit tests: it loads, plays, fades and stops nothing, but records every call
 * and fires Howler's events the way Howler does (a sound's 'play' a tick after play(); 'load'
 * when told to finish loading). Use with vi.useFakeTimers().
 */
import { SOUND_IDS, soundFile, type SoundId } from '../../src/audio/catalogue';
import type { HowlerApi, HowlLike, HowlOptionsLike } from '../../src/audio/SoundBank';

type Listener = { fn: (...args: unknown[]) => void; id?: number; once: boolean };

export interface Played {
  sound: SoundId;
  soundId: number;
  sprite: string | undefined;
  at: number;
}

export interface FakeOptions {
  /** Sounds finish loading as soon as they start (default), or only when loadAll() is called. */
  autoLoad?: boolean;
  /** AudioContext state at the start: 'running', or 'suspended' as before a first gesture. */
  state?: 'running' | 'suspended';
  noAudio?: boolean;
  /** These files fail to load. */
  broken?: SoundId[];
}

export class FakeContext {
  private listeners = new Set<() => void>();
  constructor(public state: string) {}
  addEventListener(_type: 'statechange', listener: () => void) {
    this.listeners.add(listener);
  }
  removeEventListener(_type: 'statechange', listener: () => void) {
    this.listeners.delete(listener);
  }
  set(state: string) {
    this.state = state;
    for (const l of [...this.listeners]) l();
  }
}

export class FakeHowl implements HowlLike {
  readonly sound: SoundId;
  private stateValue: 'unloaded' | 'loading' | 'loaded' = 'unloaded';
  private listeners = new Map<string, Listener[]>();
  private nextId = 1;
  /** Sounds started and not stopped: id → volume. */
  readonly active = new Map<number, number>();
  groupVolume: number;
  readonly fades: { from: number; to: number; ms: number; id?: number }[] = [];
  loads = 0;

  constructor(
    readonly options: HowlOptionsLike,
    private readonly world: FakeWorld,
  ) {
    const file = options.src[0]!;
    this.sound = SOUND_IDS.find((id) => file.endsWith(soundFile(id)))!;
    this.groupVolume = options.volume;
    if (options.preload) this.load();
  }

  load() {
    if (this.stateValue !== 'unloaded') return this;
    this.loads++;
    this.stateValue = 'loading';
    this.world.loadOrder.push(this.sound);
    const atOnce = this.world.howls.filter((h) => h.state() === 'loading').length;
    this.world.mostLoadingAtOnce = Math.max(this.world.mostLoadingAtOnce, atOnce);
    // Howler loads asynchronously, always.
    if (this.world.options.autoLoad !== false) setTimeout(() => this.finishLoading(), 0);
    return this;
  }

  finishLoading() {
    if (this.stateValue !== 'loading') return;
    if (this.world.options.broken?.includes(this.sound)) {
      this.stateValue = 'unloaded';
      this.emit('loaderror', undefined, 'broken');
      return;
    }
    this.stateValue = 'loaded';
    this.emit('load');
  }

  state() {
    return this.stateValue;
  }

  play(sprite?: string): number {
    const id = this.nextId++;
    this.active.set(id, this.groupVolume);
    this.world.played.push({ sound: this.sound, soundId: id, sprite, at: Date.now() });
    setTimeout(() => this.emit('play', id), 0);
    // Cues end by themselves (after a second, here); a looping room tone goes on until stopped.
    if (!sprite) {
      setTimeout(() => {
        if (this.active.delete(id)) this.emit('end', id);
      }, 1000);
    }
    return id;
  }

  stop(id?: number) {
    if (id === undefined) this.active.clear();
    else this.active.delete(id);
    return this;
  }

  fade(from: number, to: number, ms: number, id?: number) {
    this.fades.push({ from, to, ms, id });
    if (id !== undefined && this.active.has(id)) this.active.set(id, to);
    return this;
  }

  volume(volume: number, id?: number) {
    if (id === undefined) this.groupVolume = volume;
    else if (this.active.has(id)) this.active.set(id, volume);
    return this;
  }

  on(event: string, fn: (...args: never[]) => void, id?: number) {
    this.add(event, { fn: fn as Listener['fn'], id, once: false });
    return this;
  }

  once(event: string, fn: (...args: never[]) => void, id?: number) {
    this.add(event, { fn: fn as Listener['fn'], id, once: true });
    return this;
  }

  unload() {
    this.active.clear();
    this.stateValue = 'unloaded';
    return this;
  }

  emit(event: string, id?: number, message?: unknown) {
    const list = this.listeners.get(event) ?? [];
    for (const l of [...list]) {
      if (l.id !== undefined && l.id !== id) continue;
      if (l.once) list.splice(list.indexOf(l), 1);
      l.fn(id, message);
    }
  }

  private add(event: string, l: Listener) {
    const list = this.listeners.get(event) ?? [];
    list.push(l);
    this.listeners.set(event, list);
  }
}

export interface FakeWorld {
  options: FakeOptions;
  api: HowlerApi;
  howls: FakeHowl[];
  played: Played[];
  /** Every load() that started one, in order. */
  loadOrder: SoundId[];
  /** The most files loading at one time. */
  mostLoadingAtOnce: number;
  ctx: FakeContext | null;
  howl(sound: SoundId): FakeHowl;
  /** Sounds playing now (started, not stopped). */
  playing(): SoundId[];
  loadAll(): void;
}

export function fakeHowler(options: FakeOptions = {}): FakeWorld {
  const world: FakeWorld = {
    options,
    howls: [],
    played: [],
    loadOrder: [],
    mostLoadingAtOnce: 0,
    ctx: options.noAudio ? null : new FakeContext(options.state ?? 'running'),
    api: undefined as unknown as HowlerApi,
    howl: (sound) => world.howls.find((h) => h.sound === sound)!,
    playing: () => world.howls.filter((h) => h.active.size > 0).map((h) => h.sound),
    loadAll: () => world.howls.forEach((h) => h.finishLoading()),
  };
  class Howl extends FakeHowl {
    constructor(o: HowlOptionsLike) {
      super(o, world);
      world.howls.push(this);
    }
  }
  world.api = {
    Howl,
    Howler: { noAudio: !!options.noAudio, usingWebAudio: true, autoSuspend: true, ctx: world.ctx },
  };
  return world;
}

/** A file address per sound, as Vite would give them. */
export const URLS = Object.fromEntries(SOUND_IDS.map((id) => [id, `/assets/${soundFile(id)}`])) as Record<
  SoundId,
  string
>;
