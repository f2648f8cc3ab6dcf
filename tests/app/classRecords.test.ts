import { describe, expect, it } from 'vitest';
import {
  keepPastClass,
  parsePastClass,
  PAST_CLASS_LIMIT,
  pastClass,
  READABLE_CLASS_SAVE,
  readPastClasses,
  removePastClass,
  removeUnreadClass,
  savedClass,
  type PastClass,
} from '../../src/app/classRecords';
import { memoryStore } from '../../src/app/storage';
import { classKey, pastClassKey } from '../../src/app/storageKeys';
import { CLASS_SAVE_VERSION, ClassSession } from '../../src/engine/ClassSession';
import { fixtureText, load } from '../helpers/fixtures';

const gift = load(fixtureText('gift.yaml')).scenario!;
const scenario = () => gift;

function finishedClass(startedAt: number): ClassSession {
  const cs = new ClassSession(scenario(), undefined, { now: () => startedAt });
  cs.pick('decline-kindly');
  cs.pick('accept-brooch');
  return cs;
}

function record(cs: ClassSession, finishedAt: number): PastClass {
  return {
    version: 1,
    id: cs.id,
    scenarioId: cs.scenario.id,
    title: cs.scenario.title,
    startedAt: cs.startedAt,
    finishedAt,
    decisions: cs.session.snapshot.decisions.length,
    ending: { title: cs.finished!.title, outcome: cs.finished!.outcome },
    save: cs.save(finishedAt),
  };
}

describe('a class saved for a scenario, as the menu reads it', () => {
  it('says the decision the class is at, when it started, and whether it has finished', () => {
    const store = memoryStore();
    expect(savedClass(store, 'demo-gift')).toBeNull();
    const cs = new ClassSession(scenario(), undefined, { now: () => 1000 });
    cs.setVotes('decline-kindly', 4);
    cs.goWithClass();
    store.set(classKey('demo-gift'), JSON.stringify(cs.save(5000)));
    expect(savedClass(store, 'demo-gift')).toEqual({
      id: cs.id,
      decision: 2,
      startedAt: 1000,
      finished: null,
    });
    cs.pick('accept-brooch');
    store.set(classKey('demo-gift'), JSON.stringify(cs.save(6000)));
    expect(savedClass(store, 'demo-gift')).toMatchObject({
      decision: 3,
      finished: { title: 'A keepsake in the wrong hands' },
    });
  });

  it('does not count a class that has not begun (no line read, no vote) as one to carry on', () => {
    const store = memoryStore();
    const cs = new ClassSession(scenario());
    store.set(classKey('demo-gift'), JSON.stringify(cs.save()));
    expect(savedClass(store, 'demo-gift')).toBeNull();
    cs.session.next();
    store.set(classKey('demo-gift'), JSON.stringify(cs.save()));
    expect(savedClass(store, 'demo-gift')).toMatchObject({ decision: 1 });
    const voted = new ClassSession(scenario());
    voted.addVote('decline-kindly');
    store.set(classKey('demo-gift'), JSON.stringify(voted.save()));
    expect(savedClass(store, 'demo-gift')).toMatchObject({ decision: 1 });
  });

  it('reads an older save (no start time) by its time saved, and anything it cannot read as no class', () => {
    const store = memoryStore();
    const begun = new ClassSession(scenario());
    begun.session.next();
    const { startedAt: _s, id: _i, finished: _f, ...old } = begun.save(777);
    store.set(classKey('demo-gift'), JSON.stringify(old));
    expect(savedClass(store, 'demo-gift')).toEqual({ id: null, decision: 1, startedAt: 777, finished: null });
    const good = JSON.stringify(old);
    for (const bad of [
      good.slice(0, 40),
      '{"hello":"from another app"}',
      JSON.stringify({ ...old, classSaveVersion: 99 }),
      `${good.slice(0, -1)},"padding":"${'x'.repeat(1_200_000)}"}`,
      JSON.stringify({ ...old, session: { ...old.session, scenarioId: 'other' } }),
    ]) {
      store.set(classKey('demo-gift'), bad);
      expect(savedClass(store, 'demo-gift')).toBeNull();
    }
  });

  it('knows the newest group save the engine writes', () => {
    expect(READABLE_CLASS_SAVE).toBe(CLASS_SAVE_VERSION);
  });
});

describe('past classes: finished classes kept for the trainer', () => {
  it('keeps each finished class once, newest first, and a new class never overwrites the last', () => {
    const store = memoryStore();
    const first = finishedClass(1000);
    const second = finishedClass(2000);
    expect(keepPastClass(store, record(first, 1500))).toBe(true);
    expect(keepPastClass(store, record(second, 2500))).toBe(true);
    // The first class again (an undo, then another ending): its own record is replaced.
    expect(keepPastClass(store, record(first, 3000))).toBe(true);
    const { classes, unread } = readPastClasses(store);
    expect(unread).toEqual([]);
    expect(classes.map((c) => [c.id, c.finishedAt])).toEqual([
      [first.id, 3000],
      [second.id, 2500],
    ]);
    expect(classes[0]).toMatchObject({
      scenarioId: 'demo-gift',
      decisions: 2,
      ending: { title: 'A keepsake in the wrong hands' },
    });
    // The save in the record rebuilds the class as it ended.
    const back = ClassSession.restore(scenario(), JSON.parse(JSON.stringify(classes[0]!.save)));
    if (!back.ok) throw new Error(back.reason);
    expect(back.classSession.finished?.node).toBe('ending-brooch');
    expect(pastClass(store, second.id)?.startedAt).toBe(2000);
    removePastClass(store, second.id);
    expect(readPastClasses(store).classes.map((c) => c.id)).toEqual([first.id]);
  });

  it(`keeps at most ${PAST_CLASS_LIMIT}: the oldest goes first`, () => {
    const store = memoryStore();
    const ids: string[] = [];
    for (let i = 0; i < PAST_CLASS_LIMIT + 3; i++) {
      const cs = finishedClass(i * 10);
      ids.push(cs.id);
      keepPastClass(store, record(cs, i * 10 + 5));
    }
    const kept = readPastClasses(store).classes.map((c) => c.id);
    expect(kept).toHaveLength(PAST_CLASS_LIMIT);
    expect(kept).toEqual(ids.slice(3).reverse());
    expect(store.keys().filter((k) => k.startsWith('past-class:'))).toHaveLength(PAST_CLASS_LIMIT);
  });

  it('says plainly which records it cannot read, leaves them out, and never deletes them itself', () => {
    const store = memoryStore();
    const good = record(finishedClass(1000), 1500);
    const text = JSON.stringify(good);
    const bad: Record<string, string> = {
      truncated: text.slice(0, text.length / 2),
      foreign: JSON.stringify({ hello: 'from another app', items: [1, 2, 3] }),
      oversized: `${text.slice(0, -1)},"padding":"${'x'.repeat(1_200_000)}"}`,
      'wrong-version': JSON.stringify({ ...good, version: 99 }),
      'newer save inside': JSON.stringify({ ...good, save: { ...good.save, classSaveVersion: 99 } }),
      'wrong shape': JSON.stringify({ ...good, ending: 'good' }),
      'under another key': text,
    };
    for (const [kind, value] of Object.entries(bad))
      store.set(pastClassKey(`bad-${kind.replace(/ /g, '-')}`), value);
    store.set(pastClassKey(good.id), text);
    const { classes, unread } = readPastClasses(store);
    expect(classes.map((c) => c.id)).toEqual([good.id]);
    expect(Object.fromEntries(unread.map((u) => [u.key.replace('past-class:bad-', ''), u.why]))).toEqual({
      truncated: 'it is damaged or cut short',
      foreign: 'it is not a CarePlay record',
      oversized: 'it is far too large to be a CarePlay record',
      'wrong-version': 'it was saved by a newer version of CarePlay',
      'newer-save-inside': 'it was saved by a newer version of CarePlay',
      'wrong-shape': 'it is damaged',
      'under-another-key': 'it is damaged',
    });
    // Keeping another class, up to the limit, leaves the unread ones alone; the trainer may delete them.
    keepPastClass(store, record(finishedClass(2000), 2500), 1);
    expect(readPastClasses(store).unread).toHaveLength(Object.keys(bad).length);
    expect(readPastClasses(store).classes).toHaveLength(1);
    removeUnreadClass(store, 'past-class:bad-truncated');
    removeUnreadClass(store, classKey('demo-gift'));
    expect(readPastClasses(store).unread).toHaveLength(Object.keys(bad).length - 1);
    expect(parsePastClass(text)).toEqual({ ok: true, value: good });
  });
});
