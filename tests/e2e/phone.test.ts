/**
 * A phone in its own right (issue 20), portrait 390x844 and landscape 844x390: both core
 * scenarios played by keyboard to the debrief, measuring what a learner sees at every step. The
 * title's bar never lies over the room; the room meets the words with no band between; faces are
 * large enough to read (their drawn size is on the canvas as data-faces, in design px, and the
 * camera's view with it, so the size on screen is worked out here from the canvas's box); the line
 * and the first option are on screen with no scrolling at every decision, and Continue at every
 * line and feedback; nothing scrolls sideways; the mood chart's labels are at least 12 px; axe
 * finds nothing. Turning the phone re-frames the room.
 */
import { readdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Session, type RevealedOption } from '../../src/engine/Session';
import { fixtureText, load, scenarioText } from '../helpers/fixtures';
import {
  BROWSER_AVAILABLE,
  expectClean,
  openMenu,
  pressAndWait,
  screenshotPath,
  settle,
  useBrowserApp,
  type BrowserApp,
} from './browser';
import { axeSerious } from './scenarioPlay';

const PORTRAIT = { width: 390, height: 844 };
const LANDSCAPE = { width: 844, height: 390 };
const CORE = [
  { title: 'Sunday visit', file: 'dementia-family-visit' },
  { title: 'Bread and butter', file: 'inter-agency-conflict' },
];

/**
 * The engine plays alongside the browser and picks, at each decision, the option with the most
 * to read after it (its words, its feedback and its sources): the longest feedback is where
 * Continue is likeliest to fall off a small screen.
 */
function wordiest(file: string) {
  const session = new Session(load(scenarioText(`${file}.yaml`)).scenario!);
  return () => {
    for (let i = 0; i < 50 && session.snapshot.phase !== 'choosing'; i++) session.next();
    const offered = session.snapshot.choices;
    const size = (o: RevealedOption) =>
      o.text.length + o.feedback.why.length + o.feedback.sources.join().length * 3;
    const pick = session
      .reveal()
      .filter((o) => offered.some((c) => c.id === o.id))
      .sort((a, b) => size(b) - size(a))[0]!;
    session.choose(pick.id);
    return String(offered.find((c) => c.id === pick.id)!.number);
  };
}

/**
 * The smallest face, in CSS px, for the number in the room: one or two people are framed close
 * (the layout before framing showed them at 73 px in portrait, 85 in landscape); three side by
 * side fill the width; four or five are smaller figures by design.
 */
const MIN_FACE: Record<number, number> = { 1: 95, 2: 95, 3: 70, 4: 50, 5: 40 };

interface Rect {
  top: number;
  bottom: number;
  left: number;
  right: number;
  width: number;
  height: number;
}

/** Everything measured on one screen of a conversation. */
interface Look {
  viewport: { width: number; height: number };
  scrollWidth: number;
  widest: number;
  stage: Rect;
  canvas: Rect;
  bar: Rect;
  barParts: Rect[];
  dialogue: Rect;
  panel: Rect;
  scrolled: number[];
  faces: { who: string; box: Rect }[];
  line: Rect | null;
  lineBox: Rect | null;
  first: Rect | null;
  firstClip: Rect | null;
  cont: Rect | null;
  /** What the screen asks of the learner. */
  phase: 'decision' | 'feedback' | 'end' | 'line';
}

function look(page: Page): Promise<Look> {
  return page.evaluate(() => {
    const box = (el: Element | null) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height };
    };
    const must = (sel: string) => box(document.querySelector(sel))!;
    const canvas = document.querySelector<HTMLCanvasElement>('#stage canvas')!;
    const c = canvas.getBoundingClientRect();
    const data = JSON.parse(canvas.dataset.faces ?? '{"faces":[],"view":{"x":0,"y":0,"w":1,"h":1}}') as {
      view: { x: number; y: number; w: number; h: number };
      faces: { who: string; x: number; y: number; w: number; h: number }[];
    };
    // Design px to CSS px: the view covers the whole canvas.
    const k = c.width / data.view.w;
    const faces = data.faces.map((f) => {
      const left = c.left + (f.x - data.view.x) * k;
      const top = c.top + (f.y - data.view.y) * k;
      return {
        who: f.who,
        box: { left, top, right: left + f.w * k, bottom: top + f.h * k, width: f.w * k, height: f.h * k },
      };
    });
    const first = document.querySelector('.choices .choice');
    const cont = [...document.querySelectorAll('.line-actions button')].find(
      (b) => b.textContent === 'Continue' || b.textContent === 'See how it went',
    );
    const list = document.querySelector('.choices');
    return {
      viewport: { width: innerWidth, height: innerHeight },
      scrollWidth: document.documentElement.scrollWidth,
      widest: Math.max(
        ...[...document.querySelectorAll('#ui *')].map((e) => e.getBoundingClientRect().right),
        // The text itself (a word too long for its box overflows it without widening it), except
        // a title cut short on purpose with an ellipsis.
        ...(() => {
          const rights: number[] = [];
          const range = document.createRange();
          const texts = document.createTreeWalker(document.getElementById('ui')!, NodeFilter.SHOW_TEXT);
          for (let n = texts.nextNode(); n; n = texts.nextNode()) {
            if (n.parentElement && getComputedStyle(n.parentElement).textOverflow === 'ellipsis') continue;
            range.selectNodeContents(n);
            for (const r of range.getClientRects()) rights.push(r.right);
          }
          return rights;
        })(),
      ),
      stage: must('#stage'),
      canvas: must('#stage canvas'),
      bar: must('.topbar'),
      barParts: [...document.querySelectorAll('.topbar *')].map((e) => box(e)!),
      dialogue: must('.dialogue'),
      panel: must('.panel'),
      scrolled: [
        scrollX,
        scrollY,
        document.querySelector('.conversation')!.scrollTop,
        document.querySelector('.dialogue')!.scrollTop,
        document.querySelector('.panel')!.scrollTop,
        list?.scrollTop ?? 0,
      ],
      faces,
      line: box(document.querySelector('.line-text')),
      lineBox: box(document.querySelector('.line-box')),
      first: box(first),
      firstClip: box(list),
      cont: box(cont ?? null),
      phase: list
        ? ('decision' as const)
        : document.querySelector('.line-box.feedback')
          ? ('feedback' as const)
          : cont?.textContent === 'See how it went'
            ? ('end' as const)
            : ('line' as const),
    };
  });
}

const inside = (inner: Rect, outer: Rect | { width: number; height: number }, slack = 1) => {
  const o = 'top' in outer ? outer : { top: 0, left: 0, right: outer.width, bottom: outer.height };
  return (
    inner.top >= o.top - slack &&
    inner.left >= o.left - slack &&
    inner.bottom <= o.bottom + slack &&
    inner.right <= o.right + slack
  );
};
const overlaps = (a: Rect, b: Rect) =>
  a.width > 0 &&
  a.height > 0 &&
  a.left < b.right - 0.5 &&
  b.left < a.right - 0.5 &&
  a.top < b.bottom - 0.5 &&
  b.top < a.bottom - 0.5;

/** The layout every conversation screen keeps on a phone. */
function expectPhoneLayout(l: Look, where: string) {
  const portrait = l.viewport.height > l.viewport.width;
  // Nothing scrolls sideways, and nothing runs past the right edge.
  expect(l.scrollWidth, where).toBeLessThanOrEqual(l.viewport.width);
  expect(l.widest, where).toBeLessThanOrEqual(l.viewport.width + 1);
  // The title's bar, and everything in it, is never over the room.
  for (const part of [l.bar, ...l.barParts]) expect(overlaps(part, l.stage), where).toBe(false);
  expect(l.stage.top, where).toBeGreaterThanOrEqual(l.bar.bottom - 1);
  // The room fills its strip (no letterbox) and meets the words with no band between.
  expect(inside(l.stage, l.canvas), where).toBe(true);
  // ...and is sized for this strip, not one it had before (it covers it exactly one way).
  expect(
    Math.min(Math.abs(l.canvas.width - l.stage.width), Math.abs(l.canvas.height - l.stage.height)),
    where,
  ).toBeLessThanOrEqual(1);
  if (portrait) {
    expect(Math.abs(l.dialogue.top - l.stage.bottom), where).toBeLessThanOrEqual(1);
    expect(l.stage.width, where).toBeGreaterThanOrEqual(l.viewport.width - 1);
  } else {
    expect(Math.abs(l.dialogue.left - l.stage.right), where).toBeLessThanOrEqual(1);
    expect(l.stage.bottom, where).toBeGreaterThanOrEqual(l.viewport.height - 1);
  }
  expect(Math.abs(l.panel.top - l.dialogue.top), where).toBeLessThanOrEqual(1);
  // Faces: whole, inside the room's strip, and big enough to read an expression.
  const least = MIN_FACE[Math.min(5, l.faces.length)] ?? 0;
  for (const f of l.faces) {
    expect(inside(f.box, l.stage), `${where}: ${f.who}'s face in the room`).toBe(true);
    expect(f.box.height, `${where}: ${f.who}'s face height`).toBeGreaterThanOrEqual(least);
  }
  // Nothing had to be scrolled to get here.
  expect(l.scrolled, where).toEqual([0, 0, 0, 0, 0, 0]);
}

describe.skipIf(!BROWSER_AVAILABLE)('a phone that reads well (issue 20)', () => {
  let app: BrowserApp;
  useBrowserApp((a) => (app = a));
  /** The menu on a phone: a touch screen of this size. */
  const open = (viewport: { width: number; height: number }) => openMenu(app, { viewport, hasTouch: true });

  async function playToDebrief(viewport: { width: number; height: number }, title: string, file: string) {
    const slug = file;
    const choose = wordiest(file);
    const size = `${viewport.width}x${viewport.height}`;
    const { context, page, watch } = await open(viewport);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), size).toBeLessThanOrEqual(
      viewport.width,
    );
    if (title === CORE[0]!.title) {
      await page.screenshot({ path: screenshotPath(`phone-menu-${size}`) });
      expect(await axeSerious(page), `${size} menu`).toEqual([]);
    }

    await page.getByRole('article', { name: title }).getByRole('button', { name: 'Start' }).click();
    await page.getByRole('region', { name: 'What is said' }).waitFor();
    const seen = { decisions: 0, lines: 0, feedback: 0, faces: new Set<number>() };
    for (let guard = 0; guard < 300; guard++) {
      await settle(page);
      const l = await look(page);
      const where = `${title} ${size}, step ${guard}`;
      expectPhoneLayout(l, where);
      for (const f of l.faces) seen.faces.add(Math.round(f.box.height));
      if (l.phase === 'decision') {
        // A decision: the line whole above the options, and the first option whole, on screen.
        expect(l.lineBox && inside(l.lineBox, l.panel), `${where}: the line`).toBe(true);
        expect(l.first && inside(l.first, l.viewport) && inside(l.first, l.panel), `${where}: option 1`).toBe(
          true,
        );
        expect(inside(l.first!, l.firstClip!), `${where}: option 1 inside its list`).toBe(true);
        if (seen.decisions === 0) {
          await page.screenshot({ path: screenshotPath(`phone-decision-${slug}-${size}`) });
          expect(await axeSerious(page), `${where} decision`).toEqual([]);
        }
        seen.decisions++;
        await pressAndWait(page, choose());
        continue;
      }
      // A line or feedback: Continue (or, at the end, See how it went) whole on screen.
      expect(l.cont && inside(l.cont, l.viewport) && inside(l.cont, l.panel), `${where}: Continue`).toBe(
        true,
      );
      if (l.phase === 'end') break;
      if (l.phase === 'feedback') {
        if (seen.feedback === 0) {
          await page.screenshot({ path: screenshotPath(`phone-feedback-${slug}-${size}`) });
          expect(await axeSerious(page), `${where} feedback`).toEqual([]);
        }
        seen.feedback++;
      } else seen.lines++;
      await pressAndWait(page, 'Enter');
    }
    expect(seen.decisions, `${title} ${size}: decisions`).toBeGreaterThanOrEqual(5);
    expect(seen.feedback, `${title} ${size}: feedback`).toBeGreaterThanOrEqual(5);

    await page.getByRole('button', { name: 'See how it went' }).click();
    await page.getByRole('heading', { name: 'How you did' }).waitFor();
    await page.screenshot({ path: screenshotPath(`phone-debrief-${slug}-${size}`) });
    const felt = page.getByRole('heading', { name: 'How the conversation felt' });
    await felt.click();
    await felt.scrollIntoViewIfNeeded();
    // The size a label is drawn at on screen: its font size times the chart's scale.
    const labels = await page.evaluate(() => {
      const svg = document.querySelector<SVGSVGElement>('.mood-chart')!;
      const scale = svg.getScreenCTM()!.a;
      return [...svg.querySelectorAll('text')].map((t) => Number(t.getAttribute('font-size')) * scale);
    });
    expect(labels.length, size).toBeGreaterThan(2);
    expect(Math.min(...labels), `${size}: chart labels`).toBeGreaterThanOrEqual(12);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), size).toBeLessThanOrEqual(
      viewport.width,
    );
    await page.screenshot({ path: screenshotPath(`phone-debrief-chart-${slug}-${size}`) });
    expect(await axeSerious(page), `${size} debrief, chart open`).toEqual([]);
    expectClean(watch);
    await context.close();
    return seen;
  }

  // Each core scenario in one orientation, so both scenarios and both orientations are played
  // (all four pairs took 190 s of CI; the other two pairs were measured when the layout was made).
  for (const [i, { title, file }] of CORE.entries()) {
    for (const viewport of [[PORTRAIT, LANDSCAPE][i % 2]!]) {
      it(`${title} at ${viewport.width}x${viewport.height}, to the debrief`, async () => {
        const seen = await playToDebrief(viewport, title, file);
        // Someone was in the room to be measured.
        expect(seen.faces.size, title).toBeGreaterThan(0);
      }, 240_000);
    }
  }

  it('turning the phone mid-scene re-frames the room for the new strip', async () => {
    const { context, page, watch } = await open(PORTRAIT);
    await page.getByRole('article', { name: 'Sunday visit' }).getByRole('button', { name: 'Start' }).click();
    const list = page.getByRole('list', { name: 'What do you say?' });
    for (let i = 0; i < 30 && !(await list.isVisible().catch(() => false)); i++)
      await pressAndWait(page, 'Enter');
    for (const viewport of [LANDSCAPE, PORTRAIT]) {
      await page.setViewportSize(viewport);
      // The canvas follows its strip on the next resize check, then the camera re-frames.
      await expect
        .poll(async () => {
          const l = await look(page);
          return inside(l.stage, l.canvas) && l.faces.every((f) => inside(f.box, l.stage));
        })
        .toBe(true);
      await settle(page);
      expectPhoneLayout(await look(page), `turned to ${viewport.width}x${viewport.height}`);
    }
    expect(watch.errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('the menu held sideways (844x390): the first scenario’s title and its Start in view without scrolling, nothing sideways, axe', async () => {
    const { context, page, watch } = await open(LANDSCAPE);
    await settle(page);
    const seen = await page.evaluate(() => {
      const box = (el: Element) => {
        const r = el.getBoundingClientRect();
        return {
          top: r.top,
          bottom: r.bottom,
          left: r.left,
          right: r.right,
          width: r.width,
          height: r.height,
        };
      };
      const card = document.querySelector('#menu article')!;
      const start = [...card.querySelectorAll('button')].find((b) => b.textContent === 'Start')!;
      const s = box(start);
      // What a tap at Start's middle reaches: Start itself, nothing over it.
      const hit = document.elementFromPoint(s.left + s.width / 2, s.top + s.height / 2);
      return {
        title: box(card.querySelector('h3')!),
        start: s,
        startOnTop: !!hit && start.contains(hit),
        scrolled: [scrollX, scrollY, document.getElementById('menu')!.scrollTop],
        scrollWidth: document.documentElement.scrollWidth,
        menuScrollWidth: document.getElementById('menu')!.scrollWidth,
      };
    });
    expect(seen.scrolled).toEqual([0, 0, 0]);
    expect(inside(seen.title, LANDSCAPE, 0), `the first card's title at ${JSON.stringify(seen.title)}`).toBe(
      true,
    );
    expect(inside(seen.start, LANDSCAPE, 0), `its Start at ${JSON.stringify(seen.start)}`).toBe(true);
    expect(seen.startOnTop).toBe(true);
    expect(seen.scrollWidth).toBeLessThanOrEqual(LANDSCAPE.width);
    expect(seen.menuScrollWidth).toBeLessThanOrEqual(LANDSCAPE.width);
    await page.screenshot({ path: screenshotPath('phone-menu-844x390') });
    expect(await axeSerious(page), '844x390 menu').toEqual([]);
    expectClean(watch);
    await context.close();
  }, 60_000);

  it('the longest place name among the shipped scenarios is read whole in the portrait bar (390x844, 360x740)', async () => {
    const names = readdirSync('scenarios')
      .filter((f) => f.endsWith('.yaml'))
      .flatMap((f) =>
        Object.values(
          (parse(scenarioText(f)) as { locations?: Record<string, { name: string }> }).locations ?? {},
        ),
      )
      .map((l) => l.name);
    const longest = names.reduce((a, b) => (b.length > a.length ? b : a));
    // A small scenario of its own whose first room has that name.
    const text = fixtureText('gift.yaml')
      .replace('id: demo-gift', 'id: long-place')
      .replace("name: Residents' lounge", `name: ${JSON.stringify(longest)}`);
    expect(text).toContain(longest);
    for (const viewport of [PORTRAIT, { width: 360, height: 740 }]) {
      const size = `${viewport.width}x${viewport.height}`;
      const { context, page, watch } = await open(viewport);
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Choose a file…' }).click();
      await (
        await chooser
      ).setFiles({ name: 'long-place.yaml', mimeType: 'text/yaml', buffer: Buffer.from(text) });
      await page.getByRole('region', { name: 'What is said' }).waitFor();
      const where = page.getByRole('banner').getByText(longest, { exact: true });
      await where.waitFor();
      await settle(page);
      const m = await where.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return {
          scrollWidth: el.scrollWidth,
          clientWidth: el.clientWidth,
          scrollHeight: el.scrollHeight,
          clientHeight: el.clientHeight,
          lines: Math.round(r.height / parseFloat(getComputedStyle(el).lineHeight)),
          right: r.right,
        };
      });
      expect(m.scrollWidth, `${size}: ${JSON.stringify(m)}`).toBeLessThanOrEqual(m.clientWidth);
      expect(m.scrollHeight, `${size}: ${JSON.stringify(m)}`).toBeLessThanOrEqual(m.clientHeight);
      expect(m.lines, size).toBeLessThanOrEqual(2);
      expect(m.right, size).toBeLessThanOrEqual(viewport.width);
      // ...and the bar, with the name in it, is still never over the room.
      expectPhoneLayout(await look(page), `${size}, ${longest}`);
      await page.screenshot({ path: screenshotPath(`phone-long-place-${size}`) });
      expectClean(watch);
      await context.close();
    }
  }, 120_000);
});
