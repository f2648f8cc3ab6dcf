/**
 * The one place a conversation's commands arrive — keys, clicks, the presenter window — and the
 * one keydown listener while it runs. It owns the Session (a learner's) or the ClassSession (a
 * trainer's class), keeps what the Session does not (the feedback being read, the room's walk,
 * the option whose feedback is on show), and after every change pushes one complete
 * ConversationModel to its presenters: the room, the words, sound, the trainer's panel and the
 * presenter window. Yarn Spinner's DialogueRunner and its presenters are the model for this.
 *
 *   keys, clicks, channel ──send(command)──▶ runner ──show(model)──▶ presenters
 *
 * A presenter may answer a command first (`intercept`): a line still typing out shows in full on
 * "go on", M mutes, T shows the panel. Anything else the runner carries out on the Session.
 *
 * In the app, only the runner hears the Session's events. What they say that a model cannot
 * show as a state (a choice made, a move, a face changing, the conversation closing) goes into
 * the next model as numbered `moments`, but only for a real step: a step that swaps the Session
 * on show (a what-if starting, the class's path coming back) or rewinds it (the trainer taking
 * back the class's decision) is a jump, and its moments are dropped, so sound follows it quietly.
 * A resumed place or a rewound learner starts a new runner, whose first model has no moments.
 */
import type { App } from '../app/App';
import type { PlayableScenario } from '../app/catalogueTypes';
import { progressKey } from '../app/storageKeys';
import type { Session } from '../engine/Session';
import { decisionFor } from '../platform/outcome';
import type { Classroom, TrainerModel, WindowCommand } from '../trainer/classroom';
import { commandFor, type Command } from '../trainer/protocol';
import {
  aboutOf,
  buildConversationModel,
  selectedOption,
  speakerInRoom,
  type ConversationModel,
  type Happening,
  type Moment,
  type ModelState,
  type PlayerCommand,
  type Presenter,
  type ScenarioAbout,
} from '../ui/conversationModel';
import { announce } from '../ui/dom';
import { isTyping, keyAction, type TrainerAction } from '../ui/keymap';

/** Every command a conversation takes: the learner's, the trainer's (protocol's), this window's. */
export type RunnerCommand = PlayerCommand | Command | WindowCommand;

/** The one model: the conversation's, and in presenter mode the trainer's view of the class. */
export interface RunnerModel extends ConversationModel {
  trainer: TrainerModel | null;
}

export type RunnerPresenter = Presenter<RunnerModel, RunnerCommand>;

export interface RunnerOptions {
  app: App;
  playable: PlayableScenario;
  /** A learner's Session; in presenter mode, the class's (with `classroom`). */
  session: Session;
  classroom?: Classroom | null;
  /** The conversation has ended and the learner (or the trainer) goes on to the debrief. */
  onDebrief(session: Session): void;
  onLeave(): void;
}

export class ConversationRunner {
  private readonly app: App;
  private readonly playable: PlayableScenario;
  private readonly own: Session;
  private readonly classroom: Classroom | null;
  private readonly about: ScenarioAbout;
  private readonly presenters: RunnerPresenter[] = [];
  private readonly state: ModelState;
  private modelValue: RunnerModel | null = null;
  /** A place reached, whose walk waits until the feedback on the choice that led there is read. */
  private pendingMove: string | null = null;
  /** Walks begun, and the last one the room has finished. */
  private walks = 0;
  private arrived = 0;
  private walkTo = '';
  /** Decisions already told to the learning platform (a rewind takes the count back). */
  private reported: number;
  private offeredAt = Date.now();
  private readonly offs: (() => void)[] = [];
  private disposed = false;
  /** Moments heard since the last model was pushed, and the last one's number. */
  private moments: Moment[] = [];
  private momentSeq = 0;
  /** The Session on show at the last change, and whether this step rewound it: a jump, not a step. */
  private stepFrom: Session;
  private rewound = false;
  /** What a screen reader is told of faces that changed, said once the change is known to be a step. */
  private readonly faces: string[] = [];

  constructor(private readonly options: RunnerOptions) {
    this.app = options.app;
    this.playable = options.playable;
    this.own = options.session;
    this.classroom = options.classroom ?? null;
    this.about = aboutOf(options.playable);
    const snap = this.session.snapshot;
    this.reported = snap.decisions.length;
    this.state = {
      feedback: null,
      selected: null,
      where: snap.location,
      room: this.roomOf(0),
      audience: null,
      moments: [],
    };
    this.stepFrom = this.session;
    // The Session on show's events: a class session's follow a what-if.
    const events: Pick<Session, 'on'> = this.classroom?.cs ?? this.own;
    this.offs.push(
      events.on('cue', (e) => {
        if (e.cue === 'choice-made') this.moment({ kind: 'choice-made' });
      }),
      events.on('location', (e) => {
        this.pendingMove = e.location;
        this.moment({ kind: 'location', location: e.location });
        // With no feedback to read first, the room, its name and the announcement change now.
        if (!this.state.feedback) this.announceMove(e.location);
      }),
      events.on('expression', (e) => {
        if (e.previous === null) return;
        this.faces.push(`${e.says}.`);
        if (e.previous !== e.expression)
          this.moment({ kind: 'expression', character: e.character, name: e.name });
      }),
      events.on('ending', (e) => this.moment({ kind: 'ending', outcome: e.ending.outcome })),
      events.on('rewind', () => {
        this.rewound = true;
      }),
      events.on('change', () => {
        // A jump (a rewind, U, a what-if starting or ending) is no step: its faces are shown, not
        // announced as if the person had just reacted.
        const jump = this.rewound || this.session !== this.stepFrom;
        if (jump) this.moments = [];
        for (const says of this.faces.splice(0)) if (!jump) announce(says);
        this.rewound = false;
        this.stepFrom = this.session;
        if (!this.state.feedback) this.settleRoom();
        this.push();
        this.keep();
      }),
    );
    document.addEventListener('keydown', this.onKey);
    this.offs.push(() => document.removeEventListener('keydown', this.onKey));
  }

  /** The Session on show: in presenter mode, a what-if's own while the class is on one. */
  get session(): Session {
    return this.classroom?.cs.session ?? this.own;
  }

  /** The model last pushed (built on demand before the first push). */
  get model(): RunnerModel {
    return this.modelValue ?? this.build();
  }

  /** Add presenters, in the order they are asked to intercept a command and shown a model. */
  attach(...presenters: RunnerPresenter[]): void {
    this.presenters.push(...presenters);
  }

  /** The first model to every presenter, and the place kept. */
  start(): void {
    this.push();
    this.keep();
  }

  /** Carry out a command. True when something took it (a presenter, or the runner). */
  send(command: RunnerCommand): boolean {
    if (this.disposed) return false;
    return this.intercepted(command) || this.act(command);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const off of this.offs) off();
    for (const p of this.presenters) p.dispose();
  }

  /* ---------- commands ---------- */

  private intercepted(command: RunnerCommand): boolean {
    return this.presenters.some((p) => p.intercept?.(command) === true);
  }

  private act(command: RunnerCommand): boolean {
    switch (command.type) {
      case 'goOn':
        return this.goOn();
      case 'forward':
        // A clicker's forward key, here or in the presenter window: as Enter would, unless a
        // dialog is open on the class's screen.
        if (document.querySelector('dialog[open]')) return false;
        return this.send({ type: 'goOn' });
      case 'choose':
        return this.choose(command.choice);
      case 'stepFeedback':
        return this.stepFeedback(command.by);
      case 'selectOption':
        return this.select(command.choice);
      case 'arrived':
        if (command.arrival !== this.walks) return false;
        this.arrived = command.arrival;
        this.state.where = this.walkTo;
        this.push();
        return true;
      case 'leave':
        this.options.onLeave();
        return true;
      case 'focusOption':
      case 'pause':
      case 'keys':
      case 'glossary':
      case 'settings':
      case 'mute':
      case 'panel':
      case 'whatIfList':
      case 'presenterWindow':
        return false; // a presenter's, when one is attached
      default:
        if (!this.classroom) return false;
        this.classroom.apply(command);
        this.push();
        this.keep();
        return true;
    }
  }

  /** Go on: past the feedback, to the next line, or at an ending to the debrief. */
  private goOn(): boolean {
    if (this.state.feedback) {
      this.state.feedback = null;
      const move = this.pendingMove;
      this.settleRoom();
      this.push();
      if (move !== null) this.announceMove(move);
      return true;
    }
    const session = this.session;
    const phase = session.snapshot.phase;
    if (phase === 'line') return session.next();
    if (phase === 'ended') {
      this.options.onDebrief(session);
      return true;
    }
    return false;
  }

  private choose(id: string): boolean {
    if (this.state.feedback) return false;
    if (this.classroom) {
      // The class's choice goes through the group session, so the record says how it was made.
      return this.send({ type: 'pick', choice: id });
    }
    const session = this.session;
    if (!session.snapshot.choices.some((c) => c.id === id)) return false;
    const option = session.reveal().find((o) => o.id === id);
    // Set before choosing, so the model the choice pushes shows the note, not the next line.
    if (option && this.app.settings.value.mode === 'practice') this.state.feedback = option;
    session.choose(id);
    return true;
  }

  private stepFeedback(by: number): boolean {
    const selected = this.state.selected;
    const ids = this.session.snapshot.choices.map((c) => c.id);
    if (!selected || !ids.length) return false;
    const at = ids.indexOf(selected.id);
    return this.select(ids[(at + by + ids.length) % ids.length]!);
  }

  private select(id: string): boolean {
    const selected = this.state.selected;
    if (!selected || selected.id === id || !this.session.snapshot.choices.some((c) => c.id === id))
      return false;
    this.state.selected = { ...selected, id };
    this.push();
    return true;
  }

  /* ---------- keys ---------- */

  /** Every key in a conversation comes here, and is read through the one key table. */
  private readonly onKey = (e: KeyboardEvent): void => {
    if (e.defaultPrevented) return;
    if (document.querySelector('dialog[open]')) return;
    const target = e.target as HTMLElement | null;
    if (isTyping(target)) return;
    const key = keyAction(e, this.classroom !== null);
    if (!key) return;
    if (key.who === 'trainer') {
      const command = this.trainerCommand(key.action, key.n);
      const used = command !== null && this.send(command);
      // A clicker's forward key never scrolls the page, whether or not it went on.
      if (used || key.action === 'forward') e.preventDefault();
      return;
    }
    let used: boolean;
    switch (key.action) {
      case 'goOn': {
        // On a button, Enter and Space press it (a line typing out still shows in full first);
        // elsewhere (focus lost when a dialog closed) they still move the conversation on.
        const onControl = target?.closest?.('button, a, summary') != null;
        used = onControl ? this.intercepted({ type: 'goOn' }) : this.send({ type: 'goOn' });
        break;
      }
      case 'choose': {
        const choice = this.model.choices.find((c) => c.number === key.n);
        used = choice ? this.send({ type: 'choose', choice: choice.id }) : false;
        break;
      }
      case 'optionNext':
      case 'optionPrev':
        used = this.send({ type: 'focusOption', by: key.action === 'optionNext' ? 1 : -1 });
        break;
      default:
        used = this.send({ type: key.action });
    }
    if (used) e.preventDefault();
  };

  /** A trainer's key: this window's own (the panel, the what-if list, the presenter window) or a command. */
  private trainerCommand(action: TrainerAction, n: number | undefined): RunnerCommand | null {
    switch (action) {
      case 'panel':
        return { type: 'panel' };
      case 'whatIf':
        return { type: 'whatIfList' };
      case 'presenterWindow':
        return { type: 'presenterWindow' };
      default:
        return this.classroom ? commandFor(action, n, this.classroom.trainer().view) : null;
    }
  }

  /* ---------- the model ---------- */

  private roomOf(arrival: number) {
    const snap = this.session.snapshot;
    return {
      location: snap.location,
      present: [...snap.present],
      expressions: { ...snap.expressions },
      speaker: speakerInRoom(snap.line),
      arrival,
    };
  }

  /**
   * The room catches up with the Session: a walk to a place reached, or a redraw. With no walk
   * under way the place's name follows too (a rewind or a what-if moves without one).
   */
  private settleRoom() {
    if (this.pendingMove !== null) {
      this.walks++;
      this.walkTo = this.pendingMove;
      this.pendingMove = null;
    } else if (this.arrived === this.walks) {
      this.state.where = this.session.snapshot.location;
    }
    this.state.room = this.roomOf(this.walks);
  }

  private announceMove(location: string) {
    const name = this.playable.scenario.locations[location]?.name ?? location;
    announce(`You are now in the ${name}.`);
  }

  private build(): RunnerModel {
    const session = this.session;
    const snap = session.snapshot;
    const audience = this.classroom?.audience() ?? null;
    this.state.audience = audience;
    this.state.selected =
      audience?.revealed && snap.phase === 'choosing'
        ? selectedOption(snap, this.state.selected, audience.votes)
        : null;
    return {
      ...buildConversationModel(this.playable, this.about, snap, () => session.reveal(), this.state),
      trainer: this.classroom?.trainer() ?? null,
    };
  }

  /** Something that has just happened, for the next model (dropped there if the step was a jump). */
  private moment(happening: Happening) {
    this.moments.push({ ...happening, seq: ++this.momentSeq });
  }

  private push() {
    if (this.disposed) return;
    // Each model carries the moments since the one before; a model built later has none.
    this.state.moments = this.moments;
    this.moments = [];
    const model = (this.modelValue = this.build());
    this.state.moments = [];
    for (const p of this.presenters) p.show(model);
  }

  /* ---------- keeping the place ---------- */

  /** After every change: the class kept, or the learner's place kept and the platform told. */
  private keep() {
    if (this.classroom) {
      this.classroom.keep();
      return;
    }
    const app = this.app;
    const scenario = this.playable.scenario;
    const s = this.own;
    const platform = app.platform;
    if (platform) {
      const decisions = s.snapshot.decisions;
      if (decisions.length < this.reported) this.reported = decisions.length;
      for (; this.reported < decisions.length; this.reported++) {
        const record = decisions[this.reported]!;
        platform.decided(decisionFor(scenario, record, this.offeredAt));
        this.offeredAt = record.at;
      }
    }
    const place = s.ended ? null : JSON.stringify(s.save());
    if (place === null) app.learnerStore.remove(progressKey(scenario.id));
    else app.learnerStore.set(progressKey(scenario.id), place);
    app.platform?.placeChanged(scenario.id, place);
  }
}
