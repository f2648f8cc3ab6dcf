/**
 * Trainer mode in real Chromium: an audience page and a presenter page in one browser context,
 * kept in step over BroadcastChannel. Votes, reveal, a tie, a what-if branch, closing and
 * reopening the presenter, a reload of the audience, and the summary on both at the end.
 */
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/engine/markup';
import { Session } from '../../src/engine/Session';
import type { Command } from '../../src/trainer/protocol';
import { load, scenarioText } from '../helpers/fixtures';
import {
  BROWSER_AVAILABLE,
  menuShown,
  pressAndWait,
  savedDownload,
  screenshotPath,
  settle,
  watchPage,
  useBrowserApp,
} from './browser';
import { sendCommands } from './browser';

/** Serious or critical axe violations in the open dialog (the menu under it is checked elsewhere). */
async function axeDialog(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('dialog[open]').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

const GIFT = 'A thank-you at the end of the shift';

/** A path through the shipped gift scenario to an ending: option 1 at each decision. */
function giftPath(): { choices: string[]; ending: string; second: { id: string; words: string } } {
  const session = new Session(load(scenarioText('demo-gift.yaml')).scenario!);
  const choices: string[] = [];
  let second: { id: string; words: string } | null = null;
  while (!session.ended) {
    while (session.canContinue) session.next();
    const [first, other] = session.snapshot.choices;
    if (!first) break;
    second ??= { id: other!.id, words: plainText(other!.text) };
    choices.push(first.id);
    session.choose(first.id);
  }
  return { choices, ending: session.result()!.ending.title, second: second! };
}

const send = sendCommands;

describe.skipIf(!BROWSER_AVAILABLE)('trainer mode in Chromium', () => {
  let browser: Browser;
  let base: string;
  let origin: string;

  useBrowserApp((app) => ({ browser, base, origin } = app));

  const openPresenter = async (context: BrowserContext) => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1000, height: 1000 });
    await page.goto(`${base}?presenter=1`);
    await page.getByRole('complementary', { name: 'Trainer panel' }).waitFor({ timeout: 15_000 });
    return page;
  };

  /** Move the audience on until the class has options to vote on (Enter, or a clicker's key). */
  const toChoices = async (audience: Page, key = 'Enter') => {
    const list = audience.getByRole('list', { name: 'What do you say?' });
    for (let i = 0; i < 30 && !(await list.isVisible()); i++) {
      await pressAndWait(audience, key);
    }
    await list.waitFor();
    return list;
  };

  it('runs a group session across two windows', async () => {
    const context = await browser.newContext({
      viewport: { width: 1920, height: 1080 },
      reducedMotion: 'reduce',
    });
    const audience = await context.newPage();
    const watch = watchPage(audience, origin);
    await audience.goto(`${base}?renderer=canvas`);
    await audience.getByRole('heading', { name: 'CarePlay', level: 1 }).waitFor({ timeout: 20_000 });
    await audience.keyboard.press('p');
    await expect(
      audience.getByRole('button', { name: 'Presenter mode' }).getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    await audience
      .getByRole('article', { name: 'Sunday visit' })
      .getByRole('button', { name: 'Start' })
      .click();
    const prebrief = audience.getByRole('dialog', { name: /Before the class starts/ });
    await prebrief.waitFor();
    // The class sees the content note and what it is practising; the trainer's notes stay off
    // the projector.
    const notes = load(scenarioText('dementia-family-visit.yaml')).scenario!.prebrief;
    const noteStart = notes.replace(/\s+/g, ' ').slice(0, 60);
    expect(await prebrief.innerText()).toMatch(/Content note/);
    expect((await prebrief.innerText()).replace(/\s+/g, ' ')).not.toContain(noteStart);
    expect(await prebrief.innerText()).not.toMatch(/Trainer notes/);
    await prebrief.getByRole('button', { name: 'Begin' }).click();

    // Text readable from the back: at least 32px at 1080p.
    const size = await audience.evaluate(
      "parseFloat(getComputedStyle(document.querySelector('.line-text')).fontSize)",
    );
    expect(size).toBeGreaterThanOrEqual(32);

    let presenter = await openPresenter(context);
    const panel = () => presenter.getByRole('complementary', { name: 'Trainer panel' });
    // The trainer's notes are in the presenter window.
    await panel().getByText('Trainer notes').waitFor();
    expect((await panel().innerText()).replace(/\s+/g, ' ')).toContain(noteStart);
    // A clicker's Page Down moves the class's screen on, as Enter does.
    const choices = await toChoices(audience, 'PageDown');
    expect(
      await audience.getByRole('region', { name: 'What is said' }).locator('xpath=..').innerText(),
    ).toMatch(/Discuss: What might Win be feeling/);
    // The presenter window shows the line the class has just heard: who, and the words.
    const words = (text: string) => text.replace(/\s+/g, ' ').trim();
    const heard = words(await audience.locator('.line-text').innerText());
    const who = await audience.locator('.line-box :is(.speaker, .medium-label)').allInnerTexts();
    const said = panel().getByRole('region', { name: 'Just said' });
    await expect.poll(async () => words(await said.innerText())).toContain(`: ${heard}`);
    expect(words(await said.innerText())).toMatch(
      who.length ? `Just said ${words(who[0]!).split(' · ')[0]}` : 'Just said Narration',
    );

    // Votes, hidden from the class until revealed.
    await panel().getByRole('button', { name: 'One more vote for option 3' }).click();
    await panel().getByRole('button', { name: 'One more vote for option 3' }).click();
    await panel().getByRole('button', { name: 'One more vote for option 1' }).click();
    await panel().getByRole('button', { name: 'One fewer vote for option 1' }).click();
    await audience.keyboard.press('Shift+Digit1'); // a vote from the audience laptop's keyboard
    await expect
      .poll(() => panel().getByRole('spinbutton', { name: 'Votes for option 1' }).inputValue())
      .toBe('1');
    // A digit alone is a vote too, never a choice: the class stays at decision 1; U takes it back.
    await audience.keyboard.press('2');
    await expect
      .poll(() => panel().getByRole('spinbutton', { name: 'Votes for option 2' }).inputValue())
      .toBe('1');
    expect(await panel().innerText()).toMatch(/Class path · decision 1/);
    await audience.keyboard.press('u');
    await expect
      .poll(() => panel().getByRole('spinbutton', { name: 'Votes for option 2' }).inputValue())
      .toBe('0');
    expect(await choices.innerText()).not.toMatch(/vote/);
    await panel().getByRole('button', { name: 'Reveal votes (V)' }).click();
    await expect.poll(() => choices.innerText()).toMatch(/2 votes/);
    await panel().getByRole('button', { name: 'Reveal feedback (O)' }).click();
    await expect.poll(() => choices.innerText()).toMatch(/Placing the visitor gives Win the information/);
    await audience.screenshot({ path: screenshotPath('presenter-audience-1920x1080') });
    await presenter.screenshot({ path: screenshotPath('presenter-window') });
    await panel().getByRole('button', { name: 'Go with the class (C)' }).click();
    await expect.poll(() => panel().innerText()).toMatch(/Class path · decision 2/);
    // A slip: the trainer takes the decision back (U, with no votes yet at decision 2). The
    // class is at decision 1 again with its votes, and goes with the class again.
    await presenter.keyboard.press('u');
    await expect.poll(() => panel().innerText()).toMatch(/Class path · decision 1/);
    expect(await panel().getByRole('spinbutton', { name: 'Votes for option 3' }).inputValue()).toBe('2');
    await presenter.keyboard.press('c');
    await expect.poll(() => panel().innerText()).toMatch(/Class path · decision 2/);
    expect(await panel().innerText()).toMatch(/class majority, 3 votes cast/);

    // A tie asks the trainer; the trainer picks on the class's own screen, with a click.
    await toChoices(audience);
    await panel().getByRole('spinbutton', { name: 'Votes for option 1' }).fill('2');
    await panel().getByRole('spinbutton', { name: 'Votes for option 1' }).press('Tab');
    // As a trainer would: see the first count kept (the panel redrawn from the class's screen)
    // before typing the next, so the redraw cannot land in the middle of Playwright's fill.
    await expect.poll(() => panel().innerText()).toMatch(/\b2 votes recorded/);
    await panel().getByRole('spinbutton', { name: 'Votes for option 3' }).fill('2');
    await panel().getByRole('spinbutton', { name: 'Votes for option 3' }).press('Tab');
    await expect.poll(() => panel().innerText()).toMatch(/Tied: options 1 and 3/);
    expect(await panel().getByRole('button', { name: 'Go with the class (C)' }).isDisabled()).toBe(true);
    // C from the presenter's keyboard: the class's screen says it is tied, in the numbers it sees.
    await presenter.keyboard.press('c');
    await expect
      .poll(() =>
        audience
          .locator('.class-tie')
          .innerText()
          .catch(() => ''),
      )
      .toBe('Tied: options 1 and 3, 2 votes each. The trainer decides.');
    expect(await audience.locator('.class-tie').isVisible()).toBe(true);
    expect(await panel().innerText()).toMatch(/Class path · decision 2/);
    await audience.getByRole('list', { name: 'What do you say?' }).getByRole('button').nth(2).click();
    await expect.poll(() => panel().innerText()).toMatch(/Class path · decision 3/);
    // The record says how: the trainer's pick, like a pick in the panel.
    expect(await panel().innerText()).toMatch(/trainer’s pick, 4 votes cast/);

    // What if: branch from decision 1, take another option, come back to where the class was.
    // The presenter window's clicker keys move the class's screen on.
    const list = audience.getByRole('list', { name: 'What do you say?' });
    for (let i = 0; i < 30 && !(await list.isVisible()); i++) {
      await presenter.keyboard.press(i % 2 ? 'ArrowDown' : 'PageDown');
      await settle(audience);
    }
    await list.waitFor();
    const classLine = await audience.getByRole('region', { name: 'What is said' }).innerText();
    await panel().getByRole('combobox', { name: 'Branch from decision' }).selectOption('0');
    await panel().getByRole('button', { name: 'Branch (W)' }).click();
    await expect.poll(() => panel().innerText()).toMatch(/What if… \(branched from decision 1\)/);
    await panel().getByRole('button', { name: 'Choose 1' }).click();
    // The class can see it is on a what-if.
    await audience.getByText(/What if… from decision 1/).waitFor();
    await panel().getByRole('button', { name: 'Back to the class path (B)' }).click();
    await expect.poll(() => audience.getByText(/What if… from decision 1/).count()).toBe(0);
    await expect.poll(() => panel().innerText()).toMatch(/Class path · decision 3/);
    expect(await audience.getByRole('region', { name: 'What is said' }).innerText()).toBe(classLine);

    // Close the presenter window and open it again: nothing is lost.
    await panel().getByRole('button', { name: 'One more vote for option 2' }).click();
    await presenter.close();
    presenter = await openPresenter(context);
    await expect
      .poll(() => panel().getByRole('spinbutton', { name: 'Votes for option 2' }).inputValue())
      .toBe('1');
    expect(await panel().innerText()).toMatch(/Class path · decision 3/);

    // The audience laptop reloads (or slept over lunch): same decision, same votes.
    await audience.reload();
    await audience.getByRole('heading', { name: 'CarePlay', level: 1 }).waitFor({ timeout: 20_000 });
    await audience
      .getByRole('article', { name: 'Sunday visit' })
      .getByRole('button', { name: 'Start' })
      .click();
    // The menu asks: carry on with this class, or a new one? Carry on.
    const ask = audience.getByRole('dialog', { name: 'A class is in progress on “Sunday visit”' });
    await ask
      .getByRole('button', {
        name: /^Carry on with the class in progress \(decision 3 of about \d+, started \w{3} \d+ \w{3} \d{4}, \d\d:\d\d\)$/,
      })
      .click();
    // A short notice on the class's screen says so, until the class moves on.
    const carried = audience.locator('.class-sign');
    await carried.waitFor();
    expect(await carried.innerText()).toBe('Carried on from decision 3 — votes and choices so far are kept.');
    await toChoices(audience);
    await expect
      .poll(() => panel().getByRole('spinbutton', { name: 'Votes for option 2' }).inputValue())
      .toBe('1');
    await audience.screenshot({ path: screenshotPath('presenter-audience-resumed-1920x1080') });

    // Finish with the trainer's picks, then check the summary on both screens.
    for (let i = 0; i < 80; i++) {
      if (await audience.getByRole('button', { name: 'See how it went' }).isVisible()) break;
      const more = panel().getByRole('button', { name: 'Show the rest of the lines' });
      if (await more.isVisible()) await more.click();
      else if (await panel().getByRole('button', { name: 'Choose 1' }).isVisible())
        await panel().getByRole('button', { name: 'Choose 1' }).click();
      else if (await audience.getByRole('button', { name: 'Continue' }).isVisible())
        await audience.getByRole('button', { name: 'Continue' }).click();
      await settle(audience);
    }
    expect(await carried.count()).toBe(0);
    // The presenter's forward key (a clicker's) moves the class's screen on to the summary.
    await presenter.keyboard.press('PageDown');
    const summary = audience.getByRole('region', { name: 'The class’s session' });
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/Where the room was most divided/);
    expect(await summary.innerText()).toMatch(
      /Decision 2: split 2 to 2 between option 1 \(“[^”]+”\) and option 3 \(“[^”]+”\)\. On the tie, the trainer chose option 3\./,
    );
    await presenter.getByRole('region', { name: 'The class’s session' }).waitFor();
    const download = audience.waitForEvent('download');
    await summary.getByRole('button', { name: 'Export CSV' }).click();
    const csv = await savedDownload(await download, 'class.csv');
    expect(csv).toBeTruthy();
    // Each dimension's sentence of arithmetic: on screen and as columns of the CSV.
    expect(await summary.innerText()).toMatch(
      /The class’s bands\s+Empathy: \w+ \(\d+%\)\s+\d+ decisions? [^\n]*which is \d+%/,
    );
    const csvText = readFileSync(csv, 'utf8');
    const header = csvText.split('\r\n')[0]!;
    expect(header).toMatch(/^decision,prompt,option number,option,option text,votes,chosen,how,/);
    expect(header).toMatch(/empathy band,empathy percent,empathy explanation/);
    expect(csvText).not.toMatch(/\[\[/);
    // Decision 2 was chosen with a click on the class's screen: "how" says the trainer's pick.
    expect(csvText).toMatch(/^2,[^\r\n]*,yes,trainer,/m);
    // Only options offered, numbered as on screen.
    const numbers = csvText
      .split('\r\n')
      .slice(1, -1)
      .filter((r) => r.startsWith('1,'))
      .map((r) => (/^1,(?:"(?:[^"]|"")*"|[^,]*),(\d+),/.exec(r) ?? [])[1]);
    expect(numbers).toEqual(numbers.map((_, i) => String(i + 1)));
    await audience.screenshot({ path: screenshotPath('presenter-summary-1920x1080') });
    // Printable on A4: the print stylesheet's PDF is the class's handout, as text (its contents
    // are checked in classRecord.test.ts).
    const pdf = screenshotPath('presenter-summary').replace(/\.png$/, '.pdf');
    await audience.pdf({ path: pdf, format: 'A4' });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/Class session: Sunday visit/);
    expect(text).toMatch(/Where the room was most divided/);
    expect(text).toMatch(/Bands: Empathy/);

    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  }, 120_000);

  it('presenter mode at 1024x768 and 1280x800: readable and nothing clipped', async () => {
    for (const viewport of [
      { width: 1024, height: 768 },
      { width: 1280, height: 800 },
    ]) {
      const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
      const page = await context.newPage();
      await page.goto(`${base}?renderer=canvas`);
      await page.getByRole('heading', { name: 'CarePlay', level: 1 }).waitFor({ timeout: 20_000 });
      await page.getByRole('button', { name: 'Presenter mode' }).click();
      await page
        .getByRole('article', { name: 'Bread and butter' })
        .getByRole('button', { name: 'Start' })
        .click();
      await page
        .getByRole('dialog', { name: /Before the class starts/ })
        .getByRole('button', { name: 'Begin' })
        .click();
      await toChoices(page);
      const size = (await page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.line-text')).fontSize)",
      )) as number;
      expect(size).toBeGreaterThanOrEqual((32 * viewport.height) / 1080 - 0.5);
      await page.screenshot({
        path: screenshotPath(`presenter-audience-${viewport.width}x${viewport.height}`),
      });
      await page.keyboard.press('t');
      const panel = page.getByRole('complementary', { name: 'Trainer panel' });
      await panel.waitFor();
      // One screen: the panel shows counts only, never the answers or notes, until the trainer
      // blanks the class's view (full stop).
      expect(await panel.innerText()).toMatch(/Counts only/);
      expect(await panel.locator('.trainer-option .note').count()).toBe(0);
      expect(await panel.getByText('Trainer notes').count()).toBe(0);
      await page.screenshot({ path: screenshotPath(`presenter-panel-${viewport.width}x${viewport.height}`) });
      await page.keyboard.press('.');
      await page.locator('.class-blank').waitFor();
      expect(await panel.locator('.trainer-option .note').count()).toBeGreaterThan(1);
      await panel.getByText('Trainer notes').waitFor();
      await page.screenshot({ path: screenshotPath(`presenter-blank-${viewport.width}x${viewport.height}`) });
      await page.keyboard.press('.');
      await expect.poll(() => page.locator('.class-blank').count()).toBe(0);
      const clipped = await page.evaluate(
        "[...document.querySelectorAll('button')].filter((b) => b.offsetParent && (b.scrollWidth > b.clientWidth + 1)).map((b) => b.textContent)",
      );
      expect(clipped).toEqual([]);
      await context.close();
    }
  }, 60_000);
  it('a new class or carry on, and past class sessions to reopen, export or delete (1024x768)', async () => {
    const context = await browser.newContext({
      viewport: { width: 1024, height: 768 },
      reducedMotion: 'reduce',
    });
    await context.addInitScript(() => {
      localStorage.setItem('careplay:presenter', 'on');
      localStorage.setItem('careplay:settings', JSON.stringify({ version: 1, muted: true }));
    });
    const audience = await context.newPage();
    const watch = watchPage(audience, origin);
    await audience.goto(`${base}?renderer=canvas`);
    await menuShown(audience);
    const start = () =>
      audience.getByRole('article', { name: GIFT }).getByRole('button', { name: 'Start' }).click();
    const prebrief = audience.getByRole('dialog', { name: /Before the class starts/ });
    await start();
    await prebrief.getByRole('button', { name: 'Begin' }).click();

    // A class goes to an ending by the presenter window's commands.
    const path = giftPath();
    const presenter = await openPresenter(context);
    await presenter.setViewportSize({ width: 1024, height: 768 });
    const panel = presenter.getByRole('complementary', { name: 'Trainer panel' });
    // At the first decision the room splits 3 to 2 between options 1 and 2.
    await send(audience, [
      { type: 'next' },
      { type: 'setVotes', choice: path.choices[0]!, count: 3 },
      { type: 'setVotes', choice: path.second.id, count: 2 },
      ...path.choices.map((choice): Command => ({ type: 'pick', choice })),
      { type: 'next' },
    ]);
    await audience.getByRole('button', { name: 'See how it went' }).waitFor();
    // At the ending, before the summary is on the class's screen, the presenter window's handout
    // already names the option the class did not choose in its words (it said "Option 2").
    const handoutOptions = presenter.locator('.handout-path .handout-options');
    await expect.poll(() => handoutOptions.count()).toBe(path.choices.length);
    await expect
      .poll(() => handoutOptions.first().textContent())
      .toContain(`2. “${path.second.words}” — 2 votes`);
    // The presenter window moves the class's screen on to the summary, with a button.
    await panel.getByRole('button', { name: 'Show the class the summary (Page Down)' }).click();
    await audience.getByRole('region', { name: 'The class’s session' }).waitFor();
    await expect.poll(() => panel.innerText()).toMatch(/The summary is on the class’s screen and below/);
    // On the summary the presenter's panel keeps its height, with the summary below it.
    for (const size of [
      { width: 1024, height: 768 },
      { width: 1280, height: 800 },
    ]) {
      await presenter.setViewportSize(size);
      const boxes = await presenter.evaluate(() =>
        ['.trainer-panel', '.class-summary'].map((s) => {
          const r = document.querySelector(s)!.getBoundingClientRect();
          return { top: r.top, bottom: r.bottom, height: r.height };
        }),
      );
      expect(boxes[0]!.height, `${size.width}x${size.height}`).toBeGreaterThan(300);
      expect(boxes[1]!.top).toBeGreaterThanOrEqual(boxes[0]!.bottom);
      await presenter.screenshot({ path: screenshotPath(`presenter-summary-${size.width}x${size.height}`) });
    }

    // The finished class is kept: its summary reopens, exports, and can be deleted.
    await audience.getByRole('button', { name: 'Back to the menu' }).click();
    await menuShown(audience);
    await audience.getByRole('button', { name: 'Past class sessions' }).click();
    const list = audience.getByRole('dialog', { name: 'Past class sessions' });
    const row = list.getByRole('listitem');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toMatch(
      new RegExp(
        `${GIFT}\\s+\\w{3} \\d+ \\w{3} \\d{4}, \\d\\d:\\d\\d · ${path.choices.length} decisions · ending: “${path.ending}”`,
      ),
    );
    expect(await axeDialog(audience)).toEqual([]);
    await audience.screenshot({ path: screenshotPath('past-class-sessions-1024x768') });
    await row.getByRole('button', { name: 'Reopen summary' }).click();
    const reopened = audience.getByRole('dialog', { name: /: the class of / });
    expect(await reopened.getByRole('region', { name: 'The class’s session' }).innerText()).toContain(
      'The class’s bands',
    );
    await reopened.getByRole('button', { name: 'Close' }).last().click();
    const download = audience.waitForEvent('download');
    await row.getByRole('button', { name: 'Export CSV' }).click();
    const csv = readFileSync(await savedDownload(await download, 'past-class.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(
      /^decision,prompt,option number,option,option text,votes,chosen,how,/,
    );
    expect(csv.match(/,yes,trainer,/g)).toHaveLength(path.choices.length);
    expect(csv).not.toMatch(/\[\[/);
    await row.getByRole('button', { name: 'Delete' }).click();
    const confirm = audience.getByRole('dialog', { name: 'Delete this class session?' });
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await list.getByText('No class has reached an ending yet.').waitFor();
    await list.getByRole('button', { name: 'Close' }).click();

    // The next group: Start asks, and a new class starts fresh, with the pre-brief.
    await start();
    const ask = audience.getByRole('dialog', { name: `The last class on “${GIFT}” has finished` });
    await ask.waitFor();
    expect(await ask.innerText()).toContain(`reached “${path.ending}”`);
    // Deleted from Past class sessions a moment ago, so not said to be kept there.
    expect(await ask.innerText()).not.toContain('Past class sessions');
    expect(await axeDialog(audience)).toEqual([]);
    await audience.screenshot({ path: screenshotPath('class-start-finished-1024x768') });
    await ask.getByRole('button', { name: 'Start a new class' }).click();
    await prebrief.getByRole('button', { name: 'Begin' }).click();
    await expect.poll(() => panel.innerText()).toMatch(/Class path · decision 1/);
    expect(await panel.innerText()).toMatch(/No decisions yet\./);

    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  }, 90_000);
});
