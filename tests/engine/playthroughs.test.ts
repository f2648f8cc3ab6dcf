/**
 * Every scenario, played: transition coverage from the state analysis, and thousands of random
 * walks that must all end, with scores inside the analysed bounds.
 */
import { describe, expect, it } from 'vitest';
import { readReferences, scenarioFiles } from '../../src/build/files';
import { formatDiagnostic } from '../../src/engine/diagnostics';
import { coveringPaths } from '../../src/engine/coverage';
import { DIMENSIONS } from '../../src/engine/model';
import { Session } from '../../src/engine/Session';
import { load, scenarioText, SMALL } from '../helpers/fixtures';

const shipped = scenarioFiles().map((path) => {
  const name = path.split('/').pop()!;
  return { name, loaded: load(scenarioText(name), path) };
});
const all = [...shipped, { name: 'small (test fixture)', loaded: load(SMALL) }];

it('the shipped references (sources, glossary, expressions) load with nothing to say', () => {
  expect(readReferences().diagnostics.map(formatDiagnostic)).toEqual([]);
});

describe.each(all)('$name', ({ loaded }) => {
  const scenario = loaded.scenario!;
  const analysis = loaded.analysis!;

  // What `npm run validate` says of a shipped file, so `npm test` need not run it again: no
  // errors, no warnings, every trainer's expectation met, and exact analysis.
  it('loads with no errors, no warnings, every expectation met and exact analysis', () => {
    expect(loaded.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(loaded.ok).toBe(true);
    expect(analysis.stats.exact).toBe(true);
  });

  it('every choice is taken at least once by paths generated from the state analysis', () => {
    const { paths, uncovered } = coveringPaths(scenario, analysis);
    expect(uncovered).toEqual([]);
    const taken = new Set<string>();
    for (const path of paths) {
      const session = new Session(scenario);
      for (const id of path) {
        session.choose(id); // throws if the generated path is not really playable
        taken.add(id);
      }
      expect(session.ended).toBe(true);
    }
    const every = Object.values(scenario.nodes).flatMap((n) => (n.choices ?? []).map((c) => c.id));
    expect([...taken].sort()).toEqual([...every].sort());
    // Far fewer paths than choices: the point of generating them from the state graph.
    expect(paths.length).toBeLessThanOrEqual(every.length);
  });

  it('hundreds of random walks all reach an ending with scores inside the analysed bounds', () => {
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const { scoreBounds, shortestPath, longestPath } = analysis.stats;
    const endings = new Set<string>();
    for (let walk = 0; walk < 600; walk++) {
      const session = new Session(scenario, { now: () => 0 });
      let steps = 0;
      while (!session.ended) {
        const choices = session.snapshot.choices.length
          ? session.snapshot.choices
          : session.reveal().filter((o) => o.available);
        expect(choices.length, `dead end at ${session.snapshot.node}`).toBeGreaterThan(0);
        session.choose(choices[Math.floor(random() * choices.length)]!.id);
        steps++;
        expect(steps).toBeLessThan(500);
      }
      const result = session.result()!;
      endings.add(result.ending.node);
      expect(steps).toBeGreaterThanOrEqual(shortestPath);
      if (longestPath !== null) expect(steps).toBeLessThanOrEqual(longestPath);
      for (const d of DIMENSIONS) {
        const { min, max } = scoreBounds[d];
        if (min !== null) expect(result.scores[d]).toBeGreaterThanOrEqual(min);
        if (max !== null) expect(result.scores[d]).toBeLessThanOrEqual(max);
      }
    }
    expect(endings.size).toBe(analysis.stats.reachableEndings);
  });
});
