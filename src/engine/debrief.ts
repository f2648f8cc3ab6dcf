/**
 * What a debrief shows, worked out from a finished Session: plain data, so the player, the
 * trainer's summary and a printed report can all present it their own way.
 */
import type { BestStep } from './analyseScenario';
import { DIMENSIONS, type Dimension } from './model';
import { scoreRecord, unsafeOf } from './rules';
import type { Choice, Scenario, Signpost } from './schema';
import type { Band, Cap, DimensionResult } from './scoring';
import type { AssessmentView, DecisionRecord, SessionResult } from './Session';

export interface DebriefOption {
  id: string;
  text: string;
  score: Record<Dimension, number>;
  total: number;
  /** The dimensions it is marked unsafe on (empty for most). */
  unsafe: Dimension[];
  why: string;
  sources: string[];
}

export interface TimelineEntry {
  index: number;
  node: string;
  /** The discussion prompt for this decision, which doubles as a heading. */
  prompt: string | null;
  chosen: DebriefOption;
  /** The strongest option on offer here (sum of the three dimensions). */
  best: DebriefOption;
  wasBest: boolean;
  /** Options the learner could have taken here. */
  offered: DebriefOption[];
  /** Options at this decision that were not on offer, because of how the conversation had gone. */
  notOffered: DebriefOption[];
  varsAfter: Record<string, number>;
}

export interface MoodSeries {
  variable: string;
  label: string;
  min: number;
  max: number;
  /** The value at the start, then after each decision. */
  values: number[];
}

export interface TurningPoint {
  index: number;
  /** How far the choice fell short of the best on offer (sum of dimensions); 0 for a strong one. */
  gap: number;
  kind: 'unsafe' | 'missed' | 'strong';
  text: string;
}

export interface DebriefModel {
  title: string;
  ending: SessionResult['ending'];
  bands: Record<
    Dimension,
    {
      band: Band | null;
      percent: number | null;
      raw: number;
      reason: string;
      /** One plain sentence: what counted, what capped it, what the ending added. */
      explanation: string;
      cap: Cap['band'] | null;
    }
  >;
  /** What the ending (and any node on the way) said about the path: credit and consequences. */
  assessments: AssessmentView[];
  timeline: TimelineEntry[];
  mood: MoodSeries[];
  turningPoints: TurningPoint[];
  /** The first decision where the learner left the best path, or null if they never did. */
  divergedAt: number | null;
  /** The best path, step by step, with what was said and why. */
  bestPath: { node: string; option: DebriefOption; prompt: string | null }[];
  reflection: string[];
  signposting: Signpost[];
  rewinds: number;
}

const optionOf = (choice: Choice): DebriefOption => {
  const score = scoreRecord(choice);
  return {
    id: choice.id,
    text: choice.text,
    score,
    total: score.empathy + score.boundaries + score.escalation,
    unsafe: unsafeOf(choice),
    why: choice.feedback.why,
    sources: [...choice.feedback.sources],
  };
};

/**
 * Whether `other` is clearly the stronger thing to have said than a safe `chosen`, as an expert
 * panel keying a situational judgement test would have it: at least two levels more in all, and
 * no worse on any dimension where the choice made did well. A point apart, or stronger on one
 * dimension and weaker on another the choice did well on, is another good option, not a better one
 * (Sunday visit: going after Helen, warm, is not "weaker" than giving her the office number).
 */
export function clearlyStronger(other: DebriefOption, chosen: DebriefOption): boolean {
  if (other.unsafe.length > 0) return false;
  if (other.total - chosen.total < 2) return false;
  return DIMENSIONS.every((d) => chosen.score[d] <= 0 || other.score[d] >= chosen.score[d]);
}

export function buildDebrief(
  scenario: Scenario,
  result: SessionResult,
  bestPath: readonly BestStep[],
): DebriefModel {
  const choiceById = new Map<string, Choice>();
  for (const node of Object.values(scenario.nodes))
    for (const c of node.choices ?? []) choiceById.set(c.id, c);

  const timeline = result.decisions.map((d: DecisionRecord): TimelineEntry => {
    const node = scenario.nodes[d.node]!;
    const offered = d.offered.map((id) => optionOf(choiceById.get(id)!));
    // The stronger option to name is a safe one: an act marked unsafe is never held up as the
    // better thing to have said, however its other scores add up. Ties go to the one chosen, so
    // a choice as strong as any other is never shown an equal as "stronger".
    const safe = offered.filter((o) => o.unsafe.length === 0);
    const chosen = optionOf(choiceById.get(d.choice)!);
    const best = (safe.length ? safe : offered).reduce((a, b) =>
      b.total > a.total || (b.total === a.total && b.id === chosen.id) ? b : a,
    );
    return {
      index: d.index,
      node: d.node,
      prompt: node.discuss ?? null,
      chosen,
      best,
      wasBest: best.id === chosen.id || (chosen.unsafe.length === 0 && !clearlyStronger(best, chosen)),
      offered,
      notOffered: (node.choices ?? []).filter((c) => !d.offered.includes(c.id)).map(optionOf),
      varsAfter: { ...d.varsAfter },
    };
  });

  const mood: MoodSeries[] = Object.entries(scenario.state ?? {}).map(([variable, spec]) => ({
    variable,
    label: spec.label,
    min: spec.min,
    max: spec.max,
    values: [
      result.decisions[0]?.varsBefore[variable] ?? spec.start,
      ...result.decisions.map((d) => d.varsAfter[variable] ?? spec.start),
    ],
  }));

  const turningPoints: TurningPoint[] = timeline
    .map((t) => {
      const gap = t.wasBest ? 0 : Math.max(0, t.best.total - t.chosen.total);
      const spread = t.best.total - Math.min(...t.offered.map((o) => o.total));
      const kind: TurningPoint['kind'] =
        t.chosen.unsafe.length > 0 ? 'unsafe' : gap > 0 ? 'missed' : 'strong';
      return { point: { index: t.index, gap, kind, text: t.chosen.text }, spread };
    })
    // A strong choice is a turning point only where the options really differed.
    .filter(({ point, spread }) => point.kind !== 'strong' || spread >= 3)
    .sort((a, b) => rank(b.point, b.spread) - rank(a.point, a.spread) || a.point.index - b.point.index)
    .map(({ point }) => point)
    .slice(0, 3);

  let divergedAt: number | null = null;
  for (let i = 0; i < result.decisions.length; i++) {
    if (bestPath[i]?.choice !== result.decisions[i]!.choice) {
      divergedAt = i;
      break;
    }
  }
  if (divergedAt === null && bestPath.length !== result.decisions.length)
    divergedAt = result.decisions.length;

  const bands = Object.fromEntries(
    DIMENSIONS.map((d) => {
      const r: DimensionResult = result.card[d];
      return [
        d,
        {
          band: r.band,
          percent: r.percent,
          raw: r.raw,
          reason: r.reason,
          explanation: r.explanation,
          cap: r.cap?.band ?? null,
        },
      ];
    }),
  ) as DebriefModel['bands'];

  return {
    title: scenario.title,
    ending: result.ending,
    bands,
    timeline,
    mood,
    turningPoints,
    divergedAt,
    bestPath: bestPath.map((step) => ({
      node: step.node,
      option: optionOf(choiceById.get(step.choice)!),
      prompt: scenario.nodes[step.node]?.discuss ?? null,
    })),
    assessments: result.assessments.map((a) => ({ ...a })),
    reflection: [...(result.ending.reflection ?? scenario.reflection ?? [])],
    signposting: [...(result.ending.signposting ?? []), ...(scenario.support ?? [])],
    rewinds: result.rewinds,
  };
}

/** Unsafe moments first, then the biggest misses, then strong moments where most was at stake. */
function rank(p: TurningPoint, spread: number): number {
  if (p.kind === 'unsafe') return 1000 + p.gap;
  if (p.kind === 'missed') return 100 + p.gap;
  return spread;
}
