/**
 * npm run validate [-- --json] [-- --scoring] [files...]
 * Checks every scenario (or the files named), including the trainer's expectations, and exits
 * non-zero on any error. --scoring also shows, per ending, the bands reachable on each dimension
 * and the best and worst path there.
 */
import { formatDiagnostic, hasErrors, type Diagnostic } from '../engine/diagnostics';
import { cueingStats } from '../engine/cueing';
import { checkExpectations } from '../engine/expectations';
import { formatScoringReport, scoringReport } from '../engine/scoringReport';
import { readReferences, readScenario, scenarioFiles } from '../build/files';

const args = process.argv.slice(2);
const json = args.includes('--json');
const scoring = args.includes('--scoring');
const named = args.filter((a) => !a.startsWith('--'));

const references = readReferences();
const files = named.length > 0 ? named : scenarioFiles();
const results = files.map((file) => readScenario(file, references));

const referenceErrors = hasErrors(references.diagnostics);
const failed = referenceErrors || results.some((r) => !r.ok);

if (json) {
  const out = {
    references: { ok: !referenceErrors, diagnostics: references.diagnostics.map(plain) },
    scenarios: results.map((r) => ({
      file: r.file,
      id: r.scenario?.id ?? null,
      ok: r.ok,
      diagnostics: r.diagnostics.map(plain),
      stats: r.analysis?.stats ?? null,
      cueing: r.ok && r.scenario && r.analysis ? cueingStats(r.scenario, r.analysis) : null,
      expectations:
        r.ok && r.scenario
          ? checkExpectations(r.scenario).map((o) => ({
              name: o.name,
              met: o.problems.length === 0,
              ending: o.result?.ending.node ?? null,
              bands: o.result
                ? Object.fromEntries(
                    Object.entries(o.result.card).map(([d, c]) => [d, { band: c.band, percent: c.percent }]),
                  )
                : null,
            }))
          : [],
      ...(scoring && r.ok && r.scenario && r.analysis
        ? { scoring: scoringReport(r.scenario, r.analysis) }
        : {}),
    })),
  };
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
} else {
  for (const d of references.diagnostics) console.log(formatDiagnostic(d));
  for (const r of results) {
    const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = r.diagnostics.length - errors;
    const status = r.ok ? (warnings ? 'ok, with warnings' : 'ok') : 'has errors';
    console.log(
      `${r.file}: ${status} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`,
    );
    const s = r.analysis?.stats;
    if (s) {
      const range = (d: keyof typeof s.scoreBounds) =>
        `${d} ${s.scoreBounds[d].min ?? '-∞'} to ${s.scoreBounds[d].max ?? '∞'}`;
      console.log(
        `  ${s.nodes} nodes, ${s.decisionPoints} decision points, ${s.reachableEndings} of ${s.endings} endings reachable, ` +
          `${s.shortestPath} to ${s.longestPath ?? '∞'} decisions per play${s.exact ? '' : ' (approximate)'}\n` +
          `  score bounds: ${range('empathy')}, ${range('boundaries')}, ${range('escalation')}`,
      );
    }
    if (r.ok && r.scenario) {
      const expectations = r.scenario.expectations ?? [];
      if (r.analysis) {
        const c = cueingStats(r.scenario, r.analysis);
        console.log(
          `  cueing: over ${c.sets} option sets a learner can see, the best option is the longest in ${c.longest}%, second-longest ${c.secondLongest}%, shortest ${c.shortest}%, first ${c.first}%, last ${c.last}%; the worst is the shortest in ${c.worstShortest}%`,
        );
      }
      if (expectations.length)
        console.log(
          `  ${expectations.length} trainer's expectation${expectations.length === 1 ? '' : 's'} met`,
        );
    }
    for (const d of r.diagnostics) console.log('  ' + formatDiagnostic(d));
    if (scoring && r.ok && r.scenario && r.analysis) {
      for (const line of formatScoringReport(scoringReport(r.scenario, r.analysis))) console.log(line);
    }
  }
  if (files.length === 0) console.log('No scenario files found in scenarios/.');
}

function plain(d: Diagnostic) {
  return {
    severity: d.severity,
    code: d.code,
    file: d.file,
    line: d.line,
    column: d.column,
    message: d.message,
  };
}

process.exitCode = failed ? 1 : 0;
