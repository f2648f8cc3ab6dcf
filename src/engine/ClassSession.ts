/**
 * A group session run by a trainer: the class's own Session plus its votes at each decision, what
 * has been revealed, and what-if branches. Pure data and rules, like Session, so the audience
 * window, the presenter window and the tests all agree on what "go with the class" means.
 *
 * A what-if is a second Session, replayed to the decision it branches from: the class's own
 * Session is never moved by it, so coming back is simply showing that one again. `session` is
 * whichever is on show, and `on()` hears the one on show, through a switch.
 */
import { plainText } from './markup';
import { DIMENSIONS, type Dimension } from './model';
import type { Scenario } from './schema';
import {
  OLDEST_READABLE_SAVE,
  SAVE_VERSION,
  Session,
  SessionError,
  type SaveEnvelope,
  type SessionEvents,
  type SessionListener,
  type SessionOptions,
} from './Session';

/**
 * 2 added the class's reasons, the times per decision, the discussion timer and the group's
 * details; a version 1 save still loads (without them).
 */
export const CLASS_SAVE_VERSION = 2;

/** The most the class's reasons at one decision may be: a sentence or two, not an essay. */
export const REASONS_MAX = 280;
/** The most a group's or a trainer's name may be. */
export const NAME_MAX = 80;

/** The class's votes at one decision: a count per option id. */
export type VoteCounts = Record<string, number>;

export interface DecisionVotes {
  /** Position on the class path. */
  decision: number;
  node: string;
  counts: VoteCounts;
  /** What the class went with, once chosen. */
  chosen: string | null;
  /** How the choice was made. */
  how: 'majority' | 'trainer' | null;
  /** The class's reasons, as the trainer typed them (plain text, '' for none). */
  reasons: string;
  /** When the options were first on the class's screen (the clock's ms), or null. */
  shownAt: number | null;
  /** When the class's choice was made, or null. */
  decidedAt: number | null;
  /** The discussion timer: time counted while stopped, and since when it runs (null: stopped). */
  timer: { ms: number; since: number | null };
}

/** Who the session was for, for the handout: asked once, both optional. */
export interface ClassDetails {
  group: string;
  trainer: string;
}

/** The time spent at one decision, for the summary and the exports. */
export interface DecisionTime {
  decision: number;
  /** From the options appearing to the class's choice, or null when either is not known. */
  toDecideMs: number | null;
  /** What the discussion timer counted (0 when it was not used). */
  timerMs: number;
  /** The timer is running now. */
  running: boolean;
}

export type Majority =
  | { kind: 'none' }
  | { kind: 'winner'; choice: string; votes: number; total: number }
  | { kind: 'tie'; choices: string[]; votes: number; total: number };

export interface ClassState {
  /** Votes for every decision the class has reached on its own path. */
  votes: DecisionVotes[];
  /** Whether the class can see the counts at the current decision yet. */
  votesRevealed: boolean;
  /** Whether every option's feedback and score effect is on show at the current decision. */
  optionsRevealed: boolean;
  /** Whether the audience may see scores before the end. */
  scoresShown: boolean;
  /** Whether the class's screen is blanked while the trainer looks at notes. */
  blanked: boolean;
  /** Undo history for the current decision's votes. */
  undo: VoteCounts[];
  /** The group's and trainer's names, once the trainer has given them (or skipped: ''). */
  details: ClassDetails | null;
  /** When the session began (the clock's ms), or null for a session saved before it was kept. */
  startedAt: number | null;
}

export interface ClassSave {
  classSaveVersion: number;
  /** Which class this is: the same through reloads and undos, new for each new class. */
  id: string;
  /** When the class began (ms since 1970): "started <date>" on the menu. */
  startedAt: number;
  /** The ending the class's own path has reached, or null while it is still under way. */
  finished: ClassEnding | null;
  session: SaveEnvelope;
  /** The what-if branch in progress, if any: where it left the class path, and its own choices. */
  whatIf: { fromDecision: number; choices: string[] } | null;
  state: Omit<ClassState, 'undo' | 'blanked'>;
  savedAt: number;
}

/** The ending a class's own path reached (never a what-if's). */
export interface ClassEnding {
  node: string;
  title: string;
  outcome: string;
}

export interface DividedDecision {
  decision: number;
  node: string;
  /** Gap between the two most-voted options, as a share of all votes (0 = evenly split). */
  margin: number;
  total: number;
}

/** A what-if branch on show: where it left the path on show then, and its own Session. */
interface Branch {
  fromDecision: number;
  session: Session;
}

export class ClassSession {
  /** The class's own path: votes, times, the save and the class's ending are about this one. */
  readonly classPath: Session;
  /** The clock for times per decision and the timer (injectable, so tests are deterministic). */
  readonly now: () => number;
  private state: ClassState;
  private idValue: string;
  private startedAtValue: number;
  /** The class's own ending, kept while a what-if branch plays on from it. */
  private ownEnding: ClassEnding | null = null;
  private branch: Branch | null = null;
  /** Listeners to the Session on show, and the forwarders that reach them from it. */
  private readonly listeners = new Map<keyof SessionEvents, Set<(payload: never) => void>>();
  private readonly forwarders = new Map<keyof SessionEvents, () => void>();

  constructor(
    readonly scenario: Scenario,
    session?: Session,
    private readonly options: SessionOptions = {},
  ) {
    this.now = options.now ?? (() => Date.now());
    this.state = {
      votes: [],
      votesRevealed: false,
      optionsRevealed: false,
      scoresShown: false,
      blanked: false,
      undo: [],
      details: null,
      startedAt: null,
    };
    this.classPath = session ?? new Session(scenario, options);
    this.startedAtValue = this.now();
    this.state.startedAt = this.startedAtValue;
    this.idValue = newClassId(this.startedAtValue);
    this.syncVotes();
    this.markShown();
    this.on('choice', () => {
      // A new decision starts with votes hidden and nothing revealed.
      this.state.votesRevealed = false;
      this.state.optionsRevealed = false;
      this.state.undo = [];
    });
    this.on('change', () => {
      this.syncVotes();
      this.markShown();
    });
  }

  /** The Session on show: a what-if's while on one, else the class's own. */
  get session(): Session {
    return this.branch?.session ?? this.classPath;
  }

  /** The what-if on show, by the decision (from 0) it branched at; null on the class's path. */
  get whatIf(): { fromDecision: number } | null {
    return this.branch ? { fromDecision: this.branch.fromDecision } : null;
  }

  /** Hear the Session on show, whichever it is: a what-if starting or ending moves the listener with it. */
  on<K extends keyof SessionEvents>(type: K, listener: SessionListener<K>): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener as (payload: never) => void);
    if (!this.forwarders.has(type)) this.forwarders.set(type, this.forward(this.session, type));
    return () => set.delete(listener as (payload: never) => void);
  }

  get snapshot(): ClassState {
    return structuredCloneSafe(this.state);
  }

  /** Which class this is: kept through reloads, so a finished class is recorded once. */
  get id(): string {
    return this.idValue;
  }

  get startedAt(): number {
    return this.startedAtValue;
  }

  /** The ending the class's own path has reached, or null (a what-if's ending is not the class's). */
  get finished(): ClassEnding | null {
    return this.ownEnding ? { ...this.ownEnding } : null;
  }

  /** True while on a what-if branch: votes are for the class's own path only. */
  get onWhatIf(): boolean {
    return this.branch !== null;
  }

  /** The votes at the current decision, or null when there is no decision open to vote on. */
  current(): DecisionVotes | null {
    if (this.onWhatIf) return null;
    const snap = this.classPath.snapshot;
    if (snap.phase === 'ended') return null;
    return this.state.votes.find((v) => v.decision === snap.decisions.length) ?? null;
  }

  /** One more vote for an option (a key press per hand raised). */
  addVote(choice: string, by = 1): void {
    const current = this.requireVoting(choice);
    this.state.undo.push({ ...current.counts });
    current.counts[choice] = Math.max(0, (current.counts[choice] ?? 0) + by);
  }

  /** Type the count for an option directly. */
  setVotes(choice: string, count: number): void {
    if (!Number.isInteger(count) || count < 0)
      throw new SessionError('a vote count is a whole number, 0 or more');
    const current = this.requireVoting(choice);
    this.state.undo.push({ ...current.counts });
    current.counts[choice] = count;
  }

  /** Take back the last change to the votes. Returns false when there is nothing to undo. */
  undoVote(): boolean {
    const current = this.current();
    const previous = this.state.undo.pop();
    if (!current || !previous) return false;
    current.counts = previous;
    return true;
  }

  /**
   * Undo the trainer's last step: a vote at this decision, or, with no vote left to undo, the
   * class's last decision (the class is back at it, its votes kept, nothing chosen). A slip of
   * a key never commits a class for good. Returns what was undone, or null when nothing can be.
   */
  undo(): { undone: 'vote' } | { undone: 'decision'; decision: number } | null {
    if (this.undoVote()) return { undone: 'vote' };
    if (this.onWhatIf) return null;
    const decisions = this.classPath.snapshot.decisions.length;
    if (decisions === 0) return null;
    this.classPath.rewind(decisions - 1);
    return { undone: 'decision', decision: decisions - 1 };
  }

  /**
   * The class's reasons at a decision on its path (the current one unless another is named):
   * plain text on one line, at most REASONS_MAX characters ('' clears them).
   */
  setReasons(text: string, decision?: number): void {
    const record = this.recordFor(decision);
    record.reasons = cleanText(text, REASONS_MAX);
  }

  /** Start or stop the discussion timer at the current decision (silent; it counts up). */
  toggleTimer(running?: boolean): boolean {
    const current = this.current();
    if (!current)
      throw new SessionError(
        this.onWhatIf
          ? 'the discussion timer is for the class’s own path, not a what-if'
          : 'there is no decision to time',
      );
    const start = running ?? current.timer.since === null;
    if (start && current.timer.since === null) current.timer.since = this.now();
    if (!start) stopTimer(current, this.now());
    return start;
  }

  /** The time spent at each decision on the class's path, as far as it is known. */
  times(): DecisionTime[] {
    const now = this.now();
    return this.state.votes.map((v) => ({
      decision: v.decision,
      toDecideMs: v.shownAt !== null && v.decidedAt !== null ? Math.max(0, v.decidedAt - v.shownAt) : null,
      timerMs: timerMs(v, now),
      running: v.timer.since !== null,
    }));
  }

  /** The group's and the trainer's names for the handout (both optional; '' for none). */
  setDetails(details: Partial<ClassDetails>): void {
    this.state.details = {
      group: cleanText(details.group ?? this.state.details?.group ?? '', NAME_MAX),
      trainer: cleanText(details.trainer ?? this.state.details?.trainer ?? '', NAME_MAX),
    };
  }

  revealVotes(shown = true): void {
    this.state.votesRevealed = shown;
  }

  revealOptions(shown = true): void {
    this.state.optionsRevealed = shown;
  }

  showScores(shown = true): void {
    this.state.scoresShown = shown;
  }

  blank(shown = true): void {
    this.state.blanked = shown;
  }

  majority(): Majority {
    const current = this.current();
    if (!current) return { kind: 'none' };
    return majorityOf(current.counts);
  }

  /** Go with the class: the option with most votes. A tie (or no votes) asks the trainer. */
  goWithClass(): string {
    const m = this.majority();
    if (m.kind === 'tie')
      throw new SessionError(`the class is tied between ${m.choices.join(' and ')}: the trainer decides`);
    if (m.kind === 'none' || m.total === 0) throw new SessionError('no votes have been recorded yet');
    this.commit(m.choice, 'majority');
    return m.choice;
  }

  /** The trainer picks any option on offer (including on a what-if branch). */
  pick(choice: string): void {
    this.commit(choice, 'trainer');
  }

  /**
   * A trainer's "what if we had said…": a branch from an earlier decision on the path on show,
   * replayed in a Session of its own. Branching again while on a what-if keeps the class's path.
   */
  startWhatIf(fromDecision: number): void {
    const shown = this.session;
    if (
      !Number.isInteger(fromDecision) ||
      fromDecision < 0 ||
      fromDecision >= shown.snapshot.decisions.length
    )
      throw new SessionError(`there is no decision ${fromDecision + 1} on this path to go back to`);
    this.show({ fromDecision, session: this.replayed(shown.path.slice(0, fromDecision)) });
    this.state.optionsRevealed = false;
  }

  /** Leave a what-if branch: the class's own Session is on show again, exactly where it was. */
  returnToClass(): void {
    if (!this.branch) throw new SessionError('there is no what-if branch to return from');
    this.show(null);
  }

  /**
   * The decisions where the room was most divided, most divided first: the `limit` closest
   * splits, and any other split as evenly as the last of them. Unanimous decisions are not listed.
   */
  mostDivided(limit = 3): DividedDecision[] {
    const all = this.state.votes
      .map((v) => {
        const counts = Object.values(v.counts).sort((a, b) => b - a);
        const total = counts.reduce((a, b) => a + b, 0);
        return {
          decision: v.decision,
          node: v.node,
          margin: total === 0 ? 1 : ((counts[0] ?? 0) - (counts[1] ?? 0)) / total,
          total,
        };
      })
      // Every vote one way (or a single vote) is not a divided room.
      .filter((d) => d.total > 0 && d.margin < 1)
      .sort((a, b) => a.margin - b.margin || a.decision - b.decision);
    // The closest `limit`, and every decision split as evenly as the last of them: which of
    // several equal splits is listed must not depend on the order they came in.
    const cut = all[limit - 1]?.margin;
    return cut === undefined ? all : all.filter((d, i) => i < limit || Math.abs(d.margin - cut) < 1e-9);
  }

  save(now = Date.now()): ClassSave {
    // A reload brings the class's screen back: a blank is for the moment, not the session.
    const { undo: _undo, blanked: _blanked, ...state } = this.state;
    return {
      classSaveVersion: CLASS_SAVE_VERSION,
      id: this.idValue,
      startedAt: this.startedAtValue,
      finished: this.finished,
      session: this.classPath.save(),
      whatIf: this.branch
        ? { fromDecision: this.branch.fromDecision, choices: this.branch.session.path }
        : null,
      state: JSON.parse(JSON.stringify(state)),
      savedAt: now,
    };
  }

  /** Rebuild a group session from a save: the same decision, the same votes. */
  static restore(
    scenario: Scenario,
    data: unknown,
    options: SessionOptions = {},
  ): { ok: true; classSession: ClassSession; notes: string[] } | { ok: false; reason: string } {
    if (data === null || typeof data !== 'object')
      return { ok: false, reason: 'This is not a saved group session.' };
    const save = data as Partial<ClassSave>;
    if (typeof save.classSaveVersion !== 'number')
      return { ok: false, reason: 'This is not a saved group session.' };
    if (save.classSaveVersion > CLASS_SAVE_VERSION) {
      return { ok: false, reason: 'This group session was saved by a newer version of CarePlay.' };
    }
    const restored = Session.restore(scenario, save.session, options);
    if (!restored.ok) return restored;
    const cs = new ClassSession(scenario, restored.session, options);
    // Saves from before classes had an id get one now; their start is not known, so the save's time
    // (for the menu and Past class sessions; the handout's date stays unknown, and says so).
    if (typeof save.id === 'string' && /^[\w-]{1,64}$/.test(save.id)) cs.idValue = save.id;
    const started = [save.startedAt, save.savedAt].find((t) => typeof t === 'number' && Number.isFinite(t));
    if (started !== undefined) cs.startedAtValue = started;
    // Partial: a version 1 save has no reasons, times, timer or details.
    const state = save.state as Partial<ClassSave['state']> | undefined;
    cs.state.startedAt =
      typeof save.startedAt === 'number' && Number.isFinite(save.startedAt) ? save.startedAt : null;
    if (state && Array.isArray(state.votes)) {
      const saved = state.votes as Partial<DecisionVotes>[];
      cs.state.votes = saved
        .filter((v) => v && typeof v.decision === 'number' && v.counts && typeof v.counts === 'object')
        .map((v) => ({
          decision: v.decision!,
          node: String(v.node),
          counts: Object.fromEntries(
            Object.entries(v.counts!).filter(([, n]) => Number.isInteger(n) && n >= 0),
          ),
          chosen: typeof v.chosen === 'string' ? v.chosen : null,
          how: v.how === 'majority' || v.how === 'trainer' ? v.how : null,
          reasons: typeof v.reasons === 'string' ? cleanText(v.reasons, REASONS_MAX) : '',
          shownAt: time(v.shownAt),
          decidedAt: time(v.decidedAt),
          timer: {
            ms: Math.max(0, time(v.timer?.ms) ?? 0),
            since: time(v.timer?.since),
          },
        }));
      cs.state.votesRevealed = state.votesRevealed === true;
      cs.state.optionsRevealed = state.optionsRevealed === true;
      cs.state.scoresShown = state.scoresShown === true;
      const details = state.details as Partial<ClassDetails> | null | undefined;
      cs.state.details =
        details && typeof details === 'object'
          ? {
              group: typeof details.group === 'string' ? cleanText(details.group, NAME_MAX) : '',
              trainer: typeof details.trainer === 'string' ? cleanText(details.trainer, NAME_MAX) : '',
            }
          : null;
      cs.state.startedAt = time(state.startedAt) ?? cs.state.startedAt;
    }
    if (save.whatIf && Number.isInteger(save.whatIf.fromDecision) && Array.isArray(save.whatIf.choices)) {
      const { fromDecision, choices } = save.whatIf;
      try {
        if (fromDecision < 0 || fromDecision > choices.length) throw new SessionError('not a branch');
        const branch = cs.replayed(choices.slice(0, fromDecision));
        for (const id of choices.slice(fromDecision)) branch.choose(id);
        cs.show({ fromDecision, session: branch });
      } catch {
        restored.notes.push(
          'The what-if branch in progress could not be restored; you are back on the class’s path.',
        );
      }
    }
    cs.syncVotes();
    return { ok: true, classSession: cs, notes: restored.notes };
  }

  private requireVoting(choice: string): DecisionVotes {
    const current = this.current();
    if (!current)
      throw new SessionError(
        this.onWhatIf
          ? 'votes are recorded on the class’s own path, not on a what-if'
          : 'there is no decision to vote on',
      );
    if (
      !this.classPath.snapshot.choices.some((c) => c.id === choice) &&
      !this.classPath.reveal().some((o) => o.id === choice && o.available)
    ) {
      throw new SessionError(`'${choice}' is not an option at this decision`);
    }
    return current;
  }

  private commit(choice: string, how: 'majority' | 'trainer') {
    const current = this.current();
    const at = this.now();
    // Said before the Session moves on: whoever saves on its 'change' (the classroom, keeping a
    // class that has just reached its ending) records how the last decision was made and when.
    const was = current
      ? { how: current.how, decidedAt: current.decidedAt, timer: { ...current.timer } }
      : null;
    if (current) {
      current.how = how;
      current.decidedAt = at;
      stopTimer(current, at);
    }
    try {
      this.session.choose(choice);
    } catch (error) {
      if (current && was) Object.assign(current, was);
      throw error;
    }
    if (current) current.chosen = choice;
  }

  /** The record of a decision on the class's path: the current one unless another is named. */
  private recordFor(decision?: number): DecisionVotes {
    const record =
      decision === undefined ? this.current() : this.state.votes.find((v) => v.decision === decision);
    if (!record)
      throw new SessionError(
        this.onWhatIf && decision === undefined
          ? 'the class’s reasons are kept for its own path, not a what-if'
          : 'there is no such decision on the class’s path',
      );
    return record;
  }

  /** The options are on the class's screen: the time at this decision starts now (once). */
  private markShown() {
    const current = this.current();
    if (current && current.shownAt === null && this.classPath.snapshot.phase === 'choosing')
      current.shownAt = this.now();
  }

  /** A Session of the class's scenario with these choices made, at the last line before the next one. */
  private replayed(choices: string[]): Session {
    const envelope: SaveEnvelope = {
      saveVersion: SAVE_VERSION,
      minCompatibleVersion: OLDEST_READABLE_SAVE,
      scenarioId: this.scenario.id,
      scenarioVersion: this.scenario.version,
      choices,
      lineIndex: Number.MAX_SAFE_INTEGER,
    };
    const replayed = Session.restore(this.scenario, envelope, this.options);
    if (!replayed.ok) throw new SessionError(replayed.reason);
    return replayed.session;
  }

  /**
   * Put a what-if (or, with null, the class's own path) on show: listeners move to it and hear
   * it arrive as they would a rewind (its line, then its options or its ending, then a change).
   */
  private show(branch: Branch | null) {
    for (const off of this.forwarders.values()) off();
    this.branch = branch;
    const shown = this.session;
    for (const type of this.forwarders.keys()) this.forwarders.set(type, this.forward(shown, type));
    const snap = shown.snapshot;
    if (snap.line) this.emit('line', { node: snap.node, line: snap.line });
    const result = shown.result();
    const ending = this.scenario.nodes[snap.node]?.ending;
    if (snap.phase === 'ended' && result && ending) this.emit('ending', { node: snap.node, ending, result });
    else if (snap.phase === 'choosing') this.emit('choices', { node: snap.node, choices: snap.choices });
    this.emit('change', { snapshot: snap });
  }

  private forward<K extends keyof SessionEvents>(session: Session, type: K): () => void {
    return session.on(type, (payload) => this.emit(type, payload));
  }

  private emit<K extends keyof SessionEvents>(type: K, payload: SessionEvents[K]) {
    for (const listener of [...(this.listeners.get(type) ?? [])]) (listener as SessionListener<K>)(payload);
  }

  /** Make sure there is a votes record for the decision the class is at, and none past the path. */
  private syncVotes() {
    if (this.onWhatIf) return;
    const snap = this.classPath.snapshot;
    this.ownEnding =
      snap.phase === 'ended' && snap.ending
        ? { node: snap.ending.node, title: snap.ending.title, outcome: snap.ending.outcome }
        : null;
    const decisionCount = snap.decisions.length;
    // Anything past the class's path (after a rewind) is dropped; chosen options follow the path.
    this.state.votes = this.state.votes.filter((v) => v.decision <= decisionCount);
    for (const v of this.state.votes) {
      const d = snap.decisions[v.decision];
      v.chosen = d ? d.choice : null;
      if (!d) {
        v.how = null;
        v.decidedAt = null;
      }
    }
    if (snap.phase !== 'ended' && !this.state.votes.some((v) => v.decision === decisionCount)) {
      this.state.votes.push({
        decision: decisionCount,
        node: snap.node,
        counts: {},
        chosen: null,
        how: null,
        reasons: '',
        shownAt: null,
        decidedAt: null,
        timer: { ms: 0, since: null },
      });
    }
  }
}

/** Plain text on one line, cut to a length (whole characters, never half an emoji). */
function cleanText(text: string, max: number): string {
  return Array.from(plainText(String(text)))
    .filter((c) => c >= ' ' && c !== '\u007f')
    .slice(0, max)
    .join('')
    .trim();
}

/** A saved time: a finite number, or null. */
function time(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function stopTimer(record: DecisionVotes, now: number) {
  if (record.timer.since === null) return;
  record.timer.ms += Math.max(0, now - record.timer.since);
  record.timer.since = null;
}

function timerMs(record: DecisionVotes, now: number): number {
  return record.timer.ms + (record.timer.since === null ? 0 : Math.max(0, now - record.timer.since));
}

/** A time as minutes and seconds, 'm:ss' (or 'h:mm:ss' past an hour), as the timer shows it. */
export function minutesAndSeconds(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${String(m).padStart(2, '0')}:${s}`;
}

export function majorityOf(counts: VoteCounts): Majority {
  const entries = Object.entries(counts).filter(([, n]) => n > 0);
  const total = entries.reduce((a, [, n]) => a + n, 0);
  if (entries.length === 0) return { kind: 'none' };
  const top = Math.max(...entries.map(([, n]) => n));
  const leaders = entries.filter(([, n]) => n === top).map(([id]) => id);
  return leaders.length === 1
    ? { kind: 'winner', choice: leaders[0]!, votes: top, total }
    : { kind: 'tie', choices: leaders, votes: top, total };
}

/**
 * The class's summary as rows for CSV: one per option the class was offered at each decision on
 * its path, numbered as the class saw them, with plain text (no glossary markup).
 */
export function summaryRows(cs: ClassSession): string[][] {
  const header = [
    'decision',
    'prompt',
    'option number',
    'option',
    'option text',
    'votes',
    'chosen',
    'how',
    ...DIMENSIONS.map((d: Dimension) => `${d} change`),
    'class reasons',
    'seconds to decide',
    'timer seconds',
  ];
  const rows: string[][] = [header];
  const snap = cs.classPath.snapshot;
  const times = cs.times();
  for (const v of cs.snapshot.votes) {
    const time = times.find((t) => t.decision === v.decision);
    const seconds = (ms: number | null | undefined) =>
      ms === null || ms === undefined ? '' : String(Math.round(ms / 1000));
    const node = cs.scenario.nodes[v.node];
    // What was on screen: the record of a decision made, or the options open now.
    const offered =
      snap.decisions[v.decision]?.offered ??
      (v.decision === snap.decisions.length ? snap.choices.map((c) => c.id) : []);
    offered.forEach((id, i) => {
      const choice = node?.choices?.find((c) => c.id === id);
      if (!choice) return;
      rows.push([
        String(v.decision + 1),
        plainText(node?.discuss ?? ''),
        String(i + 1),
        choice.id,
        plainText(choice.text),
        String(v.counts[choice.id] ?? 0),
        v.chosen === choice.id ? 'yes' : '',
        v.chosen === choice.id ? (v.how ?? '') : '',
        ...DIMENSIONS.map((d) => String(choice.score?.[d] ?? 0)),
        // Typed by a person: a spreadsheet must not read "=…" as a formula.
        /^[=+\-@]/.test(v.reasons) ? `'${v.reasons}` : v.reasons,
        seconds(time?.toDecideMs),
        time?.timerMs ? seconds(time.timerMs) : '',
      ]);
    });
  }
  return rows;
}

export function toCsv(rows: string[][]): string {
  const cell = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** A class's id: when it started, and enough chance that two classes begun together differ. */
function newClassId(startedAt: number): string {
  return `${Math.max(0, Math.floor(startedAt)).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

function structuredCloneSafe<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
