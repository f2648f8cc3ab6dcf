/**
 * npm run package: build CarePlay once and write every way of handing it to someone into
 * package/ (see src/package/artefacts.ts), then list each artefact with its size.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSingleFile, buildSite, copySite, siteFiles, writeFile, zip } from '../package/artefacts';

const OUT = 'package';
// Vite's note about a future config loader is for CarePlay's developers, not for this output.
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';

async function main() {
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

  const width = Math.max(...sizes.map(([name]) => name.length));
  console.log('\nWritten:');
  for (const [name, bytes] of sizes)
    console.log(`  ${name.padEnd(width)}  ${(bytes / 1024 / 1024).toFixed(2)} MB`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
