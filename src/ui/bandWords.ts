/**
 * Words shared by the debrief, the evidence report and the class summary for a band and for
 * what an ending said about the path, so the three say the same thing the same way.
 */
import { signed } from '../engine/scoring';
import { h } from './dom';

/** A mark and words for each kind of assessment: never colour alone. */
export const WENT = {
  well: { symbol: '✓', words: 'Went well' },
  badly: { symbol: '✗', words: 'Went badly' },
  note: { symbol: '•', words: 'Note' },
} as const;

export type Went = keyof typeof WENT;

export const DIMENSION_NAMES = {
  empathy: 'Empathy',
  boundaries: 'Professional boundaries',
  escalation: 'Escalation',
} as const;

/** A level with its sign, as the scale is written: +3, −2, 0 (the engine's own words). */
export { signed };

export const timesWords = (n: number): string => (n === 2 ? 'twice' : `${n} times`);

/** What a cap means, at a glance; the reason and the explanation say which moment set it. */
export const capWords = (cap: 'Competent' | 'Developing'): string =>
  cap === 'Developing'
    ? 'Capped at Developing by a serious lapse, whatever the average.'
    : 'Capped at Competent by a lapse, whatever the average.';

/** A band's reason without the band it starts with, where the band is already shown beside it. */
export function reasonWords(reason: string, band: string | null): string {
  const prefix = `${band ?? 'Not tested'}: `;
  if (!reason.startsWith(prefix)) return reason;
  const rest = reason.slice(prefix.length);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/**
 * What is said above the strongest path, wherever it is shown: that it is the path taken, or
 * where it was left and that some of its options may never have been on screen (what is offered
 * depends on how the conversation had gone). `who` is "you" in a learner's debrief, "the class"
 * on a class's take-away.
 */
export function strongestPathWords(divergedAt: number | null, who: 'you' | 'the class'): string {
  const subject = who === 'you' ? 'You' : 'The class';
  return divergedAt === null
    ? `${subject} took the strongest option at every decision. This is the path ${who === 'you' ? 'you' : 'it'} followed.`
    : `${who === 'you' ? 'Your path' : 'The class’s path'} left this one at decision ${divergedAt + 1}. This is one strong way through, not the only right answer: other options were good too, and what works depends on the person. From the start, it went like this (some of these moments ${who} never saw, because what comes up depends on earlier choices):`;
}

/** "Escalation −3", "Empathy +2", for each dimension an assessment scored. */
export function scoreWords(score: Partial<Record<keyof typeof DIMENSION_NAMES, number>>): string[] {
  return (Object.keys(DIMENSION_NAMES) as (keyof typeof DIMENSION_NAMES)[])
    .filter((d) => typeof score[d] === 'number')
    .map((d) => `${DIMENSION_NAMES[d]} ${signed(score[d]!)}`);
}

/** The head of one assessment item: its mark and its words, plus anything said after them. */
export function assessmentHead(went: Went, ...after: (Node | string | null)[]): HTMLElement {
  const mark = WENT[went];
  return h(
    'p',
    { class: 'assess-head' },
    h('span', { class: 'assess-mark', 'aria-hidden': 'true' }, mark.symbol),
    h('strong', {}, mark.words),
    ...after,
  );
}

type StoryBand = 'Unsafe' | 'Developing' | 'Competent' | 'Exemplary' | null;
const STORY_LOW = new Set<StoryBand>(['Unsafe', 'Developing']);

/** "empathy and escalation", "boundaries, empathy and escalation" */
function dimensionList(dims: string[]): string {
  const words = dims.map((d) => DIMENSION_NAMES[d as keyof typeof DIMENSION_NAMES].toLowerCase());
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/**
 * One sentence that ties the ending to the bands, so "a good outcome" beside "Unsafe" reads as
 * one story: the ending is what happened to the people in it, the bands are what the learner
 * did, and the two can differ (luck, or someone else stepping in).
 */
export function storyWords(
  outcome: 'good' | 'mixed' | 'poor',
  bands: Record<string, { band: StoryBand }>,
): string {
  const tested = Object.keys(DIMENSION_NAMES).filter((d) => bands[d]?.band);
  if (tested.length === 0) return '';
  const low = tested.filter((d) => STORY_LOW.has(bands[d]!.band));
  const lowWords = low
    .map((d) => `${DIMENSION_NAMES[d as keyof typeof DIMENSION_NAMES].toLowerCase()} ${bands[d]!.band}`)
    .join(', ');
  if (outcome === 'good')
    return low.length === 0
      ? 'It ended well, and your choices are why: every band below is Competent or better.'
      : `It ended well, but the ending is not your score: the bands are about what you did, and ${dimensionList(low)} fell short (${lowWords}). The reasons are below.`;
  if (low.length === 0)
    return `It did not end as well as it could, even though every band is Competent or better: what this ending says about your path shows what was missed.`;
  return `${outcome === 'poor' ? 'It ended badly' : 'It was a mixed ending'}, and the bands say why: ${dimensionList(low)} fell short (${lowWords}). The reasons are below.`;
}
