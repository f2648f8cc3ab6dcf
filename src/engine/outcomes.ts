/**
 * Whether a path covers each learning outcome: the one rule behind every "Covered" CarePlay
 * shows (the evidence report's table, a trainer's expectations), so it means the same wherever
 * it appears. Pure data in, pure data out: it runs on a finished Session's result and on a saved
 * attempt alike, with no scenario needed for the latter.
 *
 * An outcome is tested at the moments its `shownAt` names: decisions (by node id: every answer
 * there), single options (by choice id: that answer, where a decision's options are about
 * different things, such as "anything else to pass on?") and assessments (by their id: what an
 * ending finds, such as an omission). It is judged there, the way an expert panel keys a
 * situational judgement test item by item:
 *
 * - Covered: the learner reached at least one named moment that tested it, at every such moment
 *   their answer was keyed Competent (+2) or better on each `evidences` dimension the answer is
 *   keyed on, and no named assessment found less than +2 there (a lapse or an omission).
 * - Not yet: one of those fell short; each shortfall names the decision as the learner saw it
 *   and the level ("decision 4: Escalation −2").
 * - Not tested on this path: no named moment tested it (none came up, or the answers there said
 *   nothing on its dimensions).
 *
 * Two details follow the scoring (README, "From choices to a band") so a level means the same
 * here as in the bands: an answer that says nothing on a dimension neither shows nor fails it
 * there (an omission that matters is caught by an assessment); and where nothing Competent was on
 * offer and the learner took the best there was, the moment is left out on that dimension.
 *
 * An outcome without `shownAt` (a trainer's own older file) and a record that did not keep its
 * moments (an attempt saved before this rule) fall back to the whole-path bands: covered when
 * each linked band is Competent or better. That rule is labelled wherever it is used, because it
 * can be wrong both ways: another decision can lift a band over a lapse at the moment that tests
 * the outcome, and an unrelated lapse elsewhere can pull it down.
 */
import { DIMENSIONS, type Dimension } from './model';
import type { Scenario } from './schema';
import { COMPETENT_LEVEL, signed, type Band } from './scoring';
import type { SessionResult } from './Session';

/** What coverage needs to know about an outcome. */
export interface CoverageOutcomeSpec {
  id?: string;
  standard: string;
  evidences?: readonly Dimension[];
  shownAt?: readonly string[];
}

/** One decision on the path. */
export interface CoverageDecision {
  /** Position on the path, from 0 (the learner saw it as decision index + 1). */
  index: number;
  node: string;
  /** The chosen option's id (absent in a record that did not keep it). */
  choice?: string;
  /** The levels the chosen option is keyed on. */
  levels: Partial<Record<Dimension, number>>;
  /**
   * For each dimension some offered option is keyed on, the best level on offer there (an option
   * silent on it counting as 0, as in the scoring). Absent in a record that did not keep it: the
   * moment is then never left out.
   */
  open?: Partial<Record<Dimension, number>>;
}

/** One assessment a node made on arrival. */
export interface CoverageAssessment {
  id?: string;
  node: string;
  /** How many decisions had been made on arrival. */
  afterDecisions: number;
  ending: boolean;
  score: Partial<Record<Dimension, number>>;
}

export interface CoveragePath {
  /**
   * The decisions in order; null when the record did not keep them, and a node of '' when it kept
   * the decision but not where it was (older attempts): the band rule is then used.
   */
  decisions: readonly CoverageDecision[] | null;
  /** The assessments made; null when the record did not keep their ids and levels. */
  assessments: readonly CoverageAssessment[] | null;
  /** The whole-path band per dimension, for the fallback rule. */
  bands: Record<Dimension, Band | null>;
}

export type CoverageStatus = 'covered' | 'not-yet' | 'not-tested' | 'not-linked';

export interface OutcomeCoverage {
  status: CoverageStatus;
  /**
   * How it was judged: at the named moments, or by the whole-path bands (the outcome names no
   * moments, or the record did not keep them); 'none' when the outcome names no dimension.
   */
  rule: 'moments' | 'bands' | 'none';
  /** The decisions (indexes from 0) that tested it on this path. */
  decisions: number[];
  /** What fell short, e.g. "decision 4: Escalation −2"; empty unless not yet. */
  shortfalls: string[];
  /** One plain sentence: why it is marked so. */
  reason: string;
}

export const DIMENSION_LABELS: Readonly<Record<Dimension, string>> = {
  empathy: 'Empathy',
  boundaries: 'Professional boundaries',
  escalation: 'Escalation',
};

const met = (band: Band | null) => band === 'Competent' || band === 'Exemplary';

const listWords = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

const decisionWords = (indexes: readonly number[]) =>
  `${indexes.length === 1 ? 'decision' : 'decisions'} ${listWords(indexes.map((i) => String(i + 1)))}`;

const unique = (xs: readonly number[]) => [...new Set(xs)].sort((a, b) => a - b);

/** The whole-path-band rule: every linked band Competent or better. */
function byBands(dims: readonly Dimension[], path: CoveragePath, why: string): OutcomeCoverage {
  const decisions = unique(
    (path.decisions ?? []).flatMap((d) => (dims.some((x) => d.levels[x] !== undefined) ? [d.index] : [])),
  );
  const label = `judged on the whole-path bands, because ${why}`;
  if (dims.every((d) => path.bands[d] === null)) {
    return {
      status: 'not-tested',
      rule: 'bands',
      decisions,
      shortfalls: [],
      reason: `Not tested on this path: nothing on it was scored on ${listWords(dims.map((d) => DIMENSION_LABELS[d]))} (${label}).`,
    };
  }
  const below = dims.filter((d) => !met(path.bands[d]));
  if (below.length === 0) {
    return {
      status: 'covered',
      rule: 'bands',
      decisions,
      shortfalls: [],
      reason: `Covered: ${listWords(dims.map((d) => `${DIMENSION_LABELS[d]} ${path.bands[d]}`))} over the whole path (${label}).`,
    };
  }
  const shortfalls = below.map(
    (d) => `${DIMENSION_LABELS[d]} ${path.bands[d] ?? 'not tested'} over the whole path`,
  );
  return {
    status: 'not-yet',
    rule: 'bands',
    decisions,
    shortfalls,
    reason: `Not yet: ${listWords(shortfalls)}, below Competent (${label}).`,
  };
}

/** Whether one path covers one outcome; see the module's comment for the rule. */
export function outcomeCoverage(outcome: CoverageOutcomeSpec, path: CoveragePath): OutcomeCoverage {
  const dims = DIMENSIONS.filter((d) => outcome.evidences?.includes(d));
  if (dims.length === 0) {
    return {
      status: 'not-linked',
      rule: 'none',
      decisions: [],
      shortfalls: [],
      reason: 'Not marked: this outcome names no dimension that shows it.',
    };
  }
  if (!outcome.shownAt?.length) return byBands(dims, path, 'the outcome names no moments that test it');
  if (path.decisions === null || path.assessments === null || path.decisions.some((d) => d.node === ''))
    return byBands(dims, path, 'this record was saved before CarePlay kept the moments that test it');

  const named = new Set(outcome.shownAt);
  const tested: number[] = [];
  const shortfalls: string[] = [];
  const shown: string[] = [];
  const silent: number[] = [];
  const leftOut: number[] = [];
  let assessed = false;
  for (const d of path.decisions) {
    if (!named.has(d.node) && (d.choice === undefined || !named.has(d.choice))) continue;
    let keyed = false;
    for (const dim of dims) {
      const level = d.levels[dim];
      if (level === undefined) continue;
      keyed = true;
      const open = d.open?.[dim];
      // Nothing Competent on offer, and the learner took the best there was: left out.
      if (open !== undefined && open < COMPETENT_LEVEL && level >= open) {
        leftOut.push(d.index);
        continue;
      }
      tested.push(d.index);
      const words = `decision ${d.index + 1}: ${DIMENSION_LABELS[dim]} ${signed(level)}`;
      if (level < COMPETENT_LEVEL) shortfalls.push(words);
      else shown.push(words);
    }
    if (!keyed) silent.push(d.index);
  }
  for (const a of path.assessments) {
    if (a.id === undefined || !named.has(a.id)) continue;
    const where = a.ending ? 'the ending' : `after decision ${a.afterDecisions}`;
    for (const dim of dims) {
      const level = a.score[dim];
      if (level === undefined) continue;
      assessed = true;
      const words = `${where}: ${DIMENSION_LABELS[dim]} ${signed(level)}`;
      if (level < COMPETENT_LEVEL) shortfalls.push(words);
      else shown.push(words);
    }
  }
  const decisions = unique(tested);
  if (shortfalls.length > 0) {
    return {
      status: 'not-yet',
      rule: 'moments',
      decisions,
      shortfalls,
      reason: `Not yet: ${listWords(shortfalls)}, below Competent (+2) at a moment that tests it.`,
    };
  }
  if (decisions.length > 0 || assessed) {
    return {
      status: 'covered',
      rule: 'moments',
      decisions,
      shortfalls: [],
      reason: `Covered: ${listWords(shown)}, with nothing below Competent (+2) at a moment that tests it.`,
    };
  }
  const why =
    silent.length || leftOut.length
      ? [
          silent.length
            ? `at ${decisionWords(unique(silent))} the answer said nothing on ${listWords(dims.map((d) => DIMENSION_LABELS[d]))}`
            : '',
          leftOut.length
            ? `at ${decisionWords(unique(leftOut))} nothing Competent was on offer and the best there was was taken`
            : '',
        ]
          .filter(Boolean)
          .join('; ')
      : 'none of the moments that test it came up';
  return {
    status: 'not-tested',
    rule: 'moments',
    decisions,
    shortfalls: [],
    reason: `Not tested on this path: ${why}.`,
  };
}

/** Every outcome's coverage, in order. */
export function outcomesCoverage(
  outcomes: readonly CoverageOutcomeSpec[],
  path: CoveragePath,
): OutcomeCoverage[] {
  return outcomes.map((o) => outcomeCoverage(o, path));
}

/** The path a finished Session took, as coverage reads it. */
export function coveragePathOf(scenario: Scenario, result: SessionResult): CoveragePath {
  const choices = new Map(
    Object.values(scenario.nodes).flatMap((n) => (n.choices ?? []).map((c) => [c.id, c] as const)),
  );
  return {
    decisions: result.decisions.map((d) =>
      decisionAt(
        d.index,
        d.node,
        d.choice,
        choices.get(d.choice)?.score ?? {},
        d.offered.map((id) => choices.get(id)?.score ?? {}),
      ),
    ),
    assessments: result.assessments.map((a) => ({
      ...(a.id !== undefined ? { id: a.id } : {}),
      node: a.node,
      afterDecisions: a.afterDecisions,
      ending: a.ending,
      score: { ...a.score },
    })),
    bands: {
      empathy: result.card.empathy.band,
      boundaries: result.card.boundaries.band,
      escalation: result.card.escalation.band,
    },
  };
}

type Levels = Partial<Record<Dimension, number>>;

/** A decision as coverage reads it, from the chosen option's levels and those of every option on offer. */
export function decisionAt(
  index: number,
  node: string,
  choice: string,
  chosen: Levels,
  offered: readonly Levels[],
): CoverageDecision {
  const levels: Levels = {};
  const open: Levels = {};
  for (const d of DIMENSIONS) {
    if (chosen[d] !== undefined) levels[d] = chosen[d];
    if (offered.some((o) => o[d] !== undefined)) open[d] = Math.max(...offered.map((o) => o[d] ?? 0));
  }
  return { index, node, choice, levels, open };
}

/** "✓ Covered", "✗ Not yet", "Not tested on this path" or "Not marked", for a table cell. */
export function coverageLabel(c: OutcomeCoverage): string {
  switch (c.status) {
    case 'covered':
      return '✓ Covered';
    case 'not-yet':
      return '✗ Not yet';
    case 'not-tested':
      return 'Not tested on this path';
    case 'not-linked':
      return 'Not marked';
  }
}
