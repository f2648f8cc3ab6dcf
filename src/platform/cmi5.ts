/**
 * cmi5 (xAPI): the assignable unit's side, through @xapi/cmi5 (which fetches the auth token, reads
 * LMS.LaunchData and sends the cmi5-defined statements). The LMS sends "launched"; CarePlay sends
 *   initialized                      on launch
 *   answered                         per decision: the option chosen, correct/wrong/neutral as
 *                                    success (none when neutral), the levels as result extensions
 *   completed, then passed / failed  at the debrief, by the pass rule (completed only under the
 *                                    "completion" rule), with the score and the bands as result
 *                                    extensions
 *   terminated                       when the page closes
 * and keeps the learner's place in the xAPI State API (stateId careplay-place), so a relaunch
 * carries on. Every request that fails gets one plain message, never a crash.
 */
import Cmi5 from '@xapi/cmi5';
import type { Statement } from '@xapi/xapi';
import type { Notify, PassRule, Platform, PlatformDecision, PlatformResult } from './types';

/** Where CarePlay's own data sits in a statement's result extensions. */
export const EXT = {
  bands: 'https://careplay.invalid/xapi/extensions/bands',
  levels: 'https://careplay.invalid/xapi/extensions/levels',
  scenario: 'https://careplay.invalid/xapi/extensions/scenario',
} as const;
const PLACE = 'careplay-place';

const duration = (ms: number) => `PT${Math.max(0, Math.round(ms / 10) / 100)}S`;

export async function connectCmi5(rule: PassRule, notify: Notify): Promise<Platform | null> {
  let cmi5: Cmi5;
  try {
    cmi5 = new Cmi5();
    await cmi5.initialize();
  } catch (error) {
    notify(
      `CarePlay was launched by a learning platform (cmi5) but could not connect to it (${error instanceof Error ? error.message : String(error)}). It works as usual, but your results will not reach the platform.`,
    );
    return null;
  }
  const said = new Set<string>();
  const failed = (what: string) => (error: unknown) => {
    if (said.has(what)) return;
    said.add(what);
    notify(
      `The learning platform did not accept ${what} (${error instanceof Error ? error.message : String(error)}). CarePlay carries on, but the platform may not have your latest progress.`,
    );
  };
  const params = cmi5.getLaunchParameters();
  const stateKey = {
    agent: params.actor,
    activityId: params.activityId,
    registration: params.registration,
    stateId: PLACE,
  };
  let places: Record<string, string> = {};
  try {
    const saved = (await cmi5.xapi!.getState(stateKey)).data as unknown;
    if (saved && typeof saved === 'object' && typeof (saved as { v?: unknown }).v === 'number') {
      const s = saved as { v: number; places?: Record<string, unknown> };
      if (s.v > 1)
        notify(
          'The place the learning platform saved was made by a newer version of CarePlay, so this one starts from the beginning.',
        );
      else for (const [id, p] of Object.entries(s.places ?? {})) if (typeof p === 'string') places[id] = p;
    } else if (saved) {
      notify(
        'The place the learning platform saved for you could not be read, so the scenario starts from the beginning.',
      );
    }
  } catch {
    places = {}; // none saved yet (404): a first launch
  }
  const base = (): Pick<Statement, 'actor' | 'context' | 'timestamp'> & { id: string } => ({
    id: crypto.randomUUID(),
    actor: params.actor,
    timestamp: new Date().toISOString(),
    context: { ...cmi5.getLaunchData().contextTemplate, registration: params.registration },
  });
  let queue: Promise<unknown> = Promise.resolve();
  const send = (what: string, fn: () => Promise<unknown>) => {
    queue = queue.then(fn).catch(failed(what));
    return queue;
  };
  let ended = false;
  let finished = false;
  return {
    kind: 'cmi5',
    learnerName: params.actor.name ?? null,
    rule,
    savedPlace: (id) => places[id] ?? null,
    placeChanged(id, save) {
      if (save === null) delete places[id];
      else places[id] = save;
      const content = { v: 1, places };
      void send('your place', () => cmi5.xapi!.setState({ ...stateKey, state: content }));
    },
    decided(d: PlatformDecision) {
      const statement: Statement = {
        ...base(),
        verb: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-GB': 'answered' } },
        object: {
          objectType: 'Activity',
          id: `${params.activityId}/scenario/${encodeURIComponent(d.scenarioId)}/decision/${d.index + 1}`,
          definition: {
            type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
            interactionType: 'choice',
            name: { 'en-GB': `Decision ${d.index + 1}` },
            ...(d.prompt ? { description: { 'en-GB': d.prompt } } : {}),
            choices: [{ id: d.choiceId, description: { 'en-GB': d.choiceText } }],
          },
        },
        result: {
          response: d.choiceId,
          ...(d.result === 'neutral' ? {} : { success: d.result === 'correct' }),
          duration: duration(d.latencyMs),
          extensions: { [EXT.levels]: d.levels, [EXT.scenario]: d.scenarioId },
        },
      };
      void send('a decision', () => cmi5.sendXapiStatement(statement));
    },
    finished(r: PlatformResult) {
      if (finished) return; // cmi5 allows one completed and one passed/failed per registration
      finished = true;
      const bands = Object.fromEntries(
        Object.entries(r.bands).map(([d, b]) => [d, { band: b.band, percent: b.percent }]),
      );
      const withBands = (s: Statement): Statement => ({
        ...s,
        result: {
          ...s.result,
          extensions: { ...s.result?.extensions, [EXT.bands]: bands, [EXT.scenario]: r.scenarioId },
        },
      });
      const scaled = r.score === null ? undefined : r.score / 100;
      void send('the completion', () => cmi5.complete({ transform: withBands }));
      if (r.passed !== null)
        void send('the result', () =>
          r.passed
            ? cmi5.pass(scaled === undefined ? undefined : { scaled, raw: r.score!, min: 0, max: 100 }, {
                transform: withBands,
              })
            : cmi5.fail(scaled === undefined ? undefined : { scaled, raw: r.score!, min: 0, max: 100 }, {
                transform: withBands,
              }),
        );
    },
    end() {
      if (ended) return;
      ended = true;
      // The page is closing, so an ordinary request may be cut off: the same statement the library
      // builds for terminate(), sent with keepalive so the browser finishes it after the page goes.
      // Sent now, not after the statements still queued: nothing queued runs once the page has
      // gone, so waiting for them (as it once did) lost 'terminated' whenever the window closed
      // while the last result's answer was still on its way (a clean-clone CI run caught it).
      const template = cmi5.getLaunchData().contextTemplate;
      const statement: Statement = {
        ...base(),
        verb: { id: 'http://adlnet.gov/expapi/verbs/terminated', display: { 'en-US': 'terminated' } },
        object: { objectType: 'Activity', id: params.activityId },
        result: { duration: duration(Date.now() - cmi5.getInitializedDate().getTime()) },
        context: {
          ...template,
          registration: params.registration,
          contextActivities: {
            ...template.contextActivities,
            category: [{ id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' }],
          },
        },
      };
      void fetch(`${params.endpoint.replace(/\/?$/, '/')}statements`, {
        method: 'POST',
        keepalive: true,
        headers: {
          'Content-Type': 'application/json',
          'X-Experience-API-Version': '1.0.3',
          Authorization: `Basic ${cmi5.getAuthToken()}`,
        },
        body: JSON.stringify(statement),
      }).catch(failed('the end of the session'));
    },
  };
}
