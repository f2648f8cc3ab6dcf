/**
 * Settings remembered between visits, in a small versioned record. Bad or old data never wins:
 * anything unreadable falls back to the default for that field, and the app says so once.
 *
 * A field that is simply missing (saved before the field existed) takes its default quietly:
 * adding a field does not need a new SETTINGS_VERSION. Raise the version only when an existing
 * field changes meaning, since a page running older code treats a newer version as unreadable.
 */
import type { KeyValueStore } from './storage';
import { SETTINGS_KEY as KEY } from './storageKeys';

export const SETTINGS_VERSION = 1;

export const TEXT_SIZES = { standard: 1, large: 1.2, larger: 1.45 } as const;
export const FONTS = ['atkinson', 'opendyslexic', 'system'] as const;

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** Practice shows feedback after each choice; assessment keeps it for the debrief. */
  mode: 'practice' | 'assessment';
  textSize: keyof typeof TEXT_SIZES;
  font: (typeof FONTS)[number];
  /** 'system' follows the operating system's reduced-motion setting. */
  motion: 'system' | 'reduced' | 'full';
  /** Overall loudness of sound, 0–1. */
  volume: number;
  /** Room tone (the clock, the hum of a room), 0–1, under `volume`. */
  roomToneVolume: number;
  /** Cues (a door, a choice, a closing chord), 0–1, under `volume`. */
  effectsVolume: number;
  /**
   * Overall loudness in presenter mode, used instead of `volume` in the window the class sees:
   * a projector's speakers fill a room, so it starts lower.
   */
  presenterVolume: number;
  muted: boolean;
  /** Show each sound that plays as text ("[a clock ticks]"). */
  captions: boolean;
  /** Speak each line with the browser's speech synthesis. */
  readAloud: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  mode: 'practice',
  textSize: 'standard',
  font: 'atkinson',
  motion: 'system',
  volume: 0.8,
  roomToneVolume: 0.5,
  effectsVolume: 0.7,
  presenterVolume: 0.5,
  muted: false,
  captions: false,
  readAloud: false,
};

const SOUND_LEVELS = ['volume', 'roomToneVolume', 'effectsVolume', 'presenterVolume'] as const;
const SWITCHES = ['muted', 'captions', 'readAloud'] as const;
const FIELDS = ['mode', 'textSize', 'font', 'motion', ...SOUND_LEVELS, ...SWITCHES] as const;

export interface LoadedSettings {
  settings: Settings;
  /** A sentence for the learner when something could not be read; null when all was well. */
  problem: string | null;
}

const level = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;

const oneOf = <T extends string>(value: unknown, options: readonly T[]): value is T =>
  typeof value === 'string' && (options as readonly string[]).includes(value);

/** Settings are a few hundred characters; a record far larger is not CarePlay's. */
export const MAX_SETTINGS_CHARS = 20_000;

export function parseSettings(raw: string | null): LoadedSettings {
  if (raw === null) return { settings: { ...DEFAULT_SETTINGS }, problem: null };
  if (raw.length > MAX_SETTINGS_CHARS) {
    return {
      settings: { ...DEFAULT_SETTINGS },
      problem: 'Your saved settings are far too large to be CarePlay’s, so the defaults are in use.',
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return {
      settings: { ...DEFAULT_SETTINGS },
      problem: 'Your saved settings could not be read, so the defaults are in use.',
    };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return {
      settings: { ...DEFAULT_SETTINGS },
      problem: 'Your saved settings could not be read, so the defaults are in use.',
    };
  }
  const d = data as Record<string, unknown>;
  if (typeof d.version !== 'number' || !Number.isFinite(d.version)) {
    return {
      settings: { ...DEFAULT_SETTINGS },
      problem: 'Your saved settings are not CarePlay settings, so the defaults are in use.',
    };
  }
  if (d.version > SETTINGS_VERSION) {
    return {
      settings: { ...DEFAULT_SETTINGS },
      problem: 'Your settings were saved by a newer version of CarePlay; the defaults are in use here.',
    };
  }
  if (d.version < 1) {
    return {
      settings: { ...DEFAULT_SETTINGS },
      problem:
        'Your settings were saved by an older version of CarePlay that is no longer read; the defaults are in use.',
    };
  }
  const settings: Settings = {
    version: SETTINGS_VERSION,
    mode: oneOf(d.mode, ['practice', 'assessment'] as const) ? d.mode : DEFAULT_SETTINGS.mode,
    textSize: oneOf(d.textSize, Object.keys(TEXT_SIZES) as (keyof typeof TEXT_SIZES)[])
      ? d.textSize
      : DEFAULT_SETTINGS.textSize,
    font: oneOf(d.font, FONTS) ? d.font : DEFAULT_SETTINGS.font,
    motion: oneOf(d.motion, ['system', 'reduced', 'full'] as const) ? d.motion : DEFAULT_SETTINGS.motion,
    volume: level(d.volume) ? d.volume : DEFAULT_SETTINGS.volume,
    roomToneVolume: level(d.roomToneVolume) ? d.roomToneVolume : DEFAULT_SETTINGS.roomToneVolume,
    effectsVolume: level(d.effectsVolume) ? d.effectsVolume : DEFAULT_SETTINGS.effectsVolume,
    presenterVolume: level(d.presenterVolume) ? d.presenterVolume : DEFAULT_SETTINGS.presenterVolume,
    muted: typeof d.muted === 'boolean' ? d.muted : DEFAULT_SETTINGS.muted,
    captions: typeof d.captions === 'boolean' ? d.captions : DEFAULT_SETTINGS.captions,
    readAloud: typeof d.readAloud === 'boolean' ? d.readAloud : DEFAULT_SETTINGS.readAloud,
  };
  // Only a field that is there but unreadable is a problem; a missing one was saved before it existed.
  const dropped = FIELDS.filter((k) => k in d && d[k] !== settings[k]);
  return {
    settings,
    problem: dropped.length
      ? `Some saved settings could not be read (${dropped.join(', ')}); the defaults are used for those.`
      : null,
  };
}

export class SettingsStore {
  private current: Settings;
  private listeners = new Set<(s: Settings) => void>();
  readonly problem: string | null;

  constructor(private readonly store: KeyValueStore) {
    const loaded = parseSettings(store.get(KEY));
    this.current = loaded.settings;
    this.problem = loaded.problem;
  }

  get value(): Settings {
    return { ...this.current };
  }

  update(patch: Partial<Omit<Settings, 'version'>>): boolean {
    this.current = { ...this.current, ...patch, version: SETTINGS_VERSION };
    const saved = this.store.set(KEY, JSON.stringify(this.current));
    for (const listener of this.listeners) listener(this.value);
    return saved;
  }

  onChange(listener: (s: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
