/**
 * `npm run package`: the ways to hand CarePlay to someone, all from the same build.
 *
 *   package/careplay-site/      the static site: any web server, any sub-folder; an offline app
 *   package/careplay-site.zip   the same, zipped
 *   package/careplay.html       one self-contained file (double-click it; works from file://)
 *   package/scorm12/            SCORM 1.2 packages: one per scenario, and the whole library
 *   package/cmi5/               cmi5 (xAPI) packages: one per scenario, and the whole library
 *
 * Node only (never imported by the app).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import { build } from 'vite';
import { readReferences, readScenario, scenarioFiles } from '../build/files';

export interface PackagedScenario {
  id: string;
  title: string;
  version: number;
  summary: string;
}

/** The shipped scenarios, as the packages name them. */
export function shippedScenarios(): PackagedScenario[] {
  const references = readReferences();
  return scenarioFiles().flatMap((file) => {
    const s = readScenario(file, references).scenario;
    return s ? [{ id: s.id, title: s.title, version: s.version, summary: s.summary }] : [];
  });
}

/** The static site into `outDir` (the same build `npm run build` makes). */
export async function buildSite(outDir = 'dist'): Promise<void> {
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}

/** The single-file build; returns the HTML file's path. */
export async function buildSingleFile(outDir = 'dist-single'): Promise<string> {
  await build({ logLevel: 'warn', mode: 'single', build: { outDir, emptyOutDir: true } });
  return join(outDir, 'index.html');
}

/** Every file of a built site except source maps, keyed by its path inside the site. */
export function siteFiles(dir: string): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!name.endsWith('.map')) out.set(relative(dir, path).split('\\').join('/'), readFileSync(path));
    }
  };
  walk(dir);
  return out;
}

/** A zip of these files (fflate: deflate where it helps; MP3s and fonts are stored as they are). */
export function zip(files: Map<string, Uint8Array | string>): Uint8Array {
  const entries: Record<string, [Uint8Array, { level: 0 | 6 }]> = {};
  for (const [path, data] of files) {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    entries[path] = [bytes, { level: /\.(mp3|woff2?|png)$/.test(path) ? 0 : 6 }];
  }
  return zipSync(entries);
}

export function writeFile(path: string, data: Uint8Array | string): number {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, data);
  return statSync(path).size;
}

export function copySite(from: string, to: string): void {
  if (existsSync(to)) rmSync(to, { recursive: true });
  cpSync(from, to, { recursive: true, filter: (src) => !src.endsWith('.map') });
}

const xml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The launch address's query for one scenario: which one, and the pass rule. */
export const launchQuery = (id: string, rule: string) =>
  `?scenario=${encodeURIComponent(id)}&pass=${encodeURIComponent(rule)}`;

/**
 * A SCORM 1.2 manifest: one SCO (the site) and one item per scenario, each launching the site
 * with its scenario named in the item's `parameters`. One scenario makes a one-item course; the
 * whole library, a course with an item per scenario (each its own gradebook line).
 */
export function scormManifest(
  identifier: string,
  title: string,
  scenarios: PackagedScenario[],
  rule: string,
  files: string[],
): string {
  const items = scenarios
    .map(
      (s) =>
        `      <item identifier="item-${xml(s.id)}" identifierref="careplay-sco" isvisible="true" parameters="${xml(launchQuery(s.id, rule))}">\n` +
        `        <title>${xml(s.title)}</title>\n` +
        `      </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${xml(identifier)}" version="1.2"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="careplay">
    <organization identifier="careplay">
      <title>${xml(title)}</title>
${items}
    </organization>
  </organizations>
  <resources>
    <resource identifier="careplay-sco" type="webcontent" adlcp:scormtype="sco" href="index.html">
${files.map((f) => `      <file href="${xml(f)}"/>`).join('\n')}
    </resource>
  </resources>
</manifest>
`;
}

/** A SCORM 1.2 zip: the site's files with imsmanifest.xml at the root. */
export function scormPackage(
  site: Map<string, Uint8Array>,
  scenarios: PackagedScenario[],
  rule: string,
  library: boolean,
): Uint8Array {
  const one = scenarios.length === 1 && !library;
  const id = one ? `careplay-${scenarios[0]!.id}-v${scenarios[0]!.version}` : 'careplay-library';
  const title = one ? `CarePlay: ${scenarios[0]!.title}` : 'CarePlay: scenario library';
  const files = new Map<string, Uint8Array | string>(site);
  // The offline app's worker has no place inside a platform (the page does not register it there).
  for (const path of [...files.keys()]) if (/^(sw\.js|workbox-[^/]*\.js)$/.test(path)) files.delete(path);
  files.set('imsmanifest.xml', scormManifest(id, title, scenarios, rule, [...files.keys()].sort()));
  return zip(files);
}

/**
 * A cmi5 course structure: one assignable unit per scenario, launching the site with the
 * scenario named. moveOn follows the pass rule (Completed under "completion").
 */
export function cmi5CourseStructure(
  courseId: string,
  title: string,
  scenarios: PackagedScenario[],
  rule: string,
): string {
  const lang = (s: string) => `<langstring lang="en-GB">${xml(s)}</langstring>`;
  const moveOn = rule === 'completion' ? 'Completed' : 'CompletedAndPassed';
  const aus = scenarios
    .map(
      (s) => `  <au id="${xml(`${courseId}/au/${s.id}/v${s.version}`)}" moveOn="${moveOn}" launchMethod="AnyWindow">
    <title>${lang(s.title)}</title>
    <description>${lang(s.summary)}</description>
    <url>${xml(`index.html${launchQuery(s.id, rule)}`)}</url>
  </au>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${xml(courseId)}">
    <title>${lang(title)}</title>
    <description>${lang('Role-play practice for health and social care: choose what to say, with feedback and a debrief.')}</description>
  </course>
${aus}
</courseStructure>
`;
}

/** A cmi5 zip: the site's files with cmi5.xml at the root. */
export function cmi5Package(
  site: Map<string, Uint8Array>,
  scenarios: PackagedScenario[],
  rule: string,
  library: boolean,
): Uint8Array {
  const one = scenarios.length === 1 && !library;
  const courseId = one
    ? `https://careplay.invalid/course/${scenarios[0]!.id}`
    : 'https://careplay.invalid/course/library';
  const title = one ? `CarePlay: ${scenarios[0]!.title}` : 'CarePlay: scenario library';
  const files = new Map<string, Uint8Array | string>(site);
  for (const path of [...files.keys()]) if (/^(sw\.js|workbox-[^/]*\.js)$/.test(path)) files.delete(path);
  files.set('cmi5.xml', cmi5CourseStructure(courseId, title, scenarios, rule));
  return zip(files);
}
