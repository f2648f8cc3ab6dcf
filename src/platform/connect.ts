/**
 * Was this page launched by a learning platform? Only then is anything sent anywhere, and only
 * to that platform: a SCORM 1.2 API in a parent frame (or the opener), or cmi5 launch
 * parameters in the address. The adapters load only when one is found.
 */
import { readPassRule } from './outcome';
import { findScormApi } from './scormApi';
import type { Notify, Platform } from './types';

export interface Launch {
  /** The scenario the platform launched (`?scenario=<id>`), if one. */
  scenarioId: string | null;
}

export function launchOf(search: string): Launch {
  const params = new URLSearchParams(search);
  return { scenarioId: params.get('scenario') };
}

export async function connectPlatform(notify: Notify): Promise<Platform | null> {
  // The single file is never launched by a platform; leaving this out drops both adapters.
  if (__CAREPLAY_SINGLE_FILE__) return null;
  const params = new URLSearchParams(location.search);
  const rule = readPassRule(params.get('pass'));
  const api = findScormApi(window);
  if (api) {
    const { connectScorm12 } = await import('./scorm12');
    return connectScorm12(api, rule, notify);
  }
  // cmi5: the LMS puts these five in the launch address.
  if (['endpoint', 'fetch', 'actor', 'registration', 'activityId'].every((k) => params.has(k))) {
    const { connectCmi5 } = await import('./cmi5');
    return connectCmi5(rule, notify);
  }
  return null;
}
