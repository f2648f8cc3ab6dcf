/**
 * The words and controls of a conversation: the current line (with a typewriter that a key or
 * click completes), the choices as large numbered buttons, a practice-mode feedback note, and the
 * top bar. A presenter: it draws the runner's ConversationModel and sends the runner commands;
 * the runner hears the keys (src/runner/ConversationRunner.ts). The live region gets each whole
 * line once.
 */
import type { App } from '../app/App';
import type { RevealedOption } from '../engine/Session';
import { DIMENSIONS } from '../engine/model';
import { openDialog, openSettings, supportList } from './dialogs';
import { showTimer } from './classTimer';
import {
  feedbackTone,
  type AudienceClassInfo,
  type ConversationModel,
  type FeedbackModel,
  type FeedbackTone,
  type PlayerCommand,
  type Presenter,
} from './conversationModel';
import { openKeymap } from './keymap';
import { mediumLabel, mediumLead, type WrittenMedium } from './lineMedium';
import { announce, clear, h } from './dom';
import { plainText, richText, type GlossaryEntry } from './richText';

export { feedbackTone, type AudienceClassInfo, type FeedbackTone };

const CHARS_PER_SECOND = 55;

/** The same media query as the PROJECTOR LAYOUT block of styles.css. */
export const PROJECTOR_QUERY = '(orientation: landscape) and (min-height: 561px)';

/** Text sizes a projector's words are tried at, as a multiple of the smallest, largest first. */
const FIT_SIZES = [1.3, 1.2, 1.1, 1];

interface Layout {
  /** The words' size, as a multiple of the smallest (24 px at 768 high). */
  size: number;
  /**
   * How close the words are: 0, at ease; 1, lines closer, less room round each option and the
   * speaker's name run into the line; 2, closer still.
   */
  tight: number;
  /** The options in one column or two. */
  cols: number;
  /**
   * After a reveal, how far the words give way to the feedback on show: 1, the options not on
   * show keep to one line each; 2, and the line just said (read and discussed already) goes;
   * 3, and the prompt to discuss goes.
   */
  fold: number;
}

const TIGHT = ['easy', 'tight', 'tight tighter'];
const FOLDS = ['fold', 'no-line', 'no-prompt'];

/** An option's score effect in words: "empathy +2, escalation −4 unsafe", or that there is none. */
function scoreWords(option: RevealedOption): string {
  const moves = DIMENSIONS.filter((d) => option.score[d] !== 0 || option.unsafe.includes(d))
    .map((d) => {
      const n = option.score[d];
      const unsafe = option.unsafe.includes(d) ? ' unsafe' : '';
      return n === 0 ? `${d}${unsafe}` : `${d} ${n > 0 ? '+' : '−'}${Math.abs(n)}${unsafe}`;
    })
    .join(', ');
  return moves || 'no score change';
}

export class ConversationView implements Presenter {
  readonly element: HTMLElement;
  private readonly lineBox: HTMLElement;
  private readonly below: HTMLElement;
  private readonly panel: HTMLElement;
  private readonly heading: HTMLElement;
  private readonly whereLabel: HTMLElement;
  /** Slots for add-ons (sound controls, captions): see src/ui/addon.ts. */
  readonly slots = {
    controls: h('div', { class: 'addon-controls' }),
    captions: h('div', { class: 'captions' }),
  };
  private typing: { full: string; shown: number; raf: number; started: number } | null = null;
  /** The model last shown, and what of it was last drawn in full (all but the place and the selection). */
  private model: ConversationModel | null = null;
  private drawn = '';
  private lastLineKey = '';
  /** The last layout fitted, and for what. */
  private fitted: { key: string; layout: Layout } | null = null;
  private readonly offFit: () => void = () => {};

  constructor(
    private readonly app: App,
    /** To the runner: every command a click or a focus here makes. True when it was acted on. */
    private readonly send: (command: PlayerCommand) => boolean,
    /** Presenter mode: the class's screen, fitted to a projector. */
    private readonly classroom = false,
  ) {
    this.heading = h('h1', {});
    this.whereLabel = h('span', { class: 'where' });
    this.lineBox = h('section', { class: 'line-box', 'aria-label': 'What is said' });
    this.below = h('div', {});
    this.panel = h('div', { class: 'panel' }, this.lineBox, this.below);
    this.lineBox.addEventListener('click', (e) => {
      if ((e.target as HTMLElement).closest('button')) return;
      this.completeTyping();
    });
    this.element = h(
      'div',
      { class: 'screen conversation' },
      h(
        'header',
        { class: 'topbar' },
        h('div', {}, this.heading, this.whereLabel),
        h(
          'div',
          { class: 'controls' },
          this.slots.controls,
          h(
            'button',
            { type: 'button', class: 'button small secondary', onclick: () => this.send({ type: 'pause' }) },
            'Pause',
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'button small secondary',
              onclick: () => this.send({ type: 'settings' }),
            },
            'Settings',
          ),
        ),
      ),
      h('main', { class: 'dialogue', id: 'dialogue' }, this.slots.captions, this.panel),
    );
    if (classroom) {
      // Focus on an option (Tab, ↑ ↓, a screen reader's cursor) shows its feedback, once revealed.
      this.below.addEventListener('focusin', (e) => {
        const choice = (e.target as HTMLElement).closest<HTMLElement>('.choices[data-revealed] .choice');
        if (choice?.dataset.choice) this.send({ type: 'selectOption', choice: choice.dataset.choice });
      });
      // The words fit the projector again when their space changes (a resize, a banner).
      let frame = 0;
      const observer = new ResizeObserver(() => {
        cancelAnimationFrame(frame);
        frame = requestAnimationFrame(() => this.fitToScreen());
      });
      observer.observe(this.panel);
      this.offFit = () => {
        cancelAnimationFrame(frame);
        observer.disconnect();
      };
    }
  }

  /**
   * Draw a model. The place's name and, after a reveal, whose feedback is on show change in
   * place; anything else redraws the words and controls, as every change to the Session did.
   */
  show(model: ConversationModel): void {
    const previous = this.model;
    this.model = model;
    this.heading.textContent = model.about.title;
    // The place's name follows the room, which moves when its walk-in ends.
    this.whereLabel.textContent = model.where;
    // What the words and controls are drawn from (a model may carry more, for other presenters).
    const drawn = JSON.stringify([
      model.phase,
      model.lineKey,
      model.line,
      model.roleNote,
      model.choices,
      model.prompt,
      model.revealed?.options ?? null,
      model.feedback,
      model.audience,
    ]);
    if (previous && drawn === this.drawn) {
      if (model.revealed && model.revealed.selected !== previous.revealed?.selected)
        this.select(model.revealed.selected);
      return;
    }
    this.drawn = drawn;
    this.render(model, previous);
  }

  private render(model: ConversationModel, previous: ConversationModel | null) {
    if (model.audience) this.renderClassInfo(model.audience);
    document.title = `${model.about.title} – CarePlay`;

    if (model.feedback) {
      this.renderFeedback(model.feedback);
      return;
    }
    if (previous?.feedback) {
      // Read: the words come back to the conversation, its line shown afresh.
      this.lineBox.classList.remove('feedback');
      this.lineBox.removeAttribute('data-tone');
      this.lastLineKey = '';
    }
    if (model.lineKey !== this.lastLineKey) {
      this.lastLineKey = model.lineKey;
      this.showLine(model);
    }
    this.renderBelow(model);
  }

  /**
   * Commands this view answers itself: a line still typing out shows in full on "go on" (and
   * takes no choice until it has), the arrow keys move between options, and the dialogs open.
   */
  intercept(command: PlayerCommand): boolean {
    switch (command.type) {
      case 'goOn':
        return this.completeTyping();
      case 'choose':
        return this.typing !== null;
      case 'focusOption':
        return this.focusOption(command.by);
      case 'pause':
        this.pause();
        return true;
      case 'keys':
        openKeymap(this.app);
        return true;
      case 'glossary':
        this.openGlossary();
        return true;
      case 'settings':
        openSettings(this.app);
        return true;
      default:
        return false;
    }
  }

  dispose(): void {
    this.offFit();
    if (this.typing) cancelAnimationFrame(this.typing.raf);
  }

  /* ---------- lines ---------- */

  private showLine(model: ConversationModel) {
    clear(this.lineBox);
    this.lineBox.removeAttribute('data-medium');
    const line = model.line;
    if (!line) return;
    // Who the learner is in this story, said before the first words.
    if (model.roleNote) {
      this.lineBox.appendChild(
        h('p', { class: 'role-note' }, h('strong', {}, 'Your role: '), plainText(model.roleNote)),
      );
    }
    const member = line.member;
    const narration = !member;
    const medium = line.medium ?? 'speech';
    const text = h('p', { class: `line-text${narration && medium === 'speech' ? ' narration' : ''}` });
    const plain = plainText(line.text);
    if (medium === 'speech') {
      if (member) {
        this.lineBox.appendChild(
          h('p', { class: 'speaker' }, member.name, h('span', { class: 'role' }, ` · ${member.role}`)),
        );
      }
      this.lineBox.appendChild(text);
      announce(member ? `${member.name}: ${plain}` : plain);
    } else {
      // Words not said in the room: shown as what they are (a message, a call, a letter), and
      // the label is real text, read out with the line.
      const label = mediumLabel(medium, member?.name ?? line.speakerName);
      this.lineBox.dataset.medium = medium;
      this.lineBox.appendChild(
        h(
          'div',
          { class: `medium medium-${medium}` },
          h(
            'p',
            { class: 'medium-label' },
            mediumIcon(medium),
            h('span', {}, label),
            member ? h('span', { class: 'role' }, ` · ${member.role}`) : null,
          ),
          text,
        ),
      );
      announce(`${mediumLead(medium, member?.name ?? line.speakerName)}: ${plain}`);
    }
    if (this.typing) cancelAnimationFrame(this.typing.raf);
    this.typing = null;
    if (this.app.reducedMotion()) {
      this.finishText(text, line.text);
      return;
    }
    // The typing copy is hidden from screen readers: the live region already has the line.
    text.setAttribute('aria-hidden', 'true');
    const typing = { full: line.text, shown: 0, raf: 0, started: performance.now() };
    this.typing = typing;
    const step = (now: number) => {
      if (this.typing !== typing) return;
      const visible = plainText(typing.full);
      typing.shown = Math.min(visible.length, Math.floor(((now - typing.started) / 1000) * CHARS_PER_SECOND));
      text.textContent = visible.slice(0, typing.shown);
      if (typing.shown >= visible.length) {
        this.completeTyping();
        return;
      }
      typing.raf = requestAnimationFrame(step);
    };
    typing.raf = requestAnimationFrame(step);
  }

  private finishText(el: HTMLElement, full: string) {
    clear(el);
    el.removeAttribute('aria-hidden');
    el.appendChild(
      richText(full, this.model!.about.glossary, (entry, button) => this.openTerm(entry, button)),
    );
  }

  /** Show the whole line now. Returns true if there was typing to complete. */
  private completeTyping(): boolean {
    if (!this.typing) return false;
    const typing = this.typing;
    cancelAnimationFrame(typing.raf);
    this.typing = null;
    const el = this.lineBox.querySelector<HTMLElement>('.line-text');
    if (el) this.finishText(el, typing.full);
    this.renderBelow(this.model!);
    return true;
  }

  /* ---------- what comes after a line ---------- */

  private renderBelow(model: ConversationModel) {
    const hadFocus = this.below.contains(document.activeElement);
    clear(this.below);
    if (this.typing) {
      // While a line types out, the only control is to show it all (Enter, Space or a click).
      this.below.appendChild(
        h(
          'div',
          { class: 'line-actions' },
          h('button', { type: 'button', class: 'button', onclick: () => this.completeTyping() }, 'Show all'),
        ),
      );
      if (hadFocus) this.below.querySelector('button')?.focus();
      else this.focusFirstControl();
      return;
    }
    if (model.phase === 'line') {
      this.below.appendChild(
        h(
          'div',
          { class: 'line-actions' },
          h(
            'button',
            { type: 'button', class: 'button', onclick: () => this.send({ type: 'goOn' }) },
            'Continue',
          ),
        ),
      );
    } else if (model.phase === 'choosing') {
      const info = model.audience;
      // In a classroom, the group sees the question it is to discuss.
      if (model.prompt)
        this.below.appendChild(h('p', { class: 'discuss' }, h('strong', {}, 'Discuss: '), model.prompt));
      // A tie is said here, for the class to see, not only to a screen reader (the classroom announces it).
      if (info?.tie)
        this.below.appendChild(h('p', { class: 'class-tie' }, `${info.tie} The trainer decides.`));
      const revealed = model.revealed?.options ?? null;
      const selected = model.revealed?.selected ?? null;
      this.below.appendChild(
        h(
          'ol',
          // Focus lands on the list, not on option 1, so an Enter meant for "Continue" never
          // chooses by accident; Tab, the arrow keys or a number key go on from here.
          {
            class: 'choices',
            'aria-label': 'What do you say?',
            tabindex: '-1',
            'data-revealed': revealed !== null,
          },
          ...model.choices.map((c, i) => {
            const option = revealed?.find((o) => o.id === c.id);
            const votes = info?.votes ? (info.votes[c.id] ?? 0) : null;
            return h(
              'li',
              { 'data-selected': selected === c.id },
              h(
                'button',
                {
                  type: 'button',
                  class: 'choice',
                  'data-choice': c.id,
                  'aria-describedby': option ? `why-${i}` : null,
                  onclick: () => this.send({ type: 'choose', choice: c.id }),
                },
                h('span', { class: 'num', 'aria-hidden': 'true' }, String(c.number)),
                h('span', { class: 'choice-text' }, plainText(c.text)),
                votes !== null
                  ? h('span', { class: 'votes' }, `${votes} vote${votes === 1 ? '' : 's'}`)
                  : null,
                option ? h('span', { class: 'effect-chip' }, scoreWords(option)) : null,
              ),
              option ? this.why(option, i, model.choices.length) : null,
            );
          }),
        ),
      );
    } else {
      this.below.appendChild(
        h(
          'div',
          { class: 'line-actions' },
          h(
            'button',
            { type: 'button', class: 'button', onclick: () => this.send({ type: 'goOn' }) },
            'See how it went',
          ),
        ),
      );
    }
    this.focusFirstControl();
    this.fitToScreen();
  }

  /**
   * One option's feedback, once the trainer has revealed them: on show for the selected option
   * only (the rest give their score effect on their own line), with a way to step to the next.
   * Every option's button names its feedback as its description, for a screen reader.
   */
  private why(option: RevealedOption, i: number, count: number): HTMLElement {
    const tone = feedbackTone(option);
    const step = (by: 1 | -1) =>
      h(
        'button',
        {
          type: 'button',
          class: 'button small secondary',
          'data-step': by,
          'aria-label': by < 0 ? 'Feedback on the option before' : 'Feedback on the next option',
          onclick: () => this.send({ type: 'stepFeedback', by }),
        },
        by < 0 ? '‹' : '›',
      );
    return h(
      'div',
      { class: 'why', id: `why-${i}`, 'data-tone': tone },
      count > 1 ? h('div', { class: 'why-steps' }, step(-1), step(1)) : null,
      h(
        'p',
        {},
        h('strong', {}, `${TONE_WORDS[tone].charAt(0).toUpperCase()}${TONE_WORDS[tone].slice(1)}: `),
        plainText(option.feedback.why),
      ),
    );
  }

  /**
   * Put one option's feedback on show. When the stepper moved it, focus follows to the same
   * button of the option now shown (the one pressed is hidden) and the feedback is read out.
   */
  private select(id: string) {
    const stepper = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-step]');
    let shown: HTMLElement | null = null;
    for (const li of this.below.querySelectorAll<HTMLElement>('.choices > li')) {
      const on = li.querySelector<HTMLElement>('.choice')?.dataset.choice === id;
      li.toggleAttribute('data-selected', on);
      if (on) shown = li;
    }
    if (!stepper || !shown || !this.below.contains(stepper)) return;
    shown.querySelector<HTMLElement>(`[data-step="${stepper.dataset.step}"]`)?.focus();
    const number = shown.querySelector('.num')?.textContent ?? '';
    announce(
      `Option ${number}, ${shown.querySelector('.effect-chip')?.textContent ?? ''}. ${shown.querySelector('.why p')?.textContent ?? ''}`,
    );
  }

  /**
   * Presenter mode on a projector (styles.css, PROJECTOR LAYOUT): the words have a fixed band
   * below the room, and are laid out to fit it with no scrolling. Tried largest text first, a
   * tighter layout and then two columns of options before smaller text; after a reveal, every
   * option's feedback must fit when it is the one on show, and the options not on show may keep
   * to one line each. Nothing goes below the smallest size (24 px at 768 high): a decision that
   * cannot fit even then scrolls inside its band.
   */
  fitToScreen(): void {
    const root = this.element;
    if (!this.classroom || !this.element.isConnected) return;
    const list = this.below.querySelector<HTMLElement>('.choices');
    const items = list ? [...list.querySelectorAll<HTMLElement>(':scope > li')] : [];
    if (!window.matchMedia(PROJECTOR_QUERY).matches) {
      delete root.dataset.fit;
      this.panel.style.removeProperty('--fit');
      return;
    }
    const revealed = list?.hasAttribute('data-revealed') === true;
    const layouts: Layout[] = [];
    // Two columns only for a list in full: after a reveal, one option's feedback runs below it.
    const columns = items.length >= 4 && !revealed ? [1, 2] : [1];
    // Closest of all (lines at 1.15) only at the smallest size: larger text with lines that
    // crowd each other is no easier to read from the back.
    for (const fold of revealed ? [0, 1, 2, 3] : [0]) {
      for (const size of FIT_SIZES)
        for (const tight of fold ? [1] : [0, 1])
          for (const cols of columns) layouts.push({ size, tight, cols, fold });
      for (const cols of columns) layouts.push({ size: 1, tight: 2, cols, fold });
    }
    const apply = (l: Layout) => {
      this.panel.style.setProperty('--fit', String(l.size));
      root.dataset.fit = [TIGHT[l.tight], ...FOLDS.slice(0, l.fold)].join(' ');
      if (list) {
        list.dataset.cols = String(l.cols);
        list.style.setProperty('--rows', String(Math.ceil(items.length / l.cols)));
      }
    };
    const fits = () => this.panel.scrollHeight <= this.panel.clientHeight + 1;
    // After a reveal: the longest feedback first (the likeliest not to fit), then every other.
    const selected = items.find((li) => li.hasAttribute('data-selected'));
    const order = [...items].sort(
      (a, b) =>
        (b.querySelector('.why')?.textContent?.length ?? 0) -
        (a.querySelector('.why')?.textContent?.length ?? 0),
    );
    const fitsEach = () => {
      if (!revealed) return fits();
      try {
        return order.every((li) => {
          for (const other of items) other.toggleAttribute('data-selected', other === li);
          return fits();
        });
      } finally {
        for (const other of items) other.toggleAttribute('data-selected', other === selected);
      }
    };
    // The same words in the same space (a re-render for a vote, say): the same layout, unmeasured.
    const key = `${this.panel.clientWidth}x${this.panel.clientHeight}:${revealed}:${this.panel.textContent}`;
    if (this.fitted?.key === key) {
      apply(this.fitted.layout);
      return;
    }
    const scroll = this.panel.scrollTop;
    const found = layouts.find((l) => (apply(l), fitsEach()));
    const layout = found ?? layouts[layouts.length - 1]!;
    if (!found) apply(layout);
    this.panel.scrollTop = found ? 0 : scroll;
    this.fitted = { key, layout };
  }

  /**
   * What the class's screen shows of the group session around the conversation: the scores strip
   * (when the trainer shows them), a what-if sign, and the blank the trainer can put up.
   */
  private renderClassInfo(info: AudienceClassInfo) {
    const strip = this.element.querySelector<HTMLElement>('.score-strip');
    const scores = info.scores
      ? `Scores so far: ${Object.entries(info.scores)
          .map(([d, n]) => `${d} ${n}`)
          .join(' · ')}`
      : null;
    if (!scores) strip?.remove();
    else if (strip) strip.textContent = scores;
    else this.whereLabel.after(h('p', { class: 'score-strip' }, scores));

    const sign = this.element.querySelector<HTMLElement>('.what-if-sign');
    const signText =
      info.whatIfFrom === null ? null : `What if… from decision ${info.whatIfFrom}: not the class’s own path`;
    if (!signText) sign?.remove();
    else if (sign) sign.textContent = signText;
    else this.whereLabel.after(h('p', { class: 'what-if-sign' }, signText));

    // The discussion timer: large enough to read from the back, out of the words' way, silent.
    const timer = this.element.querySelector<HTMLElement>('.class-timer');
    if (!info.timer) timer?.remove();
    else {
      const shown =
        timer ??
        this.element.appendChild(
          h(
            'p',
            { class: 'class-timer', role: 'timer' },
            h('span', { class: 'visually-hidden' }, 'Discussion time '),
            h('span', { class: 'class-timer-time' }),
          ),
        );
      showTimer(shown.querySelector<HTMLElement>('.class-timer-time')!, info.timer);
    }
    // Carried on after a reload: said until the class moves on to another decision.
    const resumed = this.element.querySelector<HTMLElement>('.class-sign');
    if (!info.resumed) resumed?.remove();
    else if (resumed) resumed.textContent = info.resumed;
    else this.whereLabel.after(h('p', { class: 'class-sign', role: 'status' }, info.resumed));

    const blank = this.element.querySelector<HTMLElement>('.class-blank');
    if (!info.blanked) blank?.remove();
    else if (!blank)
      this.element.append(
        h(
          'div',
          { class: 'class-blank', role: 'status' },
          h('p', {}, 'Over to you: talk it through. The screen comes back in a moment.'),
        ),
      );
  }

  private focusFirstControl() {
    // Keep keyboard users in the flow: the next control takes focus unless a dialog is open.
    if (document.querySelector('dialog[open]')) return;
    // Never take focus from somewhere else the user is working (the trainer's panel).
    const active = document.activeElement;
    if (active && active !== document.body && !this.element.contains(active)) return;
    this.nextControl()?.focus({ preventScroll: true });
  }

  private renderFeedback(feedback: FeedbackModel) {
    if (this.typing) cancelAnimationFrame(this.typing.raf);
    this.typing = null;
    clear(this.lineBox);
    clear(this.below);
    this.lineBox.classList.add('feedback');
    const tone = feedback.tone;
    this.lineBox.dataset.tone = tone;
    this.lineBox.append(
      h('h2', {}, 'About what you said', h('span', { class: 'tone' }, ` · ${TONE_WORDS[tone]}`)),
      h('p', { class: 'note' }, `You said: “${plainText(feedback.text)}”`),
      h(
        'p',
        {},
        richText(feedback.why, this.model!.about.glossary, (e, b) => this.openTerm(e, b)),
      ),
      h('p', { class: 'sources' }, `Guidance: ${feedback.sources.join('; ')}`),
    );
    announce(`About what you said: ${plainText(feedback.why)}`);
    this.below.appendChild(
      h(
        'div',
        { class: 'line-actions' },
        h(
          'button',
          {
            type: 'button',
            class: 'button',
            onclick: () => this.send({ type: 'goOn' }),
          },
          'Continue',
        ),
      ),
    );
    this.focusFirstControl();
  }

  /** The arrow keys: on to the next option (or back), from the list or from an option's feedback. */
  private focusOption(by: 1 | -1): boolean {
    const down = by > 0;
    const choices = [...this.below.querySelectorAll<HTMLButtonElement>('.choice')];
    // A clicker's ↓ goes on when there is nothing to move between.
    if (!choices.length) return down && this.classroom ? this.send({ type: 'goOn' }) : false;
    const active = document.activeElement as HTMLElement | null;
    let i = choices.indexOf(active as HTMLButtonElement);
    // From inside an option's feedback (its stepper), on from that option.
    const item = active?.closest('.choices > li');
    if (i < 0 && item) i = [...item.parentElement!.children].indexOf(item);
    if (i < 0 && active?.closest('.choices')) {
      choices[down ? 0 : choices.length - 1]!.focus();
      return true;
    }
    if (i >= 0) {
      choices[(i + (down ? 1 : choices.length - 1)) % choices.length]!.focus();
      return true;
    }
    return false;
  }

  private pause() {
    const s = this.model!.about;
    const leave = h(
      'button',
      {
        type: 'button',
        class: 'button secondary',
        onclick: () => {
          dialog.close();
          this.send({ type: 'leave' });
        },
      },
      'Leave this scenario',
    );
    const resume = h(
      'button',
      { type: 'button', class: 'button', onclick: () => dialog.close() },
      'Carry on',
    );
    const dialog = openDialog(
      this.app,
      'Paused',
      [
        h('p', {}, 'Take as long as you need. Your place is kept.'),
        s.learnerRole ? h('p', {}, h('strong', {}, 'Your role: '), plainText(s.learnerRole)) : '',
        s.contentNote ? h('p', { class: 'note' }, `Content note: ${s.contentNote}`) : '',
        h('h3', {}, 'If this has brought things up for you'),
        supportList(s.support),
      ],
      [leave, resume],
    );
    resume.focus();
  }

  private openTerm(entry: GlossaryEntry, _button: HTMLButtonElement) {
    // Back to the way on, not to the term: the next Enter goes on rather than opening it again.
    openDialog(this.app, entry.term, [h('p', {}, entry.meaning)], [], () => this.nextControl());
  }

  /** The control that moves the conversation on: the choices, or Continue. */
  private nextControl(): HTMLElement | null {
    return (
      this.below.querySelector<HTMLElement>('.choices') ?? this.below.querySelector<HTMLElement>('button')
    );
  }

  private openGlossary() {
    const terms = Object.entries(this.model!.about.glossary).sort(([a], [b]) => a.localeCompare(b));
    openDialog(this.app, 'Glossary', [
      h(
        'dl',
        { class: 'keys' },
        ...terms.flatMap(([term, e]) => [h('dt', {}, term), h('dd', {}, e.meaning)]),
      ),
    ]);
  }
}

/** In words as well as colour: the colour is never the only way to tell. */
const TONE_WORDS: Record<FeedbackTone, string> = {
  good: 'a good move',
  mixed: 'it could be stronger',
  poor: 'not the right move here',
};

const ICONS: Record<WrittenMedium, string> = {
  // A handset.
  'phone-call':
    'M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.6a1 1 0 0 1-.25 1z',
  // A speech bubble.
  'text-message': 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z',
  // An envelope.
  email: 'M3 5h18a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zm1 2.2V17h16V7.2l-8 5.3z',
  // A folded sheet.
  letter: 'M6 2h9l5 5v14a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1zm8 1.5V8h4.5z',
  // A clipboard.
  record:
    'M9 2h6a1 1 0 0 1 1 1v1h3a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h3V3a1 1 0 0 1 1-1zm0 2v2h6V4zm-2 6v2h10v-2zm0 4v2h10v-2z',
};

/** A small picture beside the label; decoration only (the label says it in words). */
function mediumIcon(medium: WrittenMedium): Element {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', 'medium-icon');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', ICONS[medium]);
  path.setAttribute('fill', 'currentColor');
  svg.appendChild(path);
  return svg;
}
