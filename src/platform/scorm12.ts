/**
 * SCORM 1.2: the package's side of the conversation with the platform's API (`window.API`, found
 * in a parent frame or the opener, as the SCORM 1.2 run-time says). It reports:
 *   cmi.core.lesson_status   incomplete on launch; completed / passed / failed at the end, by the rule
 *   cmi.core.score.raw       the lowest tested dimension's percentage (min 0, max 100)
 *   cmi.core.session_time    time in this launch
 *   cmi.objectives.n         one per dimension: its percentage and whether it was met
 *   cmi.interactions.n       one per decision: the option chosen, its result, its dimensions
 *   cmi.comments             the ending and the bands, in words
 *   cmi.suspend_data         the learner's place (a Session save), so a relaunch carries on
 * Every call is checked; a platform that refuses something gets one plain message, never a crash.
 */
import { DIMENSIONS } from '../engine/model';
import { bandSummary } from './outcome';
import type { Scorm12Api } from './scormApi';
import type { Notify, PassRule, Platform, PlatformDecision, PlatformResult } from './types';

/** The suspend_data format: versioned, so a newer package's data is recognised and left alone. */
const SUSPEND_VERSION = 1;
const SUSPEND_LIMIT = 4096;

/** SCORM 1.2's CMITimespan: HHHH:MM:SS.SS */
export function timespan(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = s % 60;
  return `${String(hh).padStart(4, '0')}:${String(mm).padStart(2, '0')}:${ss.toFixed(2).padStart(5, '0')}`;
}

/** SCORM 1.2's CMITime: HH:MM:SS */
const clock = (at: number) => new Date(at).toTimeString().slice(0, 8);

export function connectScorm12(api: Scorm12Api, rule: PassRule, notify: Notify): Platform | null {
  const said = new Set<string>();
  const problem = (what: string, code?: string) => {
    let detail = '';
    try {
      const c = code ?? api.LMSGetLastError();
      if (c && c !== '0') detail = ` (error ${c}: ${api.LMSGetErrorString(c) || 'no description'})`;
    } catch {
      /* a broken API: the sentence says enough */
    }
    const message = `The learning platform ${what}${detail}. CarePlay carries on, but the platform may not have your latest progress.`;
    if (!said.has(what)) notify(message);
    said.add(what);
  };
  const call = (what: string, fn: () => string): string | null => {
    try {
      const out = fn();
      return out;
    } catch {
      problem(what);
      return null;
    }
  };
  const get = (element: string) =>
    call(`could not be read (${element})`, () => api.LMSGetValue(element)) ?? '';
  const set = (element: string, value: string) => {
    const ok = call(`did not accept ${element}`, () => api.LMSSetValue(element, value));
    if (ok !== 'true') problem(`did not accept ${element}`);
  };
  const commit = () => {
    if (call('did not save', () => api.LMSCommit('')) !== 'true') problem('did not save');
  };

  const init = call('could not be reached', () => api.LMSInitialize(''));
  if (init !== 'true') {
    problem('could not be connected to');
    return null;
  }
  const started = Date.now();
  const rawName = get('cmi.core.student_name');
  // SCORM names are "Family, Given": shown as "Given Family".
  const learnerName = rawName.includes(',')
    ? rawName
        .split(',')
        .map((p) => p.trim())
        .reverse()
        .join(' ')
        .trim()
    : rawName.trim();
  const status = get('cmi.core.lesson_status');
  if (status === 'not attempted' || status === '') set('cmi.core.lesson_status', 'incomplete');

  // The places saved by an earlier launch.
  let places: Record<string, string> = {};
  const entry = get('cmi.core.entry');
  const suspend = get('cmi.suspend_data');
  if (suspend) {
    try {
      const data = JSON.parse(suspend) as unknown;
      if (typeof data !== 'object' || data === null || typeof (data as { v?: unknown }).v !== 'number')
        throw new Error('not ours');
      const d = data as { v: number; places?: unknown };
      if (d.v > SUSPEND_VERSION) {
        notify(
          'The place the learning platform saved was made by a newer version of CarePlay, so this one starts from the beginning.',
        );
      } else if (typeof d.places === 'object' && d.places !== null) {
        for (const [id, save] of Object.entries(d.places as Record<string, unknown>))
          if (typeof save === 'string') places[id] = save;
      }
    } catch {
      notify(
        'The place the learning platform saved for you could not be read (it is damaged or not from CarePlay), so the scenario starts from the beginning.',
      );
      places = {};
    }
  }
  void entry;

  let interactions = Number.parseInt(get('cmi.interactions._count'), 10);
  if (!Number.isFinite(interactions) || interactions < 0) interactions = 0;
  let finished = false;
  let ended = false;

  const writePlaces = () => {
    const text = JSON.stringify({ v: SUSPEND_VERSION, places });
    if (text.length > SUSPEND_LIMIT) {
      problem('has no room for your place (SCORM 1.2 keeps 4,096 characters)');
      return;
    }
    set('cmi.suspend_data', text);
  };

  return {
    kind: 'scorm12',
    learnerName: learnerName || null,
    rule,
    savedPlace: (id) => places[id] ?? null,
    placeChanged(id, save) {
      if (save === null) delete places[id];
      else places[id] = save;
      writePlaces();
      set('cmi.core.lesson_location', id);
      set('cmi.core.exit', Object.keys(places).length ? 'suspend' : '');
      commit();
    },
    decided(d: PlatformDecision) {
      const n = `cmi.interactions.${interactions++}`;
      // CMIIdentifier: letters, digits, - and _ only.
      set(`${n}.id`, `${d.scenarioId}_d${d.index + 1}_${d.choiceId}`.replace(/[^\w-]/g, '_').slice(0, 255));
      set(`${n}.type`, 'choice');
      set(`${n}.student_response`, d.letter);
      set(`${n}.result`, d.result);
      set(`${n}.weighting`, String(d.weight));
      set(`${n}.time`, clock(d.at));
      set(`${n}.latency`, timespan(d.latencyMs).replace(/\.\d+$/, ''));
      Object.keys(d.levels).forEach((dim, i) => set(`${n}.objectives.${i}.id`, dim));
      commit();
    },
    finished(r: PlatformResult) {
      finished = true;
      DIMENSIONS.forEach((dim, i) => {
        const b = r.bands[dim];
        set(`cmi.objectives.${i}.id`, dim);
        if (b.percent !== null) {
          set(`cmi.objectives.${i}.score.min`, '0');
          set(`cmi.objectives.${i}.score.max`, '100');
          set(`cmi.objectives.${i}.score.raw`, String(b.percent));
        }
        set(
          `cmi.objectives.${i}.status`,
          b.band === null
            ? 'not attempted'
            : b.band === 'Competent' || b.band === 'Exemplary'
              ? 'passed'
              : 'failed',
        );
      });
      if (r.score !== null) {
        set('cmi.core.score.min', '0');
        set('cmi.core.score.max', '100');
        set('cmi.core.score.raw', String(r.score));
      }
      set('cmi.core.lesson_status', r.passed === null ? 'completed' : r.passed ? 'passed' : 'failed');
      set(
        'cmi.comments',
        `${r.scenarioTitle} (version ${r.scenarioVersion}): ${r.endingTitle}. ${bandSummary(r)}.`.slice(
          0,
          4096,
        ),
      );
      commit();
    },
    end() {
      if (ended) return;
      ended = true;
      set('cmi.core.session_time', timespan(Date.now() - started));
      if (finished && !Object.keys(places).length) set('cmi.core.exit', '');
      commit();
      call('could not be closed', () => api.LMSFinish(''));
    },
  };
}
