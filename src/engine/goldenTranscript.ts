/**
 * Golden transcripts, in the spirit of Yarn Spinner's test plans: a plain text record of a
 * playthrough that a test replays against the engine.
 *
 *   scenario: demo-gift
 *   line: arthur [smiling]: You've been ever so good to me this week...
 *   option: 1 decline-kindly
 *   select: decline-kindly
 *   score: empathy +2, boundaries +2, escalation +0
 *   state: ease 70 -> 80
 *   end: ending-good (good)
 *   band: empathy Exemplary 100%
 *
 * `select:` lines drive the play; every other line is what the engine must produce.
 */
import { DIMENSIONS } from './model';
import type { Scenario } from './schema';
import { Session, SessionError } from './Session';

export interface ParsedTranscript {
  scenarioId: string | null;
  /** The expected lines, without comments and blank lines. */
  lines: string[];
  selects: string[];
}

export function parseTranscript(text: string): ParsedTranscript {
  const lines = text
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
  const scenarioLine = lines.find((l) => l.startsWith('scenario: '));
  return {
    scenarioId: scenarioLine ? scenarioLine.slice('scenario: '.length).trim() : null,
    lines,
    selects: lines.filter((l) => l.startsWith('select: ')).map((l) => l.slice('select: '.length).trim()),
  };
}

const signed = (n: number) => (n >= 0 ? `+${n}` : String(n));

/** Play the scenario taking `selects` in order, and write down everything that happens. */
export function playTranscript(scenario: Scenario, selects: readonly string[]): string[] {
  const out: string[] = [`scenario: ${scenario.id}`];
  const session = new Session(scenario, { now: () => 0 });
  const writeLine = () => {
    const line = session.snapshot.line;
    if (!line) return;
    const expression = line.expression ? ` [${line.expression}]` : '';
    out.push(`line: ${line.speaker}${expression}: ${line.text.replace(/\s+/g, ' ').trim()}`);
  };
  session.on('location', (e) => out.push(`location: ${e.location}`));
  session.on('mood', (e) => out.push(`state: ${e.variable} ${e.previous} -> ${e.value}`));
  session.on('line', writeLine);
  session.on('choice', ({ decision }) =>
    out.push(`score: ${DIMENSIONS.map((d) => `${d} ${signed(decision.score[d])}`).join(', ')}`),
  );
  session.on('assessment', ({ assessment }) => {
    const levels = DIMENSIONS.filter((d) => assessment.score[d] !== undefined)
      .map((d) => `${d} ${signed(assessment.score[d]!)}`)
      .join(', ');
    out.push(`assess: ${assessment.node} (${assessment.went})${levels ? ` ${levels}` : ''}`);
  });
  writeLine();

  let next = 0;
  while (!session.ended) {
    while (session.canContinue) session.next();
    for (const choice of session.snapshot.choices) out.push(`option: ${choice.number} ${choice.id}`);
    const id = selects[next++];
    if (id === undefined) {
      out.push('error: the transcript ran out of select lines before an ending');
      return out;
    }
    out.push(`select: ${id}`);
    try {
      session.choose(id);
    } catch (error) {
      if (!(error instanceof SessionError)) throw error;
      out.push(`error: ${error.message}`);
      return out;
    }
  }
  while (session.canContinue) session.next();
  const result = session.result()!;
  out.push(`end: ${result.ending.node} (${result.ending.outcome})`);
  for (const d of DIMENSIONS) {
    const r = result.card[d];
    const cap = r.cap
      ? ` (capped at ${r.cap.band} by a ${r.cap.moment.level <= -3 ? 'serious lapse' : 'lapse'})`
      : '';
    out.push(`band: ${d} ${r.band ?? 'not tested'}${r.percent === null ? '' : ` ${r.percent}%`}${cap}`);
  }
  return out;
}
