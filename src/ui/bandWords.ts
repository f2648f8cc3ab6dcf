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
