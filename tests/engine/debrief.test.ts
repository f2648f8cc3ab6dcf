import { describe, expect, it } from 'vitest';
import { analyseScenario } from '../../src/engine/analyseScenario';
import { buildDebrief } from '../../src/engine/debrief';
import { Session } from '../../src/engine/Session';
import { load, fixtureText } from '../helpers/fixtures';

const scenario = load(fixtureText('gift.yaml')).scenario!;
const { bestPath } = analyseScenario(scenario);

function finish(ids: string[]) {
  const session = new Session(scenario);
  for (const id of ids) session.choose(id);
  return buildDebrief(scenario, session.result()!, bestPath);
}

describe('buildDebrief', () => {
  it('lays out the timeline with what was chosen, the best on offer, and options never offered', () => {
    const d = finish(['decline-flat', 'repair', 'decline-again', 'say-nothing']);
    expect(d.timeline.map((t) => [t.chosen.id, t.best.id, t.wasBest])).toEqual([
      ['decline-flat', 'decline-kindly', false],
      ['repair', 'repair', true],
      ['decline-again', 'suggest-family', false],
      ['say-nothing', 'declare-offer', false],
    ]);
    expect(d.timeline[0]!.prompt).toMatch(/What might Arthur be feeling/);
    expect(d.timeline[2]!.notOffered).toEqual([]);
    expect(d.divergedAt).toBe(0);
    expect(d.bestPath.map((s) => s.option.id)).toEqual(['decline-kindly', 'suggest-family', 'declare-offer']);
  });

  it('lists options the learner never saw because of how the conversation went', () => {
    const lowEase = load(
      fixtureText('gift.yaml').replace('effects: { ease: 30 }', 'effects: { ease: 20 }'),
    ).scenario!;
    const session = new Session(lowEase);
    for (const id of ['decline-flat', 'repair', 'decline-again', 'declare-offer']) session.choose(id);
    const d = buildDebrief(lowEase, session.result()!, analyseScenario(lowEase).bestPath);
    expect(d.timeline[2]!.notOffered.map((o) => o.id)).toEqual(['suggest-family']);
  });

  it('tracks the mood curve from the start through each decision', () => {
    const d = finish(['decline-flat', 'repair', 'decline-again', 'say-nothing']);
    expect(d.mood).toEqual([
      { variable: 'ease', label: 'How at ease Arthur feels', min: 0, max: 100, values: [70, 30, 60, 60, 60] },
    ]);
  });

  it('puts unsafe moments first among the turning points, then the biggest misses', () => {
    const d = finish(['accept-quietly', 'keep-quiet']);
    expect(d.turningPoints.map((p) => [p.index, p.kind])).toEqual([
      [1, 'unsafe'],
      [0, 'unsafe'],
    ]);
    const mixed = finish(['decline-flat', 'repair', 'decline-again', 'say-nothing']);
    expect(mixed.turningPoints[0]).toMatchObject({ kind: 'missed' });
    expect(mixed.turningPoints.map((p) => p.index)).toEqual([3, 0, 2]);
  });

  it('says the learner never left the best path when they did not', () => {
    const d = finish(['decline-kindly', 'suggest-family', 'declare-offer']);
    expect(d.divergedAt).toBeNull();
    expect(d.turningPoints.every((p) => p.kind === 'strong')).toBe(true);
    expect(d.signposting.map((s) => s.name)).toEqual(['Your manager or supervisor']);
    expect(d.reflection).toHaveLength(2);
  });
});
