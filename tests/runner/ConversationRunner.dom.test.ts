// @vitest-environment happy-dom
/**
 * The ConversationRunner (issue 16), in a DOM without a browser or Phaser: the one keydown
 * listener, reading keys through keymap.ts; commands carried out on the Session (or through the
 * class session); one model pushed to every presenter; the room's walk held until the feedback
 * on the choice that led there is read; the learner's place kept.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/App';
import type { PlayableScenario } from '../../src/app/catalogueTypes';
import { classKey, progressKey } from '../../src/app/storageKeys';
import { ClassSession } from '../../src/engine/ClassSession';
import { Session } from '../../src/engine/Session';
import {
  ConversationRunner,
  type RunnerCommand,
  type RunnerModel,
  type RunnerPresenter,
} from '../../src/runner/ConversationRunner';
import { startClassroom } from '../../src/trainer/classroom';
import { playableOf } from '../helpers/conversation';

const playable = playableOf();

function store() {
  const map = new Map<string, string>();
  return {
    map,
    get: (k: string) => map.get(k) ?? null,
    set: (k: string, v: string) => (map.set(k, v), true),
    remove: (k: string) => void map.delete(k),
  };
}

function appFor(mode: 'practice' | 'assessment') {
  const learnerStore = store();
  return {
    learnerStore,
    store: store(),
    settings: { value: { mode } },
    notify: () => {},
    platform: undefined,
  } as unknown as App & { learnerStore: ReturnType<typeof store> };
}

/** A presenter that records every model, and takes the commands it is told to. */
function recorder(takes: string[] = []) {
  const models: RunnerModel[] = [];
  const taken: RunnerCommand[] = [];
  const presenter: RunnerPresenter = {
    show: (m) => void models.push(m),
    dispose: () => {},
    intercept: (c) => (takes.includes(c.type) ? (taken.push(c), true) : false),
  };
  return { presenter, models, taken, last: () => models.at(-1)! };
}

const press = (key: string, target: Element = document.body) => {
  const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  target.dispatchEvent(e);
  return e.defaultPrevented;
};

let runner: ConversationRunner | null = null;
let debriefs: Session[] = [];
/** A class session in assessment mode under a started runner, with a recorder attached. */
function classRun(takes: string[] = [], scenario: PlayableScenario = playable) {
  const app = appFor('assessment');
  const cs = new ClassSession(scenario.scenario);
  const r = start(app, cs.session, startClassroom(app, scenario, cs), scenario);
  const a = recorder(takes);
  r.attach(a.presenter);
  r.start();
  return { app, cs, r, a };
}

/** A learner's Session under a started runner, with a recorder attached. */
function learnerRun(mode: 'practice' | 'assessment') {
  const app = appFor(mode);
  const session = new Session(playable.scenario);
  const r = start(app, session);
  const a = recorder();
  r.attach(a.presenter);
  r.start();
  return { app, session, r, a };
}

function start(
  app: App,
  session: Session,
  classroom: ReturnType<typeof startClassroom> | null = null,
  scenario: PlayableScenario = playable,
) {
  debriefs = [];
  runner = new ConversationRunner({
    app,
    playable: scenario,
    session,
    classroom,
    onDebrief: (s) => void debriefs.push(s),
    onLeave: () => {},
  });
  return runner;
}

beforeEach(() => {
  document.body.replaceChildren(Object.assign(document.createElement('div'), { id: 'live' }));
});
afterEach(() => {
  runner?.dispose();
  runner = null;
});

const live = () => [...document.querySelectorAll('#live p')].map((p) => p.textContent ?? '');

describe('ConversationRunner: keys and commands', () => {
  it('reads keys through the key table: Enter goes on, a digit chooses, M goes to whoever takes it', () => {
    const app = appFor('assessment');
    const session = new Session(playable.scenario);
    const r = start(app, session);
    const a = recorder();
    const sound = recorder(['mute']);
    r.attach(sound.presenter, a.presenter);
    r.start();
    expect(a.last().lineKey).toBe('offer:0:0');
    expect(press('Enter')).toBe(true);
    expect(session.snapshot.lineIndex).toBe(1);
    expect(a.last().lineKey).toBe('offer:1:0');
    while (session.canContinue) press('Enter');
    expect(a.last().phase).toBe('choosing');
    const second = a.last().choices[1]!;
    expect(press('2')).toBe(true);
    expect(session.snapshot.decisions[0]!.choice).toBe(second.id);
    expect(press('m')).toBe(true);
    expect(sound.taken).toEqual([{ type: 'mute' }]);
    // Every presenter was shown the same models.
    expect(sound.models).toEqual(a.models);
  });

  it('hears nothing while someone types in a field or a dialog is open, or once disposed', () => {
    const session = new Session(playable.scenario);
    const r = start(appFor('assessment'), session);
    r.start();
    const input = document.body.appendChild(document.createElement('textarea'));
    expect(press('Enter', input)).toBe(false);
    const dialog = document.body.appendChild(document.createElement('dialog'));
    dialog.setAttribute('open', '');
    expect(press('Enter')).toBe(false);
    dialog.remove();
    expect(session.snapshot.lineIndex).toBe(0);
    r.dispose();
    expect(press('Enter')).toBe(false);
    expect(session.snapshot.lineIndex).toBe(0);
  });

  it('Enter on a button is the button’s own (the runner only lets a presenter finish a line first)', () => {
    const session = new Session(playable.scenario);
    const r = start(appFor('assessment'), session);
    const takes = ['goOn'];
    const typing = recorder(takes);
    r.attach(typing.presenter);
    r.start();
    const button = document.body.appendChild(document.createElement('button'));
    expect(press('Enter', button)).toBe(true);
    expect(typing.taken).toEqual([{ type: 'goOn' }]);
    expect(session.snapshot.lineIndex).toBe(0);
    // The line shown in full: now Enter is the button's click, not the runner's to act on.
    takes.length = 0;
    expect(press('Enter', button)).toBe(false);
    expect(session.snapshot.lineIndex).toBe(0);
  });

  it('at an ending, going on is the debrief', () => {
    const session = new Session(playable.scenario);
    const r = start(appFor('assessment'), session);
    r.start();
    for (const id of ['joke-decline']) {
      while (session.canContinue) session.next();
      session.choose(id);
    }
    let guard = 0;
    while (!session.ended && guard++ < 20) {
      while (session.canContinue) r.send({ type: 'goOn' });
      if (!session.ended) r.send({ type: 'choose', choice: session.snapshot.choices[0]!.id });
    }
    while (session.canContinue) r.send({ type: 'goOn' });
    expect(r.send({ type: 'goOn' })).toBe(true);
    expect(debriefs).toEqual([session]);
  });
});

describe('ConversationRunner: the feedback comes before the room moves', () => {
  it('practice: the note is in the model; the walk, the announcement and the place’s name wait for it', () => {
    const { session, r, a } = learnerRun('practice');
    while (session.canContinue) r.send({ type: 'goOn' });
    const lounge = playable.scenario.locations.lounge!.name;
    r.send({ type: 'choose', choice: 'decline-flat' }); // to 'hurt', in the same room
    r.send({ type: 'goOn' }); // its feedback read
    while (session.canContinue) r.send({ type: 'goOn' });
    // Walking off goes to the handover, in the office.
    r.send({ type: 'choose', choice: 'walk-off' });
    const during = a.last();
    expect(during.feedback?.tone).toBe('poor');
    expect(during.room.location).toBe('lounge');
    expect(during.room.arrival).toBe(0);
    expect(during.where).toBe(lounge);
    expect(live().some((t) => t.startsWith('You are now in'))).toBe(false);
    const to = session.snapshot.location;
    expect(to).not.toBe('lounge');

    r.send({ type: 'goOn' }); // the feedback read
    const after = a.last();
    expect(after.feedback).toBeNull();
    expect(after.room).toMatchObject({ location: to, arrival: 1 });
    expect(after.where).toBe(lounge); // until the room has walked there
    expect(live().at(-1)).toBe(`You are now in the ${playable.scenario.locations[to]!.name}.`);
    expect(r.send({ type: 'arrived', arrival: 0 })).toBe(false); // an earlier walk's end: too late
    r.send({ type: 'arrived', arrival: 1 });
    expect(a.last().where).toBe(playable.scenario.locations[to]!.name);
  });

  it('assessment: no note, and the room walks at once', () => {
    const { session, r, a } = learnerRun('assessment');
    for (const choice of ['decline-flat', 'walk-off']) {
      while (session.canContinue) r.send({ type: 'goOn' });
      r.send({ type: 'choose', choice });
    }
    expect(session.snapshot.location).toBe('office');
    expect(a.last().feedback).toBeNull();
    expect(a.last().room).toMatchObject({ location: session.snapshot.location, arrival: 1 });
  });

  it('keeps the learner’s place after every change, and none once the conversation has ended', () => {
    const app = appFor('assessment');
    const session = new Session(playable.scenario);
    start(app, session).start();
    const key = progressKey(playable.scenario.id);
    expect(JSON.parse(app.learnerStore.get(key)!)).toMatchObject({ choices: [], lineIndex: 0 });
    session.next();
    expect(JSON.parse(app.learnerStore.get(key)!)).toMatchObject({ lineIndex: 1 });
  });
});

describe('ConversationRunner: moments, for sound', () => {
  const kinds = (m: RunnerModel) => m.moments.map((x) => x.kind);

  it('a step’s moments come in the model it pushes, numbered; a redraw after it has none', () => {
    const { session, r, a } = learnerRun('practice');
    expect(kinds(a.last())).toEqual([]);
    while (session.canContinue) r.send({ type: 'goOn' });
    expect(a.models.every((m) => m.moments.length === 0)).toBe(true);
    r.send({ type: 'choose', choice: 'decline-flat' }); // Arthur: smiling → upset
    expect(kinds(a.last())).toEqual(['choice-made', 'expression']);
    expect(a.last().moments[1]).toMatchObject({ character: 'arthur', name: 'Arthur Bennett' });
    r.send({ type: 'goOn' }); // past the feedback: a redraw
    expect(kinds(a.last())).toEqual([]);
    while (session.canContinue) r.send({ type: 'goOn' });
    r.send({ type: 'choose', choice: 'walk-off' }); // to the office
    const moved = a.models.find((m) => m.moments.some((x) => x.kind === 'location'))!;
    expect(kinds(moved)).toEqual(['choice-made', 'location']);
    const seqs = a.models.flatMap((m) => m.moments.map((x) => x.seq));
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('a what-if starting or ending is a jump: no moments, though the branch’s own steps have them', () => {
    const { cs, r, a } = classRun();
    // The class goes to an ending (its first option each time): coming back to it is no ending.
    while (cs.session.snapshot.phase !== 'ended') {
      while (cs.session.canContinue) r.send({ type: 'goOn' });
      const first = cs.session.snapshot.choices[0];
      if (first) r.send({ type: 'pick', choice: first.id });
    }
    expect(a.models.flatMap(kinds)).toContain('ending');
    const from = a.models.length;
    r.send({ type: 'whatIf', fromDecision: 0 });
    expect(a.models.slice(from).flatMap(kinds)).toEqual([]);
    const step = a.models.length;
    r.send({ type: 'pick', choice: 'accept-quietly' });
    expect(a.models.slice(step).flatMap(kinds)).toContain('choice-made');
    const back = a.models.length;
    r.send({ type: 'returnToClass' });
    expect(a.models.slice(back).flatMap(kinds)).toEqual([]);
  });
});

describe('ConversationRunner: faces, for a screen reader', () => {
  /** Everything announced from now on (the live region keeps only the last few). */
  function heard() {
    const said: string[] = [];
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) said.push(n.textContent ?? '');
    }).observe(document.getElementById('live')!, { childList: true });
    return said;
  }
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('a face that changes with a choice is announced; faces changing back on U are not', async () => {
    // At the front desk, taking back decisions brings Tony's face back to upset (found by
    // rewinding every shipped scenario's paths: Session.rewind tells of it).
    const desk = playableOf('front-desk.yaml');
    const { cs, r } = classRun([], desk);
    const names = Object.values(desk.scenario.cast).map((c) => c.name);
    const faces = (said: string[]) => said.filter((t) => names.some((n) => t.startsWith(`${n} `)));
    const onTheWay = heard();
    for (const choice of ['explanation', 'move-now', 'sorry-listen', 'night-staff']) {
      while (cs.session.canContinue) r.send({ type: 'goOn' });
      r.send({ type: 'pick', choice });
    }
    await flush();
    expect(faces(onTheWay).length).toBeGreaterThan(0); // faces changed as the class chose
    const onUndo = heard();
    for (let i = 0; i < 4; i++) r.send({ type: 'undo' });
    await flush();
    expect(cs.session.snapshot.decisions).toHaveLength(0);
    expect(onUndo.filter((t) => t.includes('taken back'))).toHaveLength(4);
    expect(faces(onUndo)).toEqual([]);
  });
});

describe('ConversationRunner: a class', () => {
  it('a digit is a vote, never a choice; C goes with the class; T is the panel’s', () => {
    const { app, cs, r, a: panel } = classRun(['panel']);
    while (cs.session.canContinue) r.send({ type: 'goOn' });
    const first = cs.session.snapshot.choices[0]!.id;
    expect(press('1')).toBe(true);
    expect(press('1')).toBe(true);
    expect(cs.current()!.counts).toEqual({ [first]: 2 });
    expect(cs.session.snapshot.decisions).toHaveLength(0);
    expect(panel.last().trainer!.view.classState.votes[0]!.counts).toEqual({ [first]: 2 });
    expect(press('t')).toBe(true);
    expect(panel.taken).toEqual([{ type: 'panel' }]);
    expect(press('c')).toBe(true);
    expect(cs.session.snapshot.decisions[0]).toMatchObject({ choice: first });
    // The class is kept on this device as it goes.
    expect(JSON.parse(app.store.get(classKey(playable.scenario.id))!).session.choices).toEqual([first]);
  });

  it('follows a what-if: the model shows the branch, and its choices, then the class’s path again', () => {
    const { cs, r, a } = classRun();
    while (cs.session.canContinue) r.send({ type: 'goOn' });
    r.send({ type: 'pick', choice: 'joke-decline' });
    const atClass = a.last().lineKey;
    r.send({ type: 'whatIf', fromDecision: 0 });
    expect(a.last().audience!.whatIfFrom).toBe(1);
    expect(a.last().lineKey).toMatch(/^offer:/);
    r.send({ type: 'choose', choice: 'decline-flat' });
    expect(a.last().lineKey).toMatch(/^hurt:0:1$/);
    expect(r.session).toBe(cs.session);
    r.send({ type: 'returnToClass' });
    expect(a.last().audience!.whatIfFrom).toBeNull();
    expect(a.last().lineKey).toBe(atClass);
  });
});
