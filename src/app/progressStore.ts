/**
 * Learners and their progress, on this device only: learner profiles (a name, nothing else),
 * each learner's finished attempts, saves in progress and reflection notes. Every learner's
 * records live under their own key prefix, so one learner never reads another's.
 *
 * Every record is versioned and read defensively, like the settings: bad data never wins.
 * Anything corrupt, truncated, from a newer version, from another program or too large is
 * left out and described in a plain sentence; everything that can be read is kept.
 */
import { DIMENSIONS as DIMS, LINE_MEDIA, type Dimension as Dim, type LineMedium } from '../engine/model';
import type { CoverageAssessment, CoverageDecision, CoveragePath } from '../engine/outcomes';
import { BANDS, type Band } from '../engine/scoring';
import { memoryStore, type KeyValueStore } from './storage';
import {
  ATTEMPT_PREFIX,
  attemptKey,
  LEARNERS_KEY,
  LEARNERS_MIGRATED_KEY as MIGRATED_KEY,
  NOTES_PREFIX,
  notesKey,
  PROGRESS_PREFIX,
  progressKey,
} from './storageKeys';

export const PROGRESS_VERSION = 1;
export const EXPORT_FORMAT = 'careplay-progress';
/** A single record larger than this (in characters) is not read: no attempt comes near it. */
export const MAX_RECORD_CHARS = 1_000_000;

/** A band as an attempt record keeps it: the scoring's own names. */
export type BandName = Band;

export interface Learner {
  id: string;
  name: string;
  createdAt: number;
}

export interface AttemptBand {
  band: BandName | null;
  percent: number | null;
  reason: string;
  /** One plain sentence of arithmetic: what counted, what capped it, what the ending added. */
  explanation?: string;
}

/** What the ending (or a node on the way) said about the path, in words. */
export interface AttemptAssessment {
  went: 'well' | 'badly' | 'note';
  why: string;
  /** Titles of the guidance it cites. */
  sources: string[];
  /** The level it gave on each dimension it scored. */
  score: Partial<Record<Dim, number>>;
  /** Dimensions it marked unsafe, if any. */
  unsafe?: Dim[];
  /** Its id in the scenario, if it has one (an outcome's shownAt can name it). Absent in older records. */
  id?: string;
  /** The node that made it, and how many decisions had been made then. Absent in older records. */
  node?: string;
  afterDecisions?: number;
  /** True when it was made at the ending. */
  ending?: boolean;
}

/** One step of the transcript, already in words so the report does not need the scenario. */
export type AttemptStep =
  | {
      kind: 'line';
      speaker: string;
      text: string;
      /** How the words reached the learner, when not said in the room (a text message, a letter…). */
      medium?: Exclude<LineMedium, 'speech'>;
    }
  | {
      kind: 'choice';
      decision: number;
      prompt: string | null;
      text: string;
      feedback: string;
      sources: string[];
      /** The levels the chosen option is keyed on (absent in older records). */
      levels?: Partial<Record<Dim, number>>;
      /** The decision's node and the option's id (absent in older records). */
      node?: string;
      choice?: string;
      /** Per dimension an offered option was keyed on, the best level on offer (absent in older records). */
      open?: Partial<Record<Dim, number>>;
    };

export interface AttemptOutcome {
  id?: string;
  standard: string;
  text: string;
  evidences?: Dim[];
  shownAt?: string[];
}

export interface Attempt {
  version: typeof PROGRESS_VERSION;
  id: string;
  scenarioId: string;
  scenarioTitle: string;
  scenarioVersion: number;
  finishedAt: number;
  mode: 'practice' | 'assessment';
  rewinds: number;
  /** True when feedback was shown after each choice (practice), false when only at the end. */
  feedbackDuringPlay: boolean;
  /**
   * Each outcome, the dimensions that show it and the moments that test it (evidences and
   * shownAt are absent in older records).
   */
  outcomes: AttemptOutcome[];
  /** The reference code an assessor can check (absent in older records). */
  code?: string;
  ending: { title: string; outcome: 'good' | 'mixed' | 'poor' };
  bands: Record<Dim, AttemptBand>;
  /** What the ending said about the path. Absent in records saved before CarePlay kept it. */
  assessments?: AttemptAssessment[];
  steps: AttemptStep[];
  notes: string;
}

export interface Loaded<T> {
  value: T;
  /** Plain sentences about what could not be read; empty when all was well. */
  problems: string[];
}

export const isObj = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
export const str = (v: unknown, max = 100_000): v is string => typeof v === 'string' && v.length <= max;
export const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export type Parsed<T> = { ok: true; value: T } | { ok: false; why: string };

/** Read JSON text into a plain object, or say plainly why not. */
export function readJson(raw: string): Parsed<Record<string, unknown>> {
  if (raw.length > MAX_RECORD_CHARS) return { ok: false, why: 'it is far too large to be a CarePlay record' };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, why: 'it is damaged or cut short' };
  }
  if (!isObj(data)) return { ok: false, why: 'it is not a CarePlay record' };
  return { ok: true, value: data };
}

function checkVersion(d: Record<string, unknown>): string | null {
  if (!num(d.version)) return 'it is not a CarePlay record';
  if (d.version > PROGRESS_VERSION) return 'it was saved by a newer version of CarePlay';
  if (d.version < 1) return 'it was saved by an older version of CarePlay that is no longer read';
  return null;
}

export function parseLearner(value: unknown): Learner | null {
  if (!isObj(value)) return null;
  if (!str(value.id, 80) || !/^[a-z0-9-]+$/i.test(value.id)) return null;
  if (!str(value.name, 80) || !value.name.trim()) return null;
  return { id: value.id, name: value.name.trim(), createdAt: num(value.createdAt) ? value.createdAt : 0 };
}

function parseBand(v: unknown): AttemptBand | null {
  if (!isObj(v)) return null;
  const band =
    v.band === null
      ? null
      : (BANDS as readonly unknown[]).includes(v.band)
        ? (v.band as BandName)
        : undefined;
  if (band === undefined) return null;
  const percent = v.percent === null ? null : num(v.percent) ? v.percent : undefined;
  if (percent === undefined || !str(v.reason, 2000)) return null;
  // Optional, and newer than the rest: a missing or unreadable one is left out, never fatal.
  return {
    band,
    percent,
    reason: v.reason,
    ...(str(v.explanation, 5000) ? { explanation: v.explanation } : {}),
  };
}

/** Levels on the scale, per dimension; anything else is left out. */
function parseLevels(v: unknown): Partial<Record<Dim, number>> {
  const levels: Partial<Record<Dim, number>> = {};
  if (isObj(v))
    for (const d of DIMS) {
      const l = v[d];
      if (Number.isInteger(l) && (l as number) >= -4 && (l as number) <= 4) levels[d] = l as number;
    }
  return levels;
}

/** An id as scenarios write them; anything else is left out. */
const idOf = (v: unknown): string | undefined =>
  str(v, 200) && /^[a-z0-9][a-z0-9-]*$/.test(v) ? v : undefined;

/** Where an assessment or a decision came from: optional, newer than the rest, never fatal. */
function parseWhere(v: Record<string, unknown>) {
  const id = idOf(v.id);
  const node = idOf(v.node);
  return {
    ...(id !== undefined ? { id } : {}),
    ...(node !== undefined ? { node } : {}),
    ...(Number.isInteger(v.afterDecisions) && (v.afterDecisions as number) >= 0
      ? { afterDecisions: v.afterDecisions as number }
      : {}),
    ...(typeof v.ending === 'boolean' ? { ending: v.ending } : {}),
  };
}

const WENT = ['well', 'badly', 'note'] as const;
/** More than any scenario could make; a longer list is not an attempt's. */
const MAX_ASSESSMENTS = 200;

/** One assessment, or null when any part that matters is unreadable (it is then left out). */
function parseAssessment(v: unknown): AttemptAssessment | null {
  if (!isObj(v)) return null;
  if (!(WENT as readonly unknown[]).includes(v.went) || !str(v.why, 5000)) return null;
  if (!Array.isArray(v.sources) || v.sources.length > 50 || !v.sources.every((x) => str(x, 500))) return null;
  if (v.score !== undefined && !isObj(v.score)) return null;
  const score: Partial<Record<Dim, number>> = {};
  for (const dim of DIMS) {
    const level = isObj(v.score) ? v.score[dim] : undefined;
    if (level === undefined) continue;
    if (!Number.isInteger(level) || (level as number) < -4 || (level as number) > 4) return null;
    score[dim] = level as number;
  }
  const unsafe = Array.isArray(v.unsafe) ? DIMS.filter((d) => (v.unsafe as unknown[]).includes(d)) : [];
  return {
    went: v.went as AttemptAssessment['went'],
    why: v.why,
    sources: v.sources as string[],
    score,
    ...(unsafe.length ? { unsafe } : {}),
    ...parseWhere(v),
  };
}

function parseStep(v: unknown): AttemptStep | null {
  if (!isObj(v)) return null;
  if (v.kind === 'line' && str(v.speaker, 200) && str(v.text, 5000)) {
    // An unknown medium is read as words said in the room: the line itself is still good.
    const medium =
      v.medium !== 'speech' && (LINE_MEDIA as readonly unknown[]).includes(v.medium)
        ? (v.medium as Exclude<LineMedium, 'speech'>)
        : undefined;
    return { kind: 'line', speaker: v.speaker, text: v.text, ...(medium ? { medium } : {}) };
  }
  if (
    v.kind === 'choice' &&
    num(v.decision) &&
    (v.prompt === null || str(v.prompt, 2000)) &&
    str(v.text, 5000) &&
    str(v.feedback, 5000) &&
    Array.isArray(v.sources) &&
    v.sources.every((s) => str(s, 500))
  ) {
    const levels = parseLevels(v.levels);
    const node = idOf(v.node);
    const choice = idOf(v.choice);
    return {
      kind: 'choice',
      decision: v.decision,
      prompt: v.prompt,
      text: v.text,
      feedback: v.feedback,
      sources: v.sources,
      ...(Object.keys(levels).length ? { levels } : {}),
      ...(node !== undefined ? { node } : {}),
      ...(choice !== undefined ? { choice } : {}),
      ...(isObj(v.open) ? { open: parseLevels(v.open) } : {}),
    };
  }
  return null;
}

/** Check an attempt field by field. A damaged transcript step is dropped; a damaged core is not read. */
export function parseAttempt(value: unknown): Parsed<Attempt> {
  if (!isObj(value)) return { ok: false, why: 'it is not a CarePlay record' };
  const version = checkVersion(value);
  if (version) return { ok: false, why: version };
  const d = value;
  if (!str(d.id, 80) || !/^[a-z0-9-]+$/i.test(d.id)) return { ok: false, why: 'it has no usable id' };
  if (!str(d.scenarioId, 200) || !str(d.scenarioTitle, 500) || !num(d.scenarioVersion))
    return { ok: false, why: 'it does not say which scenario it was' };
  if (!num(d.finishedAt)) return { ok: false, why: 'it has no date' };
  if (d.mode !== 'practice' && d.mode !== 'assessment') return { ok: false, why: 'its mode is unknown' };
  if (
    !isObj(d.ending) ||
    !str(d.ending.title, 500) ||
    !['good', 'mixed', 'poor'].includes(d.ending.outcome as string)
  )
    return { ok: false, why: 'its ending is unreadable' };
  if (!isObj(d.bands)) return { ok: false, why: 'its scores are unreadable' };
  const bands = {} as Record<Dim, AttemptBand>;
  for (const dim of DIMS) {
    const b = parseBand(d.bands[dim]);
    if (!b) return { ok: false, why: 'its scores are unreadable' };
    bands[dim] = b;
  }
  const rawSteps = Array.isArray(d.steps) ? d.steps : [];
  const steps = rawSteps.map(parseStep).filter((s): s is AttemptStep => s !== null);
  // Optional and newer than the rest: absent in older records; a damaged item is left out.
  const assessments =
    Array.isArray(d.assessments) && d.assessments.length <= MAX_ASSESSMENTS
      ? d.assessments.map(parseAssessment).filter((a): a is AttemptAssessment => a !== null)
      : undefined;
  const outcomes = (Array.isArray(d.outcomes) ? d.outcomes : []).flatMap((o): AttemptOutcome[] => {
    if (!isObj(o) || !str(o.standard, 200) || !str(o.text, 2000)) return [];
    const evidences = Array.isArray(o.evidences)
      ? DIMS.filter((x) => (o.evidences as unknown[]).includes(x))
      : [];
    const id = idOf(o.id);
    // A damaged list of moments is left out: the report then falls back to the band rule, labelled.
    const shownAt =
      Array.isArray(o.shownAt) && o.shownAt.length <= 500 && o.shownAt.every((x) => idOf(x) !== undefined)
        ? (o.shownAt as string[])
        : [];
    return [
      {
        ...(id !== undefined ? { id } : {}),
        standard: o.standard,
        text: o.text,
        ...(evidences.length ? { evidences } : {}),
        ...(shownAt.length ? { shownAt } : {}),
      },
    ];
  });
  return {
    ok: true,
    value: {
      version: PROGRESS_VERSION,
      id: d.id,
      scenarioId: d.scenarioId,
      scenarioTitle: d.scenarioTitle,
      scenarioVersion: d.scenarioVersion,
      finishedAt: d.finishedAt,
      mode: d.mode,
      rewinds: num(d.rewinds) && d.rewinds >= 0 ? d.rewinds : 0,
      feedbackDuringPlay: d.feedbackDuringPlay === true,
      outcomes,
      ending: { title: d.ending.title, outcome: d.ending.outcome as Attempt['ending']['outcome'] },
      bands,
      ...(assessments ? { assessments } : {}),
      steps,
      notes: str(d.notes) ? d.notes : '',
      ...(str(d.code, 400) ? { code: d.code } : {}),
    },
  };
}

const scope = (learnerId: string) => `learner:${learnerId}:`;

/** A view of a store under a key prefix: a learner's records, invisible to the others. */
export function scopedStore(base: KeyValueStore, prefix: string): KeyValueStore {
  return {
    get available() {
      return base.available;
    },
    get: (key) => base.get(prefix + key),
    set: (key, value) => base.set(prefix + key, value),
    remove: (key) => base.remove(prefix + key),
    keys: () => base.keys().flatMap((k) => (k.startsWith(prefix) ? [k.slice(prefix.length)] : [])),
  };
}

export function newId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export interface Best {
  attempts: number;
  bands: Record<Dim, BandName | null>;
}

const BAND_RANK: Record<BandName, number> = { Unsafe: 0, Developing: 1, Competent: 2, Exemplary: 3 };

export interface ExportBundle {
  format: typeof EXPORT_FORMAT;
  version: typeof PROGRESS_VERSION;
  exportedAt: number;
  learners: {
    learner: Learner;
    attempts: Attempt[];
    notes: Record<string, string>;
    /** Places in scenarios not yet finished: Session save envelopes, as stored. */
    saves?: Record<string, string>;
  }[];
}

export interface ImportSummary {
  learners: number;
  attempts: number;
  /** Plain sentences about what was skipped. */
  problems: string[];
}

/**
 * The learners on this device and the current one's records. A "shared computer" learner is
 * kept in memory only: nothing about them outlives the page.
 */
export class ProgressStore {
  private list: Learner[];
  private currentId: string;
  private sharedLearner: Learner | null = null;
  private sharedMemory: KeyValueStore | null = null;
  /** Plain sentences about anything that could not be read at start. */
  readonly problems: string[] = [];

  constructor(private readonly device: KeyValueStore) {
    const loaded = this.readLearners();
    this.list = loaded.value.learners;
    this.problems.push(...loaded.problems);
    if (this.list.length === 0) {
      this.list.push({ id: 'me', name: 'Me', createdAt: Date.now() });
      this.writeLearners();
    }
    this.currentId = this.list.some((l) => l.id === loaded.value.current)
      ? loaded.value.current!
      : this.list[0]!.id;
    this.migrate();
  }

  learners(): Learner[] {
    return [...this.list];
  }

  get current(): Learner {
    return this.sharedLearner ?? this.list.find((l) => l.id === this.currentId)!;
  }

  /** True while the learner is on a shared computer: nothing is kept after the page closes. */
  get shared(): boolean {
    return this.sharedLearner !== null;
  }

  /** The current learner's own store: saves in progress, notes, attempts. */
  get store(): KeyValueStore {
    if (this.sharedMemory) return this.sharedMemory;
    return scopedStore(this.device, scope(this.currentId));
  }

  /** Add a learner by name (or return the one of that name) and switch to them. */
  addLearner(name: string): Learner {
    const clean = name.trim().slice(0, 80) || 'Learner';
    const existing = this.list.find((l) => l.name.toLowerCase() === clean.toLowerCase());
    const learner = existing ?? { id: newId(), name: clean, createdAt: Date.now() };
    if (!existing) this.list.push(learner);
    this.switchTo(learner.id);
    return learner;
  }

  switchTo(id: string): void {
    if (!this.list.some((l) => l.id === id)) return;
    this.sharedLearner = null;
    this.sharedMemory = null;
    this.currentId = id;
    this.writeLearners();
  }

  /** Start a session that keeps nothing on this device. */
  startShared(name: string): Learner {
    this.sharedLearner = {
      id: `shared-${newId()}`,
      name: name.trim().slice(0, 80) || 'Guest',
      createdAt: Date.now(),
    };
    this.sharedMemory = memoryStore();
    return this.sharedLearner;
  }

  attempts(): Loaded<Attempt[]> {
    return readAttempts(this.store);
  }

  recordAttempt(attempt: Attempt): boolean {
    return this.store.set(attemptKey(attempt.id), JSON.stringify(attempt));
  }

  updateNotes(attemptId: string, notes: string): boolean {
    const raw = this.store.get(attemptKey(attemptId));
    if (!raw) return false;
    const json = readJson(raw);
    const parsed = json.ok ? parseAttempt(json.value) : null;
    if (!parsed?.ok) return false;
    return this.recordAttempt({ ...parsed.value, notes });
  }

  /** Best band per dimension and number of attempts, per scenario, for the menu. */
  best(): Map<string, Best> {
    const out = new Map<string, Best>();
    for (const a of this.attempts().value) {
      const b = out.get(a.scenarioId) ?? {
        attempts: 0,
        bands: { empathy: null, boundaries: null, escalation: null },
      };
      b.attempts++;
      for (const d of DIMS) {
        const band = a.bands[d].band;
        const was = b.bands[d];
        if (band && (!was || BAND_RANK[band] > BAND_RANK[was])) b.bands[d] = band;
      }
      out.set(a.scenarioId, b);
    }
    return out;
  }

  /** One learner's (or everyone's) attempts and notes, as one JSON text. */
  exportJson(everyone: boolean): string {
    const who = everyone
      ? [...this.list, ...(this.sharedLearner ? [this.sharedLearner] : [])]
      : [this.current];
    const bundle: ExportBundle = {
      format: EXPORT_FORMAT,
      version: PROGRESS_VERSION,
      exportedAt: Date.now(),
      learners: who.map((learner) => {
        const store = this.storeOf(learner.id);
        const notes: Record<string, string> = {};
        const saves: Record<string, string> = {};
        for (const key of store.keys()) {
          if (key.startsWith(NOTES_PREFIX)) notes[key.slice(NOTES_PREFIX.length)] = store.get(key) ?? '';
          if (key.startsWith(PROGRESS_PREFIX))
            saves[key.slice(PROGRESS_PREFIX.length)] = store.get(key) ?? '';
        }
        return { learner, attempts: readAttempts(store).value, notes, saves };
      }),
    };
    return JSON.stringify(bundle, null, 2);
  }

  /**
   * Merge an exported file in. Nothing here is overwritten: learners are matched by id (else by
   * name), attempts already present are skipped, and differing notes are added below the old ones.
   */
  importJson(text: string): ImportSummary {
    const summary: ImportSummary = { learners: 0, attempts: 0, problems: [] };
    const json = readJson(text);
    if (!json.ok) return { ...summary, problems: [`The file could not be read: ${json.why}.`] };
    const d = json.value;
    if (d.format !== EXPORT_FORMAT)
      return { ...summary, problems: ['The file is not a CarePlay progress file.'] };
    const version = checkVersion(d);
    if (version) return { ...summary, problems: [`The file could not be read: ${version}.`] };
    if (!Array.isArray(d.learners)) return { ...summary, problems: ['The file has no learners in it.'] };
    d.learners.forEach((entry: unknown, i) => {
      const learner = isObj(entry) ? parseLearner(entry.learner) : null;
      if (!learner || !isObj(entry)) {
        summary.problems.push(`Learner ${i + 1} in the file could not be read and was skipped.`);
        return;
      }
      const existing =
        this.list.find((l) => l.id === learner.id) ??
        this.list.find((l) => l.name.toLowerCase() === learner.name.toLowerCase());
      const target = existing ?? (learner.id.startsWith('shared-') ? { ...learner, id: newId() } : learner);
      if (!existing) this.list.push(target);
      summary.learners++;
      const store = this.storeOf(target.id);
      const attempts = Array.isArray(entry.attempts) ? entry.attempts : [];
      let bad = 0;
      for (const a of attempts) {
        const parsed = parseAttempt(a);
        if (!parsed.ok) {
          bad++;
          continue;
        }
        if (store.get(attemptKey(parsed.value.id)) !== null) continue;
        store.set(attemptKey(parsed.value.id), JSON.stringify(parsed.value));
        summary.attempts++;
      }
      if (bad)
        summary.problems.push(`${bad} of ${learner.name}’s attempts could not be read and were skipped.`);
      // A place in a scenario comes across only where there is none here; it is checked
      // (replayed) when the scenario is next started, like any saved place.
      if (isObj(entry.saves)) {
        for (const [scenario, save] of Object.entries(entry.saves)) {
          if (str(save, 200_000) && store.get(progressKey(scenario)) === null)
            store.set(progressKey(scenario), save);
        }
      }
      if (isObj(entry.notes)) {
        for (const [scenario, note] of Object.entries(entry.notes)) {
          if (!str(note) || !note.trim()) continue;
          const key = notesKey(scenario);
          const old = store.get(key) ?? '';
          if (old.includes(note)) continue;
          store.set(key, old.trim() ? `${old}\n\n${note}` : note);
        }
      }
    });
    this.writeLearners();
    return summary;
  }

  /** Delete the current learner's records (and the learner, unless it is the last one). */
  clearCurrent(): void {
    if (this.sharedLearner) {
      this.sharedMemory = memoryStore();
      return;
    }
    const store = this.store;
    for (const key of store.keys()) store.remove(key);
    if (this.list.length > 1) {
      this.list = this.list.filter((l) => l.id !== this.currentId);
      this.currentId = this.list[0]!.id;
    }
    this.writeLearners();
  }

  /** Delete every learner's records and start again with one learner. */
  clearEveryone(): void {
    for (const learner of this.list) {
      const store = this.storeOf(learner.id);
      for (const key of store.keys()) store.remove(key);
    }
    this.sharedLearner = null;
    this.sharedMemory = null;
    this.list = [{ id: 'me', name: 'Me', createdAt: Date.now() }];
    this.currentId = 'me';
    this.writeLearners();
  }

  private storeOf(id: string): KeyValueStore {
    if (this.sharedLearner && id === this.sharedLearner.id) return this.sharedMemory!;
    return scopedStore(this.device, scope(id));
  }

  private readLearners(): Loaded<{ learners: Learner[]; current: string | null }> {
    const loaded = this.readLearnerList();
    // Records of a learner missing from the list are found again, under a plain name.
    const learners = loaded.value.learners;
    const known = new Set(learners.map((l) => l.id));
    for (const key of this.device.keys()) {
      const m = /^learner:([a-z0-9-]+):/i.exec(key);
      if (m && !known.has(m[1]!)) {
        known.add(m[1]!);
        const name = m[1] === 'me' ? 'Me' : `Learner ${learners.length + 1}`;
        learners.push({ id: m[1]!, name, createdAt: 0 });
      }
    }
    return loaded;
  }

  private readLearnerList(): Loaded<{ learners: Learner[]; current: string | null }> {
    const raw = this.device.get(LEARNERS_KEY);
    const empty = { learners: [] as Learner[], current: null };
    if (raw === null) return { value: empty, problems: [] };
    const json = readJson(raw);
    if (!json.ok)
      return {
        value: empty,
        problems: [`The list of learners could not be read (${json.why}); their records are still kept.`],
      };
    const version = checkVersion(json.value);
    if (version)
      return {
        value: empty,
        problems: [`The list of learners could not be read (${version}); their records are still kept.`],
      };
    const items = Array.isArray(json.value.learners) ? json.value.learners : [];
    const learners = items.map(parseLearner).filter((l): l is Learner => l !== null);
    const problems =
      learners.length < items.length
        ? [`${items.length - learners.length} learner profile(s) could not be read.`]
        : [];
    return {
      value: { learners, current: str(json.value.current, 80) ? json.value.current : null },
      problems,
    };
  }

  private writeLearners(): void {
    this.device.set(
      LEARNERS_KEY,
      JSON.stringify({ version: PROGRESS_VERSION, learners: this.list, current: this.currentId }),
    );
  }

  /** Progress and notes saved before there were learners belong to the first learner, once. */
  private migrate(): void {
    if (this.device.get(MIGRATED_KEY) !== null) return;
    const target = scopedStore(this.device, scope(this.list[0]!.id));
    for (const key of this.device.keys()) {
      if (!key.startsWith(PROGRESS_PREFIX) && !key.startsWith(NOTES_PREFIX)) continue;
      const value = this.device.get(key);
      if (value !== null && target.get(key) === null && target.set(key, value)) this.device.remove(key);
    }
    this.device.set(MIGRATED_KEY, String(PROGRESS_VERSION));
  }
}

/** Every attempt in a learner's store that can be read, newest last, and what could not be. */
export function readAttempts(store: KeyValueStore): Loaded<Attempt[]> {
  const value: Attempt[] = [];
  const problems: string[] = [];
  for (const key of store.keys()) {
    if (!key.startsWith(ATTEMPT_PREFIX)) continue;
    const raw = store.get(key);
    if (raw === null) continue;
    const json = readJson(raw);
    const parsed = json.ok ? parseAttempt(json.value) : json;
    if (parsed.ok) value.push(parsed.value);
    else problems.push(`One saved attempt could not be read (${parsed.why}); the others are shown.`);
  }
  value.sort((a, b) => a.finishedAt - b.finishedAt);
  return { value, problems };
}

/**
 * The path an attempt took, as outcome coverage reads it: the decisions of the final path (a
 * rewound decision is replaced by the one taken after it) and the assessments, or null for either
 * when the record did not keep what coverage needs (older attempts: the band rule is then used,
 * and labelled).
 */
export function coveragePathOfAttempt(a: Attempt): CoveragePath {
  const path: (AttemptStep & { kind: 'choice' })[] = [];
  for (const s of a.steps) {
    if (s.kind !== 'choice') continue;
    while (path.length && path[path.length - 1]!.decision >= s.decision) path.pop();
    path.push(s);
  }
  // An older record's decisions are kept without a node (''): the band rule can still list them.
  const decisions: CoverageDecision[] = path.map((s) => ({
    index: s.decision,
    node: s.node ?? '',
    ...(s.choice !== undefined ? { choice: s.choice } : {}),
    levels: { ...s.levels },
    ...(s.open ? { open: { ...s.open } } : {}),
  }));
  const assessments: CoverageAssessment[] | null =
    a.assessments && a.assessments.every((x) => x.node !== undefined)
      ? a.assessments.map((x) => ({
          ...(x.id !== undefined ? { id: x.id } : {}),
          node: x.node!,
          afterDecisions: x.afterDecisions ?? 0,
          ending: x.ending === true,
          score: { ...x.score },
        }))
      : null;
  return {
    decisions,
    assessments,
    bands: {
      empathy: a.bands.empathy.band,
      boundaries: a.bands.boundaries.band,
      escalation: a.bands.escalation.band,
    },
  };
}

/** The choice steps of an attempt's final path (those a rewind did not replace). */
export function finalChoiceSteps(a: Attempt): Set<AttemptStep> {
  const path: AttemptStep[] = [];
  for (const s of a.steps) {
    if (s.kind !== 'choice') continue;
    while (path.length && (path[path.length - 1] as { decision: number }).decision >= s.decision) path.pop();
    path.push(s);
  }
  return new Set(path);
}
