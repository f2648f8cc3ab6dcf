/**
 * The SCORM 1.2 adapter against a fake platform API: what it sends, and that a broken API or
 * damaged suspend data gets a plain message, never a crash. (The real run under scorm-again is in
 * tests/e2e/package.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { connectScorm12, timespan } from '../../src/platform/scorm12';
import { findScormApi, type Scorm12Api } from '../../src/platform/scormApi';
import type { PlatformResult } from '../../src/platform/types';

function fakeApi(values: Record<string, string> = {}, overrides: Partial<Scorm12Api> = {}) {
  const data: Record<string, string> = { 'cmi.core.lesson_status': 'not attempted', ...values };
  const calls: string[] = [];
  const api: Scorm12Api = {
    LMSInitialize: () => (calls.push('init'), 'true'),
    LMSFinish: () => (calls.push('finish'), 'true'),
    LMSGetValue: (k) => data[k] ?? '',
    LMSSetValue: (k, v) => ((data[k] = v), 'true'),
    LMSCommit: () => (calls.push('commit'), 'true'),
    LMSGetLastError: () => '0',
    LMSGetErrorString: () => '',
    ...overrides,
  };
  return { api, data, calls };
}

const result: PlatformResult = {
  scenarioId: 'demo-gift',
  scenarioTitle: 'A gift',
  scenarioVersion: 3,
  endingTitle: 'Declared',
  bands: {
    empathy: { band: 'Competent', percent: 75 },
    boundaries: { band: 'Exemplary', percent: 94 },
    escalation: { band: null, percent: null },
  },
  score: 75,
  passed: true,
  rule: 'competent',
  durationMs: 65_000,
};

describe('SCORM 1.2 adapter', () => {
  it('marks the attempt incomplete, keeps the place, then reports status, score, objectives and time', () => {
    const { api, data, calls } = fakeApi({ 'cmi.core.student_name': 'Okafor, Grace' });
    const notes: string[] = [];
    const p = connectScorm12(api, 'competent', (m) => notes.push(m))!;
    expect(p.learnerName).toBe('Grace Okafor');
    expect(data['cmi.core.lesson_status']).toBe('incomplete');
    p.placeChanged('demo-gift', '{"choices":["a"]}');
    expect(JSON.parse(data['cmi.suspend_data']!)).toEqual({
      v: 1,
      places: { 'demo-gift': '{"choices":["a"]}' },
    });
    expect(data['cmi.core.exit']).toBe('suspend');
    p.decided({
      scenarioId: 'demo-gift',
      index: 0,
      node: 'n',
      prompt: null,
      choiceId: 'decline warmly',
      choiceText: 'No thank you',
      letter: 'c',
      levels: { boundaries: 3, empathy: 2 },
      result: 'correct',
      weight: 2,
      at: Date.now(),
      latencyMs: 12_000,
    });
    expect(data['cmi.interactions.0.id']).toBe('demo-gift_d1_decline_warmly');
    expect(data['cmi.interactions.0.student_response']).toBe('c');
    expect(data['cmi.interactions.0.latency']).toBe('0000:00:12');
    expect(data['cmi.interactions.0.objectives.0.id']).toBe('boundaries');
    p.placeChanged('demo-gift', null);
    p.finished(result);
    expect(data['cmi.core.lesson_status']).toBe('passed');
    expect(data['cmi.core.score.raw']).toBe('75');
    expect(data['cmi.objectives.1.status']).toBe('passed');
    expect(data['cmi.objectives.2.status']).toBe('not attempted');
    p.end();
    expect(data['cmi.core.session_time']).toMatch(/^\d{4}:\d{2}:\d{2}\.\d{2}$/);
    expect(data['cmi.core.exit']).toBe('');
    expect(calls.at(-1)).toBe('finish');
    expect(notes).toEqual([]);
  });

  it('the completion rule reports completed, with no pass or fail', () => {
    const { api, data } = fakeApi();
    connectScorm12(api, 'completion', () => {})!.finished({ ...result, passed: null, rule: 'completion' });
    expect(data['cmi.core.lesson_status']).toBe('completed');
  });

  it('damaged, foreign or newer suspend data: a plain message, and the scenario starts afresh', () => {
    for (const [raw, said] of [
      ['{not json', /could not be read/],
      ['viewed=1,2,3', /could not be read/],
      ['{"v":99,"places":{"demo-gift":"x"}}', /newer version of CarePlay/],
    ] as const) {
      const notes: string[] = [];
      const p = connectScorm12(fakeApi({ 'cmi.suspend_data': raw }).api, 'competent', (m) => notes.push(m))!;
      expect(p.savedPlace('demo-gift')).toBeNull();
      expect(notes.join(' ')).toMatch(said);
    }
  });

  it('a platform that refuses to start, throws, or refuses values: a message, never a crash', () => {
    const notes: string[] = [];
    expect(
      connectScorm12(
        fakeApi({}, { LMSInitialize: () => 'false', LMSGetLastError: () => '101' }).api,
        'competent',
        (m) => notes.push(m),
      ),
    ).toBeNull();
    expect(notes[0]).toMatch(/could not be connected to \(error 101/);
    const thrown: string[] = [];
    const p = connectScorm12(
      fakeApi(
        {},
        {
          LMSSetValue: () => {
            throw new Error('boom');
          },
          LMSCommit: () => 'false',
        },
      ).api,
      'competent',
      (m) => thrown.push(m),
    )!;
    expect(() => p.finished(result)).not.toThrow();
    expect(() => p.end()).not.toThrow();
    expect(thrown.length).toBeGreaterThan(0);
    expect(thrown.every((m) => /CarePlay carries on/.test(m))).toBe(true);
  });

  it('finds the API on a parent frame, and none on a page with no platform or a foreign parent', () => {
    const { api } = fakeApi();
    const top = { API: api } as unknown as Window & { parent: Window };
    (top as { parent: unknown }).parent = top;
    const child = { parent: top, opener: null } as unknown as Window;
    expect(findScormApi(child)).toBe(api);
    const alone = { opener: null } as unknown as Window;
    (alone as { parent: unknown }).parent = alone;
    expect(findScormApi(alone)).toBeNull();
    const foreign = {
      get parent(): Window {
        throw new DOMException('cross-origin');
      },
      opener: null,
    } as unknown as Window;
    expect(findScormApi(foreign)).toBeNull();
    expect(timespan(3_723_450)).toBe('0001:02:03.45');
  });
});
