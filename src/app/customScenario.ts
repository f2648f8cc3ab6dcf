/**
 * Checking a trainer's own scenario file in the browser. Loaded on demand: it brings the YAML
 * parser and the schema, which the shipped scenarios never need at run time.
 */
import references from 'virtual:careplay/references';
import { analyseScenario } from '../engine/analyseScenario';
import { formatDiagnostic } from '../engine/diagnostics';
import { loadScenario } from '../engine/loadScenario';
import type { References } from '../engine/schema';
import { cardOf, withOwnSources, type PlayableScenario, type ScenarioCard } from './catalogueTypes';
import { MAX_CUSTOM_CHARS } from './customStore';

export interface CheckedScenario {
  playable: PlayableScenario | null;
  card: ScenarioCard | null;
  /** Every problem, "line L, column C: message", errors first. */
  problems: string[];
  warnings: string[];
}

export const MAX_CUSTOM_BYTES = MAX_CUSTOM_CHARS;

export async function checkCustomScenario(file: string, text: string): Promise<CheckedScenario> {
  if (text.length > MAX_CUSTOM_BYTES) {
    return {
      playable: null,
      card: null,
      problems: [
        `the file is ${Math.round(text.length / 1024)} KB; a scenario file should be well under 512 KB`,
      ],
      warnings: [],
    };
  }
  const refs = references as References;
  const loaded = loadScenario({ file, text }, refs);
  const describe = (d: (typeof loaded.diagnostics)[number]) =>
    formatDiagnostic(d)
      .replace(`${file}:`, 'line ')
      .replace(/^line (\d+):(\d+): (error|warning): /, 'line $1, column $2: ');
  const problems = loaded.diagnostics.filter((d) => d.severity === 'error').map(describe);
  const warnings = loaded.diagnostics.filter((d) => d.severity === 'warning').map(describe);
  if (!loaded.ok || !loaded.scenario) return { playable: null, card: null, problems, warnings };
  const s = loaded.scenario;
  const { stateGraph: _graph, ...analysis } = loaded.analysis ?? analyseScenario(s);
  return {
    playable: { scenario: s, analysis, references: withOwnSources(refs, s), file, custom: true },
    card: cardOf(s, analysis),
    problems,
    warnings,
  };
}
