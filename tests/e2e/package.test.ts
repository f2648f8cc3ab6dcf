/**
 * Issue 18: the ways CarePlay is handed to someone, in real Chromium. The single file opened
 * from file:// with every network request refused; the static site from a sub-folder, installed
 * as an offline app, played with the network off, and offering (not forcing) a new version.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { buildDebrief } from '../../src/engine/debrief';
import { Session } from '../../src/engine/Session';
import {
  buildSingleFile,
  cmi5Package,
  scormPackage,
  shippedScenarios,
  siteFiles,
} from '../../src/package/artefacts';
import { load, scenarioText } from '../helpers/fixtures';
import { appUrl, BROWSER_AVAILABLE, screenshotPath, sharedBrowser } from './browser';
import { execFileSync } from 'node:child_process';
import { startServer, type StaticServer } from './staticServer';

const GIFT = 'A thank-you at the end of the shift';
const MB = 1024 * 1024;

const menu = (page: Page | Frame) =>
  page.getByRole('heading', { name: 'CarePlay', level: 1 }).waitFor({ timeout: 30_000 });

/**
 * The course frame inside the platform's player, once it exists. The iframe's src is set by the
 * player's script, and the frame only appears in `page.frames()` after it starts navigating, so
 * asking for it straight after the src is set can find nothing (CI saw exactly that after a reload).
 */
async function courseFrame(page: Page): Promise<Frame> {
  const find = () => page.frames().find((f) => /\/pkg\/index\.html/.test(f.url()));
  await expect.poll(() => Boolean(find()), { timeout: 30_000 }).toBe(true);
  return find()!;
}

/**
 * Start the gift scenario (or carry on in it) and take the first option at each decision, to the
 * debrief. `page` may be a frame (the package inside an LMS); keys go to the focused frame.
 */
export async function playGift(
  page: Page | Frame,
  options: { stopAfterChoices?: number; started?: boolean } = {},
): Promise<void> {
  const keyboard = ('keyboard' in page ? page : page.page()).keyboard;
  if (!options.started)
    await page.getByRole('article', { name: GIFT }).getByRole('button', { name: 'Start' }).click();
  await page.getByRole('region', { name: 'What is said' }).waitFor();
  let chosen = 0;
  for (let guard = 0; guard < 200; guard++) {
    if (await page.getByRole('button', { name: 'See how it went' }).count()) break;
    const list = page.getByRole('list', { name: 'What do you say?' });
    if (await list.isVisible().catch(() => false)) {
      if (chosen === options.stopAfterChoices) return;
      await keyboard.press('1');
      chosen++;
    } else await keyboard.press('Enter');
    await page.waitForTimeout(40);
  }
  await page.getByRole('button', { name: 'See how it went' }).click();
  await page.getByRole('heading', { name: 'How you did' }).waitFor();
}

/** Every console error and page error, and every request that went anywhere. */
function watch(page: Page) {
  const errors: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('response', (r) => void (r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`)));
  return errors;
}

describe.skipIf(!BROWSER_AVAILABLE)('packages in Chromium', () => {
  let browser: Browser;
  let singleFile: string;

  beforeAll(async () => {
    browser = await sharedBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  // Issue 18 asks for under 3 MB (counted strictly: 3,000,000 bytes). The scenarios travel
  // gzipped inside it and the platform adapters are left out; each new scenario adds about
  // 20 KB, so this budget is what says when the library has outgrown one file.
  it('the single file: under 3 MB, opens from file:// and plays to the debrief with the network refused', async () => {
    singleFile = resolve(await buildSingleFile('tests/output/single'));
    const size = statSync(singleFile).size;
    console.log(`single file: ${(size / 1e6).toFixed(2)} MB (${size} bytes)`);
    expect(size).toBeLessThan(3_000_000);
    const html = readFileSync(singleFile, 'utf8');
    // Nothing is fetched from elsewhere, or even from beside it.
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="(?!data:)/);

    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      reducedMotion: 'reduce',
    });
    const asked: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:'))
        return route.continue();
      asked.push(url);
      return route.abort();
    });
    await context.setOffline(true);
    const page = await context.newPage();
    const errors = watch(page);
    await page.goto(`${pathToFileURL(singleFile).href}?renderer=canvas`);
    await menu(page);
    await playGift(page);
    // Progress is kept from file:// too: the attempt is on the card after a reload.
    await page.reload();
    await menu(page);
    expect(await page.getByRole('article', { name: GIFT }).innerText()).toMatch(/1 attempt\./);

    // The presenter window opens from the same file and follows the class session.
    await page.keyboard.press('p');
    await page.getByRole('article', { name: GIFT }).getByRole('button', { name: 'Start' }).click();
    await page
      .getByRole('dialog', { name: /Before the class starts/ })
      .getByRole('button', { name: 'Begin' })
      .click();
    const [presenter] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('n')]);
    await presenter.getByRole('complementary', { name: 'Trainer panel' }).waitFor({ timeout: 20_000 });
    expect(presenter.url()).toMatch(/^file:.*\?presenter=1/);
    expect(await presenter.getByRole('complementary', { name: 'Trainer panel' }).innerText()).toMatch(
      /thank-you|Decision|Trainer/i,
    );
    expect(asked).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('the site from a sub-folder: installs as an offline app, plays with the network off, and offers an update', async () => {
    let offline = false;
    const site: StaticServer = await startServer({ '/training/careplay/': resolve('dist') }, (req, res) => {
      if (!offline) return false;
      res.destroy();
      return true;
    });
    const base = `${site.url}/training/careplay/`;
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      reducedMotion: 'reduce',
      serviceWorkers: 'allow',
    });
    const foreign: string[] = [];
    context.on(
      'request',
      (r) => void (!r.url().startsWith(site.url) && !/^(data|blob):/.test(r.url()) && foreign.push(r.url())),
    );
    const page = await context.newPage();
    const errors = watch(page);
    await page.goto(`${base}?renderer=canvas`);
    await menu(page);
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel=manifest]')!;
      return (await fetch(link.href)).json();
    });
    expect(manifest).toMatchObject({ name: 'CarePlay', display: 'standalone', start_url: '.' });
    expect(manifest.icons.some((i: { sizes: string }) => i.sizes === '512x512')).toBe(true);
    // The worker installs with every file cached, then controls the page from the next load.
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(base);
    await page.reload();
    await menu(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    // The network off, and the server refusing everything: CarePlay still starts and plays.
    offline = true;
    await context.setOffline(true);
    await page.reload();
    await menu(page);
    await playGift(page);
    await page.getByRole('button', { name: 'Back to the menu' }).click();
    await menu(page);

    // A new version: offered in a banner, never switched in under the learner mid-scenario.
    offline = false;
    await context.setOffline(false);
    site.rewrite = (path, text) => (path.endsWith('/sw.js') ? `${text}\n// a new version\n` : text);
    await playGift(page, { stopAfterChoices: 1 });
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const banner = page.getByRole('status').filter({ hasText: 'A new version of CarePlay is ready' });
    await banner.waitFor({ timeout: 20_000 });
    await page.screenshot({ path: screenshotPath('package-update-offer') });
    // Nothing changed while it waits: the learner is still at the same decision.
    expect(await page.getByRole('list', { name: 'What do you say?' }).isVisible()).toBe(true);
    await Promise.all([
      page.waitForEvent('load'),
      banner.getByRole('button', { name: 'Update now' }).click(),
    ]);
    await menu(page);
    await page.getByRole('article', { name: GIFT }).getByRole('button', { name: 'Start' }).click();
    await page.getByRole('dialog', { name: 'Carry on where you left off?' }).waitFor();
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
    await site.close();
  }, 150_000);

  it('the SCORM 1.2 package under scorm-again: status, score, time, interactions, and a resume after a reload', async () => {
    // The package as a platform receives it: the zip, unpacked.
    const gift = shippedScenarios().find((x) => x.id === 'demo-gift')!;
    const zipped = scormPackage(siteFiles('dist'), [gift], 'competent', false);
    console.log(`SCORM package (one scenario): ${(zipped.length / MB).toFixed(2)} MB`);
    const dir = resolve('tests/output/scorm/pkg');
    rmSync(dir, { recursive: true, force: true });
    for (const [path, data] of Object.entries(unzipSync(zipped))) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), data);
    }

    // The platform: scorm-again's SCORM 1.2 API in the page, the package in a frame, as an LMS
    // does. Each commit is recorded; a relaunch starts from the last one, as a platform would.
    const commits: Record<string, unknown>[] = [];
    let stored: Record<string, unknown> | null = null;
    const player = `<!doctype html><html><head><title>LMS</title><link rel="icon" href="data:,"><script src="/scorm-again/scorm12.min.js"></script></head>
<body style="margin:0"><iframe id="sco" title="Course" style="width:1280px;height:880px;border:0"></iframe><script>
(async () => {
  const manifest = new DOMParser().parseFromString(await (await fetch('/pkg/imsmanifest.xml')).text(), 'application/xml');
  const item = manifest.getElementsByTagName('item')[0];
  const resource = [...manifest.getElementsByTagName('resource')].find((r) => r.getAttribute('identifier') === item.getAttribute('identifierref'));
  const stored = await (await fetch('/lms/state')).json();
  const api = new Scorm12API({ lmsCommitUrl: '/lms/commit', autocommit: false, logLevel: 5 });
  if (stored) api.loadFromJSON(stored);
  api.cmi.core.student_id = 'learner-17';
  api.cmi.core.student_name = 'Okafor, Grace';
  api.cmi.core.entry = stored ? 'resume' : 'ab-initio';
  window.API = api;
  document.getElementById('sco').src = '/pkg/' + resource.getAttribute('href') + item.getAttribute('parameters') + '&renderer=canvas';
})();
</script></body></html>`;
    const lms = await startServer(
      { '/pkg/': dir, '/scorm-again/': resolve('node_modules/scorm-again/dist') },
      (req, res, body) => {
        const path = new URL(req.url ?? '/', 'http://x').pathname;
        if (path === '/lms/player.html') res.writeHead(200, { 'content-type': 'text/html' }).end(player);
        else if (path === '/lms/state')
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(stored));
        else if (path === '/lms/commit') {
          const data = JSON.parse(body) as Record<string, unknown>;
          commits.push(data);
          stored = (data.cmi ?? data) as Record<string, unknown>;
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"result":true,"errorCode":0}');
        } else return false;
        return true;
      },
    );
    const context = await browser.newContext({
      viewport: { width: 1300, height: 900 },
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    const errors = watch(page);
    await page.goto(`${lms.url}/lms/player.html`);
    const course = () => page.frames().find((f) => f.url().includes('/pkg/index.html'))!;
    await menu(await courseFrame(page));
    // Launched for one scenario: the menu offers only that one, to the learner the platform names.
    const menuText = await course().locator('body').innerText();
    expect(menuText).toMatch(/Playing as Grace Okafor/);
    expect(await course().getByRole('article').count()).toBe(1);
    await playGift(course(), { stopAfterChoices: 2 });
    const cmi = () =>
      stored as {
        core: Record<string, string> & { score: Record<string, string> };
        suspend_data: string;
        interactions: Record<string, Record<string, string>>;
      };
    await expect
      .poll(() => Object.keys(cmi()?.interactions ?? {}).filter((k) => /^\d+$/.test(k)).length)
      .toBe(2);
    expect(cmi().core.lesson_status).toBe('incomplete');
    expect(cmi().core.exit).toBe('suspend');
    expect(JSON.parse(cmi().suspend_data)).toMatchObject({
      v: 1,
      places: { 'demo-gift': expect.any(String) },
    });

    // Relaunch (a reload; a fresh profile would do the same): the platform's place is offered.
    await page.reload();
    await menu(await courseFrame(page));
    await course().getByRole('article', { name: GIFT }).getByRole('button', { name: 'Start' }).click();
    const resume = course().getByRole('dialog', { name: 'Carry on where you left off?' });
    await resume.waitFor();
    expect(await resume.innerText()).toMatch(/You have made 2 decisions/);
    await resume.getByRole('button', { name: 'Carry on' }).click();
    await playGift(course(), { started: true });
    await expect.poll(() => cmi().core.lesson_status).toMatch(/^(passed|failed)$/);

    // What the platform received is what the engine says of this path.
    const interactions = Object.entries(cmi().interactions)
      .filter(([k]) => /^\d+$/.test(k))
      .map(([, v]) => v);
    const choices = interactions.map((i) => i.id!.replace(/^demo-gift_d\d+_/, ''));
    const scenario = load(scenarioText('demo-gift.yaml')).scenario!;
    const session = new Session(scenario);
    for (const id of choices) {
      while (session.snapshot.phase === 'line') session.next();
      session.choose(id);
    }
    while (!session.ended) session.next();
    const model = buildDebrief(scenario, session.result()!, []);
    const tested = (['empathy', 'boundaries', 'escalation'] as const).filter((d) => model.bands[d].band);
    const lowest = Math.min(...tested.map((d) => model.bands[d].percent!));
    expect(Number(cmi().core.score.raw)).toBe(lowest);
    const passed = tested.every((d) => ['Competent', 'Exemplary'].includes(model.bands[d].band!));
    expect(cmi().core.lesson_status).toBe(passed ? 'passed' : 'failed');
    const objectives = cmi() as unknown as {
      objectives: Record<string, { id: string; score: { raw: string }; status: string }>;
    };
    for (const [i, d] of (['empathy', 'boundaries', 'escalation'] as const).entries()) {
      expect(objectives.objectives[String(i)]!.id).toBe(d);
      if (model.bands[d].percent !== null)
        expect(Number(objectives.objectives[String(i)]!.score.raw)).toBe(model.bands[d].percent);
    }
    for (const i of interactions) {
      expect(i.type).toBe('choice');
      expect(i.student_response).toMatch(/^[a-z]$/);
      expect(['correct', 'wrong', 'neutral']).toContain(i.result);
    }
    expect((cmi() as unknown as { comments: string }).comments).toMatch(/Empathy: \w+/);
    // The debrief on screen shows the same bands the platform got.
    const debrief = await course()
      .getByRole('heading', { name: 'How you did' })
      .locator('xpath=..')
      .innerText();
    for (const d of tested) expect(debrief).toContain(model.bands[d].band!);
    // Leaving sends the time.
    await page.goto('about:blank');
    await expect.poll(() => cmi().core.session_time ?? '').toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
    expect(errors).toEqual([]);
    await context.close();
    await lms.close();
  }, 180_000);

  it('the evidence report: declaration, assessor, setting, outcomes by dimension, a name and page number on every page, and a code an assessor replays on a fresh profile', async () => {
    const url = appUrl();
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    const errors = watch(page);
    await page.goto(`${url}?renderer=canvas`);
    await menu(page);
    await playGift(page);
    await page.getByRole('button', { name: 'Evidence report' }).click();
    const report = page.getByRole('main', { name: `Evidence report: ${GIFT}` });
    await report.waitFor();
    await report.getByRole('textbox', { name: 'Setting or employer' }).fill('Elm Court Care Ltd, Leeds');
    await report.getByRole('textbox', { name: 'Setting or employer' }).press('Tab');
    const code = (await report.locator('.report-code').innerText()).trim();
    expect(code).toMatch(/^CP1\.demo-gift\.\d+\.[0-9a-z]+\.[ECDUN]{3}\.[0-9A-Z]{4}$/);
    const shownBands = await report.locator('.report-bands').innerText();
    const pdf = screenshotPath('package-evidence-report').replace(/\.png$/, '.pdf');
    await page.pdf({
      path: pdf,
      format: 'A4',
      margin: { top: '15mm', bottom: '18mm', left: '15mm', right: '15mm' },
    });
    const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
      .split('\f')
      .filter((p) => p.trim());
    const text = pages.join(' ').replace(/\s+/g, ' ');
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((p, i) => {
      expect(p).toMatch(new RegExp(`Page ${i + 1} of ${pages.length}`));
      expect(p).toMatch(/Me · A thank-you at the end of the shift/);
    });
    expect(text).toMatch(/Setting or employer Elm Court Care Ltd, Leeds/);
    expect(text).toMatch(/Learner declaration I, Me, declare/);
    expect(text).toMatch(/Learner signature/);
    expect(text).toMatch(/Assessor name .*Signature .*Date .*Feedback to the learner/);
    expect(text).toMatch(/(✓ Covered|✗ Not yet)/);
    expect(text).toMatch(/Evidence for: /);
    expect(text).toContain(code);
    expect(text).not.toMatch(/\[\[|\]\]/);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf, pdf.replace(/\.pdf$/, '')]);
    await report.getByRole('button', { name: 'Close the report' }).click();

    // An assessor's computer: a fresh profile, no attempts, just the code.
    const assessor = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      reducedMotion: 'reduce',
    });
    const check = await assessor.newPage();
    const checkErrors = watch(check);
    await check.goto(`${url}?renderer=canvas`);
    await menu(check);
    await check.getByRole('button', { name: 'Check a report' }).click();
    const dialog = check.getByRole('dialog', { name: 'Check a report' });
    const field = dialog.getByRole('textbox', { name: 'Reference code' });
    // A typo, a newer format, a scenario this CarePlay lacks: each says so plainly.
    for (const [bad, said] of [
      [code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A'), /mistake/],
      ['hello', /not a CarePlay reference code/],
      [code.replace(/^CP1/, 'CP9'), /newer version of CarePlay/],
    ] as const) {
      await field.fill(bad);
      await dialog.getByRole('button', { name: 'Check' }).click();
      await expect.poll(() => dialog.getByRole('status').innerText()).toMatch(said);
    }
    await field.fill(` ${code.toLowerCase()} `);
    await dialog.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => dialog.getByRole('status').innerText()).toMatch(/The bands match the report/);
    const replay = await dialog.getByRole('list').first().innerText();
    for (const line of shownBands
      .split('\n')
      .filter((l) => /^(Empathy|Professional boundaries|Escalation):/.test(l)))
      expect(replay).toContain(line.replace(/\. .*$/, '').trim());
    await check.screenshot({ path: screenshotPath('package-check-report') });
    expect(errors).toEqual([]);
    expect(checkErrors).toEqual([]);
    await context.close();
    await assessor.close();
  }, 180_000);

  it('the cmi5 package: every statement it sends to a local xAPI endpoint follows xAPI 1.0.3 and the cmi5 rules', async () => {
    const gift = shippedScenarios().find((x) => x.id === 'demo-gift')!;
    const zipped = cmi5Package(siteFiles('dist'), [gift], 'competent', false);
    const dir = resolve('tests/output/cmi5/au');
    rmSync(dir, { recursive: true, force: true });
    for (const [path, data] of Object.entries(unzipSync(zipped))) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), data);
    }
    const structure = readFileSync(join(dir, 'cmi5.xml'), 'utf8');
    const auId = /<au id="([^"]+)"/.exec(structure)![1]!;
    const auUrl = /<url>([^<]+)<\/url>/.exec(structure)![1]!.replace(/&amp;/g, '&');
    expect(structure).toMatch(/moveOn="CompletedAndPassed"/);

    // The LMS's side: the auth token, LMS.LaunchData, the State API, and a statements endpoint.
    const registration = '6f1c1e2a-4b1d-4f7e-9a53-0c2b8f0d9e11';
    const sessionId = 'd1f7c0a4-52f7-4a3a-8f4a-7a9e7c1f2b33';
    const actor = {
      objectType: 'Agent',
      name: 'Grace Okafor',
      account: { homePage: 'https://lms.example', name: 'learner-17' },
    };
    const CMI5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
    const MOVEON = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
    const SESSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
    const contextTemplate = {
      contextActivities: {
        grouping: [{ objectType: 'Activity', id: 'https://careplay.invalid/course/demo-gift' }],
      },
      extensions: { [SESSION]: sessionId },
    };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- statements as the endpoint received them
    const statements: Record<string, any>[] = [];
    const versions: string[] = [];
    const state = new Map<string, string>();
    const launched = {
      id: '0b5a2c57-8d1e-4c55-9f1e-5a7f2d1b9c01',
      actor,
      verb: { id: 'http://adlnet.gov/expapi/verbs/launched', display: { 'en-US': 'launched' } },
      object: { objectType: 'Activity', id: auId },
      context: {
        ...contextTemplate,
        registration,
        contextActivities: { ...contextTemplate.contextActivities, category: [{ id: CMI5 }] },
      },
      timestamp: new Date().toISOString(),
    };
    statements.push(launched);
    const lrs = await startServer({ '/au/': dir }, (req, res, body) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const json = (code: number, data: unknown) =>
        res.writeHead(code, { 'content-type': 'application/json' }).end(JSON.stringify(data));
      if (url.pathname === '/lms/fetch' && req.method === 'POST')
        json(200, { 'auth-token': 'Q2FyZVBsYXk6dGVzdA==' });
      else if (url.pathname.startsWith('/lrs/')) {
        versions.push(String(req.headers['x-experience-api-version']));
        if (req.headers.authorization !== 'Basic Q2FyZVBsYXk6dGVzdA==')
          return (json(401, { error: 'no auth' }), true);
        if (url.pathname === '/lrs/activities/state') {
          const stateId = url.searchParams.get('stateId')!;
          if (stateId === 'LMS.LaunchData')
            json(200, { contextTemplate, launchMode: 'Normal', moveOn: 'CompletedAndPassed' });
          else if (req.method === 'GET') {
            if (state.has(stateId))
              res.writeHead(200, { 'content-type': 'application/json' }).end(state.get(stateId));
            else json(404, {});
          } else {
            state.set(stateId, body);
            res.writeHead(204).end();
          }
        } else if (url.pathname === '/lrs/agents/profile') json(404, {});
        else if (url.pathname === '/lrs/statements' && (req.method === 'POST' || req.method === 'PUT')) {
          const got = JSON.parse(body);
          const list = Array.isArray(got) ? got : [got];
          for (const st of list) statements.push(st);
          const answer = () =>
            json(
              200,
              list.map((st: { id: string }) => st.id),
            );
          // The result's answer is slow (a busy platform): the window closes before it comes, and
          // 'terminated' must still be sent (it once waited for this answer, and was lost).
          const result = list.some((st: { verb: { id: string } }) => /\/(passed|failed)$/.test(st.verb.id));
          if (result) setTimeout(answer, 1500);
          else answer();
        } else json(404, {});
      } else return false;
      return true;
    });
    const launch = (search: string) =>
      `${lrs.url}/au/${search}&renderer=canvas&endpoint=${encodeURIComponent(`${lrs.url}/lrs/`)}&fetch=${encodeURIComponent(`${lrs.url}/lms/fetch`)}&actor=${encodeURIComponent(JSON.stringify(actor))}&registration=${registration}&activityId=${encodeURIComponent(auId)}`;
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    const errors = watch(page);
    await page.goto(launch(auUrl));
    await menu(page);
    expect(await page.locator('body').innerText()).toMatch(/Playing as Grace Okafor/);
    await playGift(page);
    const last = () => statements.map((st) => st.verb.id.split('/').pop()).at(-1);
    await expect.poll(last).toMatch(/^(passed|failed)$/);
    // Closing the window ends the session.
    await page.goto('about:blank');
    await expect.poll(last).toBe('terminated');

    // The sequence cmi5 requires, from launched to terminated.
    const verbs = statements.map((st) => st.verb.id.split('/').pop());
    const decisions = verbs.filter((v) => v === 'answered').length;
    expect(decisions).toBeGreaterThan(0);
    expect(verbs).toEqual([
      'launched',
      'initialized',
      ...Array(decisions).fill('answered'),
      'completed',
      expect.stringMatching(/^(passed|failed)$/),
      'terminated',
    ]);
    expect(new Set(versions)).toEqual(new Set(['1.0.3']));

    // Each statement against the xAPI 1.0.3 statement rules and the cmi5 profile.
    const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
    const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;
    const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
    const ids = new Set<string>();
    for (const st of statements.slice(1)) {
      const v = st.verb.id.split('/').pop();
      const where = `${v} ${st.id}`;
      expect(st.id, where).toMatch(UUID);
      expect(ids.has(st.id), where).toBe(false);
      ids.add(st.id);
      expect(st.actor, where).toEqual(actor);
      expect(st.verb.id, where).toMatch(/^http:\/\/adlnet\.gov\/expapi\/verbs\//);
      expect(Object.keys(st.verb.display ?? {}).length, where).toBeGreaterThan(0);
      expect(st.object.id, where).toMatch(IRI);
      expect(Number.isNaN(Date.parse(st.timestamp)), where).toBe(false);
      expect(st.context.registration, where).toBe(registration);
      // The LMS's context template is kept: the course grouping and the session id.
      expect(st.context.extensions[SESSION], where).toBe(sessionId);
      expect(st.context.contextActivities.grouping, where).toEqual(
        contextTemplate.contextActivities.grouping,
      );
      for (const key of Object.keys(st.result?.extensions ?? {})) expect(key, where).toMatch(IRI);
      if (st.result?.duration !== undefined) expect(st.result.duration, where).toMatch(DURATION);
      const categories = (st.context.contextActivities.category ?? []).map((c: { id: string }) => c.id);
      if (v === 'answered') {
        // A cmi5 "allowed" statement: not marked as cmi5-defined, about its own activity.
        expect(categories, where).not.toContain(CMI5);
        expect(st.object.definition.type).toBe('http://adlnet.gov/expapi/activities/cmi.interaction');
        expect(st.object.definition.interactionType).toBe('choice');
        expect(st.object.definition.choices.map((c: { id: string }) => c.id)).toContain(st.result.response);
        expect(
          Object.keys(st.result.extensions['https://careplay.invalid/xapi/extensions/levels']).length,
        ).toBeGreaterThan(0);
      } else {
        // cmi5-defined: about the AU itself, in the cmi5 category.
        expect(st.object.id, where).toBe(auId);
        expect(categories, where).toContain(CMI5);
      }
      if (['completed', 'passed', 'failed'].includes(v)) {
        expect(categories, where).toContain(MOVEON);
        expect(st.result.duration, where).toMatch(DURATION);
        const bands = st.result.extensions['https://careplay.invalid/xapi/extensions/bands'];
        expect(Object.keys(bands).sort(), where).toEqual(['boundaries', 'empathy', 'escalation']);
      }
      if (v === 'completed') expect(st.result.completion).toBe(true);
      if (v === 'passed' || v === 'failed') {
        expect(st.result.success).toBe(v === 'passed');
        const score = st.result.score;
        expect(score.scaled).toBeGreaterThanOrEqual(0);
        expect(score.scaled).toBeLessThanOrEqual(1);
        expect(score.raw).toBeGreaterThanOrEqual(score.min);
        expect(score.raw).toBeLessThanOrEqual(score.max);
        // The score is the debrief's: the lowest tested percentage.
        const bands = Object.values(
          st.result.extensions['https://careplay.invalid/xapi/extensions/bands'],
        ) as { band: string | null; percent: number | null }[];
        expect(score.raw).toBe(Math.min(...bands.filter((b) => b.band).map((b) => b.percent!)));
      }
      if (v === 'terminated') expect(st.result.duration).toMatch(DURATION);
    }
    // The place was kept in the State API while the scenario was under way.
    expect(state.has('careplay-place')).toBe(true);
    // An LRS answers 404 for a document not yet stored (no saved place, no learner preferences):
    // the xAPI way of saying "none"; the browser logs them, and CarePlay carries on.
    const missing = errors.filter((e) => /404/.test(e));
    expect(
      missing
        .filter((e) => e.startsWith('404 '))
        .every((e) => /\/lrs\/(agents\/profile|activities\/state)\?/.test(e)),
    ).toBe(true);
    expect(errors.filter((e) => !/404/.test(e))).toEqual([]);
    await context.close();
    await lrs.close();
  }, 180_000);
});
