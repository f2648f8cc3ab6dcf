/**
 * Issue 19, items 5 to 7, in real Chromium: the class's reasons typed at a decision (never read
 * as trainer keys), the silent discussion timer on the projector, and the record at the end —
 * the summary, the CSV and JSON, the one- or two-page handout (and nothing of the learner's
 * debrief in it), and the learners' take-away, printed again from Past class sessions. Lean: the
 * class starts at its last decision from a saved group session made here in Node, so no
 * conversation is played line by line.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ClassSession } from '../../src/engine/ClassSession';
import { load, scenarioText } from '../helpers/fixtures';
import {
  BROWSER_AVAILABLE,
  menuShown,
  pressAndWait,
  savedDownload,
  screenshotPath,
  watchPage,
  useBrowserApp,
} from './browser';
import { axeSerious } from './scenarioPlay';

const TITLE = 'A thank-you at the end of the shift';
const REASONS = 'Kind but clear: c u d 1 2 . all typed, none a key';

/** The gift demo's group session at its last decision, as the audience window would have saved it. */
function classAtLastDecision(): string {
  const loaded = load(scenarioText('demo-gift.yaml'));
  const cs = new ClassSession(loaded.scenario!);
  const path = loaded.analysis!.bestPath.map((s) => s.choice);
  for (const id of path.slice(0, -1)) {
    while (cs.session.canContinue) cs.session.next();
    cs.setVotes(id, 3);
    cs.goWithClass();
  }
  return JSON.stringify(cs.save());
}

/** Print to A4 as the browser would, and read it back: the text of each page. */
async function printed(page: Page, name: string): Promise<string[]> {
  const pdf = screenshotPath(name).replace(/\.png$/, '.pdf');
  await page.pdf({ path: pdf, format: 'A4' });
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((p) => p.trim());
}

describe.skipIf(!BROWSER_AVAILABLE)('the class’s record in Chromium', () => {
  let browser: Browser;
  let base: string;
  let origin: string;
  useBrowserApp((app) => ({ browser, base, origin } = app));

  it('reasons, the timer, and a summary, exports, handout and take-away with them', async () => {
    const context = await browser.newContext({
      viewport: { width: 1024, height: 768 },
      reducedMotion: 'reduce',
      acceptDownloads: true,
    });
    // Presenter mode on, and the group session saved at its last decision (only if absent: the
    // app saves over it as it goes, and the presenter window loads the same origin).
    await context.addInitScript(
      ([save]) => {
        if (!localStorage.getItem('careplay:presenter')) localStorage.setItem('careplay:presenter', 'on');
        if (!localStorage.getItem('careplay:class:demo-gift'))
          localStorage.setItem('careplay:class:demo-gift', save!);
      },
      [classAtLastDecision()],
    );
    const audience = await context.newPage();
    const watch = watchPage(audience, origin);
    await audience.goto(`${base}?renderer=canvas`);
    await menuShown(audience);
    await audience.getByRole('article', { name: TITLE }).getByRole('button', { name: 'Start' }).click();
    const list = audience.getByRole('list', { name: 'What do you say?' });
    // (A "new class or carry on?" question, where there is one, carries on.)
    const carryOn = audience.getByRole('button', { name: /carry on/i });
    for (let i = 0; i < 20 && !(await list.isVisible()); i++) {
      if (await carryOn.isVisible()) await carryOn.click();
      else await pressAndWait(audience, 'Enter');
    }
    await list.waitFor();

    const presenter = await context.newPage();
    await presenter.setViewportSize({ width: 900, height: 900 });
    await presenter.goto(`${base}?presenter=1`);
    const panel = presenter.getByRole('complementary', { name: 'Trainer panel' });
    await panel.waitFor({ timeout: 15_000 });
    const status = async () => panel.locator('.trainer-status').innerText();
    const before = await status();
    expect(before).toMatch(/Class path · decision \d/);

    // Reasons typed in the presenter window: letters and digits that are trainer keys elsewhere
    // go into the box, and do nothing else (no vote, no choice, no timer, no blank).
    const box = panel.getByRole('textbox', { name: /The class’s reasons at decision/ });
    await box.click();
    await presenter.keyboard.type(REASONS);
    await expect.poll(() => box.inputValue()).toBe(REASONS);
    await expect
      .poll(() => panel.getByText(/characters\. Kept with the session/).innerText())
      .toMatch(new RegExp(`^${REASONS.length} of 280`));
    expect(await status()).toBe(before);
    expect(await panel.getByText('0 votes recorded.').count()).toBe(1);
    expect(await audience.locator('.class-timer, .class-blank').count()).toBe(0);
    // ...and on the class's own screen, in the one-screen panel (T), the same.
    await audience.keyboard.press('t');
    const audienceBox = audience
      .getByRole('complementary', { name: 'Trainer panel' })
      .getByRole('textbox', { name: /The class’s reasons/ });
    await expect.poll(() => audienceBox.inputValue()).toBe(REASONS);
    await audienceBox.press('End');
    await audience.keyboard.type(' c1');
    await audienceBox.press('Tab');
    await expect.poll(() => box.inputValue()).toBe(`${REASONS} c1`);
    expect(await status()).toBe(before);
    await audience.keyboard.press('t');

    // The discussion timer: D in the presenter window (or its button); on the projector, large,
    // counting up in minutes and seconds; D again stops it.
    // (Out of the box first, as a click elsewhere would: in it, D is a letter.)
    await box.evaluate((el) => el.blur());
    await presenter.keyboard.press('d');
    const timer = audience.getByRole('timer');
    await expect.poll(() => timer.innerText(), { timeout: 8000 }).toMatch(/^Discussion time\s*00:0[1-9]$/);
    const timerSize = await timer.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(timerSize).toBeGreaterThanOrEqual(24);
    await audience.screenshot({ path: screenshotPath('class-timer-1024x768') });
    expect(await axeSerious(presenter)).toEqual([]);
    await panel.getByRole('button', { name: 'Stop timer (D)' }).click();
    await panel.getByRole('button', { name: 'Start timer (D)' }).waitFor();
    // What the stopped timer counted, as the trainer's panel shows it: the record keeps exactly
    // that. (However long the steps above took: on a loaded machine, more than nine seconds.)
    const counted = await panel.getByRole('timer').locator('.trainer-timer-time').innerText();
    expect(counted).toMatch(/^\d\d:\d\d$/);
    expect(counted).not.toBe('00:00');

    // The class votes and goes with the majority (option 2, whose words carry a glossary mark:
    // "his [[care plan]]"); on to the summary.
    await presenter.keyboard.press('2');
    await presenter.keyboard.press('2');
    await presenter.keyboard.press('c');
    const seeHow = audience.getByRole('button', { name: 'See how it went' });
    for (let i = 0; i < 20 && !(await seeHow.isVisible()); i++) await pressAndWait(audience, 'Enter');
    await seeHow.click();
    const summary = audience.getByRole('region', { name: 'The class’s session' });
    await summary.waitFor();
    const summaryText = await summary.innerText();
    expect(summaryText).toContain(`Reasons: ${REASONS} c1`);
    expect(summaryText).toMatch(new RegExp(`\\d\\d:\\d\\d \\(timer ${counted}\\)`));

    // Group and trainer, typed once in the presenter window's summary: kept with the session and
    // on the audience window's handout.
    const presenterSummary = presenter.getByRole('region', { name: 'The class’s session' });
    await presenterSummary.getByRole('textbox', { name: 'Group' }).fill('Level 3 Diploma [[Tuesday]]');
    await presenterSummary.getByRole('textbox', { name: 'Trainer' }).fill('Sam Okoro');
    await presenterSummary.getByRole('textbox', { name: 'Trainer' }).press('Tab');
    await expect.poll(() => audience.locator('.handout-trainer').textContent()).toBe('Sam Okoro');
    expect(await audience.locator('.handout-group').textContent()).toBe('Level 3 Diploma Tuesday');
    expect(await audience.evaluate(() => localStorage.getItem('careplay:class:demo-gift'))).toContain(
      '"trainer":"Sam Okoro"',
    );

    // The handout: one or two pages, with the date, group, trainer, ending, bands, path, votes,
    // reasons and times; nothing from the learner's debrief.
    const handout = await printed(audience, 'class-handout');
    expect(handout.length).toBeGreaterThanOrEqual(1);
    expect(handout.length).toBeLessThanOrEqual(2);
    const text = handout.join('\n').replace(/\s+/g, ' ');
    expect(text).toContain(`Class session: ${TITLE}`);
    expect(text).toMatch(/Date: \d{1,2} [A-Z][a-z]+ \d{4}/);
    expect(text).toContain('Group: Level 3 Diploma Tuesday');
    expect(text).toContain('Trainer: Sam Okoro');
    expect(text).toMatch(/Ending: .+ \(a (good|mixed|poor) outcome\)/);
    expect(text).toMatch(/Bands: Empathy \w+/);
    expect(text).toMatch(/Votes: 3 of 3/);
    expect(text).toMatch(/Time to decide: \d\d:\d\d/);
    expect(text).toContain(`Reasons: ${REASONS} c1`);
    expect(text).toContain('Where the room was most divided');
    for (const learnerOnly of ['Your notes', 'Think it over', 'How you did', 'You said', 'decided it'])
      expect(text).not.toContain(learnerOnly);
    expect(text).not.toMatch(/\[\[|\]\]/);

    // The take-away for learners: outcomes, key points, support, guidance by title; no notes.
    await audience.evaluate(() => (window.print = () => {}));
    await summary.getByRole('button', { name: 'Print take-away for learners' }).click();
    const takeaway = await printed(audience, 'class-takeaway');
    expect(takeaway.length).toBeLessThanOrEqual(2);
    const taken = takeaway.join('\n').replace(/\s+/g, ' ');
    for (const part of [
      'to take away',
      'What we practised',
      'How it ended:',
      'What the strongest path did',
      'Support',
      'Guidance: ',
    ])
      expect(taken).toContain(part);
    for (const notThere of ['Your notes', 'Class session:', 'Sam Okoro', REASONS])
      expect(taken).not.toContain(notThere);
    expect(taken).not.toMatch(/\[\[|\]\]/);
    await audience.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(await audience.evaluate(() => document.documentElement.dataset.print ?? null)).toBeNull();

    // The exports carry the reasons, the times and who the session was for; no markup.
    const csvDownload = audience.waitForEvent('download');
    await summary.getByRole('button', { name: 'Export CSV' }).click();
    const csv = readFileSync(await savedDownload(await csvDownload, 'class-record.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/,class reasons,seconds to decide,timer seconds,/);
    expect(csv).toContain(`${REASONS} c1`);
    expect(csv).not.toMatch(/\[\[/);
    const jsonDownload = audience.waitForEvent('download');
    await summary.getByRole('button', { name: 'Export JSON' }).click();
    const json = readFileSync(await savedDownload(await jsonDownload, 'class-record.json'), 'utf8');
    expect(json).not.toMatch(/\[\[/);
    const exported = JSON.parse(json) as {
      group: string;
      trainer: string;
      date: string;
      ending: { title: string };
      path: { reasons: string | null; secondsToDecide: number | null; timerSeconds: number | null }[];
    };
    expect(exported).toMatchObject({ group: 'Level 3 Diploma Tuesday', trainer: 'Sam Okoro' });
    expect(exported.date).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(exported.ending.title).toBeTruthy();
    expect(exported.path.at(-1)).toMatchObject({ reasons: `${REASONS} c1` });
    expect(exported.path.at(-1)!.timerSeconds).toBeGreaterThanOrEqual(1);
    expect(exported.path.at(-1)!.secondsToDecide).toBeGreaterThanOrEqual(1);

    // The take-away again, from Past class sessions on the menu (trainer review 12): printed
    // from the top of the first page, the sheet alone (not the dialog's title or buttons).
    await audience.getByRole('button', { name: 'Back to the menu' }).click();
    await menuShown(audience);
    await audience.getByRole('button', { name: 'Past class sessions' }).click();
    await audience.evaluate(() => {
      window.print = () =>
        document.documentElement.setAttribute(
          'data-printed',
          document.documentElement.dataset.print ?? 'handout',
        );
    });
    const past = audience.getByRole('dialog', { name: 'Past class sessions' }).getByRole('listitem');
    await past.getByRole('button', { name: 'Print take-away' }).click();
    await expect
      .poll(() => audience.evaluate(() => document.documentElement.dataset.printed))
      .toBe('takeaway');
    const again = await printed(audience, 'past-class-takeaway');
    expect(again.length).toBeLessThanOrEqual(2);
    expect(again[0]!.trim()).toMatch(new RegExp(`^${TITLE}: to take away`));
    const againText = again.join('\n').replace(/\s+/g, ' ');
    for (const part of ['What we practised', 'What the strongest path did', 'Words used', 'Support'])
      expect(againText).toContain(part);
    for (const notThere of ['the class of', 'Class session:', 'Close', 'Export CSV'])
      expect(againText).not.toContain(notThere);
    expect(againText).not.toMatch(/\[\[|\]\]/);

    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  }, 90_000);
});
