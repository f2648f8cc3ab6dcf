/**
 * Writes src/ui/fontFallbacks.css: for each self-hosted face, a fallback @font-face on a font the
 * device already has, scaled so that a line of text is as wide and as tall as in the real face.
 * Text is drawn at once in the fallback and the real face swaps in without the layout moving.
 *
 *   npx tsx src/cli/fontFallbacks.ts          (needs Chromium and fonts-liberation)
 *
 * Liberation Sans has Arial's metrics, glyph for glyph, so one set of overrides serves Arial
 * (Windows, macOS, iOS), Liberation Sans (Linux) and Arimo (ChromeOS) alike. The figures are
 * measured in Chromium itself: the width of a representative passage of CarePlay's own words,
 * and the ascent, descent and line gap the browser lays lines out with.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { format, resolveConfig } from 'prettier';
import { CHROME_PATH, LAUNCH_ARGS } from './chromium';

const require = createRequire(import.meta.url);
const fontFile = (pkg: string, file: string) =>
  join(dirname(require.resolve(`@fontsource/${pkg}/package.json`)), 'files', file);

/** The faces CarePlay ships, and the weights the fallback needs for each. */
const FACES = [
  {
    family: 'Atkinson Hyperlegible Next',
    weight: 400,
    file: fontFile('atkinson-hyperlegible-next', 'atkinson-hyperlegible-next-latin-400-normal.woff2'),
  },
  {
    family: 'Atkinson Hyperlegible Next',
    weight: 700,
    file: fontFile('atkinson-hyperlegible-next', 'atkinson-hyperlegible-next-latin-700-normal.woff2'),
  },
  {
    family: 'OpenDyslexic',
    weight: 400,
    file: fontFile('opendyslexic', 'opendyslexic-latin-400-normal.woff2'),
  },
];

/** Arial by its names on each system, then the fonts made to match it. */
const LOCAL = {
  400: ['Arial', 'ArialMT', 'Liberation Sans', 'LiberationSans', 'Arimo', 'Arimo-Regular'],
  700: [
    'Arial Bold',
    'Arial-BoldMT',
    'Liberation Sans Bold',
    'LiberationSans-Bold',
    'Arimo Bold',
    'Arimo-Bold',
  ],
} as const;
/** The one measured here (fonts-liberation on Debian). */
const MEASURED_LOCAL = { 400: 'Liberation Sans', 700: 'Liberation Sans Bold' } as const;

/** Words CarePlay shows: the menu, a card, a line and a choice, so the widths are of real text. */
const SAMPLE = [
  'Practise hard conversations in care, and learn why each choice matters.',
  'A thank-you at the end of the shift. Arthur wants to give you twenty pounds for looking after him.',
  'Sarah comes out of her mum’s room and stops by you in the lounge. She asked me who I was. My own mum.',
  'That must have been so hard to hear. Shall we sit down for a minute? I’ll tell our senior now, so a doctor can check her.',
  'Empathy, boundaries and escalation: Competent 75%, Developing 50%, Exemplary 88%. Settings · Presenter mode · Start',
].join(' ');

const browser = await chromium.launch({ executablePath: CHROME_PATH, args: LAUNCH_ARGS });
const page = await browser.newPage();
const faceCss = FACES.map(
  (f, i) =>
    `@font-face { font-family: 'real-${i}'; font-weight: ${f.weight}; src: url(data:font/woff2;base64,${readFileSync(f.file).toString('base64')}) format('woff2'); }`,
);
const localCss = ([400, 700] as const).map(
  (w) => `@font-face { font-family: 'local-${w}'; font-weight: ${w}; src: local('${MEASURED_LOCAL[w]}'); }`,
);
await page.setContent(`<style>${faceCss.join('\n')}\n${localCss.join('\n')}</style><body></body>`);

interface Metrics {
  width: number;
  ascent: number;
  descent: number;
  lineGap: number;
}
const measure = (family: string, weight: number) =>
  page.evaluate(
    async ({ family, weight, sample }) => {
      const font = `${weight} 100px '${family}'`;
      await document.fonts.load(font, sample);
      if (!document.fonts.check(font, sample)) throw new Error(`${family} ${weight} did not load`);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = font;
      const m = ctx.measureText(sample);
      // The height of one line at line-height: normal is ascent + descent + line gap.
      const div = document.createElement('div');
      div.style.cssText = `font: ${font}; line-height: normal; position: absolute; white-space: nowrap`;
      div.textContent = 'Hxg';
      document.body.appendChild(div);
      const normal = div.getBoundingClientRect().height;
      div.remove();
      return {
        width: m.width,
        ascent: m.fontBoundingBoxAscent,
        descent: m.fontBoundingBoxDescent,
        lineGap: Math.max(0, normal - m.fontBoundingBoxAscent - m.fontBoundingBoxDescent),
      };
    },
    { family, weight, sample: SAMPLE },
  ) as Promise<Metrics>;

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const rules: string[] = [];
for (const [i, face] of FACES.entries()) {
  const weight = face.weight as 400 | 700;
  const real = await measure(`real-${i}`, weight);
  const local = await measure(`local-${weight}`, weight);
  // Glyphs scaled so the passage is as wide; the vertical metrics are then given in the scaled
  // font's terms (the browser multiplies the overrides by size-adjust too).
  const size = real.width / local.width;
  rules.push(
    [
      `@font-face {`,
      `  font-family: '${face.family} fallback';`,
      `  font-style: normal;`,
      `  font-weight: ${weight};`,
      `  src: ${LOCAL[weight].map((n) => `local('${n}')`).join(', ')};`,
      `  size-adjust: ${pct(size)};`,
      `  ascent-override: ${pct(real.ascent / 100 / size)};`,
      `  descent-override: ${pct(real.descent / 100 / size)};`,
      `  line-gap-override: ${pct(real.lineGap / 100 / size)};`,
      `}`,
    ].join('\n'),
  );
}
await browser.close();

const css = await format(
  `/*
 * Generated by src/cli/fontFallbacks.ts: run it again after updating an @fontsource package.
 * Fallback faces on the device's own Arial (or a font with its metrics), scaled to the width and
 * line metrics of the faces CarePlay ships, so text shows at once and does not move when the
 * real face arrives (font-display: swap). Nothing is downloaded for these.
 */
${rules.join('\n')}
`,
  { ...(await resolveConfig('src/ui/fontFallbacks.css')), parser: 'css' },
);
writeFileSync('src/ui/fontFallbacks.css', css);
console.log(css);
