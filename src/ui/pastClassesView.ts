/**
 * Past class sessions (presenter mode, on the menu): each class that reached an ending on this
 * device, newest first, with its summary to reopen, its learners' take-away to print again, its
 * CSV and JSON to export, and a delete that asks first. A record that cannot be read is said plainly and left out, and can be deleted.
 * The list needs no engine; reopening and exporting rebuild the summary in the runner.
 */
import type { App } from '../app/App';
import {
  classDate,
  PAST_CLASS_LIMIT,
  readPastClasses,
  removePastClass,
  removeUnreadClass,
  type PastClass,
  type UnreadClass,
} from '../app/classRecords';
import { clear, h } from './dom';
import { openDialog } from './dialogs';

export function openPastClasses(app: App): HTMLDialogElement {
  const body = h('div', { class: 'past-classes' });
  const dialog = openDialog(app, 'Past class sessions', [body]);
  dialog.classList.add('past-classes-dialog');
  draw(app, body);
  return dialog;
}

function draw(app: App, body: HTMLElement, focus?: number): void {
  const { classes, unread } = readPastClasses(app.store);
  clear(body);
  body.append(
    h(
      'p',
      { class: 'note' },
      `Classes that reached an ending on this computer, newest first. The last ${PAST_CLASS_LIMIT} are kept.`,
    ),
    classes.length
      ? h('ul', { class: 'past-class-list' }, ...classes.map((c) => row(app, body, c, classes.indexOf(c))))
      : h('p', {}, 'No class has reached an ending yet.'),
    ...unread.map((u) => unreadRow(app, body, u)),
  );
  if (focus !== undefined) {
    // After a delete: on to the next class's first button, or the last one's, or the list itself.
    const rows = body.querySelectorAll<HTMLElement>('.past-class-list > li');
    const next = rows[Math.min(focus, rows.length - 1)]?.querySelector<HTMLElement>('button');
    (next ?? body.closest('dialog')?.querySelector<HTMLElement>('.dialog-actions button'))?.focus();
  }
}

function row(app: App, body: HTMLElement, c: PastClass, index: number): HTMLElement {
  const id = `past-class-${c.id}`;
  const when = classDate(c.startedAt);
  const runner = () => app.loadRunner();
  const unavailable = (error: unknown) =>
    app.notify(
      `The summary could not be opened: ${error instanceof Error ? error.message : String(error)}. Reload the page to try again.`,
    );
  const button = (label: string, onclick: () => void, kind = 'secondary') =>
    h('button', { type: 'button', class: `button small ${kind}`, 'aria-describedby': id, onclick }, label);
  return h(
    'li',
    {},
    h(
      'div',
      { id },
      h('h3', {}, c.title),
      h(
        'p',
        {},
        `${when} · ${c.decisions} decision${c.decisions === 1 ? '' : 's'} · ending: “${c.ending.title}”`,
      ),
    ),
    h(
      'div',
      { class: 'actions' },
      button(
        'Reopen summary',
        () => void runner().then((r) => r.reopenPastClass(app, c, when), unavailable),
        '',
      ),
      button(
        'Print take-away',
        () => void runner().then((r) => r.reopenPastClass(app, c, when, 'takeaway'), unavailable),
      ),
      button('Export CSV', () => void runner().then((r) => r.exportPastClass(app, c, 'csv'), unavailable)),
      button('Export JSON', () => void runner().then((r) => r.exportPastClass(app, c, 'json'), unavailable)),
      button(
        'Delete',
        () =>
          confirmDelete(app, `the class of ${when} on “${c.title}”`, () => {
            removePastClass(app.store, c.id);
            draw(app, body, index);
          }),
        'quiet',
      ),
    ),
  );
}

function unreadRow(app: App, body: HTMLElement, u: UnreadClass): HTMLElement {
  const newer = /newer version/.test(u.why);
  return h(
    'p',
    { class: 'past-class-unread' },
    `One saved class session could not be read (${u.why}), so it is left out.`,
    newer ? ' It is kept, for a newer CarePlay on this computer.' : ' ',
    newer
      ? null
      : h(
          'button',
          {
            type: 'button',
            class: 'button small quiet',
            onclick: () =>
              confirmDelete(app, 'the class session that could not be read', () => {
                removeUnreadClass(app.store, u.key);
                draw(app, body, 0);
              }),
          },
          'Delete it',
        ),
  );
}

/** Delete only after a second, deliberate choice; "Keep it" has the focus. */
function confirmDelete(app: App, what: string, remove: () => void): void {
  let deleted = false;
  const yes = h(
    'button',
    {
      type: 'button',
      class: 'button danger',
      onclick: () => {
        deleted = true;
        dialog.close();
      },
    },
    'Delete',
  );
  const keep = h('button', { type: 'button', class: 'button', onclick: () => dialog.close() }, 'Keep it');
  const dialog = openDialog(
    app,
    'Delete this class session?',
    [h('p', {}, `Delete ${what}? Its summary and exports go with it; this cannot be undone.`)],
    [yes, keep],
    // Focus goes to the list as it is after the delete, not to a button no longer there.
    () => {
      if (!deleted) return null;
      remove();
      return document.activeElement as HTMLElement | null;
    },
  );
  keep.focus();
}
