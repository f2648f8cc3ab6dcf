/**
 * The scoring model's promises, checked on every shipped scenario and the fixtures over many
 * real paths — not only on hand-made decisions. Under the old relative model, adding one straw-man
 * option to each decision of the Sunday visit turned "escalation Developing 29%" into
 * "Exemplary 90%"; here it must change nothing.
 */
import { describe, expect, it } from 'vitest';
import { scenarioFiles } from '../../src/build/files';
import { coveringPaths } from '../../src/engine/coverage';
import { cueingStats, MAX_CUE_PERCENT } from '../../src/engine/cueing';
import { DIMENSIONS } from '../../src/engine/model';
import type { Choice, Scenario } from '../../src/engine/schema';
import { Session } from '../../src/engine/Session';
import { CONSEQUENCES, load, scenarioText, SMALL } from '../helpers/fixtures';

const shipped = scenarioFiles().map((path) => {
  const name = path.split('/').pop()!;
  return { name, loaded: load(scenarioText(name), path) };
});
const all = [
  ...shipped,
  { name: 'small (fixture)', loaded: load(SMALL) },
  { name: 'consequences (fixture)', loaded: load(CONSEQUENCES) },
];

/** The same scenario with a terrible option added to every decision, which nobody will take. */
function withStrawMen(scenario: Scenario): Scenario {
  const copy = structuredClone(scenario);
  for (const [id, node] of Object.entries(copy.nodes)) {
    if (!node.choices?.length) continue;
    const straw: Choice = {
      id: `straw-${id}`,
      text: 'Oh, stop fussing — she does not know what day it is anyway.',
      next: node.choices[0]!.next,
      score: { empathy: -4, boundaries: -4, escalation: -4 },
      unsafe: ['empathy', 'boundaries', 'escalation'],
      feedback: { why: 'A straw man.', sources: ['cc-6'] },
    };
    node.choices.push(straw);
  }
  return copy;
}

/** Paths to try: every choice at least once, plus seeded random walks. */
function samplePaths(scenario: Scenario, analysis: Parameters<typeof coveringPaths>[1]): string[][] {
  const paths = coveringPaths(scenario, analysis).paths;
  let seed = 4242;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let walk = 0; walk < 300; walk++) {
    const session = new Session(scenario);
    const path: string[] = [];
    while (!session.ended && path.length < 200) {
      const offered = session.reveal().filter((o) => o.available);
      const pick = offered[Math.floor(random() * offered.length)]!.id;
      session.choose(pick);
      path.push(pick);
    }
    paths.push(path);
  }
  return paths;
}

const cardOf = (scenario: Scenario, path: readonly string[]) => {
  const session = new Session(scenario, { now: () => 0 });
  for (const id of path) session.choose(id);
  return session.result()!.card;
};

const bandsOf = (card: ReturnType<typeof cardOf>) =>
  Object.fromEntries(DIMENSIONS.map((d) => [d, `${card[d].band} ${card[d].percent}`]));

describe.each(all)('$name', ({ loaded }) => {
  const scenario = loaded.scenario!;
  const paths = samplePaths(scenario, loaded.analysis!);
  const straw = withStrawMen(scenario);
  // Each path is played once as shipped; the three promises below all read that one card.
  const cards = paths.map((path) => cardOf(scenario, path));

  it('adding an option nobody chose, worse than what they chose, changes no band and no percentage on any path', () => {
    expect(paths.length).toBeGreaterThan(100);
    paths.forEach((path, i) =>
      expect(bandsOf(cardOf(straw, path)), path.join(',')).toEqual(bandsOf(cards[i]!)),
    );
  });

  it('a band is Unsafe only where an act marked unsafe was taken, and every Unsafe names it', () => {
    paths.forEach((path, i) => {
      for (const d of DIMENSIONS) {
        const r = cards[i]![d];
        expect(r.band === 'Unsafe', `${d} on ${path.join(',')}`).toBe(r.unsafe.length > 0);
      }
    });
  });

  it('no band is Exemplary where a counted moment was a lapse, or Competent where one was a serious lapse', () => {
    for (const card of cards) {
      for (const d of DIMENSIONS) {
        const r = card[d];
        const lowest = Math.min(...r.moments.filter((m) => m.counted).map((m) => m.level));
        if (lowest <= -2) expect(r.band).not.toBe('Exemplary');
        if (lowest <= -3) expect(['Developing', 'Unsafe']).toContain(r.band);
      }
    }
  });
});

describe.each(shipped)('$name, as shipped', ({ loaded }) => {
  it("states at least six of the trainer's expectations, all met", () => {
    const expectations = loaded.scenario!.expectations ?? [];
    expect(expectations.length).toBeGreaterThanOrEqual(6);
    expect(loaded.diagnostics.filter((d) => d.code === 'expectation-missed')).toEqual([]);
  });
});

describe.each(shipped)('$name, as shipped', ({ loaded }) => {
  it('does not cue the answer: no length rank or position holds the best (or the worst) option in more than 40% of the option sets a learner sees', () => {
    const c = cueingStats(loaded.scenario!, loaded.analysis!);
    expect(c.sets).toBeGreaterThanOrEqual(5);
    for (const key of ['longest', 'secondLongest', 'shortest', 'first', 'last', 'worstShortest'] as const) {
      expect(c[key], key).toBeLessThanOrEqual(MAX_CUE_PERCENT);
    }
  });
});
