/**
 * The debrief leads with what matters: how it ended and what the ending said about the path
 * (what went well or badly, and any score it added), a band per dimension with its reason, its
 * arithmetic and any cap, and the one or two moments that decided it (what the learner said and,
 * where there was one, the stronger option). The rest unfolds when asked for: the mood over time,
 * every decision on a timeline (with score changes, feedback, the options they had and those
 * they never saw), and what the strongest path did. Then reflection questions with a notes box,
 * signposting, and the ways to try again.
 */
import type { App } from '../app/App';
import type { PlayableScenario } from '../app/catalogueTypes';
import { notesKey as notesKeyOf } from '../app/storageKeys';
import type { DebriefModel, DebriefOption, MoodSeries } from '../engine/debrief';
import { DIMENSIONS } from '../engine/model';
import {
  assessmentHead,
  capWords,
  DIMENSION_NAMES,
  reasonWords,
  signed,
  storyWords,
  strongestPathWords,
  timesWords,
} from './bandWords';
import { supportList, openDialog } from './dialogs';
import { h } from './dom';
import { plainText, richText } from './richText';

export interface DebriefActions {
  retry(): void;
  rewindTo(decision: number): void;
  menu(): void;
  /** The reflection notes changed: the attempt's record keeps them too. */
  notesChanged?(notes: string): void;
  /** Open the evidence report for this attempt. */
  report?(): void;
}

const OUTCOME_WORDS = { good: 'A good outcome', mixed: 'A mixed outcome', poor: 'A poor outcome' } as const;

export function renderDebrief(
  app: App,
  playable: PlayableScenario,
  model: DebriefModel,
  actions: DebriefActions,
  /** Shown after the bands: the class's summary, in presenter mode. */
  extra: HTMLElement | null = null,
  /** Shown before everything else: what this ending is not (a what-if's, in presenter mode). */
  lead: HTMLElement | null = null,
): HTMLElement {
  const { references } = playable;
  const rich = (text: string) =>
    richText(text, references.glossary, (entry) => openDialog(app, entry.term, [h('p', {}, entry.meaning)]));
  const sourceTitles = (keys: string[]) => keys.map((k) => references.sources[k]?.title ?? k).join('; ');

  const deltas = (o: DebriefOption) =>
    h(
      'div',
      { class: 'delta' },
      ...DIMENSIONS.filter((d) => o.score[d] !== 0).map((d) =>
        h(
          'span',
          { class: o.score[d] > 0 ? 'up' : 'down' },
          `${DIMENSION_NAMES[d]} ${o.score[d] > 0 ? '+' : '−'}${Math.abs(o.score[d])}`,
        ),
      ),
      o.unsafe.length
        ? h(
            'span',
            { class: 'down' },
            `Unsafe: ${o.unsafe.map((d) => DIMENSION_NAMES[d].toLowerCase()).join(', ')}`,
          )
        : null,
    );

  const optionItem = (o: DebriefOption) =>
    h('li', {}, `“${plainText(o.text)}”`, deltas(o), h('p', { class: 'note' }, rich(o.why)));

  const bands = h(
    'section',
    { class: 'card', 'aria-labelledby': 'bands-h' },
    h('h2', { id: 'bands-h' }, 'How you did'),
    h(
      'div',
      { class: 'bands' },
      ...DIMENSIONS.map((d) => {
        const b = model.bands[d];
        const reason = reasonWords(b.reason, b.band);
        return h(
          'div',
          { class: `band band-${b.band ?? 'none'}` },
          h('h3', {}, DIMENSION_NAMES[d]),
          h('p', { class: 'level' }, b.band ?? 'Not tested', b.percent === null ? '' : ` · ${b.percent}%`),
          b.cap ? h('p', { class: 'cap' }, capWords(b.cap)) : null,
          h('p', { class: 'reason' }, reason),
          b.explanation && b.explanation !== reason
            ? h('p', { class: 'explanation' }, h('strong', {}, 'How it adds up: '), b.explanation)
            : null,
        );
      }),
    ),
    model.rewinds > 0
      ? h(
          'p',
          { class: 'note' },
          `You went back ${model.rewinds} time${model.rewinds === 1 ? '' : 's'} to change a decision.`,
        )
      : null,
  );

  const assessments = model.assessments.length
    ? h(
        'div',
        { class: 'assessments' },
        h('h2', { id: 'assess-h' }, 'What this ending says about your path'),
        h(
          'ul',
          { class: 'assess-list', 'aria-labelledby': 'assess-h' },
          ...model.assessments.map((a) => {
            const scored = DIMENSIONS.filter((d) => a.score[d] !== undefined);
            return h(
              'li',
              { class: `assess assess-${a.went}` },
              assessmentHead(
                a.went,
                a.ending
                  ? null
                  : h(
                      'span',
                      { class: 'note' },
                      a.afterDecisions ? ` · after decision ${a.afterDecisions}` : ' · at the start',
                    ),
              ),
              h('p', { class: 'assess-why' }, rich(a.why)),
              scored.length || a.unsafe.length
                ? h(
                    'div',
                    { class: 'delta' },
                    ...scored.map((d) => {
                      const level = a.score[d]!;
                      return h(
                        'span',
                        { class: level > 0 ? 'up' : level < 0 ? 'down' : '' },
                        `${DIMENSION_NAMES[d]} ${signed(level)}`,
                      );
                    }),
                    a.weight > 1 && scored.length ? h('span', {}, `counts ${timesWords(a.weight)}`) : null,
                    a.unsafe.length
                      ? h(
                          'span',
                          { class: 'down' },
                          `Unsafe: ${a.unsafe.map((d) => DIMENSION_NAMES[d].toLowerCase()).join(', ')}`,
                        )
                      : null,
                  )
                : null,
              a.sources.length ? h('p', { class: 'sources' }, `Guidance: ${sourceTitles(a.sources)}`) : null,
            );
          }),
        ),
      )
    : null;

  const timeline = folded(
    'timeline-h',
    'Your decisions',
    'every decision, what it scored and the options you had',
    h(
      'ol',
      { class: 'timeline' },
      ...model.timeline.map((t) => {
        const others = t.offered.filter((o) => o.id !== t.chosen.id);
        return h(
          'li',
          { class: t.chosen.unsafe.length ? 'unsafe' : t.wasBest ? 'was-best' : '' },
          h('h3', {}, `Decision ${t.index + 1}`, t.prompt ? `: ${t.prompt}` : ''),
          h('p', {}, h('strong', {}, 'You said: '), `“${plainText(t.chosen.text)}”`),
          deltas(t.chosen),
          h('p', {}, rich(t.chosen.why)),
          h('p', { class: 'sources' }, `Guidance: ${sourceTitles(t.chosen.sources)}`),
          h(
            'details',
            {},
            h('summary', {}, t.wasBest ? 'The other options here' : 'A stronger option here, and the others'),
            others.length
              ? h('ul', { class: 'options-list' }, ...others.map(optionItem))
              : h('p', {}, 'There were no other options.'),
            t.notOffered.length
              ? h(
                  'div',
                  {},
                  h('p', {}, h('strong', {}, 'Not open to you, because of how the conversation had gone:')),
                  h('ul', { class: 'options-list' }, ...t.notOffered.map(optionItem)),
                )
              : null,
          ),
          h(
            'button',
            { type: 'button', class: 'button small secondary', onclick: () => actions.rewindTo(t.index) },
            `Go back to decision ${t.index + 1}`,
          ),
        );
      }),
    ),
  );

  // The one or two moments that decided it, first: an unsafe act, then the widest miss.
  const decisive = model.turningPoints.slice(0, 2);
  const decided = decisive.length
    ? h(
        'section',
        { class: 'card', 'aria-labelledby': 'decided-h' },
        h('h2', { id: 'decided-h' }, 'The moments that decided it'),
        h(
          'ul',
          { class: 'decided' },
          ...decisive.map((p) => {
            const t = model.timeline[p.index];
            return h(
              'li',
              {},
              h(
                'p',
                {},
                h('strong', {}, `Decision ${p.index + 1}: `),
                p.kind === 'unsafe'
                  ? 'this crossed a line.'
                  : p.kind === 'missed'
                    ? 'a stronger option was open to you.'
                    : 'a strong choice where a lot was at stake.',
              ),
              h('p', {}, h('strong', {}, 'You said: '), `“${plainText(p.text)}”`),
              t ? h('p', { class: 'note' }, rich(t.chosen.why)) : null,
              p.kind !== 'strong' && t && t.best.id !== t.chosen.id
                ? h(
                    'p',
                    {},
                    h('strong', {}, 'A stronger option: '),
                    `“${plainText(t.best.text)}”`,
                    deltas(t.best),
                  )
                : null,
              h(
                'button',
                {
                  type: 'button',
                  class: 'button small secondary',
                  onclick: () => actions.rewindTo(p.index),
                },
                `Try decision ${p.index + 1} again`,
              ),
            );
          }),
        ),
      )
    : null;

  const best = folded(
    'best-h',
    'What the strongest path did',
    model.divergedAt === null ? 'the path you followed' : `from decision ${model.divergedAt + 1}`,
    h('p', {}, strongestPathWords(model.divergedAt, 'you')),
    h(
      'ol',
      { class: 'options-list' },
      ...model.bestPath.map((step) =>
        h(
          'li',
          {},
          step.prompt ? h('em', {}, `${step.prompt} `) : null,
          h('br'),
          `“${plainText(step.option.text)}”`,
          h('p', { class: 'note' }, rich(step.option.why)),
        ),
      ),
    ),
  );

  const notesKey = notesKeyOf(playable.scenario.id);
  const notes = h('textarea', { id: 'reflection-notes', 'aria-describedby': 'reflection-help' });
  notes.value = app.learnerStore.get(notesKey) ?? '';
  notes.addEventListener('input', () => {
    app.learnerStore.set(notesKey, notes.value);
    actions.notesChanged?.(notes.value);
  });
  const reflection = h(
    'section',
    { class: 'card reflection', 'aria-labelledby': 'reflect-h' },
    h('h2', { id: 'reflect-h' }, 'Think it over'),
    model.reflection.length ? h('ul', {}, ...model.reflection.map((q) => h('li', {}, rich(q)))) : null,
    h('label', { for: 'reflection-notes' }, h('strong', {}, 'Your notes')),
    h('p', { id: 'reflection-help', class: 'note' }, 'Kept on this device only.'),
    notes,
  );

  const ending = model.ending;
  return h(
    'main',
    { class: 'screen debrief', id: 'debrief' },
    h(
      'div',
      { class: 'debrief-inner' },
      lead,
      h(
        'section',
        { class: `card outcome-${ending.outcome}`, 'aria-labelledby': 'debrief-h' },
        h('p', { class: 'note' }, `${model.title} · ${OUTCOME_WORDS[ending.outcome]}`),
        h('h1', { id: 'debrief-h', tabindex: '-1' }, ending.title),
        h('p', {}, rich(ending.whatNext)),
        h('p', { class: 'story' }, storyWords(ending.outcome, model.bands)),
        assessments,
      ),
      bands,
      decided,
      extra,
      moodChart(model.mood),
      timeline,
      best,
      reflection,
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'support-h' },
        h('h2', { id: 'support-h' }, 'Support'),
        supportList(model.signposting),
      ),
      h(
        'div',
        { class: 'debrief-actions' },
        h('button', { type: 'button', class: 'button', onclick: actions.retry }, 'Try again'),
        actions.report
          ? h(
              'button',
              { type: 'button', class: 'button secondary', onclick: actions.report },
              'Evidence report',
            )
          : null,
        h('button', { type: 'button', class: 'button secondary', onclick: actions.menu }, 'Back to the menu'),
      ),
    ),
  );
}

const SERIES_COLOURS = ['#1f5c6b', '#9b1c2c', '#7a5200', '#3d4d9b'];

/** A line chart of each state variable over the decisions, with a text alternative. */
function moodChart(series: MoodSeries[]): HTMLElement | null {
  if (series.length === 0) return null;
  const steps = Math.max(...series.map((s) => s.values.length));
  // Drawn about as wide as it is shown, so its labels stay readable on a phone (not shrunk to 6 px).
  const W = Math.round(Math.min(640, Math.max(300, (globalThis.innerWidth ?? 640) - 60)));
  const H = 220;
  const pad = { l: 44, r: 16, t: 14, b: 34 };
  const x = (i: number) => pad.l + (steps <= 1 ? 0 : (i / (steps - 1)) * (W - pad.l - pad.r));
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('class', 'mood-chart');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', 'mood-h mood-desc');
  const el = (tag: string, attrs: Record<string, string | number>, text?: string) => {
    const e = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text) e.textContent = text;
    svg.appendChild(e);
    return e;
  };
  el('line', { x1: pad.l, y1: H - pad.b, x2: W - pad.r, y2: H - pad.b, stroke: '#8a8175' });
  el('text', { x: 4, y: pad.t + 10, 'font-size': 13, fill: '#414b55' }, 'high');
  el('text', { x: 4, y: H - pad.b, 'font-size': 13, fill: '#414b55' }, 'low');
  for (let i = 0; i < steps; i++) {
    el(
      'text',
      { x: x(i), y: H - 12, 'font-size': 13, 'text-anchor': 'middle', fill: '#414b55' },
      i === 0 ? 'start' : String(i),
    );
  }
  series.forEach((s, si) => {
    const y = (v: number) => pad.t + (1 - (v - s.min) / Math.max(1, s.max - s.min)) * (H - pad.t - pad.b);
    const colour = SERIES_COLOURS[si % SERIES_COLOURS.length]!;
    el('polyline', {
      points: s.values.map((v, i) => `${x(i)},${y(v)}`).join(' '),
      fill: 'none',
      stroke: colour,
      'stroke-width': 3,
      'stroke-dasharray': si === 0 ? '' : si === 1 ? '8 5' : '3 4',
    });
    s.values.forEach((v, i) => el('circle', { cx: x(i), cy: y(v), r: 4, fill: colour }));
  });
  const legend = h(
    'ul',
    { class: 'note' },
    ...series.map((s, i) =>
      h(
        'li',
        {},
        h(
          'span',
          { style: `color:${SERIES_COLOURS[i % SERIES_COLOURS.length]}; font-weight:700` },
          i === 0 ? '—— ' : i === 1 ? '- - ' : '··· ',
        ),
        `${s.label}: ${s.values.join(' → ')} (from ${s.min} to ${s.max})`,
      ),
    ),
  );
  return folded(
    'mood-h',
    'How the conversation felt',
    'a chart of each feeling',
    h('p', { id: 'mood-desc', class: 'note' }, 'How each feeling moved after each of your decisions.'),
    svg as unknown as HTMLElement,
    legend,
  );
}

/**
 * A section that unfolds: its heading is the <summary>, so it is still a region named by its
 * heading, and a screen reader's heading list still finds it.
 */
function folded(id: string, title: string, hint: string, ...body: (HTMLElement | null)[]): HTMLElement {
  return h(
    'section',
    { class: 'card folded', 'aria-labelledby': id },
    h(
      'details',
      {},
      h('summary', {}, h('h2', { id }, title), h('span', { class: 'note' }, ` · ${hint}`)),
      ...body,
    ),
  );
}

/**
 * Lay out the debrief's later cards one a frame, from the top, once it is on screen (styles.css:
 * they are skipped as it opens). All are laid out within a few frames, below the view, before
 * the learner can scroll to them, so nothing moves once it can be seen. Returns a stop.
 */
export function layOutLater(view: HTMLElement): () => void {
  const cards = [...view.querySelectorAll<HTMLElement>('.debrief-inner > .card:not([data-laid-out])')];
  let frame = 0;
  const next = () => {
    const card = cards.shift();
    if (!card) return;
    card.dataset.laidOut = '';
    frame = requestAnimationFrame(next);
  };
  frame = requestAnimationFrame(next);
  return () => cancelAnimationFrame(frame);
}
