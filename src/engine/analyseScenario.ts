/**
 * Can this scenario be trusted? Two layers of analysis.
 *
 * Graph checks look at nodes and choices only, ignoring guards: unreachable nodes, endings never
 * reached, loops with no way out, score changes inside loops. Linear in nodes + choices.
 *
 * State checks explore the states a learner can really be in. A state is keyed by the node plus
 * only the variables and flags that a guard or assessment at that node or after it still reads —
 * never the transcript or scores, which would make every path its own state. From those states: dead ends, guards that never pass, endings
 * the guards make unreachable, exact score bounds, and path lengths in decisions. Exploration is
 * capped; past the cap the bounds come from the guard-free graph, which allows every path the
 * real scenario allows and more, so they are safe (outer) bounds, marked approximate.
 */
import {
  addReads,
  applyEffects,
  choseMark,
  initialVars,
  type ConditionContext,
  type ReadSet,
} from './conditions';
import type { Severity } from './diagnostics';
import { pathBounds, stronglyConnected, type PathBounds, type WeightedGraph } from './graph';
import { DIMENSIONS, type Dimension } from './model';
import {
  afterChoice,
  assessmentsAt,
  destinationOf,
  destinationsOf,
  isEnding,
  isOffered,
  pathReads,
} from './rules';
import type { Choice, Scenario, ScenarioNode } from './schema';
import type { DataPath } from './yamlSource';

export interface AnalysisIssue {
  severity: Severity;
  code: string;
  /** Where in the file, as a data path: the loader turns it into line and column. */
  path: DataPath;
  message: string;
}

export interface ScoreRange {
  /** null where a loop makes the score unbounded. */
  min: number | null;
  max: number | null;
}

export interface ScenarioStats {
  nodes: number;
  decisionPoints: number;
  endings: number;
  reachableEndings: number;
  /** Fewest decisions from the start to an ending. */
  shortestPath: number;
  /** Most decisions from the start to an ending; null if a loop makes it unbounded. */
  longestPath: number | null;
  scoreBounds: Record<Dimension, ScoreRange>;
  /** False when the state exploration hit its cap and the figures are safe approximations. */
  exact: boolean;
  /** Distinct states explored (node plus what guards and assessments from there on read). */
  states: number;
}

export interface BestStep {
  node: string;
  choice: string;
}

export interface StateEdge {
  to: number;
  weights: readonly number[];
  choice: string;
}

/** The explored states: state 0 is the start; each has its node and the choices leading on. */
export interface StateGraph {
  nodes: string[];
  edges: StateEdge[][];
  /** For each state, the positions in its node's `assess` list of the assessments that hold there. */
  assessed: number[][];
  /** False when exploration stopped at the cap: some states are missing. */
  complete: boolean;
}

export interface ScenarioAnalysis {
  stateGraph: StateGraph;
  stats: ScenarioStats;
  issues: AnalysisIssue[];
  /**
   * The best path: from the start, at each decision take the available choice with the highest
   * sum of empathy + boundaries + escalation levels, counting what the node it leads to assesses
   * on arrival (the earliest in the file on a tie), until
   * an ending. It is judged decision by decision, not as the highest-scoring route overall, to
   * match how the debrief scores a learner: against the options they had at each moment.
   */
  bestPath: BestStep[];
}

export interface AnalysisOptions {
  /** Most states to explore before falling back to approximate bounds. */
  maxStates?: number;
}

export const DEFAULT_MAX_STATES = 200_000;

export const choiceTotal = (choice: Choice) =>
  (choice.score?.empathy ?? 0) + (choice.score?.boundaries ?? 0) + (choice.score?.escalation ?? 0);

const weightsOf = (choice: Choice) => [
  choice.score?.empathy ?? 0,
  choice.score?.boundaries ?? 0,
  choice.score?.escalation ?? 0,
  1,
];

/** The levels the assessments at a node add on arrival, in the given state. */
function assessedWeights(node: ScenarioNode, ctx: ConditionContext): number[] {
  const w = [0, 0, 0];
  for (const a of assessmentsAt(node, ctx)) DIMENSIONS.forEach((d, i) => (w[i]! += a.score?.[d] ?? 0));
  return w;
}

/**
 * For the guard-free graph, where conditions are ignored: the most an arrival could add (sign 1)
 * or take away (sign -1), so bounds stay safe.
 */
function extremeAssessed(node: ScenarioNode, sign: 1 | -1): number[] {
  const w = [0, 0, 0];
  for (const a of node.assess ?? []) {
    DIMENSIONS.forEach((d, i) => {
      const v = a.score?.[d] ?? 0;
      if (Math.sign(v) === sign) w[i]! += v;
    });
  }
  return w;
}

const plus = (a: readonly number[], b: readonly number[]) => a.map((x, i) => x + (b[i] ?? 0));

export function analyseScenario(scenario: Scenario, options: AnalysisOptions = {}): ScenarioAnalysis {
  const maxStates = options.maxStates ?? DEFAULT_MAX_STATES;
  const issues: AnalysisIssue[] = [];
  const nodeIds = Object.keys(scenario.nodes);
  const indexOf = new Map(nodeIds.map((id, i) => [id, i]));
  const startIndex = indexOf.get(scenario.start);
  const endingAt = nodeIds.map((id) => isEnding(scenario.nodes[id]!));
  const endingIds = nodeIds.filter((_, i) => endingAt[i]);
  const decisionPoints = nodeIds.filter((id) => (scenario.nodes[id]!.choices ?? []).length > 0).length;

  // ---- Graph checks (guards ignored) ----
  const weightsByChoice = new Map<Choice, number[]>();
  for (const node of Object.values(scenario.nodes)) {
    for (const choice of node.choices ?? []) weightsByChoice.set(choice, weightsOf(choice));
  }
  const nodeEdges = nodeIds.map((id) =>
    (scenario.nodes[id]!.choices ?? []).flatMap((choice) =>
      destinationsOf(choice).flatMap((next) => {
        const to = indexOf.get(next);
        return to === undefined ? [] : [{ to, weights: weightsByChoice.get(choice)!, choice }];
      }),
    ),
  );
  const reachable = new Uint8Array(nodeIds.length);
  if (startIndex !== undefined) {
    const queue = [startIndex];
    reachable[startIndex] = 1;
    while (queue.length) {
      const v = queue.pop()!;
      for (const e of nodeEdges[v]!) {
        if (reachable[e.to]) continue;
        reachable[e.to] = 1;
        queue.push(e.to);
      }
    }
  }
  nodeIds.forEach((id, i) => {
    if (reachable[i]) return;
    issues.push({
      severity: 'warning',
      code: endingAt[i] ? 'unreachable-ending' : 'unreachable-node',
      path: ['nodes', id],
      message: endingAt[i]
        ? `the ending '${id}' is never reached: no choice leads to it from the start`
        : `node '${id}' can never be reached: no choice leads to it from the start`,
    });
  });

  const comps = stronglyConnected(
    nodeIds.length,
    nodeEdges.map((es) => es.map((e) => e.to)),
  );
  const members: number[][] = Array.from({ length: comps.count }, () => []);
  nodeIds.forEach((_, v) => members[comps.of[v]!]!.push(v));
  for (let c = 0; c < comps.count; c++) {
    if (!comps.cyclic[c]) continue;
    const inLoop = members[c]!;
    if (!reachable[inLoop[0]!]) continue;
    const leaves = inLoop.some((v) => endingAt[v] || nodeEdges[v]!.some((e) => comps.of[e.to] !== c));
    const names = inLoop.map((v) => `'${nodeIds[v]}'`).join(', ');
    if (!leaves) {
      issues.push({
        severity: 'error',
        code: 'endless-loop',
        path: ['nodes', nodeIds[inLoop[0]!]!],
        message: `the nodes ${names} form a loop with no way out: add a choice that leads on to an ending`,
      });
    }
    for (const v of inLoop) {
      const node = scenario.nodes[nodeIds[v]!]!;
      if ((node.assess ?? []).some((a) => a.score && Object.keys(a.score).length > 0)) {
        issues.push({
          severity: 'warning',
          code: 'score-in-loop',
          path: ['nodes', nodeIds[v]!, 'assess'],
          message: `node '${nodeIds[v]}' makes a scored assessment inside a loop (${names}), so it could count again and again; move it to a node outside the loop`,
        });
      }
      for (const e of nodeEdges[v]!) {
        if (comps.of[e.to] !== c || !e.weights.slice(0, 3).some((w) => w !== 0)) continue;
        const i = (scenario.nodes[nodeIds[v]!]!.choices ?? []).indexOf(e.choice);
        issues.push({
          severity: 'warning',
          code: 'score-in-loop',
          path: ['nodes', nodeIds[v]!, 'choices', i, 'score'],
          message: `choice '${e.choice.id}' changes the score inside a loop (${names}), so a learner could repeat it without limit; move the score to a choice that leaves the loop`,
        });
      }
    }
  }

  // ---- State checks ----
  const reads = pathReads(scenario);
  const readFlags = [...reads.flags];
  const flagBit = new Map(readFlags.map((f, i) => [f, i]));
  const start = initialVars(scenario);
  // A state carries only what can still be read from its node on: a flag or number no guard or
  // assessment ahead reads cannot change what is offered or scored, so states that differ only in
  // it are one state (the Sunday visit: 33,804 states when every state carried everything read
  // anywhere; 2,016 now).
  const live = liveReads(scenario, nodeIds, nodeEdges).map((r) => ({
    vars: [...r.vars].filter((v) => scenario.state?.[v] !== undefined).sort(),
    flags: new Set(r.flags),
    flagList: [...r.flags].sort(),
  }));

  interface State {
    node: number;
    vars: Record<string, number>;
    flags: Set<string>;
  }
  const states: State[] = [];
  const stateEdges: StateEdge[][] = [];
  /** How each state was first reached, to describe it by a path. */
  const cameFrom: { from: number; choice: string }[] = [];
  const seen = new Map<string, number>();
  const keyOf = (node: number, vars: Record<string, number>, flags: Set<string>) => {
    let key = String(node);
    for (const v of live[node]!.vars) key += ',' + vars[v];
    key += '|';
    for (const f of live[node]!.flagList) key += flags.has(f) ? '1' : '0';
    return key;
  };
  /** The numbers and flags that can still be read from `node` on. */
  const project = (node: number, vars: Record<string, number>, flags: Set<string>) => {
    const out: Record<string, number> = {};
    for (const v of live[node]!.vars) out[v] = vars[v]!;
    const keep = live[node]!.flags;
    let kept = flags;
    for (const f of flags) if (!keep.has(f)) (kept = kept === flags ? new Set(flags) : kept).delete(f);
    return { vars: out, flags: kept };
  };
  const intern = (
    node: number,
    allVars: Record<string, number>,
    allFlags: Set<string>,
    via: { from: number; choice: string },
  ): number | undefined => {
    const key = keyOf(node, allVars, allFlags);
    const found = seen.get(key);
    if (found !== undefined) return found;
    if (states.length >= maxStates) return undefined;
    const { vars, flags } = project(node, allVars, allFlags);
    states.push({ node, vars, flags });
    cameFrom.push(via);
    stateEdges.push([]);
    seen.set(key, states.length - 1);
    return states.length - 1;
  };

  let exact = startIndex !== undefined;
  const choiceSeen = new Set<Choice>();
  const deadEnds = new Map<number, number>();
  const endingsReached = new Set<number>();
  let startWeights = [0, 0, 0];
  if (startIndex !== undefined) {
    const first = intern(startIndex, start, new Set(), { from: -1, choice: '' })!;
    startWeights = assessedWeights(scenario.nodes[scenario.start]!, { vars: start, flags: new Set() });
    for (let s = first; s < states.length; s++) {
      const state = states[s]!;
      const node = scenario.nodes[nodeIds[state.node]!]!;
      if (endingAt[state.node]) {
        endingsReached.add(state.node);
        continue;
      }
      const ctx = { vars: state.vars, flags: state.flags };
      let offered = 0;
      for (const choice of node.choices ?? []) {
        if (!isOffered(choice, ctx)) continue;
        offered++;
        choiceSeen.add(choice);
        // Only variables and flags that guards read are carried (intern keeps those still read
        // ahead); the rest cannot change what is offered or scored.
        const vars = choice.effects ? applyEffects(scenario, state.vars, choice.effects) : state.vars;
        let flags = state.flags;
        for (const f of choice.set ?? []) {
          if (flagBit.has(f) && !flags.has(f))
            (flags = flags === state.flags ? new Set(flags) : flags).add(f);
        }
        const mark = choseMark(choice.id);
        if (flagBit.has(mark) && !flags.has(mark))
          (flags = flags === state.flags ? new Set(flags) : flags).add(mark);
        const next = destinationOf(choice, { vars, flags });
        const to = next === undefined ? undefined : indexOf.get(next);
        if (to === undefined) continue;
        const target = intern(to, vars, flags, { from: s, choice: choice.id });
        if (target === undefined) {
          exact = false;
          continue;
        }
        const arrival = assessedWeights(scenario.nodes[nodeIds[to]!]!, { vars, flags });
        stateEdges[s]!.push({
          to: target,
          weights: plus(weightsByChoice.get(choice)!, arrival),
          choice: choice.id,
        });
      }
      if (offered === 0 && (node.choices ?? []).length > 0 && !deadEnds.has(state.node)) {
        deadEnds.set(state.node, s);
      }
    }
  }

  const pathTo = (s: number) => {
    const out: string[] = [];
    for (let x = s; cameFrom[x]!.from >= 0; x = cameFrom[x]!.from) out.push(cameFrom[x]!.choice);
    return out.reverse();
  };
  for (const [v, s] of deadEnds) {
    issues.push({
      severity: 'error',
      code: 'dead-end',
      path: ['nodes', nodeIds[v]!],
      message: `node '${nodeIds[v]}' can be reached when none of its choices is available (${describeState(states[s]!.vars, pathTo(s))}); add a choice without "if", or loosen a guard`,
    });
  }
  if (exact) {
    for (const id of nodeIds) {
      const v = indexOf.get(id)!;
      if (!reachable[v]) continue;
      (scenario.nodes[id]!.choices ?? []).forEach((choice, i) => {
        if (choiceSeen.has(choice) || !choice.if) return;
        issues.push({
          severity: 'warning',
          code: 'guard-never-passes',
          path: ['nodes', id, 'choices', i, 'if'],
          message: `the guard on choice '${choice.id}' never passes on any way through the scenario, so it is never offered; check its numbers and flags`,
        });
      });
      if (endingAt[v] && !endingsReached.has(v)) {
        issues.push({
          severity: 'warning',
          code: 'unreachable-ending',
          path: ['nodes', id],
          message: `the ending '${id}' is never reached: the guards on the way to it never all pass`,
        });
      }
    }
  }

  // ---- Bounds and path lengths ----
  const dims = DIMENSIONS.length + 1;
  let bounds: PathBounds | undefined;
  if (exact) {
    const graph: WeightedGraph = {
      size: states.length,
      edges: stateEdges,
      terminal: states.map((s) => endingAt[s.node]!),
    };
    bounds = pathBounds(graph, 0, dims);
  } else if (startIndex !== undefined) {
    // Guard-free: every condition ignored, so an arrival's assessments are counted at their most
    // generous for the maximum and their harshest for the minimum.
    const extreme = (sign: 1 | -1) =>
      nodeEdges.map((es) =>
        es.map((e) => ({
          to: e.to,
          weights: plus(e.weights, extremeAssessed(scenario.nodes[nodeIds[e.to]!]!, sign)),
        })),
      );
    const graphOf = (sign: 1 | -1): WeightedGraph => ({
      size: nodeIds.length,
      edges: extreme(sign),
      terminal: endingAt,
    });
    const high = pathBounds(graphOf(1), startIndex, dims);
    const low = pathBounds(graphOf(-1), startIndex, dims);
    const startNode = scenario.nodes[scenario.start]!;
    startWeights = [0, 0, 0];
    bounds = {
      min: low.min.map((m, i) => (m === null || i >= 3 ? m : m + extremeAssessed(startNode, -1)[i]!)),
      max: high.max.map((m, i) => (m === null || i >= 3 ? m : m + extremeAssessed(startNode, 1)[i]!)),
    } as PathBounds;
  }
  if (exact && bounds) {
    bounds = {
      min: bounds.min.map((m, i) => (m === null || i >= 3 ? m : m + startWeights[i]!)),
      max: bounds.max.map((m, i) => (m === null || i >= 3 ? m : m + startWeights[i]!)),
    } as PathBounds;
  }
  // null (unbounded) must survive here: only a missing analysis falls back to 0.
  const scoreBounds = Object.fromEntries(
    DIMENSIONS.map((d, i) => [d, bounds ? { min: bounds.min[i]!, max: bounds.max[i]! } : { min: 0, max: 0 }]),
  ) as Record<Dimension, ScoreRange>;

  const stats: ScenarioStats = {
    nodes: nodeIds.length,
    decisionPoints,
    endings: endingIds.length,
    reachableEndings: exact
      ? endingsReached.size
      : endingIds.filter((id) => reachable[indexOf.get(id)!]).length,
    shortestPath: bounds ? (bounds.min[DIMENSIONS.length] ?? 0) : 0,
    longestPath: bounds ? (bounds.max[DIMENSIONS.length] ?? null) : 0,
    scoreBounds,
    exact,
    states: states.length,
  };
  if (!exact && startIndex !== undefined) {
    issues.push({
      severity: 'warning',
      code: 'approximate',
      path: ['nodes'],
      message: `the scenario has more than ${maxStates} distinct states, so its score bounds and path lengths are safe approximations, not exact; fewer guarded variables, or coarser steps in them, would make them exact`,
    });
  }

  return {
    stats,
    issues,
    bestPath: findBestPath(scenario, issues),
    stateGraph: {
      nodes: states.map((st) => nodeIds[st.node]!),
      edges: stateEdges,
      assessed: states.map((st) => {
        const node = scenario.nodes[nodeIds[st.node]!]!;
        return assessmentsAt(node, { vars: st.vars, flags: st.flags }).map((a) => node.assess!.indexOf(a));
      }),
      complete: exact,
    },
  };
}

/** A stuck state in words: the choices that lead there, and the values the guards read. */
function describeState(vars: Record<string, number>, path: readonly string[]): string {
  const values = Object.entries(vars).map(([k, v]) => `${k} at ${v}`);
  const route =
    path.length === 0
      ? 'at the start of the scenario'
      : `for example after choosing ${path.map((c) => `'${c}'`).join(', ')}`;
  return values.length ? `${route}, with ${values.join(', ')}` : route;
}

function findBestPath(scenario: Scenario, issues: AnalysisIssue[]): BestStep[] {
  const path: BestStep[] = [];
  let nodeId = scenario.start;
  let vars = initialVars(scenario);
  const flags = new Set<string>();
  const visited = new Set<string>();
  for (;;) {
    const node = scenario.nodes[nodeId];
    if (!node || isEnding(node)) return path;
    const key = `${nodeId}|${JSON.stringify(vars)}|${[...flags].sort().join(',')}`;
    if (visited.has(key)) {
      issues.push({
        severity: 'warning',
        code: 'best-path-loops',
        path: ['nodes', nodeId],
        message: `taking the best-scoring choice at every decision goes round a loop through '${nodeId}' and never ends; make the best option lead on`,
      });
      return path;
    }
    visited.add(key);
    // A choice's value is its own levels plus what the node it leads to assesses on arrival:
    // declaring at the ending counts as much as declaring in the choice.
    const valueOf = (choice: Choice) => {
      const after = afterChoice(scenario, { vars, flags: [...flags] }, choice);
      const to = destinationOf(choice, after);
      const arrival = to && scenario.nodes[to] ? assessedWeights(scenario.nodes[to]!, after) : [0, 0, 0];
      return choiceTotal(choice) + arrival[0]! + arrival[1]! + arrival[2]!;
    };
    let best: Choice | undefined;
    let bestValue = -Infinity;
    for (const choice of node.choices ?? []) {
      if (!isOffered(choice, { vars, flags })) continue;
      const value = valueOf(choice);
      if (value > bestValue) [best, bestValue] = [choice, value];
    }
    if (!best) return path;
    path.push({ node: nodeId, choice: best.id });
    vars = applyEffects(scenario, vars, best.effects);
    for (const f of best.set ?? []) flags.add(f);
    flags.add(choseMark(best.id));
    const next = destinationOf(best, { vars, flags });
    if (next === undefined) return path;
    nodeId = next;
  }
}

/**
 * For each node, every number and flag that a guard, a conditional destination or an assessment
 * at that node or any node after it (guards ignored) reads: what a state there must carry.
 */
function liveReads(
  scenario: Scenario,
  nodeIds: readonly string[],
  nodeEdges: readonly (readonly { to: number }[])[],
): ReadSet[] {
  const live: ReadSet[] = nodeIds.map((id) => {
    const node = scenario.nodes[id]!;
    const reads: ReadSet = { vars: new Set(), flags: new Set() };
    for (const choice of node.choices ?? []) {
      addReads(choice.if, reads);
      if (typeof choice.next !== 'string') for (const d of choice.next) addReads(d.if, reads);
    }
    for (const a of node.assess ?? []) addReads(a.if, reads);
    return reads;
  });
  const before: number[][] = nodeIds.map(() => []);
  nodeEdges.forEach((edges, from) => edges.forEach((e) => before[e.to]!.push(from)));
  const queue = nodeIds.map((_, i) => i);
  const queued = new Uint8Array(nodeIds.length).fill(1);
  while (queue.length) {
    const v = queue.pop()!;
    queued[v] = 0;
    for (const u of before[v]!) {
      let grew = false;
      for (const x of live[v]!.vars) {
        if (live[u]!.vars.has(x)) continue;
        live[u]!.vars.add(x);
        grew = true;
      }
      for (const f of live[v]!.flags) {
        if (live[u]!.flags.has(f)) continue;
        live[u]!.flags.add(f);
        grew = true;
      }
      if (grew && !queued[u]) {
        queued[u] = 1;
        queue.push(u);
      }
    }
  }
  return live;
}
