import { describe, expect, it } from 'vitest';
import {
  CLASS_SAVE_VERSION,
  ClassSession,
  majorityOf,
  minutesAndSeconds,
  REASONS_MAX,
  summaryRows,
  toCsv,
} from '../../src/engine/ClassSession';
import { SessionError } from '../../src/engine/Session';
import { load, fixtureText } from '../helpers/fixtures';

const scenario = () => load(fixtureText('gift.yaml')).scenario!;

describe('ClassSession: votes', () => {
  it('records votes by key press or typed count, with undo, at the current decision', () => {
    const cs = new ClassSession(scenario());
    cs.addVote('decline-kindly');
    cs.addVote('decline-kindly');
    cs.addVote('accept-quietly');
    cs.setVotes('decline-flat', 4);
    expect(cs.current()!.counts).toEqual({ 'decline-kindly': 2, 'accept-quietly': 1, 'decline-flat': 4 });
    expect(cs.undoVote()).toBe(true);
    expect(cs.current()!.counts).toEqual({ 'decline-kindly': 2, 'accept-quietly': 1 });
    expect(cs.undoVote()).toBe(true);
    expect(cs.undoVote()).toBe(true);
    expect(cs.undoVote()).toBe(true);
    expect(cs.undoVote()).toBe(false);
    expect(cs.current()!.counts).toEqual({});
    expect(() => cs.addVote('repair')).toThrow(/not an option at this decision/);
    expect(() => cs.setVotes('decline-flat', -1)).toThrow(SessionError);
  });

  it('keeps votes hidden until revealed, and hides them again at the next decision', () => {
    const cs = new ClassSession(scenario());
    expect(cs.snapshot.votesRevealed).toBe(false);
    cs.addVote('decline-kindly');
    cs.revealVotes();
    cs.revealOptions();
    expect(cs.snapshot).toMatchObject({ votesRevealed: true, optionsRevealed: true });
    cs.goWithClass();
    expect(cs.snapshot).toMatchObject({ votesRevealed: false, optionsRevealed: false });
    expect(cs.snapshot.votes.map((v) => [v.decision, v.chosen, v.how])).toEqual([
      [0, 'decline-kindly', 'majority'],
      [1, null, null],
    ]);
  });

  it('goes with the majority; a tie or no votes asks the trainer', () => {
    const cs = new ClassSession(scenario());
    expect(() => cs.goWithClass()).toThrow(/no votes/);
    cs.setVotes('decline-kindly', 3);
    cs.setVotes('decline-flat', 3);
    expect(cs.majority()).toEqual({
      kind: 'tie',
      choices: ['decline-kindly', 'decline-flat'],
      votes: 3,
      total: 6,
    });
    expect(() => cs.goWithClass()).toThrow(
      /tied between decline-kindly and decline-flat: the trainer decides/,
    );
    cs.pick('decline-flat');
    expect(cs.snapshot.votes[0]).toMatchObject({ chosen: 'decline-flat', how: 'trainer' });
    expect(majorityOf({ a: 1, b: 0 })).toEqual({ kind: 'winner', choice: 'a', votes: 1, total: 1 });
  });
});

describe('ClassSession: undo', () => {
  it('undoes votes first, then takes back the class’s last decision with its votes kept', () => {
    const cs = new ClassSession(scenario());
    cs.setVotes('decline-kindly', 5);
    cs.goWithClass();
    cs.addVote('suggest-family');
    expect(cs.undo()).toEqual({ undone: 'vote' });
    expect(cs.current()!.counts).toEqual({});
    // Nothing left to undo at decision 2: the class is back at decision 1, as it was.
    expect(cs.undo()).toEqual({ undone: 'decision', decision: 0 });
    expect(cs.session.snapshot.decisions).toHaveLength(0);
    expect(cs.session.snapshot.phase).toBe('choosing');
    expect(cs.snapshot.votes).toMatchObject([
      {
        decision: 0,
        node: cs.session.snapshot.node,
        counts: { 'decline-kindly': 5 },
        chosen: null,
        how: null,
      },
    ]);
    // The record agrees with itself after choosing again: the trainer's pick, not the majority.
    cs.pick('decline-flat');
    expect(cs.snapshot.votes[0]).toMatchObject({ chosen: 'decline-flat', how: 'trainer' });
    expect(toCsv(summaryRows(cs))).toMatch(/^1,.*,decline-flat,.*,0,yes,trainer,/m);
    cs.undo();
    expect(cs.undo()).toBeNull();
  });

  it('does not take back a decision from a what-if branch', () => {
    const cs = new ClassSession(scenario());
    cs.setVotes('decline-kindly', 5);
    cs.goWithClass();
    cs.startWhatIf(0);
    cs.pick('decline-flat');
    expect(cs.undo()).toBeNull();
  });
});

describe('ClassSession: what-if and summary', () => {
  it('branches from an earlier decision without touching the class’s votes, then returns', () => {
    const cs = new ClassSession(scenario());
    cs.setVotes('decline-kindly', 5);
    cs.goWithClass();
    cs.setVotes('suggest-family', 2);
    cs.setVotes('accept-brooch', 2);
    const classVotes = cs.snapshot.votes;
    cs.startWhatIf(0);
    expect(cs.onWhatIf).toBe(true);
    expect(cs.current()).toBeNull();
    expect(() => cs.addVote('accept-quietly')).toThrow(/class’s own path/);
    cs.pick('accept-quietly');
    cs.pick('keep-quiet');
    expect(cs.session.result()?.ending.node).toBe('ending-poor');
    cs.returnToClass();
    expect(cs.onWhatIf).toBe(false);
    expect(cs.snapshot.votes).toEqual(classVotes);
    expect(cs.session.snapshot.node).toBe('declined');
  });

  it('plays a what-if in a Session of its own: the class’s Session does not move, and comes back exactly', () => {
    const cs = new ClassSession(scenario());
    cs.pick('decline-kindly');
    cs.pick('suggest-family');
    const classSnapshot = cs.session.snapshot;
    const classSession = cs.classPath;

    cs.startWhatIf(0);
    expect(cs.whatIf).toEqual({ fromDecision: 0 });
    expect(cs.session).not.toBe(classSession);
    expect(cs.session.snapshot).toMatchObject({ node: 'offer', phase: 'choosing', decisions: [] });
    cs.pick('accept-quietly');
    cs.pick('keep-quiet');
    expect(cs.session.result()?.ending.node).toBe('ending-poor');
    // The class's own Session never moved; a save during a what-if keeps the class's path.
    expect(cs.classPath.snapshot).toEqual(classSnapshot);
    expect(cs.save().session.choices).toEqual(['decline-kindly', 'suggest-family']);
    expect(cs.save().whatIf).toEqual({ fromDecision: 0, choices: ['accept-quietly', 'keep-quiet'] });

    cs.returnToClass();
    expect(cs.whatIf).toBeNull();
    expect(cs.session).toBe(classSession);
    expect(cs.session.snapshot).toEqual(classSnapshot);
    expect(cs.session.transcript.map((e) => e.kind)).not.toContain('rewind');
    expect(() => cs.returnToClass()).toThrow(/no what-if/);
    expect(() => cs.startWhatIf(5)).toThrow(/no decision 6/);
  });

  it('moves its listeners to the Session on show: they hear a what-if start, play and end', () => {
    const cs = new ClassSession(scenario());
    cs.pick('decline-kindly');
    const heard: string[] = [];
    cs.on('change', ({ snapshot }) => heard.push(`change:${snapshot.node}`));
    cs.on('choices', ({ node }) => heard.push(`choices:${node}`));
    cs.on('choice', ({ decision }) => heard.push(`choice:${decision.choice}`));
    const off = cs.on('line', ({ node }) => heard.push(`line:${node}`));
    cs.startWhatIf(0);
    expect(heard).toEqual(['line:offer', 'choices:offer', 'change:offer']);
    heard.length = 0;
    cs.pick('decline-flat');
    expect(heard).toContain('choice:decline-flat');
    expect(heard.at(-1)).toBe('change:hurt');
    off();
    heard.length = 0;
    cs.returnToClass();
    expect(heard).toEqual(['choices:declined', 'change:declined']);
    // The class's own Session, heard again after the what-if.
    heard.length = 0;
    cs.pick('suggest-family');
    expect(heard).toContain('choice:suggest-family');
  });

  it('finds the most divided decisions by the margin between the top two options', () => {
    const cs = new ClassSession(scenario());
    cs.setVotes('decline-kindly', 10);
    cs.setVotes('decline-flat', 2);
    cs.goWithClass();
    cs.setVotes('suggest-family', 5);
    cs.setVotes('accept-brooch', 4);
    cs.setVotes('decline-again', 3);
    cs.goWithClass();
    expect(cs.mostDivided().map((d) => [d.decision, Number(d.margin.toFixed(3))])).toEqual([
      [1, 0.083],
      [0, 0.667],
    ]);
    const csv = toCsv(summaryRows(cs));
    expect(csv.split('\r\n')[0]).toBe(
      'decision,prompt,option number,option,option text,votes,chosen,how,empathy change,boundaries change,escalation change,class reasons,seconds to decide,timer seconds',
    );
    expect(csv).toMatch(/^1,.*,\d,decline-kindly,".*",10,yes,majority,2,3,0,,,$/m);
    // Only what the class was offered, numbered as on screen; no glossary markup.
    const rows = summaryRows(cs).slice(1);
    for (const v of cs.snapshot.votes) {
      const offered =
        cs.session.snapshot.decisions[v.decision]?.offered ?? cs.session.snapshot.choices.map((c) => c.id);
      expect(rows.filter((r) => r[0] === String(v.decision + 1)).map((r) => [r[2], r[3]])).toEqual(
        offered.map((id, i) => [String(i + 1), id]),
      );
    }
    expect(csv).not.toMatch(/\[\[/);
  });
});

describe('ClassSession: survives a reload', () => {
  it('restores the same decision, the same votes and what was revealed', () => {
    const cs = new ClassSession(scenario());
    cs.setVotes('decline-kindly', 5);
    cs.goWithClass();
    cs.addVote('suggest-family');
    cs.addVote('accept-brooch');
    cs.revealVotes();
    cs.showScores();
    const saved = JSON.parse(JSON.stringify(cs.save(123)));
    const restored = ClassSession.restore(scenario(), saved);
    expect(restored.ok).toBe(true);
    if (!restored.ok) return;
    const back = restored.classSession;
    expect(back.session.snapshot.node).toBe('declined');
    expect(back.current()!.counts).toEqual({ 'suggest-family': 1, 'accept-brooch': 1 });
    expect(back.snapshot).toMatchObject({ votesRevealed: true, scoresShown: true, optionsRevealed: false });
    expect(back.snapshot.votes[0]).toMatchObject({ chosen: 'decline-kindly', how: 'majority' });
  });

  it('restores a what-if branch in progress, with the class path kept', () => {
    const cs = new ClassSession(scenario());
    cs.setVotes('decline-kindly', 5);
    cs.goWithClass();
    cs.startWhatIf(0);
    cs.pick('decline-flat');
    const restored = ClassSession.restore(scenario(), JSON.parse(JSON.stringify(cs.save())));
    if (!restored.ok) throw new Error(restored.reason);
    const back = restored.classSession;
    expect(back.onWhatIf).toBe(true);
    expect(back.session.snapshot.node).toBe('hurt');
    back.returnToClass();
    expect(back.session.snapshot.node).toBe('declined');
  });

  it('restores a what-if just started, before anything is chosen on it (a reload, or the debrief’s “Go back”)', () => {
    const cs = new ClassSession(scenario());
    cs.setVotes('decline-kindly', 5);
    cs.goWithClass();
    for (const from of [0, 1]) {
      if (from === 1) {
        cs.returnToClass();
        while (cs.session.canContinue) cs.session.next();
        cs.setVotes(cs.session.snapshot.choices[0]!.id, 3);
        cs.goWithClass();
      }
      cs.startWhatIf(from);
      const restored = ClassSession.restore(scenario(), JSON.parse(JSON.stringify(cs.save())));
      if (!restored.ok) throw new Error(restored.reason);
      expect(restored.notes).toEqual([]);
      expect(restored.classSession.whatIf).toEqual({ fromDecision: from });
      expect(restored.classSession.session.snapshot.decisions).toHaveLength(from);
      expect(restored.classSession.snapshot.votes[0]).toMatchObject({
        chosen: 'decline-kindly',
        how: 'majority',
      });
    }
  });

  it('opens a version 2 save made before what-ifs had a Session of their own, what-if and all', () => {
    // Written by the code of 2 December 2026, when the Session itself carried the what-if.
    const old = {
      classSaveVersion: 2,
      id: 'class-1',
      startedAt: 1700000002000,
      finished: null,
      session: {
        saveVersion: 1,
        minCompatibleVersion: 1,
        scenarioId: 'demo-gift',
        scenarioVersion: 1,
        choices: ['decline-kindly'],
        lineIndex: 0,
      },
      whatIf: { fromDecision: 0, choices: ['decline-flat'] },
      state: {
        votes: [
          {
            decision: 0,
            node: 'offer',
            counts: { 'decline-kindly': 5, 'decline-flat': 2 },
            chosen: 'decline-kindly',
            how: 'majority',
            reasons: 'Kind and clear.',
            shownAt: null,
            decidedAt: 1700000003000,
            timer: { ms: 0, since: null },
          },
          {
            decision: 1,
            node: 'declined',
            counts: { 'suggest-family': 3 },
            chosen: null,
            how: null,
            reasons: '',
            shownAt: 1700000009000,
            decidedAt: null,
            timer: { ms: 0, since: null },
          },
        ],
        votesRevealed: false,
        optionsRevealed: false,
        scoresShown: false,
        details: null,
        startedAt: 1700000002000,
      },
      savedAt: 1700000100000,
    };
    expect(old.classSaveVersion).toBe(CLASS_SAVE_VERSION);
    const restored = ClassSession.restore(scenario(), old);
    if (!restored.ok) throw new Error(restored.reason);
    const cs = restored.classSession;
    expect(restored.notes).toEqual([]);
    expect(cs.whatIf).toEqual({ fromDecision: 0 });
    expect(cs.session.path).toEqual(['decline-flat']);
    expect(cs.session.snapshot.node).toBe('hurt');
    expect(cs.classPath.path).toEqual(['decline-kindly']);
    expect(cs.snapshot.votes[0]).toMatchObject({ chosen: 'decline-kindly', reasons: 'Kind and clear.' });
    // Saved again, it is the same save.
    expect(cs.save(old.savedAt)).toEqual(old);
    cs.returnToClass();
    expect(cs.session.snapshot.node).toBe('declined');
    expect(cs.current()!.counts).toEqual({ 'suggest-family': 3 });
  });

  it('a what-if that no longer replays is dropped with a note, the class’s path kept', () => {
    const cs = new ClassSession(scenario());
    cs.pick('decline-kindly');
    const save = { ...cs.save(), whatIf: { fromDecision: 0, choices: ['no-such-choice'] } };
    const restored = ClassSession.restore(scenario(), save);
    if (!restored.ok) throw new Error(restored.reason);
    expect(restored.classSession.onWhatIf).toBe(false);
    expect(restored.classSession.session.snapshot.node).toBe('declined');
    expect(restored.notes).toEqual([
      expect.stringMatching(/what-if branch in progress could not be restored/),
    ]);
  });

  it.each([
    ['nothing', null],
    ['a plain save', { saveVersion: 1 }],
    ['a newer group save', { classSaveVersion: 9, session: {} }],
  ])('refuses %s with a reason', (_name, data) => {
    const restored = ClassSession.restore(scenario(), data);
    expect(restored.ok).toBe(false);
  });
});

/** A clock the test moves by hand. */
function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, tick: (ms: number) => (t += ms) };
}

/** On to the options, as the class's screen shows them after the lines. */
function toOptions(cs: ClassSession) {
  while (cs.session.canContinue) cs.session.next();
}

describe('ClassSession: the class’s reasons (issue 19, item 5)', () => {
  it('keeps the reasons at a decision, short and plain, and they survive a reload', () => {
    const cs = new ClassSession(scenario());
    toOptions(cs);
    cs.setReasons('  Arthur would feel [[rejected|safeguarding]]\nif we\tsaid no flatly.  ');
    expect(cs.current()!.reasons).toBe('Arthur would feel rejected if we said no flatly.');
    cs.setReasons('x'.repeat(400));
    expect(cs.current()!.reasons).toHaveLength(REASONS_MAX);
    cs.setReasons('Kind but clear 🙂'.repeat(30));
    // Cut at a whole character, never half an emoji.
    expect(cs.current()!.reasons).not.toMatch(/\uD83D$/);
    cs.setReasons('Kind but clear.');
    cs.setVotes('decline-kindly', 3);
    cs.goWithClass();
    // An earlier decision's reasons can still be put right after the class has moved on.
    cs.setReasons('Kind, clear, and it follows the policy.', 0);
    const back = ClassSession.restore(scenario(), JSON.parse(JSON.stringify(cs.save())));
    if (!back.ok) throw new Error(back.reason);
    expect(back.classSession.snapshot.votes[0]!.reasons).toBe('Kind, clear, and it follows the policy.');
    // In the CSV and after the scores; a formula-looking start is defused.
    cs.setReasons('=HYPERLINK("x")', 0);
    const csv = toCsv(summaryRows(cs));
    expect(csv.split('\r\n')[0]).toMatch(/,class reasons,seconds to decide,timer seconds$/);
    expect(csv).toMatch(/^1,[^\r\n]*,yes,majority,[^\r\n]*,"'=HYPERLINK\(""x""\)",/m);
    expect(() => cs.setReasons('no such', 7)).toThrow(/no such decision/);
    cs.startWhatIf(0);
    expect(() => cs.setReasons('on a what-if')).toThrow(/own path/);
  });
});

describe('ClassSession: time per decision and the discussion timer (item 6)', () => {
  it('times each decision from its options appearing to the class’s choice, on an injected clock', () => {
    const c = clock();
    const cs = new ClassSession(scenario(), undefined, { now: c.now });
    c.tick(30_000); // lines read before the options show are not the class's deciding time
    toOptions(cs);
    c.tick(95_000);
    cs.setVotes('decline-kindly', 4);
    cs.goWithClass();
    expect(cs.times()[0]).toEqual({ decision: 0, toDecideMs: 95_000, timerMs: 0, running: false });
    expect(cs.times()[1]!.toDecideMs).toBeNull();
  });

  it('counts the timer only while it runs, stops it at the class’s choice, and keeps it over a reload', () => {
    const c = clock();
    const cs = new ClassSession(scenario(), undefined, { now: c.now });
    toOptions(cs);
    expect(cs.toggleTimer()).toBe(true);
    c.tick(40_000);
    expect(cs.times()[0]).toMatchObject({ timerMs: 40_000, running: true });
    expect(cs.toggleTimer()).toBe(false);
    c.tick(60_000); // stopped: not counted
    cs.toggleTimer(true);
    c.tick(5_000);
    // A reload while it runs: it carries on from the same start.
    const back = ClassSession.restore(scenario(), JSON.parse(JSON.stringify(cs.save())), { now: c.now });
    if (!back.ok) throw new Error(back.reason);
    const again = back.classSession;
    c.tick(15_000);
    expect(again.times()[0]).toMatchObject({ timerMs: 60_000, running: true });
    again.setVotes('decline-kindly', 2);
    again.goWithClass();
    c.tick(99_000);
    expect(again.times()[0]).toEqual({ decision: 0, toDecideMs: 120_000, timerMs: 60_000, running: false });
    expect(toCsv(summaryRows(again))).toMatch(/^1,[^\r\n]*,yes,majority,[^\r\n]*,,120,60\r$/m);
    expect(minutesAndSeconds(60_000)).toBe('01:00');
    expect(minutesAndSeconds(3_725_000)).toBe('1:02:05');
    again.startWhatIf(0);
    expect(() => again.toggleTimer()).toThrow(/own path/);
  });

  it('a decision taken back keeps its start, and is timed to the choice made again', () => {
    const c = clock();
    const cs = new ClassSession(scenario(), undefined, { now: c.now });
    toOptions(cs);
    c.tick(10_000);
    cs.pick('decline-flat');
    cs.undo();
    expect(cs.times()[0]!.toDecideMs).toBeNull();
    c.tick(20_000);
    cs.pick('decline-kindly');
    expect(cs.times()[0]!.toDecideMs).toBe(30_000);
  });
});

describe('ClassSession: the group’s details and older saves', () => {
  it('keeps the group’s and trainer’s names, asked once, optional', () => {
    const c = clock(Date.UTC(2025, 2, 14, 9, 30));
    const cs = new ClassSession(scenario(), undefined, { now: c.now });
    expect(cs.snapshot.details).toBeNull();
    expect(cs.snapshot.startedAt).toBe(Date.UTC(2025, 2, 14, 9, 30));
    cs.setDetails({ group: ' Level 3 Diploma, Tuesday ', trainer: '' });
    expect(cs.snapshot.details).toEqual({ group: 'Level 3 Diploma, Tuesday', trainer: '' });
    cs.setDetails({ trainer: 'Sam Okoro' });
    const back = ClassSession.restore(scenario(), JSON.parse(JSON.stringify(cs.save())));
    if (!back.ok) throw new Error(back.reason);
    expect(back.classSession.snapshot.details).toEqual({
      group: 'Level 3 Diploma, Tuesday',
      trainer: 'Sam Okoro',
    });
    expect(back.classSession.snapshot.startedAt).toBe(Date.UTC(2025, 2, 14, 9, 30));
  });

  it('still loads a version 1 save, with no reasons, times or details', () => {
    const v1 = {
      classSaveVersion: 1,
      session: new ClassSession(scenario()).session.save(),
      whatIf: null,
      state: {
        votes: [{ decision: 0, node: 'offer', counts: { 'decline-kindly': 3 }, chosen: null, how: null }],
        votesRevealed: true,
        optionsRevealed: false,
        scoresShown: false,
      },
      savedAt: 123,
    };
    const back = ClassSession.restore(scenario(), JSON.parse(JSON.stringify(v1)));
    if (!back.ok) throw new Error(back.reason);
    const cs = back.classSession;
    expect(cs.current()).toMatchObject({ counts: { 'decline-kindly': 3 }, reasons: '', decidedAt: null });
    expect(cs.snapshot).toMatchObject({ details: null, startedAt: null, votesRevealed: true });
    expect(cs.times()[0]).toMatchObject({ toDecideMs: null, timerMs: 0 });
    expect(cs.save().classSaveVersion).toBe(CLASS_SAVE_VERSION);
    expect(CLASS_SAVE_VERSION).toBe(2);
  });

  it('reads damaged new fields as absent, never as a crash', () => {
    const save = JSON.parse(JSON.stringify(new ClassSession(scenario()).save()));
    save.state.votes[0] = {
      ...save.state.votes[0],
      reasons: 42,
      shownAt: 'soon',
      decidedAt: Infinity,
      timer: 'running',
    };
    save.state.details = 'Tuesday';
    save.state.startedAt = '2025-03-14';
    save.startedAt = '2025-03-14';
    const back = ClassSession.restore(scenario(), save);
    if (!back.ok) throw new Error(back.reason);
    expect(back.classSession.current()).toMatchObject({
      reasons: '',
      shownAt: null,
      decidedAt: null,
      timer: { ms: 0, since: null },
    });
    expect(back.classSession.snapshot).toMatchObject({ details: null, startedAt: null });
  });
});

describe('ClassSession: one class, from its start to its ending (issue 19, item 4)', () => {
  it('has an id and a start time that a reload keeps, and a new class has its own', () => {
    const cs = new ClassSession(scenario(), undefined, { now: () => 1_760_000_000_000 });
    expect(cs.id).toMatch(/^[\w-]+$/);
    expect(cs.startedAt).toBe(1_760_000_000_000);
    cs.setVotes('decline-kindly', 5);
    cs.goWithClass();
    const save = JSON.parse(JSON.stringify(cs.save(1_760_000_600_000)));
    expect(save).toMatchObject({ id: cs.id, startedAt: 1_760_000_000_000, finished: null });
    const restored = ClassSession.restore(scenario(), save, { now: () => 1_760_000_900_000 });
    if (!restored.ok) throw new Error(restored.reason);
    expect(restored.classSession.id).toBe(cs.id);
    expect(restored.classSession.startedAt).toBe(1_760_000_000_000);
    expect(new ClassSession(scenario()).id).not.toBe(cs.id);
  });

  it('gives a save from before classes had ids one, started when it was saved', () => {
    const { id: _id, startedAt: _at, finished: _f, ...old } = new ClassSession(scenario()).save(42);
    const restored = ClassSession.restore(scenario(), JSON.parse(JSON.stringify(old)));
    if (!restored.ok) throw new Error(restored.reason);
    expect(restored.classSession.id).toMatch(/^[\w-]+$/);
    expect(restored.classSession.startedAt).toBe(42);
    expect(restored.classSession.save().finished).toBeNull();
    // A damaged id is not taken as it is (it becomes part of a storage key).
    const odd = ClassSession.restore(scenario(), { ...JSON.parse(JSON.stringify(old)), id: 'a:b/c' });
    if (!odd.ok) throw new Error(odd.reason);
    expect(odd.classSession.id).not.toBe('a:b/c');
  });

  it('has said how the last decision was made by the time the ending is reached', () => {
    const cs = new ClassSession(scenario());
    cs.setVotes('decline-kindly', 3);
    cs.goWithClass();
    // What the classroom saves as the class reaches its ending (it listens for 'change').
    const saves: ReturnType<ClassSession['save']>[] = [];
    cs.session.on('change', () => {
      if (cs.finished) saves.push(cs.save());
    });
    cs.pick('accept-brooch');
    expect(saves.length).toBeGreaterThan(0);
    expect(saves[0]!.state.votes.map((v) => [v.chosen, v.how])).toEqual([
      ['decline-kindly', 'majority'],
      ['accept-brooch', 'trainer'],
    ]);
    // A choice that is not on offer changes nothing.
    const again = new ClassSession(scenario());
    expect(() => again.pick('accept-brooch')).toThrow();
    expect(again.snapshot.votes[0]).toMatchObject({ chosen: null, how: null });
  });

  it('says which ending the class’s own path reached: not a what-if’s, and not once taken back', () => {
    const cs = new ClassSession(scenario());
    cs.pick('decline-kindly');
    expect(cs.finished).toBeNull();
    cs.pick('accept-brooch');
    expect(cs.finished).toEqual({
      node: 'ending-brooch',
      title: 'A keepsake in the wrong hands',
      outcome: expect.any(String),
    });
    const finished = cs.finished;
    // A what-if to another ending leaves the class's own ending as it was, in the save too.
    cs.startWhatIf(0);
    cs.pick('accept-quietly');
    cs.pick('keep-quiet');
    expect(cs.session.result()?.ending.node).toBe('ending-poor');
    expect(cs.finished).toEqual(finished);
    expect(cs.save().finished).toEqual(finished);
    const back = ClassSession.restore(scenario(), JSON.parse(JSON.stringify(cs.save())));
    if (!back.ok) throw new Error(back.reason);
    expect(back.classSession.finished).toEqual(finished);
    cs.returnToClass();
    // Taking back the last decision: the class is under way again.
    expect(cs.undo()).toEqual({ undone: 'decision', decision: 1 });
    expect(cs.finished).toBeNull();
    expect(cs.save().finished).toBeNull();
  });
});
