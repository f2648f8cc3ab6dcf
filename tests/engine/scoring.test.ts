import { describe, expect, it } from 'vitest';
import type { Choice } from '../../src/engine/schema';
import { bandFor, scoreDecisions, type ScoredDecision } from '../../src/engine/scoring';

const choice = (id: string, score: Choice['score'], unsafe?: Choice['unsafe']): Choice => ({
  id,
  text: `Say ${id}`,
  next: 'x',
  score,
  ...(unsafe ? { unsafe } : {}),
  feedback: { why: 'because', sources: ['cc-6'] },
});

const decide = (index: number, chosen: Choice, available: Choice[]): ScoredDecision => ({
  index,
  node: `n${index}`,
  chosen,
  available,
});

describe('scoring', () => {
  const good = choice('good', { empathy: 2 });
  const okay = choice('okay', { empathy: 0 });
  const poor = choice('poor', { empathy: -2 });

  it('scores each decision against the best and worst options available there', () => {
    const card = scoreDecisions([decide(0, okay, [good, okay, poor])]);
    expect(card.empathy.percent).toBe(50);
    expect(card.empathy.moments).toEqual([
      { index: 0, node: 'n0', choice: 'okay', fraction: 0.5, better: 'good' },
    ]);
  });

  it('does not penalise a short good path against a long one', () => {
    const short = scoreDecisions([decide(0, good, [good, poor])]);
    const long = scoreDecisions([0, 1, 2, 3, 4, 5].map((i) => decide(i, good, [good, okay, poor])));
    expect(short.empathy.percent).toBe(100);
    expect(long.empathy.percent).toBe(100);
    expect(short.empathy.band).toBe(long.empathy.band);
    expect(long.empathy.raw).toBeGreaterThan(short.empathy.raw);
  });

  it('leaves out decisions that did not test a dimension, and says when none did', () => {
    const card = scoreDecisions([decide(0, good, [good, poor]), decide(1, okay, [okay])]);
    expect(card.empathy.moments).toHaveLength(1);
    expect(card.escalation.band).toBeNull();
    expect(card.escalation.reason).toMatch(/Not assessed/);
  });

  it('an unsafe choice caps that dimension at Unsafe whatever else happened', () => {
    const risky = choice('risky', { empathy: 2, boundaries: -3 }, 'boundaries');
    const fine = choice('fine', { empathy: 1, boundaries: 2 });
    const decisions = [
      decide(0, fine, [fine, choice('meh', { boundaries: 0 })]),
      decide(1, fine, [fine, choice('meh2', { boundaries: 0 })]),
      decide(2, risky, [risky, fine]),
    ];
    const card = scoreDecisions(decisions);
    expect(card.boundaries.percent).toBe(67);
    expect(card.boundaries.band).toBe('Unsafe');
    expect(card.boundaries.unsafe).toEqual(['risky']);
    expect(card.boundaries.reason).toMatch(/Unsafe on boundaries: “Say risky” crossed a line/);
    // The other dimensions are judged on their own.
    expect(card.empathy.band).not.toBe('Unsafe');
  });

  it('maps percentages to bands; only an unsafe choice makes a band Unsafe', () => {
    expect([0, 59, 60, 84, 85, 100].map(bandFor)).toEqual([
      'Developing',
      'Developing',
      'Competent',
      'Competent',
      'Exemplary',
      'Exemplary',
    ]);
    const worst = scoreDecisions([decide(0, poor, [good, poor])]);
    expect(worst.empathy).toMatchObject({ percent: 0, band: 'Developing' });
  });

  it('names the deciding moments in the reason', () => {
    const card = scoreDecisions([decide(0, good, [good, poor]), decide(1, poor, [good, poor])]);
    expect(card.empathy.band).toBe('Developing');
    expect(card.empathy.reason).toBe(
      'Developing (50%): strongest at decision 1, “Say good”; weakest at decision 2, “Say poor”, where “Say good” was open to you.',
    );
  });
});
