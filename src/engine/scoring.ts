/**
 * The scoring model, matching the rubric in shared/CONTENT.md.
 *
 * Each decision is scored per dimension against the options that were actually available at
 * that moment: the best available option counts 1, the worst 0, others in proportion. A
 * dimension a decision does not touch (every option scores the same on it) is not counted for
 * that decision. A dimension's percentage is the mean over the decisions that touched it, so a
 * short good path is not penalised against a long one.
 *
 * Unsafe is a judgement on an act, not an average: a dimension is Unsafe exactly when the learner
 * took a choice the author marked `unsafe` on it (accepting a gift, ignoring a new symptom),
 * whatever else happened. Otherwise the percentage sets the band: Exemplary from 85%,
 * Competent from 60%, Developing below that. So every Unsafe band names the choice that caused it.
 */
import { DIMENSIONS, type Dimension } from './model';
import type { Choice } from './schema';

export const BANDS = ['Unsafe', 'Developing', 'Competent', 'Exemplary'] as const;
export type Band = (typeof BANDS)[number];

/** Lowest percentage for each band reached by percentage (Unsafe comes only from unsafe choices). */
export const BAND_THRESHOLDS: Readonly<Record<'Developing' | 'Competent' | 'Exemplary', number>> = {
  Developing: 0,
  Competent: 60,
  Exemplary: 85,
};

export interface ScoredDecision {
  /** Position on the learner's path, from 0. */
  index: number;
  node: string;
  chosen: Choice;
  /** The options offered at that moment (guards already applied). */
  available: readonly Choice[];
}

export interface Moment {
  index: number;
  node: string;
  choice: string;
  /** 0 = the worst available option on this dimension, 1 = the best. */
  fraction: number;
  /** The best option's id at this moment, when the learner did not take it. */
  better?: string;
}

export interface DimensionResult {
  dimension: Dimension;
  /** null when no decision on the path touched this dimension. */
  band: Band | null;
  /** 0–100, or null when not assessed. */
  percent: number | null;
  /** Sum of the raw score changes along the path. */
  raw: number;
  /** Ids of chosen options marked unsafe on this dimension. */
  unsafe: string[];
  moments: Moment[];
  /** One line naming the moments that decided the band. */
  reason: string;
}

export type ScoreCard = Record<Dimension, DimensionResult>;

const delta = (choice: Choice, d: Dimension) => choice.score?.[d] ?? 0;

/** The band a percentage earns when no unsafe choice was taken. */
export function bandFor(percent: number): Exclude<Band, 'Unsafe'> {
  if (percent >= BAND_THRESHOLDS.Exemplary) return 'Exemplary';
  if (percent >= BAND_THRESHOLDS.Competent) return 'Competent';
  return 'Developing';
}

const quote = (text: string) => {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return `“${oneLine.length > 70 ? oneLine.slice(0, 67).trimEnd() + '…' : oneLine}”`;
};

export function scoreDecisions(decisions: readonly ScoredDecision[]): ScoreCard {
  const card = {} as ScoreCard;
  for (const d of DIMENSIONS) {
    const moments: Moment[] = [];
    let raw = 0;
    const unsafe: string[] = [];
    for (const decision of decisions) {
      raw += delta(decision.chosen, d);
      if (decision.chosen.unsafe === d) unsafe.push(decision.chosen.id);
      const values = decision.available.map((c) => delta(c, d));
      const best = Math.max(...values);
      const worst = Math.min(...values);
      if (best === worst) continue;
      const fraction = (delta(decision.chosen, d) - worst) / (best - worst);
      const bestChoice = decision.available.find((c) => delta(c, d) === best)!;
      moments.push({
        index: decision.index,
        node: decision.node,
        choice: decision.chosen.id,
        fraction,
        ...(fraction < 1 ? { better: bestChoice.id } : {}),
      });
    }
    const percent =
      moments.length === 0
        ? null
        : Math.round((100 * moments.reduce((s, m) => s + m.fraction, 0)) / moments.length);
    const band: Band | null = unsafe.length > 0 ? 'Unsafe' : percent === null ? null : bandFor(percent);
    card[d] = { dimension: d, band, percent, raw, unsafe, moments, reason: '' };
    card[d].reason = reasonFor(card[d], decisions);
  }
  return card;
}

function reasonFor(result: DimensionResult, decisions: readonly ScoredDecision[]): string {
  const textOf = (id: string) => {
    for (const decision of decisions) {
      if (decision.chosen.id === id) return quote(decision.chosen.text);
      const found = decision.available.find((c) => c.id === id);
      if (found) return quote(found.text);
    }
    return `'${id}'`;
  };
  if (result.unsafe.length > 0) {
    const list = result.unsafe.map(textOf).join(' and ');
    return `Unsafe on ${result.dimension}: ${list} crossed a line, whatever else went well.`;
  }
  if (result.percent === null) return `Not assessed: no decision on this path tested ${result.dimension}.`;
  const weakest = [...result.moments].sort((a, b) => a.fraction - b.fraction || a.index - b.index)[0]!;
  const bests = result.moments.filter((m) => m.fraction === 1);
  const at = (m: Moment) => `decision ${m.index + 1}`;
  if (weakest.fraction === 1) {
    return `${result.band} (${result.percent}%): the strongest available option at every decision that tested ${result.dimension}.`;
  }
  const strongest = bests.length > 0 ? `strongest at ${at(bests[0]!)}, ${textOf(bests[0]!.choice)}; ` : '';
  return `${result.band} (${result.percent}%): ${strongest}weakest at ${at(weakest)}, ${textOf(weakest.choice)}, where ${textOf(weakest.better!)} was open to you.`;
}
