import { describe, expect, it } from 'vitest';
import { analyseScenario } from '../../src/engine/analyseScenario';
import { buildDebrief, clearlyStronger } from '../../src/engine/debrief';
import { Session } from '../../src/engine/Session';
import { load, fixtureText, scenarioText } from '../helpers/fixtures';

const scenario = load(fixtureText('gift.yaml')).scenario!;
const { bestPath } = analyseScenario(scenario);

function finish(ids: string[]) {
  const session = new Session(scenario);
  for (const id of ids) session.choose(id);
  return buildDebrief(scenario, session.result()!, bestPath);
}

describe('buildDebrief', () => {
  it('lays out the timeline with what was chosen, the best on offer, and options never offered', () => {
    const d = finish(['decline-flat', 'repair', 'decline-again', 'say-nothing']);
    expect(d.timeline.map((t) => [t.chosen.id, t.best.id, t.wasBest])).toEqual([
      ['decline-flat', 'decline-kindly', false],
      ['repair', 'repair', true],
      ['decline-again', 'suggest-family', false],
      ['say-nothing', 'declare-offer', false],
    ]);
    expect(d.timeline[0]!.prompt).toMatch(/What might Arthur be feeling/);
    expect(d.timeline[2]!.notOffered).toEqual([]);
    expect(d.divergedAt).toBe(0);
    expect(d.bestPath.map((s) => s.option.id)).toEqual(['decline-kindly', 'suggest-family', 'declare-offer']);
  });

  it('lists options the learner never saw because of how the conversation went', () => {
    const lowEase = load(
      fixtureText('gift.yaml').replace('effects: { ease: 30 }', 'effects: { ease: 20 }'),
    ).scenario!;
    const session = new Session(lowEase);
    for (const id of ['decline-flat', 'repair', 'decline-again', 'declare-offer']) session.choose(id);
    const d = buildDebrief(lowEase, session.result()!, analyseScenario(lowEase).bestPath);
    expect(d.timeline[2]!.notOffered.map((o) => o.id)).toEqual(['suggest-family']);
  });

  it('tracks the mood curve from the start through each decision', () => {
    const d = finish(['decline-flat', 'repair', 'decline-again', 'say-nothing']);
    expect(d.mood).toEqual([
      { variable: 'ease', label: 'How at ease Arthur feels', min: 0, max: 100, values: [70, 30, 60, 60, 60] },
    ]);
  });

  it('puts unsafe moments first among the turning points, then the biggest misses', () => {
    const d = finish(['accept-quietly', 'keep-quiet']);
    expect(d.turningPoints.map((p) => [p.index, p.kind])).toEqual([
      [1, 'unsafe'],
      [0, 'unsafe'],
    ]);
    const mixed = finish(['decline-flat', 'repair', 'decline-again', 'say-nothing']);
    expect(mixed.turningPoints[0]).toMatchObject({ kind: 'missed' });
    expect(mixed.turningPoints.map((p) => p.index)).toEqual([3, 0, 2]);
  });

  it('says the learner never left the best path when they did not', () => {
    const d = finish(['decline-kindly', 'suggest-family', 'declare-offer']);
    expect(d.divergedAt).toBeNull();
    expect(d.turningPoints.every((p) => p.kind === 'strong')).toBe(true);
    expect(d.signposting.map((s) => s.name)).toEqual(['Your manager or supervisor']);
    expect(d.reflection).toHaveLength(2);
  });
});

describe('the stronger option a turning point names (issue 19)', () => {
  // An unsafe option that adds up to more than the kind refusal: accepting warmly, on a
  // fixture changed for this test only.
  const tempting = load(
    fixtureText('gift.yaml').replace(
      'score: { empathy: 1, boundaries: -4 }\n        unsafe: boundaries',
      'score: { empathy: 4, boundaries: -2, escalation: 4 }\n        unsafe: boundaries',
    ),
  ).scenario!;
  const finishOn = (s: typeof tempting, ids: string[]) => {
    const session = new Session(s);
    for (const id of ids) session.choose(id);
    return buildDebrief(s, session.result()!, analyseScenario(s).bestPath);
  };

  it('is never an unsafe option, and never the choice the class or learner made', () => {
    const d = finishOn(tempting, ['decline-kindly', 'suggest-family', 'declare-offer']);
    expect(d.timeline[0]).toMatchObject({ best: { id: 'decline-kindly' }, wasBest: true });
    expect(d.turningPoints.filter((p) => p.kind === 'missed')).toEqual([]);
    const poorer = finishOn(tempting, ['decline-flat', 'repair', 'decline-again', 'say-nothing']);
    expect(poorer.timeline[0]!.best.id).toBe('decline-kindly');
    for (const d2 of [d, poorer])
      for (const t of d2.timeline) {
        expect(t.best.unsafe).toEqual([]);
        if (!t.wasBest) expect(t.best.id).not.toBe(t.chosen.id);
      }
  });

  it('names no "stronger" option for a choice as strong as any on offer', () => {
    // Two options level at the top: whichever was chosen is the best there was.
    const level = load(
      fixtureText('gift.yaml').replace(
        'score: { empathy: -2, boundaries: 1 }',
        'score: { empathy: 2, boundaries: 3 }',
      ),
    ).scenario!;
    const d = finishOn(level, ['decline-kindly', 'suggest-family', 'declare-offer']);
    expect(d.timeline[0]).toMatchObject({
      chosen: { id: 'decline-kindly' },
      best: { id: 'decline-kindly' },
      wasBest: true,
    });
  });
});

describe('a "stronger option" is one an expert panel would key as clearly stronger', () => {
  const option = (id: string, empathy: number, boundaries: number, escalation: number, unsafe = false) => ({
    id,
    text: id,
    score: { empathy, boundaries, escalation },
    total: empathy + boundaries + escalation,
    unsafe: unsafe ? (['empathy'] as const).slice() : [],
    why: '',
    sources: [],
  });

  it('needs two levels more in all, and no loss where the choice made did well', () => {
    // Sunday visit, Helen leaving: going after her (empathy +2) against the office number (1, 2, 0).
    expect(clearlyStronger(option('office-number', 1, 2, 0), option('go-after', 2, 0, 0))).toBe(false);
    expect(clearlyStronger(option('b', 3, 2, 0), option('a', 2, 0, 0))).toBe(true);
    // Two more in all but weaker on the empathy the choice did well on: another good option.
    expect(clearlyStronger(option('b', 1, 4, 0), option('a', 2, 0, 0))).toBe(false);
    expect(clearlyStronger(option('b', 4, 4, 4, true), option('a', 0, 0, 0))).toBe(false);
  });

  it('Sunday visit: a learner who goes after Helen is not told the office number was stronger', () => {
    const loaded = load(scenarioText('dementia-family-visit.yaml'));
    const scenario = loaded.scenario!;
    const session = new Session(scenario);
    let reached = false;
    for (let guard = 0; guard < 60 && !session.ended; guard++) {
      while (session.canContinue) session.next();
      if (session.ended) break;
      const offered = session.reveal().filter((o) => o.available);
      const here = session.snapshot.node;
      // The best on offer, except to send Helen away hurt and let her leave, then go after her.
      const pick =
        here === 'arrive'
          ? 'try-another-day'
          : here === 'helen-hurt'
            ? 'up-to-you'
            : here === 'helen-leaving'
              ? 'go-after'
              : offered.reduce((a, b) => (b.total > a.total ? b : a)).id;
      if (here === 'helen-leaving') reached = true;
      session.choose(pick);
    }
    expect(reached).toBe(true);
    const model = buildDebrief(scenario, session.result()!, loaded.analysis!.bestPath);
    const at = model.timeline.find((t) => t.node === 'helen-leaving')!;
    expect(at.chosen.id).toBe('go-after');
    expect(at.wasBest).toBe(true);
    expect(model.turningPoints.filter((p) => p.kind === 'missed').map((p) => p.index)).not.toContain(
      at.index,
    );
  });
});
