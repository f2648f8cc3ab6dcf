/**
 * Read aloud on a fake speech synthesis: each line spoken once, in the speaker's own voice and
 * pitch; nothing when switched off, muted, or where there is no speech synthesis.
 */
import { describe, expect, it } from 'vitest';
import { levelsFrom } from '../../src/audio/levels';
import {
  planVoices,
  readAloud,
  type SpeechApi,
  type UtteranceLike,
  type VoiceLike,
} from '../../src/audio/readAloud';
import { DEFAULT_SETTINGS } from '../../src/app/settings';
import { Session } from '../../src/engine/Session';
import { castOf } from '../../src/ui/conversationModel';
import { load, fixtureText } from '../helpers/fixtures';

const VOICES: VoiceLike[] = [
  { name: 'Zed', lang: 'en-US' },
  { name: 'Amy', lang: 'en-GB' },
  { name: 'Brian', lang: 'en-GB' },
  { name: 'Hélène', lang: 'fr-FR' },
];

function fakeSpeech(voices: VoiceLike[] = VOICES) {
  const spoken: UtteranceLike[] = [];
  let cancels = 0;
  let onVoices: (() => void) | null = null;
  const api: SpeechApi = {
    speech: {
      speak: (u) => spoken.push(u),
      cancel: () => cancels++,
      getVoices: () => voices,
      addEventListener: (_t, l) => (onVoices = l),
      removeEventListener: () => (onVoices = null),
    },
    utterance: (text) => ({ text, voice: null, lang: '', pitch: 1, rate: 1, volume: 1 }),
  };
  return { api, spoken, cancels: () => cancels, voicesChanged: () => onVoices?.() };
}

const scenario = () => load(fixtureText('gift.yaml')).scenario!;

describe('read aloud', () => {
  it('speaks each line as it comes, starting with the one on screen', () => {
    const session = new Session(scenario());
    const fake = fakeSpeech();
    readAloud(session, fake.api, { cast: castOf(session.scenario), enabled: () => true, volume: () => 0.6 });
    while (session.canContinue) session.next();
    expect(fake.spoken.map((u) => u.text)).toEqual([
      'You have just helped Arthur back to his chair after supper.',
      "You've been ever so good to me this week, love. Here — take this, buy yourself something nice. Go on. Nobody needs to know.",
      'He presses a folded twenty-pound note into your hand.',
    ]);
    expect(fake.spoken.every((u) => u.volume === 0.6)).toBe(true);
  });

  it('gives a person their own voice and pitch, and the narrator the first British voice', () => {
    const session = new Session(scenario());
    const fake = fakeSpeech();
    readAloud(session, fake.api, { cast: castOf(session.scenario), enabled: () => true, volume: () => 1 });
    session.next();
    const [narrator, arthur] = fake.spoken;
    expect(narrator!.voice!.name).toBe('Amy');
    expect(narrator!.pitch).toBe(1);
    expect(arthur!.voice!.name).toBe('Brian');
    expect(arthur!.pitch).not.toBe(1);
    expect(arthur!.rate).toBeLessThan(1); // Arthur is 86
  });

  it('plans voices: English first, British first, never a French voice for an English line', () => {
    const plan = planVoices(VOICES, castOf(scenario()));
    expect([...plan.values()].map((p) => p.voice?.lang)).not.toContain('fr-FR');
    expect(planVoices([], castOf(scenario())).get('arthur')).toMatchObject({ voice: null });
  });

  it('is silent when switched off, and stops mid-line when switched off', () => {
    const session = new Session(scenario());
    const fake = fakeSpeech();
    let on = false;
    const reader = readAloud(session, fake.api, {
      cast: castOf(session.scenario),
      enabled: () => on,
      volume: () => 1,
    });
    session.next();
    expect(fake.spoken).toEqual([]);
    on = true;
    reader.refresh(); // switched on: the line on screen is read
    expect(fake.spoken.map((u) => u.text)).toEqual([session.snapshot.line!.text]);
    const before = fake.cancels();
    on = false;
    reader.refresh();
    expect(fake.cancels()).toBeGreaterThan(before);
    session.next();
    expect(fake.spoken).toHaveLength(1);
  });

  it('muted (volume 0) says nothing', () => {
    const session = new Session(scenario());
    const fake = fakeSpeech();
    readAloud(session, fake.api, { cast: castOf(session.scenario), enabled: () => true, volume: () => 0 });
    session.next();
    expect(fake.spoken).toEqual([]);
  });

  it('where there is no speech synthesis, nothing happens and nothing breaks', () => {
    const session = new Session(scenario());
    const reader = readAloud(session, null, {
      cast: castOf(session.scenario),
      enabled: () => true,
      volume: () => 1,
    });
    expect(() => {
      session.next();
      reader.refresh();
      reader.stop();
    }).not.toThrow();
  });

  it('a speech synthesis that throws does not stop the conversation', () => {
    const session = new Session(scenario());
    const fake = fakeSpeech();
    fake.api.speech.speak = () => {
      throw new Error('synthesis-failed');
    };
    readAloud(session, fake.api, { cast: castOf(session.scenario), enabled: () => true, volume: () => 1 });
    expect(() => session.next()).not.toThrow();
  });

  it('stops listening when stopped', () => {
    const session = new Session(scenario());
    const fake = fakeSpeech();
    const reader = readAloud(session, fake.api, {
      cast: castOf(session.scenario),
      enabled: () => true,
      volume: () => 1,
    });
    reader.stop();
    session.next();
    expect(fake.spoken).toHaveLength(1); // only the line that was on screen at the start
  });
});

describe('sound levels from settings', () => {
  it('uses the learner’s volume alone, and the presenter volume in presenter mode', () => {
    const s = { ...DEFAULT_SETTINGS, volume: 0.9, presenterVolume: 0.3 };
    expect(levelsFrom(s).master).toBe(0.9);
    expect(levelsFrom(s, { presenting: true }).master).toBe(0.3);
  });

  it('a hidden page is as good as muted', () => {
    expect(levelsFrom(DEFAULT_SETTINGS, { hidden: true }).muted).toBe(true);
    expect(levelsFrom({ ...DEFAULT_SETTINGS, muted: true }).muted).toBe(true);
    expect(levelsFrom(DEFAULT_SETTINGS).muted).toBe(false);
  });
});
