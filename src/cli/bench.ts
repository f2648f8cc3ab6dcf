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
const scenarios = sizes.map((size) => syntheticScenario(size));
// Warm up on every size, then measure in interleaved rounds, so JIT warm-up and drift in the
// machine's load fall on all sizes alike.
for (const scenario of scenarios) for (let i = 0; i < 2; i++) analyseScenario(scenario);
const times: number[][] = sizes.map(() => []);
const states: number[] = sizes.map(() => 0);
for (let round = 0; round < RUNS; round++) {
  scenarios.forEach((scenario, i) =>
    times[i]!.push(time(() => (states[i] = analyseScenario(scenario).stats.states))),
  );
}
const results = sizes.map((size, i) => {
  const choices = Object.values(scenarios[i]!.nodes).reduce((n, node) => n + (node.choices?.length ?? 0), 0);
  const ms = median(times[i]!);
  console.log(
    `  ${String(size).padStart(5)} nodes, ${String(choices).padStart(5)} choices, ${String(states[i]).padStart(6)} states: median ${ms.toFixed(1)} ms over ${RUNS} runs`,
  );
  return { size, ms, states: states[i]! };
});
const first = results[0]!;
const last = results[results.length - 1]!;
console.log(
  `  growth ${first.size} → ${last.size} nodes (×${last.size / first.size}): time ×${(last.ms / first.ms).toFixed(2)}, states ×${(last.states / first.states).toFixed(2)}`,
);

// `npm run bench -- --analysis` skips the browser part.
if (!process.argv.includes('--analysis')) {
  console.log('');
  await benchPlayer();
}
