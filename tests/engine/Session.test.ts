import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine/schema';
import { Session, SessionError, SAVE_VERSION, type SessionEvents } from '../../src/engine/Session';
import { load, references, SMALL, fixtureText } from '../helpers/fixtures';

const scenarioOf = (text: string): Scenario => load(text).scenario!;
const demoText = fixtureText('gift.yaml');
const demo = () => scenarioOf(demoText);
const words = Object.fromEntries(Object.entries(references().expressions).map(([k, v]) => [k, v.says]));

function clock() {
  let t = 1000;
  return () => (t += 10);
}

/** Record every event, in order, as "type:detail". */
function recordEvents(session: Session) {
  const log: string[] = [];
  const types: (keyof SessionEvents)[] = [
    'line',
    'choices',
    'expression',
    'location',
    'mood',
    'choice',
    'cue',
    'ending',
    'rewind',
  ];
  for (const type of types) {
    session.on(type, (p: SessionEvents[typeof type]) => {
      const detail =
        type === 'line'
          ? (p as SessionEvents['line']).line.speaker
          : type === 'expression'
            ? `${(p as SessionEvents['expression']).character}=${(p as SessionEvents['expression']).expression}`
            : type === 'location'
              ? (p as SessionEvents['location']).location
              : type === 'mood'
                ? `${(p as SessionEvents['mood']).variable}=${(p as SessionEvents['mood']).value}`
                : type === 'choice'
                  ? (p as SessionEvents['choice']).decision.choice
                  : type === 'cue'
                    ? (p as SessionEvents['cue']).cue
                    : type === 'ending'
                      ? (p as SessionEvents['ending']).node
                      : '';
      log.push(detail ? `${type}:${detail}` : type);
    });
  }
  return log;
}

describe('Session: the line cursor', () => {
  it('starts at the first line and steps through a node, then offers choices', () => {
    const session = new Session(demo());
    let snap = session.snapshot;
    expect(snap).toMatchObject({
      node: 'offer',
      location: 'lounge',
      present: ['arthur'],
      phase: 'line',
      lineIndex: 0,
      lineCount: 3,
    });
    expect(snap.line).toMatchObject({ speaker: 'narrator', speakerName: '', expression: null });
    expect(snap.choices).toEqual([]);
    expect(session.canContinue).toBe(true);
    expect(session.next()).toBe(true);
    snap = session.snapshot;
    expect(snap.line).toMatchObject({
      speaker: 'arthur',
      speakerName: 'Arthur Bennett',
      expression: 'smiling',
    });
    session.next();
    snap = session.snapshot;
    expect(snap.phase).toBe('choosing');
    expect(session.canContinue).toBe(false);
    expect(session.next()).toBe(false);
    expect(snap.choices.map((c) => [c.number, c.id])).toEqual([
      [1, 'accept-quietly'],
      [2, 'decline-flat'],
      [3, 'decline-kindly'],
    ]);
  });

  it('offers only choices whose guard passes, but reveals all of them', () => {
    const session = new Session(demo());
    session.choose('decline-flat'); // ease 70 -> 30
    session.choose('walk-off');
    expect(session.ended).toBe(true);

    const other = new Session(demo());
    other.choose('decline-flat');
    other.choose('repair'); // ease 30 -> 60: the guarded option (ease >= 60) is offered
    expect(other.snapshot.choices.map((c) => c.id)).toContain('suggest-family');

    const low = new Session(scenarioOf(demoText.replace('effects: { ease: 30 }', 'effects: { ease: 20 }')));
    low.choose('decline-flat');
    low.choose('repair'); // ease 50: not offered
    expect(low.snapshot.choices.map((c) => c.id)).toEqual(['accept-brooch', 'decline-again']);
    const revealed = low.reveal();
    expect(revealed.map((o) => [o.id, o.available])).toEqual([
      ['suggest-family', false],
      ['accept-brooch', true],
      ['decline-again', true],
    ]);
    expect(revealed[1]).toMatchObject({
      unsafe: ['boundaries'],
      score: { empathy: 1, boundaries: -4, escalation: 0 },
      total: -3,
    });
    expect(revealed[1]!.feedback.sources).toEqual(['hull-gifts']);
    expect(() => low.choose('suggest-family')).toThrow(SessionError);
    expect(() => low.choose('no-such-choice')).toThrow(/there is no choice 'no-such-choice'/);
  });

  it('lets a choice be made before the last line (a learner who skips ahead)', () => {
    const session = new Session(demo());
    session.choose('decline-kindly');
    expect(session.snapshot.node).toBe('declined');
  });
});

describe('Session: events, expressions and the transcript', () => {
  it('emits typed events in a sensible order for a choice that changes mood and location', () => {
    const session = new Session(demo(), { expressionWords: words });
    const log = recordEvents(session);
    session.choose('decline-flat');
    expect(log).toEqual([
      'choice:decline-flat',
      'cue:choice-made',
      'mood:ease=30',
      'expression:arthur=upset',
      'line:arthur',
      'choices',
    ]);
    log.length = 0;
    session.choose('repair');
    session.choose('suggest-family');
    expect(log).toContain('location:office');
    expect(log.indexOf('location:office')).toBeLessThan(log.indexOf('line:narrator'));
    log.length = 0;
    session.choose('declare-offer');
    expect(log).toEqual(['choice:declare-offer', 'cue:choice-made', 'cue:ending-good', 'ending:ending-good']);
  });

  it('describes expression changes for screen readers, and lets a line override the mood', () => {
    const text = demoText.replace(
      '      - speaker: arthur\n        text: I was only trying',
      '      - speaker: arthur\n        expression: tearful\n        text: I was only trying',
    );
    const session = new Session(scenarioOf(text), { expressionWords: words });
    const said: string[] = [];
    session.on('expression', (e) => said.push(e.says));
    session.choose('decline-flat');
    expect(said).toEqual(['Arthur Bennett is tearful']);
    expect(session.snapshot.line?.expression).toBe('tearful');
    expect(session.snapshot.expressions).toEqual({ arthur: 'tearful' });
  });

  it("holds a line's expression until that person speaks again in the node", () => {
    const text = demoText.replace(
      "      - speaker: arthur\n        text: I was only trying to say thank you. I don't have much else to give anyone these days.\n",
      "      - speaker: arthur\n        expression: tearful\n        text: I was only trying to say thank you.\n      - speaker: narrator\n        text: He looks away.\n      - speaker: arthur\n        text: I don't have much else to give anyone these days.\n",
    );
    const session = new Session(scenarioOf(text));
    session.choose('decline-flat');
    expect(session.snapshot.expressions.arthur).toBe('tearful');
    session.next();
    expect(session.snapshot.line?.speaker).toBe('narrator');
    expect(session.snapshot.expressions.arthur).toBe('tearful');
    // A restore at the narrator line shows the same face.
    const restored = Session.restore(scenarioOf(text), session.save());
    expect(restored.ok && restored.session.snapshot.expressions.arthur).toBe('tearful');
    session.next();
    expect(session.snapshot.expressions.arthur).toBe('upset'); // back to what his state implies
  });

  it('keeps a transcript of lines, choices, scores, state changes and rewinds, with times', () => {
    const session = new Session(demo(), { now: clock() });
    session.next();
    session.choose('decline-flat');
    session.rewind(0);
    const kinds = session.transcript.map((e) => e.kind);
    expect(kinds).toEqual(['line', 'line', 'choice', 'score', 'state', 'line', 'rewind', 'line']);
    const times = session.transcript.map((e) => e.at);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(session.transcript.find((e) => e.kind === 'state')).toMatchObject({
      variable: 'ease',
      from: 70,
      to: 30,
    });
  });
});

describe('Session: rewind and what-if branches', () => {
  it('rewinds a learner to an earlier decision and counts it', () => {
    const session = new Session(demo());
    session.choose('decline-flat');
    session.choose('repair');
    session.rewind(0);
    const snap = session.snapshot;
    expect(snap).toMatchObject({ node: 'offer', phase: 'choosing', rewinds: 1, decisions: [] });
    expect(snap.vars.ease).toBe(70);
    expect(snap.scores).toEqual({ empathy: 0, boundaries: 0, escalation: 0 });
    session.choose('decline-kindly');
    expect(session.path).toEqual(['decline-kindly']);
    expect(() => session.rewind(5)).toThrow(SessionError);
  });
});

describe('Session: results', () => {
  it('has no result until an ending, then bands with reasons', () => {
    const session = new Session(demo());
    expect(session.result()).toBeNull();
    for (const id of ['decline-kindly', 'suggest-family', 'declare-offer']) session.choose(id);
    const result = session.result()!;
    expect(result.ending).toMatchObject({ node: 'ending-good', outcome: 'good' });
    expect(result.scores).toEqual({ empathy: 5, boundaries: 9, escalation: 3 });
    expect(result.card.boundaries.band).toBe('Exemplary');
    expect(result.card.empathy).toMatchObject({ band: 'Competent', percent: 79 });
    expect(() => session.choose('declare-offer')).toThrow(/ended/);
  });
});

describe('Session: save and restore', () => {
  const playTo = (session: Session, ids: string[], next = 0) => {
    for (const id of ids) session.choose(id);
    for (let i = 0; i < next; i++) session.next();
    return session;
  };

  it('saves an envelope and restores at the same line by replaying the choices', () => {
    const session = playTo(new Session(demo()), ['decline-flat']);
    const save = session.save();
    expect(save).toEqual({
      saveVersion: SAVE_VERSION,
      minCompatibleVersion: 1,
      scenarioId: 'demo-gift',
      scenarioVersion: 1,
      choices: ['decline-flat'],
      lineIndex: 0,
    });
    const first = new Session(demo());
    first.next();
    const restored = Session.restore(demo(), JSON.parse(JSON.stringify(first.save())));
    expect(restored.ok).toBe(true);
    if (!restored.ok) return;
    expect(restored.session.snapshot.lineIndex).toBe(1);
    expect(restored.session.snapshot.line?.speaker).toBe('arthur');
    expect(restored.notes).toEqual([]);

    const again = Session.restore(demo(), save);
    expect(again.ok && again.session.snapshot).toMatchObject({
      node: 'hurt',
      vars: { ease: 30 },
      scores: { empathy: -2, boundaries: 1 },
    });
  });

  it('survives an edit to the scenario that keeps the path (a typo fix and a new version)', () => {
    const save = playTo(new Session(demo()), ['decline-kindly'], 0).save();
    const edited = scenarioOf(
      demoText
        .replace('version: 1', 'version: 2')
        .replace("She'd have wanted someone kind", 'She would have wanted someone kind'),
    );
    const restored = Session.restore(edited, save);
    expect(restored.ok).toBe(true);
    if (!restored.ok) return;
    expect(restored.session.snapshot.node).toBe('declined');
    expect(restored.session.snapshot.line?.text).toMatch(/She would have wanted/);
    expect(restored.notes.join(' ')).toMatch(/updated since this was saved \(version 1 to 2\)/);
  });

  it('clamps a line position that no longer exists, and says so', () => {
    const save = { ...new Session(demo()).save(), lineIndex: 7 };
    const restored = Session.restore(demo(), save);
    expect(restored.ok && restored.session.snapshot.lineIndex).toBe(2);
    expect(restored.ok && restored.notes.join(' ')).toMatch(/last line before the choice/);
  });

  it.each([
    ['not an object', 'hello', /not CarePlay saved progress/],
    ['null', null, /not CarePlay saved progress/],
    ['an unrelated object', { name: 'x' }, /not CarePlay saved progress/],
    [
      'a newer save format',
      {
        saveVersion: 5,
        minCompatibleVersion: 4,
        scenarioId: 'demo-gift',
        scenarioVersion: 1,
        choices: [],
        lineIndex: 0,
      },
      /newer version of CarePlay/,
    ],
    [
      'an ancient save format',
      {
        saveVersion: 0,
        minCompatibleVersion: 0,
        scenarioId: 'demo-gift',
        scenarioVersion: 1,
        choices: [],
        lineIndex: 0,
      },
      /much older version/,
    ],
    [
      'another scenario',
      {
        saveVersion: 1,
        minCompatibleVersion: 1,
        scenarioId: 'other',
        scenarioVersion: 1,
        choices: [],
        lineIndex: 0,
      },
      /belongs to another scenario \("other"\)/,
    ],
    [
      'damaged choices',
      {
        saveVersion: 1,
        minCompatibleVersion: 1,
        scenarioId: 'demo-gift',
        scenarioVersion: 1,
        choices: [3],
        lineIndex: 0,
      },
      /damaged/,
    ],
    [
      'a negative line',
      {
        saveVersion: 1,
        minCompatibleVersion: 1,
        scenarioId: 'demo-gift',
        scenarioVersion: 1,
        choices: [],
        lineIndex: -1,
      },
      /damaged/,
    ],
    [
      'a choice that no longer exists',
      {
        saveVersion: 1,
        minCompatibleVersion: 1,
        scenarioId: 'demo-gift',
        scenarioVersion: 1,
        choices: ['decline-kindly', 'gone'],
        lineIndex: 0,
      },
      /no longer fits.*decision 2/,
    ],
    [
      'a path past an ending',
      {
        saveVersion: 1,
        minCompatibleVersion: 1,
        scenarioId: 'demo-gift',
        scenarioVersion: 1,
        choices: ['decline-flat', 'walk-off', 'repair'],
        lineIndex: 0,
      },
      /no longer fits.*decision 3/,
    ],
  ])('refuses %s with a clear reason', (_name, data, reason) => {
    const restored = Session.restore(demo(), data);
    expect(restored.ok).toBe(false);
    if (!restored.ok) expect(restored.reason).toMatch(reason);
  });

  it('refuses a save whose choice is now behind a guard that no longer passes', () => {
    const save = playTo(new Session(demo()), ['decline-flat', 'repair', 'suggest-family']).save();
    const stricter = scenarioOf(demoText.replace('ease: { atLeast: 60 }', 'ease: { atLeast: 90 }'));
    const restored = Session.restore(stricter, save);
    expect(restored.ok).toBe(false);
  });

  it('emits events again after a restore (replay itself is silent)', () => {
    const save = playTo(new Session(demo()), ['decline-kindly']).save();
    const restored = Session.restore(demo(), save);
    if (!restored.ok) throw new Error(restored.reason);
    expect(restored.session.transcript.map((e) => e.kind)).toEqual(['restore', 'line']);
    const log = recordEvents(restored.session);
    restored.session.choose('decline-again');
    expect(log[0]).toBe('choice:decline-again');
  });

  it('works on the small scenario too (flags and chose marks replay)', () => {
    const s = scenarioOf(SMALL);
    const save = playTo(new Session(s), ['comfort']).save();
    const restored = Session.restore(s, save);
    expect(restored.ok && restored.session.snapshot.choices.map((c) => c.id)).toEqual(['report', 'wait']);
  });
});
