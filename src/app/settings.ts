/**
 * Settings remembered between visits, in a small versioned record. Bad or old data never wins:
 * anything unreadable falls back to the default for that field, and the app says so once.
 */
import type { KeyValueStore } from './storage';

export const SETTINGS_VERSION = 1;
const KEY = 'settings';

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
}

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  mode: 'practice',
  textSize: 'standard',
  font: 'atkinson',
  motion: 'system',
};

export interface LoadedSettings {
  settings: Settings;
  /** A sentence for the learner when something could not be read; null when all was well. */
  problem: string | null;
}

const oneOf = <T extends string>(value: unknown, options: readonly T[]): value is T =>
  typeof value === 'string' && (options as readonly string[]).includes(value);

export function parseSettings(raw: string | null): LoadedSettings {
  if (raw === null) return { settings: { ...DEFAULT_SETTINGS }, problem: null };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return {
      settings: { ...DEFAULT_SETTINGS },
      problem: 'Your saved settings could not be read, so the defaults are in use.',
    };
  }
  if (data === null || typeof data !== 'object') {
    return {
      settings: { ...DEFAULT_SETTINGS },
      problem: 'Your saved settings could not be read, so the defaults are in use.',
    };
  }
  const d = data as Record<string, unknown>;
  if (typeof d.version === 'number' && d.version > SETTINGS_VERSION) {
    return {
      settings: { ...DEFAULT_SETTINGS },
      problem: 'Your settings were saved by a newer version of CarePlay; the defaults are in use here.',
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
  };
  const dropped = (['mode', 'textSize', 'font', 'motion'] as const).filter(
    (k) => k in d && d[k] !== settings[k],
  );
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
