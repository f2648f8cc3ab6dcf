/**
 * Does the shape of the options give the answer away? Over the option sets a learner can really
 * be offered (each distinct set of options at a decision, from the analysis's state graph), how
 * often is the best option the longest, the second-longest, the first or the last? A learner who
 * learns "pick the longest" should not be rewarded for it (shared/CONTENT.md, "Writing good
 * choices").
 *
 * "Best" is the option with the highest sum of levels, counting what the node it leads to
 * assesses on arrival — the same value the best path uses.
 */
import type { ScenarioAnalysis } from './analyseScenario';
import { DIMENSIONS } from './model';
import type { Choice, Scenario } from './schema';

export interface CueingStats {
  /** Distinct option sets with a single clear best (ties for best are left out). */
  sets: number;
  /** Percentages of those sets, 0–100. */
  longest: number;
  secondLongest: number;
  shortest: number;
  first: number;
  last: number;
  /** How often the worst option (a single clear worst) is the shortest: elimination is a cue too. */
  worstShortest: number;
}

const total = (c: Choice) => DIMENSIONS.reduce((s, d) => s + (c.score?.[d] ?? 0), 0);

export function cueingStats(scenario: Scenario, analysis: Pick<ScenarioAnalysis, 'stateGraph'>): CueingStats {
  const { nodes, edges, assessed } = analysis.stateGraph;
  const choiceById = new Map<string, Choice>();
  for (const node of Object.values(scenario.nodes))
    for (const c of node.choices ?? []) choiceById.set(c.id, c);
  const seen = new Set<string>();
  const counts = { sets: 0, longest: 0, secondLongest: 0, shortest: 0, first: 0, last: 0, worstShortest: 0 };
  edges.forEach((out, s) => {
    if (out.length < 2) return;
    const key = `${nodes[s]}|${out.map((e) => e.choice).join(',')}`;
    if (seen.has(key)) return;
    seen.add(key);
    const options = out.map((e) => {
      const choice = choiceById.get(e.choice)!;
      const target = scenario.nodes[nodes[e.to]!]!;
      const arrival = assessed[e.to]!.reduce(
        (sum, i) => sum + DIMENSIONS.reduce((t, d) => t + (target.assess![i]!.score?.[d] ?? 0), 0),
        0,
      );
      return { id: choice.id, value: total(choice) + arrival, length: choice.text.trim().length };
    });
    const top = Math.max(...options.map((o) => o.value));
    const best = options.filter((o) => o.value === top);
    if (best.length !== 1) return;
    const bestId = best[0]!.id;
    const byLength = [...options].sort((a, b) => b.length - a.length);
    counts.sets++;
    if (byLength[0]!.id === bestId) counts.longest++;
    if (byLength[1]?.id === bestId) counts.secondLongest++;
    if (byLength[byLength.length - 1]!.id === bestId) counts.shortest++;
    const bottom = Math.min(...options.map((o) => o.value));
    const worst = options.filter((o) => o.value === bottom);
    if (worst.length === 1 && byLength[byLength.length - 1]!.id === worst[0]!.id) counts.worstShortest++;
    if (options[0]!.id === bestId) counts.first++;
    if (options[options.length - 1]!.id === bestId) counts.last++;
  });
  const pct = (n: number) => (counts.sets === 0 ? 0 : Math.round((100 * n) / counts.sets));
  return {
    sets: counts.sets,
    longest: pct(counts.longest),
    secondLongest: pct(counts.secondLongest),
    shortest: pct(counts.shortest),
    first: pct(counts.first),
    last: pct(counts.last),
    worstShortest: pct(counts.worstShortest),
  };
}

/** The most a position or length rank may hold the best option, in percent. */
export const MAX_CUE_PERCENT = 40;
