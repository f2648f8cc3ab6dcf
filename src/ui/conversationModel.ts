/**
 * The one view model of a conversation: plain data, built by the ConversationRunner
 * (src/runner/ConversationRunner.ts) after every change and pushed whole to each presenter (the
 * room, the words, sound, the trainer's panel and window). Presenters read this, never the
 * Session or the raw scenario, and send commands back to the runner.
 *
 * It lives on the ui floor, not beside the runner, because the presenters sit below the runner
 * (eslint.config.js, FLOORS) and must be able to import its type; building it is pure and needs
 * no DOM, so it is tested in Node (tests/ui/conversationModel.test.ts).
 */
import type { PlayableScenario } from '../app/catalogueTypes';
import type { LineView, OfferedChoice, Phase, RevealedOption, SessionSnapshot } from '../engine/Session';
import type { LocationKind, Outcome } from '../engine/model';
import type { GlossaryFile, Scenario, Signpost } from '../engine/schema';

/** What the audience sees of a group session, in presenter mode. */
export interface AudienceClassInfo {
  /** Vote counts per option, once the trainer reveals them; null while hidden. */
  votes: Record<string, number> | null;
  /** Whether every option's feedback and score effect is on show. */
  revealed: boolean;
  /** Scores so far, if the trainer has chosen to show them. */
  scores: Record<string, number> | null;
  /** The trainer has blanked the class's screen. */
  blanked: boolean;
  /** On a what-if branch: the decision (from 1) it left the class's own path at. */
  whatIfFrom: number | null;
  /** The discussion timer at this decision, once the trainer has started it; null: not shown. */
  timer?: { ms: number; since: number | null } | null;
  /** The trainer asked to go with the class and it is tied: which options, in words. */
  tie: string | null;
  /** The class was carried on from a save: said until it moves to another decision. */
  resumed: string | null;
}

/** The scenario's words that do not change during a run: the title, the pause dialog, the glossary. */
export interface ScenarioAbout {
  title: string;
  learnerRole: string;
  contentNote: string | null;
  support: Signpost[];
  glossary: GlossaryFile;
  /** The kinds of place the scenario has, each once (sound fetches their room tones ahead). */
  locationKinds: LocationKind[];
  /** The cast in the scenario's order, with their ages: read aloud gives each their own voice. */
  cast: CastVoice[];
}

export interface CastVoice {
  id: string;
  age: number;
}

/** The cast, in the scenario's order. */
export function castOf(scenario: Pick<Scenario, 'cast'>): CastVoice[] {
  return Object.entries(scenario.cast).map(([id, m]) => ({ id, age: m.look.age }));
}

/** Something that has just happened in the conversation, on a real step of it. */
export type Happening =
  /** A choice was made (the machine's 'choice-made' cue): the same for every choice. */
  | { kind: 'choice-made' }
  /** The conversation moved to another place (the Session's, before the room's walk). */
  | { kind: 'location'; location: string }
  /** A present person's face changed from one expression to another (not someone arriving). */
  | { kind: 'expression'; character: string; name: string }
  /** The conversation has closed: its ending's last line is on show. */
  | { kind: 'ending'; outcome: Outcome };

/**
 * A happening in a model. `seq` counts up through a run, so a presenter can tell a moment it has
 * already marked (the same model shown again) from a new one.
 */
export type Moment = Happening & { seq: number };

export interface ModelLine extends LineView {
  /** The speaker, when a member of the cast (null for the narrator). */
  member: { name: string; role: string } | null;
}

export type FeedbackTone = 'good' | 'mixed' | 'poor';

/** The practice-mode note on the choice just made, until the learner goes on. */
export interface FeedbackModel {
  /** What the learner said. */
  text: string;
  why: string;
  /** The guidance cited, by title. */
  sources: string[];
  tone: FeedbackTone;
}

/** What the room shows: it changes only once the feedback on a choice has been read. */
export interface RoomModel {
  location: string;
  present: string[];
  expressions: Record<string, string>;
  /** Who glows as speaking: nobody for a text message, a letter or a phone call. */
  speaker: string | null;
  /** Counts the walks to a new place: a new number is a scene transition, not a redraw. */
  arrival: number;
}

export interface ConversationModel {
  about: ScenarioAbout;
  phase: Phase;
  /** Changes when a new line is to be shown (node, line and decision), not for a re-render. */
  lineKey: string;
  line: ModelLine | null;
  /** The learner's role, said before the very first words; null afterwards. */
  roleNote: string | null;
  /** The options on offer; empty unless phase is 'choosing'. */
  choices: OfferedChoice[];
  /** In a classroom, the question the group is to discuss at this decision. */
  prompt: string | null;
  /** Every option's feedback, once a trainer reveals them, and whose is on show. */
  revealed: { options: RevealedOption[]; selected: string } | null;
  feedback: FeedbackModel | null;
  /** The place's name in the top bar: it follows the room, which moves when its walk-in ends. */
  where: string;
  /** Each present person's expression right now (the room changes faces at once). */
  expressions: Record<string, string>;
  /** The kind of place the conversation is in now: the Session's, which the room reaches after its walk. */
  locationKind: LocationKind | null;
  room: RoomModel;
  /** Presenter mode: what the class's screen shows of the group session; null for a learner. */
  audience: AudienceClassInfo | null;
  /** What has happened since the model before, in order; empty for a redraw or a jump. */
  moments: Moment[];
}

/** What a view, a key or another window asks of the conversation (the trainer's are protocol's Command). */
export type PlayerCommand =
  /** Show the whole line, or go on: the next line, past the feedback, to the debrief. */
  | { type: 'goOn' }
  | { type: 'choose'; choice: string }
  /** After a trainer's reveal: the feedback on the option `by` places on. */
  | { type: 'stepFeedback'; by: 1 | -1 }
  /** After a trainer's reveal: this option's feedback (focus reached it). */
  | { type: 'selectOption'; choice: string }
  /** Move between the options (the arrow keys). */
  | { type: 'focusOption'; by: 1 | -1 }
  | { type: 'pause' }
  | { type: 'keys' }
  | { type: 'glossary' }
  | { type: 'settings' }
  | { type: 'mute' }
  /** Leave the scenario for the menu (the pause dialog). */
  | { type: 'leave' }
  /** The room has finished its walk to a new place (the room presenter says so). */
  | { type: 'arrived'; arrival: number };

/**
 * A presenter draws the model it is shown and sends commands back. `intercept` lets it answer a
 * command itself before the runner does (a line still typing out shows in full on "go on", a
 * dialog opens); true when it did.
 */
export interface Presenter<M = ConversationModel, C = PlayerCommand> {
  show(model: M): void;
  dispose(): void;
  intercept?(command: C): boolean;
}

/**
 * The runner's own state beside the Session: what has been read, what is on show. Everything a
 * model is built from that the snapshot does not hold.
 */
export interface ModelState {
  feedback: RevealedOption | null;
  /** Presenter mode, after a reveal: the option whose feedback is on show, at which decision. */
  selected: { decision: string; id: string } | null;
  /** The location whose name the top bar shows. */
  where: string;
  room: RoomModel;
  audience: AudienceClassInfo | null;
  /** The moments heard since the last model was pushed. */
  moments: Moment[];
}

/** The scenario's unchanging words for the model (one object for a whole run). */
export function aboutOf(playable: PlayableScenario): ScenarioAbout {
  const s = playable.scenario;
  return {
    title: s.title,
    learnerRole: s.learnerRole,
    contentNote: s.contentNote ?? null,
    support: s.support ?? [],
    glossary: playable.references.glossary,
    locationKinds: [...new Set(Object.values(s.locations).map((l) => l.kind))],
    cast: castOf(s),
  };
}

/** A decision's key: the same node reached after a different number of decisions is another. */
export function decisionKey(snapshot: Pick<SessionSnapshot, 'node' | 'decisions'>): string {
  return `${snapshot.node}:${snapshot.decisions.length}`;
}

/**
 * Whose feedback is on show after a reveal: kept while the decision is the same, else what
 * most of the class voted for, when its votes are up; else option 1.
 */
export function selectedOption(
  snapshot: Pick<SessionSnapshot, 'node' | 'decisions' | 'choices'>,
  previous: ModelState['selected'],
  votes: Record<string, number> | null,
): { decision: string; id: string } | null {
  const decision = decisionKey(snapshot);
  if (previous?.decision === decision && snapshot.choices.some((c) => c.id === previous.id)) return previous;
  const counts = votes ?? {};
  const first = [...snapshot.choices].sort((a, b) => (counts[b.id] ?? 0) - (counts[a.id] ?? 0))[0];
  return first ? { decision, id: first.id } : null;
}

/** Who is speaking in the room: nobody glows for a text message, a letter or a phone call. */
export function speakerInRoom(line: LineView | null): string | null {
  return line && line.medium === 'speech' ? line.speaker : null;
}

/**
 * How a choice went, on the scoring scale: a lapse (−2 or below) or an unsafe act is poor;
 * Competent (+2) or better on every dimension it is keyed on is good; anything between is mixed.
 */
export function feedbackTone(option: Pick<RevealedOption, 'score' | 'unsafe'>): FeedbackTone {
  const levels = Object.values(option.score).filter((n) => n !== 0);
  if (option.unsafe.length || levels.some((n) => n <= -2)) return 'poor';
  if (levels.length && levels.every((n) => n >= 2)) return 'good';
  return 'mixed';
}

/**
 * The model, from the Session's snapshot (the one on show), its options as revealed, and the
 * runner's state. Pure: the same inputs give the same model.
 */
export function buildConversationModel(
  playable: PlayableScenario,
  about: ScenarioAbout,
  snapshot: SessionSnapshot,
  reveal: () => RevealedOption[],
  state: ModelState,
): ConversationModel {
  const s = playable.scenario;
  const raw = snapshot.line;
  const member = raw ? s.cast[raw.speaker] : undefined;
  const line: ModelLine | null = raw
    ? { ...raw, member: member ? { name: member.name, role: member.role } : null }
    : null;
  const first = snapshot.node === s.start && snapshot.lineIndex === 0 && snapshot.decisions.length === 0;
  const choosing = snapshot.phase === 'choosing';
  const classroom = state.audience !== null;
  const revealedOptions = choosing && state.audience?.revealed ? reveal() : null;
  const feedback = state.feedback;
  return {
    about,
    phase: snapshot.phase,
    lineKey: `${snapshot.node}:${snapshot.lineIndex}:${snapshot.decisions.length}`,
    line,
    roleNote: first && s.learnerRole ? s.learnerRole : null,
    choices: snapshot.choices.map((c) => ({ ...c })),
    prompt: classroom && choosing ? (s.nodes[snapshot.node]?.discuss ?? null) : null,
    revealed:
      revealedOptions && state.selected ? { options: revealedOptions, selected: state.selected.id } : null,
    feedback: feedback
      ? {
          text: feedback.text,
          why: feedback.feedback.why,
          sources: feedback.feedback.sources.map((k) => playable.references.sources[k]?.title ?? k),
          tone: feedbackTone(feedback),
        }
      : null,
    where: s.locations[state.where]?.name ?? '',
    expressions: { ...snapshot.expressions },
    locationKind: s.locations[snapshot.location]?.kind ?? null,
    room: { ...state.room, present: [...state.room.present], expressions: { ...state.room.expressions } },
    audience: state.audience ? { ...state.audience } : null,
    moments: state.moments.map((m) => ({ ...m })),
  };
}
