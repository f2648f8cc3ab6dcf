/**
 * A finished class, reopened from the menu's Past class sessions: its summary rebuilt from the
 * group session it kept (replayed, as a reload does), with the same handout, take-away, CSV and
 * JSON as the summary at the end of the class. Whatever cannot be rebuilt (the scenario is gone,
 * or has changed so the class's path no longer fits) is said plainly.
 */
import type { App } from '../app/App';
import type { PastClass } from '../app/classRecords';
import { ClassSession } from '../engine/ClassSession';
import { buildDebrief } from '../engine/debrief';
import { openDialog } from '../ui/dialogs';
import { h } from '../ui/dom';
import { classSheets, download, printSheet, renderClassSummary, summaryJson } from './classSummary';
import { buildClassView, type ClassView } from './protocol';

type Rebuilt = { ok: true; view: ClassView; notes: string[] } | { ok: false; why: string };

/** The class's summary as it ended, with its take-away made as at the end of the class. */
export async function pastClassView(app: App, record: PastClass): Promise<Rebuilt> {
  let playable;
  try {
    playable = await app.loadPlayable(record.scenarioId);
  } catch {
    return { ok: false, why: `its scenario, “${record.title}”, is no longer on this device.` };
  }
  const { scenario } = playable;
  const restored = ClassSession.restore(scenario, record.save);
  if (!restored.ok)
    return { ok: false, why: restored.reason.replace(/ Please start the scenario again\.$/, '') };
  const cs = restored.classSession;
  const result = cs.session.result();
  if (!cs.finished || cs.onWhatIf || !result)
    return {
      ok: false,
      why: `“${record.title}” has changed since, and the class’s path no longer ends there.`,
    };
  const model = buildDebrief(scenario, result, playable.analysis.bestPath);
  const takeaway = classSheets(playable, model);
  return {
    ok: true,
    view: { ...buildClassView(cs, record.title), takeaway, onSummary: true },
    notes: restored.notes,
  };
}

function cannot(app: App, what: string, why: string) {
  openDialog(app, `The summary could not be ${what}`, [h('p', {}, `It was kept, but ${why}`)]);
}

/**
 * The summary in a dialog over the menu, as the class saw it at the end; with `print`, one of
 * its sheets goes straight to the printer (the learners' take-away, reprinted for a class).
 */
export async function reopenPastClass(
  app: App,
  record: PastClass,
  when: string,
  print?: 'takeaway',
): Promise<void> {
  const rebuilt = await pastClassView(app, record);
  if (!rebuilt.ok) {
    cannot(app, 'reopened', rebuilt.why);
    return;
  }
  const dialog = openDialog(app, `${record.title}: the class of ${when}`, [
    ...rebuilt.notes.map((n) => h('p', { class: 'note' }, n)),
    renderClassSummary(rebuilt.view),
  ]);
  dialog.classList.add('past-summary');
  // Open at the top, on its title, not scrolled down to the summary's first button.
  const heading = dialog.querySelector<HTMLElement>('h2');
  heading?.setAttribute('tabindex', '-1');
  heading?.focus();
  dialog.scrollTop = 0;
  if (print) printSheet(print);
}

/** The same files the summary exports, named for the day the class ran. */
export async function exportPastClass(app: App, record: PastClass, kind: 'csv' | 'json'): Promise<void> {
  const rebuilt = await pastClassView(app, record);
  if (!rebuilt.ok) {
    cannot(app, 'exported', rebuilt.why);
    return;
  }
  const date = new Date(record.finishedAt).toISOString().slice(0, 10);
  const name = `careplay-${record.scenarioId}-${date}`;
  if (kind === 'json') download(`${name}.json`, 'application/json', summaryJson(rebuilt.view));
  else if (rebuilt.view.summaryCsv) download(`${name}.csv`, 'text/csv', rebuilt.view.summaryCsv);
}
