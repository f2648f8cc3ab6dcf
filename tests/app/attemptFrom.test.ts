import { describe, expect, it } from 'vitest';
import { attemptFrom } from '../../src/app/attemptFrom';
import type { PlayableScenario } from '../../src/app/catalogueTypes';
import { parseAttempt } from '../../src/app/progressStore';
import { buildDebrief } from '../../src/engine/debrief';
import { Session } from '../../src/engine/Session';
import { load, references, scenarioText } from '../helpers/fixtures';

describe('a finished attempt as a record', () => {
  const loaded = load(scenarioText('demo-gift.yaml'));
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
