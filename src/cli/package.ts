/**
 * npm run package: build CarePlay once and write every way of handing it to someone into
 * package/ (see src/package/artefacts.ts), then list each artefact with its size.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PASS_RULES } from '../platform/types';
import {
  buildSingleFile,
  buildSite,
  cmi5Package,
  copySite,
  scormPackage,
  shippedScenarios,
  siteFiles,
  writeFile,
  zip,
} from '../package/artefacts';

const OUT = 'package';
// Vite's note about a future config loader is for CarePlay's developers, not for this output.
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';

async function main() {
  const ruleArg = process.argv.find((a) => a.startsWith('--pass='))?.slice('--pass='.length) ?? 'competent';
  if (!(PASS_RULES as readonly string[]).includes(ruleArg)) {
    throw new Error(`--pass=${ruleArg} is not a pass rule; use one of: ${PASS_RULES.join(', ')}.`);
  }
  const rule = ruleArg;
  rmSync(OUT, { recursive: true, force: true });
  const sizes: [string, number][] = [];
  console.log('Building the site…');
  await buildSite('dist');
  copySite('dist', join(OUT, 'careplay-site'));
  const site = siteFiles('dist');
  sizes.push([
    `${OUT}/careplay-site/ (${site.size} files)`,
    [...site.values()].reduce((n, f) => n + f.length, 0),
  ]);
  sizes.push([`${OUT}/careplay-site.zip`, writeFile(join(OUT, 'careplay-site.zip'), zip(site))]);

  console.log('Building the single file…');
  const single = await buildSingleFile();
  sizes.push([`${OUT}/careplay.html`, writeFile(join(OUT, 'careplay.html'), readFileSync(single))]);
  rmSync('dist-single', { recursive: true, force: true });

  const scenarios = shippedScenarios();
  for (const s of scenarios) {
    const name = `${OUT}/scorm12/careplay-${s.id}-scorm12.zip`;
    sizes.push([name, writeFile(name, scormPackage(site, [s], rule, false))]);
  }
  const library = `${OUT}/scorm12/careplay-library-scorm12.zip`;
  sizes.push([library, writeFile(library, scormPackage(site, scenarios, rule, true))]);
  for (const s of scenarios) {
    const name = `${OUT}/cmi5/careplay-${s.id}-cmi5.zip`;
    sizes.push([name, writeFile(name, cmi5Package(site, [s], rule, false))]);
  }
  const cmi5Library = `${OUT}/cmi5/careplay-library-cmi5.zip`;
  sizes.push([cmi5Library, writeFile(cmi5Library, cmi5Package(site, scenarios, rule, true))]);
  console.log(`Pass rule for the platform packages: ${rule}`);

  const width = Math.max(...sizes.map(([name]) => name.length));
  console.log('\nWritten:');
  for (const [name, bytes] of sizes)
    console.log(`  ${name.padEnd(width)}  ${(bytes / 1024 / 1024).toFixed(2)} MB`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
