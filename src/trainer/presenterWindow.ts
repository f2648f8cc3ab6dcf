/**
 * The presenter window (opened with ?presenter=1 beside the audience window): the trainer's
 * notes and remote control. It holds no Session: the audience window owns it (and the sound)
 * and sends this window what to show, so either can be closed and reopened without loss.
 */
import type { App } from '../app/App';
import { h } from '../ui/dom';
import { renderClassSummary } from './classSummary';
import { isTyping, keyAction } from '../ui/keymap';
import { CHANNEL, commandFor, type ClassView, type Command, type Message } from './protocol';
import { keepingPlace, renderTrainerPanel } from './trainerPanel';

export function bootPresenter(app: App): () => void {
  document.title = 'Presenter – CarePlay';
  document.documentElement.setAttribute('data-window', 'presenter');
  const root = h('main', { class: 'screen presenter-window' });
  app.mount(root);
  if (typeof BroadcastChannel === 'undefined') {
    root.append(
      h(
        'p',
        {},
        'This browser cannot link two windows. Use the trainer panel in the audience window instead (press T).',
      ),
    );
    return () => {};
  }
  const channel = new BroadcastChannel(CHANNEL);
  let view: ClassView | null = null;
  const send = (command: Command) => channel.postMessage({ kind: 'command', command } satisfies Message);

  const render = () => {
    if (!view) {
      root.replaceChildren(
        h('h1', {}, 'Presenter window'),
        h(
          'p',
          { role: 'status' },
          'Waiting for the audience window… Start a scenario there in presenter mode, or carry on the one in progress.',
        ),
      );
      return;
    }
    const ended = view.snapshot.phase === 'ended';
    root.replaceChildren(
      h('h1', { class: 'visually-hidden' }, `Presenter window: ${view.title}`),
      renderTrainerPanel(view, send, { place: 'window' }),
      // A what-if's ending is not the class's: its summary comes at the end of the class's own path.
      ...(ended && view.bands && !view.onWhatIf ? [renderClassSummary(view, send)] : []),
    );
  };

  channel.onmessage = (event: MessageEvent<Message>) => {
    const message = event.data;
    if (message?.kind === 'view') {
      // Keep the trainer's place when the panel is redrawn (after a count, while typing reasons).
      keepingPlace(root, () => {
        view = message.view;
        render();
      });
    } else if (message?.kind === 'closed') {
      view = null;
      render();
    }
  };
  // Ask for the current state now, and again while nothing has come (the audience may load later).
  send({ type: 'hello' });
  const timer = window.setInterval(() => {
    if (!view) send({ type: 'hello' });
  }, 1500);

  // The same key table as the class's screen: a digit adds a vote, C goes with the class, U or
  // a clicker's back key undoes, its forward key moves the class's screen on.
  const onKey = (e: KeyboardEvent) => {
    if (!view || e.defaultPrevented) return;
    if (isTyping(e.target)) return;
    const key = keyAction(e, true);
    // A clicker's ↓ is the learner's "next option" key; here, with no options to move between, it goes on.
    const command =
      key?.who === 'trainer'
        ? commandFor(key.action, key.n, view)
        : key?.action === 'optionNext'
          ? ({ type: 'forward' } as const)
          : null;
    if (command) {
      e.preventDefault();
      send(command);
    }
  };
  document.addEventListener('keydown', onKey);
  render();
  return () => {
    window.clearInterval(timer);
    document.removeEventListener('keydown', onKey);
    channel.close();
  };
}
