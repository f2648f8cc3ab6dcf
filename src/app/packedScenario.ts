/**
 * The single-file build carries each shipped scenario gzip-compressed (src/build/scenarioPlugin.ts,
 * `packed`), which keeps one HTML file for a USB stick under 3 MB. This opens one with the
 * browser's own DecompressionStream: no library, nothing fetched.
 */
import type { ScenarioAnalysis } from '../engine/analyseScenario';
import type { References, Scenario } from '../engine/schema';

export interface PackedModule {
  /** Base64 of the gzip of `{ scenario, analysis, file }` as JSON. */
  packed: string;
  references: References;
}

export async function unpackScenario(mod: PackedModule): Promise<{
  scenario: Scenario;
  analysis: Omit<ScenarioAnalysis, 'stateGraph'>;
  references: References;
  file: string;
}> {
  const bytes = Uint8Array.from(atob(mod.packed), (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  const data = (await new Response(stream).json()) as {
    scenario: Scenario;
    analysis: Omit<ScenarioAnalysis, 'stateGraph'>;
    file: string;
  };
  return { ...data, references: mod.references };
}
