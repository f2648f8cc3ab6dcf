/**
 * Progress and evidence in real Chromium: a place kept across a reload, a finished attempt on
 * the menu and the progress page, the evidence report as a text PDF, learners kept apart, and
 * export, clear and import finding everything again. Found by role only.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  BROWSER_AVAILABLE,
  pressAndWait,
  savedDownload,
  screenshotPath,
  watchPage,
  type PageWatch,
  useBrowserApp,
} from './browser';
import { axeSerious } from './scenarioPlay';

const TITLE = 'A thank-you at the end of the shift';

describe.skipIf(!BROWSER_AVAILABLE)('progress and evidence in Chromium', () => {
  let browser: Browser;
  let url: string;
  let origin: string;

  useBrowserApp((app) => ({ browser, url, origin } = app));

  async function open() {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    const watch = watchPage(page, origin);
    await page.goto(url);
    await menu(page);
    return { context, page, watch };
  }
  const menu = (page: Page) =>
    page.getByRole('heading', { name: 'CarePlay', level: 1 }).waitFor({ timeout: 20_000 });
  const card = (page: Page) => page.getByRole('article', { name: TITLE });
  /** One row per attempt: the one with its report button (a row below it holds the detail). */
  const attemptRows = (table: Locator) =>
    table
      .getByRole('row')
      .filter({ has: table.page().getByRole('button', { name: /^Evidence report for/ }) });
  const clean = (watch: PageWatch) => {
    expect(watch.errors).toEqual([]);
    expect(watch.failedRequests).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  };

  /** To the second line of the second decision's lead-in: half the scenario. */
  async function playHalf(page: Page) {
    await card(page).getByRole('button', { name: 'Start' }).click();
    const said = page.getByRole('region', { name: 'What is said' });
    await said.waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.getByRole('list', { name: 'What do you say?' }).waitFor();
    await page.keyboard.press('3');
    await page.getByRole('heading', { name: 'About what you said' }).waitFor();
    await page.keyboard.press('Enter');
    await said.getByText(/what about my Edna's brooch/).waitFor();
  }

  async function playRest(page: Page) {
    // Read on with Enter and take the first option at each decision, however many there are.
    for (let guard = 0; guard < 200; guard++) {
      if (await page.getByRole('button', { name: 'See how it went' }).count()) break;
      const list = page.getByRole('list', { name: 'What do you say?' });
      await pressAndWait(page, (await list.isVisible().catch(() => false)) ? '1' : 'Enter');
    }
    await page.getByRole('button', { name: 'See how it went' }).click();
    await page.getByRole('heading', { name: 'How you did' }).waitFor();
  }

  async function toMenu(page: Page) {
    await page.getByRole('button', { name: 'Back to the menu' }).click();
    await menu(page);
  }

  it('resumes at the same line after a reload, records the attempt, and prints an evidence report', async () => {
    const { context, page, watch } = await open();
    await playHalf(page);
    // Let the first load finish (the favicon too), so the reload does not cut a request short.
    await page.waitForLoadState('networkidle');
    await page.reload();
    await menu(page);
    await card(page).getByRole('button', { name: 'Start' }).click();
    const resume = page.getByRole('dialog', { name: 'Carry on where you left off?' });
    await resume.waitFor();
    await resume.getByRole('button', { name: 'Carry on' }).click();
    await page
      .getByRole('region', { name: 'What is said' })
      .getByText(/what about my Edna's brooch/)
      .waitFor();
    await playRest(page);
    await page.getByRole('textbox', { name: 'Your notes' }).fill('Next time I would thank her first.');

    await page.getByRole('button', { name: 'Evidence report' }).click();
    const report = page.getByRole('main', { name: `Evidence report: ${TITLE}` });
    await report.waitFor();
    const shown = await report.innerText();
    expect(shown).toMatch(/Learner\s+Me/);
    expect(shown).toMatch(/not evidence of observed practice/);
    await page.screenshot({ path: screenshotPath('evidence-report'), fullPage: true });
    expect(await axeSerious(page), 'evidence report').toEqual([]);
    const pdf = screenshotPath('evidence-report').replace(/\.png$/, '.pdf');
    await page.pdf({ path: pdf, format: 'A4' });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toMatch(/Evidence report: A thank-you at the end of the shift/);
    expect(text).toMatch(/not evidence of observed practice/);
    expect(text).toMatch(/Learner Me/);
    expect(text).toMatch(/version \d+/);
    expect(text).toMatch(/Mode Practice/);
    expect(text).toMatch(/Rewinds used 0/);
    expect(text).toMatch(/Feedback seen After each choice/);
    expect(text).toMatch(/Learning outcomes covered/);
    // Judged at the moments that test each outcome, by the one rule, and saying why.
    expect(text).toMatch(/Each outcome is judged at the decisions/);
    expect(text).toMatch(/(✓ Covered|✗ Not yet|Not tested on this path) (decision \d+|the ending|none of)/);
    expect(text).not.toMatch(/\(whole path\)|over the whole path/);
    expect(text).toMatch(/Empathy: (Exemplary|Competent|Developing|Unsafe)/);
    // Each band's sentence of arithmetic, and what the ending said, with a mark in words.
    expect(text).toMatch(/How it adds up: \d+ decisions? counted/);
    expect(text).toMatch(/What the ending says about the path (✓ Went well|✗ Went badly|• Note) \S/);
    expect(text).toMatch(/Decision 1, the learner said/);
    expect(text).toMatch(/Feedback: /);
    expect(text).toMatch(/Next time I would thank her first\./);
    // The debrief behind it does not print over the report.
    expect(text).not.toMatch(/Think it over/);
    await report.getByRole('button', { name: 'Close the report' }).click();

    await toMenu(page);
    expect(await card(page).innerText()).toMatch(/1 attempt\. Best: Empathy/);
    await page.getByRole('button', { name: 'Progress and evidence' }).click();
    const progress = page.getByRole('dialog', { name: 'Progress: Me' });
    await progress.waitFor();
    const table = progress.getByRole('table', { name: /Attempts by Me/ });
    expect(await attemptRows(table).count()).toBe(1);
    // Under each attempt: how its bands add up, and what the ending said.
    await table.getByText(/How the bands add up, and what the ending said/).click();
    expect(await table.innerText()).toMatch(/How it adds up: \d+ decisions? counted/);
    expect(await table.innerText()).toMatch(/(Went well|Went badly|Note)\s+\S/);
    clean(watch);
    await context.close();
  }, 120_000);

  it('keeps learners apart, and export, clear and import find everything again', async () => {
    const { context, page, watch } = await open();
    // Me: two attempts, with notes.
    for (let i = 0; i < 2; i++) {
      // Each run starts afresh (no saved place, since the last one finished).
      await playHalf(page);
      await playRest(page);
      await toMenu(page);
    }
    await playHalf(page);
    await playRest(page);
    await page.getByRole('textbox', { name: 'Your notes' }).fill('Private reflection by Me.');
    await toMenu(page);
    expect(await card(page).innerText()).toMatch(/3 attempts/);
    await page.getByRole('button', { name: 'Progress and evidence' }).click();
    const progress = page.getByRole('dialog', { name: 'Progress: Me' });
    await progress.getByRole('img', { name: /Empathy over your attempts/ }).waitFor();
    await page.screenshot({ path: screenshotPath('progress-page') });
    expect(await axeSerious(page), 'progress page').toEqual([]);
    await progress.getByRole('button', { name: 'Close' }).click();

    // Amira sees none of it.
    await page.getByRole('button', { name: 'Change learner' }).click();
    const who = page.getByRole('dialog', { name: 'Who is playing?' });
    await who.getByRole('textbox', { name: 'Your name' }).fill('Amira');
    await who.getByRole('button', { name: 'Start as this learner' }).click();
    await page.getByRole('region', { name: 'Learner' }).getByText('Playing as Amira').waitFor();
    expect(await card(page).innerText()).not.toMatch(/attempt/);
    await playHalf(page);
    await playRest(page);
    expect(await page.getByRole('textbox', { name: 'Your notes' }).inputValue()).toBe('');
    await toMenu(page);
    expect(await card(page).innerText()).toMatch(/1 attempt\./);

    // Export everyone, clear everything, import: all found again.
    await page.getByRole('button', { name: 'Progress and evidence' }).click();
    let dialog = page.getByRole('dialog', { name: 'Progress: Amira' });
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export everyone’s data' }).click();
    const file = await savedDownload(await download, 'everyone.json');
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { learners: unknown[] };
    expect(exported.learners).toHaveLength(2);
    await dialog.getByRole('button', { name: 'Delete everyone’s data…' }).click();
    await page
      .getByRole('dialog', { name: 'Delete everyone’s data?' })
      .getByRole('button', { name: 'Yes, delete it' })
      .click();
    dialog = page.getByRole('dialog', { name: 'Progress: Me' });
    await dialog.getByText('Me has not finished a scenario yet.').waitFor();
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Import a file…' }).click();
    await (await chooser).setFiles(file);
    const done = page.getByRole('dialog', { name: 'Import finished' });
    await done.getByText(/Added 4 attempts for 2 learners/).waitFor();
    await done.getByRole('button', { name: 'Close' }).click();
    expect(await card(page).innerText()).toMatch(/3 attempts/);
    await page.getByRole('button', { name: 'Change learner' }).click();
    await page
      .getByRole('dialog', { name: 'Who is playing?' })
      .getByRole('button', { name: 'Amira' })
      .click();
    expect(await card(page).innerText()).toMatch(/1 attempt\./);
    // Me's notes came back with the import, under Me only.
    // With two learners on this computer, a fresh page asks who is playing.
    // Let the first load finish (the favicon too), so the reload does not cut a request short.
    await page.waitForLoadState('networkidle');
    await page.reload();
    await menu(page);
    const who2 = page.getByRole('dialog', { name: 'Who is playing?' });
    await who2.waitFor();
    expect(await axeSerious(page), 'learner dialog').toEqual([]);
    await who2.getByRole('button', { name: 'Me', exact: true }).click();
    await page.getByRole('region', { name: 'Learner' }).getByText('Playing as Me').waitFor();
    await playHalf(page);
    await playRest(page);
    expect(await page.getByRole('textbox', { name: 'Your notes' }).inputValue()).toBe(
      'Private reflection by Me.',
    );
    clean(watch);
    await context.close();
  }, 180_000);

  it('a shared-computer learner keeps nothing after the page closes', async () => {
    const { context, page, watch } = await open();
    await page.getByRole('button', { name: 'Change learner' }).click();
    const who = page.getByRole('dialog', { name: 'Who is playing?' });
    await who.getByRole('textbox', { name: 'Your name' }).fill('Visitor');
    await who.getByRole('checkbox', { name: /Shared computer/ }).check();
    await who.getByRole('button', { name: 'Start as this learner' }).click();
    await page
      .getByRole('region', { name: 'Learner' })
      .getByText(/nothing is kept/)
      .waitFor();
    await playHalf(page);
    await playRest(page);
    await page.getByRole('textbox', { name: 'Your notes' }).fill('Visitor notes');
    await toMenu(page);
    expect(await card(page).innerText()).toMatch(/1 attempt\./);
    const kept = (await page.evaluate('JSON.stringify(Object.entries(localStorage))')) as string;
    expect(kept).not.toMatch(/Visitor/);
    // Let the first load finish (the favicon too), so the reload does not cut a request short.
    await page.waitForLoadState('networkidle');
    await page.reload();
    await menu(page);
    await page.getByRole('region', { name: 'Learner' }).getByText('Playing as Me').waitFor();
    expect(await card(page).innerText()).not.toMatch(/attempt/);
    clean(watch);
    await context.close();
  }, 120_000);

  it('an attempt saved before outcomes named their moments still opens, judged on the bands and saying so', async () => {
    const { context, page, watch } = await open();
    const old = {
      version: 1,
      id: 'old-1',
      scenarioId: 'demo-gift',
      scenarioTitle: TITLE,
      scenarioVersion: 1,
      finishedAt: 1_700_000_000_000,
      mode: 'practice',
      rewinds: 0,
      feedbackDuringPlay: true,
      outcomes: [
        {
          standard: 'Care Certificate Standard 1',
          text: 'A working relationship.',
          evidences: ['boundaries'],
        },
        { standard: 'NICE QS50', text: 'Loneliness passed on.', evidences: ['escalation', 'empathy'] },
        { standard: 'An outcome with no link', text: 'Unlinked.' },
      ],
      ending: { title: 'Said no, but nothing on record', outcome: 'mixed' },
      bands: {
        empathy: { band: 'Exemplary', percent: 94, reason: 'r' },
        boundaries: { band: 'Competent', percent: 75, reason: 'r' },
        escalation: { band: 'Developing', percent: 40, reason: 'r' },
      },
      steps: [
        {
          kind: 'choice',
          decision: 0,
          prompt: null,
          text: 'I can’t take money.',
          feedback: 'Kind.',
          sources: [],
          levels: { boundaries: 3 },
        },
      ],
      notes: '',
    };
    await page.evaluate(
      `localStorage.setItem('careplay:learner:me:attempt:old-1', ${JSON.stringify(JSON.stringify(old))})`,
    );
    // Let the first load finish (the favicon too), so the reload does not cut a request short.
    await page.waitForLoadState('networkidle');
    await page.reload();
    await menu(page);
    await page.getByRole('button', { name: 'Progress and evidence' }).click();
    const progress = page.getByRole('dialog', { name: 'Progress: Me' });
    await progress.getByRole('button', { name: /^Evidence report for attempt 1/ }).click();
    const report = page.getByRole('main', { name: `Evidence report: ${TITLE}` });
    await report.waitFor();
    const rows = await report
      .getByRole('table', { name: /Learning outcomes/ })
      .getByRole('row')
      .allInnerTexts();
    expect(rows[1]).toMatch(/Shown by: Professional boundaries Competent \(whole path\)\.\s+✓ Covered/);
    expect(rows[1]).toMatch(
      /judged on the whole-path bands, because the outcome names no moments that test it\)\.\s+1$/,
    );
    expect(rows[2]).toMatch(/✗ Not yet Escalation Developing over the whole path/);
    expect(rows[3]).toMatch(/Not linked to a dimension in this scenario\.\s+Not marked\s+—$/);
    await page.screenshot({ path: screenshotPath('evidence-report-old-record'), fullPage: true });
    expect(await axeSerious(page), 'old record report').toEqual([]);
    clean(watch);
    await context.close();
  }, 120_000);

  it('damaged records in storage: the app starts, says what it could not read, and keeps the rest', async () => {
    const { context, page, watch } = await open();
    await playHalf(page);
    await playRest(page);
    await toMenu(page);
    await page.evaluate(`(() => {
      localStorage.setItem('careplay:learners', '{"version":1,"learners":[{"id":');
      localStorage.setItem('careplay:learner:me:attempt:cut', '{"version":1,"id":"cut","scen');
      localStorage.setItem('careplay:learner:me:attempt:newer', JSON.stringify({ version: 9 }));
    })()`);
    // Let the first load finish (the favicon too), so the reload does not cut a request short.
    await page.waitForLoadState('networkidle');
    await page.reload();
    await menu(page);
    await page
      .getByRole('status')
      .getByText(/The list of learners could not be read/)
      .waitFor();
    expect(await card(page).innerText()).toMatch(/1 attempt\./);
    await page.getByRole('button', { name: 'Progress and evidence' }).click();
    const progress = page.getByRole('dialog', { name: 'Progress: Me' });
    expect(await progress.innerText()).toMatch(/could not be read \(it is damaged or cut short\)/);
    expect(await progress.innerText()).toMatch(/could not be read \(it was saved by a newer version/);
    expect(await attemptRows(progress.getByRole('table')).count()).toBe(1);
    clean(watch);
    await context.close();
  }, 120_000);
});
