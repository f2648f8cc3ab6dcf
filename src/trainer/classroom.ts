/**
 * Presenter mode in the audience window: the group session's rules for the class's screen (a
 * tie said in the class's numbers, "carried on" after a reload, the error a command met), keeping
 * the class on this device as it goes so it survives a reload or a laptop that sleeps over
 * lunch, and two presenters for the ConversationRunner: the trainer's panel (beside the room,
 * behind a key on a single screen) and the channel to a presenter window.
 */
import type { App } from '../app/App';
import type { PlayableScenario } from '../app/catalogueTypes';
import { keepPastClass, pastClass, removePastClass } from '../app/classRecords';
import { readJson } from '../app/progressStore';
import { classKey, pastClassKey } from '../app/storageKeys';
import { ClassSession } from '../engine/ClassSession';
import { buildDebrief } from '../engine/debrief';
import type { Session } from '../engine/Session';
import type { AudienceClassInfo, Presenter } from '../ui/conversationModel';
import { announce } from '../ui/dom';
import {
  applyCommand,
  buildClassView,
  CHANNEL,
  type ClassView,
  type Command,
  type Message,
} from './protocol';
import { classSheets, type ClassSheets } from './classSummary';
import { keepingPlace, renderTrainerPanel } from './trainerPanel';

export { classKey };

/** A trainer's command for this window only: the panel, the what-if list, the presenter window. */
export type WindowCommand = { type: 'panel' } | { type: 'whatIfList' } | { type: 'presenterWindow' };

/** What the trainer's panel and window show: the class's view and the error the last command met. */
export interface TrainerModel {
  view: ClassView;
  error: string | null;
}

/** What the trainer's presenters read of the runner's model. */
export interface TrainerShown {
  trainer: TrainerModel | null;
}

export interface Classroom {
  cs: ClassSession;
  /** A trainer's command (all but 'forward', which the runner carries out on the class's screen). */
  apply(command: Command): void;
  /** What the class's screen shows of the group session. */
  audience(): AudienceClassInfo;
  trainer(): TrainerModel;
  /** Keep the class on this device, and in Past class sessions once it reaches its ending. */
  keep(): void;
}

export function startClassroom(
  app: App,
  playable: PlayableScenario,
  cs: ClassSession,
  /** The class was carried on from a save (a reload, or the menu's "carry on"). */
  resumed = false,
): Classroom {
  const title = playable.scenario.title;
  let error: string | null = null;

  /** The decision at which the trainer asked to go with a tied class: the class's screen says so. */
  let tieAt: number | null = null;
  /** Carried on from a save: the class's screen says so until the class moves to another decision. */
  const at = cs.session.snapshot;
  let resumedAt: number | null =
    resumed &&
    !cs.finished &&
    (at.decisions.length > 0 || at.lineIndex > 0 || cs.snapshot.votes.some(hasVotes))
      ? at.decisions.length
      : null;
  if (resumedAt !== null) announce(resumedWords(resumedAt));

  const apply = (command: Command) => {
    const before = cs.session.snapshot.decisions.length;
    const majority = cs.majority();
    if (command.type === 'goWithClass' && majority.kind === 'tie') {
      // Said on the class's screen as well as to a screen reader, in the numbers the class sees.
      tieAt = before;
      error = null;
      announce(`${tieWords(cs, majority.choices, majority.votes)} The trainer decides.`);
      return;
    }
    error = applyCommand(cs, command);
    if (error) announce(error);
    else if (command.type === 'undo') {
      const after = cs.session.snapshot.decisions.length;
      announce(
        after < before
          ? `Decision ${after + 1} taken back: the class is choosing again, with its votes kept.`
          : 'Last vote undone.',
      );
    }
  };

  /** The signs last only while the class is at the decision they were about. */
  const settle = () => {
    const decisions = cs.session.snapshot.decisions.length;
    if (resumedAt !== null && (cs.onWhatIf || decisions !== resumedAt)) resumedAt = null;
    if (tieAt !== null && tieAt !== decisions) tieAt = null;
    return decisions;
  };

  /** The path last kept in Past class sessions by this page, so an update at the ending writes once. */
  let keptPath: string | null = null;
  /** A class that reaches an ending is kept for the trainer to reopen; taken back, it is not finished. */
  const keepIfFinished = () => {
    if (cs.onWhatIf) return;
    const finished = cs.finished;
    if (!finished) {
      keptPath = null;
      if (app.store.get(pastClassKey(cs.id)) !== null) removePastClass(app.store, cs.id);
      return;
    }
    const path = cs.classPath.path.join(' ');
    if (keptPath === path) return;
    keptPath = path;
    if (pastClass(app.store, cs.id)?.save.session.choices.join(' ') === path) return;
    const now = Date.now();
    const kept = keepPastClass(app.store, {
      version: 1,
      id: cs.id,
      scenarioId: cs.scenario.id,
      title,
      startedAt: cs.startedAt,
      finishedAt: now,
      decisions: cs.classPath.snapshot.decisions.length,
      ending: { title: finished.title, outcome: finished.outcome },
      save: { ...cs.save(now), whatIf: null },
    });
    if (!kept)
      app.notify(
        'This class could not be kept in Past class sessions on this device; its summary can still be printed or exported now.',
      );
  };

  /**
   * What the handout and the take-away print, once the class's own path has ended: the presenter
   * window offers both as soon as the class reaches its ending, before the class's screen moves
   * on to the summary, and the handout names each option voted for in its words. Built once for
   * each path that ends.
   */
  let sheets: { path: string; sheets: ClassSheets } | null = null;
  const sheetsNow = (): ClassSheets | null => {
    const result = cs.onWhatIf ? null : cs.session.result();
    if (!result) return null;
    const path = cs.classPath.path.join(' ');
    if (sheets?.path !== path) {
      const model = buildDebrief(playable.scenario, result, playable.analysis.bestPath);
      sheets = { path, sheets: classSheets(playable, model) };
    }
    return sheets.sheets;
  };

  return {
    cs,
    apply,
    audience() {
      const decisions = settle();
      const state = cs.snapshot;
      const current = cs.current();
      const majority = cs.majority();
      return {
        votes: state.votesRevealed && current ? current.counts : null,
        revealed: state.optionsRevealed,
        scores: state.scoresShown ? { ...cs.session.snapshot.scores } : null,
        blanked: state.blanked,
        whatIfFrom: cs.onWhatIf ? (cs.whatIf?.fromDecision ?? 0) + 1 : null,
        timer: current && (current.timer.since !== null || current.timer.ms > 0) ? current.timer : null,
        tie:
          tieAt === decisions && majority.kind === 'tie'
            ? tieWords(cs, majority.choices, majority.votes)
            : null,
        resumed:
          resumedAt !== null && resumedAt === decisions && !cs.onWhatIf ? resumedWords(resumedAt) : null,
      };
    },
    trainer() {
      settle();
      return { view: { ...buildClassView(cs, title), takeaway: sheetsNow() }, error };
    },
    keep() {
      app.store.set(classKey(cs.scenario.id), JSON.stringify(cs.save()));
      keepIfFinished();
    },
  };
}

/**
 * The trainer's panel beside the class's screen: hidden until T (or W, which opens it at the
 * what-if list). It draws the model's ClassView and sends the runner commands.
 */
export function trainerPanelPresenter(
  app: App,
  send: (command: Command | WindowCommand) => boolean,
): Presenter<TrainerShown, { type: string }> {
  const host = document.createElement('div');
  host.className = 'trainer-host';
  host.hidden = true;
  // After the conversation: the panel sits above it.
  app.ui.appendChild(host);
  return {
    show({ trainer }) {
      if (!trainer) return;
      keepingPlace(host, () =>
        host.replaceChildren(
          renderTrainerPanel(trainer.view, send, {
            place: 'overlay',
            openPresenter: () => send({ type: 'presenterWindow' }),
            error: trainer.error,
          }),
        ),
      );
    },
    intercept(command) {
      if (command.type === 'panel') {
        host.hidden = !host.hidden;
        if (!host.hidden) host.querySelector<HTMLElement>('h2')?.focus();
        return true;
      }
      if (command.type === 'whatIfList') {
        host.hidden = false;
        host.querySelector<HTMLSelectElement>('select')?.focus();
        return true;
      }
      return false;
    },
    dispose() {
      host.remove();
    },
  };
}

/**
 * The presenter window's line to this one (BroadcastChannel: same origin, nothing leaves the
 * device): each model's ClassView goes to it, and its commands come to the runner.
 */
export function presenterChannel(
  app: App,
  send: (command: Command) => boolean,
): Presenter<TrainerShown, { type: string }> {
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
  if (channel) {
    channel.onmessage = (event: MessageEvent<Message>) => {
      const message = event.data;
      if (message?.kind === 'command') send(message.command);
    };
  }
  const openPresenter = () => {
    const opened = window.open(
      `${location.pathname}?presenter=1`,
      'careplay-presenter',
      'popup,width=900,height=900',
    );
    if (!opened)
      app.notify(
        'The presenter window was blocked. Allow pop-ups for this page, or use T for the panel on this screen.',
      );
  };
  return {
    show({ trainer }) {
      if (trainer) channel?.postMessage({ kind: 'view', view: trainer.view } satisfies Message);
    },
    intercept(command) {
      if (command.type !== 'presenterWindow') return false;
      openPresenter();
      return true;
    },
    dispose() {
      channel?.postMessage({ kind: 'closed' } satisfies Message);
      channel?.close();
    },
  };
}

const hasVotes = (v: { counts: Record<string, number> }) => Object.values(v.counts).some((n) => n > 0);

/** "Tied: options 1 and 3, 2 votes each." in the numbers on the class's screen. */
function tieWords(cs: ClassSession, choices: string[], votes: number): string {
  const numbers = choices.map((id) => cs.session.snapshot.choices.find((c) => c.id === id)?.number ?? '?');
  const list =
    numbers.length > 2 ? `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}` : numbers.join(' and ');
  return `Tied: options ${list}, ${votes} vote${votes === 1 ? '' : 's'} each.`;
}

function resumedWords(decisions: number): string {
  return `Carried on from decision ${decisions + 1} — votes and choices so far are kept.`;
}

/** A ClassSession for this scenario: the saved one if it still fits, or a new one. */
export function classSessionFor(
  app: App,
  playable: PlayableScenario,
  session: Session | undefined,
  options: ConstructorParameters<typeof ClassSession>[2],
  fresh: boolean,
): { cs: ClassSession; resumed: boolean } {
  const scenario = playable.scenario;
  const made = (cs: ClassSession, resumed = false) => ({ cs, resumed });
  if (!session && !fresh) {
    const saved = app.store.get(classKey(scenario.id));
    if (saved) {
      const json = readJson(saved);
      if (!json.ok && !json.why.includes('not a CarePlay')) {
        app.notify(`The saved group session could not be restored: ${json.why}. It starts afresh.`);
        app.store.remove(classKey(scenario.id));
        return made(new ClassSession(scenario, session, options));
      }
      const restored = ClassSession.restore(scenario, json.ok ? json.value : null, options);
      if (restored.ok) {
        for (const note of restored.notes) app.notify(note);
        return made(restored.classSession, true);
      }
      app.notify(`The saved group session could not be restored: ${restored.reason}`);
      app.store.remove(classKey(scenario.id));
    }
  }
  if (fresh) app.store.remove(classKey(scenario.id));
  return made(new ClassSession(scenario, session, options));
}
