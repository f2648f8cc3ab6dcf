import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings, SettingsStore } from '../../src/app/settings';
import { memoryStore } from '../../src/app/storage';

describe('settings', () => {
  it('starts from the defaults with nothing saved', () => {
    expect(parseSettings(null)).toEqual({ settings: DEFAULT_SETTINGS, problem: null });
  });

  it.each([
    ['corrupt JSON', '{"mode": "assess'],
    ['truncated JSON', '{'],
    ['not an object', '42'],
    ['null', 'null'],
  ])('%s: defaults, and says so once', (_name, raw) => {
    const loaded = parseSettings(raw);
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.problem).toMatch(/could not be read/);
  });

  it('keeps every field it can read and drops only the bad ones', () => {
    const loaded = parseSettings(
      JSON.stringify({
        version: 1,
        mode: 'assessment',
        textSize: 'huge',
        font: 'opendyslexic',
        motion: 'reduced',
      }),
    );
    expect(loaded.settings).toEqual({
      version: 1,
      mode: 'assessment',
      textSize: 'standard',
      font: 'opendyslexic',
      motion: 'reduced',
    });
    expect(loaded.problem).toMatch(/textSize/);
  });

  it('does not trust settings from a newer version', () => {
    const loaded = parseSettings(JSON.stringify({ version: 9, mode: 'assessment' }));
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.problem).toMatch(/newer version/);
  });

  it('remembers changes in the store and tells listeners', () => {
    const store = memoryStore();
    const settings = new SettingsStore(store);
    const seen: string[] = [];
    settings.onChange((s) => seen.push(s.textSize));
    expect(settings.update({ textSize: 'larger' })).toBe(true);
    expect(new SettingsStore(store).value.textSize).toBe('larger');
    expect(seen).toEqual(['larger']);
  });
});
