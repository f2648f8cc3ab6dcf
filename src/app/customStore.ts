/**
 * A trainer's own scenarios, kept on this device: the file as it was dropped (`custom:file:<id>`)
 * and the card the menu shows for it (`custom:card:<id>`). Read like every other record:
 * versioned and field by field. A damaged card gives way to one made from the file's name (Start
 * checks the file again, and writes a fresh card); a damaged file is left off the menu with a
 * plain sentence saying so. Nothing is deleted: a record that cannot be read is still kept.
 */
import { RELATIONSHIPS, type Relationship } from '../engine/model';
import type { ScenarioCard } from './catalogueTypes';
import { isObj, num, readJson, str, type Parsed } from './progressStore';
import type { KeyValueStore } from './storage';
import { CUSTOM_FILE_PREFIX, customCardKey } from './storageKeys';

export { CUSTOM_PREFIX } from './storageKeys';

export const CUSTOM_VERSION = 1;
/** The largest scenario file CarePlay takes, in characters (so no field of its card is longer). */
export const MAX_CUSTOM_CHARS = 512 * 1024;

export interface CustomEntry {
  version?: typeof CUSTOM_VERSION;
  id: string;
  file: string;
  text: string;
  addedAt: number;
}

const ID = /^[a-z0-9][a-z0-9-]*$/;

/** Records saved before these had a version are read as version 1. */
function checkVersion(d: Record<string, unknown>, field = 'version'): string | null {
  const v = d[field];
  if (v === undefined) return null;
  if (!num(v)) return 'it is not a CarePlay record';
  if (v > CUSTOM_VERSION) return 'it was saved by a newer version of CarePlay';
  if (v < 1) return 'it was saved by an older version of CarePlay that is no longer read';
  return null;
}

/** A card as stored: `version` is the scenario's own, so the record's version has its own field. */
export function cardRecord(card: ScenarioCard): string {
  return JSON.stringify({ recordVersion: CUSTOM_VERSION, ...card });
}

export function parseCustomEntry(raw: string): Parsed<CustomEntry> {
  const json = readJson(raw);
  if (!json.ok) return json;
  const d = json.value;
  const version = checkVersion(d);
  if (version) return { ok: false, why: version };
  if (!str(d.id, 200) || !ID.test(d.id) || typeof d.text !== 'string')
    return { ok: false, why: 'it is not a CarePlay record' };
  if (d.text.length > MAX_CUSTOM_CHARS)
    return { ok: false, why: 'it is far too large to be a scenario file' };
  return {
    ok: true,
    value: {
      version: CUSTOM_VERSION,
      id: d.id,
      file: str(d.file, 500) && d.file.trim() ? d.file : `${d.id}.yaml`,
      text: d.text,
      addedAt: num(d.addedAt) ? d.addedAt : 0,
    },
  };
}

export function parseCard(raw: string, id: string): Parsed<ScenarioCard> {
  const json = readJson(raw);
  if (!json.ok) return json;
  const d = json.value;
  const version = checkVersion(d, 'recordVersion');
  if (version) return { ok: false, why: version };
  if (d.id !== id) return { ok: false, why: 'it is not a CarePlay record' };
  if (
    !num(d.version) ||
    !str(d.title, MAX_CUSTOM_CHARS) ||
    !str(d.summary, MAX_CUSTOM_CHARS) ||
    !num(d.minutes) ||
    !(d.contentNote === null || d.contentNote === undefined || str(d.contentNote, MAX_CUSTOM_CHARS)) ||
    !str(d.learnerRole, MAX_CUSTOM_CHARS) ||
    !Array.isArray(d.outcomes) ||
    d.outcomes.length > 1000
  )
    return { ok: false, why: 'it is damaged' };
  const outcomes: ScenarioCard['outcomes'] = [];
  for (const o of d.outcomes) {
    if (!isObj(o) || !str(o.standard, MAX_CUSTOM_CHARS) || !str(o.text, MAX_CUSTOM_CHARS))
      return { ok: false, why: 'it is damaged' };
    outcomes.push({ standard: o.standard, text: o.text, source: str(o.source, 1000) ? o.source : '' });
  }
  return {
    ok: true,
    value: {
      id,
      version: d.version,
      title: d.title,
      summary: d.summary,
      minutes: d.minutes,
      contentNote: str(d.contentNote, MAX_CUSTOM_CHARS) ? d.contentNote : null,
      learnerRole: d.learnerRole,
      outcomes,
      // Added later than the rest: an older card has neither, and is still a good card.
      relationships: Array.isArray(d.relationships)
        ? d.relationships.filter((r): r is Relationship => RELATIONSHIPS.includes(r as Relationship))
        : [],
      decisions:
        isObj(d.decisions) && num(d.decisions.fewest) && num(d.decisions.most)
          ? { fewest: d.decisions.fewest as number, most: d.decisions.most as number }
          : null,
    },
  };
}

export interface CustomRecords {
  entries: CustomEntry[];
  cards: ScenarioCard[];
  /** Plain sentences about what could not be read; empty when all was well. */
  problems: string[];
}

/**
 * Every own scenario that can be read, oldest first, with its card. `shipped` names the ids of
 * the scenarios CarePlay ships: an own file that reuses one is left out, so Start never plays
 * the wrong scenario.
 */
export function readCustom(store: KeyValueStore, shipped: ReadonlySet<string> = new Set()): CustomRecords {
  const entries: CustomEntry[] = [];
  const problems: string[] = [];
  const fileKey = CUSTOM_FILE_PREFIX;
  for (const key of store.keys()) {
    if (!key.startsWith(fileKey)) continue;
    const raw = store.get(key);
    if (raw === null) continue;
    const name = key.slice(fileKey.length).slice(0, 80);
    const parsed = parseCustomEntry(raw);
    if (!parsed.ok) {
      problems.push(
        `Your own scenario “${name}” could not be read (${parsed.why}), so it is not on the menu. It is still kept on this device.`,
      );
      continue;
    }
    if (parsed.value.id !== key.slice(fileKey.length)) {
      problems.push(
        `Your own scenario “${name}” could not be read (it is not a CarePlay record), so it is not on the menu. It is still kept on this device.`,
      );
      continue;
    }
    if (shipped.has(parsed.value.id)) {
      problems.push(
        `Your own scenario “${parsed.value.file}” has the id “${parsed.value.id}”, which a scenario CarePlay comes with already uses, so it is not on the menu. Give it an id of its own and drop it again.`,
      );
      continue;
    }
    entries.push(parsed.value);
  }
  entries.sort((a, b) => a.addedAt - b.addedAt);
  const cards = entries.map((entry) => {
    const raw = store.get(customCardKey(entry.id));
    const parsed = raw === null ? null : parseCard(raw, entry.id);
    if (parsed?.ok) return parsed.value;
    problems.push(
      `The menu card for your own scenario “${entry.file}” could not be read (${parsed ? parsed.why : 'it is missing'}); it is listed under its file name, and Start checks the file again.`,
    );
    return fallbackCard(entry);
  });
  return { entries, cards, problems };
}

/** A card made from the file's name alone, when the saved card cannot be read. */
export function fallbackCard(entry: CustomEntry): ScenarioCard {
  return {
    id: entry.id,
    version: 0,
    title: entry.file,
    summary: 'Its description could not be read. Start checks the file again.',
    minutes: 0,
    contentNote: null,
    learnerRole: '',
    outcomes: [],
    relationships: [],
    decisions: null,
  };
}
