/**
 * Captions for sound, in the conversation's captions slot: the room tone for as long as it plays
 * ("[a clock ticks]"), and each cue for a few seconds after it starts. It shows only what the
 * sound bank reports as playing, and only while captions are switched on.
 */
import type { CaptionEvent } from './SoundBank';

export const CAPTION_HOLD_MS = 3500;

export class CaptionBoard {
  private room: string | null = null;
  private cues: { text: string; until: number }[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly element: HTMLElement,
    private readonly enabled: () => boolean,
    private readonly holdMs = CAPTION_HOLD_MS,
  ) {}

  show(e: CaptionEvent): void {
    if (e.channel === 'room') this.room = e.text;
    else this.cues.push({ text: e.text, until: Date.now() + this.holdMs });
    this.render();
  }

  /** Forget the cues on show (sound was muted: they are no longer playing). */
  clearCues(): void {
    this.cues = [];
    this.render();
  }

  clear(): void {
    this.room = null;
    this.cues = [];
    this.render();
  }

  render(): void {
    const now = Date.now();
    this.cues = this.cues.filter((c) => c.until > now);
    const lines = this.enabled() ? [this.room, ...this.cues.map((c) => c.text)].filter(Boolean) : [];
    // Left truly empty when there is nothing, so the slot's ":empty" style hides it.
    this.element.replaceChildren(
      ...lines.map((text) => {
        const line = document.createElement('span');
        line.className = 'caption';
        line.style.display = 'block';
        line.textContent = text;
        return line;
      }),
    );
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.cues.length) {
      const next = Math.min(...this.cues.map((c) => c.until)) - now;
      this.timer = setTimeout(() => this.render(), Math.max(50, next));
    }
  }

  destroy(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.element.replaceChildren();
  }
}
