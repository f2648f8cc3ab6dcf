/**
 * Paths that, together, take every choice of a scenario at least once — generated from the
 * analysis's state graph rather than by enumerating all paths (which grows exponentially).
 * Each path is: the shortest way to a state where the choice is offered, the choice, then the
 * shortest way on to an ending.
 */
import type { ScenarioAnalysis } from './analyseScenario';
import type { Scenario } from './schema';

export interface CoveringPaths {
  paths: string[][];
  /** Choices no path can take (never offered in any reachable state). */
  uncovered: string[];
}

export function coveringPaths(scenario: Scenario, analysis: ScenarioAnalysis): CoveringPaths {
  const { nodes, edges } = analysis.stateGraph;
  const n = nodes.length;
  // Shortest way in: BFS parents from the start state.
  const parent = new Int32Array(n).fill(-1);
  const via: string[] = new Array(n);
  const order: number[] = [];
  if (n > 0) {
    parent[0] = 0;
    order.push(0);
    for (let i = 0; i < order.length; i++) {
      const v = order[i]!;
      for (const e of edges[v]!) {
        if (parent[e.to] !== -1) continue;
        parent[e.to] = v;
        via[e.to] = e.choice;
        order.push(e.to);
      }
    }
  }
  // Shortest way out: BFS backwards from the endings.
  const isEnding = (v: number) => scenario.nodes[nodes[v]!]?.ending !== undefined;
  const reverse: { from: number; choice: string }[][] = Array.from({ length: n }, () => []);
  edges.forEach((es, v) => es.forEach((e) => reverse[e.to]!.push({ from: v, choice: e.choice })));
  const onward = new Int32Array(n).fill(-2); // -2 unknown, -1 is an ending
  const onwardChoice: string[] = new Array(n);
  const queue: number[] = [];
  for (let v = 0; v < n; v++) {
    if (!isEnding(v)) continue;
    onward[v] = -1;
    queue.push(v);
  }
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i]!;
    for (const { from, choice } of reverse[v]!) {
      if (onward[from] !== -2) continue;
      onward[from] = v;
      onwardChoice[from] = choice;
      queue.push(from);
    }
  }

  const pathTo = (v: number) => {
    const out: string[] = [];
    for (let x = v; x !== 0; x = parent[x]!) out.push(via[x]!);
    return out.reverse();
  };
  const pathOn = (v: number) => {
    const out: string[] = [];
    for (let x = v; onward[x]! >= 0; x = onward[x]!) out.push(onwardChoice[x]!);
    return out;
  };

  const covered = new Set<string>();
  const paths: string[][] = [];
  for (const v of order) {
    for (const e of edges[v]!) {
      if (covered.has(e.choice) || onward[e.to] === -2) continue;
      const path = [...pathTo(v), e.choice, ...pathOn(e.to)];
      for (const c of path) covered.add(c);
      paths.push(path);
    }
  }
  const all = Object.values(scenario.nodes).flatMap((node) => (node.choices ?? []).map((c) => c.id));
  return { paths, uncovered: all.filter((id) => !covered.has(id)) };
}
