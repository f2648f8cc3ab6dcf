// @vitest-environment happy-dom
/**
 * The sound bank following the runner's models (followModel.ts), on a fake Howler: a real
 * Session (the frozen gift demo, or a shipped scenario) drives a real ConversationRunner, whose
 * models are all sound hears. Which sounds play when, what is captioned, and what never happens:
 * a cue that tells good from poor, mood cues in assessment mode, a caption for a sound that did
 * not play, and a burst of cues when the conversation jumps rather than steps (a what-if and
 * back, the class's decision taken back, a resumed place, sound joining late).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ENDING_CUE, ROOM_TONE_BY_KIND, SOUNDS, type SoundId } from '../../src/audio/catalogue';
import { ENDING_DUCK, followModel, type FollowOptions, type SoundOutput } from '../../src/audio/followModel';
import { SoundBank, type CaptionEvent, type SoundLevels } from '../../src/audio/SoundBank';
import type { App } from '../../src/app/App';
import type { PlayableScenario } from '../../src/app/catalogueTypes';
import { ClassSession } from '../../src/engine/ClassSession';
import { Session } from '../../src/engine/Session';
import { ConversationRunner } from '../../src/runner/ConversationRunner';
import { startClassroom } from '../../src/trainer/classroom';
import type { ConversationModel } from '../../src/ui/conversationModel';
import { load, fixtureText, references } from '../helpers/fixtures';
import { playableOf } from '../helpers/conversation';
import { fakeHowler, URLS, type FakeOptions, type FakeWorld } from './fakeHowler';

const LEVELS: SoundLevels = { master: 0.8, room: 0.5, effects: 0.7, muted: false };
const scenario = () => load(fixtureText('gift.yaml')).scenario!;

function playableFor(session: Session): PlayableScenario {
  const { analysis } = load(fixtureText('gift.yaml'));
  return {
    scenario: session.scenario,
    analysis: analysis!,
    references: references(),
    file: 'gift.yaml',
    custom: false,
  };
}

/** As much of the App as the runner and a classroom use. */
function appStub(mode: 'practice' | 'assessment' = 'practice'): App {
  const store = () => {
    const map = new Map<string, string>();
    return {
      get: (k: string) => map.get(k) ?? null,
      set: (k: string, v: string) => (map.set(k, v), true),
      remove: (k: string) => void map.delete(k),
    };
  };
  return {
    learnerStore: store(),
    store: store(),
    settings: { value: { mode } },
    notify: () => {},
    platform: undefined,
  } as unknown as App;
}

const runners: ConversationRunner[] = [];

interface RigOptions {
  fake?: FakeOptions;
  levels?: SoundLevels;
  session?: Session;
  /** Presenter mode: the class's session (its Session on show is the one played). */
  classSession?: ClassSession;
  playable?: PlayableScenario;
  /** Sound joins only when told (join()), as it does once the bank has loaded. */
  late?: boolean;
  /** What the follower plays through (the bank itself unless given). */
  output?: (bank: SoundBank) => SoundOutput;
  follow?: Partial<FollowOptions>;
}

interface Rig {
  world: FakeWorld;
  bank: SoundBank;
  session: Session;
  runner: ConversationRunner;
  captions: CaptionEvent[];
  assessment: { value: boolean };
  /** Sound joins the conversation at the model on show. */
  join: () => void;
  /** Show sound a model again, as a presenter may be. */
  show: (model: ConversationModel) => void;
  stop: () => void;
  /** Sounds started since the last call. */
  take: () => SoundId[];
  /** Run the clock on: queued cues play, 'play' events arrive, fades finish. */
  settle: (ms?: number) => void;
}

function rig(options: RigOptions = {}): Rig {
  const world = fakeHowler(options.fake ?? {});
  const bank = new SoundBank(world.api, URLS, options.levels ?? LEVELS);
  const cs = options.classSession ?? null;
  const s = cs?.session ?? options.session ?? new Session(scenario());
  const playable = options.playable ?? playableFor(s);
  const app = appStub();
  const runner = new ConversationRunner({
    app,
    playable,
    session: s,
    classroom: cs ? startClassroom(app, playable, cs) : null,
    onDebrief: () => {},
    onLeave: () => {},
  });
  runners.push(runner);
  const captions: CaptionEvent[] = [];
  bank.onCaption((e) => captions.push(e));
  const assessment = { value: false };
  let follower: ReturnType<typeof followModel> | null = null;
  let shown: ConversationModel | null = null;
  const join = () => {
    follower ??= followModel(shown!, options.output?.(bank) ?? bank, {
      assessment: () => assessment.value,
      ...options.follow,
    });
  };
  runner.attach({
    show: (model) => {
      shown = model;
      follower?.show(model);
    },
    dispose: () => follower?.stop(),
  });
  runner.start();
  if (!options.late) join();
  let seen = 0;
  return {
    world,
    bank,
    session: s,
    runner,
    captions,
    assessment,
    join,
    show: (model) => follower?.show(model),
    stop: () => follower?.stop(),
    take: () => {
      const out = world.played.slice(seen).map((p) => p.sound);
      seen = world.played.length;
      return out;
    },
    settle: (ms = 5000) => vi.advanceTimersByTime(ms),
  };
}

/** Read on and choose each in turn, letting every cue play out after each choice. */
function choosePath(r: Rig, path: readonly string[]) {
  for (const choice of path) {
    readOn(r.session);
    r.session.choose(choice);
    r.settle();
  }
}

/** Read to the choices, without choosing. */
function readOn(session: Session) {
  while (session.canContinue) session.next();
}

beforeEach(() => {
  vi.useFakeTimers();
  document.body.replaceChildren(Object.assign(document.createElement('div'), { id: 'live' }));
});
afterEach(() => {
  for (const r of runners.splice(0)) r.dispose();
  vi.useRealTimers();
});

describe('the sound bank following the runner’s models', () => {
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
    r.settle();
    const loaded = r.world.howls.filter((h) => h.loads > 0).map((h) => h.sound);
    expect(loaded).toContain('room-lounge');
    expect(loaded).toContain('room-office');
    expect(loaded).toContain('choice');
    expect(loaded).not.toContain('room-garden');
    expect(loaded).not.toContain('room-hospital-ward');
  });

  it('loads one file at a time: the room on show, the cues a choice plays, the other rooms, the endings', () => {
    const r = rig();
    expect(r.world.loadOrder).toEqual(['room-lounge']); // the cues wait for the rooms to be named
    r.settle();
    expect(r.world.loadOrder).toEqual([
      'room-lounge',
      'choice',
      'mood',
      'scene',
      'room-office',
      'ending-good',
      'ending-mixed',
      'ending-poor',
    ]);
    expect(r.world.mostLoadingAtOnce).toBe(1);
    expect(r.world.howls.every((h) => h.loads <= 1)).toBe(true);
  });

  it('a file that fails to load does not hold up the ones after it', () => {
    const r = rig({ fake: { broken: ['room-lounge', 'choice'] } });
    r.settle();
    expect(r.world.loadOrder.slice(0, 3)).toEqual(['room-lounge', 'choice', 'mood']);
    expect(r.world.howl('ending-poor').state()).toBe('loaded');
  });

  it('a file that never finishes loading holds up the rest for a few seconds, not for ever', () => {
    const r = rig({ fake: { autoLoad: false } });
    expect(r.world.loadOrder).toEqual(['room-lounge']);
    r.settle(7000);
    expect(r.world.loadOrder).toEqual(['room-lounge']);
    r.settle(2000); // the lounge has had its time: the next file starts, and so on
    expect(r.world.loadOrder).toEqual(['room-lounge', 'choice']);
    r.world.howl('room-lounge').finishLoading(); // late, but in time to be played
    r.settle(10);
    expect(r.take()).toEqual(['room-lounge']);
    r.world.howl('choice').finishLoading();
    expect(r.world.loadOrder).toEqual(['room-lounge', 'choice', 'mood']);
  });

  it('a room wanted now jumps the queue', () => {
    const r = rig({ fake: { autoLoad: false } });
    r.world.howl('room-lounge').finishLoading();
    expect(r.world.loadOrder).toEqual(['room-lounge', 'choice']);
    r.bank.setRoom('room-garden');
    r.world.howl('choice').finishLoading();
    expect(r.world.loadOrder).toEqual(['room-lounge', 'choice', 'room-garden']);
    expect(r.world.mostLoadingAtOnce).toBe(1);
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
      r.settle(); // the learner reads the opening while the sounds load
      choosePath(r, path);
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
    const r = rig();
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
    const played: string[] = [];
    const r = rig({
      output: (bank) => ({
        prepare: () => {},
        setRoom: () => {},
        duckRoom: () => {},
        play: (id) => {
          played.push(id);
          return bank.play(id);
        },
      }),
      follow: { spacingMs: 1500 },
    });
    readOn(r.session);
    r.session.choose('accept-quietly'); // click, then a door 1.5 s later: too late, so dropped
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
    choosePath(r, path);
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

  it('the closing chord waits until the ending’s last line is on show, not for arriving there', () => {
    const playable = playableOf('turning-chart.yaml');
    const session = new Session(playable.scenario);
    const r = rig({ session, playable });
    // To an ending with two lines to read.
    const path = [
      'sign-just-once',
      'explain-consent',
      'redress-it',
      'leave-to-bev',
      'find-joseph-signed',
      'record-thin',
      'protect-advice',
    ];
    for (const choice of path) {
      readOn(session);
      session.choose(choice);
      r.settle();
    }
    const chords = () => r.take().filter((s) => s.startsWith('ending-'));
    const ending = playable.scenario.nodes[session.snapshot.node]!.ending!;
    expect(session.canContinue).toBe(true); // arrived, and not yet closed
    expect(chords()).toEqual([]);
    readOn(session);
    r.settle();
    expect(chords()).toEqual([ENDING_CUE[ending.outcome]]);
  });

  it('going back from an ending: the room follows, without a door, and comes back up', () => {
    const r = rig();
    choosePath(r, ['accept-quietly', 'keep-quiet']);
    r.take();
    r.session.rewind(0); // back to the lounge, at the first decision
    r.settle(10);
    expect(r.take()).toEqual(['room-lounge']);
    expect(r.bank.currentRoom).toBe('room-lounge');
    const fade = r.world.howl('room-lounge').fades.at(-1)!;
    expect(fade.to).toBeCloseTo(0.8 * 0.5 * SOUNDS['room-lounge'].gain);
  });

  it('muted: nothing plays and nothing is captioned; unmuted, the room comes back', () => {
    const r = rig({ levels: { ...LEVELS, muted: true } });
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
    const r = rig({ levels: { ...LEVELS, effects: 0 } });
    readOn(r.session);
    r.session.choose('decline-kindly');
    r.settle();
    expect(r.take()).toEqual(['room-lounge']);
  });

  it('before the first gesture: no cue goes off late, and the room starts once audio is unlocked', () => {
    const r = rig({ fake: { state: 'suspended' } });
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
    const r = rig({ fake: { autoLoad: false } });
    expect(r.world.played).toEqual([]);
    r.world.loadAll();
    r.settle(10);
    expect(r.take()).toEqual(['room-lounge']);
  });

  it('a cue whose file is still loading is dropped rather than played late', () => {
    const r = rig({ fake: { autoLoad: false } });
    readOn(r.session);
    r.session.choose('decline-kindly');
    r.settle();
    r.world.loadAll();
    r.settle();
    expect(r.take()).toEqual(['room-lounge']);
  });

  it('a file that will not load: silence for it, no caption, no error', () => {
    const r = rig({ fake: { broken: ['room-lounge', 'choice'] } });
    readOn(r.session);
    expect(() => r.session.choose('decline-kindly')).not.toThrow();
    r.settle();
    expect(r.world.played).toEqual([]);
    expect(r.captions).toEqual([]);
  });

  it('a device with no audio at all: nothing is made, nothing breaks', () => {
    const r = rig({ fake: { noAudio: true } });
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
    const r = rig({ session: restored.session });
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

describe('a jump is not a step: sound follows it quietly', () => {
  const effects = (sounds: SoundId[]) => sounds.filter((id) => SOUNDS[id].channel === 'effect');

  it('a what-if and back to the class’s path: the room follows, with no door and no second chord', () => {
    const cs = new ClassSession(scenario());
    const r = rig({ classSession: cs });
    const pick = (choice: string) => {
      readOn(cs.session);
      r.runner.send({ type: 'pick', choice });
      r.settle();
    };
    r.settle(); // the class reads the opening while the sounds load
    pick('accept-quietly'); // lounge → office
    pick('keep-quiet');
    readOn(cs.session);
    r.settle();
    expect(r.take()).toEqual(['room-lounge', 'room-office', 'choice', 'scene', 'choice', 'ending-poor']);

    r.runner.send({ type: 'whatIf', fromDecision: 0 }); // back in the lounge, before the first choice
    r.settle();
    expect(r.take()).toEqual(['room-lounge']);
    expect(r.bank.currentRoom).toBe('room-lounge');
    // Not lowered: the what-if has not ended.
    expect(r.world.howl('room-lounge').fades.at(-1)!.to).toBeCloseTo(0.8 * 0.5 * SOUNDS['room-lounge'].gain);

    pick('decline-flat'); // a step on the branch is heard as any step is
    expect(r.take()).toEqual(['choice', 'mood']);

    r.runner.send({ type: 'returnToClass' }); // the class's path, at its ending in the office
    r.settle();
    expect(r.take()).toEqual(['room-office']);
    expect(r.world.howl('room-office').fades.at(-1)!.to).toBeCloseTo(
      0.8 * 0.5 * SOUNDS['room-office'].gain * ENDING_DUCK,
    );
  });

  it('the class’s decision taken back (U): faces move back without a tone, and nothing else plays', () => {
    const playable = playableOf('turning-chart.yaml');
    const cs = new ClassSession(playable.scenario);
    const r = rig({ classSession: cs, playable });
    for (const choice of ['ask-whats-happened', 'not-your-fault-turn']) {
      readOn(cs.session);
      r.runner.send({ type: 'pick', choice });
      r.settle();
    }
    readOn(cs.session);
    r.settle();
    r.take();
    const before = r.runner.model.expressions;
    expect(r.runner.send({ type: 'undo' })).toBe(true);
    expect(cs.session.snapshot.decisions).toHaveLength(1);
    // Bev's face goes back (worried → tearful), which as a step would be a mood tone.
    expect(r.runner.model.expressions).not.toEqual(before);
    r.settle();
    expect(effects(r.take())).toEqual([]);
  });

  // In the app a learner rewinds from the debrief, into a new runner whose first model has no
  // moments; a rewind under a live runner is the harder case.
  it('a learner’s rewind: faces and the room go back quietly; choosing again is heard', () => {
    const playable = playableOf('turning-chart.yaml');
    const session = new Session(playable.scenario);
    const r = rig({ session, playable });
    for (const choice of ['ask-whats-happened', 'not-your-fault-turn']) {
      readOn(session);
      session.choose(choice);
      r.settle();
    }
    readOn(session);
    r.settle();
    r.take();
    const before = r.runner.model.expressions;
    session.rewind(1);
    expect(r.runner.model.expressions).not.toEqual(before);
    r.settle();
    expect(effects(r.take())).toEqual([]);
    session.choose('not-your-fault-turn');
    r.settle();
    expect(effects(r.take())[0]).toBe('choice');
  });

  it('a resumed place: its room, and no cue for what led there, even when sound joins after the learner has gone on', () => {
    const first = new Session(scenario());
    readOn(first);
    first.choose('decline-flat'); // Arthur is upset
    const restored = Session.restore(scenario(), first.save());
    if (!restored.ok) throw new Error(restored.reason);
    const session = restored.session;
    const r = rig({ session, late: true });
    // The learner goes on before sound has loaded: a choice, and Arthur's face changes.
    readOn(session);
    session.choose('repair');
    r.join();
    r.settle();
    expect(r.take()).toEqual(['room-lounge']);
    // Shown again, the model it joined at is still past.
    r.show(r.runner.model);
    r.settle();
    expect(r.take()).toEqual([]);
    // From there on, steps are heard.
    readOn(session);
    session.choose('suggest-family'); // lounge → office
    r.settle();
    expect(effects(r.take())).toEqual(['choice', 'scene']);
  });

  it('a model shown twice is heard once', () => {
    const r = rig();
    r.settle(10);
    readOn(r.session);
    r.take();
    r.session.choose('decline-flat');
    const model = r.runner.model;
    expect(model.moments.map((m) => m.kind)).toEqual(['choice-made', 'expression']);
    r.settle();
    expect(r.take()).toEqual(['choice', 'mood']);
    r.show(model);
    r.settle();
    expect(r.take()).toEqual([]);
  });
});
