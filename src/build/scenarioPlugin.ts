/**
 * Vite plugin: the shipped scenarios are validated and compiled to JSON at build time, so the
 * player never downloads the YAML parser or the schema for them (those load only when a trainer
 * drops in a file of their own). A scenario with errors fails the build with file:line:column.
 *
 *   virtual:careplay/catalogue       the menu's cards (small, in the first download)
 *   virtual:careplay/scenario/<id>   one scenario with its analysis (loaded when chosen)
 *   virtual:careplay/references      glossary, sources and expression words (loaded with a scenario)
 *
 * With `{ packed: true }` (the single-file build) each scenario module holds its JSON gzipped
 * and base64-encoded, and the catalogue's loader opens it (src/app/packedScenario.ts): about a
 * fifth of the size, which is what keeps the one HTML file under 3 MB.
 */
import { basename, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { formatDiagnostic, hasErrors } from '../engine/diagnostics';
import { readReferences, readScenario, scenarioFiles, SCENARIO_DIR } from './files';
import { cardOf, type ScenarioCard } from '../app/catalogueTypes';

const PREFIX = 'virtual:careplay/';
const RESOLVED = '\0' + PREFIX;

function loadAll() {
  const references = readReferences();
  if (hasErrors(references.diagnostics)) {
    throw new Error(references.diagnostics.map(formatDiagnostic).join('\n'));
  }
  const scenarios = scenarioFiles().map((file) => readScenario(file, references));
  return { references, scenarios };
}

export function scenarioPlugin(options: { packed?: boolean } = {}): Plugin {
  const packed = options.packed === true;
  let cache: ReturnType<typeof loadAll> | undefined;
  const all = () => (cache ??= loadAll());
  return {
    name: 'careplay-scenarios',
    resolveId(id) {
      return id.startsWith(PREFIX) ? '\0' + id : undefined;
    },
    load(id) {
      if (!id.startsWith(RESOLVED)) return undefined;
      const what = id.slice(RESOLVED.length);
      const { references, scenarios } = all();
      for (const file of [
        ...scenarioFiles(),
        ...['sources', 'glossary', 'expressions'].map((n) => `${SCENARIO_DIR}/${n}.yaml`),
      ]) {
        // Absolute paths: the dev server would try to resolve a relative one as an import.
        this.addWatchFile(resolve(file));
      }
      if (what === 'catalogue') {
        for (const s of scenarios) {
          const text = s.diagnostics.map(formatDiagnostic).join('\n');
          if (!s.ok) this.error(`${s.file} has errors and cannot be built:\n${text}`);
          else if (s.diagnostics.length) this.warn(text);
        }
        const cards: ScenarioCard[] = scenarios.map(({ scenario, analysis }) =>
          cardOf(scenario!, analysis ?? null),
        );
        const open = packed ? '.then(unpackScenario)' : '';
        const loaders = cards
          .map(
            (c) =>
              `  ${JSON.stringify(c.id)}: () => import(${JSON.stringify(PREFIX + 'scenario/' + c.id)})${open},`,
          )
          .join('\n');
        const head = packed
          ? `import { unpackScenario } from ${JSON.stringify(resolve('src/app/packedScenario.ts'))};\n`
          : '';
        return `${head}export const catalogue = ${JSON.stringify(cards)};\nexport const loaders = {\n${loaders}\n};\n`;
      }
      if (what === 'references') {
        return `export default ${JSON.stringify(references.references)};\n`;
      }
      if (what.startsWith('scenario/')) {
        const id = what.slice('scenario/'.length);
        const found = scenarios.find((s) => s.scenario?.id === id);
        if (!found?.scenario || !found.analysis) this.error(`no scenario with id '${id}'`);
        const { stateGraph: _unused, ...analysis } = found!.analysis!;
        if (packed) {
          const json = JSON.stringify({ scenario: found!.scenario, analysis, file: basename(found!.file) });
          const base64 = gzipSync(json, { level: 9 }).toString('base64');
          return (
            `import references from ${JSON.stringify(PREFIX + 'references')};\n` +
            `export const packed = ${JSON.stringify(base64)};\n` +
            `export { references };\n`
          );
        }
        return (
          `import references from ${JSON.stringify(PREFIX + 'references')};\n` +
          `export const scenario = ${JSON.stringify(found!.scenario)};\n` +
          `export const analysis = ${JSON.stringify(analysis)};\n` +
          `export const file = ${JSON.stringify(basename(found!.file))};\n` +
          `export { references };\n`
        );
      }
      this.error(`unknown CarePlay module ${id}`);
    },
    handleHotUpdate(ctx) {
      if (ctx.file.includes(`/${SCENARIO_DIR}/`) && ctx.file.endsWith('.yaml')) {
        cache = undefined;
        for (const mod of ctx.server.moduleGraph.idToModuleMap.values()) {
          if (mod.id?.startsWith(RESOLVED)) ctx.server.moduleGraph.invalidateModule(mod);
        }
        ctx.server.ws.send({ type: 'full-reload' });
        return [];
      }
      return undefined;
    },
  };
}
