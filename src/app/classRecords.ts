/**
 * A trainer's classes on this device: what the menu needs to know of a class in progress (to ask
 * "carry on, or a new class?") and the classes that reached an ending, kept for the trainer to
 * reopen or export (at most PAST_CLASS_LIMIT, the oldest going first).
 *
 * Read without the engine, so the menu stays small: a finished class keeps its group session's
 * save (a ClassSave), and the summary and exports are rebuilt from it by replaying it, as a
 * reload does. Every record is read defensively: one that is damaged, foreign, too large or from
 * a newer CarePlay is described in a plain sentence and left out, never a crash, and never
 * deleted unless the trainer asks.
 */
import type { ClassEnding, ClassSave } from '../engine/ClassSession';
import { isObj, num, readJson, str, type Parsed } from './progressStore';
import type { KeyValueStore } from './storage';
import { classKey, PAST_CLASS_PREFIX, pastClassKey } from './storageKeys';

export const PAST_CLASS_VERSION = 1;
/** Finished classes kept on this device; the oldest goes when one more finishes. */
export const PAST_CLASS_LIMIT = 20;
/**
 * The newest group-session save this code reads (CLASS_SAVE_VERSION in src/engine/ClassSession.ts;
 * a test keeps the two equal). Not imported: that module would bring the engine into the menu.
 */
export const READABLE_CLASS_SAVE = 2;

/** A class that reached an ending. */
export interface PastClass {
  version: number;
  id: string;
  scenarioId: string;
  /** The scenario's title when the class ran. */
  title: string;
  startedAt: number;
  finishedAt: number;
  /** Decisions the class made on its own path. */
  decisions: number;
  ending: { title: string; outcome: string };
  /** The group session as it ended: the summary and exports are rebuilt from it. */
  save: ClassSave;
}

/** What the menu knows of a class saved for a scenario, without the engine. */
export interface SavedClass {
  /** The class's id, if the save has one (see ClassSave.id). */
  id: string | null;
  /** The decision the class is at, from 1 (one more than it has made). */
  decision: number;
  /** When the class began, if the save says (saves from before issue 19's item 4 do not). */
  startedAt: number | null;
  /** The ending its own path reached, or null while it is under way. */
  finished: ClassEnding | null;
}

/**
 * The class saved for a scenario, or null when there is none, it has not begun, or it cannot be
 * read: then Start goes on as before, and the conversation says plainly why a saved session it
 * could not read was not used.
 */
export function savedClass(store: KeyValueStore, scenarioId: string): SavedClass | null {
  const raw = store.get(classKey(scenarioId));
  if (raw === null) return null;
  const json = readJson(raw);
  if (!json.ok) return null;
  const save = json.value;
  if (!num(save.classSaveVersion) || save.classSaveVersion > READABLE_CLASS_SAVE) return null;
  const session = save.session;
  if (!isObj(session) || session.scenarioId !== scenarioId || !Array.isArray(session.choices)) return null;
  const finished = parseEnding(save.finished);
  // A class that never got past the pre-brief's first line, with no votes, is nothing to carry on:
  // Start begins it again, with the pre-brief, as a new class would.
  const state = isObj(save.state) ? save.state : {};
  const voted =
    Array.isArray(state.votes) &&
    state.votes.some(
      (v) => isObj(v) && isObj(v.counts) && Object.values(v.counts).some((n) => num(n) && n > 0),
    );
  if (
    !finished &&
    session.choices.length === 0 &&
    !(num(session.lineIndex) && session.lineIndex > 0) &&
    !voted
  )
    return null;
  return {
    id: str(save.id, 80) ? save.id : null,
    decision: session.choices.length + 1,
    startedAt: num(save.startedAt) ? save.startedAt : num(save.savedAt) ? save.savedAt : null,
    finished,
  };
}

function parseEnding(v: unknown): ClassEnding | null {
  if (!isObj(v) || !str(v.node, 200) || !str(v.title, 500) || !str(v.outcome, 50)) return null;
  return { node: v.node, title: v.title, outcome: v.outcome };
}

/** A past class's record, read from its stored text. */
export function parsePastClass(raw: string): Parsed<PastClass> {
  const json = readJson(raw);
  if (!json.ok) return json;
  const d = json.value;
  if (!num(d.version) || !str(d.id, 80)) return { ok: false, why: 'it is not a CarePlay record' };
  if (d.version > PAST_CLASS_VERSION)
    return { ok: false, why: 'it was saved by a newer version of CarePlay' };
  const ending = isObj(d.ending) ? d.ending : null;
  const save = isObj(d.save) ? d.save : null;
  if (
    !/^[\w-]+$/.test(d.id) ||
    !str(d.scenarioId, 200) ||
    !str(d.title, 500) ||
    !num(d.startedAt) ||
    !num(d.finishedAt) ||
    !num(d.decisions) ||
    !ending ||
    !str(ending.title, 500) ||
    !str(ending.outcome, 50) ||
    !save ||
    !num(save.classSaveVersion)
  )
    return { ok: false, why: 'it is damaged' };
  if (save.classSaveVersion > READABLE_CLASS_SAVE)
    return { ok: false, why: 'it was saved by a newer version of CarePlay' };
  return {
    ok: true,
    value: {
      version: d.version,
      id: d.id,
      scenarioId: d.scenarioId,
      title: d.title,
      startedAt: d.startedAt,
      finishedAt: d.finishedAt,
      decisions: d.decisions,
      ending: { title: ending.title, outcome: ending.outcome },
      save: save as unknown as ClassSave,
    },
  };
}

/** A stored record that could not be read: which, and why, in words. */
export interface UnreadClass {
  key: string;
  why: string;
}

/** Every past class that can be read, newest first, and each that could not be. */
export function readPastClasses(store: KeyValueStore): { classes: PastClass[]; unread: UnreadClass[] } {
  const classes: PastClass[] = [];
  const unread: UnreadClass[] = [];
  for (const key of store.keys()) {
    if (!key.startsWith(PAST_CLASS_PREFIX)) continue;
    const raw = store.get(key);
    if (raw === null) continue;
    const parsed = parsePastClass(raw);
    if (parsed.ok && pastClassKey(parsed.value.id) === key) classes.push(parsed.value);
    else unread.push({ key, why: parsed.ok ? 'it is damaged' : parsed.why });
  }
  classes.sort((a, b) => b.finishedAt - a.finishedAt || b.startedAt - a.startedAt);
  return { classes, unread: unread.sort((a, b) => a.key.localeCompare(b.key)) };
}

/**
 * Keep a finished class (the same class again, after an undo and a different ending, replaces
 * its own record), then let the oldest go beyond the limit. Records that cannot be read are left
 * as they are: they are not counted, and only the trainer deletes them. False when the browser
 * would not keep it.
 */
export function keepPastClass(store: KeyValueStore, record: PastClass, limit = PAST_CLASS_LIMIT): boolean {
  const kept = store.set(pastClassKey(record.id), JSON.stringify(record));
  for (const old of readPastClasses(store).classes.slice(limit)) store.remove(pastClassKey(old.id));
  return kept;
}

/** The record of one past class, if there is one and it can be read. */
export function pastClass(store: KeyValueStore, id: string): PastClass | null {
  const raw = store.get(pastClassKey(id));
  const parsed = raw === null ? null : parsePastClass(raw);
  return parsed?.ok ? parsed.value : null;
}

export function removePastClass(store: KeyValueStore, id: string): void {
  store.remove(pastClassKey(id));
}

/** Delete a past class's record that could not be read (the trainer asked to). */
export function removeUnreadClass(store: KeyValueStore, key: string): void {
  if (key.startsWith(PAST_CLASS_PREFIX)) store.remove(key);
}

/** A class's date and time as the menu says it, e.g. "Tue 3 Mar 2026, 09:15". */
export function classDate(ms: number): string {
  const d = new Date(ms);
  const part = (o: Intl.DateTimeFormatOptions) => d.toLocaleString('en-GB', o);
  const time = part({ hour: '2-digit', minute: '2-digit', hour12: false });
  return `${part({ weekday: 'short' })} ${part({ day: 'numeric' })} ${part({ month: 'short' })} ${part({ year: 'numeric' })}, ${time}`;
}
