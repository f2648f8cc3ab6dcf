/**
 * Presenter mode on a projector (issue 19): every decision of every shipped scenario, on the
 * class's screen at 1024x768 (and both core scenarios at 1280x800 and 1920x1080), with nothing
 * revealed, with the votes shown, and with the votes and every option's feedback shown (each
 * option's feedback on show in turn). At each: nothing scrolls (the words' panel, the
 * conversation, the page), every option and the feedback on show are inside the viewport, the
 * line, the prompt, the options and the feedback are at least 24 px (at 768 high; in proportion
 * higher), and every face in the room is whole, below the bar and above the words. The
 * pre-brief fits one screen.
 *
 * Each decision is reached fast, not line by line: the engine's own exploration of the scenario
 * (analyseScenario's state graph, breadth first) gives a shortest path to every decision node;
 * the paths are visited in order, and the class's screen is driven there through the presenter
 * window's channel (take back, show the rest of the lines, choose), as the presenter window
 * would. Reveals are the trainer's own keys (V, O), and the feedback on show follows focus.
 */
import { readdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { analyseScenario } from '../../src/engine/analyseScenario';
import { scenarioSchemaFor } from '../../src/engine/loadScenario';
import type { Scenario } from '../../src/engine/schema';
import { parseYamlSource } from '../../src/engine/yamlSource';
import type { Command } from '../../src/trainer/protocol';
import { references, scenarioText } from '../helpers/fixtures';
import { BROWSER_AVAILABLE, screenshotPath, useBrowserApp, watchPage } from './browser';
import { sendCommands } from './browser';
import { axeSerious } from './scenarioPlay';
import { measureDecision, presenterMode } from './projectorScreen';

const REFERENCE_FILES = ['expressions.yaml', 'glossary.yaml', 'sources.yaml'];
const FILES = readdirSync('scenarios').filter((f) => f.endsWith('.yaml') && !REFERENCE_FILES.includes(f));
const CORE = ['dementia-family-visit.yaml', 'inter-agency-conflict.yaml'];

/**
 * The scenario as data, without loadScenario's full analysis and expectation checks (the
 * validate tests do those): here only the shape is needed, and a path to each decision.
 */
function scenarioOf(file: string): Scenario {
  const parsed = scenarioSchemaFor(references()).safeParse(parseYamlSource(file, scenarioText(file)).data);
  if (!parsed.success) throw new Error(`${file} does not load`);
  return parsed.data;
}

interface Stop {
  node: string;
  /** Choice ids from the start. */
  path: string[];
}

/**
 * A shortest path to every decision node, from the engine's breadth-first exploration of the
 * states (node plus what guards read). The exploration is cut short where every decision node
 * has been seen (a full one takes seconds on the larger scenarios); in depth-first order, so
 * each path shares as much as it can with the one before.
 */
function decisionStops(scenario: Scenario): Stop[] {
  const wanted = Object.entries(scenario.nodes)
    .filter(([, n]) => n.choices?.length)
    .map(([id]) => id);
  for (let cap = 4000; ; cap *= 4) {
    const graph = analyseScenario(scenario, { maxStates: cap }).stateGraph;
    const first = new Map<string, number>();
    const cameFrom = new Map<number, { from: number; choice: string }>();
    graph.nodes.forEach((node, state) => {
      if (!first.has(node)) first.set(node, state);
      for (const e of graph.edges[state]!)
        if (e.to !== 0 && !cameFrom.has(e.to)) cameFrom.set(e.to, { from: state, choice: e.choice });
    });
    if (wanted.some((id) => !first.has(id)) && !graph.complete) continue;
    const pathTo = (state: number): string[] => {
      const step = cameFrom.get(state);
      return step ? [...pathTo(step.from), step.choice] : [];
    };
    return wanted
      .filter((id) => first.has(id))
      .map((node) => ({ node, path: pathTo(first.get(node)!) }))
      .sort((a, b) => (a.path.join('\u0000') < b.path.join('\u0000') ? -1 : 1));
  }
}

const send = sendCommands;

describe.skipIf(!BROWSER_AVAILABLE)('presenter mode on a projector (issue 19)', () => {
  let browser: Browser;
  let url: string;
  let origin: string;
  useBrowserApp((app) => ({ browser, url, origin } = app));

  /**
   * One screen size: every decision of each scenario given, in presenter mode. Screenshots of
   * the decision with the most text of each core scenario, before and after the reveal.
   */
  async function sweep(viewport: { width: number; height: number }, files: string[]) {
    const size = `${viewport.width}x${viewport.height}`;
    const least = (24 * viewport.height) / 768;
    const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
    await context.addInitScript(presenterMode);
    const page = await context.newPage();
    const watch = watchPage(page, origin);
    await page.goto(url);
    await page.getByRole('heading', { name: 'CarePlay', level: 1 }).waitFor({ timeout: 20_000 });
    const failures: string[] = [];
    const sizes: number[] = [];
    let decisions = 0;
    let faces = 0;
    for (const file of files) {
      const scenario = scenarioOf(file);
      const stops = decisionStops(scenario);
      await page
        .getByRole('article', { name: scenario.title })
        .getByRole('button', { name: 'Start' })
        .click();

      // The pre-brief: one screen, no scrolling.
      const prebrief = page.getByRole('dialog', { name: /Before the class starts/ });
      await prebrief.waitFor();
      const fits = await prebrief.evaluate((d) => {
        const r = d.getBoundingClientRect();
        return d.scrollHeight <= d.clientHeight + 1 && r.top >= 0 && r.bottom <= innerHeight;
      });
      if (!fits) failures.push(`${file} ${size}: the pre-brief does not fit one screen`);
      await prebrief.getByRole('button', { name: 'Begin' }).click();

      let at: string[] = [];
      const goTo = async (stop: Stop) => {
        let same = 0;
        while (same < at.length && at[same] === stop.path[same]) same++;
        const commands: Command[] = [
          { type: 'revealVotes', shown: false },
          { type: 'revealOptions', shown: false },
          ...at.slice(same).map((): Command => ({ type: 'undo' })),
        ];
        // A choice needs no lines shown first; the class's screen shows the decision's at the end.
        for (const choice of stop.path.slice(same)) commands.push({ type: 'pick', choice });
        commands.push({ type: 'next' });
        await send(page, commands);
        // Choice ids are unique in a scenario: the first option on show says which decision it is.
        const ids = scenario.nodes[stop.node]!.choices!.map((c) => c.id);
        await page.waitForFunction(
          (ids) =>
            ids.includes(document.querySelector<HTMLElement>('.choices .choice')?.dataset.choice ?? '') &&
            !document.querySelector('.choices[data-revealed], .choices .votes'),
          ids,
          { polling: 20, timeout: 10_000 },
        );
        at = stop.path;
      };
      let fullest = { stop: stops[0]!, text: 0 };
      for (const stop of stops) {
        await goTo(stop);
        const where = `${file} ${size}, ${stop.node} (decision ${stop.path.length + 1})`;
        const measured = await measureDecision(page);
        for (const [state, m] of Object.entries(measured)) {
          failures.push(...m.problems.map((p) => `${where}, ${state}: ${p} [${m.layout}]`));
          if (m.smallest < least - 0.01)
            failures.push(`${where}, ${state}: text at ${m.smallest.toFixed(1)} px [${m.layout}]`);
          sizes.push(m.smallest);
        }
        // Everyone in the room (five at most) has a face on the class's screen.
        const present = scenario.nodes[stop.node]!.present.filter((p) => scenario.cast[p]).length;
        if (measured.plain.faces !== Math.min(5, present))
          failures.push(`${where}: ${measured.plain.faces} faces for ${present} people`);
        faces += measured.plain.faces;
        decisions++;
        if (measured.plain.text > fullest.text) fullest = { stop, text: measured.plain.text };
      }
      // To look at: the decision with the most to read, before and after the reveal.
      if (CORE.includes(file)) {
        await goTo(fullest.stop);
        const name = `projector-${size}-${scenario.id}-${fullest.stop.node}`;
        await page.screenshot({ path: screenshotPath(`${name}-before`) });
        await page.keyboard.press('v');
        await page.keyboard.press('o');
        await page.screenshot({ path: screenshotPath(`${name}-after`) });
      }
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Leave this scenario' }).click();
      await page.getByRole('heading', { name: 'CarePlay', level: 1 }).waitFor();
    }
    expect(failures).toEqual([]);
    expect(watch.errors).toEqual([]);
    await context.close();
    return { decisions, faces, smallest: Math.min(...sizes), largest: Math.max(...sizes) };
  }

  it('fits every decision of every shipped scenario at 1024x768: no scrolling, 24 px, faces in view', async () => {
    const seen = await sweep({ width: 1024, height: 768 }, FILES);
    expect(FILES.length).toBe(9);
    // Every decision node of the nine: the engine found a path to each.
    const nodes = FILES.map(
      (f) => Object.values(scenarioOf(f).nodes).filter((n) => n.choices?.length).length,
    );
    expect(seen.decisions).toBe(nodes.reduce((a, b) => a + b, 0));
    expect(seen.faces).toBeGreaterThan(seen.decisions);
    expect(seen.smallest).toBeGreaterThanOrEqual(24);
  }, 240_000);

  it('shows the feedback one option at a time, by keyboard or the stepper; the trainer panel still works over it', async () => {
    const context = await browser.newContext({
      viewport: { width: 1024, height: 768 },
      reducedMotion: 'reduce',
    });
    await context.addInitScript(presenterMode);
    const page = await context.newPage();
    const watch = watchPage(page, origin);
    await page.goto(url);
    await page
      .getByRole('article', { name: 'Sunday visit' })
      .getByRole('button', { name: 'Start' })
      .click({ timeout: 20_000 });
    await page
      .getByRole('dialog', { name: /Before the class starts/ })
      .getByRole('button', { name: 'Begin' })
      .click();
    await send(page, [{ type: 'next' }]);
    const list = page.getByRole('list', { name: 'What do you say?' });
    await list.waitFor();
    const shown = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('.choices > li')].flatMap((li, i) =>
          getComputedStyle(li.querySelector('.why')!).display === 'none' ? [] : [i + 1],
        ),
      );
    // Before the reveal there is no feedback at all; after it, one option's at a time.
    expect(await page.locator('.why').count()).toBe(0);
    await page.keyboard.press('o');
    await expect.poll(shown).toEqual([1]);
    const count = await page.locator('.choices > li').count();
    expect(count).toBeGreaterThanOrEqual(3);
    // Every option says its score effect, and names its feedback as its description.
    for (let i = 0; i < count; i++) {
      const option = page.locator('.choices > li > .choice').nth(i);
      expect(await option.locator('.effect-chip').innerText()).toMatch(/[+−]\d|no score change|unsafe/);
      const why = await option.getAttribute('aria-describedby');
      expect(await page.locator(`#${why}`).innerText()).toMatch(/\w{4}/);
    }
    expect(await axeSerious(page)).toEqual([]);
    // ↓ moves between options (a digit would add a vote), and the feedback follows focus.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(shown).toEqual([2]);
    // The stepper, for a mouse or a touch screen: the feedback moves on and is read out; focus
    // stays on the stepper, never on an option, where Enter would choose it for the class.
    await page.locator('.why').nth(1).getByRole('button', { name: 'Feedback on the next option' }).click();
    await expect.poll(shown).toEqual([3]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Feedback on the next option',
    );
    expect(await page.locator('#live').innerText()).toMatch(/Option 3, /);
    await page.keyboard.press('Enter');
    await expect.poll(shown).toEqual([count > 3 ? 4 : 1]);
    await page.keyboard.press('ArrowUp');
    await expect.poll(shown).toEqual([count > 3 ? 3 : count]);
    // Still at decision 1: nothing was chosen for the class.
    const panel = page.getByRole('complementary', { name: 'Trainer panel' });
    await page.keyboard.press('t');
    await panel.waitFor();
    expect(await panel.innerText()).toMatch(/Class path · decision 1/);
    // The panel lies over the class's screen, and takes clicks there.
    // (The middle of the part in view: the panel scrolls, and may be taller than the screen.)
    const onTop = await panel.evaluate((p) => {
      const r = p.getBoundingClientRect();
      const y = (Math.max(r.top, 0) + Math.min(r.bottom, window.innerHeight)) / 2;
      return p.contains(document.elementFromPoint(r.left + r.width / 2, y));
    });
    expect(onTop).toBe(true);
    await panel.getByRole('button', { name: 'One more vote for option 2' }).click();
    await expect
      .poll(() => panel.getByRole('spinbutton', { name: 'Votes for option 2' }).inputValue())
      .toBe('1');
    await page.keyboard.press('t');
    await expect.poll(() => panel.isVisible()).toBe(false);
    expect(watch.errors).toEqual([]);
    await context.close();
  }, 60_000);

  // One core scenario at each other size (both at both doubled this file's time).
  it('fits Sunday visit at 1920x1080, larger where there is room', async () => {
    const seen = await sweep({ width: 1920, height: 1080 }, [CORE[0]!]);
    expect(seen.decisions).toBeGreaterThanOrEqual(15);
    expect(seen.smallest).toBeGreaterThanOrEqual(33.75);
  }, 120_000);

  it('fits Bread and butter at 1280x800', async () => {
    const seen = await sweep({ width: 1280, height: 800 }, [CORE[1]!]);
    expect(seen.decisions).toBeGreaterThanOrEqual(11);
    expect(seen.smallest).toBeGreaterThanOrEqual(25);
  }, 120_000);
});
