/**
 * The scoring model's promises, each as a test that the old relative model (each decision scored
 * between the best and the worst option on offer) fails.
 */
import { describe, expect, it } from 'vitest';
import type { Assessment, Choice } from '../../src/engine/schema';
import {
  bandFor,
  percentOf,
  quote,
  scoreDecisions,
  type ScoredAssessment,
  type ScoredDecision,
  type ScoredItem,
} from '../../src/engine/scoring';

const choice = (id: string, score: Choice['score'], unsafe?: Choice['unsafe']): Choice => ({
  id,
  text: `Say ${id}`,
  next: 'x',
  score,
  ...(unsafe ? { unsafe } : {}),
  feedback: { why: 'because', sources: ['cc-6'] },
});

const decide = (index: number, chosen: Choice, available: Choice[], weight = 1): ScoredDecision => ({
  kind: 'decision',
  index,
  node: `n${index}`,
  chosen,
  available,
  weight,
});

const assess = (node: string, after: number, a: Partial<Assessment>, ending = true): ScoredAssessment => ({
  kind: 'assessment',
  node,
  afterDecisions: after,
  assessment: { feedback: { why: `what happened at ${node}`, sources: ['cc-9'] }, ...a },
  ending,
});

const bands = (items: ScoredItem[]) => {
  const card = scoreDecisions(items);
  return {
    empathy: [card.empathy.band, card.empathy.percent],
    boundaries: [card.boundaries.band, card.boundaries.percent],
    escalation: [card.escalation.band, card.escalation.percent],
  };
};

describe('the scale', () => {
  it('maps levels to percentages on a fixed scale: -4 is 0%, 0 is 50%, +2 is 75%, +4 is 100%', () => {
    expect([-4, -2, 0, 1, 2, 3, 4].map((l) => Math.round(percentOf(l)))).toEqual([
      0, 25, 50, 63, 75, 88, 100,
    ]);
  });

  it('maps percentages to bands: Exemplary from 85%, Competent from 65%', () => {
    expect([0, 64, 65, 84, 85, 100].map(bandFor)).toEqual([
      'Developing',
      'Developing',
      'Competent',
      'Competent',
      'Exemplary',
      'Exemplary',
    ]);
  });

  it('a choice means the same wherever it appears: a Competent reply is 75% whatever else was offered', () => {
    const competent = choice('competent', { empathy: 2 });
    const alone = scoreDecisions([decide(0, competent, [competent])]);
    const amongBetter = scoreDecisions([decide(0, competent, [choice('best', { empathy: 4 }), competent])]);
    const amongWorse = scoreDecisions([
      decide(0, competent, [competent, choice('worst', { empathy: -4 }, 'empathy')]),
    ]);
    for (const card of [alone, amongBetter, amongWorse]) {
      expect(card.empathy).toMatchObject({ band: 'Competent', percent: 75 });
    }
  });
});

describe('an option nobody chose never moves a score', () => {
  it('adding a worse option that the learner did not take changes no band and no percentage', () => {
    const warm = choice('warm', { empathy: 2, boundaries: 1 });
    const flat = choice('flat', { empathy: 0 });
    const path = (extra: Choice[]) => [
      decide(0, warm, [warm, flat, ...extra]),
      decide(1, flat, [warm, flat, ...extra]),
    ];
    const straw = choice('straw', { empathy: -4, boundaries: -4, escalation: -4 }, [
      'empathy',
      'boundaries',
      'escalation',
    ]);
    // Under the old model "flat" rose from 0% of the range to two thirds of it.
    expect(bands(path([straw]))).toEqual(bands(path([])));
  });
});

describe('nothing good on offer', () => {
  const good = choice('good', { escalation: 2 });
  const lesserEvil = choice('lesser-evil', { escalation: -1 });
  const worse = choice('worse', { escalation: -3 });

  it('does not punish the learner for taking the best that was there', () => {
    const without = scoreDecisions([decide(0, good, [good])]);
    const withBleak = scoreDecisions([decide(0, good, [good]), decide(1, lesserEvil, [lesserEvil, worse])]);
    expect(withBleak.escalation.percent).toBe(without.escalation.percent);
    expect(withBleak.escalation.band).toBe(without.escalation.band);
    expect(withBleak.escalation.moments[1]).toMatchObject({ choice: 'lesser-evil', counted: false });
    expect(withBleak.escalation.explanation).toMatch(
      /decision 2 left out, as nothing Competent was on offer/,
    );
  });

  it('a lapse counts where an option that said nothing on the dimension was open (it did no harm)', () => {
    const overshare = choice('overshare', { empathy: 2, boundaries: -3 });
    const quiet = choice('quiet', { empathy: 1 });
    const card = scoreDecisions([decide(0, overshare, [overshare, quiet])]);
    expect(card.boundaries).toMatchObject({ band: 'Developing', percent: 13 });
    expect(card.boundaries.moments[0]).toMatchObject({ counted: true });
    expect(card.boundaries.moments[0]!.better).toBeUndefined();
  });

  it('but still counts a worse choice where a better one was there', () => {
    const card = scoreDecisions([decide(0, good, [good]), decide(1, worse, [lesserEvil, worse])]);
    expect(card.escalation.moments[1]).toMatchObject({ counted: true, better: { id: 'lesser-evil' } });
    expect(card.escalation.band).toBe('Developing');
  });
});

describe('a lapse is never averaged away', () => {
  const exemplary = choice('exemplary', { boundaries: 4 });
  const lapse = choice('lapse', { boundaries: -2 });
  const serious = choice('serious', { boundaries: -3 });
  const many = (last: Choice) => [
    ...Array.from({ length: 9 }, (_, i) => decide(i, exemplary, [exemplary, last])),
    decide(9, last, [exemplary, last]),
  ];

  it('a serious lapse (-3) keeps the band at Developing at best, and says so', () => {
    const card = scoreDecisions(many(serious));
    expect(card.boundaries.percent).toBe(91); // (9 × 4 − 3) / 10 = +3.3: the average alone is Exemplary
    expect(card.boundaries.band).toBe('Developing');
    expect(card.boundaries.cap).toMatchObject({
      band: 'Developing',
      moment: { choice: 'serious', level: -3 },
    });
    expect(card.boundaries.reason).toMatch(/at decision 10, “Say serious” was a serious lapse \(−3\)/);
    expect(card.boundaries.explanation).toMatch(
      /capped at Developing by decision 10 \(−3, a serious lapse\)/,
    );
  });

  it('a lapse (-2) keeps the band at Competent at best', () => {
    const card = scoreDecisions(many(lapse));
    expect(card.boundaries.band).toBe('Competent');
    expect(card.boundaries.cap?.band).toBe('Competent');
  });

  it('an unsafe act makes the band Unsafe, on every dimension it names', () => {
    const breach = choice('breach', { empathy: -3, boundaries: -4 }, ['empathy', 'boundaries']);
    const card = scoreDecisions([...many(exemplary).slice(0, 9), decide(9, breach, [exemplary, breach])]);
    expect(card.boundaries.band).toBe('Unsafe');
    expect(card.empathy.band).toBe('Unsafe');
    expect(card.boundaries.unsafe).toEqual(['breach']);
    expect(card.boundaries.reason).toMatch(/^Unsafe on boundaries: “Say breach” crossed a line/);
    expect(card.escalation.band).toBeNull();
  });
});

describe('weights and consequences', () => {
  it('a key moment with weight 3 counts three times', () => {
    const key = choice('key', { escalation: 4 });
    const plain = choice('plain', { escalation: 0 });
    const weighted = scoreDecisions([decide(0, key, [key], 3), decide(1, plain, [plain, key])]);
    const unweighted = scoreDecisions([decide(0, key, [key]), decide(1, plain, [plain, key])]);
    expect(weighted.escalation.percent).toBe(88); // (3×4 + 0) / 4 = +3
    expect(unweighted.escalation.percent).toBe(75); // (4 + 0) / 2 = +2
    expect(weighted.escalation.explanation).toMatch(/decision 1 ×3/);
  });

  it('an omission costs at the ending: never reporting scores below reporting late', () => {
    const warm = choice('warm', { empathy: 3 });
    const late = choice('late', { escalation: -1 });
    const prompt = choice('prompt', { escalation: 3 });
    // The learner who never reaches the reporting decision...
    const never = scoreDecisions([
      decide(0, warm, [warm]),
      assess('ending-missed', 1, { score: { escalation: -3 }, weight: 2 }),
    ]);
    // ...and the one who reports, but late.
    const reportedLate = scoreDecisions([decide(0, warm, [warm]), decide(1, late, [prompt, late])]);
    expect(never.escalation.band).toBe('Developing');
    expect(never.escalation.percent!).toBeLessThan(reportedLate.escalation.percent!);
    expect(never.escalation.explanation).toMatch(/the ending added −3: “what happened at ending-missed”/);
  });

  it('an unscored assessment only comments: it changes no score', () => {
    const warm = choice('warm', { empathy: 3 });
    const card = scoreDecisions([decide(0, warm, [warm]), assess('end', 1, { went: 'well' })]);
    expect(card.empathy.percent).toBe(88);
    expect(card.escalation.band).toBeNull();
  });

  it('an assessment can be unsafe: an ending that finds a serious omission makes the band Unsafe', () => {
    const card = scoreDecisions([assess('end', 0, { score: { escalation: -4 }, unsafe: 'escalation' })]);
    expect(card.escalation.band).toBe('Unsafe');
    expect(card.escalation.reason).toMatch(/what happened at the end/);
  });
});

describe('words', () => {
  it('says plainly when nothing tested a dimension', () => {
    const card = scoreDecisions([decide(0, choice('a', { empathy: 2 }), [])]);
    expect(card.boundaries.band).toBeNull();
    expect(card.boundaries.reason).toBe('Not tested: nothing on this path tested boundaries.');
  });

  it('names the deciding moments, with their levels and the better option that was open', () => {
    const good = choice('good', { empathy: 3 });
    const poor = choice('poor', { empathy: -1 });
    const card = scoreDecisions([decide(0, good, [good, poor]), decide(1, poor, [good, poor])]);
    expect(card.empathy.reason).toBe(
      'Developing: strongest at decision 1, “Say good” (+3); weakest at decision 2, “Say poor” (−1), where “Say good” (+3) was open to you.',
    );
  });

  it('does not call a negative moment the "strongest"', () => {
    const curt = choice('curt', { empathy: -2 });
    const cold = choice('cold', { empathy: -3 });
    const kind = choice('kind', { empathy: 3 });
    const card = scoreDecisions([decide(0, curt, [curt, kind]), decide(1, cold, [cold, kind])]);
    expect(card.empathy.reason).toBe(
      'Developing: nothing on this path did better than −2 on empathy; the least weak was at decision 1, “Say curt”, and the weakest at decision 2, “Say cold” (−3), where “Say kind” (+3) was open to you.',
    );
  });

  it('quotes cut at a word, never mid-word, and without glossary markup', () => {
    const q = quote(
      'Our [[safeguarding lead|designated safeguarding lead]] needs to hear about this today, before the end of the shift',
      60,
    );
    expect(q).toBe('“Our safeguarding lead needs to hear about this today…”');
    expect(quote('Short enough.')).toBe('“Short enough.”');
    // Where the limit falls inside a word, the quote stops at the word before ("Yo…" was issue 20).
    expect(quote('You will want to tell the senior first', 10)).toBe('“You will…”');
  });
});
