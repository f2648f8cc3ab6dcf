/**
 * What the audience window tells the presenter window, and what the presenter can ask for.
 * Same-origin messages only (BroadcastChannel): no server, nothing leaves the device.
 */
import {
  summaryRows,
  toCsv,
  type ClassSession,
  type ClassState,
  type DecisionTime,
  type DividedDecision,
  type Majority,
} from '../engine/ClassSession';
import { plainText } from '../engine/markup';
import type { SessionSnapshot, RevealedOption } from '../engine/Session';
import type { Band, ScoreCard } from '../engine/scoring';
import { DIMENSIONS, type Dimension } from '../engine/model';
import type { TrainerAction } from '../ui/keymap';

export const CHANNEL = 'careplay-class';

/** Everything the trainer's panel shows: plain data, so it can cross to another window. */
export interface ClassView {
  scenarioId: string;
  title: string;
  /** The scenario's notes for the trainer: never on the class's screen while it can be seen. */
  trainerNotes: string;
  prompt: string | null;
  snapshot: SessionSnapshot;
  options: RevealedOption[];
  classState: ClassState;
  majority: Majority;
  onWhatIf: boolean;
  /** The what-if on show: the decision (from 0) it branched at; null on the class's own path. */
  whatIf: { fromDecision: number } | null;
  /** The class's screen shows the summary (the debrief), not the conversation's ending. */
  onSummary: boolean;
  mostDivided: DividedDecision[];
  /** Bands once the scenario has ended, each with its reason and its sentence of arithmetic. */
  bands: Record<Dimension, ClassBand> | null;
  /** The prompt of each decision on the path, for the what-if list and the summary. */
  prompts: (string | null)[];
  /** The choice text of each decision on the path. */
  chosenTexts: string[];
  /** The class summary as CSV, once the scenario has ended. */
  summaryCsv: string | null;
  /** The time spent at each decision on the class's path, and the discussion timer's count. */
  times: DecisionTime[];
  /** What learners take away (outcomes, key points, support), once the summary has it. */
  takeaway?: Takeaway | null;
  sentAt: number;
}

/** The learners' take-away page: scenario content only, with the guidance cited by title. */
export interface Takeaway {
  title: string;
  outcomes: { standard: string; text: string; source: string | null }[];
  ending: { title: string; outcome: 'good' | 'mixed' | 'poor'; whatNext: string };
  /** What the ending said about the class's path. */
  endingPoints: { went: 'well' | 'badly' | 'note'; why: string; sources: string[] }[];
  /** The strongest path, step by step. */
  strongest: { prompt: string | null; said: string; why: string; sources: string[] }[];
  signposting: { name: string; detail: string }[];
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
  /** A clicker's forward key: the class's screen goes on one step (a line, then the next). */
  | { type: 'forward' }
  /** Blank the class's screen (while the trainer looks at notes), or bring it back. */
  | { type: 'blank'; shown: boolean }
  | { type: 'whatIf'; fromDecision: number }
  | { type: 'returnToClass' }
  /** Start or stop the discussion timer at the current decision. */
  | { type: 'timer'; running: boolean }
  /** The class's reasons at a decision on its path. */
  | { type: 'reasons'; decision: number; text: string }
  /** The group's and the trainer's names, for the handout. */
  | { type: 'details'; group: string; trainer: string };

export type Message =
  { kind: 'view'; view: ClassView } | { kind: 'command'; command: Command } | { kind: 'closed' };

export function buildClassView(cs: ClassSession, title: string): ClassView {
  const snapshot = cs.session.snapshot;
  const result = cs.session.result();
  const node = cs.scenario.nodes[snapshot.node];
  return {
    scenarioId: cs.scenario.id,
    title,
    trainerNotes: cs.scenario.prebrief,
    prompt: node?.discuss ? plainText(node.discuss) : null,
    snapshot,
    options: snapshot.phase === 'ended' ? [] : cs.session.reveal(),
    classState: cs.snapshot,
    majority: cs.majority(),
    onWhatIf: cs.onWhatIf,
    whatIf: cs.whatIf,
    onSummary: false,
    mostDivided: cs.mostDivided(),
    bands: result ? bandsOf(result.card) : null,
    // Plain text (no glossary markup): these go into the summary, the handout and the exports.
    prompts: snapshot.decisions.map((d) => {
      const discuss = cs.scenario.nodes[d.node]?.discuss;
      return discuss ? plainText(discuss) : null;
    }),
    chosenTexts: snapshot.decisions.map((d) =>
      plainText(cs.scenario.nodes[d.node]?.choices?.find((c) => c.id === d.choice)?.text ?? d.choice),
    ),
    summaryCsv: result && !cs.onWhatIf ? toCsv(withBands(summaryRows(cs), bandsOf(result.card))) : null,
    times: cs.times(),
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
        if (!cs.undo()) return 'There is nothing to undo.';
        break;
      case 'blank':
        cs.blank(command.shown);
        break;
      case 'forward':
        return null; // the class's screen does this itself
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
      case 'timer':
        cs.toggleTimer(command.running);
        break;
      case 'reasons':
        cs.setReasons(command.text, command.decision);
        break;
      case 'details':
        cs.setDetails({ group: command.group, trainer: command.trainer });
        break;
    }
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * The command a trainer's key stands for, read from the one key table, given what the trainer
 * sees: the same in the class's window and the presenter window. Null when the key does nothing
 * here (a digit with no option under it) or acts on one window only (the panel, what-if's list).
 */
export function commandFor(action: TrainerAction, n: number | undefined, view: ClassView): Command | null {
  const state = view.classState;
  switch (action) {
    case 'vote': {
      const option = view.snapshot.choices.find((c) => c.number === n);
      return option && !view.onWhatIf ? { type: 'vote', choice: option.id, by: 1 } : null;
    }
    case 'forward':
      return { type: 'forward' };
    case 'undo':
      return { type: 'undo' };
    case 'revealVotes':
      return { type: 'revealVotes', shown: !state.votesRevealed };
    case 'revealOptions':
      return { type: 'revealOptions', shown: !state.optionsRevealed };
    case 'goWithClass':
      return { type: 'goWithClass' };
    case 'returnToClass':
      return view.onWhatIf ? { type: 'returnToClass' } : null;
    case 'showScores':
      return { type: 'showScores', shown: !state.scoresShown };
    case 'blank':
      return { type: 'blank', shown: !state.blanked };
    case 'timer': {
      if (view.onWhatIf || view.snapshot.phase === 'ended') return null;
      const decision = view.snapshot.decisions.length;
      return { type: 'timer', running: !view.times.find((t) => t.decision === decision)?.running };
    }
    case 'panel':
    case 'whatIf':
    case 'presenterWindow':
      return null;
  }
}
