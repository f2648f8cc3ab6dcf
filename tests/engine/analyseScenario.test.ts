import { describe, expect, it } from 'vitest';
import { syntheticScenario } from '../../src/cli/syntheticScenario';
import { analyseScenario } from '../../src/engine/analyseScenario';
import { DIMENSIONS } from '../../src/engine/model';
import type { Scenario } from '../../src/engine/schema';
import { CONSEQUENCES, load, positionOf, SMALL, fixtureText } from '../helpers/fixtures';
import { allPaths } from '../helpers/paths';

const scenarioOf = (text: string): Scenario => {
  const loaded = load(text);
  if (!loaded.scenario) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.scenario;
};

/** Append nodes to SMALL's node block (it is last in the file). */
const withNodes = (extra: string, edit: (s: string) => string = (s) => s) => edit(SMALL) + extra;

describe('analyseScenario: stats agree with brute force over every path', () => {
  for (const [name, text] of [
    ['small', SMALL],
    ['demo-gift', fixtureText('gift.yaml')],
    ['consequences', CONSEQUENCES],
  ] as const) {
    it(name, () => {
      const scenario = scenarioOf(text);
      const { stats } = analyseScenario(scenario);
      const paths = allPaths(scenario);
      expect(stats.exact).toBe(true);
      expect(stats.shortestPath).toBe(Math.min(...paths.map((p) => p.choices.length)));
      expect(stats.longestPath).toBe(Math.max(...paths.map((p) => p.choices.length)));
      expect(stats.reachableEndings).toBe(new Set(paths.map((p) => p.ending)).size);
      for (const d of DIMENSIONS) {
        expect(stats.scoreBounds[d], d).toEqual({
          min: Math.min(...paths.map((p) => p.scores[d])),
          max: Math.max(...paths.map((p) => p.scores[d])),
        });
      }
    });
  }

  it('a state carries only what is read from its node on: after the last guard that reads a flag, paths that differ only in it are one state', () => {
    // SMALL: 'comfort' sets the flag that 'report' needs at the second decision; nothing after
    // that decision reads it, so each ending is one state, not one with the flag and one without.
    const { stats, stateGraph } = analyseScenario(scenarioOf(SMALL));
    const count = (node: string) => stateGraph.nodes.filter((n) => n === node).length;
    const endings = Object.entries(scenarioOf(SMALL).nodes).filter(([, n]) => n.ending);
    for (const [id] of endings) expect(count(id), id).toBeLessThanOrEqual(1);
    expect(stats.states).toBe(5);
  });

  it('counts nodes, decision points and endings', () => {
    const { stats } = analyseScenario(scenarioOf(SMALL));
    expect(stats).toMatchObject({ nodes: 4, decisionPoints: 2, endings: 2, reachableEndings: 2 });
  });

  it('guards change the bounds: a guarded option is only counted where it can be taken', () => {
    // In SMALL, 'report' (+2 escalation) needs the flag set by 'comfort'.
    const scenario = scenarioOf(SMALL);
    const paths = allPaths(scenario);
    expect(paths.map((p) => p.choices.join(' ')).sort()).toEqual([
      'brush-off wait',
      'comfort report',
      'comfort wait',
    ]);
    expect(analyseScenario(scenario).stats.scoreBounds.escalation).toEqual({ min: -2, max: 2 });
  });
});

describe('analyseScenario: graph checks', () => {
  it('finds unreachable nodes and endings, at the node name', () => {
    const text = withNodes(`  orphan:
    location: lounge
    present: []
    discuss: Never seen.
    choices:
      - id: orphan-on
        text: Go on.
        next: end-good
        feedback: { why: x, sources: [cc-6] }
  lost-ending:
    location: lounge
    present: []
    ending: { outcome: mixed, title: Lost, whatNext: Nobody gets here. }
`);
    const loaded = load(text);
    const codes = loaded.diagnostics.map((d) => d.code);
    expect(codes).toContain('unreachable-node');
    expect(codes).toContain('unreachable-ending');
    expect(loaded.diagnostics.find((d) => d.code === 'unreachable-node')).toMatchObject(
      positionOf(text, 'orphan:'),
    );
    expect(loaded.ok).toBe(true); // warnings only
  });

  it('finds a loop with no way out (an error) and score changes inside loops (a warning)', () => {
    const text = withNodes(
      `  round-a:
    location: lounge
    present: []
    discuss: Round and round.
    choices:
      - id: to-b
        text: Again.
        next: round-b
        score: { empathy: 1 }
        feedback: { why: x, sources: [cc-6] }
  round-b:
    location: lounge
    present: []
    discuss: Round and round.
    choices:
      - id: to-a
        text: And again.
        next: round-a
        feedback: { why: x, sources: [cc-6] }
`,
      (s) => s.replace('next: end-poor', 'next: round-a'),
    );
    const loaded = load(text);
    const loop = loaded.diagnostics.find((d) => d.code === 'endless-loop')!;
    expect(loop.severity).toBe('error');
    expect(loop.message).toMatch(/'round-a', 'round-b'|'round-b', 'round-a'/);
    const scoreInLoop = loaded.diagnostics.find((d) => d.code === 'score-in-loop')!;
    expect(scoreInLoop).toMatchObject({ severity: 'warning', ...positionOf(text, '{ empathy: 1 }') });
    expect(loaded.ok).toBe(false);
  });

  it('reports unbounded scores and path length for a scoring loop that can still end', () => {
    const text = withNodes(
      `  again:
    location: lounge
    present: []
    discuss: Again?
    choices:
      - id: loop-back
        text: Once more.
        next: again
        score: { empathy: 1 }
        feedback: { why: x, sources: [cc-6] }
      - id: leave
        text: Leave.
        next: end-poor
        feedback: { why: x, sources: [cc-6] }
`,
      (s) => s.replace('next: end-poor', 'next: again'),
    );
    const { stats } = analyseScenario(scenarioOf(text));
    expect(stats.scoreBounds.empathy.max).toBeNull();
    expect(stats.scoreBounds.empathy.min).toBe(-1);
    expect(stats.longestPath).toBeNull();
    expect(stats.shortestPath).toBe(2);
  });
});

describe('analyseScenario: state checks', () => {
  it('finds a dead end: a node reachable when none of its choices is available', () => {
    // 'report' needs the flag; make 'wait' need it too, so after brush-off nothing is offered.
    const text = SMALL.replace(
      "        text: Let's see how she is tomorrow.",
      "        if: { flags: [acknowledged] }\n        text: Let's see how she is tomorrow.",
    );
    const loaded = load(text);
    const dead = loaded.diagnostics.find((d) => d.code === 'dead-end')!;
    expect(dead).toMatchObject({ severity: 'error', ...positionOf(text, 'quiet-talk:') });
    expect(dead.message).toMatch(/none of its choices is available/);
  });

  it('finds a guard that can never pass, and an ending only behind it', () => {
    const text = SMALL.replace(
      'if: { flags: [acknowledged] }',
      'if: { state: { distress: { atLeast: 95 } }, flags: [acknowledged] }',
    );
    const loaded = load(text);
    const never = loaded.diagnostics.find((d) => d.code === 'guard-never-passes')!;
    expect(never.severity).toBe('warning');
    expect(never).toMatchObject(positionOf(text, '{ state: { distress: { atLeast: 95 } }'));
    expect(
      loaded.diagnostics.some((d) => d.code === 'unreachable-ending' && /end-good/.test(d.message)),
    ).toBe(true);
    expect(loaded.analysis!.stats.reachableEndings).toBe(1);
  });

  it('past the state cap, reports safe bounds marked approximate instead of hanging', () => {
    const scenario = syntheticScenario(300);
    const exact = analyseScenario(scenario);
    const capped = analyseScenario(scenario, { maxStates: 50 });
    expect(exact.stats.exact).toBe(true);
    expect(capped.stats.exact).toBe(false);
    expect(capped.issues.some((i) => i.code === 'approximate')).toBe(true);
    for (const d of DIMENSIONS) {
      expect(capped.stats.scoreBounds[d].min!).toBeLessThanOrEqual(exact.stats.scoreBounds[d].min!);
      expect(capped.stats.scoreBounds[d].max!).toBeGreaterThanOrEqual(exact.stats.scoreBounds[d].max!);
    }
    expect(capped.stats.shortestPath).toBeLessThanOrEqual(exact.stats.shortestPath);
    expect(capped.stats.longestPath!).toBeGreaterThanOrEqual(exact.stats.longestPath!);
  });

  it('handles a 5,000-node scenario (timing is reported by npm run bench, not asserted here)', () => {
    const { stats, issues } = analyseScenario(syntheticScenario(5000));
    expect(stats.nodes).toBe(5000);
    expect(stats.exact).toBe(true);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('best path', () => {
  it('takes the available choice with the highest total at each decision', () => {
    const { bestPath } = analyseScenario(scenarioOf(fixtureText('gift.yaml')));
    expect(bestPath).toEqual([
      { node: 'offer', choice: 'decline-kindly' },
      { node: 'declined', choice: 'suggest-family' },
      { node: 'declare', choice: 'declare-offer' },
    ]);
  });

  it('respects guards: a better option that is not offered is not taken', () => {
    const text = SMALL.replace('score: { empathy: 2 }', 'score: { empathy: -3 }');
    const { bestPath } = analyseScenario(scenarioOf(text));
    // brush-off (-1) now beats comfort (-3); without the flag, 'report' is not offered.
    expect(bestPath.map((s) => s.choice)).toEqual(['brush-off', 'wait']);
  });
});
