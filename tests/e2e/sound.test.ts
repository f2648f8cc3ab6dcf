/**
 * Sound in real Chromium: nothing loads at the menu; the room tone, cues and closing chord play
 * and are captioned as they play; M and the on-screen button mute, and it is remembered; no mood
 * cues in assessment mode; read aloud speaks each line; and where audio is blocked, missing or
 * slow the conversation goes on with no console error and no caption for a sound that did not
 * play.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/ui/richText';
import { load, scenarioText } from '../helpers/fixtures';
import {
  BROWSER_AVAILABLE,
  CHROME_PATH,
  LAUNCH_ARGS,
  pressAndWait,
  watchPage,
  useBrowserApp,
} from './browser';

const GIFT = 'A thank-you at the end of the shift';
const BEST = ['decline-kindly', 'no-and-edna', 'name-and-ask', 'declare-both', 'pass-on'];
// Curt, then repaired, to the good ending: Arthur's face changes on the way.
const MOODY = ['decline-flat', 'repair', 'no-and-edna', 'name-and-ask', 'declare-both', 'pass-on'];

function texts(choiceIds: string[]): string[] {
  const scenario = load(scenarioText('demo-gift.yaml')).scenario!;
  const byId = new Map(
    Object.values(scenario.nodes).flatMap((n) => (n.choices ?? []).map((c) => [c.id, c.text] as const)),
  );
  return choiceIds.map((c) => plainText(byId.get(c)!));
}

/** Every caption line that appears, recorded as it is added (cues only show for a few seconds). */
const RECORD_CAPTIONS = () => {
  const seen: string[] = [];
  (window as unknown as { __captions: string[] }).__captions = seen;
  new MutationObserver((records) => {
    for (const r of records)
      for (const node of r.addedNodes)
        if (node instanceof HTMLElement && node.classList.contains('caption'))
          seen.push(node.textContent ?? '');
  }).observe(document, { childList: true, subtree: true });
};

async function captionsSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => [...new Set((window as unknown as { __captions: string[] }).__captions)]);
}

/** File names of the sounds Howler is playing now. */
async function playing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const howler = (window as unknown as { Howler?: { _howls: { playing(): boolean; _src: string }[] } })
      .Howler;
    return (howler?._howls ?? [])
      .filter((h) => h.playing())
      .map((h) =>
        h._src.startsWith('data:')
          ? 'data'
          : h._src
              .split('/')
              .pop()!
              .replace(/-[^-]+\.mp3$/, ''),
      );
  });
}

/** Read on with Enter and choose by number, down a path of option texts, to the ending. */
async function playPath(page: Page, want: string[]) {
  let next = 0;
  for (let guard = 0; guard < 200; guard++) {
    if (await page.getByRole('button', { name: 'See how it went' }).count()) break;
    const list = page.getByRole('list', { name: 'What do you say?' });
    if (await list.isVisible().catch(() => false)) {
      const names = await list.getByRole('button').allInnerTexts();
      const index = names.findIndex(
        (n) =>
          n
            .replace(/^\d+\s*/, '')
            .replace(/\s+/g, ' ')
            .trim() === want[next],
      );
      expect(index, `not offered: ${want[next]}`).toBeGreaterThanOrEqual(0);
      await page.keyboard.press(String(index + 1));
      next++;
      continue;
    }
    await pressAndWait(page, 'Enter');
  }
  await page.getByRole('button', { name: 'See how it went' }).waitFor();
  expect(next).toBe(want.length);
}

describe.skipIf(!BROWSER_AVAILABLE)('sound in Chromium', () => {
  let browser: Browser;
  let url: string;
  let origin: string;

  useBrowserApp((app) => ({ browser, url, origin } = app));

  async function open(options: { settings?: object; init?: () => void; on?: Browser } = {}): Promise<{
    context: BrowserContext;
    page: Page;
    watch: ReturnType<typeof watchPage>;
    requests: string[];
  }> {
    const context = await (options.on ?? browser).newContext({
      viewport: { width: 1024, height: 768 },
      reducedMotion: 'reduce',
    });
    await context.addInitScript(RECORD_CAPTIONS);
    if (options.settings) {
      await context.addInitScript((s) => {
        // Only on the first visit: a reload must find what the app itself saved.
        if (!localStorage.getItem('careplay:settings'))
          localStorage.setItem('careplay:settings', JSON.stringify({ version: 1, ...s }));
      }, options.settings);
    }
    if (options.init) await context.addInitScript(options.init);
    const page = await context.newPage();
    const watch = watchPage(page, origin);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(url);
    await page.getByRole('heading', { name: 'CarePlay', level: 1 }).waitFor({ timeout: 20_000 });
    return { context, page, watch, requests };
  }

  const start = async (page: Page) => {
    await page.getByRole('article', { name: GIFT }).getByRole('button', { name: 'Start' }).click();
    await page.getByRole('region', { name: 'What is said' }).waitFor();
  };

  const clean = (watch: ReturnType<typeof watchPage>) => {
    expect(watch.errors).toEqual([]);
    expect(watch.failedRequests).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  };

  const soundRequests = (requests: string[]) => requests.filter((r) => /\.mp3|loadSoundBank/.test(r));

  it('nothing loads at the menu; then room tone, cues and a closing chord, each captioned as it plays', async () => {
    const { context, page, watch, requests } = await open();
    await page.waitForLoadState('networkidle');
    expect(soundRequests(requests), 'sound loaded at the menu').toEqual([]);

    // Captions on, through the settings dialog.
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('checkbox', { name: 'Show sounds as captions' }).check();
    await page.keyboard.press('Escape');

    await start(page);
    await page.getByText('[a clock ticks]').waitFor();
    expect(await playing(page)).toEqual(['room-lounge']);
    expect(soundRequests(requests).length).toBeGreaterThan(0);
    // Only this scenario's rooms are fetched.
    expect(requests.some((r) => r.includes('room-garden'))).toBe(false);

    await playPath(page, texts(BEST));
    // The closing chord is the last thing to play.
    await expect.poll(() => captionsSeen(page), { timeout: 5000 }).toContain('[a warm closing chord]');
    const seen = await captionsSeen(page);
    for (const caption of [
      '[a clock ticks]',
      '[a soft click]',
      '[a door closes]',
      '[a computer fan whirs]',
    ]) {
      expect(seen, caption).toContain(caption);
    }
    await expect.poll(() => playing(page), { timeout: 10_000 }).toContain('room-office');
    // Leaving the conversation fades the room out.
    await page.getByRole('button', { name: 'See how it went' }).click();
    await page.getByRole('heading', { name: 'How you did' }).waitFor();
    // The closing chord may still ring; the room tone fades and goes.
    await expect
      .poll(async () => (await playing(page)).filter((s) => s.startsWith('room-')), { timeout: 5000 })
      .toEqual([]);
    clean(watch);
    await context.close();
  }, 60_000);

  it('M and the Mute button silence everything, and it is remembered', async () => {
    const { context, page, watch, requests } = await open({ settings: { captions: true } });
    await start(page);
    const captions = page.getByText('[a clock ticks]');
    await captions.waitFor();

    await page.keyboard.press('m');
    await page.getByRole('button', { name: 'Unmute', exact: true }).waitFor();
    await captions.waitFor({ state: 'detached' });
    await expect.poll(() => playing(page), { timeout: 5000 }).toEqual([]);
    await page.waitForLoadState('networkidle');

    await page.reload();
    await page.getByRole('heading', { name: 'CarePlay', level: 1 }).waitFor({ timeout: 20_000 });
    const before = requests.length;
    await start(page);
    await page.getByRole('button', { name: 'Unmute', exact: true }).waitFor();
    await pressAndWait(page, 'Enter');
    await page.waitForLoadState('networkidle');
    // Muted from the start: the sound files are not even fetched.
    expect(soundRequests(requests.slice(before))).toEqual([]);
    expect(await page.locator('.captions .caption').count()).toBe(0);

    await page.getByRole('button', { name: 'Unmute', exact: true }).click();
    await page.getByRole('button', { name: 'Mute', exact: true }).waitFor();
    await page.getByText('[a clock ticks]').waitFor();
    expect(await playing(page)).toEqual(['room-lounge']);
    await page.waitForLoadState('networkidle');
    clean(watch);
    await context.close();
  }, 60_000);

  it('mood cues in practice mode, none at all in assessment mode; the click is the same for every choice', async () => {
    for (const mode of ['practice', 'assessment'] as const) {
      const { context, page, watch } = await open({ settings: { captions: true, mode } });
      await start(page);
      await playPath(page, texts(MOODY));
      await expect.poll(() => captionsSeen(page), { timeout: 5000 }).toContain('[a warm closing chord]');
      const seen = await captionsSeen(page);
      const moods = seen.filter((c) => c.includes('mood'));
      if (mode === 'practice') expect(moods).toEqual(['[a soft tone: Arthur Bennett’s mood shifts]']);
      else expect(moods).toEqual([]);
      // The same click for every choice, whether it was good or poor: one caption, not one per kind.
      expect(seen.filter((c) => c.includes('click'))).toEqual(['[a soft click]']);
      expect(seen).toContain('[a door closes]');
      await page.waitForLoadState('networkidle');
      clean(watch);
      await context.close();
    }
  }, 60_000);

  it('read aloud speaks each line, in its own voice where there are several', async () => {
    const { context, page, watch } = await open({
      init: () => {
        const spoken: { text: string; pitch: number }[] = [];
        (window as unknown as { __spoken: typeof spoken }).__spoken = spoken;
        const synth = window.speechSynthesis;
        if (synth) {
          synth.speak = (u: SpeechSynthesisUtterance) => void spoken.push({ text: u.text, pitch: u.pitch });
          synth.cancel = () => {};
        }
      },
    });
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('checkbox', { name: 'Read lines aloud' }).check();
    await page.keyboard.press('Escape');
    await start(page);
    await page.keyboard.press('Enter');
    const spokenTexts = () =>
      page.evaluate(() =>
        (window as unknown as { __spoken: { text: string; pitch: number }[] }).__spoken.map((s) => s.text),
      );
    await expect.poll(() => spokenTexts().then((t) => t.length)).toBeGreaterThanOrEqual(2);
    const spoken = await page.evaluate(
      () => (window as unknown as { __spoken: { text: string; pitch: number }[] }).__spoken,
    );
    expect(spoken.map((s) => s.text)).toEqual([
      'You have just helped Arthur back to his chair after supper.',
      "You've been ever so good to me this week, love. Here — take this, buy yourself something nice. Go on. Nobody needs to know.",
    ]);
    expect(spoken[1]!.pitch).not.toBe(spoken[0]!.pitch);
    await page.waitForLoadState('networkidle');
    clean(watch);
    await context.close();
  }, 60_000);

  it('no audio at all, or audio that never unlocks: the conversation goes on, silent and uncaptioned', async () => {
    const noAudio = () => {
      const w = window as unknown as Record<string, unknown>;
      delete w.AudioContext;
      delete w.webkitAudioContext;
      HTMLMediaElement.prototype.canPlayType = () => '';
    };
    const neverUnlocks = () => {
      const Real = window.AudioContext;
      class Locked extends Real {
        override get state(): AudioContextState {
          return 'suspended';
        }
        override resume(): Promise<void> {
          return new Promise(() => {});
        }
      }
      window.AudioContext = Locked;
    };
    for (const init of [noAudio, neverUnlocks]) {
      const { context, page, watch } = await open({ settings: { captions: true }, init });
      await start(page);
      // Nothing waits for sound that will never come: a wait would hang here (the test's limit).
      await playPath(page, texts(BEST));
      expect(await captionsSeen(page)).toEqual([]);
      await page.waitForLoadState('networkidle');
      expect(watch.errors, init.name).toEqual([]);
      expect(watch.foreignRequests).toEqual([]);
      await context.close();
    }
  }, 60_000);

  it('slow sound files hold nothing up; the room tone joins when it arrives', async () => {
    const { context, page, watch } = await open({ settings: { captions: true } });
    // Every sound file is held back until the conversation has reached its first choices: if
    // anything waited for a sound, the choices would never come while the files are held.
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let held = 0;
    await page.route('**/*.mp3', async (route) => {
      held++;
      await released;
      await route.continue();
    });
    await start(page);
    for (let i = 0; i < 3; i++) await page.keyboard.press('Enter');
    await page.getByRole('list', { name: 'What do you say?' }).waitFor();
    // The sound is asked for (its loading starts with the first key, so perhaps only now), and
    // still not one file has arrived.
    await expect.poll(() => held).toBeGreaterThan(0);
    release();
    await page.getByText('[a clock ticks]').waitFor({ timeout: 10_000 });
    await page.waitForLoadState('networkidle');
    clean(watch);
    await context.close();
  }, 60_000);

  it('with Chromium’s own autoplay rules, pressing Start is the gesture that lets sound play', async () => {
    const strict = await chromium.launch({
      executablePath: CHROME_PATH,
      headless: true,
      args: LAUNCH_ARGS.filter((a) => !a.startsWith('--autoplay-policy')),
    });
    try {
      const { page, watch } = await open({ settings: { captions: true }, on: strict });
      const title = page.getByRole('article', { name: GIFT }).getByRole('button', { name: 'Start' });
      await title.focus();
      await page.keyboard.press('Enter');
      await page.getByText('[a clock ticks]').waitFor();
      expect(
        await page.evaluate(() => (window as unknown as { Howler: { ctx: AudioContext } }).Howler.ctx.state),
      ).toBe('running');
      await page.waitForLoadState('networkidle');
      clean(watch);
    } finally {
      await strict.close();
    }
  }, 60_000);
});
