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
import type { Band } from '../engine/scoring';
import type { Dimension } from '../engine/model';

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
  /** Bands once the scenario has ended. */
  bands: Record<Dimension, { band: Band | null; percent: number | null; reason: string }> | null;
  /** The prompt of each decision on the path, for the what-if list and the summary. */
  prompts: (string | null)[];
  /** The choice text of each decision on the path. */
  chosenTexts: string[];
  /** The class summary as CSV, once the scenario has ended. */
  summaryCsv: string | null;
  sentAt: number;
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
    bands: result
      ? (Object.fromEntries(
          Object.entries(result.card).map(([d, r]) => [
            d,
            { band: r.band, percent: r.percent, reason: r.reason },
          ]),
        ) as ClassView['bands'])
      : null,
    prompts: snapshot.decisions.map((d) => cs.scenario.nodes[d.node]?.discuss ?? null),
    chosenTexts: snapshot.decisions.map(
      (d) => cs.scenario.nodes[d.node]?.choices?.find((c) => c.id === d.choice)?.text ?? d.choice,
    ),
    summaryCsv: result && !cs.onWhatIf ? toCsv(summaryRows(cs)) : null,
    sentAt: Date.now(),
  };
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
