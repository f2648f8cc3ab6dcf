/**
 * The trainer's panel: the prompt, each option with its feedback and score effect, the class's
 * votes (typed or counted), reveal, "go with the class", what-if, and the running summary.
 * A pure function of a ClassView; it acts only by sending commands, so the same panel works
 * beside the audience view (one screen) or in its own presenter window (two screens).
 */
import { REASONS_MAX } from '../engine/ClassSession';
import { DIMENSIONS } from '../engine/model';
import { showTimer } from '../ui/classTimer';
import { h } from '../ui/dom';
import { trainerKeyList } from '../ui/keymap';
import { mediumLead } from '../ui/lineMedium';
import { plainText } from '../ui/richText';
import type { ClassView, Command } from './protocol';

export interface PanelOptions {
  /** Shown only in the audience window: opens the presenter window. */
  openPresenter?: () => void;
  /** Where the panel is: beside the audience view, or alone in the presenter window. */
  place: 'overlay' | 'window';
  error?: string | null;
}

const DIM_SHORT = { empathy: 'E', boundaries: 'B', escalation: 'X' } as const;

export function renderTrainerPanel(
  view: ClassView,
  send: (c: Command) => void,
  options: PanelOptions,
): HTMLElement {
  const { snapshot, classState, majority } = view;
  const current = classState.votes.find((v) => v.decision === snapshot.decisions.length && !view.onWhatIf);
  const counts = current?.counts ?? {};
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const ended = snapshot.phase === 'ended';
  const offered = view.options.filter((o) => o.available);
  // On the class's own screen, answers and notes wait until the class has seen the feedback, or
  // until the trainer blanks the class's view to read them.
  const answers = options.place === 'window' || classState.optionsRevealed || classState.blanked;
  const notes = options.place === 'window' || classState.blanked;

  // In the presenter window, the line the class has just heard, so the trainer can follow
  // without turning to the projector.
  const line = snapshot.line;
  const said =
    options.place === 'window' && line
      ? h(
          'section',
          { class: 'trainer-said', 'aria-label': 'Just said' },
          h('h3', {}, 'Just said'),
          h(
            'p',
            {},
            h(
              'strong',
              {},
              line.medium !== 'speech'
                ? mediumLead(line.medium, line.speakerName)
                : line.speakerName || 'Narration',
            ),
            ': ',
            plainText(line.text),
          ),
        )
      : null;

  // At an ending, the trainer moves the class's screen on to the summary from here too.
  const toSummary =
    ended && !view.onSummary && !view.onWhatIf
      ? h(
          'button',
          { type: 'button', class: 'button', onclick: () => send({ type: 'forward' }) },
          'Show the class the summary (Page Down)',
        )
      : null;

  const status = view.onWhatIf
    ? h(
        'p',
        { class: 'trainer-status what-if' },
        `What if… (branched from decision ${(view.whatIf?.fromDecision ?? 0) + 1}). The class’s own path is kept.`,
      )
    : h(
        'p',
        { class: 'trainer-status' },
        ended ? 'The class has reached an ending.' : `Class path · decision ${snapshot.decisions.length + 1}`,
      );

  const optionRows = offered.map((o, i) => {
    const count = counts[o.id] ?? 0;
    const input = h('input', {
      type: 'number',
      min: '0',
      step: '1',
      inputmode: 'numeric',
      value: String(count),
      'aria-label': `Votes for option ${i + 1}`,
      disabled: view.onWhatIf,
    });
    input.addEventListener('change', () => {
      const n = Number(input.value);
      if (Number.isInteger(n) && n >= 0) send({ type: 'setVotes', choice: o.id, count: n });
    });
    const effect = DIMENSIONS.filter((d) => o.score[d] !== 0)
      .map((d) => `${DIM_SHORT[d]}${o.score[d] > 0 ? '+' : '−'}${Math.abs(o.score[d])}`)
      .join(' ');
    return h(
      'li',
      { class: 'trainer-option' },
      h('div', { class: 'trainer-option-text' }, h('strong', {}, `${i + 1}. `), plainText(o.text)),
      answers
        ? h(
            'p',
            { class: 'note' },
            h(
              'span',
              { class: 'effect', title: 'E empathy, B boundaries, X escalation' },
              effect || 'no score change',
            ),
            o.unsafe.length ? h('span', { class: 'unsafe-tag' }, ` unsafe (${o.unsafe.join(', ')})`) : '',
            ' — ',
            plainText(o.feedback.why),
          )
        : null,
      h(
        'div',
        { class: 'vote-row' },
        h(
          'button',
          {
            type: 'button',
            class: 'button small secondary',
            disabled: view.onWhatIf,
            'aria-label': `One fewer vote for option ${i + 1}`,
            onclick: () => send({ type: 'vote', choice: o.id, by: -1 }),
          },
          '−',
        ),
        input,
        h(
          'button',
          {
            type: 'button',
            class: 'button small secondary',
            disabled: view.onWhatIf,
            'aria-label': `One more vote for option ${i + 1}`,
            onclick: () => send({ type: 'vote', choice: o.id, by: 1 }),
          },
          '+',
        ),
        h(
          'button',
          { type: 'button', class: 'button small', onclick: () => send({ type: 'pick', choice: o.id }) },
          `Choose ${i + 1}`,
        ),
      ),
    );
  });

  const majorityText =
    majority.kind === 'winner'
      ? `Most votes: option ${offered.findIndex((o) => o.id === majority.choice) + 1} (${majority.votes} of ${majority.total}).`
      : majority.kind === 'tie'
        ? `Tied: options ${majority.choices.map((c) => offered.findIndex((o) => o.id === c) + 1).join(' and ')} (${majority.votes} each). You decide.`
        : 'No votes yet.';

  // The class's reasons and the discussion timer, at a decision on the class's own path.
  const record = ended || view.onWhatIf ? null : (current ?? null);
  const time = record ? view.times.find((t) => t.decision === record.decision) : undefined;
  const timerShown = h('span', { class: 'trainer-timer-time' });
  if (record) showTimer(timerShown, record.timer);
  let pending = 0;
  const reasonsBox = record
    ? h('textarea', {
        id: 'class-reasons',
        rows: '2',
        maxlength: String(REASONS_MAX),
        'aria-describedby': 'class-reasons-help',
        'data-keep': `reasons-${record.decision}`,
      })
    : null;
  const reasonsHelp = h('p', { id: 'class-reasons-help', class: 'note' });
  if (reasonsBox && record) {
    // As its default too: keepingPlace tells words being typed from words as last kept.
    reasonsBox.defaultValue = record.reasons;
    const left = () => `${reasonsBox.value.length} of ${REASONS_MAX} characters. Kept with the session.`;
    reasonsHelp.textContent = left();
    const sendNow = () => {
      window.clearTimeout(pending);
      send({ type: 'reasons', decision: record.decision, text: reasonsBox.value });
    };
    reasonsBox.addEventListener('input', () => {
      reasonsHelp.textContent = left();
      window.clearTimeout(pending);
      const text = reasonsBox.value;
      pending = window.setTimeout(() => send({ type: 'reasons', decision: record.decision, text }), 400);
    });
    reasonsBox.addEventListener('change', sendNow);
  }
  const timerControl = record
    ? [
        h(
          'button',
          {
            type: 'button',
            class: 'button small secondary',
            'aria-pressed': String(!!time?.running),
            onclick: () => send({ type: 'timer', running: !time?.running }),
          },
          time?.running ? 'Stop timer (D)' : 'Start timer (D)',
        ),
        h(
          'span',
          { class: 'trainer-timer', role: 'timer' },
          h('span', { class: 'visually-hidden' }, 'Discussion time '),
          timerShown,
        ),
      ]
    : null;
  const classRecord = record
    ? h(
        'section',
        { class: 'trainer-record', 'aria-label': 'The class’s reasons' },
        h(
          'label',
          { for: 'class-reasons' },
          h('strong', {}, `The class’s reasons at decision ${record.decision + 1}`),
          ' (optional)',
        ),
        reasonsBox,
        reasonsHelp,
      )
    : null;

  const decisionControls = ended
    ? null
    : h(
        'section',
        { 'aria-label': 'This decision' },
        view.prompt ? h('p', { class: 'trainer-prompt' }, h('strong', {}, 'Discuss: '), view.prompt) : null,
        snapshot.phase === 'line'
          ? h(
              'button',
              { type: 'button', class: 'button small secondary', onclick: () => send({ type: 'next' }) },
              'Show the rest of the lines',
            )
          : null,
        h('ol', { class: 'trainer-options', 'aria-label': 'Options' }, ...optionRows),
        h(
          'p',
          { class: 'note', role: 'status' },
          view.onWhatIf
            ? 'Votes are not recorded on a what-if.'
            : `${total} vote${total === 1 ? '' : 's'} recorded. ${majorityText}`,
        ),
        h(
          'div',
          { class: 'trainer-actions' },
          h(
            'button',
            {
              type: 'button',
              class: 'button small secondary',
              disabled: view.onWhatIf,
              onclick: () => send({ type: 'undo' }),
            },
            'Undo (U)',
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'button small secondary',
              'aria-pressed': String(classState.votesRevealed),
              onclick: () => send({ type: 'revealVotes', shown: !classState.votesRevealed }),
            },
            classState.votesRevealed ? 'Hide votes (V)' : 'Reveal votes (V)',
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'button small secondary',
              'aria-pressed': String(classState.optionsRevealed),
              onclick: () => send({ type: 'revealOptions', shown: !classState.optionsRevealed }),
            },
            classState.optionsRevealed ? 'Hide feedback (O)' : 'Reveal feedback (O)',
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'button small',
              disabled: view.onWhatIf || majority.kind !== 'winner',
              onclick: () => send({ type: 'goWithClass' }),
            },
            'Go with the class (C)',
          ),
          timerControl,
        ),
      );

  const whatIfSelect = h(
    'select',
    { 'aria-label': 'Branch from decision' },
    ...snapshot.decisions.map((d, i) =>
      h(
        'option',
        { value: String(i) },
        `Decision ${i + 1}${view.prompts[i] ? `: ${view.prompts[i]!.slice(0, 50)}` : ''}`,
      ),
    ),
  );
  const whatIf = h(
    'section',
    { 'aria-label': 'What if' },
    h('h3', {}, 'What if we had said…'),
    snapshot.decisions.length
      ? h(
          'div',
          { class: 'trainer-actions' },
          whatIfSelect,
          h(
            'button',
            {
              type: 'button',
              class: 'button small secondary',
              onclick: () => send({ type: 'whatIf', fromDecision: Number(whatIfSelect.value) }),
            },
            'Branch (W)',
          ),
        )
      : h('p', { class: 'note' }, 'After the first decision you can branch from any earlier one.'),
    view.onWhatIf
      ? h(
          'button',
          { type: 'button', class: 'button small', onclick: () => send({ type: 'returnToClass' }) },
          'Back to the class path (B)',
        )
      : null,
  );

  const path = classState.votes.filter((v) => v.chosen);
  const summary = h(
    'section',
    { 'aria-label': 'The class so far' },
    h('h3', {}, 'The class so far'),
    path.length
      ? h(
          'ol',
          { class: 'trainer-path' },
          ...path.map((v) => {
            const votes = Object.values(v.counts).reduce((a, b) => a + b, 0);
            return h(
              'li',
              {},
              `“${plainText(view.chosenTexts[v.decision] ?? v.chosen ?? '')}” — ${v.how === 'majority' ? 'class majority' : 'trainer’s pick'}, ${votes} vote${votes === 1 ? '' : 's'} cast`,
            );
          }),
        )
      : h('p', { class: 'note' }, 'No decisions yet.'),
    h(
      'button',
      {
        type: 'button',
        class: 'button small secondary',
        'aria-pressed': String(classState.scoresShown),
        onclick: () => send({ type: 'showScores', shown: !classState.scoresShown }),
      },
      classState.scoresShown ? 'Hide scores from the class (K)' : 'Show scores to the class (K)',
    ),
    h(
      'p',
      { class: 'note' },
      `Scores so far: ${DIMENSIONS.map((d) => `${d} ${snapshot.scores[d]}`).join(', ')}.`,
    ),
  );

  return h(
    'aside',
    { class: `trainer-panel trainer-${options.place}`, 'aria-label': 'Trainer panel' },
    h('h2', {}, 'Trainer', options.place === 'window' ? ` · ${view.title}` : ''),
    status,
    options.error ? h('p', { class: 'trainer-error', role: 'alert' }, options.error) : null,
    answers
      ? null
      : h(
          'p',
          { class: 'note' },
          'Counts only: the class can see this screen. Press . (full stop) to blank it and see the answers and your notes here; if the projector shows this same screen, freeze it first (its remote’s Freeze or A/V mute), or the class sees them too. Or open the presenter window (N) on a second screen.',
        ),
    notes && view.trainerNotes
      ? h(
          'details',
          { class: 'trainer-notes', open: snapshot.decisions.length === 0 },
          h('summary', {}, 'Trainer notes'),
          h('p', {}, view.trainerNotes),
        )
      : null,
    said,
    decisionControls,
    classRecord,
    toSummary,
    ended && view.onSummary ? h('p', {}, 'The summary is on the class’s screen and below.') : null,
    whatIf,
    summary,
    options.openPresenter
      ? h(
          'button',
          { type: 'button', class: 'button small secondary', onclick: options.openPresenter },
          'Open presenter window (N)',
        )
      : null,
    h(
      'p',
      { class: 'note' },
      `Keys: ${trainerKeyList()
        .map(([k, what]) => `${k} ${what.charAt(0).toLowerCase()}${what.slice(1)}`)
        .join(' · ')}`,
    ),
  );
}

/**
 * Redraw a panel without losing the trainer's place: focus goes back to the same control, and
 * words being typed (a count, the class's reasons) stay as typed, caret and all, though a vote
 * or a message from the other window redrew everything around them.
 */
export function keepingPlace(root: HTMLElement, draw: () => void): void {
  const active = document.activeElement as HTMLElement | null;
  const inside = active && root.contains(active) ? active : null;
  const keep = inside?.dataset.keep;
  const label = inside?.getAttribute('aria-label');
  const field =
    inside instanceof HTMLTextAreaElement ||
    (inside instanceof HTMLInputElement && (inside.type === 'text' || inside.type === 'number'))
      ? inside
      : null;
  // Words or a count typed here and not yet kept win; what was last kept gives way to newer
  // values (typed in the other window), the caret staying where it was. A count box has no
  // caret to keep (its selectionStart is null), only its value.
  const typed = field ? { value: field.value, start: field.selectionStart, end: field.selectionEnd } : null;
  const dirty = field !== null && field.value !== field.defaultValue;
  draw();
  const selector = keep
    ? `[data-keep="${CSS.escape(keep)}"]`
    : label
      ? `[aria-label="${CSS.escape(label)}"]`
      : null;
  const next = selector ? root.querySelector<HTMLElement>(selector) : null;
  if (!next) return;
  if (typed && (next instanceof HTMLTextAreaElement || next instanceof HTMLInputElement)) {
    if (dirty) next.value = typed.value;
    if (typed.start !== null && next.selectionStart !== null) next.setSelectionRange(typed.start, typed.end);
  }
  next.focus({ preventScroll: true });
}
