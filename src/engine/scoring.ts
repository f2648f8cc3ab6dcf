/**
 * The scoring model: an expert-keyed, absolute scale, the way a situational judgement test is
 * keyed. The rubric is in shared/CONTENT.md; the scale and the rules are written out for
 * trainers in the README ("How a path is scored").
 *
 * - Every choice is keyed by the author on a fixed scale from -4 to +4 per dimension (see
 *   SCALE_WORDS), independent of the other options. A dimension left out says nothing.
 * - A dimension's percentage is the weighted mean level of the moments that tested it, mapped
 *   onto the scale: +4 is 100%, +2 (Competent) 75%, 0 is 50%, -4 is 0%. It never depends on an
 *   option nobody chose.
 * - Moments are the learner's decisions and the assessments of the nodes they arrived at
 *   (consequences and omissions, such as an ending that finds a change was never reported).
 * - A decision where nothing Competent was on offer on a dimension, and the learner took the best
 *   there was, is left out of that dimension: it neither helps nor punishes. An option that says
 *   nothing on a dimension did no harm there, so it counts as 0 when judging what was on offer.
 * - Caps: a lapse (-2) keeps the band at Competent at best; a serious lapse (-3 or below) at
 *   Developing at best; an act marked `unsafe` makes the band Unsafe. No average outweighs them.
 */
import { SCALE_MAX, SCALE_MIN, type Dimension, DIMENSIONS } from './model';
import { plainText } from './markup';
import { levelOf, unsafeOf } from './rules';
import type { Assessment, Choice } from './schema';

export const BANDS = ['Unsafe', 'Developing', 'Competent', 'Exemplary'] as const;
export type Band = (typeof BANDS)[number];

/** Lowest percentage for each band reached by percentage (Unsafe comes only from unsafe acts). */
export const BAND_THRESHOLDS: Readonly<Record<'Developing' | 'Competent' | 'Exemplary', number>> = {
  Developing: 0,
  Competent: 65,
  Exemplary: 85,
};

/** The level the rubric calls Competent. A decision whose best option is below it offered nothing good. */
export const COMPETENT_LEVEL = 2;
/** At or below this level a counted moment is a lapse: the band is Competent at best. */
export const LAPSE_LEVEL = -2;
/** At or below this level a counted moment is a serious lapse: the band is Developing at best. */
export const SERIOUS_LAPSE_LEVEL = -3;

/** A decision the learner made, with the options on offer at that moment. */
export interface ScoredDecision {
  kind: 'decision';
  /** Position on the learner's path, from 0. */
  index: number;
  node: string;
  chosen: Choice;
  /** The options offered at that moment (guards already applied). */
  available: readonly Choice[];
  /** How much the decision counts (the node's `weight`, 1 by default). */
  weight: number;
}

/** An assessment a node made when the learner arrived there. */
export interface ScoredAssessment {
  kind: 'assessment';
  node: string;
  /** How many decisions had been made on arrival. */
  afterDecisions: number;
  assessment: Assessment;
  /** True when the node is an ending. */
  ending: boolean;
}

export type ScoredItem = ScoredDecision | ScoredAssessment;

export interface Moment {
  kind: 'decision' | 'assessment';
  /** The decision's index (from 0); for an assessment, the number of decisions before it. */
  index: number;
  node: string;
  /** The chosen choice's id, for a decision. */
  choice?: string;
  /** The choice's words, or the assessment's feedback. */
  text: string;
  level: number;
  weight: number;
  /** False when left out: nothing Competent was on offer and the learner took the best there was. */
  counted: boolean;
  /** A higher option that was on offer on this dimension, when the learner did not take it. */
  better?: { id: string; text: string; level: number };
  /** True for an assessment made at an ending. */
  ending: boolean;
}

export interface Cap {
  band: 'Competent' | 'Developing';
  moment: Moment;
}

export interface DimensionResult {
  dimension: Dimension;
  /** null when nothing on the path tested this dimension. */
  band: Band | null;
  /** 0–100 (the weighted mean level on the scale), or null when not tested. */
  percent: number | null;
  /** The weighted mean level, -4 to +4, or null when not tested. */
  average: number | null;
  /** Sum of the levels along the path (decisions and assessments), as the transcript shows them. */
  raw: number;
  /** Ids of the chosen options (or `@node` for an assessment) marked unsafe on this dimension. */
  unsafe: string[];
  /** The lowest counted moment, when it caps the band below what the average earned. */
  cap: Cap | null;
  moments: Moment[];
  /** One line naming the moments that decided the band. */
  reason: string;
  /** One plain sentence of arithmetic: what counted, what capped it, what the ending added. */
  explanation: string;
}

export type ScoreCard = Record<Dimension, DimensionResult>;

/** The band a percentage earns before caps and unsafe acts. */
export function bandFor(percent: number): Exclude<Band, 'Unsafe'> {
  if (percent >= BAND_THRESHOLDS.Exemplary) return 'Exemplary';
  if (percent >= BAND_THRESHOLDS.Competent) return 'Competent';
  return 'Developing';
}

/** A level on the scale as a percentage: -4 → 0, 0 → 50, +2 → 75, +4 → 100. */
export const percentOf = (level: number): number => (100 * (level - SCALE_MIN)) / (SCALE_MAX - SCALE_MIN);

export const signed = (n: number): string => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

/** A quotation short enough for one line, cut at a word and never mid-word. */
export function quote(text: string, max = 80): string {
  const oneLine = plainText(text);
  if (oneLine.length <= max) return `“${oneLine}”`;
  const cut = oneLine.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `“${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.—–-]+$/, '')}…”`;
}

const rankOf = (band: Band) => BANDS.indexOf(band);

export function scoreDecisions(items: readonly ScoredItem[]): ScoreCard {
  const card = {} as ScoreCard;
  for (const d of DIMENSIONS) card[d] = scoreDimension(items, d);
  return card;
}

function momentsOn(items: readonly ScoredItem[], d: Dimension): { moments: Moment[]; unsafe: string[] } {
  const moments: Moment[] = [];
  const unsafe: string[] = [];
  for (const item of items) {
    if (item.kind === 'decision') {
      const { chosen } = item;
      if (unsafeOf(chosen).includes(d)) unsafe.push(chosen.id);
      const level = levelOf(chosen, d);
      if (level === undefined) continue;
      // The best keyed option on offer, to name it when the learner did not take it.
      let best: Choice = chosen;
      for (const c of item.available) {
        const l = levelOf(c, d);
        if (l !== undefined && l > (levelOf(best, d) ?? -Infinity)) best = c;
      }
      const bestLevel = levelOf(best, d)!;
      // An option that says nothing on this dimension did no harm on it: as an alternative it
      // stands at 0, so a lapse where such an option was open still counts.
      const openLevel = Math.max(
        bestLevel,
        ...item.available.map((c) => (c.id === chosen.id ? level : (levelOf(c, d) ?? 0))),
      );
      moments.push({
        kind: 'decision',
        index: item.index,
        node: item.node,
        choice: chosen.id,
        text: chosen.text,
        level,
        weight: item.weight,
        counted: !(level >= openLevel && openLevel < COMPETENT_LEVEL),
        ...(bestLevel > level ? { better: { id: best.id, text: best.text, level: bestLevel } } : {}),
        ending: false,
      });
    } else {
      const { assessment } = item;
      if (unsafeOf(assessment).includes(d)) unsafe.push(`@${item.node}`);
      const level = levelOf(assessment, d);
      if (level === undefined) continue;
      moments.push({
        kind: 'assessment',
        index: item.afterDecisions,
        node: item.node,
        text: assessment.feedback.why,
        level,
        weight: assessment.weight ?? 1,
        counted: true,
        ending: item.ending,
      });
    }
  }
  return { moments, unsafe };
}

function scoreDimension(items: readonly ScoredItem[], d: Dimension): DimensionResult {
  const { moments, unsafe } = momentsOn(items, d);
  const raw = moments.reduce((s, m) => s + m.level, 0);
  const counted = moments.filter((m) => m.counted);
  const weight = counted.reduce((s, m) => s + m.weight, 0);
  const average = weight === 0 ? null : counted.reduce((s, m) => s + m.level * m.weight, 0) / weight;
  const percent = average === null ? null : Math.round(percentOf(average));

  let cap: Cap | null = null;
  const lowest = [...counted].sort((a, b) => a.level - b.level || a.index - b.index)[0];
  if (lowest && lowest.level <= SERIOUS_LAPSE_LEVEL) cap = { band: 'Developing', moment: lowest };
  else if (lowest && lowest.level <= LAPSE_LEVEL) cap = { band: 'Competent', moment: lowest };

  let band: Band | null = null;
  if (unsafe.length > 0) band = 'Unsafe';
  else if (percent !== null) {
    band = bandFor(percent);
    if (cap && rankOf(cap.band) < rankOf(band)) band = cap.band;
    else cap = null; // the average alone already put the band at or below the cap
  }
  if (band === 'Unsafe') cap = null;

  const result: DimensionResult = {
    dimension: d,
    band,
    percent,
    average,
    raw,
    unsafe,
    cap,
    moments,
    reason: '',
    explanation: '',
  };
  result.reason = reasonFor(result, items);
  result.explanation = explain(result);
  return result;
}

const at = (m: Moment) =>
  m.kind === 'decision' ? `decision ${m.index + 1}` : m.ending ? 'the ending' : `after decision ${m.index}`;

function textOfUnsafe(id: string, items: readonly ScoredItem[]): string {
  if (id.startsWith('@')) {
    const node = id.slice(1);
    const found = items.find((i) => i.kind === 'assessment' && i.node === node) as
      ScoredAssessment | undefined;
    return found ? `what happened at the end (${quote(found.assessment.feedback.why)})` : `'${node}'`;
  }
  for (const item of items)
    if (item.kind === 'decision' && item.chosen.id === id) return quote(item.chosen.text);
  return `'${id}'`;
}

function reasonFor(r: DimensionResult, items: readonly ScoredItem[]): string {
  if (r.unsafe.length > 0) {
    const list = r.unsafe.map((id) => textOfUnsafe(id, items)).join(' and ');
    return `Unsafe on ${r.dimension}: ${list} crossed a line, whatever else went well.`;
  }
  if (r.percent === null) return `Not tested: nothing on this path tested ${r.dimension}.`;
  const counted = r.moments.filter((m) => m.counted);
  if (r.cap) {
    const m = r.cap.moment;
    const kind = m.level <= SERIOUS_LAPSE_LEVEL ? 'a serious lapse' : 'a lapse';
    return `${r.band}: at ${at(m)}, ${quote(m.text)} was ${kind} (${signed(m.level)}), which no average can outweigh.`;
  }
  const weakest = [...counted].sort((a, b) => a.level - b.level || a.index - b.index)[0]!;
  const strongest = [...counted].sort((a, b) => b.level - a.level || a.index - b.index)[0]!;
  if (weakest.level === strongest.level) {
    return `${r.band}: ${signed(weakest.level)} on the scale at every moment that tested ${r.dimension}.`;
  }
  const missed = weakest.better
    ? `, where ${quote(weakest.better.text)} (${signed(weakest.better.level)}) was open to you`
    : '';
  if (strongest.level < 0) {
    return `${r.band}: nothing on this path did better than ${signed(strongest.level)} on ${r.dimension}; the least weak was at ${at(strongest)}, ${quote(strongest.text)}, and the weakest at ${at(weakest)}, ${quote(weakest.text)} (${signed(weakest.level)})${missed}.`;
  }
  return `${r.band}: strongest at ${at(strongest)}, ${quote(strongest.text)} (${signed(strongest.level)}); weakest at ${at(weakest)}, ${quote(weakest.text)} (${signed(weakest.level)})${missed}.`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function explain(r: DimensionResult): string {
  if (r.percent === null) {
    const left = r.moments.filter((m) => !m.counted).length;
    const base = `Nothing on this path tested ${r.dimension}`;
    return r.unsafe.length > 0
      ? `${base} on the scale, but an act marked unsafe makes it Unsafe.`
      : left > 0
        ? `${base} fairly: ${plural(left, 'decision')} offered nothing Competent and you took the best there was, so ${left === 1 ? 'it is' : 'they are'} left out.`
        : `${base}.`;
  }
  const counted = r.moments.filter((m) => m.counted);
  const decisions = counted.filter((m) => m.kind === 'decision');
  const assessments = counted.filter((m) => m.kind === 'assessment');
  const weighted = counted.filter((m) => m.weight > 1);
  const parts: string[] = [];
  const what = [
    decisions.length ? plural(decisions.length, 'decision') : '',
    assessments.length ? plural(assessments.length, 'consequence') : '',
  ]
    .filter(Boolean)
    .join(' and ');
  const avg = Math.round(r.average! * 10) / 10;
  parts.push(
    `${what} counted${weighted.length ? ` (${weighted.map((m) => `${at(m)} ×${m.weight}`).join(', ')})` : ''}, averaging ${signed(avg)} on the −4 to +4 scale, which is ${r.percent}%`,
  );
  const left = r.moments.filter((m) => !m.counted);
  if (left.length) {
    parts.push(
      `${left.map(at).join(', ')} left out, as nothing Competent was on offer and you took the best there was`,
    );
  }
  if (r.unsafe.length) parts.push(`Unsafe because an act marked unsafe was taken`);
  if (r.cap) {
    const m = r.cap.moment;
    parts.push(
      `capped at ${r.cap.band} by ${at(m)} (${signed(m.level)}, ${m.level <= SERIOUS_LAPSE_LEVEL ? 'a serious lapse' : 'a lapse'})`,
    );
  }
  const fromEnd = r.moments.filter((m) => m.kind === 'assessment');
  if (fromEnd.length) {
    const total = fromEnd.reduce((s, m) => s + m.level, 0);
    const who = fromEnd.every((m) => m.ending) ? 'the ending' : 'what followed';
    parts.push(`${who} added ${signed(total)}: ${fromEnd.map((m) => quote(m.text, 120)).join(' ')}`);
  }
  const sentence = parts.join('; ');
  // A closing quotation already ends with its own full stop.
  return /[.!?]”$/.test(sentence) ? sentence : sentence + '.';
}
