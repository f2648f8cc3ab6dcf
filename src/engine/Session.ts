/**
 * The Session: the one object every view talks to, as small as ink's story API.
 *
 *   while (session.canContinue) session.next();   // step through a node's lines
 *   render(session.snapshot.choices);              // then the choices on offer
 *   session.choose(id);                            // and on to the next node
 *
 * Views read `snapshot` (plain data, safe to send to another window) and listen to typed events;
 * they never reach into the XState machine. The machine emits its side effects (a location
 * change, a cue); the Session listens with `actor.on()` and turns them into those events.
 */
import { createActor, type Actor } from 'xstate';
import { choseMark, holds, moodOf } from './conditions';
import { compileMachine, emptyScores, type AssessedRecord, type ScenarioMachine } from './compileMachine';
import { NARRATOR, type Dimension, type LineMedium } from './model';
import { destinationsOf, isEnding, scoreRecord, unsafeOf, weightOf } from './rules';
import { scoreDecisions, type ScoreCard, type ScoredItem } from './scoring';
import type { Choice, Ending, Line, Scenario } from './schema';

export const SAVE_VERSION = 1;
/** The oldest save format this code can still read. */
export const OLDEST_READABLE_SAVE = 1;

export interface SaveEnvelope {
  saveVersion: number;
  /** The oldest CarePlay save format that can read this save. */
  minCompatibleVersion: number;
  scenarioId: string;
  scenarioVersion: number;
  /** Choice ids from the start, in order: restoring replays them. */
  choices: string[];
  /** Which line of the current node was showing. */
  lineIndex: number;
}

export interface LineView {
  /** Position among the node's visible lines. */
  index: number;
  speaker: string;
  /** The cast member's name, or '' for the narrator. */
  speakerName: string;
  text: string;
  /** The speaker's expression during this line, if the speaker is a cast member. */
  expression: string | null;
  /** How the words reach the learner: said in the room, or a phone call, a text message, a record... */
  medium: LineMedium;
}

export interface OfferedChoice {
  id: string;
  text: string;
  /** 1-based, for number keys and for a class's votes. */
  number: number;
}

export interface RevealedOption {
  id: string;
  text: string;
  /** False when the option's guard does not pass here: not offered in play. */
  available: boolean;
  score: Record<Dimension, number>;
  total: number;
  /** The dimensions this option is marked unsafe on (empty for most). */
  unsafe: Dimension[];
  feedback: { why: string; sources: string[] };
  /** The node(s) it leads to: more than one when where it leads depends on how things stand. */
  next: string[];
}

/** What a node said about the path on arrival: a consequence, an omission, or credit. */
export interface AssessmentView {
  node: string;
  /** The assessment's own id, when the scenario gives it one (an outcome's shownAt can name it). */
  id?: string;
  /** True when the node is an ending. */
  ending: boolean;
  /** How many decisions had been made on arrival. */
  afterDecisions: number;
  went: 'well' | 'badly' | 'note';
  /** The levels it gives, for the dimensions it scores. */
  score: Partial<Record<Dimension, number>>;
  unsafe: Dimension[];
  weight: number;
  why: string;
  sources: string[];
}

export interface DecisionRecord {
  /** Position on the path, from 0. */
  index: number;
  node: string;
  choice: string;
  /** Ids of the options that were offered. */
  offered: string[];
  score: Record<Dimension, number>;
  varsBefore: Record<string, number>;
  varsAfter: Record<string, number>;
  at: number;
}

export type Phase = 'line' | 'choosing' | 'ended';

export interface SessionSnapshot {
  scenarioId: string;
  scenarioVersion: number;
  node: string;
  location: string;
  present: string[];
  phase: Phase;
  line: LineView | null;
  lineIndex: number;
  lineCount: number;
  /** The options on offer; empty unless phase is 'choosing'. */
  choices: OfferedChoice[];
  /** Each present character's expression right now. */
  expressions: Record<string, string>;
  vars: Record<string, number>;
  scores: Record<Dimension, number>;
  decisions: DecisionRecord[];
  ending: (Ending & { node: string }) | null;
  rewinds: number;
}

export type TranscriptEntry = { at: number } & (
  | { kind: 'line'; node: string; speaker: string; text: string; expression: string | null }
  | { kind: 'choice'; node: string; decision: number; choice: string; text: string; offered: string[] }
  | { kind: 'score'; choice: string; delta: Record<Dimension, number>; total: Record<Dimension, number> }
  | { kind: 'state'; variable: string; from: number; to: number }
  | { kind: 'location'; from: string; to: string }
  | { kind: 'rewind'; toDecision: number }
  | { kind: 'restore'; choices: number }
  | { kind: 'ending'; node: string; outcome: string }
);

export interface SessionResult {
  ending: Ending & { node: string };
  scores: Record<Dimension, number>;
  card: ScoreCard;
  decisions: DecisionRecord[];
  /** What the nodes along the path said about it, in order: consequences, omissions, credit. */
  assessments: AssessmentView[];
  rewinds: number;
}

/** Every event a Session emits, and what it carries: the one event map views depend on. */
export interface SessionEvents {
  /** Anything in the snapshot changed: re-render. */
  change: { snapshot: SessionSnapshot };
  line: { node: string; line: LineView };
  choices: { node: string; choices: OfferedChoice[] };
  expression: { character: string; name: string; expression: string; previous: string | null; says: string };
  location: { location: string; previous: string | null };
  mood: { variable: string; label: string; character: string | null; value: number; previous: number };
  choice: { decision: DecisionRecord; text: string };
  cue: { cue: string };
  /** Arriving at a node made an assessment of the path (a consequence, an omission, credit). */
  assessment: { assessment: AssessmentView };
  ending: { node: string; ending: Ending; result: SessionResult };
  rewind: { toDecision: number };
}

export type SessionListener<K extends keyof SessionEvents> = (payload: SessionEvents[K]) => void;

export interface SessionOptions {
  /** Clock for the transcript; injectable for tests. */
  now?: () => number;
  /** What a screen reader says for each expression ("is tearful"), from expressions.yaml. */
  expressionWords?: Readonly<Record<string, string>>;
}

export class SessionError extends Error {
  override name = 'SessionError';
}

export type RestoreResult = { ok: true; session: Session; notes: string[] } | { ok: false; reason: string };

export class Session {
  readonly scenario: Scenario;
  private readonly machine: ScenarioMachine;
  private readonly now: () => number;
  private readonly words: Readonly<Record<string, string>>;
  private actor!: Actor<ScenarioMachine>;
  private listeners = new Map<keyof SessionEvents, Set<(payload: never) => void>>();
  private muted = 0;
  private lineIndexValue = 0;
  private lines: Line[] = [];
  private decisionsValue: DecisionRecord[] = [];
  private expressionsValue: Record<string, string> = {};
  /** Expressions set by a line's "expression:", kept until that person speaks again in this node. */
  private lineOverrides: Record<string, string> = {};
  private lastVars: Record<string, number> = {};
  private rewindCount = 0;
  /** How many of the machine's assessments have been announced. */
  private announcedAssessments = 0;
  private readonly transcriptValue: TranscriptEntry[] = [];
  private readonly choiceById = new Map<string, Choice>();

  constructor(scenario: Scenario, options: SessionOptions = {}) {
    this.scenario = scenario;
    this.now = options.now ?? (() => Date.now());
    this.words = options.expressionWords ?? {};
    for (const node of Object.values(scenario.nodes)) {
      for (const choice of node.choices ?? []) this.choiceById.set(choice.id, choice);
    }
    this.machine = compileMachine(scenario);
    this.startActor([]);
    this.announcedAssessments = 0;
    this.emitArrival();
  }

  /* ---------- reading ---------- */

  get snapshot(): SessionSnapshot {
    const nodeId = this.nodeId;
    const node = this.nodeOf(nodeId);
    const ended = this.ended;
    const atLast = this.lineIndexValue >= this.lines.length - 1;
    const phase: Phase = !atLast ? 'line' : ended ? 'ended' : 'choosing';
    const context = this.actor.getSnapshot().context;
    return {
      scenarioId: this.scenario.id,
      scenarioVersion: this.scenario.version,
      node: nodeId,
      location: node.location,
      present: [...node.present],
      phase,
      line: this.currentLine(),
      lineIndex: this.lineIndexValue,
      lineCount: this.lines.length,
      choices: phase === 'choosing' ? this.offered() : [],
      expressions: { ...this.expressionsValue },
      vars: { ...context.vars },
      scores: { ...context.scores },
      decisions: this.decisionsValue.map((d) => ({ ...d })),
      ending: node.ending ? { ...node.ending, node: nodeId } : null,
      rewinds: this.rewindCount,
    };
  }

  /** True while the current node has more lines to show. */
  get canContinue(): boolean {
    return this.lineIndexValue < this.lines.length - 1;
  }

  /** The machine has reached a final state: an ending. */
  get ended(): boolean {
    return this.actor.getSnapshot().status === 'done';
  }

  get transcript(): readonly TranscriptEntry[] {
    return this.transcriptValue;
  }

  /** Choice ids from the start to here. */
  get path(): string[] {
    return [...this.actor.getSnapshot().context.choices];
  }

  /** Every option at the current decision, offered or not, with feedback and score effect. */
  reveal(): RevealedOption[] {
    const ctx = this.conditionContext();
    return (this.nodeOf(this.nodeId).choices ?? []).map((c): RevealedOption => {
      const score = scoreRecord(c);
      return {
        id: c.id,
        text: c.text,
        available: holds(c.if, ctx),
        score,
        total: score.empathy + score.boundaries + score.escalation,
        unsafe: unsafeOf(c),
        feedback: { why: c.feedback.why, sources: [...c.feedback.sources] },
        next: destinationsOf(c),
      };
    });
  }

  result(): SessionResult | null {
    const node = this.nodeOf(this.nodeId);
    if (!this.ended || !node.ending) return null;
    const decisions = this.decisionsValue;
    const context = this.actor.getSnapshot().context;
    const assessed = context.assessed.map((a) => ({
      ...a,
      assessment: this.nodeOf(a.node).assess![a.item]!,
      ending: isEnding(this.nodeOf(a.node)),
    }));
    // Decisions and assessments in the order they happened: an assessment made on arrival
    // after k decisions comes before decision k.
    const items: ScoredItem[] = [];
    for (let k = 0; k <= decisions.length; k++) {
      for (const a of assessed.filter((x) => x.afterDecisions === k)) {
        items.push({
          kind: 'assessment',
          node: a.node,
          afterDecisions: k,
          assessment: a.assessment,
          ending: a.ending,
        });
      }
      const d = decisions[k];
      if (!d) continue;
      items.push({
        kind: 'decision',
        index: d.index,
        node: d.node,
        chosen: this.choiceById.get(d.choice)!,
        available: d.offered.map((id) => this.choiceById.get(id)!),
        weight: weightOf(this.nodeOf(d.node)),
      });
    }
    return {
      ending: { ...node.ending, node: this.nodeId },
      scores: { ...context.scores },
      card: scoreDecisions(items),
      decisions: decisions.map((d) => ({ ...d })),
      assessments: context.assessed.map((a) => this.assessmentView(a)),
      rewinds: this.rewindCount,
    };
  }

  private assessmentView(a: AssessedRecord): AssessmentView {
    const node = this.nodeOf(a.node);
    const assessment = node.assess![a.item]!;
    const score = { ...(assessment.score ?? {}) };
    const total = Object.values(score).reduce((s, v) => s + (v ?? 0), 0);
    return {
      node: a.node,
      ...(assessment.id !== undefined ? { id: assessment.id } : {}),
      ending: isEnding(node),
      afterDecisions: a.afterDecisions,
      went: assessment.went ?? (total > 0 ? 'well' : total < 0 ? 'badly' : 'note'),
      score,
      unsafe: unsafeOf(assessment),
      weight: weightOf(assessment),
      why: assessment.feedback.why,
      sources: [...assessment.feedback.sources],
    };
  }

  on<K extends keyof SessionEvents>(type: K, listener: SessionListener<K>): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener as (payload: never) => void);
    return () => set!.delete(listener as (payload: never) => void);
  }

  /* ---------- acting ---------- */

  /** Show the next line of the current node. Returns false when there is none. */
  next(): boolean {
    if (!this.canContinue) return false;
    this.lineIndexValue++;
    this.emitLine();
    this.afterLines();
    this.emit('change', { snapshot: this.snapshot });
    return true;
  }

  /** Take an offered choice. Throws SessionError for a choice that is not on offer here. */
  choose(choiceId: string): DecisionRecord {
    const nodeId = this.nodeId;
    const node = this.nodeOf(nodeId);
    if (this.ended) throw new SessionError('the scenario has ended; there is nothing to choose');
    const offered = this.offered();
    // The machine is the authority on whether this choice can be taken here.
    if (!this.actor.getSnapshot().can({ type: 'CHOOSE', choiceId })) {
      const exists = (node.choices ?? []).some((c) => c.id === choiceId);
      throw new SessionError(
        exists
          ? `the choice '${choiceId}' is not on offer at this point`
          : `there is no choice '${choiceId}' at node '${nodeId}'`,
      );
    }
    const choice = this.choiceById.get(choiceId)!;
    const before = this.actor.getSnapshot().context;
    const decision: DecisionRecord = {
      index: this.decisionsValue.length,
      node: nodeId,
      choice: choiceId,
      offered: offered.map((c) => c.id),
      score: scoreRecord(choice),
      varsBefore: { ...before.vars },
      varsAfter: { ...before.vars },
      at: this.now(),
    };
    this.record({
      kind: 'choice',
      node: nodeId,
      decision: decision.index,
      choice: choiceId,
      text: choice.text,
      offered: decision.offered,
    });
    this.emit('choice', { decision, text: choice.text });
    this.actor.send({ type: 'CHOOSE', choiceId });
    const after = this.actor.getSnapshot().context;
    decision.varsAfter = { ...after.vars };
    this.decisionsValue.push(decision);
    this.record({ kind: 'score', choice: choiceId, delta: decision.score, total: { ...after.scores } });
    this.emitArrival();
    return decision;
  }

  /** A learner's rewind: go back to an earlier decision on this path and choose again. */
  rewind(toDecision: number): void {
    this.checkDecision(toDecision);
    this.rewindCount++;
    this.record({ kind: 'rewind', toDecision });
    this.replay(this.path.slice(0, toDecision), this.decisionsValue.slice(0, toDecision));
    this.emit('rewind', { toDecision });
    this.emitArrival(false);
  }

  save(): SaveEnvelope {
    return {
      saveVersion: SAVE_VERSION,
      minCompatibleVersion: OLDEST_READABLE_SAVE,
      scenarioId: this.scenario.id,
      scenarioVersion: this.scenario.version,
      choices: this.path,
      lineIndex: this.lineIndexValue,
    };
  }

  /**
   * Rebuild a session from a save by replaying its choices, so a typo fixed in a scenario does
   * not break saves. A foreign, newer, damaged or no-longer-replayable save is refused with a
   * reason a learner can read.
   */
  static restore(scenario: Scenario, data: unknown, options: SessionOptions = {}): RestoreResult {
    const problem = checkEnvelope(data, scenario);
    if (problem) return { ok: false, reason: problem };
    const save = data as SaveEnvelope;
    const session = new Session(scenario, options);
    // The transcript of a restored session starts at the restore, not at a replayed first line.
    session.transcriptValue.length = 0;
    const notes: string[] = [];
    session.muted++;
    try {
      for (const [i, id] of save.choices.entries()) {
        if (session.ended || !session.offered().some((c) => c.id === id)) {
          return {
            ok: false,
            reason:
              `This saved progress no longer fits "${scenario.title}": the scenario has changed since it was saved ` +
              `(decision ${i + 1} is no longer the same). Please start the scenario again.`,
          };
        }
        session.choose(id);
      }
    } finally {
      session.muted--;
    }
    const lastLine = Math.max(0, session.lines.length - 1);
    session.lineIndexValue = Math.min(save.lineIndex, lastLine);
    if (save.lineIndex > lastLine)
      notes.push('The scenario text has changed, so you are back at the last line before the choice.');
    if (save.scenarioVersion !== scenario.version) {
      notes.push(
        `"${scenario.title}" has been updated since this was saved (version ${save.scenarioVersion} to ${scenario.version}); your progress still fits it.`,
      );
    }
    session.record({ kind: 'restore', choices: save.choices.length });
    session.emitArrival(false);
    return { ok: true, session, notes };
  }

  /* ---------- internals ---------- */

  private get nodeId(): string {
    return this.actor.getSnapshot().value as string;
  }

  private nodeOf(id: string) {
    const node = this.scenario.nodes[id];
    if (!node) throw new SessionError(`the scenario has no node '${id}'`);
    return node;
  }

  private conditionContext() {
    const context = this.actor.getSnapshot().context;
    return { vars: context.vars, flags: new Set(context.flags) };
  }

  /** What the machine would take here, in file order: its guards are the one authority. */
  private offered(): OfferedChoice[] {
    const snapshot = this.actor.getSnapshot();
    return (this.nodeOf(this.nodeId).choices ?? [])
      .filter((c) => snapshot.can({ type: 'CHOOSE', choiceId: c.id }))
      .map((c, i) => ({ id: c.id, text: c.text, number: i + 1 }));
  }

  private currentLine(): LineView | null {
    const line = this.lines[this.lineIndexValue];
    if (!line) return null;
    const member = this.scenario.cast[line.speaker];
    return {
      index: this.lineIndexValue,
      speaker: line.speaker,
      speakerName: line.speaker === NARRATOR ? '' : (member?.name ?? line.speaker),
      text: line.text,
      expression: member ? (this.expressionsValue[line.speaker] ?? line.expression ?? null) : null,
      medium: line.as ?? 'speech',
    };
  }

  private checkDecision(index: number) {
    if (!Number.isInteger(index) || index < 0 || index >= this.decisionsValue.length) {
      throw new SessionError(`there is no decision ${index + 1} on this path to go back to`);
    }
  }

  private startActor(choices: readonly string[]) {
    this.actor?.stop();
    this.muted++;
    try {
      this.actor = createActor(this.machine);
      // Lines, moods and expressions are settled once a transition is complete (emitArrival).
      this.actor.on('location', (e) => {
        this.record({ kind: 'location', from: e.from, to: e.to });
        this.emit('location', { location: e.to, previous: e.from });
      });
      this.actor.on('cue', (e) => this.emit('cue', { cue: e.cue }));
      this.expressionsValue = {};
      this.actor.start();
      for (const id of choices) this.actor.send({ type: 'CHOOSE', choiceId: id });
    } finally {
      this.muted--;
    }
    this.lastVars = { ...this.actor.getSnapshot().context.vars };
    this.announcedAssessments = this.actor.getSnapshot().context.assessed.length;
  }

  /** Rebuild the path from choices, keeping the existing decision records (and their times). */
  private replay(choices: readonly string[], decisions: DecisionRecord[]) {
    this.startActor(choices);
    this.decisionsValue = decisions;
    this.enterLines();
    this.lineIndexValue = Math.max(0, this.lines.length - 1);
  }

  /** Report each state variable that changed since the last arrival. */
  private emitMoodChanges() {
    const vars = this.actor.getSnapshot().context.vars;
    for (const [name, value] of Object.entries(vars)) {
      const previous = this.lastVars[name];
      if (previous === undefined || previous === value) continue;
      const spec = this.scenario.state?.[name];
      this.record({ kind: 'state', variable: name, from: previous, to: value });
      this.emit('mood', {
        variable: name,
        label: spec?.label ?? name,
        character: spec?.character ?? null,
        value,
        previous,
      });
    }
    this.lastVars = { ...vars };
  }

  /**
   * Recompute each present character's expression. A line's own "expression:" overrides the
   * mood for its speaker, and holds until that person speaks again in this node: a face does
   * not change because the narrator said something.
   */
  private updateExpressions(line: Line | null) {
    if (!this.actor) return;
    const ctx = this.conditionContext();
    const node = this.nodeOf(this.nodeId);
    if (line) this.noteOverride(line);
    const next: Record<string, string> = {};
    for (const who of node.present) {
      const member = this.scenario.cast[who];
      if (!member) continue;
      next[who] = this.lineOverrides[who] ?? moodOf(member, ctx);
    }
    for (const [who, expression] of Object.entries(next)) {
      const previous = this.expressionsValue[who] ?? null;
      if (previous === expression) continue;
      const name = this.scenario.cast[who]!.name;
      this.emit('expression', {
        character: who,
        name,
        expression,
        previous,
        says: `${name} ${this.words[expression] ?? `looks ${expression}`}`,
      });
    }
    this.expressionsValue = next;
  }

  private noteOverride(line: Line) {
    if (!this.scenario.cast[line.speaker]) return;
    if (line.expression) this.lineOverrides[line.speaker] = line.expression;
    else delete this.lineOverrides[line.speaker];
  }

  private enterLines() {
    const ctx = this.conditionContext();
    this.lines = (this.nodeOf(this.nodeId).lines ?? []).filter((l) => holds(l.if, ctx));
    this.lineIndexValue = 0;
    this.lineOverrides = {};
    this.updateExpressions(this.lines[0] ?? null);
  }

  /** After arriving at a node (start, choice, rewind, restore): first line, then what follows. */
  private emitArrival(fresh = true) {
    this.emitMoodChanges();
    const assessed = this.actor.getSnapshot().context.assessed;
    for (const a of assessed.slice(this.announcedAssessments)) {
      this.emit('assessment', { assessment: this.assessmentView(a) });
    }
    this.announcedAssessments = assessed.length;
    if (fresh) this.enterLines();
    else {
      // Arriving part-way through a node (restore, rewind): faces as they were at this line.
      this.lineOverrides = {};
      for (const line of this.lines.slice(0, this.lineIndexValue)) this.noteOverride(line);
      this.updateExpressions(this.lines[this.lineIndexValue] ?? null);
    }
    this.emitLine();
    this.afterLines();
    this.emit('change', { snapshot: this.snapshot });
  }

  private emitLine() {
    const raw = this.lines[this.lineIndexValue];
    if (!raw) return;
    this.updateExpressions(raw);
    const line = this.currentLine()!;
    this.record({
      kind: 'line',
      node: this.nodeId,
      speaker: line.speaker,
      text: line.text,
      expression: line.expression,
    });
    this.emit('line', { node: this.nodeId, line });
  }

  private afterLines() {
    if (this.canContinue) return;
    const node = this.nodeOf(this.nodeId);
    if (this.ended && node.ending) {
      const result = this.result()!;
      this.record({ kind: 'ending', node: this.nodeId, outcome: node.ending.outcome });
      this.emit('ending', { node: this.nodeId, ending: node.ending, result });
    } else {
      this.emit('choices', { node: this.nodeId, choices: this.offered() });
    }
  }

  private record(entry: DistributiveOmit<TranscriptEntry, 'at'>) {
    if (this.muted > 0) return;
    this.transcriptValue.push({ at: this.now(), ...entry } as TranscriptEntry);
  }

  private emit<K extends keyof SessionEvents>(type: K, payload: SessionEvents[K]) {
    if (this.muted > 0) return;
    for (const listener of [...(this.listeners.get(type) ?? [])]) (listener as SessionListener<K>)(payload);
  }
}

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

function checkEnvelope(data: unknown, scenario: Scenario): string | null {
  const damaged = 'This saved progress is damaged and cannot be read. Please start the scenario again.';
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return 'This is not CarePlay saved progress.';
  }
  const save = data as Partial<Record<keyof SaveEnvelope, unknown>>;
  if (!Number.isInteger(save.saveVersion) || !Number.isInteger(save.minCompatibleVersion)) {
    return 'This is not CarePlay saved progress.';
  }
  if ((save.minCompatibleVersion as number) > SAVE_VERSION) {
    return 'This progress was saved by a newer version of CarePlay. Update CarePlay (reload the page) to continue it.';
  }
  if ((save.saveVersion as number) < OLDEST_READABLE_SAVE) {
    return 'This progress was saved by a much older version of CarePlay and can no longer be read. Please start again.';
  }
  if (typeof save.scenarioId !== 'string') return damaged;
  if (save.scenarioId !== scenario.id) {
    return `This saved progress belongs to another scenario ("${save.scenarioId}"), not "${scenario.title}".`;
  }
  if (!Number.isInteger(save.scenarioVersion)) return damaged;
  if (!Array.isArray(save.choices) || !save.choices.every((c) => typeof c === 'string')) return damaged;
  if (!Number.isInteger(save.lineIndex) || (save.lineIndex as number) < 0) return damaged;
  return null;
}

export { choseMark, emptyScores };
