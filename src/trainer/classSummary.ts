/**
 * The class's summary at the end: its path, the votes at each decision, the scores and bands,
 * and where the room was most divided. Printable on A4, exportable as JSON and CSV.
 */
import { DIMENSIONS } from '../engine/model';
import { DIMENSION_NAMES, reasonWords } from '../ui/bandWords';
import { h } from '../ui/dom';
import { plainText } from '../ui/richText';
import type { ClassView } from './protocol';

export function summaryJson(view: ClassView): string {
  const path = view.snapshot.decisions.map((d, i) => ({
    decision: i + 1,
    prompt: view.prompts[i],
    chosen: d.choice,
    chosenText: view.chosenTexts[i],
    votes: view.classState.votes.find((v) => v.decision === i)?.counts ?? {},
    how: view.classState.votes.find((v) => v.decision === i)?.how ?? null,
    scoreChange: d.score,
  }));
  return JSON.stringify(
    {
      scenario: view.scenarioId,
      title: view.title,
      ending: view.snapshot.ending
        ? {
            node: view.snapshot.ending.node,
            title: view.snapshot.ending.title,
            outcome: view.snapshot.ending.outcome,
          }
        : null,
      scores: view.snapshot.scores,
      bands: view.bands,
      path,
      mostDivided: view.mostDivided.map((d) => ({
        decision: d.decision + 1,
        margin: Number(d.margin.toFixed(3)),
        votes: d.total,
      })),
      mostDividedMeans:
        'the gap between the two most-voted options, as a share of all votes cast at that decision (0 = evenly split)',
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

export function renderClassSummary(view: ClassView): HTMLElement {
  const rows = view.snapshot.decisions.map((d, i) => {
    const votes = view.classState.votes.find((v) => v.decision === i);
    const total = Object.values(votes?.counts ?? {}).reduce((a, b) => a + b, 0);
    const chosenVotes = votes?.counts[d.choice] ?? 0;
    return h(
      'tr',
      {},
      h('th', { scope: 'row' }, String(i + 1)),
      h('td', {}, view.prompts[i] ?? ''),
      h('td', {}, `“${plainText(view.chosenTexts[i] ?? d.choice)}”`),
      h(
        'td',
        {},
        total
          ? `${chosenVotes} of ${total}${votes?.how === 'trainer' ? ' (trainer’s pick)' : ''}`
          : votes?.how === 'trainer'
            ? 'trainer’s pick'
            : '—',
      ),
    );
  });
  const date = new Date().toISOString().slice(0, 10);
  return h(
    'section',
    { class: 'card class-summary', 'aria-labelledby': 'class-summary-h' },
    h('h2', { id: 'class-summary-h' }, 'The class’s session'),
    h(
      'table',
      { class: 'summary-table' },
      h('caption', { class: 'visually-hidden' }, 'The class’s decisions and votes'),
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
    view.mostDivided.length
      ? h(
          'ul',
          {},
          ...view.mostDivided.map((d) =>
            h(
              'li',
              {},
              `Decision ${d.decision + 1}${view.prompts[d.decision] ? ` (${view.prompts[d.decision]})` : ''}: the top two options were ${Math.round(d.margin * 100)}% of the ${d.total} votes apart.`,
            ),
          ),
        )
      : h('p', {}, 'No votes were recorded.'),
    h(
      'p',
      { class: 'note' },
      'Most divided means the smallest gap between the two most-voted options, as a share of the votes cast.',
    ),
    h(
      'div',
      { class: 'debrief-actions' },
      h('button', { type: 'button', class: 'button secondary', onclick: () => window.print() }, 'Print (A4)'),
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
  );
}
