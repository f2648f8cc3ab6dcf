/**
 * What a scenario's scoring does, ending by ending, so an author can see an inversion before a
 * learner finds it: for each ending, how many paths reach it, the bands reachable on each
 * dimension (with the range of percentages), and the best and worst path there.
 *
 * Paths are enumerated over the analysis's state graph and scored exactly as the Session scores
 * a learner (the same scoreDecisions on the same items), up to a cap.
 */
import type { ScenarioAnalysis } from './analyseScenario';
import { DIMENSIONS, type Dimension } from './model';
import { weightOf } from './rules';
import type { Choice, Scenario } from './schema';
import { BANDS, scoreDecisions, type Band, type ScoreCard, type ScoredItem } from './scoring';

export const DEFAULT_MAX_PATHS = 50_000;

export interface PathSummary {
  choices: string[];
  bands: Record<Dimension, { band: Band | null; percent: number | null }>;
}

export interface EndingReport {
  node: string;
  title: string;
  outcome: string;
  paths: number;
  dimensions: Record<
    Dimension,
    { bands: Partial<Record<Band | 'not tested', number>>; lowest: number | null; highest: number | null }
  >;
  best: PathSummary;
  worst: PathSummary;
}

export interface ScoringReport {
  endings: EndingReport[];
  /** Paths scored. */
  paths: number;
  /** Paths from the start to an ending in all (null when a loop makes them endless). */
  total: number | null;
  /** False when the paths were a sample (more than the cap), or the state graph is approximate. */
  complete: boolean;
}

/** Paths from each state to an ending; null where a loop makes them endless. */
function countPaths(scenario: Scenario, graph: ScenarioAnalysis['stateGraph']): (number | null)[] {
  const memo: (number | null | undefined)[] = new Array(graph.nodes.length);
  const active = new Uint8Array(graph.nodes.length);
  // Iterative post-order, so a deep scenario cannot overflow the stack.
  for (let root = 0; root < graph.nodes.length; root++) {
    if (memo[root] !== undefined) continue;
    const stack: [number, number][] = [[root, 0]];
    active[root] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const [s, i] = top;
      const edges = graph.edges[s]!;
      if (scenario.nodes[graph.nodes[s]!]?.ending) {
        memo[s] = 1;
      } else if (i < edges.length) {
        top[1]++;
        const t = edges[i]!.to;
        if (memo[t] === undefined) {
          if (active[t]) memo[s] = null;
          else {
            active[t] = 1;
            stack.push([t, 0]);
          }
        }
        continue;
      } else if (memo[s] !== null) {
        let sum: number | null = 0;
        for (const e of edges) {
          const c = memo[e.to];
          if (c === null || c === undefined || sum === null) sum = null;
          else sum += c;
        }
        memo[s] = sum;
      }
      active[s] = 0;
      stack.pop();
    }
  }
  return memo.map((m) => (m === undefined ? null : m));
}

/** A small seeded generator, so a sampled report is the same on every run. */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

/** A path's standing, for best and worst: bands first, then percentages. */
function standing(card: ScoreCard): number {
  let total = 0;
  for (const d of DIMENSIONS) {
    const r = card[d];
    total += (r.band === null ? 2 : BANDS.indexOf(r.band)) * 1000 + (r.percent ?? 50);
  }
  return total;
}

const summary = (choices: string[], card: ScoreCard): PathSummary => ({
  choices,
  bands: Object.fromEntries(
    DIMENSIONS.map((d) => [d, { band: card[d].band, percent: card[d].percent }]),
  ) as PathSummary['bands'],
});

export function scoringReport(
  scenario: Scenario,
  analysis: Pick<ScenarioAnalysis, 'stateGraph'>,
  maxPaths = DEFAULT_MAX_PATHS,
): ScoringReport {
  const { nodes, edges, assessed } = analysis.stateGraph;
  const choiceById = new Map<string, Choice>();
  for (const node of Object.values(scenario.nodes))
    for (const c of node.choices ?? []) choiceById.set(c.id, c);

  interface Acc {
    report: EndingReport;
    bestScore: number;
    worstScore: number;
  }
  const byEnding = new Map<string, Acc>();
  let count = 0;
  let complete = analysis.stateGraph.complete;

  const items: ScoredItem[] = [];
  const choices: string[] = [];
  const onPath = new Set<number>();

  const arrive = (s: number) => {
    const node = scenario.nodes[nodes[s]!]!;
    const added = assessed[s]!.length;
    for (const i of assessed[s]!) {
      items.push({
        kind: 'assessment',
        node: nodes[s]!,
        afterDecisions: choices.length,
        assessment: node.assess![i]!,
        ending: node.ending !== undefined,
      });
    }
    return added;
  };

  const visit = (s: number): void => {
    if (count >= maxPaths) {
      complete = false;
      return;
    }
    const added = arrive(s);
    const node = scenario.nodes[nodes[s]!]!;
    if (node.ending) {
      count++;
      record(nodes[s]!, node.ending, scoreDecisions(items));
    } else if (!onPath.has(s)) {
      onPath.add(s);
      const available = edges[s]!.map((e) => choiceById.get(e.choice)!);
      for (const e of edges[s]!) {
        items.push({
          kind: 'decision',
          index: choices.length,
          node: nodes[s]!,
          chosen: choiceById.get(e.choice)!,
          available,
          weight: weightOf(node),
        });
        choices.push(e.choice);
        visit(e.to);
        choices.pop();
        items.pop();
      }
      onPath.delete(s);
    }
    items.length -= added;
  };

  const record = (id: string, ending: NonNullable<Scenario['nodes'][string]['ending']>, card: ScoreCard) => {
    let acc = byEnding.get(id);
    const score = standing(card);
    if (!acc) {
      const empty = () => ({ bands: {}, lowest: null, highest: null });
      acc = {
        report: {
          node: id,
          title: ending.title,
          outcome: ending.outcome,
          paths: 0,
          dimensions: { empathy: empty(), boundaries: empty(), escalation: empty() },
          best: summary([...choices], card),
          worst: summary([...choices], card),
        },
        bestScore: score,
        worstScore: score,
      };
      byEnding.set(id, acc);
    }
    acc.report.paths++;
    for (const d of DIMENSIONS) {
      const r = card[d];
      const dim = acc.report.dimensions[d];
      const key = r.band ?? 'not tested';
      dim.bands[key] = (dim.bands[key] ?? 0) + 1;
      if (r.percent !== null) {
        dim.lowest = dim.lowest === null ? r.percent : Math.min(dim.lowest, r.percent);
        dim.highest = dim.highest === null ? r.percent : Math.max(dim.highest, r.percent);
      }
    }
    if (score > acc.bestScore) {
      acc.bestScore = score;
      acc.report.best = summary([...choices], card);
    }
    if (score < acc.worstScore) {
      acc.worstScore = score;
      acc.report.worst = summary([...choices], card);
    }
  };

  const counts = countPaths(scenario, analysis.stateGraph);
  const total = nodes.length > 0 ? counts[0]! : 0;
  if (nodes.length > 0 && total !== null && total <= maxPaths) {
    visit(0);
  } else if (nodes.length > 0) {
    // Too many to score them all: a uniform sample, each path as likely as any other (edges are
    // taken in proportion to the paths beyond them), so the bands reachable are seen fairly.
    complete = false;
    const rand = random(12345);
    for (let n = 0; n < maxPaths; n++) {
      let s = 0;
      for (let steps = 0; steps < 10_000; steps++) {
        const added = arrive(s);
        void added;
        const node = scenario.nodes[nodes[s]!]!;
        if (node.ending) {
          count++;
          record(nodes[s]!, node.ending, scoreDecisions(items));
          break;
        }
        const es = edges[s]!;
        if (es.length === 0) break;
        const weights = es.map((e) => counts[e.to] ?? 1);
        const sum = weights.reduce((a, b) => a + b, 0);
        let pick = rand() * sum;
        let k = 0;
        while (k < es.length - 1 && pick >= weights[k]!) pick -= weights[k++]!;
        const e = es[k]!;
        items.push({
          kind: 'decision',
          index: choices.length,
          node: nodes[s]!,
          chosen: choiceById.get(e.choice)!,
          available: es.map((x) => choiceById.get(x.choice)!),
          weight: weightOf(node),
        });
        choices.push(e.choice);
        s = e.to;
      }
      items.length = 0;
      choices.length = 0;
    }
  }
  const order = Object.keys(scenario.nodes);
  return {
    endings: [...byEnding.values()]
      .map((a) => a.report)
      .sort((a, b) => order.indexOf(a.node) - order.indexOf(b.node)),
    paths: count,
    total,
    complete,
  };
}

const short: Record<Band | 'not tested', string> = {
  Unsafe: 'Unsafe',
  Developing: 'Developing',
  Competent: 'Competent',
  Exemplary: 'Exemplary',
  'not tested': 'not tested',
};

const bandsLine = (p: PathSummary) =>
  DIMENSIONS.map((d) => {
    const b = p.bands[d];
    return `${d} ${b.band ?? 'not tested'}${b.percent === null ? '' : ` ${b.percent}%`}`;
  }).join(', ');

/** The report as text for the terminal. */
export function formatScoringReport(report: ScoringReport): string[] {
  const out: string[] = [];
  const total = report.total === null ? 'endless (a loop)' : report.total.toLocaleString('en-GB');
  out.push(
    report.complete
      ? `  scoring: every path, ${report.paths.toLocaleString('en-GB')} in all`
      : `  scoring: a sample of ${report.paths.toLocaleString('en-GB')} paths out of ${total}, each path as likely as any other`,
  );
  for (const e of report.endings) {
    out.push(`  ending '${e.node}' "${e.title}" (${e.outcome}): ${e.paths} path${e.paths === 1 ? '' : 's'}`);
    for (const d of DIMENSIONS) {
      const dim = e.dimensions[d];
      const bands = [...BANDS, 'not tested' as const]
        .filter((b) => dim.bands[b])
        .map((b) => `${short[b]} ${dim.bands[b]}`)
        .join(', ');
      const range = dim.lowest === null ? '' : `  (${dim.lowest}–${dim.highest}%)`;
      out.push(`    ${d.padEnd(11)} ${bands}${range}`);
    }
    out.push(`    best:  ${e.best.choices.join(', ')}`);
    out.push(`           ${bandsLine(e.best)}`);
    out.push(`    worst: ${e.worst.choices.join(', ')}`);
    out.push(`           ${bandsLine(e.worst)}`);
  }
  return out;
}
