/**
 * Presenter mode in the audience window: a ClassSession around the Session, the trainer's panel
 * (beside the room, behind a key on a single screen), the presenter keys, the channel to a
 * presenter window, and saving the group session as it goes so it survives a reload or a
 * laptop that sleeps over lunch.
 */
import type { App } from '../app/App';
import type { PlayableScenario } from '../app/catalogueTypes';
import { keepPastClass, pastClass, removePastClass } from '../app/classRecords';
import { readJson } from '../app/progressStore';
import { classKey, pastClassKey } from '../app/storageKeys';
import { ClassSession } from '../engine/ClassSession';
import type { Session } from '../engine/Session';
import type { TrainerAction } from '../ui/keymap';
import { announce } from '../ui/dom';
import type { AudienceClassInfo, PresenterOptions } from '../ui/conversationView';
import { applyCommand, buildClassView, CHANNEL, commandFor, type Command, type Message } from './protocol';
import { keepingPlace, renderTrainerPanel } from './trainerPanel';

export { classKey };

export interface Classroom {
  cs: ClassSession;
  /** The panel's container, to place in the HTML layer. */
  host: HTMLElement;
  presenterOptions: PresenterOptions;
  /** Call after every change: re-renders the panel, tells the presenter window, saves. */
  update(): void;
  /** What a clicker's forward key (here or in the presenter window) does on the class's screen. */
  onForward(fn: () => void): void;
  stop(): void;
}

export function startClassroom(
  app: App,
  playable: PlayableScenario,
  cs: ClassSession,
  onUpdate: () => void,
  /** The class was carried on from a save (a reload, or the menu's "carry on"). */
  resumed = false,
): Classroom {
  const title = playable.scenario.title;
  const panelHost = document.createElement('div');
  panelHost.className = 'trainer-host';
  panelHost.hidden = true;
  app.ui.appendChild(panelHost);
  let error: string | null = null;
  let presenterWindow: Window | null = null;

  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
  const openPresenter = () => {
    presenterWindow = window.open(
      `${location.pathname}?presenter=1`,
      'careplay-presenter',
      'popup,width=900,height=900',
    );
    if (!presenterWindow)
      app.notify(
        'The presenter window was blocked. Allow pop-ups for this page, or use T for the panel on this screen.',
      );
  };

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

  let forward: () => void = () => {};
  const send = (command: Command) => {
    if (command.type === 'forward') {
      forward();
      return;
    }
    const before = cs.session.snapshot.decisions.length;
    const majority = cs.majority();
    if (command.type === 'goWithClass' && majority.kind === 'tie') {
      // Said on the class's screen as well as to a screen reader, in the numbers the class sees.
      tieAt = before;
      error = null;
      announce(`${tieWords(cs, majority.choices, majority.votes)} The trainer decides.`);
      update();
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
    update();
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
    const path = cs.session.path.join(' ');
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
      decisions: cs.session.snapshot.decisions.length,
      ending: { title: finished.title, outcome: finished.outcome },
      save: { ...cs.save(now), whatIf: null },
    });
    if (!kept)
      app.notify(
        'This class could not be kept in Past class sessions on this device; its summary can still be printed or exported now.',
      );
  };

  const update = () => {
    const decisions = cs.session.snapshot.decisions.length;
    if (resumedAt !== null && (cs.onWhatIf || decisions !== resumedAt)) resumedAt = null;
    if (tieAt !== null && tieAt !== decisions) tieAt = null;
    const view = buildClassView(cs, title);
    keepingPlace(panelHost, () =>
      panelHost.replaceChildren(renderTrainerPanel(view, send, { place: 'overlay', openPresenter, error })),
    );
    channel?.postMessage({ kind: 'view', view } satisfies Message);
    app.store.set(classKey(cs.scenario.id), JSON.stringify(cs.save()));
    keepIfFinished();
    onUpdate();
  };

  if (channel) {
    channel.onmessage = (event: MessageEvent<Message>) => {
      const message = event.data;
      if (message?.kind === 'command') send(message.command);
    };
  }

  const info = (): AudienceClassInfo => {
    const state = cs.snapshot;
    const current = cs.current();
    const majority = cs.majority();
    const decisions = cs.session.snapshot.decisions.length;
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
      resumed: resumedAt !== null && resumedAt === decisions && !cs.onWhatIf ? resumedWords(resumedAt) : null,
    };
  };

  /** A trainer's key on the class's screen: this window's own actions, or a command. */
  const act = (action: TrainerAction, n?: number): boolean => {
    switch (action) {
      case 'panel':
        panelHost.hidden = !panelHost.hidden;
        if (!panelHost.hidden) panelHost.querySelector<HTMLElement>('h2')?.focus();
        return true;
      case 'whatIf':
        panelHost.hidden = false;
        panelHost.querySelector<HTMLSelectElement>('select')?.focus();
        return true;
      case 'presenterWindow':
        openPresenter();
        return true;
      default: {
        const command = commandFor(action, n, buildClassView(cs, title));
        if (command) send(command);
        return command !== null;
      }
    }
  };

  update();
  return {
    cs,
    host: panelHost,
    presenterOptions: { info, act, choose: (id) => send({ type: 'pick', choice: id }) },
    update,
    onForward(fn) {
      forward = fn;
    },
    stop() {
      channel?.postMessage({ kind: 'closed' } satisfies Message);
      channel?.close();
      panelHost.remove();
      void presenterWindow;
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
