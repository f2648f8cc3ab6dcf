/**
 * The menu as a screen of its own: drawn from the first script and the CSS, and usable before
 * Phaser, the room's art and the conversation code have arrived (they load behind it; see
 * src/main.ts). It owns what the menu does: its actions, its keys (P, ?), a trainer's dropped
 * file, the "who is playing" question and the `ready` mark that `npm run bench` reads.
 *
 * The room joins it later: its Menu scene only draws the lounge, and tells this screen it is
 * there (`roomShown`), so a Start goes through the scene chain as it always has. A Start pressed
 * before then waits here, with a progress bar, and is taken by the room as soon as it can.
 */
import type { App } from '../app/App';
import { savedClass } from '../app/classRecords';
import type { ConversationData } from '../app/screens';
import { askClassStart } from './classStart';
import { h } from './dom';
import { openKeymap } from './keymap';
import { renderMenu, type MenuActions } from './menuView';

type Problems = { file: string; lines: string[] };

/** What the menu asks of the room once it is there. */
export interface RoomPort {
  /** Leave the menu for this conversation. */
  startConversation(data: ConversationData): void;
}

/** What loads behind the menu: each settles once (a failure counts as settled; see below). */
export interface BehindTheMenu {
  room: Promise<unknown>;
  conversation: Promise<unknown>;
}

export interface MenuScreen {
  /** Draw the menu (again), with a trainer's file's problems if there are any. */
  show(problems?: Problems): void;
  /**
   * The room's Menu scene has started. Returns a conversation asked for before the room was
   * there, for the scene to start at once (the menu is not shown again), or null: then the menu
   * is on screen (drawn again if the learner came back from a conversation) and Start goes
   * through `room` until the returned `leave` is called (the scene shuts down).
   */
  roomShown(room: RoomPort): { pending: ConversationData | null; leave: () => void };
  /** The room could not be loaded (a failed download): say so, and offer to try again. */
  roomFailed(error: unknown): void;
}

/** The steps a learner waits for after pressing Start early, in words for the progress bar. */
const STEPS = ['the room', 'the conversation', 'the scenario'] as const;

export function createMenuScreen(app: App, behind: BehindTheMenu): MenuScreen {
  let room: RoomPort | null = null;
  /** A Start pressed before the room was there: what to start, and the scenario while it loads. */
  let pending: ConversationData | null = null;
  /** One start only: a second click or Enter before the screen changes would start it twice. */
  let leaving = false;
  let menuEl: HTMLElement | null = null;
  let marked = false;
  /** Why the room could not be loaded, if it could not: then a Start says so instead of waiting. */
  let roomError: string | null = null;
  let onKey: ((e: KeyboardEvent) => void) | null = null;
  const done = { room: false, conversation: false, scenario: false };
  let progressChanged: (() => void) | null = null;
  const settle = (step: keyof typeof done) => () => {
    done[step] = true;
    progressChanged?.();
  };
  // A failure counts as settled: the scene that needs it says what went wrong.
  void behind.room.then(settle('room'), settle('room'));
  void behind.conversation.then(settle('conversation'), settle('conversation'));

  /** Each conversation handed to the room, marked (tests count them: one per Start). */
  const markStart = (data: ConversationData) => performance.mark('careplay:start', { detail: data.id });

  const stopKeys = () => {
    if (onKey) document.removeEventListener('keydown', onKey);
    onKey = null;
  };

  const actions: MenuActions = {
    start: (id) => {
      // In presenter mode, a scenario with a class saved asks: carry on, or a new class?
      const saved = app.presenter && !leaving ? savedClass(app.store, id) : null;
      if (!saved) return start({ id });
      askClassStart(
        app,
        app.cards().find((c) => c.id === id),
        saved,
        (fresh) => start(fresh ? { id, fresh } : { id }),
      );
    },
    pastClasses: () => void import('./pastClassesView').then((m) => m.openPastClasses(app)),
    tryFile: (file) => void tryFile(file),
    refresh: () => show(),
    remove: (id) => {
      app.removeCustom(id);
      show();
    },
    togglePresenter: () => {
      app.presenter = !app.presenter;
      show();
      app.ui.querySelector<HTMLElement>('[aria-pressed]')?.focus();
    },
  };

  function show(problems?: Problems): void {
    present(renderMenu(app, actions, problems), problems);
  }

  /** Put a menu just built on screen, with its keys, and focus where the learner begins. */
  function present(menu: HTMLElement, problems?: Problems): void {
    leaving = false;
    pending = null;
    progressChanged = null;
    stopKeys();
    menuEl = menu;
    app.mount(menuEl);
    const keys = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || !menuEl?.isConnected) return;
      if (
        document.querySelector('dialog[open], #report') ||
        (e.target as HTMLElement).closest?.('input, textarea, select')
      )
        return;
      if (e.key === 'p' || e.key === 'P') {
        e.preventDefault();
        actions.togglePresenter();
      } else if (e.key === '?') {
        e.preventDefault();
        openKeymap(app);
      }
    };
    document.addEventListener('keydown', keys);
    onKey = keys;
    if (problems) {
      // The file's problems are what the trainer is waiting for: bring them into view and focus.
      const box = app.ui.querySelector<HTMLElement>('.problems');
      box?.focus({ preventScroll: true });
      box?.scrollIntoView({ block: 'center' });
    } else {
      app.ui.querySelector<HTMLElement>('#menu h1')?.focus({ preventScroll: true });
    }
    // Only the first menu of a page load asks; after that the learner has chosen already.
    const ask = !app.askedWhoIsPlaying;
    app.askedWhoIsPlaying = true;
    if (ask && app.progress.learners().length > 1 && !app.presenter) {
      void import('./progressView').then((m) => m.openLearners(app, actions.refresh));
    }
    document.title = 'CarePlay';
    if (!marked) {
      marked = true;
      // A standard performance mark (no data leaves the page): npm run bench reads it.
      performance.mark('ready');
    }
  }

  function start(data: ConversationData): void {
    if (leaving) return;
    leaving = true;
    stopKeys();
    if (roomError !== null) {
      leaving = false;
      sayRoomFailed();
      return;
    }
    if (room) {
      markStart(data);
      room.startConversation(data);
      return;
    }
    // The room is still on its way: wait for it here, loading the scenario meanwhile.
    pending = data;
    done.scenario = !!data.playable;
    if (!data.playable) {
      app.loadPlayable(data.id).then(
        (playable) => {
          if (pending === data) pending = { ...data, playable };
          settle('scenario')();
        },
        // The Conversation scene loads it again and explains what went wrong.
        settle('scenario'),
      );
    }
    showWaiting(data.id);
  }

  /** A visible, announced progress bar, and a way back to the menu. */
  function showWaiting(id: string): void {
    const title = app.cards().find((c) => c.id === id)?.title;
    const bar = h('progress', {
      max: STEPS.length,
      value: 0,
      'aria-labelledby': 'opening-h',
      'aria-describedby': 'opening-step',
    });
    const step = h('p', { id: 'opening-step', role: 'status' });
    progressChanged = () => {
      const ready = [done.room, done.conversation, done.scenario];
      const count = ready.filter(Boolean).length;
      bar.value = count;
      const next = STEPS[ready.indexOf(false)];
      step.textContent = next
        ? `Loading ${next} (${count} of ${STEPS.length} ready)…`
        : 'Ready: opening the scenario…';
    };
    progressChanged();
    const screen = h(
      'main',
      { class: 'screen opening', id: 'opening' },
      h(
        'div',
        { class: 'card opening-card' },
        h('h1', { id: 'opening-h', tabindex: '-1' }, title ? `Opening “${title}”` : 'Opening the scenario'),
        bar,
        step,
        h(
          'p',
          { class: 'note' },
          'Everything comes from this CarePlay; on a slow connection the first time takes a little longer.',
        ),
        h('button', { type: 'button', class: 'button secondary', onclick: () => show() }, 'Back to the menu'),
      ),
    );
    app.mount(screen);
    screen.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
  }

  function roomShown(port: RoomPort) {
    if (pending) {
      const data = pending;
      pending = null;
      progressChanged = null;
      markStart(data);
      return { pending: data, leave: () => {} };
    }
    room = port;
    // Back from a conversation or a debrief (or the room failed before): the menu again. It is
    // built now, beside the room's change of scene, and put on screen in the next frame, where it
    // is laid out and painted. All of it in one frame made a frame of 50 ms, three of the
    // display's (npm run bench: frames).
    if (!menuEl?.isConnected) {
      const menu = renderMenu(app, actions);
      requestAnimationFrame(() => {
        if (room === port && !menuEl?.isConnected) present(menu);
      });
    }
    return {
      pending: null,
      leave: () => {
        if (room === port) room = null;
        stopKeys();
      },
    };
  }

  const reload = { label: 'Reload', run: () => location.reload(), dismiss: 'Not now' };

  function sayRoomFailed(): void {
    app.notify('A scenario cannot start until the room has loaded: reload the page to try again.', reload);
  }

  function roomFailed(error: unknown): void {
    roomError = error instanceof Error ? error.message : String(error);
    app.notify(
      `The room could not be loaded (${roomError}). The menu still works; reload the page to try again.`,
      reload,
    );
    // Whoever was waiting for it goes back to the menu, which still works.
    if (pending) show();
  }

  async function tryFile(file: File): Promise<void> {
    const refuse = (lines: string[]) => show({ file: file.name, lines });
    const { checkCustomScenario, MAX_CUSTOM_BYTES } = await import('../app/customScenario');
    // A file far too large is refused before it is read at all.
    if (file.size > MAX_CUSTOM_BYTES * 4) {
      refuse([
        `the file is ${Math.round(file.size / 1024)} KB; a scenario file should be well under ${MAX_CUSTOM_BYTES / 1024} KB`,
      ]);
      return;
    }
    let checked: Awaited<ReturnType<typeof checkCustomScenario>>;
    try {
      checked = await checkCustomScenario(file.name, await file.text());
    } catch (error) {
      // The checks explain every problem they know of; anything else still gets a plain sentence.
      refuse([
        `the file could not be checked (${error instanceof Error ? error.message : String(error)}). Check it with "npm run validate", or ask whoever wrote it.`,
      ]);
      return;
    }
    if (!checked.playable || !checked.card) {
      refuse(checked.problems);
      return;
    }
    const shipped = app.cards().find((c) => !c.custom && c.id === checked.card!.id);
    if (shipped) {
      const text = await file.text();
      const line = text.split(/\r?\n/).findIndex((l) => /^id\s*:/.test(l));
      refuse([
        `${line >= 0 ? `line ${line + 1}, column 1: ` : ''}the id “${shipped.id}” is already used by “${shipped.title}”, a scenario CarePlay comes with. Give your scenario an id of its own (for example ${shipped.id}-own) and drop the file again.`,
      ]);
      return;
    }
    const text = await file.text();
    const saved = app.saveCustom(
      { id: checked.card.id, file: file.name, text, addedAt: Date.now() },
      checked.card,
    );
    if (!saved) app.notify('Your scenario could not be kept on this device, but you can play it now.');
    start({ id: checked.card.id, playable: checked.playable });
  }

  return { show, roomShown, roomFailed };
}
