/**
 * One key table for the whole app: what each key does for a learner and, in presenter mode, for
 * a trainer. The conversation view and the presenter window both read a key through `keyAction`,
 * and the `?` dialog and the trainer's pre-brief list the same rows, so a key cannot do one thing
 * and be described as another.
 *
 * In presenter mode the trainer's rows come first: a digit adds a vote (with or without Shift),
 * so a slip while counting never commits the class; a class's choice is made with C, a click or
 * Enter on an option, and U (or a clicker's back key) takes it back.
 */
import type { App } from '../app/App';
import { openDialog } from './dialogs';
import { h } from './dom';

export type PlayerAction =
  'choose' | 'goOn' | 'optionNext' | 'optionPrev' | 'pause' | 'glossary' | 'settings' | 'mute' | 'keys';

export type TrainerAction =
  | 'vote'
  | 'forward'
  | 'undo'
  | 'panel'
  | 'revealVotes'
  | 'revealOptions'
  | 'goWithClass'
  | 'whatIf'
  | 'returnToClass'
  | 'showScores'
  | 'presenterWindow'
  | 'blank'
  | 'timer';

export interface KeyRow<A extends string> {
  action: A;
  /** Key names as `keyName` gives them. */
  keys: string[];
  /** How the keys are written in the lists. */
  shown: string;
  what: string;
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

export const PLAYER_KEYS: KeyRow<PlayerAction>[] = [
  { action: 'choose', keys: DIGITS, shown: '1 – 9', what: 'Choose that option' },
  { action: 'goOn', keys: ['Enter', ' '], shown: 'Enter or Space', what: 'Show the whole line, then go on' },
  { action: 'optionNext', keys: ['ArrowDown'], shown: 'Tab, arrow keys', what: 'Move between options' },
  { action: 'optionPrev', keys: ['ArrowUp'], shown: '', what: '' },
  { action: 'pause', keys: ['Escape'], shown: 'Esc', what: 'Pause, with support and the way out' },
  { action: 'glossary', keys: ['g'], shown: 'G', what: 'Open the glossary' },
  { action: 'settings', keys: ['s'], shown: 'S', what: 'Settings' },
  { action: 'mute', keys: ['m'], shown: 'M', what: 'Sound on or off' },
  { action: 'keys', keys: ['?'], shown: '?', what: 'This list of keys' },
];

export const TRAINER_KEYS: KeyRow<TrainerAction>[] = [
  {
    action: 'vote',
    keys: DIGITS,
    shown: '1 – 9 (Shift too)',
    what: 'Add a vote for that option (never chooses it)',
  },
  { action: 'goWithClass', keys: ['c'], shown: 'C', what: 'Go with the class (majority)' },
  {
    action: 'undo',
    keys: ['u', 'Backspace', 'PageUp', 'ArrowLeft'],
    shown: 'U, Page Up, ←',
    what: 'Undo the last vote, or take back the class’s last decision',
  },
  {
    action: 'forward',
    keys: ['PageDown', 'ArrowRight'],
    shown: 'Page Down, →, ↓',
    what: 'Go on (a clicker’s forward button)',
  },
  { action: 'panel', keys: ['t'], shown: 'T', what: 'Show or hide the trainer panel (counts only)' },
  { action: 'revealVotes', keys: ['v'], shown: 'V', what: 'Reveal or hide the votes' },
  {
    action: 'revealOptions',
    keys: ['o'],
    shown: 'O',
    what: 'Reveal or hide every option’s feedback and score',
  },
  { action: 'whatIf', keys: ['w'], shown: 'W', what: 'What if… branch from an earlier decision' },
  { action: 'returnToClass', keys: ['b'], shown: 'B', what: 'Back to the class’s path' },
  { action: 'showScores', keys: ['k'], shown: 'K', what: 'Show or hide scores to the class' },
  { action: 'blank', keys: ['.'], shown: '.', what: 'Blank the class’s screen, or bring it back' },
  {
    action: 'timer',
    keys: ['d'],
    shown: 'D',
    what: 'Start or stop the discussion timer (silent, on the class’s screen)',
  },
  { action: 'presenterWindow', keys: ['n'], shown: 'N', what: 'Open the presenter window' },
];

/**
 * True while someone is typing in a field (the trainer's count or the class's reasons, a
 * learner's notes): no key is a command then, however it appears in the table.
 */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return (
    !!el &&
    typeof el.closest === 'function' &&
    (el.isContentEditable || !!el.closest('input, textarea, select'))
  );
}

/** Shown with the trainer's keys, though it works on the menu, not in a scenario. */
export const MENU_PRESENTER_KEY: [string, string] = ['P', 'Presenter mode on or off (on the menu)'];

/**
 * A key's name for the table: digits by their place on the keyboard (Shift+2 is '"' or '@'
 * depending on the layout), letters in lower case, anything else as the browser names it.
 */
export function keyName(e: Pick<KeyboardEvent, 'key' | 'code'>): string {
  const digit = /^(?:Digit|Numpad)([1-9])$/.exec(e.code);
  if (digit) return digit[1]!;
  return e.key.length === 1 ? e.key.toLowerCase() : e.key;
}

export type KeyAction =
  { who: 'player'; action: PlayerAction; n?: number } | { who: 'trainer'; action: TrainerAction; n?: number };

/**
 * What a key does here: in presenter mode the trainer's table first, then the learner's (less
 * choosing, which only a deliberate click, Enter or C does for a class). Null for any other key,
 * and for keys held with Ctrl, Alt or Meta (the browser's own).
 */
export function keyAction(
  e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'altKey' | 'metaKey' | 'shiftKey'>,
  presenter: boolean,
): KeyAction | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  const name = keyName(e);
  const n = DIGITS.includes(name) ? Number(name) : undefined;
  if (presenter) {
    const row = TRAINER_KEYS.find((r) => r.keys.includes(name));
    if (row) return { who: 'trainer', action: row.action, ...(n ? { n } : {}) };
  }
  // Shift with a digit is a trainer's vote; for a learner it is nothing.
  if (n && e.shiftKey) return null;
  const row = PLAYER_KEYS.find((r) => r.keys.includes(name) && !(presenter && r.action === 'choose'));
  return row ? { who: 'player', action: row.action, ...(n ? { n } : {}) } : null;
}

const list = (rows: [string, string][]) =>
  h(
    'dl',
    { class: 'keys' },
    ...rows.flatMap(([k, what]) => [h('dt', {}, h('kbd', {}, k)), h('dd', {}, what)]),
  );

const rowsOf = (rows: KeyRow<string>[]): [string, string][] =>
  rows.filter((r) => r.shown).map((r) => [r.shown, r.what]);

/** The trainer's keys as the lists show them (in a scenario, so without the menu's P). */
export const trainerKeyList = (): [string, string][] => rowsOf(TRAINER_KEYS);

/** The `?` dialog: every key, the learner's and the trainer's. */
export function openKeymap(app: App): HTMLDialogElement {
  return openDialog(app, 'Keys', [
    list(rowsOf(PLAYER_KEYS)),
    h('h3', {}, 'In presenter mode'),
    list([MENU_PRESENTER_KEY, ...rowsOf(TRAINER_KEYS)]),
    h(
      'p',
      { class: 'note' },
      'In presenter mode a digit adds a vote and never chooses: the class’s choice is C, a click, or Enter on an option. Everything can also be done with a mouse, a touch screen or a screen reader.',
    ),
  ]);
}
