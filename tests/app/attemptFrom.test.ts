import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attemptFrom } from '../../src/app/attemptFrom';
import { withOwnSources, type PlayableScenario } from '../../src/app/catalogueTypes';
import { parseAttempt } from '../../src/app/progressStore';
import { buildDebrief } from '../../src/engine/debrief';
import { Session } from '../../src/engine/Session';
import { load, references, fixtureText } from '../helpers/fixtures';

describe('a finished attempt as a record', () => {
  const loaded = load(fixtureText('gift.yaml'));
  const playable = {
    scenario: loaded.scenario!,
    analysis: loaded.analysis!,
    references: references(),
    file: 'demo-gift.yaml',
    custom: false,
  } as PlayableScenario;
  const path = loaded.analysis!.bestPath.map((s) => s.choice);

  const finish = (session: Session, from = 0) => {
    for (const choice of path.slice(from)) session.choose(choice);
    const result = session.result()!;
    return buildDebrief(playable.scenario, result, playable.analysis.bestPath);
  };

  it('keeps the whole path in words, and reads back as it was written', () => {
    const session = new Session(playable.scenario);
    const model = finish(session);
    const attempt = attemptFrom(playable, session, model, 'assessment', 'my notes', 1000);
    expect(attempt.mode).toBe('assessment');
    expect(attempt.feedbackDuringPlay).toBe(false);
    expect(attempt.steps.filter((s) => s.kind === 'choice')).toHaveLength(path.length);
    expect(attempt.outcomes.length).toBeGreaterThan(0);
    const round = parseAttempt(JSON.parse(JSON.stringify(attempt)));
    expect(round).toEqual({ ok: true, value: attempt });
  });

  it('a session carried on after a reload still records the decisions made before it', () => {
    const first = new Session(playable.scenario);
    first.choose(path[0]!);
    const restored = Session.restore(playable.scenario, first.save());
    if (!restored.ok) throw new Error(restored.reason);
    const model = finish(restored.session, 1);
    const attempt = attemptFrom(playable, restored.session, model, 'practice', '');
    const decisions = attempt.steps.flatMap((s) => (s.kind === 'choice' ? [s.decision] : []));
    expect(decisions).toEqual(path.map((_, i) => i));
  });
});

describe('an attempt keeps what the new scoring says, in words', () => {
  const loaded = load(readFileSync('tests/app/fixtures/media-check.yaml', 'utf8'), 'media-check.yaml');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  const shared = references();
  const playable = {
    scenario: loaded.scenario!,
    analysis: loaded.analysis!,
    references: withOwnSources(shared, loaded.scenario!),
    file: 'media-check.yaml',
    custom: true,
  } as PlayableScenario;
  const LOCAL = 'Elm Court visiting and communication policy (2026)';

  const play = (path: string[]) => {
    const session = new Session(playable.scenario);
    for (const choice of path) {
      while (session.next());
      session.choose(choice);
    }
    while (session.next());
    const model = buildDebrief(playable.scenario, session.result()!, playable.analysis.bestPath);
    return attemptFrom(playable, session, model, 'practice', '', 1000);
  };

  it('cites a scenario’s own sources by title, without changing the shared ones', () => {
    expect(playable.references.sources['elm-visiting-policy']?.title).toBe(LOCAL);
    expect(playable.references.sources['cc-6']).toEqual(shared.sources['cc-6']);
    expect(shared.sources['elm-visiting-policy']).toBeUndefined();
    expect(withOwnSources(shared, { ...playable.scenario, sources: undefined })).toBe(shared);
  });

  it('keeps each band’s sentence of arithmetic, and what the ending said', () => {
    const attempt = play(['share-notes', 'photos']);
    expect(attempt.bands.boundaries.band).toBe('Developing');
    expect(attempt.bands.boundaries.explanation).toMatch(/capped at Developing by decision 1/);
    expect(attempt.bands.escalation.explanation).toMatch(/the ending added −3/);
    expect(attempt.assessments).toEqual([
      {
        went: 'badly',
        why: 'Margaret not knowing Sarah was new, and nobody was told, so an illness went unchecked.',
        sources: [shared.sources['dementia-uk-recognise']!.title, LOCAL],
        score: { escalation: -3 },
      },
      {
        went: 'well',
        why: 'Sarah felt listened to and went home calmer.',
        sources: [shared.sources['alz-talking']!.title],
        score: {},
      },
      expect.objectContaining({ went: 'note', score: {} }),
    ]);
    const first = attempt.steps.find((s) => s.kind === 'choice');
    expect(first?.kind === 'choice' && first.sources).toEqual([LOCAL]);
    expect(parseAttempt(JSON.parse(JSON.stringify(attempt)))).toEqual({ ok: true, value: attempt });
  });

  it('keeps what a line was when it was not said in the room', () => {
    const lines = play(['name-it', 'tell-senior']).steps.filter((s) => s.kind === 'line');
    expect(lines.map((l) => [l.speaker, l.kind === 'line' ? (l.medium ?? 'speech') : ''])).toEqual([
      ['', 'speech'],
      ['Sarah Okafor', 'text-message'],
      ['Priya Shah', 'phone-call'],
      ['', 'record'],
      ['Priya Shah', 'email'],
      ['Sarah Okafor', 'letter'],
      ['Sarah Okafor', 'speech'],
      ['Sarah Okafor', 'speech'],
    ]);
  });
});
