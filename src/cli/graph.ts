/**
 * npm run graph -- <scenario.yaml> [out-dir]
 * Writes <id>.mmd (a Mermaid flowchart) and <id>.machine.json (the XState machine config, which
 * the Stately visualiser opens) into out-dir, by default graphs/ (git ignores it).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { machineConfig } from '../engine/compileMachine';
import { formatDiagnostic } from '../engine/diagnostics';
import { scenarioToMermaid } from '../engine/mermaid';
import { readReferences, readScenario } from '../build/files';

const [file, outDir = 'graphs'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!file) {
  console.error('usage: npm run graph -- scenarios/<file>.yaml [out-dir]');
  process.exit(2);
}
const loaded = readScenario(file, readReferences());
for (const d of loaded.diagnostics) console.error(formatDiagnostic(d));
if (!loaded.scenario) {
  console.error(`${file} could not be read as a scenario.`);
  process.exit(1);
}
mkdirSync(outDir, { recursive: true });
const base = join(outDir, loaded.scenario.id);
writeFileSync(`${base}.mmd`, scenarioToMermaid(loaded.scenario));
writeFileSync(`${base}.machine.json`, JSON.stringify(machineConfig(loaded.scenario), null, 2) + '\n');
console.log(`wrote ${base}.mmd and ${base}.machine.json`);
