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
      'decision,prompt,option,option text,votes,chosen,how,empathy change,boundaries change,escalation change',
    );
    expect(csv).toMatch(/^1,.*,decline-kindly,".*",10,yes,majority,2,3,0$/m);
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
