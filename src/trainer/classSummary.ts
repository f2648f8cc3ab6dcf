/**
 * The class's summary at the end: its path, the votes, the class's reasons and the time at each
 * decision, the scores and bands, and where the room was most divided. Exportable as JSON and
 * CSV; printable as a one- or two-page handout for the trainer's records (date, group, trainer,
 * ending, bands with their reasons, path, the options voted for, reasons, times, how divided the
 * room was: nothing from the learner's debrief), and separately as a take-away page for learners
 * (outcomes with their guidance, the class's path, the strongest path, support), from the
 * scenario's own words. Each sheet defines the glossary terms it prints, in the glossary's words.
 */
import { minutesAndSeconds } from '../engine/ClassSession';
import type { DebriefModel } from '../engine/debrief';
import { GLOSSARY_MARK, plainText } from '../engine/markup';
import { DIMENSIONS } from '../engine/model';
import { quote } from '../engine/scoring';
import type { GlossaryFile, Scenario } from '../engine/schema';
import type { PlayableScenario } from '../app/catalogueTypes';
import { capWords, DIMENSION_NAMES, reasonWords, strongestPathWords, WENT } from '../ui/bandWords';
import { h } from '../ui/dom';
import { findTerm } from '../ui/richText';
import type { ClassView, Command, Takeaway } from './protocol';

/**
 * The take-away, with what both printed sheets need from the scenario beyond it: each decision's
 * options as numbered on screen (so the handout can name what the class voted for), where the
 * class left the strongest path, and the glossary's meaning of each term the sheets print. All
 * plain text; it travels with the class's view to the presenter window. The extras are optional,
 * so a take-away made without them (or by older code) still prints, without them.
 */
export interface ClassSheets extends Takeaway {
  /** Each decision on the class's path: the glossary terms in its prompt, and its options. */
  decisions?: { promptTerms: string[]; options: { text: string; terms: string[] }[] }[];
  /** The glossary terms in the ending's title. */
  endingTerms?: string[];
  /** The first decision (from 0) where the class left the strongest path, or null. */
  divergedAt?: number | null;
  /** The glossary terms the take-away prints. */
  takeawayTerms?: string[];
  /** The glossary's own meaning of each term above (the glossary the player opens). */
  meanings?: Record<string, string>;
}

const OUTCOME_WORDS = { good: 'a good outcome', mixed: 'a mixed outcome', poor: 'a poor outcome' } as const;

/** The date a session began, as a UK reader writes it (or the day it was printed, if unknown). */
function sessionDate(view: ClassView): string {
  const at = view.classState.startedAt ?? view.sentAt;
  return new Date(at).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

/** What each decision on the class's path comes to, for the summary, the handout and JSON. */
function pathOf(view: ClassView) {
  return view.snapshot.decisions.map((d, i) => {
    const votes = view.classState.votes.find((v) => v.decision === i);
    const counts = votes?.counts ?? {};
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const time = view.times.find((t) => t.decision === i);
    return {
      decision: i,
      prompt: view.prompts[i] ?? null,
      chosen: d.choice,
      chosenText: plainText(view.chosenTexts[i] ?? d.choice),
      /** The votes for each option as numbered on screen. */
      split: d.offered.map((id) => counts[id] ?? 0),
      chosenVotes: counts[d.choice] ?? 0,
      chosenNumber: d.offered.indexOf(d.choice) + 1,
      total,
      counts,
      how: votes?.how ?? null,
      reasons: votes?.reasons ?? '',
      toDecideMs: time?.toDecideMs ?? null,
      timerMs: time?.timerMs ?? 0,
      score: d.score,
    };
  });
}

const votesWords = (p: ReturnType<typeof pathOf>[number]) =>
  p.total
    ? `${p.chosenVotes} of ${p.total}${p.how === 'trainer' ? ' (trainer’s pick)' : ''}`
    : p.how === 'trainer'
      ? 'trainer’s pick'
      : '—';

const timeWords = (p: ReturnType<typeof pathOf>[number]) =>
  [
    p.toDecideMs === null ? null : minutesAndSeconds(p.toDecideMs),
    p.timerMs ? `(timer ${minutesAndSeconds(p.timerMs)})` : null,
  ]
    .filter(Boolean)
    .join(' ') || '—';

export function summaryJson(view: ClassView): string {
  const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 1000));
  return JSON.stringify(
    {
      scenario: view.scenarioId,
      title: view.title,
      date: view.classState.startedAt === null ? null : new Date(view.classState.startedAt).toISOString(),
      group: view.classState.details?.group || null,
      trainer: view.classState.details?.trainer || null,
      ending: view.snapshot.ending
        ? {
            node: view.snapshot.ending.node,
            title: plainText(view.snapshot.ending.title),
            outcome: view.snapshot.ending.outcome,
          }
        : null,
      scores: view.snapshot.scores,
      bands: view.bands,
      path: pathOf(view).map((p) => ({
        decision: p.decision + 1,
        prompt: p.prompt,
        chosen: p.chosen,
        chosenText: p.chosenText,
        votes: p.counts,
        how: p.how,
        reasons: p.reasons || null,
        secondsToDecide: seconds(p.toDecideMs),
        timerSeconds: p.timerMs ? seconds(p.timerMs) : null,
        scoreChange: p.score,
      })),
      mostDivided: view.mostDivided.map((d) => ({
        decision: d.decision + 1,
        margin: Number(d.margin.toFixed(3)),
        votes: d.total,
      })),
      mostDividedMeans:
        'the gap between the two most-voted options, as a share of all votes cast at that decision (0 = evenly split)',
      secondsToDecideMeans:
        'from the options appearing on the class’s screen to the class’s choice; timerSeconds is what the discussion timer counted, if it was used',
      exportedAt: new Date().toISOString(),
    },
    null,
    2,
  );
}

export function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Print one of the two sheets. With a class summary on the page the print is the handout (see
 * styles.css, CLASS HANDOUT); the take-away is chosen for the one print, then the handout again.
 */
export function printSheet(sheet: 'handout' | 'takeaway') {
  const root = document.documentElement;
  if (sheet === 'takeaway') {
    root.dataset.print = 'takeaway';
    window.addEventListener('afterprint', () => delete root.dataset.print, { once: true });
  } else delete root.dataset.print;
  window.print();
}

type PathStep = ReturnType<typeof pathOf>[number];

/** An option as the class saw it: its number on screen, and its words where they are known. */
function optionName(sheets: ClassSheets | null, step: PathStep, n: number): string {
  const text = sheets?.decisions?.[step.decision]?.options[n - 1]?.text;
  // Cut short as the bands' reasons quote a choice: the path above has it in full.
  return text ? `option ${n} (${quote(text)})` : `option ${n}`;
}

const andList = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/**
 * How the votes fell at a decision, in words a trainer can read out: "split 5 to 5 between
 * option 1 (…) and option 3 (…)", or "the class agreed: all 9 votes for option 2 (…)". Every
 * option tied with the runner-up is named, so a tie for second is never hidden.
 */
function splitWords(step: PathStep, sheets: ClassSheets | null): string {
  const voted = step.split
    .map((count, i) => ({ n: i + 1, count }))
    .filter((o) => o.count > 0)
    .sort((a, b) => b.count - a.count || a.n - b.n);
  const name = (n: number) => optionName(sheets, step, n);
  if (voted.length === 0) return 'no votes were recorded';
  if (voted.length === 1)
    return voted[0]!.count === 1
      ? `the one vote was for ${name(voted[0]!.n)}`
      : `the class agreed: all ${voted[0]!.count} votes for ${name(voted[0]!.n)}`;
  const top = voted.filter((o) => o.count >= voted[1]!.count);
  const rest = step.total - top.reduce((sum, o) => sum + o.count, 0);
  // The rest named when they all went to one option; counted when they were spread.
  const others = voted.filter((o) => !top.includes(o));
  const votes = (n: number) => (n === 1 ? '1 more vote' : `${n} more votes`);
  return (
    `split ${top.map((o) => o.count).join(' to ')} between ${andList(top.map((o) => name(o.n)))}` +
    (others.length === 1
      ? `, with ${votes(rest)} for ${name(others[0]!.n)}`
      : rest
        ? `, with ${votes(rest)} for other options`
        : '')
  );
}

/** Who settled a divided decision: the majority, or the trainer (on a tie, or by a pick of their own). */
function choiceWords(step: PathStep): string {
  const top = Math.max(...step.split);
  const tied = step.split.filter((n) => n === top).length > 1;
  if (step.how === 'trainer')
    return tied && step.split[step.chosenNumber - 1] === top
      ? `On the tie, the trainer chose option ${step.chosenNumber}.`
      : `The trainer chose option ${step.chosenNumber}.`;
  return `The class went with option ${step.chosenNumber}.`;
}

/** The most divided decisions as a list, or a sentence when the room never split. */
const mostDividedList = (view: ClassView): HTMLElement =>
  view.mostDivided.length
    ? h('ul', {}, ...mostDividedItems(view))
    : h(
        'p',
        {},
        view.classState.votes.some((v) => Object.values(v.counts).some((n) => n > 0))
          ? 'The room did not split: at every decision the votes all went one way.'
          : 'No votes were recorded.',
      );

const mostDividedItems = (view: ClassView) => {
  const path = pathOf(view);
  const sheets = sheetsOf(view);
  return view.mostDivided.map((d) => {
    const step = path[d.decision];
    return h(
      'li',
      {},
      step
        ? `Decision ${d.decision + 1}: ${splitWords(step, sheets)}. ${choiceWords(step)}`
        : `Decision ${d.decision + 1}: ${d.total} ${d.total === 1 ? 'vote' : 'votes'}.`,
    );
  });
};

const MOST_DIVIDED_MEANS =
  'The most divided decisions are those where the two most-voted options were closest, as a share of the votes cast.';

/** The take-away and the sheets' extras, if this view has them. */
function sheetsOf(view: ClassView): ClassSheets | null {
  const sheets: ClassSheets | null = view.takeaway ?? null;
  // Only a record of this very path names its options (never another path's, by mistake).
  const decisions = sheets?.decisions;
  if (
    decisions &&
    (decisions.length !== view.snapshot.decisions.length ||
      decisions.some((d, i) => d.options.length !== view.snapshot.decisions[i]!.offered.length))
  )
    return { ...sheets, decisions: undefined };
  return sheets;
}

/** "Words used": the glossary's own meaning of each term, in alphabetical order. */
function wordsUsed(terms: Iterable<string>, meanings: Record<string, string> | undefined): HTMLElement[] {
  const list = [...new Set(terms)]
    .filter((t) => meanings?.[t])
    .sort((a, b) => a.localeCompare(b, 'en-GB', { sensitivity: 'base' }));
  if (!list.length) return [];
  return [
    h('h2', {}, 'Words used'),
    h(
      'ul',
      { class: 'words-used' },
      ...list.map((t) => h('li', {}, h('strong', {}, t), `: ${meanings![t]}`)),
    ),
  ];
}

/** The trainer's record of the session, for print: one or two A4 pages. */
export function renderHandout(view: ClassView): HTMLElement {
  const ending = view.snapshot.ending;
  const details = view.classState.details;
  const path = pathOf(view);
  const sheets = sheetsOf(view);
  // Each decision's options that had votes, or were chosen, are named; the rest by number only.
  const named = (p: PathStep) =>
    p.split.flatMap((votes, i) => (votes > 0 || i + 1 === p.chosenNumber ? [i + 1] : []));
  // The glossary terms in what this sheet prints: the ending, the prompts and the options named.
  const terms = [
    ...(ending ? (sheets?.endingTerms ?? []) : []),
    ...path.flatMap((p) => {
      const d = sheets?.decisions?.[p.decision];
      return [...(d?.promptTerms ?? []), ...named(p).flatMap((n) => d?.options[n - 1]?.terms ?? [])];
    }),
  ];
  return h(
    'section',
    { class: 'print-sheet handout', 'aria-hidden': 'true' },
    h('h1', {}, `Class session: ${view.title}`),
    h(
      'p',
      { class: 'handout-who' },
      h('span', {}, h('strong', {}, 'Date: '), h('span', { class: 'handout-date' }, sessionDate(view))),
      h('span', {}, h('strong', {}, 'Group: '), h('span', { class: 'handout-group' }, details?.group || '—')),
      h(
        'span',
        {},
        h('strong', {}, 'Trainer: '),
        h('span', { class: 'handout-trainer' }, details?.trainer || '—'),
      ),
    ),
    ending
      ? h(
          'p',
          { class: 'handout-ending' },
          h('strong', {}, 'Ending: '),
          `${plainText(ending.title)} (${OUTCOME_WORDS[ending.outcome]}).`,
        )
      : null,
    view.bands
      ? [
          h(
            'p',
            { class: 'handout-bands' },
            h('strong', {}, 'Bands: '),
            DIMENSIONS.map((d) => {
              const b = view.bands![d];
              return `${DIMENSION_NAMES[d]} ${b.band ?? 'not tested'}${b.percent === null ? '' : ` (${b.percent}%)`}${b.cap ? `, capped at ${b.cap}` : ''}`;
            }).join(' · '),
          ),
          // Each band's reason, and any cap, in the debrief's own words (the same functions).
          h(
            'ul',
            { class: 'handout-band-reasons' },
            ...DIMENSIONS.map((d) => {
              const b = view.bands![d];
              return h(
                'li',
                {},
                h('strong', {}, `${DIMENSION_NAMES[d]}: `),
                reasonWords(b.reason, b.band),
                b.cap ? ` ${capWords(b.cap)}` : '',
              );
            }),
          ),
          h(
            'p',
            { class: 'note handout-scale' },
            'Figures in brackets are levels on the −4 to +4 scale. A percentage is the average level on that scale, out of 100: it is not a pass mark.',
          ),
        ]
      : null,
    // For a portfolio: whose record this is, and whose it is not.
    h(
      'p',
      { class: 'note handout-group-record' },
      'Group record: what the class decided together, not evidence of any one learner’s competence.',
    ),
    // What the session set out to practise, as the scenario states it (the take-away cites each).
    sheets?.outcomes.length
      ? [
          h('h2', {}, 'What the session practised'),
          h(
            'ul',
            { class: 'handout-outcomes' },
            ...sheets.outcomes.map((o) => h('li', {}, h('strong', {}, o.standard), `: ${o.text}`)),
          ),
        ]
      : null,
    h('h2', {}, 'The path the class took'),
    h(
      'ol',
      { class: 'handout-path' },
      ...path.map((p) =>
        h(
          'li',
          {},
          p.prompt ? h('p', { class: 'handout-prompt' }, p.prompt) : null,
          h(
            'ul',
            { class: 'handout-options' },
            ...named(p).map((n) => {
              const votes = p.split[n - 1] ?? 0;
              const chosen = n === p.chosenNumber;
              // The class's choice always has its words (the path keeps them); others if known.
              const text = chosen ? p.chosenText : sheets?.decisions?.[p.decision]?.options[n - 1]?.text;
              return h(
                'li',
                { class: chosen ? 'handout-chosen' : null },
                `${n}. `,
                text ? `“${text}”` : `Option ${n}`,
                p.total ? ` — ${votes} ${votes === 1 ? 'vote' : 'votes'}` : '',
                chosen ? h('strong', {}, ' · the class’s choice') : null,
              );
            }),
          ),
          h(
            'p',
            { class: 'handout-meta' },
            `Votes: ${votesWords(p)}`,
            p.total && named(p).length < p.split.length
              ? `; none for ${andList(p.split.flatMap((votes, i) => (votes > 0 || i + 1 === p.chosenNumber ? [] : [String(i + 1)])))}`
              : '',
            ` · Time to decide: ${timeWords(p)}`,
          ),
          p.reasons ? h('p', { class: 'handout-reasons' }, h('strong', {}, 'Reasons: '), p.reasons) : null,
        ),
      ),
    ),
    h('h2', {}, 'Where the room was most divided'),
    mostDividedList(view),
    h(
      'p',
      { class: 'note' },
      `${MOST_DIVIDED_MEANS} Time to decide runs from the options appearing to the class’s choice.`,
    ),
    ...wordsUsed(terms, sheets?.meanings),
  );
}

const cite = (sources: string[]) =>
  sources.length ? h('p', { class: 'sources' }, `Guidance: ${sources.join('; ')}`) : null;

/**
 * The learners' page: what they practised (each outcome with its guidance), the class's path
 * (its ending, and what the ending says about what the class did), the strongest path as the
 * key points (with the debrief's caveat), the words used, and where to find support.
 */
export function renderTakeaway(t: ClassSheets): HTMLElement {
  return h(
    'section',
    { class: 'print-sheet takeaway', 'aria-hidden': 'true' },
    h('h1', {}, `${t.title}: to take away`),
    h('h2', {}, 'What we practised'),
    h(
      'ul',
      { class: 'takeaway-outcomes' },
      ...t.outcomes.map((o) =>
        h('li', {}, h('strong', {}, o.standard), `: ${o.text}`, cite(o.source ? [o.source] : [])),
      ),
    ),
    h('h2', {}, `How it ended: ${t.ending.title}`),
    h('p', {}, t.ending.whatNext),
    t.endingPoints.length
      ? [
          // "You…": what the class did. Said of the class's own path, as the debrief says it.
          h('h3', {}, 'What this ending says about the class’s path'),
          h('p', { class: 'note' }, '“You” is the care worker, as the class played them.'),
          h(
            'ul',
            { class: 'takeaway-class-path' },
            ...t.endingPoints.map((p) =>
              h('li', {}, h('strong', {}, `${WENT[p.went].words}: `), p.why, cite(p.sources)),
            ),
          ),
        ]
      : null,
    h('h2', {}, 'What the strongest path did'),
    t.divergedAt === undefined
      ? null
      : h('p', { class: 'takeaway-caveat' }, strongestPathWords(t.divergedAt, 'the class')),
    h(
      'ol',
      { class: 'takeaway-points' },
      ...t.strongest.map((s) =>
        h(
          'li',
          {},
          s.prompt ? h('em', {}, s.prompt) : null,
          h('p', {}, `“${s.said}”`),
          h('p', {}, s.why),
          cite(s.sources),
        ),
      ),
    ),
    ...wordsUsed(t.takeawayTerms ?? [], t.meanings),
    h('h2', {}, 'Support'),
    h(
      'ul',
      { class: 'support-list' },
      ...t.signposting.map((s) => h('li', {}, h('strong', {}, s.name), ': ', s.detail)),
    ),
  );
}

/**
 * The summary on screen (with the sheets it prints). `send` carries the group's and trainer's
 * names to the group session; without it (a read-only copy) they are shown, not asked.
 */
export function renderClassSummary(view: ClassView, send?: (c: Command) => void): HTMLElement {
  const path = pathOf(view);
  const rows = path.map((p) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, String(p.decision + 1)),
      h('td', {}, p.prompt ?? ''),
      h(
        'td',
        {},
        `“${p.chosenText}”`,
        p.reasons ? h('p', { class: 'summary-reasons' }, h('strong', {}, 'Reasons: '), p.reasons) : null,
      ),
      h('td', { class: 'summary-figure' }, votesWords(p)),
      h('td', { class: 'summary-figure' }, timeWords(p)),
    ),
  );
  const date = new Date().toISOString().slice(0, 10);
  const handout = renderHandout(view);
  const details = view.classState.details;
  const field = (id: 'group' | 'trainer', label: string) => {
    const input = h('input', {
      type: 'text',
      id: `class-${id}`,
      maxlength: '80',
      autocomplete: 'off',
      value: details?.[id] ?? '',
      'data-keep': `class-${id}`,
    });
    input.addEventListener('change', () => {
      const form = input.closest('.class-details')!;
      const group = form.querySelector<HTMLInputElement>('#class-group')!.value;
      const trainer = form.querySelector<HTMLInputElement>('#class-trainer')!.value;
      // This window's handout at once; the group session keeps them (and tells the other window).
      handout.querySelector('.handout-group')!.textContent = group.trim() || '—';
      handout.querySelector('.handout-trainer')!.textContent = trainer.trim() || '—';
      send?.({ type: 'details', group, trainer });
    });
    return h('p', {}, h('label', { for: `class-${id}` }, label), input);
  };
  return h(
    'section',
    { class: 'card class-summary', 'aria-labelledby': 'class-summary-h' },
    h('h2', { id: 'class-summary-h' }, 'The class’s session'),
    h(
      'table',
      { class: 'summary-table' },
      h('caption', { class: 'visually-hidden' }, 'The class’s decisions, reasons, votes and times'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, '#'),
          h('th', { scope: 'col' }, 'Decision'),
          h('th', { scope: 'col' }, 'The class chose'),
          h('th', { scope: 'col' }, 'Votes'),
          h('th', { scope: 'col' }, 'Time to decide'),
        ),
      ),
      h('tbody', {}, ...rows),
    ),
    view.bands
      ? [
          h('h3', { id: 'class-bands-h' }, 'The class’s bands'),
          h(
            'ul',
            { class: 'summary-bands', 'aria-labelledby': 'class-bands-h' },
            ...DIMENSIONS.map((d) => {
              const b = view.bands![d];
              return h(
                'li',
                {},
                h(
                  'strong',
                  {},
                  `${DIMENSION_NAMES[d]}: ${b.band ?? 'not tested'}${b.percent === null ? '' : ` (${b.percent}%)`}`,
                ),
                b.cap ? h('span', { class: 'summary-cap' }, ` · capped at ${b.cap}`) : null,
                h('p', { class: 'explanation' }, b.explanation || reasonWords(b.reason, b.band)),
              );
            }),
          ),
        ]
      : null,
    h('h3', {}, 'Where the room was most divided'),
    mostDividedList(view),
    h(
      'p',
      { class: 'note' },
      `${MOST_DIVIDED_MEANS} Time runs from the options appearing to the class’s choice.`,
    ),
    send
      ? h(
          'fieldset',
          { class: 'class-details' },
          h('legend', {}, 'For the handout (optional, kept with this session)'),
          field('group', 'Group'),
          field('trainer', 'Trainer'),
        )
      : null,
    h(
      'div',
      { class: 'debrief-actions' },
      h(
        'button',
        { type: 'button', class: 'button secondary', onclick: () => printSheet('handout') },
        'Print handout',
      ),
      view.takeaway
        ? h(
            'button',
            { type: 'button', class: 'button secondary', onclick: () => printSheet('takeaway') },
            'Print take-away for learners',
          )
        : null,
      h(
        'button',
        {
          type: 'button',
          class: 'button secondary',
          onclick: () =>
            download(`careplay-${view.scenarioId}-${date}.json`, 'application/json', summaryJson(view)),
        },
        'Export JSON',
      ),
      view.summaryCsv
        ? h(
            'button',
            {
              type: 'button',
              class: 'button secondary',
              onclick: () =>
                download(`careplay-${view.scenarioId}-${date}.csv`, 'text/csv', view.summaryCsv!),
            },
            'Export CSV',
          )
        : null,
    ),
    handout,
    view.takeaway ? renderTakeaway(view.takeaway) : null,
  );
}

/** The glossary terms a scenario text marks, each by the glossary's own name for it. */
function termsIn(text: string | null | undefined, glossary: GlossaryFile): string[] {
  const terms: string[] = [];
  for (const match of (text ?? '').matchAll(GLOSSARY_MARK)) {
    // The same look-up as the player's glossary buttons (src/ui/richText.ts).
    const entry = findTerm(glossary, match[2] ?? match[1]!);
    if (entry && !terms.includes(entry.term)) terms.push(entry.term);
  }
  return terms;
}

/** The sheets for a class at its ending, from the scenario as it is played: its sources and glossary. */
export function classSheets(playable: PlayableScenario, model: DebriefModel): ClassSheets {
  const { scenario, references } = playable;
  return takeawayFrom(scenario, model, (key) => references.sources[key]?.title ?? key, references.glossary);
}

/**
 * The take-away's content, from the scenario and the debrief of the class's ending: its learning
 * outcomes, what the ending said about the path, the strongest path with why, and the ending's
 * signposting with the scenario's support. Plain text; guidance by title, as the debrief cites it.
 * With the glossary the player uses, the meaning of each glossary term the sheets print.
 */
export function takeawayFrom(
  scenario: Scenario,
  model: DebriefModel,
  sourceTitle: (key: string) => string,
  glossary: GlossaryFile = {},
): ClassSheets {
  const terms = (...texts: (string | null | undefined)[]) => texts.flatMap((t) => termsIn(t, glossary));
  const decisions = model.timeline.map((t) => ({
    promptTerms: terms(t.prompt),
    options: t.offered.map((o) => ({ text: plainText(o.text), terms: terms(o.text) })),
  }));
  const endingTerms = terms(model.ending.title);
  const takeawayTerms = [
    ...new Set(
      terms(
        ...scenario.outcomes.flatMap((o) => [o.standard, o.text]),
        model.ending.title,
        model.ending.whatNext,
        ...model.assessments.map((a) => a.why),
        ...model.bestPath.flatMap((step) => [step.prompt, step.option.text, step.option.why]),
        ...model.signposting.flatMap((s) => [s.name, s.detail]),
      ),
    ),
  ];
  const used = new Set([
    ...takeawayTerms,
    ...endingTerms,
    ...decisions.flatMap((d) => [...d.promptTerms, ...d.options.flatMap((o) => o.terms)]),
  ]);
  const meanings = Object.fromEntries([...used].map((term) => [term, plainText(glossary[term]!.meaning)]));
  return {
    title: scenario.title,
    outcomes: scenario.outcomes.map((o) => ({
      standard: plainText(o.standard),
      text: plainText(o.text),
      source: o.source ? sourceTitle(o.source) : null,
    })),
    ending: {
      title: plainText(model.ending.title),
      outcome: model.ending.outcome,
      whatNext: plainText(model.ending.whatNext),
    },
    endingPoints: model.assessments.map((a) => ({
      went: a.went,
      why: plainText(a.why),
      sources: a.sources.map(sourceTitle),
    })),
    strongest: model.bestPath.map((step) => ({
      prompt: step.prompt ? plainText(step.prompt) : null,
      said: plainText(step.option.text),
      why: plainText(step.option.why),
      sources: step.option.sources.map(sourceTitle),
    })),
    signposting: model.signposting.map((s) => ({ name: plainText(s.name), detail: plainText(s.detail) })),
    decisions,
    endingTerms,
    divergedAt: model.divergedAt,
    takeawayTerms,
    meanings,
  };
}
