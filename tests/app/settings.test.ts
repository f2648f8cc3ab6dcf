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
      ...DEFAULT_SETTINGS,
      version: 1,
      mode: 'assessment',
      textSize: 'standard',
      font: 'opendyslexic',
      motion: 'reduced',
    });
    expect(loaded.problem).toMatch(/textSize/);
  });

  it('settings saved before sound existed load quietly, with the sound defaults', () => {
    const old = { version: 1, mode: 'assessment', textSize: 'large', font: 'system', motion: 'full' };
    const loaded = parseSettings(JSON.stringify(old));
    expect(loaded.problem).toBeNull();
    expect(loaded.settings).toEqual({ ...DEFAULT_SETTINGS, ...old });
    expect(loaded.settings).toMatchObject({ muted: false, captions: false, readAloud: false, volume: 0.8 });
  });

  it('reads the sound settings back, and drops only an unreadable one', () => {
    const sound = {
      volume: 0.35,
      roomToneVolume: 0,
      effectsVolume: 1,
      presenterVolume: 0.2,
      muted: true,
      captions: true,
      readAloud: true,
    };
    expect(parseSettings(JSON.stringify({ version: 1, ...sound }))).toEqual({
      settings: { ...DEFAULT_SETTINGS, ...sound },
      problem: null,
    });
    for (const [field, bad] of [
      ['volume', 2],
      ['effectsVolume', -0.1],
      ['roomToneVolume', 'loud'],
      ['presenterVolume', null],
      ['muted', 'yes'],
      ['captions', 1],
    ] as const) {
      const loaded = parseSettings(JSON.stringify({ version: 1, ...sound, [field]: bad }));
      expect(loaded.settings[field], field).toBe(DEFAULT_SETTINGS[field]);
      expect(loaded.problem, field).toContain(field);
      expect(loaded.settings.readAloud).toBe(true);
    }
  });

  it('presenter mode has its own default level, lower than a learner’s own', () => {
    expect(DEFAULT_SETTINGS.presenterVolume).toBeLessThan(DEFAULT_SETTINGS.volume);
  });

  it.each([
    ['foreign (no version)', JSON.stringify({ hello: 'world', mode: 'assessment' }), /not CarePlay settings/],
    ['an array', '[1,2]', /could not be read/],
    ['older', JSON.stringify({ version: 0, mode: 'assessment' }), /older version/],
    [
      'oversized',
      JSON.stringify({ version: 1, mode: 'assessment', pad: 'x'.repeat(50_000) }),
      /far too large/,
    ],
  ])('%s settings: defaults, and says so (issue 20)', (_name, raw, why) => {
    const loaded = parseSettings(raw);
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.problem).toMatch(why);
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
    settings.update({ muted: true, volume: 0.4 });
    expect(new SettingsStore(store).value).toMatchObject({ muted: true, volume: 0.4, textSize: 'larger' });
    expect(new SettingsStore(store).problem).toBeNull();
  });
});
