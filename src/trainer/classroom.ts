/**
 * Presenter mode in the audience window: a ClassSession around the Session, the trainer's panel
 * (beside the room, behind a key on a single screen), the presenter keys, the channel to a
 * presenter window, and saving the group session as it goes so it survives a reload or a
 * laptop that sleeps over lunch.
 */
import type { App } from '../app/App';
import type { PlayableScenario } from '../app/catalogueTypes';
import { readJson } from '../app/progressStore';
import { classKey } from '../app/storageKeys';
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

  let forward: () => void = () => {};
  const send = (command: Command) => {
    if (command.type === 'forward') {
      forward();
      return;
    }
    const before = cs.session.snapshot.decisions.length;
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

  const update = () => {
    const view = buildClassView(cs, title);
    keepingPlace(panelHost, () =>
      panelHost.replaceChildren(renderTrainerPanel(view, send, { place: 'overlay', openPresenter, error })),
    );
    channel?.postMessage({ kind: 'view', view } satisfies Message);
    app.store.set(classKey(cs.scenario.id), JSON.stringify(cs.save()));
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
    return {
      votes: state.votesRevealed && current ? current.counts : null,
      revealed: state.optionsRevealed,
      scores: state.scoresShown ? { ...cs.session.snapshot.scores } : null,
      blanked: state.blanked,
      whatIfFrom: cs.onWhatIf ? (cs.session.snapshot.whatIf?.fromDecision ?? 0) + 1 : null,
      timer: current && (current.timer.since !== null || current.timer.ms > 0) ? current.timer : null,
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

/** A ClassSession for this scenario: the saved one if it still fits, or a new one. */
export function classSessionFor(
  app: App,
  playable: PlayableScenario,
  session: Session | undefined,
  options: ConstructorParameters<typeof ClassSession>[2],
  fresh: boolean,
): ClassSession {
  const scenario = playable.scenario;
  if (!session && !fresh) {
    const saved = app.store.get(classKey(scenario.id));
    if (saved) {
      const json = readJson(saved);
      if (!json.ok && !json.why.includes('not a CarePlay')) {
        app.notify(`The saved group session could not be restored: ${json.why}. It starts afresh.`);
        app.store.remove(classKey(scenario.id));
        return new ClassSession(scenario, session, options);
      }
      const restored = ClassSession.restore(scenario, json.ok ? json.value : null, options);
      if (restored.ok) {
        for (const note of restored.notes) app.notify(note);
        return restored.classSession;
      }
      app.notify(`The saved group session could not be restored: ${restored.reason}`);
      app.store.remove(classKey(scenario.id));
    }
  }
  if (fresh) app.store.remove(classKey(scenario.id));
  return new ClassSession(scenario, session, options);
}
