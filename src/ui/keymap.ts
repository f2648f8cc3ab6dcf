/**
 * One keymap for the whole app, shown by `?`. Player keys and presenter keys never overlap:
 * presenter keys are letters the player does not use, and Shift with a digit.
 */
import type { App } from '../app/App';
import { openDialog } from './dialogs';
import { h } from './dom';

export const PLAYER_KEYMAP: [string, string][] = [
  ['1 – 9', 'Choose that option'],
  ['Enter or Space', 'Show the whole line, then go on'],
  ['Tab, arrow keys', 'Move between options'],
  ['Esc', 'Pause, with support and the way out'],
  ['G', 'Open the glossary'],
  ['S', 'Settings'],
  ['M', 'Sound on or off'],
  ['?', 'This list of keys'],
];

export const TRAINER_KEYMAP: [string, string][] = [
  ['P', 'Presenter mode on or off (on the menu)'],
  ['T', 'Show or hide the trainer panel'],
  ['Shift + 1–9', 'Add a vote for that option'],
  ['U', 'Undo the last vote'],
  ['V', 'Reveal or hide the votes'],
  ['O', 'Reveal or hide every option’s feedback and score'],
  ['C', 'Go with the class (majority)'],
  ['W', 'What if… branch from an earlier decision'],
  ['B', 'Back to the class’s path'],
  ['K', 'Show or hide scores to the class'],
  ['N', 'Open the presenter window'],
];

const list = (keys: [string, string][]) =>
  h(
    'dl',
    { class: 'keys' },
    ...keys.flatMap(([k, what]) => [h('dt', {}, h('kbd', {}, k)), h('dd', {}, what)]),
  );

export function openKeymap(app: App): HTMLDialogElement {
  return openDialog(app, 'Keys', [
    list(PLAYER_KEYMAP),
    h('h3', {}, 'In presenter mode'),
    list(TRAINER_KEYMAP),
    h('p', { class: 'note' }, 'Everything can also be done with a mouse, a touch screen or a screen reader.'),
  ]);
}
