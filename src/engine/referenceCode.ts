/**
 * The evidence report's reference code: a short text that carries the scenario, its version, the
 * path (the learner's choices) and the bands the report shows, with a check against typing
 * mistakes. CarePlay on an assessor's machine replays the path and shows the same bands and
 * transcript, or says plainly that they differ.
 *
 *   CP1.demo-gift.3.0212.CEN.7K2Q
 *   │   │         │ │    │   └ check: four characters over everything before it
 *   │   │         │ │    └ bands shown: empathy, boundaries, escalation (E, C, D, U; N not tested)
 *   │   │         │ └ each decision's option, by its place among the node's options (0-9, a-z)
 *   │   │         └ scenario version
 *   │   └ scenario id
 *   └ code format 1
 *
 * It proves the report is consistent with a real path through that version of the scenario; it
 * is not a signature (anyone with CarePlay could make a code), so it does not prove who played.
 */
import { DIMENSIONS, type Dimension } from './model';
import type { Scenario } from './schema';
import type { Band } from './scoring';
import { Session } from './Session';

export const CODE_FORMAT = 1;
const BAND_LETTER: Record<Band, string> = { Exemplary: 'E', Competent: 'C', Developing: 'D', Unsafe: 'U' };
const LETTER_BAND = Object.fromEntries(Object.entries(BAND_LETTER).map(([b, l]) => [l, b])) as Record<
  string,
  Band
>;
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

/** FNV-1a over the text, as four base-36 characters. */
function check(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h % 36 ** 4).toString(36).padStart(4, '0').toUpperCase();
}

export function encodeReference(
  scenario: Scenario,
  choices: readonly string[],
  bands: Record<Dimension, Band | null>,
): string {
  const positions = choices.map((id) => {
    for (const node of Object.values(scenario.nodes)) {
      const i = (node.choices ?? []).findIndex((c) => c.id === id);
      if (i >= 0) return DIGITS[i] ?? '?';
    }
    return '?';
  });
  const body = [
    `CP${CODE_FORMAT}`,
    scenario.id,
    String(scenario.version),
    positions.join('') || '-',
    DIMENSIONS.map((d) => (bands[d] ? BAND_LETTER[bands[d]] : 'N')).join(''),
  ].join('.');
  return `${body}.${check(body)}`;
}

export interface DecodedReference {
  format: number;
  scenarioId: string;
  version: number;
  /** Option positions, one per decision. */
  positions: number[];
  bands: Record<Dimension, Band | null>;
}

export type Decoded = { ok: true; code: DecodedReference } | { ok: false; why: string };

/** Read a code as typed (spaces, case and a trailing full stop forgiven), or say why not. */
export function decodeReference(typed: string): Decoded {
  const text = typed.trim().replace(/\s+/g, '').replace(/\.$/, '');
  const parts = text.split('.');
  const format = /^CP(\d+)$/i.exec(parts[0] ?? '');
  if (!format || parts.length !== 6)
    return {
      ok: false,
      why: 'This is not a CarePlay reference code. A code looks like CP1.demo-gift.3.0212.CEN.7K2Q: copy it from the report exactly.',
    };
  if (Number(format[1]) > CODE_FORMAT)
    return {
      ok: false,
      why: 'This code was made by a newer version of CarePlay. Open the newest CarePlay to check it.',
    };
  const [, scenarioId, version, path, bandLetters, sum] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const body = [
    `CP${format[1]}`,
    scenarioId.toLowerCase(),
    version,
    path.toLowerCase(),
    bandLetters.toUpperCase(),
  ].join('.');
  if (check(body) !== sum.toUpperCase())
    return {
      ok: false,
      why: 'This code has a mistake in it (its last four characters do not match the rest). Check each character against the report.',
    };
  if (
    !/^\d+$/.test(version) ||
    !/^([0-9a-z]+|-)$/.test(path.toLowerCase()) ||
    !/^[ECDUN]{3}$/.test(bandLetters.toUpperCase())
  )
    return { ok: false, why: 'This code is damaged: its parts are not what a CarePlay code holds.' };
  const letters = bandLetters.toUpperCase();
  return {
    ok: true,
    code: {
      format: Number(format[1]),
      scenarioId: scenarioId.toLowerCase(),
      version: Number(version),
      positions: path === '-' ? [] : [...path.toLowerCase()].map((c) => DIGITS.indexOf(c)),
      bands: Object.fromEntries(DIMENSIONS.map((d, i) => [d, LETTER_BAND[letters[i]!] ?? null])) as Record<
        Dimension,
        Band | null
      >,
    },
  };
}

export type Replayed = { ok: true; session: Session; choices: string[] } | { ok: false; why: string };

/** Play the code's path through this scenario, as the learner did. */
export function replayReference(scenario: Scenario, code: DecodedReference): Replayed {
  const session = new Session(scenario);
  const choices: string[] = [];
  try {
    for (const [n, position] of code.positions.entries()) {
      for (let guard = 0; session.snapshot.phase === 'line' && guard < 10_000; guard++) session.next();
      if (session.snapshot.phase !== 'choosing')
        return {
          ok: false,
          why: `The path ends after ${n} decisions in this version, but the code has ${code.positions.length}.`,
        };
      const node = scenario.nodes[session.snapshot.node];
      const choice = node?.choices?.[position];
      if (!choice || !session.snapshot.choices.some((c) => c.id === choice.id))
        return {
          ok: false,
          why: `Decision ${n + 1} in the code is not an option this version offers there.`,
        };
      session.choose(choice.id);
      choices.push(choice.id);
    }
    for (let guard = 0; !session.ended && guard < 10_000; guard++) {
      if (session.snapshot.phase === 'choosing')
        return { ok: false, why: 'The code’s path stops before the scenario ends: a decision is missing.' };
      session.next();
    }
  } catch (error) {
    return {
      ok: false,
      why: `The path cannot be replayed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  return session.ended
    ? { ok: true, session, choices }
    : { ok: false, why: 'The path does not reach an ending.' };
}
