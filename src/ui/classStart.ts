/**
 * Presenter mode, Start on a scenario that has a class saved: carry on with it, or start a new
 * class (fresh, with the pre-brief)? The next group never inherits the last group's place or
 * ending by accident. A finished class is kept in Past class sessions either way.
 */
import type { App } from '../app/App';
import type { ScenarioCard } from '../app/catalogueTypes';
import { classDate, pastClass, type SavedClass } from '../app/classRecords';
import { openDialog } from './dialogs';
import { h } from './dom';

/** "decision 3 of about 7": the card's fewest and most decisions, as one number. */
function howFar(decision: number, card: Pick<ScenarioCard, 'decisions'> | undefined): string {
  const d = card?.decisions;
  if (!d || d.most <= 0) return `decision ${decision}`;
  const about = Math.max(decision, Math.round((d.fewest + d.most) / 2));
  return `decision ${decision} of ${d.fewest === d.most && about === d.most ? '' : 'about '}${about}`;
}

/** Ask, then start: `go(true)` for a new class, `go(false)` to carry on with the saved one. */
export function askClassStart(
  app: App,
  card: Pick<ScenarioCard, 'title' | 'decisions'> | undefined,
  saved: SavedClass,
  go: (fresh: boolean) => void,
): HTMLDialogElement {
  const title = card?.title ?? 'this scenario';
  const answer = (fresh: boolean) => {
    dialog.close();
    go(fresh);
  };
  const started = saved.startedAt === null ? '' : `, started ${classDate(saved.startedAt)}`;
  const fresh = h(
    'button',
    { type: 'button', class: saved.finished ? 'button' : 'button secondary', onclick: () => answer(true) },
    'Start a new class',
  );
  const carryOn = h(
    'button',
    { type: 'button', class: saved.finished ? 'button secondary' : 'button', onclick: () => answer(false) },
    saved.finished
      ? 'Back to that class’s ending'
      : `Carry on with the class in progress (${howFar(saved.decision, card)}${started})`,
  );
  const cancel = h(
    'button',
    { type: 'button', class: 'button quiet', onclick: () => dialog.close() },
    'Cancel',
  );
  const dialog = openDialog(
    app,
    saved.finished ? `The last class on “${title}” has finished` : `A class is in progress on “${title}”`,
    saved.finished
      ? [
          h(
            'p',
            {},
            `${saved.startedAt === null ? 'It' : `The class that started ${classDate(saved.startedAt)}`} reached “${saved.finished.title}”.`,
            saved.id && pastClass(app.store, saved.id)
              ? ' It is kept in Past class sessions, to reopen or export.'
              : '',
          ),
          h('p', {}, 'A new class starts from the beginning, with the pre-brief.'),
        ]
      : [
          h('p', {}, 'A new class starts from the beginning, with the pre-brief.'),
          h('p', { class: 'note' }, 'The class in progress is not kept if a new class starts.'),
        ],
    saved.finished ? [fresh, carryOn, cancel] : [carryOn, fresh, cancel],
  );
  dialog.classList.add('class-start');
  (saved.finished ? fresh : carryOn).focus();
  return dialog;
}
