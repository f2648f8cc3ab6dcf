/**
 * The class's screen in presenter mode, measured as a trainer's projector needs it: nothing
 * scrolls, every option (and the feedback on show) is in view, the words are big enough for the
 * back of the room, and every face in the room is whole, below the bar and above the words.
 * Shared by projector.test.ts (every decision of every scenario) and classSession.test.ts (whole
 * class sessions of the core scenarios).
 */
import type { Page } from 'playwright-core';

interface Rect {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface Measured {
  /** What is wrong, in words; empty when all is well. */
  problems: string[];
  /** How much text is on show (characters). */
  text: number;
  /** The smallest body text on show (line, prompt, options, feedback), px. */
  smallest: number;
  faces: number;
  layout: string;
}

/**
 * Measure the class's screen at the decision on show: as it is, with the votes shown (V), and
 * with the votes and the feedback shown (O), every option's feedback on show in turn (focus on
 * the option shows it). All in one evaluation; the keys go through the view's own handler, so
 * each state is rendered and fitted before it is measured.
 */
export function measureDecision(page: Page): Promise<Record<'plain' | 'votes' | 'feedback', Measured>> {
  return page.evaluate(() => {
    const box = (el: Element | null): Rect | null => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    };
    const inView = (r: Rect | null) =>
      !!r && r.top >= -1 && r.left >= -1 && r.bottom <= innerHeight + 1 && r.right <= innerWidth + 1;
    const screen = document.querySelector<HTMLElement>('.conversation')!;
    const dialogue = screen.querySelector<HTMLElement>('.dialogue')!;
    const panel = screen.querySelector<HTMLElement>('.panel')!;
    const scrollers = [panel, dialogue, screen, document.documentElement, document.body];
    // The faces, from the room's own account (design px) and the canvas's place on the page.
    const canvas = document.querySelector<HTMLCanvasElement>('#stage canvas')!;
    const c = canvas.getBoundingClientRect();
    const data = JSON.parse(canvas.dataset.faces ?? '{"faces":[],"view":{"x":0,"y":0,"w":1,"h":1}}') as {
      view: { x: number; y: number; w: number; h: number };
      faces: { who: string; x: number; y: number; w: number; h: number }[];
    };
    const k = c.width / data.view.w;
    const faces = data.faces.map((f) => ({
      who: f.who,
      top: c.top + (f.y - data.view.y) * k,
      bottom: c.top + (f.y + f.h - data.view.y) * k,
      left: c.left + (f.x - data.view.x) * k,
      right: c.left + (f.x + f.w - data.view.x) * k,
    }));
    const bar = box(screen.querySelector('.topbar'))!;
    const stage = box(document.getElementById('stage'))!;
    const sizes = (selector: string) =>
      [...screen.querySelectorAll(selector)]
        .filter((e) => getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0)
        .map((e) => parseFloat(getComputedStyle(e).fontSize));
    const check = (): string[] => {
      const problems = scrollers
        .filter((e) => e.scrollHeight > e.clientHeight + 1)
        .map((e) => `${e.className || e.tagName} scrolls (${e.scrollHeight} > ${e.clientHeight})`);
      screen.querySelectorAll('.choices > li').forEach((li, i) => {
        if (!inView(box(li.querySelector('.choice')))) problems.push(`option ${i + 1} is off the screen`);
        const why = li.querySelector('.why');
        if (why && getComputedStyle(why).display !== 'none' && !inView(box(why)))
          problems.push(`option ${i + 1}'s feedback is off the screen`);
      });
      const words = box(dialogue)!;
      for (const f of faces) {
        if (f.bottom > words.top + 1) problems.push(`${f.who}'s face is under the words`);
        if (f.top < bar.bottom - 1) problems.push(`${f.who}'s face is under the bar`);
        if (f.top < stage.top - 1 || f.bottom > stage.bottom + 1 || f.left < -1 || f.right > innerWidth + 1)
          problems.push(`${f.who}'s face is cut off`);
      }
      return problems;
    };
    const measured = (problems: string[]): Measured => ({
      problems,
      text: panel.innerText.length,
      smallest: Math.min(
        ...sizes('.line-text'),
        ...sizes('.discuss'),
        ...sizes('.choice-text'),
        ...sizes('.why p'),
      ),
      faces: faces.length,
      layout: `${screen.dataset.fit} · ${screen.querySelector<HTMLElement>('.choices')?.dataset.cols} column(s) · ${panel.style.getPropertyValue('--fit')}×`,
    });
    const press = (key: string) =>
      document.body.dispatchEvent(
        new KeyboardEvent('keydown', {
          key,
          code: `Key${key.toUpperCase()}`,
          bubbles: true,
          cancelable: true,
        }),
      );

    const plain = measured(check());
    press('v');
    const votes = measured(screen.querySelector('.choices .votes') ? check() : ['the votes did not show']);
    press('o');
    const problems: string[] = screen.querySelector('.choices[data-revealed]')
      ? []
      : ['the feedback did not show'];
    for (const option of screen.querySelectorAll<HTMLElement>('.choices > li > .choice')) {
      option.focus();
      const visible = [...screen.querySelectorAll('.why')].filter(
        (w) => getComputedStyle(w).display !== 'none',
      );
      if (visible.length !== 1 || !visible[0]!.closest('li')!.contains(option))
        problems.push(`focus on ${option.dataset.choice} did not show its feedback alone`);
      problems.push(...check().map((p) => `with ${option.dataset.choice}'s feedback: ${p}`));
    }
    const feedback = measured(problems);
    // Left as it is, option 1's feedback on show: the next choice for the class hides it all.
    screen.querySelector<HTMLElement>('.choices .choice')?.focus();
    screen.querySelector<HTMLElement>('.choices')?.focus();
    return { plain, votes, feedback };
  });
}

/** Presenter mode on, and the room's sound off (it only costs a slow machine time here). */
export function presenterMode() {
  localStorage.setItem('careplay:presenter', 'on');
  localStorage.setItem('careplay:settings', JSON.stringify({ version: 1, muted: true }));
}
