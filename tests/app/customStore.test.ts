import { describe, expect, it } from 'vitest';
import type { ScenarioCard } from '../../src/app/catalogueTypes';
import { cardRecord, parseCard, parseCustomEntry, readCustom } from '../../src/app/customStore';
import { memoryStore } from '../../src/app/storage';

const card: ScenarioCard = {
  id: 'my-gift',
  version: 3,
  title: 'My gift',
  summary: 'A summary.',
  minutes: 5,
  contentNote: null,
  learnerRole: 'You are a care assistant.',
  outcomes: [{ standard: 'CC 6', text: 'Communicate.', source: 'cc-6' }],
  relationships: ['colleagues', 'managers'],
  decisions: { fewest: 4, most: 9 },
};
const entry = { version: 1, id: 'my-gift', file: 'my-gift.yaml', text: 'id: my-gift', addedAt: 5 };

function store(records: Record<string, string>) {
  const s = memoryStore();
  for (const [k, v] of Object.entries(records)) s.set(k, v);
  return s;
}

describe('a trainer’s own scenarios in storage', () => {
  it('reads a good file and card back; the scenario’s own version is not the record’s', () => {
    const s = store({
      'custom:file:my-gift': JSON.stringify(entry),
      'custom:card:my-gift': cardRecord(card),
    });
    expect(readCustom(s)).toEqual({ entries: [entry], cards: [card], problems: [] });
  });

  it('reads records saved before they had a version', () => {
    const { version: _v, ...old } = entry;
    expect(parseCustomEntry(JSON.stringify(old))).toMatchObject({ ok: true });
    expect(parseCard(JSON.stringify(card), 'my-gift')).toEqual({ ok: true, value: card });
  });

  it('reads a card saved before it had relationships and decisions, and drops unknown relationships', () => {
    const { relationships: _r, decisions: _d, ...old } = card;
    expect(parseCard(cardRecord(old as ScenarioCard), 'my-gift')).toEqual({
      ok: true,
      value: { ...card, relationships: [], decisions: null },
    });
    const odd = { ...card, relationships: ['colleagues', 'aliens', 7], decisions: { fewest: 'x', most: 2 } };
    expect(parseCard(cardRecord(odd as unknown as ScenarioCard), 'my-gift')).toEqual({
      ok: true,
      value: { ...card, relationships: ['colleagues'], decisions: null },
    });
  });

  it.each([
    ['foreign', JSON.stringify({ hello: 'world' }), /not a CarePlay record/],
    ['wrong shape (the crash in issue 20)', JSON.stringify({ ...card, outcomes: 'none' }), /damaged/],
    ['truncated', cardRecord(card).slice(0, 40), /damaged or cut short/],
    ['oversized', cardRecord({ ...card, summary: 'x'.repeat(1_100_000) }), /far too large/],
    ['newer', JSON.stringify({ ...card, recordVersion: 9 }), /newer version/],
  ])('a %s card gives way to one from the file name, and says so', (_name, raw, why) => {
    const s = store({ 'custom:file:my-gift': JSON.stringify(entry), 'custom:card:my-gift': raw });
    const read = readCustom(s);
    expect(read.entries).toEqual([entry]);
    expect(read.cards[0]).toMatchObject({ id: 'my-gift', title: 'my-gift.yaml', outcomes: [] });
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]).toMatch(why);
    expect(read.problems[0]).toMatch(/menu card for your own scenario “my-gift\.yaml” could not be read/);
    // Nothing is deleted.
    expect(s.get('custom:card:my-gift')).toBe(raw);
  });

  it.each([
    ['foreign', JSON.stringify({ hello: 'world' }), /not a CarePlay record/],
    ['truncated', JSON.stringify(entry).slice(0, 30), /damaged or cut short/],
    ['oversized', JSON.stringify({ ...entry, text: 'x'.repeat(600_000) }), /far too large/],
    ['newer', JSON.stringify({ ...entry, version: 2 }), /newer version/],
    ['older', JSON.stringify({ ...entry, version: 0 }), /older version/],
  ])('a %s file is left off the menu with a sentence, and kept; the others load', (_name, raw, why) => {
    const other = { ...entry, id: 'other', file: 'other.yaml' };
    const s = store({
      'custom:file:my-gift': raw,
      'custom:card:my-gift': cardRecord(card),
      'custom:file:other': JSON.stringify(other),
      'custom:card:other': cardRecord({ ...card, id: 'other', title: 'Other' }),
    });
    const read = readCustom(s);
    expect(read.entries.map((e) => e.id)).toEqual(['other']);
    expect(read.cards.map((c) => c.title)).toEqual(['Other']);
    expect(read.problems).toEqual([expect.stringMatching(why)]);
    expect(read.problems[0]).toMatch(/Your own scenario “my-gift” could not be read .* It is still kept/);
    expect(s.get('custom:file:my-gift')).toBe(raw);
  });

  it('an own file that reuses a shipped scenario’s id is left off the menu, with the reason', () => {
    const s = store({
      'custom:file:demo-gift': JSON.stringify({ ...entry, id: 'demo-gift' }),
      'custom:card:demo-gift': cardRecord({ ...card, id: 'demo-gift' }),
    });
    const read = readCustom(s, new Set(['demo-gift']));
    expect(read.cards).toEqual([]);
    expect(read.problems[0]).toMatch(
      /has the id “demo-gift”, which a scenario CarePlay comes with already uses/,
    );
  });
});
