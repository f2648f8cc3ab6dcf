/**
 * Finding a SCORM 1.2 platform: its API object is `API` on a parent frame (or the opener's), as
 * the SCORM 1.2 run-time environment says. Small, so it can run on every start; the adapter
 * itself (scorm12.ts) loads only when an API is found.
 */
/** The SCORM 1.2 run-time API, as the platform provides it. */
export interface Scorm12Api {
  LMSInitialize(arg: ''): string;
  LMSFinish(arg: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
}

const isApi = (v: unknown): v is Scorm12Api =>
  typeof v === 'object' &&
  v !== null &&
  ['LMSInitialize', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSFinish'].every(
    (k) => typeof (v as Record<string, unknown>)[k] === 'function',
  );

/** The SCORM 1.2 API in this window's parents (then the opener's), or null. */
export function findScormApi(start: Window): Scorm12Api | null {
  const search = (w: Window | null): Scorm12Api | null => {
    for (let depth = 0; w && depth < 10; depth++) {
      try {
        const api = (w as unknown as { API?: unknown }).API;
        if (isApi(api)) return api;
        if (w.parent === w) break;
        w = w.parent;
      } catch {
        return null; // a frame from another site: not ours to read
      }
    }
    return null;
  };
  try {
    return search(start) ?? search(start.opener as Window | null);
  } catch {
    return null;
  }
}
