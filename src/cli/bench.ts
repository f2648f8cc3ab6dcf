/**
 * npm run bench — measured, not asserted. Reports medians over several runs, and growth as a
 * ratio within this one run, because shared machines are noisy.
 */
import { analyseScenario } from '../engine/analyseScenario';
import { benchPlayer } from './benchPlayer';
import { syntheticScenario } from './syntheticScenario';

const RUNS = 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

console.log('Scenario analysis (graph checks + state checks), generated scenarios');
const sizes = [1250, 2500, 5000];
const results: { size: number; ms: number; states: number; choices: number }[] = [];
for (const size of sizes) {
  const scenario = syntheticScenario(size);
  const choices = Object.values(scenario.nodes).reduce((n, node) => n + (node.choices?.length ?? 0), 0);
  analyseScenario(scenario); // warm-up
  const times: number[] = [];
  let states = 0;
  for (let i = 0; i < RUNS; i++) times.push(time(() => (states = analyseScenario(scenario).stats.states)));
  results.push({ size, ms: median(times), states, choices });
  console.log(
    `  ${String(size).padStart(5)} nodes, ${String(choices).padStart(5)} choices, ${String(states).padStart(6)} states: median ${median(times).toFixed(1)} ms over ${RUNS} runs`,
  );
}
const first = results[0]!;
const last = results[results.length - 1]!;
console.log(
  `  growth ${first.size} → ${last.size} nodes (×${last.size / first.size}): time ×${(last.ms / first.ms).toFixed(2)}, states ×${(last.states / first.states).toFixed(2)}`,
);

console.log('');
await benchPlayer();
