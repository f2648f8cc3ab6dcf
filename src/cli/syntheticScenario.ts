/**
 * A generated scenario of any size, for benchmarks and scale tests: a layered graph where every
 * node is reachable, some choices are guarded on a state variable, and the last nodes are endings.
 * Deterministic for a given size and seed.
 */
import type { Scenario } from '../engine/schema';

export function syntheticScenario(nodeCount: number, seed = 1): Scenario {
  let state = seed >>> 0 || 1;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const endings = Math.max(3, Math.floor(nodeCount * 0.05));
  const firstEnding = nodeCount - endings;
  const id = (i: number) => `n${i}`;
  const nodes: Scenario['nodes'] = {};
  const feedback = { why: 'Generated.', sources: ['cc-6'] };
  for (let i = 0; i < nodeCount; i++) {
    if (i >= firstEnding) {
      const outcome = (['good', 'mixed', 'poor'] as const)[i % 3]!;
      nodes[id(i)] = {
        location: 'room',
        present: ['pat'],
        ending: { outcome, title: `Ending ${i}`, whatNext: 'Generated.' },
      };
      continue;
    }
    const far = Math.min(nodeCount - 1, i + 2 + Math.floor(random() * 40));
    const choices: NonNullable<Scenario['nodes'][string]['choices']> = [
      {
        id: `c${i}a`,
        text: 'Next',
        next: id(i + 1),
        score: { empathy: 1 },
        effects: { trust: 10 },
        feedback,
      },
      {
        id: `c${i}b`,
        text: 'Skip',
        next: id(Math.min(nodeCount - 1, i + 2)),
        score: { boundaries: -1 },
        effects: { trust: -10 },
        feedback,
      },
      {
        id: `c${i}c`,
        text: 'Jump',
        next: id(far),
        score: { escalation: 2 },
        ...(i % 10 === 0 ? { if: { state: { trust: { atLeast: 50 } } } } : {}),
        feedback,
      },
    ];
    nodes[id(i)] = {
      location: 'room',
      present: ['pat'],
      lines: [{ speaker: 'pat', text: `Line ${i}` }],
      discuss: 'Generated.',
      choices,
    };
  }
  return {
    id: `synthetic-${nodeCount}`,
    version: 1,
    title: `Synthetic ${nodeCount}`,
    summary: 'Generated for benchmarks.',
    minutes: 1,
    learnerRole: 'Generated.',
    outcomes: [{ standard: 'Care Certificate Standard 6', text: 'Generated.', source: 'cc-6' }],
    prebrief: 'Generated.',
    cast: {
      pat: {
        name: 'Pat',
        role: 'Resident',
        look: {
          age: 80,
          skin: 'light',
          hair: { style: 'short', colour: 'grey' },
          clothes: { style: 'cardigan', colour: '#445566' },
        },
      },
    },
    locations: { room: { name: 'Room', kind: 'lounge' } },
    state: { trust: { label: 'Trust', min: 0, max: 100, start: 50 } },
    start: id(0),
    nodes,
  };
}
