/**
 * npm run bench — measured, not asserted. Reports medians over several runs, and growth as a
 * ratio within this one run, because shared machines are noisy.
 *
 *   npm run bench                          the analysis, then the player (one table, and JSON)
 *   npm run bench -- --analysis            the analysis only
 *   npm run bench -- --player              the player only
 *   npm run bench -- --compare <file>      beside an earlier run's JSON
 *   npm run bench -- --json <file>         where to write this run's JSON
 *   npm run bench -- --runs 9 --playthroughs 100 --frame-runs 3 --down 1.6 --rtt 150
 *   npm run bench -- --player --parts heap,frames     some of the player's parts only
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { analyseScenario } from '../engine/analyseScenario';
import { benchPlayer } from './benchPlayer';
import { formatTable, median, ratio, readBenchJson, type BenchJson, type BenchRow } from './benchReport';
import { syntheticScenario } from './syntheticScenario';

const { values: args } = parseArgs({
  options: {
    analysis: { type: 'boolean', default: false },
    player: { type: 'boolean', default: false },
    compare: { type: 'string' },
    json: { type: 'string' },
    runs: { type: 'string', default: '7' },
    playthroughs: { type: 'string', default: '100' },
    'frame-runs': { type: 'string', default: '3' },
    down: { type: 'string', default: '1.6' },
    rtt: { type: 'string', default: '150' },
    parts: { type: 'string', default: 'load,heap,frames' },
  },
});

function count(name: string, text: string, least: number): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n < least) {
    console.error(`--${name} needs a number of at least ${least}, not "${text}".`);
    process.exit(2);
  }
  return n;
}

const RUNS = 7;
let previous: BenchJson | undefined;
if (args.compare) {
  try {
    previous = readBenchJson(readFileSync(args.compare, 'utf8'));
  } catch (error) {
    console.error(
      `--compare ${args.compare} cannot be used: ${error instanceof Error ? error.message : String(error)}.`,
    );
    process.exit(2);
  }
}
const PARTS = ['load', 'heap', 'frames'] as const;
const parts = new Set(args.parts.split(',').map((p) => p.trim()));
for (const p of parts) {
  if (!(PARTS as readonly string[]).includes(p)) {
    console.error(`--parts takes ${PARTS.join(', ')} (comma-separated), not "${p}".`);
    process.exit(2);
  }
}
const settings = {
  parts: parts as Set<(typeof PARTS)[number]>,
  runs: count('runs', args.runs, 1),
  playthroughs: count('playthroughs', args.playthroughs, 1),
  frameRuns: count('frame-runs', args['frame-runs'], 1),
  throttle: {
    downBps: count('down', args.down, 0.01) * 1e6,
    upBps: 0.75e6,
    rttMs: count('rtt', args.rtt, 0),
  },
};
if (settings.runs < 7) console.log(`Note: ${settings.runs} runs; the issue's targets ask for at least 7.`);

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

const rows: BenchRow[] = [];
const samples: Record<string, number[]> = {};

if (!args.player) {
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
    const choices = Object.values(scenarios[i]!.nodes).reduce(
      (n, node) => n + (node.choices?.length ?? 0),
      0,
    );
    const ms = median(times[i]!);
    console.log(
      `  ${String(size).padStart(5)} nodes, ${String(choices).padStart(5)} choices, ${String(states[i]).padStart(6)} states: median ${ms.toFixed(1)} ms over ${RUNS} runs`,
    );
    samples[`analysis.${size}`] = times[i]!;
    return { size, ms, states: states[i]! };
  });
  const first = results[0]!;
  const last = results[results.length - 1]!;
  console.log(
    `  growth ${first.size} → ${last.size} nodes (×${last.size / first.size}): time ×${(last.ms / first.ms).toFixed(2)}, states ×${(last.states / first.states).toFixed(2)}`,
  );
  rows.push({
    key: 'analysis.5000',
    label: `analysis of a ${last.size}-node scenario`,
    unit: 'ms',
    value: last.ms,
    note: `×${(last.ms / first.ms).toFixed(2)} the time of ${first.size} nodes`,
  });
  console.log('');
}

let browserVersion = '';
if (!args.analysis) {
  const player = await benchPlayer(settings);
  if (player) {
    rows.push(...player.rows);
    Object.assign(samples, player.samples);
    browserVersion = player.browser;
  }
}

// Start at once → first line: the issue asks for it within 1.2× of the earlier code's, which
// only an earlier run can say (ratios against each run's own stock page).
if (previous) {
  for (const row of rows.filter((r) => r.key.startsWith('firstLine.'))) {
    const old = previous.rows.find((r) => r.key === row.key);
    const now = ratio(row);
    const then = old && ratio(old);
    if (now !== undefined && then !== undefined) row.met = now / then <= 1.2;
  }
}

const commit = (() => {
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      encoding: 'utf8',
    });
    return dirty.trim() ? `${head}+changes` : head;
  } catch {
    return 'unknown';
  }
})();
const json: BenchJson = {
  kind: 'careplay-bench',
  version: 1,
  date: new Date().toISOString(),
  commit,
  machine: { cpus: cpus().length, node: process.version, browser: browserVersion },
  settings: { ...settings, parts: [...settings.parts] },
  rows,
  samples,
};
const out = args.json ?? `tests/output/bench/bench-${json.date.replace(/[:.]/g, '-')}.json`;
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(json, null, 2) + '\n');

console.log('');
console.log(formatTable(rows, previous));
console.log('');
for (const row of rows.filter((r) => r.note)) console.log(`  ${row.label}: ${row.note}`);
console.log('');
console.log(`Written to ${out}${previous ? `; compared with ${args.compare}` : ''}.`);
