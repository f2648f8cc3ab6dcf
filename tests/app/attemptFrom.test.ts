import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attemptFrom } from '../../src/app/attemptFrom';
import { withOwnSources, type PlayableScenario } from '../../src/app/catalogueTypes';
import { coveragePathOfAttempt, parseAttempt } from '../../src/app/progressStore';
import { buildDebrief } from '../../src/engine/debrief';
import { coveragePathOf, outcomesCoverage } from '../../src/engine/outcomes';
import { decodeReference, replayReference } from '../../src/engine/referenceCode';
import { Session } from '../../src/engine/Session';
import { load, references, fixtureText, scenarioText } from '../helpers/fixtures';

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
    // Where each was made, too (node, decisions before it, ending): outcome coverage reads them.
    expect(attempt.assessments).toEqual([
      expect.objectContaining({
        went: 'badly',
        why: 'Margaret not knowing Sarah was new, and nobody was told, so an illness went unchecked.',
        sources: [shared.sources['dementia-uk-recognise']!.title, LOCAL],
        score: { escalation: -3 },
        afterDecisions: 2,
        ending: true,
      }),
      expect.objectContaining({
        went: 'well',
        why: 'Sarah felt listened to and went home calmer.',
        sources: [shared.sources['alz-talking']!.title],
        score: {},
      }),
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

describe('an attempt keeps what outcome coverage needs, so the report can rebuild it', () => {
  const loaded = load(scenarioText('interpreting-for-nan.yaml'), 'scenarios/interpreting-for-nan.yaml');
  const playable = {
    scenario: loaded.scenario!,
    analysis: loaded.analysis!,
    references: references(),
    file: 'interpreting-for-nan.yaml',
    custom: false,
  } as PlayableScenario;
  const expectation = (name: string) => playable.scenario.expectations!.find((e) => e.name === name)!.path;

  const play = (path: readonly string[], rewindTo?: { at: number; then: readonly string[] }) => {
    const session = new Session(playable.scenario);
    for (const [i, choice] of path.entries()) {
      if (rewindTo && i === rewindTo.at + rewindTo.then.length) break;
      session.choose(choice);
    }
    if (rewindTo) {
      session.rewind(rewindTo.at);
      for (const choice of rewindTo.then) session.choose(choice);
    }
    const result = session.result()!;
    const model = buildDebrief(playable.scenario, result, playable.analysis.bestPath);
    return { session, result, attempt: attemptFrom(playable, session, model, 'assessment', '', 1000) };
  };

  it('the report’s coverage, rebuilt from the saved record, is the engine’s for that path', () => {
    for (const name of ['strongest', 'cold-rule-follower', 'drops-the-disclosure', 'poor']) {
      const { result, attempt } = play(expectation(name));
      const saved = parseAttempt(JSON.parse(JSON.stringify(attempt)));
      if (!saved.ok) throw new Error(saved.why);
      const fromRecord = outcomesCoverage(saved.value.outcomes, coveragePathOfAttempt(saved.value));
      const fromEngine = outcomesCoverage(
        playable.scenario.outcomes,
        coveragePathOf(playable.scenario, result),
      );
      expect(fromRecord, name).toEqual(fromEngine);
      expect(fromRecord.every((c) => c.rule === 'moments')).toBe(true);
    }
  });

  it('after a rewind only the final path counts, and replaying the reference code agrees', () => {
    // Take the poor start, go back to decision 1 and play the strongest path instead.
    const strongest = expectation('strongest');
    const { result, attempt } = play(['college-question', 'doors-menace', 'not-my-place'], {
      at: 0,
      then: strongest,
    });
    expect(attempt.rewinds).toBe(1);
    const fromRecord = outcomesCoverage(attempt.outcomes, coveragePathOfAttempt(attempt));
    expect(fromRecord).toEqual(
      outcomesCoverage(playable.scenario.outcomes, coveragePathOf(playable.scenario, result)),
    );
    expect(fromRecord.map((c) => c.status)).toEqual(playable.scenario.outcomes.map(() => 'covered'));
    const decoded = decodeReference(attempt.code!);
    if (!decoded.ok) throw new Error(decoded.why);
    const replayed = replayReference(playable.scenario, decoded.code);
    if (!replayed.ok) throw new Error(replayed.why);
    expect(
      outcomesCoverage(
        playable.scenario.outcomes,
        coveragePathOf(playable.scenario, replayed.session.result()!),
      ),
    ).toEqual(fromRecord);
  });

  it('an older record without moments, shownAt or assessment ids still reads, judged on the bands and saying so', () => {
    const { attempt } = play(expectation('cold-rule-follower'));
    const old = JSON.parse(JSON.stringify(attempt)) as Record<string, unknown>;
    old.outcomes = attempt.outcomes.map(({ standard, text, evidences }) => ({ standard, text, evidences }));
    old.steps = attempt.steps.map((s) =>
      s.kind === 'choice' ? { ...s, node: undefined, choice: undefined, open: undefined } : s,
    );
    old.assessments = attempt.assessments!.map(({ went, why, sources, score }) => ({
      went,
      why,
      sources,
      score,
    }));
    const read = parseAttempt(JSON.parse(JSON.stringify(old)));
    if (!read.ok) throw new Error(read.why);
    const coverage = outcomesCoverage(read.value.outcomes, coveragePathOfAttempt(read.value));
    expect(coverage.every((c) => c.rule === 'bands')).toBe(true);
    expect(coverage[0]!.reason).toMatch(
      /judged on the whole-path bands, because the outcome names no moments/,
    );
    // A new outcome list on an old transcript: the record cannot say which decisions were which.
    const mixed = { ...read.value, outcomes: attempt.outcomes };
    expect(outcomesCoverage(mixed.outcomes, coveragePathOfAttempt(mixed))[0]!.reason).toMatch(
      /saved before CarePlay kept the moments/,
    );
  });

  it('damaged coverage fields are left out, never fatal', () => {
    const { attempt } = play(expectation('strongest'));
    const bad = JSON.parse(JSON.stringify(attempt)) as {
      outcomes: unknown[];
      steps: unknown[];
      assessments: unknown[];
    };
    bad.outcomes[0] = { ...(bad.outcomes[0] as object), shownAt: ['ok', 42], id: 'Not An Id!' };
    bad.steps = bad.steps.map((s) =>
      (s as { kind: string }).kind === 'choice'
        ? { ...(s as object), node: 7, open: { empathy: 'x', boundaries: 9 } }
        : s,
    );
    bad.assessments[0] = { ...(bad.assessments[0] as object), afterDecisions: -1, node: ['x'] };
    const read = parseAttempt(bad);
    if (!read.ok) throw new Error(read.why);
    expect(read.value.outcomes[0]).not.toHaveProperty('shownAt');
    expect(read.value.outcomes[0]).not.toHaveProperty('id');
    const step = read.value.steps.find((s) => s.kind === 'choice');
    expect(step).not.toHaveProperty('node');
    expect(step?.kind === 'choice' && step.open).toEqual({});
    // Without node ids the decisions cannot be placed: every outcome falls back to the bands.
    const coverage = outcomesCoverage(read.value.outcomes, coveragePathOfAttempt(read.value));
    expect(coverage.map((c) => c.rule)).toEqual(read.value.outcomes.map(() => 'bands'));
  });
});
