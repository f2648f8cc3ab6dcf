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
import { TRAINER_KEYMAP } from '../ui/keymap';
import { announce } from '../ui/dom';
import type { AudienceClassInfo, PresenterOptions } from '../ui/conversationView';
import { applyCommand, buildClassView, CHANNEL, type Command, type Message } from './protocol';
import { renderTrainerPanel } from './trainerPanel';

export { classKey };

export interface Classroom {
  cs: ClassSession;
  /** The panel's container, to place in the HTML layer. */
  host: HTMLElement;
  presenterOptions: PresenterOptions;
  /** Call after every change: re-renders the panel, tells the presenter window, saves. */
  update(): void;
  stop(): void;
}

/** Keys for the trainer while a scenario runs (the one list lives with the app's keymap). */
export const PRESENTER_KEYS = TRAINER_KEYMAP.filter(([k]) => k !== 'P');

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

  const send = (command: Command) => {
    error = applyCommand(cs, command);
    if (error) announce(error);
    update();
  };

  const update = () => {
    const view = buildClassView(cs, title);
    panelHost.replaceChildren(renderTrainerPanel(view, send, { place: 'overlay', openPresenter, error }));
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
    };
  };

  const keys = (e: KeyboardEvent): boolean => {
    const snap = cs.session.snapshot;
    if (e.shiftKey && /^Digit[1-9]$/.test(e.code)) {
      const choice = snap.choices.find((c) => c.number === Number(e.code.slice(5)));
      if (choice) send({ type: 'vote', choice: choice.id, by: 1 });
      return true;
    }
    const state = cs.snapshot;
    switch (e.key.toLowerCase()) {
      case 't':
        panelHost.hidden = !panelHost.hidden;
        if (!panelHost.hidden) panelHost.querySelector<HTMLElement>('h2')?.focus();
        return true;
      case 'u':
        send({ type: 'undo' });
        return true;
      case 'v':
        send({ type: 'revealVotes', shown: !state.votesRevealed });
        return true;
      case 'o':
        send({ type: 'revealOptions', shown: !state.optionsRevealed });
        return true;
      case 'c':
        send({ type: 'goWithClass' });
        return true;
      case 'w':
        panelHost.hidden = false;
        panelHost.querySelector<HTMLSelectElement>('select')?.focus();
        return true;
      case 'b':
        if (cs.onWhatIf) send({ type: 'returnToClass' });
        return true;
      case 'k':
        send({ type: 'showScores', shown: !state.scoresShown });
        return true;
      case 'n':
        openPresenter();
        return true;
      default:
        return false;
    }
  };

  update();
  return {
    cs,
    host: panelHost,
    presenterOptions: { info, keys },
    update,
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
