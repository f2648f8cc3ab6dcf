import { describe, expect, it } from 'vitest';
import {
  MAX_RECORD_CHARS,
  PROGRESS_VERSION,
  ProgressStore,
  parseAttempt,
  type Attempt,
} from '../../src/app/progressStore';
import { memoryStore } from '../../src/app/storage';

const attempt = (over: Partial<Attempt> = {}): Attempt => ({
  version: PROGRESS_VERSION,
  id: 'a1',
  scenarioId: 'demo-gift',
  scenarioTitle: 'A thank-you at the end of the shift',
  scenarioVersion: 1,
  finishedAt: 1_700_000_000_000,
  mode: 'practice',
  rewinds: 0,
  feedbackDuringPlay: true,
  outcomes: [{ standard: 'CC 2', text: 'Boundaries' }],
  ending: { title: 'Done well', outcome: 'good' },
  bands: {
    empathy: { band: 'Competent', percent: 70, reason: 'r' },
    boundaries: { band: 'Exemplary', percent: 100, reason: 'r' },
    escalation: { band: null, percent: null, reason: 'not tested' },
  },
  steps: [
    { kind: 'line', speaker: 'Mr Lee', text: 'Hello' },
    { kind: 'choice', decision: 0, prompt: null, text: 'Hi', feedback: 'Warm', sources: ['CC'] },
  ],
  notes: 'I learnt',
  ...over,
});

describe('the progress store', () => {
  it('starts with one learner and keeps each learner’s records apart', () => {
    const device = memoryStore();
    const p = new ProgressStore(device);
    expect(p.learners().map((l) => l.name)).toEqual(['Me']);
    p.store.set('notes:demo-gift', 'mine');
    p.recordAttempt(attempt());
    p.addLearner('Amira');
    expect(p.current.name).toBe('Amira');
    expect(p.store.get('notes:demo-gift')).toBeNull();
    expect(p.attempts().value).toEqual([]);
    // Remembered across a reload.
    const again = new ProgressStore(device);
    expect(again.current.name).toBe('Amira');
    again.switchTo('me');
    expect(again.attempts().value).toHaveLength(1);
    expect(again.best().get('demo-gift')).toEqual({
      attempts: 1,
      bands: { empathy: 'Competent', boundaries: 'Exemplary', escalation: null },
    });
  });

  it('moves old unscoped progress and notes into the first learner, once', () => {
    const device = memoryStore();
    device.set('progress:demo-gift', '{"x":1}');
    device.set('notes:demo-gift', 'old notes');
    const p = new ProgressStore(device);
    expect(p.store.get('progress:demo-gift')).toBe('{"x":1}');
    expect(p.store.get('notes:demo-gift')).toBe('old notes');
    expect(device.get('notes:demo-gift')).toBeNull();
    device.set('notes:later', 'x');
    new ProgressStore(device);
    expect(device.get('notes:later')).toBe('x');
  });

  it('a shared-computer learner keeps nothing on the device', () => {
    const device = memoryStore();
    const p = new ProgressStore(device);
    const before = device.keys().sort();
    p.startShared('Visitor');
    expect(p.shared).toBe(true);
    p.recordAttempt(attempt());
    p.store.set('notes:demo-gift', 'private');
    expect(p.attempts().value).toHaveLength(1);
    expect(device.keys().sort()).toEqual(before);
    expect(new ProgressStore(device).current.name).toBe('Me');
  });

  it('reads corrupt, truncated, old, newer, foreign and oversized records without losing the good ones', () => {
    const device = memoryStore();
    const p = new ProgressStore(device);
    p.recordAttempt(attempt());
    const good = JSON.stringify(attempt({ id: 'a2' }));
    p.store.set('attempt:truncated', good.slice(0, good.length / 2));
    p.store.set('attempt:corrupt', '\u0000not json');
    p.store.set('attempt:newer', JSON.stringify({ ...attempt({ id: 'n' }), version: 99 }));
    p.store.set('attempt:old', JSON.stringify({ ...attempt({ id: 'o' }), version: 0 }));
    p.store.set('attempt:foreign', JSON.stringify({ hello: 'world' }));
    p.store.set('attempt:array', '[1,2,3]');
    p.store.set('attempt:huge', JSON.stringify(attempt({ id: 'h', notes: 'x'.repeat(MAX_RECORD_CHARS) })));
    const loaded = p.attempts();
    expect(loaded.value.map((a) => a.id)).toEqual(['a1']);
    expect(loaded.problems).toHaveLength(7);
    expect(loaded.problems.join('\n')).toMatch(/damaged or cut short/);
    expect(loaded.problems.join('\n')).toMatch(/newer version/);
    expect(loaded.problems.join('\n')).toMatch(/older version/);
    expect(loaded.problems.join('\n')).toMatch(/far too large/);
  });

  it('reads an older attempt with no explanations or assessments as it was', () => {
    const parsed = parseAttempt(JSON.parse(JSON.stringify(attempt())));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value).toEqual(attempt());
    expect('assessments' in parsed.value).toBe(false);
    expect('explanation' in parsed.value.bands.empathy).toBe(false);
  });

  it('reads explanations and assessments field by field: a bad one is left out, the attempt kept', () => {
    const good = {
      went: 'badly',
      why: 'Nobody was told.',
      sources: ['Dementia UK'],
      score: { escalation: -3 },
    };
    const raw = {
      ...attempt(),
      bands: {
        empathy: { band: 'Competent', percent: 70, reason: 'r', explanation: '2 decisions counted.' },
        boundaries: { band: 'Exemplary', percent: 100, reason: 'r', explanation: 42 },
        escalation: { band: null, percent: null, reason: 'not tested', explanation: 'x'.repeat(6000) },
      },
      assessments: [
        good,
        { went: 'well', why: 'Warm.', sources: [], score: {}, unsafe: ['boundaries', 'nonsense'] },
        { went: 'great', why: 'x', sources: [] },
        { went: 'well', why: 5, sources: [] },
        { went: 'well', why: 'x', sources: 'not a list' },
        { went: 'well', why: 'x', sources: [7] },
        { went: 'badly', why: 'x', sources: [], score: { escalation: 9 } },
        { went: 'badly', why: 'x', sources: [], score: { escalation: -1.5 } },
        { went: 'badly', why: 'x', sources: [], score: 'very bad' },
        null,
        'text',
      ],
      steps: [
        { kind: 'line', speaker: 'Sarah', text: 'On my way', medium: 'text-message' },
        { kind: 'line', speaker: 'Sarah', text: 'Hello', medium: 'carrier-pigeon' },
      ],
    };
    const parsed = parseAttempt(raw);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.bands.empathy.explanation).toBe('2 decisions counted.');
    expect(parsed.value.bands.boundaries).toEqual({ band: 'Exemplary', percent: 100, reason: 'r' });
    expect(parsed.value.bands.escalation.explanation).toBeUndefined();
    expect(parsed.value.assessments).toEqual([
      good,
      { went: 'well', why: 'Warm.', sources: [], score: {}, unsafe: ['boundaries'] },
    ]);
    expect(parsed.value.steps).toEqual([
      { kind: 'line', speaker: 'Sarah', text: 'On my way', medium: 'text-message' },
      { kind: 'line', speaker: 'Sarah', text: 'Hello' },
    ]);
    // A list that is not a list, or far too long, is left out; the attempt still loads.
    for (const assessments of ['none', { 0: good }, Array.from({ length: 201 }, () => good)]) {
      const again = parseAttempt({ ...attempt(), assessments });
      expect(again.ok && again.value.assessments).toBeUndefined();
    }
  });

  it('keeps a damaged transcript step out but the attempt in', () => {
    const raw = {
      ...attempt(),
      steps: [{ kind: 'line', speaker: 'A', text: 'ok' }, { kind: 'nonsense' }, 5],
    };
    const parsed = parseAttempt(raw);
    expect(parsed.ok && parsed.value.steps).toHaveLength(1);
  });

  it('survives an unreadable list of learners and finds their records again', () => {
    const device = memoryStore();
    const p = new ProgressStore(device);
    p.addLearner('Amira');
    p.recordAttempt(attempt());
    device.set('learners', '{"version":1,"learners":[{"id":');
    const again = new ProgressStore(device);
    expect(again.problems[0]).toMatch(/could not be read/);
    const found = again.learners().find((l) => l.id !== 'me')!;
    again.switchTo(found.id);
    expect(again.attempts().value).toHaveLength(1);
  });

  it('exports, and imports on another device by merging, never overwriting', () => {
    const one = new ProgressStore(memoryStore());
    one.recordAttempt(attempt());
    one.store.set('notes:demo-gift', 'from device one');
    one.store.set('progress:sunday-visit', '{"saveVersion":1}');
    one.addLearner('Amira');
    const explained = attempt({
      id: 'b1',
      notes: 'Amira’s',
      bands: { ...attempt().bands, empathy: { ...attempt().bands.empathy, explanation: 'It adds up.' } },
      assessments: [{ went: 'well', why: 'Warm.', sources: ['CC'], score: { empathy: 2 } }],
    });
    one.recordAttempt(explained);
    const file = one.exportJson(true);

    const other = new ProgressStore(memoryStore());
    other.recordAttempt(attempt({ id: 'x9' }));
    other.store.set('notes:demo-gift', 'already here');
    const summary = other.importJson(file);
    expect(summary).toEqual({ learners: 2, attempts: 2, problems: [] });
    expect(other.attempts().value.map((a) => a.id)).toEqual(['x9', 'a1']);
    expect(other.store.get('notes:demo-gift')).toBe('already here\n\nfrom device one');
    expect(other.store.get('progress:sunday-visit')).toBe('{"saveVersion":1}');
    // Importing again adds nothing.
    expect(other.importJson(file).attempts).toBe(0);
    expect(other.store.get('notes:demo-gift')).toBe('already here\n\nfrom device one');
    other.switchTo(other.learners().find((l) => l.name === 'Amira')!.id);
    expect(other.attempts().value).toEqual([explained]);
  });

  it('says plainly what it could not import, and keeps the rest', () => {
    const p = new ProgressStore(memoryStore());
    expect(p.importJson('{"format":"careplay-progress"').problems[0]).toMatch(/damaged or cut short/);
    expect(p.importJson('{"some":"other app"}').problems[0]).toMatch(/not a CarePlay progress file/);
    expect(p.importJson('{"format":"careplay-progress","version":7,"learners":[]}').problems[0]).toMatch(
      /newer version/,
    );
    expect(p.importJson('x'.repeat(MAX_RECORD_CHARS + 1)).problems[0]).toMatch(/too large/);
    const mixed = JSON.stringify({
      format: 'careplay-progress',
      version: 1,
      learners: [
        { learner: { id: 'me', name: 'Me' }, attempts: [attempt({ id: 'ok' }), { id: 'bad' }], notes: {} },
        { learner: { name: 42 } },
      ],
    });
    const summary = p.importJson(mixed);
    expect(summary.attempts).toBe(1);
    expect(summary.problems).toHaveLength(2);
  });

  it('clears the current learner, or everyone', () => {
    const device = memoryStore();
    const p = new ProgressStore(device);
    p.recordAttempt(attempt());
    p.addLearner('Amira');
    p.recordAttempt(attempt());
    p.clearCurrent();
    expect(p.learners().map((l) => l.name)).toEqual(['Me']);
    expect(p.attempts().value).toHaveLength(1);
    p.clearEveryone();
    expect(p.attempts().value).toHaveLength(0);
    expect(device.keys().filter((k) => k.startsWith('learner:'))).toEqual([]);
  });

  it('a full or blocked store never throws: saving says no, and reading goes on', () => {
    const full = { ...memoryStore(), available: false, set: () => false };
    const p = new ProgressStore(full);
    expect(p.current.name).toBe('Me');
    expect(p.recordAttempt(attempt())).toBe(false);
    expect(p.attempts()).toEqual({ value: [], problems: [] });
    expect(p.importJson(new ProgressStore(memoryStore()).exportJson(true)).problems).toEqual([]);
  });
});
