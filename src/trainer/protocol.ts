/**
 * What the audience window tells the presenter window, and what the presenter can ask for.
 * Same-origin messages only (BroadcastChannel): no server, nothing leaves the device.
 */
import {
  summaryRows,
  toCsv,
  type ClassSession,
  type ClassState,
  type DividedDecision,
  type Majority,
} from '../engine/ClassSession';
import type { SessionSnapshot, RevealedOption } from '../engine/Session';
import type { Band, ScoreCard } from '../engine/scoring';
import { DIMENSIONS, type Dimension } from '../engine/model';

export const CHANNEL = 'careplay-class';

/** Everything the trainer's panel shows: plain data, so it can cross to another window. */
export interface ClassView {
  scenarioId: string;
  title: string;
  prompt: string | null;
  snapshot: SessionSnapshot;
  options: RevealedOption[];
  classState: ClassState;
  majority: Majority;
  onWhatIf: boolean;
  mostDivided: DividedDecision[];
  /** Bands once the scenario has ended, each with its reason and its sentence of arithmetic. */
  bands: Record<Dimension, ClassBand> | null;
  /** The prompt of each decision on the path, for the what-if list and the summary. */
  prompts: (string | null)[];
  /** The choice text of each decision on the path. */
  chosenTexts: string[];
  /** The class summary as CSV, once the scenario has ended. */
  summaryCsv: string | null;
  sentAt: number;
}

export interface ClassBand {
  band: Band | null;
  percent: number | null;
  reason: string;
  /** One plain sentence: what counted, what capped it, what the ending added. */
  explanation: string;
  /** The band a lapse held it to, or null. */
  cap: 'Competent' | 'Developing' | null;
}

export type Command =
  | { type: 'hello' }
  | { type: 'vote'; choice: string; by: number }
  | { type: 'setVotes'; choice: string; count: number }
  | { type: 'undo' }
  | { type: 'revealVotes'; shown: boolean }
  | { type: 'revealOptions'; shown: boolean }
  | { type: 'showScores'; shown: boolean }
  | { type: 'goWithClass' }
  | { type: 'pick'; choice: string }
  | { type: 'next' }
  | { type: 'whatIf'; fromDecision: number }
  | { type: 'returnToClass' };

export type Message =
  { kind: 'view'; view: ClassView } | { kind: 'command'; command: Command } | { kind: 'closed' };

export function buildClassView(cs: ClassSession, title: string): ClassView {
  const snapshot = cs.session.snapshot;
  const result = cs.session.result();
  const node = cs.scenario.nodes[snapshot.node];
  return {
    scenarioId: cs.scenario.id,
    title,
    prompt: node?.discuss ?? null,
    snapshot,
    options: snapshot.phase === 'ended' ? [] : cs.session.reveal(),
    classState: cs.snapshot,
    majority: cs.majority(),
    onWhatIf: cs.onWhatIf,
    mostDivided: cs.mostDivided(),
    bands: result ? bandsOf(result.card) : null,
    prompts: snapshot.decisions.map((d) => cs.scenario.nodes[d.node]?.discuss ?? null),
    chosenTexts: snapshot.decisions.map(
      (d) => cs.scenario.nodes[d.node]?.choices?.find((c) => c.id === d.choice)?.text ?? d.choice,
    ),
    summaryCsv: result && !cs.onWhatIf ? toCsv(withBands(summaryRows(cs), bandsOf(result.card))) : null,
    sentAt: Date.now(),
  };
}

function bandsOf(card: ScoreCard): Record<Dimension, ClassBand> {
  return Object.fromEntries(
    DIMENSIONS.map((d) => {
      const r = card[d];
      return [
        d,
        {
          band: r.band,
          percent: r.percent,
          reason: r.reason,
          explanation: r.explanation,
          cap: r.cap?.band ?? null,
        },
      ];
    }),
  ) as Record<Dimension, ClassBand>;
}

/**
 * The class's bands as columns of the CSV (band, percentage and the sentence of arithmetic per
 * dimension), repeated on every row so each row can be filtered and still say where it led.
 */
export function withBands(rows: string[][], bands: Record<Dimension, ClassBand>): string[][] {
  const [header, ...body] = rows;
  const cells = DIMENSIONS.flatMap((d) => [
    bands[d].band ?? 'not tested',
    bands[d].percent === null ? '' : String(bands[d].percent),
    bands[d].explanation,
  ]);
  return [
    [...(header ?? []), ...DIMENSIONS.flatMap((d) => [`${d} band`, `${d} percent`, `${d} explanation`])],
    ...body.map((r) => [...r, ...cells]),
  ];
}

/** Carry out a command on the audience's ClassSession. Returns an error message or null. */
export function applyCommand(cs: ClassSession, command: Command): string | null {
  try {
    switch (command.type) {
      case 'hello':
        return null;
      case 'vote':
        cs.addVote(command.choice, command.by);
        break;
      case 'setVotes':
        cs.setVotes(command.choice, command.count);
        break;
      case 'undo':
        cs.undoVote();
        break;
      case 'revealVotes':
        cs.revealVotes(command.shown);
        break;
      case 'revealOptions':
        cs.revealOptions(command.shown);
        break;
      case 'showScores':
        cs.showScores(command.shown);
        break;
      case 'goWithClass':
        cs.goWithClass();
        break;
      case 'pick':
        cs.pick(command.choice);
        break;
      case 'next':
        while (cs.session.canContinue) cs.session.next();
        break;
      case 'whatIf':
        cs.startWhatIf(command.fromDecision);
        break;
      case 'returnToClass':
        cs.returnToClass();
        break;
    }
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
