import { describe, expect, it } from 'vitest';
import { ClassSession, majorityOf, summaryRows, toCsv } from '../../src/engine/ClassSession';
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
    expect(cs.snapshot.votes).toEqual([
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
      'decision,prompt,option number,option,option text,votes,chosen,how,empathy change,boundaries change,escalation change',
    );
    expect(csv).toMatch(/^1,.*,\d,decline-kindly,".*",10,yes,majority,2,3,0$/m);
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

  it.each([
    ['nothing', null],
    ['a plain save', { saveVersion: 1 }],
    ['a newer group save', { classSaveVersion: 9, session: {} }],
  ])('refuses %s with a reason', (_name, data) => {
    const restored = ClassSession.restore(scenario(), data);
    expect(restored.ok).toBe(false);
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
