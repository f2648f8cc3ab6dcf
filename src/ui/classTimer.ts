/**
 * The discussion timer as the class and the trainer see it: minutes and seconds counting up,
 * silent. The count is kept by the group session (its clock, its start and stop); this only
 * shows it, ticking once a second while it runs, and stops ticking once its element has left
 * the page (a re-render replaces it).
 */
import { minutesAndSeconds } from '../engine/ClassSession';

/** The timer at one decision: time counted while stopped, and since when it runs. */
export interface TimerShown {
  ms: number;
  since: number | null;
}

export const timerText = (t: TimerShown, now = Date.now()): string =>
  minutesAndSeconds(t.ms + (t.since === null ? 0 : Math.max(0, now - t.since)));

const ticking = new WeakMap<HTMLElement, number>();

/** Show a timer in an element, and keep it counting while it runs. */
export function showTimer(el: HTMLElement, t: TimerShown): void {
  const previous = ticking.get(el);
  if (previous !== undefined) window.clearInterval(previous);
  ticking.delete(el);
  el.textContent = timerText(t);
  el.dataset.running = String(t.since !== null);
  if (t.since === null) return;
  const id = window.setInterval(() => {
    if (!el.isConnected) {
      window.clearInterval(id);
      ticking.delete(el);
      return;
    }
    el.textContent = timerText(t);
  }, 1000);
  ticking.set(el, id);
}
