/**
 * The sound bank's reactions to a real Session (demo-gift), on a fake Howler: which sounds play
 * when, what is captioned, and what never happens (a cue that tells good from poor, mood cues
 * in assessment mode, a caption for a sound that did not play).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ROOM_TONE_BY_KIND, SOUNDS, type SoundId } from '../../src/audio/catalogue';
import { ENDING_DUCK, followSession } from '../../src/audio/followSession';
import { SoundBank, type CaptionEvent, type SoundLevels } from '../../src/audio/SoundBank';
import type { LocationKind } from '../../src/engine/model';
import { Session } from '../../src/engine/Session';
import { load, fixtureText } from '../helpers/fixtures';
import { fakeHowler, URLS, type FakeOptions, type FakeWorld } from './fakeHowler';

const LEVELS: SoundLevels = { master: 0.8, room: 0.5, effects: 0.7, muted: false };
const scenario = () => load(fixtureText('gift.yaml')).scenario!;

interface Rig {
  world: FakeWorld;
  bank: SoundBank;
  session: Session;
  captions: CaptionEvent[];
  assessment: { value: boolean };
  stop: () => void;
  /** Sounds started since the last call. */
  take: () => SoundId[];
  /** Run the clock on: queued cues play, 'play' events arrive, fades finish. */
  settle: (ms?: number) => void;
}

function rig(options: FakeOptions = {}, levels: SoundLevels = LEVELS, session?: Session): Rig {
  const world = fakeHowler(options);
  const bank = new SoundBank(world.api, URLS, levels);
  const s = session ?? new Session(scenario());
  const kinds = Object.fromEntries(
    Object.entries(s.scenario.locations).map(([id, l]) => [id, l.kind]),
  ) as Record<string, LocationKind>;
  const captions: CaptionEvent[] = [];
  bank.onCaption((e) => captions.push(e));
  const assessment = { value: false };
  const stop = followSession(s, bank, { kinds, assessment: () => assessment.value });
  let seen = 0;
  return {
    world,
    bank,
    session: s,
    captions,
    assessment,
    stop,
    take: () => {
      const out = world.played.slice(seen).map((p) => p.sound);
      seen = world.played.length;
      return out;
    },
    settle: (ms = 5000) => vi.advanceTimersByTime(ms),
  };
}

/** Read to the choices, without choosing. */
function readOn(session: Session) {
  while (session.canContinue) session.next();
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the sound bank following a Session', () => {
  it('plays the room tone of the first room, captioned once it has started', () => {
    const r = rig();
    expect(r.take()).toEqual([]); // loading
    vi.advanceTimersToNextTimer(); // loaded, and started
    expect(r.take()).toEqual(['room-lounge']);
    expect(r.world.played[0]!.sprite).toBe('loop');
    expect(r.captions).toEqual([]); // not yet started: Howler says 'play' a tick later
    r.settle(10);
    expect(r.captions).toEqual([{ channel: 'room', id: 'room-lounge', text: '[a clock ticks]' }]);
    // Faded in from silence to its level.
    const fade = r.world.howl('room-lounge').fades.at(-1)!;
    expect(fade.from).toBe(0);
    expect(fade.to).toBeCloseTo(0.8 * 0.5 * SOUNDS['room-lounge'].gain);
  });

  it('loads the cues and this scenario’s rooms, not every room', () => {
    const r = rig();
    const loaded = r.world.howls.filter((h) => h.loads > 0).map((h) => h.sound);
    expect(loaded).toContain('room-lounge');
    expect(loaded).toContain('room-office');
    expect(loaded).toContain('choice');
    expect(loaded).not.toContain('room-garden');
    expect(loaded).not.toContain('room-hospital-ward');
  });

  it('reading lines on plays nothing new', () => {
    const r = rig();
    r.settle(10);
    r.take();
    readOn(r.session);
    r.settle();
    expect(r.take()).toEqual([]);
  });

  it('a choice is confirmed by the same soft click whichever option is taken', () => {
    const firstCue: SoundId[][] = [];
    for (const option of ['accept-quietly', 'decline-flat', 'decline-kindly']) {
      const r = rig();
      r.settle(10);
      readOn(r.session);
      r.take();
      r.session.choose(option);
      r.settle();
      const cues = r.take().filter((s) => SOUNDS[s].channel === 'effect');
      firstCue.push(cues.slice(0, 1));
      // Nothing but the click, a door and a change of face can follow a choice.
      expect(cues.every((s) => ['choice', 'scene', 'mood'].includes(s))).toBe(true);
      expect(cues.filter((s) => s === 'choice')).toHaveLength(1);
      r.stop();
    }
    expect(firstCue).toEqual([['choice'], ['choice'], ['choice']]);
  });

  it('a move to another room: a door closes and the room tone crossfades', () => {
    const r = rig();
    r.settle(10);
    readOn(r.session);
    r.take();
    r.captions.length = 0;
    r.session.choose('accept-quietly'); // lounge → office
    r.settle(100);
    expect(r.take()).toEqual(['room-office', 'choice']);
    r.settle(1000);
    expect(r.take()).toEqual(['scene']);
    const lounge = r.world.howl('room-lounge');
    expect(lounge.fades.at(-1)).toMatchObject({ to: 0, ms: 1200 });
    expect(r.world.howl('room-office').fades.at(-1)).toMatchObject({ from: 0, ms: 1200 });
    r.settle(2000);
    expect(r.world.playing()).toEqual(['room-office']);
    expect(r.captions.map((c) => c.text)).toEqual([
      null,
      '[a computer fan whirs]',
      '[a soft click]',
      '[a door closes]',
    ]);
    // The cues are spaced, not piled on one another.
    const [click, door] = r.world.played.filter((p) => p.sound === 'choice' || p.sound === 'scene');
    expect(door!.at - click!.at).toBeGreaterThanOrEqual(250);
  });

  it('a change of face gives one soft tone, the same whichever way the mood moved', () => {
    const r = rig();
    r.settle(10);
    readOn(r.session);
    r.take();
    r.session.choose('decline-flat'); // Arthur: smiling → upset
    r.settle();
    const down = r.take();
    const downCaption = r.captions.filter((c) => c.id === 'mood').map((c) => c.text);
    readOn(r.session);
    r.session.choose('repair'); // upset → smiling
    r.settle();
    const up = r.take();
    expect(down).toEqual(['choice', 'mood']);
    expect(up).toEqual(['choice', 'mood']);
    expect(downCaption).toEqual(['[a soft tone: Arthur Bennett’s mood shifts]']);
  });

  it('assessment mode has no mood cues at all, on any path', () => {
    const paths = [
      ['accept-quietly', 'own-up'],
      ['accept-quietly', 'keep-quiet'],
      ['decline-flat', 'repair', 'suggest-family', 'declare-offer'],
      ['decline-flat', 'walk-off'],
      ['decline-kindly', 'accept-brooch'],
      ['decline-kindly', 'decline-again', 'say-nothing'],
    ];
    for (const path of paths) {
      const r = rig();
      r.assessment.value = true;
      for (const choice of path) {
        readOn(r.session);
        r.session.choose(choice);
        r.settle();
      }
      readOn(r.session);
      r.settle();
      expect(r.session.ended).toBe(true);
      const all = r.world.played.map((p) => p.sound);
      expect(all, path.join(',')).not.toContain('mood');
      expect(all.filter((s) => s === 'choice')).toHaveLength(path.length);
      r.stop();
    }
  });

  it('choosing quickly does not build a backlog: one click stands for several, the chord still closes', () => {
    const r = rig({}, LEVELS);
    r.settle(10);
    r.take();
    const started = Date.now();
    for (const choice of ['decline-kindly', 'suggest-family', 'declare-offer']) {
      readOn(r.session);
      r.session.choose(choice);
      vi.advanceTimersByTime(50);
    }
    r.settle();
    const cues = r.world.played.filter((p) => SOUNDS[p.sound].channel === 'effect');
    expect(cues.map((p) => p.sound)).toEqual(['choice', 'choice', 'scene', 'ending-good']);
    expect(cues.at(-1)!.at - started).toBeLessThan(1200);
  });

  it('a cue that could not play within a second of its moment is dropped', () => {
    const world = fakeHowler();
    const bank = new SoundBank(world.api, URLS, LEVELS);
    const session = new Session(scenario());
    const played: string[] = [];
    const slow = {
      prepare: () => {},
      setRoom: () => {},
      duckRoom: () => {},
      play: (id: string) => {
        played.push(id);
        return bank.play(id as 'choice');
      },
    };
    followSession(session, slow, {
      kinds: { lounge: 'lounge', office: 'office' },
      assessment: () => false,
      spacingMs: 1500,
    });
    readOn(session);
    session.choose('accept-quietly'); // click, then a door 1.5 s later: too late, so dropped
    vi.advanceTimersByTime(5000);
    expect(played).toEqual(['choice']);
  });

  it('switching to assessment mid-conversation stops mood cues already waiting', () => {
    const r = rig();
    readOn(r.session);
    r.session.choose('decline-flat');
    r.assessment.value = true;
    r.settle();
    expect(r.world.played.map((p) => p.sound)).not.toContain('mood');
  });

  it.each([
    [['decline-kindly', 'suggest-family', 'declare-offer'], 'ending-good'],
    [['decline-flat', 'walk-off'], 'ending-mixed'],
    [['accept-quietly', 'keep-quiet'], 'ending-poor'],
  ] as const)('an ending closes with its own chord, and the room tone drops under it (%s)', (path, chord) => {
    const r = rig();
    for (const choice of path) {
      readOn(r.session);
      r.session.choose(choice);
      r.settle();
    }
    readOn(r.session);
    r.settle();
    expect(r.session.ended).toBe(true);
    const played = r.world.played.map((p) => p.sound);
    expect(played.at(-1)).toBe(chord);
    expect(played.filter((s) => s.startsWith('ending-'))).toEqual([chord]);
    const room = ROOM_TONE_BY_KIND[r.session.scenario.locations[r.session.snapshot.location]!.kind];
    const lastFade = r.world.howl(room).fades.at(-1)!;
    expect(lastFade.to).toBeCloseTo(0.8 * 0.5 * SOUNDS[room].gain * ENDING_DUCK);
  });

  it('going back from an ending: the room follows, without a door, and comes back up', () => {
    const r = rig();
    for (const choice of ['accept-quietly', 'keep-quiet']) {
      readOn(r.session);
      r.session.choose(choice);
      r.settle();
    }
    r.take();
    r.session.rewind(0); // back to the lounge, at the first decision
    r.settle(10);
    expect(r.take()).toEqual(['room-lounge']);
    expect(r.bank.currentRoom).toBe('room-lounge');
    const fade = r.world.howl('room-lounge').fades.at(-1)!;
    expect(fade.to).toBeCloseTo(0.8 * 0.5 * SOUNDS['room-lounge'].gain);
  });

  it('muted: nothing plays and nothing is captioned; unmuted, the room comes back', () => {
    const r = rig({}, { ...LEVELS, muted: true });
    readOn(r.session);
    r.session.choose('accept-quietly');
    r.settle();
    expect(r.world.played).toEqual([]);
    expect(r.captions).toEqual([]);
    r.bank.setLevels(LEVELS);
    r.settle(10);
    expect(r.take()).toEqual(['room-office']);
    r.settle(10);
    expect(r.captions.map((c) => c.text)).toEqual(['[a computer fan whirs]']);
  });

  it('muting mid-way fades the room out, stops cues, and says the room has stopped', () => {
    const r = rig();
    r.settle(10);
    r.bank.setLevels({ ...LEVELS, muted: true });
    r.settle();
    expect(r.world.playing()).toEqual([]);
    expect(r.captions.at(-1)).toEqual({ channel: 'room', id: null, text: null });
  });

  it('a volume of zero is silence too', () => {
    const r = rig({}, { ...LEVELS, effects: 0 });
    readOn(r.session);
    r.session.choose('decline-kindly');
    r.settle();
    expect(r.take()).toEqual(['room-lounge']);
  });

  it('before the first gesture: no cue goes off late, and the room starts once audio is unlocked', () => {
    const r = rig({ state: 'suspended' });
    readOn(r.session);
    r.session.choose('accept-quietly');
    r.settle();
    expect(r.world.played).toEqual([]);
    expect(r.captions).toEqual([]);
    r.world.ctx!.set('running');
    expect(r.take()).toEqual(['room-office']);
    r.settle(10);
    expect(r.captions.map((c) => c.text)).toEqual(['[a computer fan whirs]']);
  });

  it('a room tone still loading starts when it has loaded, if it is still wanted', () => {
    const r = rig({ autoLoad: false });
    expect(r.world.played).toEqual([]);
    r.world.loadAll();
    r.settle(10);
    expect(r.take()).toEqual(['room-lounge']);
  });

  it('a cue whose file is still loading is dropped rather than played late', () => {
    const r = rig({ autoLoad: false });
    readOn(r.session);
    r.session.choose('decline-kindly');
    r.settle();
    r.world.loadAll();
    r.settle();
    expect(r.take()).toEqual(['room-lounge']);
  });

  it('a file that will not load: silence for it, no caption, no error', () => {
    const r = rig({ broken: ['room-lounge', 'choice'] });
    readOn(r.session);
    expect(() => r.session.choose('decline-kindly')).not.toThrow();
    r.settle();
    expect(r.world.played).toEqual([]);
    expect(r.captions).toEqual([]);
  });

  it('a device with no audio at all: nothing is made, nothing breaks', () => {
    const r = rig({ noAudio: true });
    expect(r.bank.available).toBe(false);
    for (const choice of ['decline-kindly', 'suggest-family', 'declare-offer']) {
      readOn(r.session);
      r.session.choose(choice);
    }
    r.settle();
    expect(r.world.howls).toEqual([]);
    expect(r.captions).toEqual([]);
  });

  it('once stopped, it no longer reacts to the Session', () => {
    const r = rig();
    r.settle(10);
    r.take();
    r.stop();
    readOn(r.session);
    r.session.choose('accept-quietly');
    r.settle();
    expect(r.take()).toEqual([]);
  });

  it('a restored session starts with the room it is in', () => {
    const first = new Session(scenario());
    readOn(first);
    first.choose('accept-quietly');
    const restored = Session.restore(scenario(), first.save());
    if (!restored.ok) throw new Error(restored.reason);
    const r = rig({}, LEVELS, restored.session);
    r.settle(10);
    expect(r.take()).toEqual(['room-office']);
  });

  it('stopAll fades the room out and forgets it', () => {
    const r = rig();
    r.settle(10);
    r.bank.stopAll();
    r.settle();
    expect(r.world.playing()).toEqual([]);
    expect(r.bank.currentRoom).toBeNull();
  });

  it('Howler is told not to suspend itself after a quiet spell', () => {
    const r = rig();
    expect(r.world.api.Howler.autoSuspend).toBe(false);
  });
});
