/** Playing a shipped scenario in the browser by keyboard, for the player and library tests. */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { parseTranscript } from '../../src/engine/goldenTranscript';
import { DIMENSIONS } from '../../src/engine/model';
import { Session, type SessionResult } from '../../src/engine/Session';
import { plainText } from '../../src/ui/richText';
import { load, scenarioText } from '../helpers/fixtures';
import { pressAndWait, screenshotPath } from './browser';

export const SIZES = {
  projector: { width: 1024, height: 768 },
  hd: { width: 1920, height: 1080 },
  phone: { width: 390, height: 844 },
} as const;

export function pathTexts(id: string, choiceIds: string[]): string[] {
  const scenario = load(scenarioText(`${id}.yaml`)).scenario!;
  const byId = new Map(
    Object.values(scenario.nodes).flatMap((n) => (n.choices ?? []).map((c) => [c.id, c.text] as const)),
  );
  return choiceIds.map((c) => plainText(byId.get(c)!));
}

/** The bands and assessments the engine gives a path, to check the debrief shows them. */
export function resultOf(id: string, choiceIds: string[]) {
  const session = new Session(load(scenarioText(`${id}.yaml`)).scenario!);
  for (const c of choiceIds) session.choose(c);
  return session.result()!;
}

/** Each band card says its band and percentage, its reason, and its sentence of arithmetic. */
export async function expectBandCards(page: Page, result: SessionResult) {
  const cards = page.getByRole('region', { name: 'How you did' });
  const text = await cards.innerText();
  for (const d of DIMENSIONS) {
    const r = result.card[d];
    expect(text).toContain(
      r.band ? `${r.band}${r.percent === null ? '' : ` · ${r.percent}%`}` : 'Not tested',
    );
    if (r.percent !== null) expect(text).toContain(`which is ${r.percent}%`);
    if (r.cap) expect(text).toContain(`Capped at ${r.cap.band}`);
  }
  expect(text).toMatch(/How it adds up: /);
  const said = page.getByRole('list', { name: 'What this ending says about your path' });
  if (result.assessments.length) {
    expect(await said.getByRole('listitem').count()).toBe(result.assessments.length);
    for (const a of result.assessments)
      expect(await said.innerText()).toMatch(
        { well: /Went well/, badly: /Went badly/, note: /Note/ }[a.went],
      );
  } else expect(await said.count()).toBe(0);
}

export function bestPath(id: string): string[] {
  return load(scenarioText(`${id}.yaml`)).analysis!.bestPath.map((s) => s.choice);
}

export function transcriptPath(file: string): string[] {
  return parseTranscript(readFileSync(`tests/transcripts/${file}`, 'utf8')).selects;
}

export async function axeSerious(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * Play with the keyboard only: Enter to read on, a number key to choose. Options are found by
 * role (the list "What do you say?" and its buttons), never by CSS.
 */
export async function playByKeyboard(
  page: Page,
  texts: string[],
  screenshotAt?: { decision: number; name: string },
) {
  let next = 0;
  for (let guard = 0; guard < 400; guard++) {
    if (await page.getByRole('heading', { name: 'How you did' }).count()) break;
    const list = page.getByRole('list', { name: 'What do you say?' });
    if (await list.isVisible().catch(() => false)) {
      const names = await list.getByRole('button').allInnerTexts();
      const want = texts[next];
      expect(want, 'the path ran out before an ending').toBeDefined();
      const index = names.findIndex(
        (n) =>
          n
            .replace(/^\d+\s*/, '')
            .replace(/\s+/g, ' ')
            .trim() === want,
      );
      expect(index, `option not offered: ${want}\noffered:\n${names.join('\n')}`).toBeGreaterThanOrEqual(0);
      if (screenshotAt && next === screenshotAt.decision) {
        await page.screenshot({ path: screenshotPath(screenshotAt.name) });
      }
      await page.keyboard.press(String(index + 1));
      next++;
      continue;
    }
    await pressAndWait(page, 'Enter');
  }
  await page.getByRole('heading', { name: 'How you did' }).waitFor({ timeout: 10_000 });
  expect(next).toBe(texts.length);
}
