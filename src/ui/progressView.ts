/**
 * Learners, progress and evidence: choosing a learner, the progress page (every attempt and a
 * chart per dimension), the evidence report for an assessor, and moving or clearing data.
 * Loaded on demand: none of it is needed for the menu's first paint.
 */
import type { App } from '../app/App';
import {
  coveragePathOfAttempt,
  finalChoiceSteps,
  type Attempt,
  type AttemptAssessment,
  type BandName,
} from '../app/progressStore';
import { coverageLabel, outcomesCoverage, type OutcomeCoverage } from '../engine/outcomes';
import { SETTING_KEY } from '../app/storageKeys';
import { assessmentHead, reasonWords, scoreWords } from './bandWords';
import { openDialog } from './dialogs';
import { announce, h } from './dom';
import { mediumLead } from './lineMedium';
import { plainText } from './richText';
import { renderSVG } from 'uqr';

const DIMS = [
  ['empathy', 'Empathy'],
  ['boundaries', 'Professional boundaries'],
  ['escalation', 'Escalation'],
] as const;

/** The coverage rule, in the words the README uses beside the scoring rules. */
const COVERAGE_RULE =
  'Each outcome is judged at the decisions (and the findings at the end) that test it. Covered: at least one of them came up on this path, the answer at each was Competent (+2) or better on what the outcome is about, and nothing found at the end fell short there. Not yet: one of them fell short, and the decision and level are named. Not tested on this path: none of them came up. An outcome marked "whole path" is judged on the bands instead, because its record or its scenario does not say which decisions test it.';

const date = (ms: number) =>
  new Date(ms).toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' });

const bandText = (b: { band: BandName | null; percent: number | null }) =>
  `${b.band ?? 'Not tested'}${b.percent === null ? '' : ` (${b.percent}%)`}`;

/** What the ending said about the path: a mark and words per item, never colour alone. */
function assessmentList(items: AttemptAssessment[]): HTMLElement {
  return h(
    'ul',
    { class: 'assess-list' },
    ...items.map((a) => {
      const moves = [...scoreWords(a.score), ...(a.unsafe?.length ? [`Unsafe: ${a.unsafe.join(', ')}`] : [])];
      return h(
        'li',
        { class: `assess assess-${a.went}` },
        assessmentHead(a.went),
        h('p', { class: 'assess-why' }, plainText(a.why)),
        moves.length ? h('p', { class: 'assess-score' }, `Score it added: ${moves.join(', ')}`) : null,
        a.sources.length ? h('p', { class: 'note' }, `Guidance: ${a.sources.join('; ')}`) : null,
      );
    }),
  );
}

/** Each band with its reason and, where the record has it, its arithmetic. */
function bandList(a: Attempt): HTMLElement {
  return h(
    'ul',
    { class: 'report-bands' },
    ...DIMS.map(([d, label]) => {
      const b = a.bands[d];
      return h(
        'li',
        {},
        h('strong', {}, `${label}: ${bandText(b)}. `),
        reasonWords(plainText(b.reason), b.band),
        b.explanation && b.explanation !== reasonWords(b.reason, b.band)
          ? h('p', { class: 'explanation' }, h('em', {}, 'How it adds up: '), plainText(b.explanation))
          : null,
      );
    }),
  );
}

/** Choose, add or start a shared-computer learner. `changed` redraws the menu. */
export function openLearners(app: App, changed: () => void): HTMLDialogElement {
  const p = app.progress;
  const done = (message: string) => {
    dialog.close();
    changed();
    announce(message);
  };
  const name = h('input', { type: 'text', id: 'learner-name', autocomplete: 'off', maxlength: 80 });
  const shared = h('input', { type: 'checkbox', id: 'learner-shared' });
  const add = h(
    'button',
    {
      type: 'button',
      class: 'button',
      onclick: () => {
        const value = name.value.trim();
        if (!value) {
          name.focus();
          return;
        }
        const learner = shared.checked ? p.startShared(value) : p.addLearner(value);
        done(`You are now playing as ${learner.name}.`);
      },
    },
    'Start as this learner',
  );
  const list = h(
    'ul',
    { class: 'learner-list', 'aria-label': 'Learners on this computer' },
    ...p.learners().map((l) =>
      h(
        'li',
        {},
        h(
          'button',
          {
            type: 'button',
            class: 'button secondary',
            'aria-pressed': String(!p.shared && l.id === p.current.id),
            onclick: () => {
              p.switchTo(l.id);
              done(`You are now playing as ${l.name}.`);
            },
          },
          l.name,
        ),
      ),
    ),
  );
  const close = h(
    'button',
    { type: 'button', class: 'button secondary', onclick: () => dialog.close() },
    'Close',
  );
  const dialog = openDialog(
    app,
    'Who is playing?',
    [
      h('p', {}, 'Each learner’s attempts and notes are kept apart. Choose your name:'),
      list,
      h('h3', {}, 'A new learner'),
      h('label', { for: 'learner-name' }, 'Your name'),
      name,
      h(
        'p',
        {},
        h(
          'label',
          {},
          shared,
          ' Shared computer: keep nothing after this session (everything is forgotten when the page closes)',
        ),
      ),
    ],
    [add, close],
  );
  dialog.classList.add('learners-dialog');
  return dialog;
}

/** The progress page: every attempt, a chart per dimension, and moving or clearing data. */
export function openProgress(
  app: App,
  changed: () => void,
  /** Show one scenario's attempts only; null for all. */
  only: string | null = null,
): HTMLDialogElement {
  const p = app.progress;
  const loaded = p.attempts();
  const titles = new Map(loaded.value.map((a) => [a.scenarioId, a.scenarioTitle]));
  const scenarioIds = [...titles.keys()];
  const attempts = loaded.value.filter((a) => only === null || a.scenarioId === only);
  const learner = p.current;
  const reopen = (filter: string | null = null) => {
    dialog.close();
    changed();
    return openProgress(app, changed, filter);
  };

  // Charts mean most for one scenario at a time; "all" shows every attempt in order.
  const select = h(
    'select',
    { id: 'progress-filter' },
    h('option', { value: '' }, 'All scenarios'),
    ...scenarioIds.map((id) => h('option', { value: id, selected: id === only }, titles.get(id)!)),
  );
  select.addEventListener('change', () => {
    reopen(select.value || null)
      .querySelector<HTMLElement>('#progress-filter')
      ?.focus();
  });
  const filterField = h('p', {}, h('label', { for: 'progress-filter' }, 'Show attempts at: '), select);

  const table = attempts.length
    ? h(
        'table',
        { class: 'attempts' },
        h(
          'caption',
          {},
          `Attempts by ${learner.name}${only ? ` at “${titles.get(only)}”` : ''}, oldest first`,
        ),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, 'Date'),
            h('th', { scope: 'col' }, 'Scenario'),
            h('th', { scope: 'col' }, 'Mode'),
            ...DIMS.map(([, label]) => h('th', { scope: 'col' }, label)),
            h('th', { scope: 'col' }, 'Evidence'),
          ),
        ),
        h(
          'tbody',
          {},
          ...attempts.flatMap((a, i) => [
            h(
              'tr',
              {},
              // data-label: on a phone the rows stack, each cell saying what it is.
              h('td', { 'data-label': 'Date' }, date(a.finishedAt)),
              h('td', { 'data-label': 'Scenario' }, a.scenarioTitle),
              h('td', { 'data-label': 'Mode' }, a.mode === 'practice' ? 'Practice' : 'Assessment'),
              ...DIMS.map(([d, label]) => h('td', { 'data-label': label }, bandText(a.bands[d]))),
              h(
                'td',
                { class: 'attempt-report' },
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'button small secondary',
                    'aria-label': `Evidence report for attempt ${i + 1}: ${a.scenarioTitle}`,
                    onclick: () => {
                      dialog.close();
                      openReport(app, a);
                    },
                  },
                  'Report',
                ),
              ),
            ),
            // Why these bands, and what the ending said: a row of its own under the attempt.
            h(
              'tr',
              { class: 'attempt-detail' },
              h(
                'td',
                { colspan: 3 + DIMS.length + 1 },
                h(
                  'details',
                  {},
                  h('summary', {}, `How the bands add up, and what the ending said: ${a.ending.title}`),
                  bandList(a),
                  a.assessments?.length
                    ? [h('h4', {}, 'What the ending said about the path'), assessmentList(a.assessments)]
                    : null,
                ),
              ),
            ),
          ]),
        ),
      )
    : h('p', {}, `${learner.name} has not finished a scenario yet.`);

  const fileInput = h('input', {
    type: 'file',
    accept: '.json,application/json',
    class: 'visually-hidden',
    tabindex: '-1',
    'aria-hidden': 'true',
  });
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    void file.text().then((text) => {
      const summary = p.importJson(text);
      dialog.close();
      changed();
      const lines = [
        `Added ${summary.attempts} attempt${summary.attempts === 1 ? '' : 's'} for ${summary.learners} learner${summary.learners === 1 ? '' : 's'}. Nothing already here was changed.`,
        ...summary.problems,
      ];
      openDialog(
        app,
        'Import finished',
        lines.map((l) => h('p', {}, l)),
      );
    });
  });

  const exportButton = (everyone: boolean) =>
    h(
      'button',
      {
        type: 'button',
        class: 'button secondary',
        onclick: () =>
          download(p.exportJson(everyone), everyone ? 'careplay-everyone' : `careplay-${learner.name}`),
      },
      everyone ? 'Export everyone’s data' : 'Export this learner’s data',
    );

  const clearButton = (everyone: boolean) =>
    h(
      'button',
      {
        type: 'button',
        class: 'button quiet',
        onclick: () => {
          const yes = h(
            'button',
            {
              type: 'button',
              class: 'button danger',
              onclick: () => {
                if (everyone) p.clearEveryone();
                else p.clearCurrent();
                confirm.close();
                reopen();
              },
            },
            'Yes, delete it',
          );
          const no = h(
            'button',
            { type: 'button', class: 'button secondary', onclick: () => confirm.close() },
            'Keep it',
          );
          const confirm = openDialog(
            app,
            everyone ? 'Delete everyone’s data?' : `Delete the data of ${learner.name}?`,
            [
              h(
                'p',
                {},
                everyone
                  ? 'Every learner’s attempts, notes and saved places on this computer will be deleted. Export them first if you may want them again.'
                  : `The attempts, notes and saved places of ${learner.name} on this computer will be deleted. Export them first if you may want them again.`,
              ),
            ],
            [no, yes],
          );
          no.focus();
        },
      },
      everyone ? 'Delete everyone’s data…' : 'Delete this learner’s data…',
    );

  const dialog = openDialog(
    app,
    `Progress: ${learner.name}`,
    [
      p.shared
        ? h('p', { class: 'note' }, 'Shared computer: nothing here is kept after this session.')
        : null,
      ...loaded.problems.map((problem) => h('p', { class: 'note', role: 'status' }, problem)),
      scenarioIds.length > 1 ? filterField : null,
      table,
      attempts.length > 1
        ? h('div', { class: 'progress-charts' }, ...DIMS.map(([d, label]) => chart(d, label, attempts)))
        : null,
      h('h3', {}, 'Move or clear'),
      h(
        'p',
        { class: 'note' },
        'Export makes one file you can import on another computer. Importing adds to what is here and never replaces it.',
      ),
      h(
        'div',
        { class: 'actions' },
        exportButton(false),
        exportButton(true),
        h(
          'button',
          { type: 'button', class: 'button secondary', onclick: () => fileInput.click() },
          'Import a file…',
        ),
        fileInput,
      ),
      h('div', { class: 'actions' }, clearButton(false), clearButton(true)),
    ].filter((x): x is NonNullable<typeof x> => x !== null),
  );
  dialog.classList.add('progress-dialog');
  return dialog;
}

function download(text: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = h('a', { href: url, download: `${name.replace(/[^\w-]+/g, '-')}.json` });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const BAND_LEVEL: Record<BandName, number> = { Unsafe: 0, Developing: 1, Competent: 2, Exemplary: 3 };

/** One dimension's band over the attempts, as a line chart with a text alternative. */
function chart(dim: (typeof DIMS)[number][0], label: string, attempts: Attempt[]): HTMLElement {
  const W = 420;
  const H = 200;
  const pad = { l: 112, r: 16, t: 14, b: 30 };
  const x = (i: number) =>
    pad.l + (attempts.length <= 1 ? 0 : (i / (attempts.length - 1)) * (W - pad.l - pad.r));
  const y = (level: number) => pad.t + (1 - level / 3) * (H - pad.t - pad.b);
  const ns = 'http://www.w3.org/2000/svg';
  const id = `chart-${dim}`;
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('class', 'progress-chart');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `${id}-h ${id}-desc`);
  const el = (tag: string, attrs: Record<string, string | number>, text?: string) => {
    const e = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text) e.textContent = text;
    svg.appendChild(e);
  };
  for (const [band, level] of Object.entries(BAND_LEVEL)) {
    el('line', { x1: pad.l, y1: y(level), x2: W - pad.r, y2: y(level), stroke: '#d8d0c4' });
    el('text', { x: 4, y: y(level) + 4, 'font-size': 17, fill: '#414b55' }, band);
  }
  const points = attempts.flatMap((a, i) => {
    const b = a.bands[dim].band;
    return b ? [[x(i), y(BAND_LEVEL[b])] as const] : [];
  });
  if (points.length > 1)
    el('polyline', {
      points: points.map((p) => p.join(',')).join(' '),
      fill: 'none',
      stroke: '#1f5c6b',
      'stroke-width': 3,
    });
  for (const [cx, cy] of points) el('circle', { cx, cy, r: 5, fill: '#1f5c6b' });
  attempts.forEach((_, i) =>
    el(
      'text',
      { x: x(i), y: H - 8, 'font-size': 17, 'text-anchor': 'middle', fill: '#414b55' },
      String(i + 1),
    ),
  );
  const words = attempts.map((a, i) => `attempt ${i + 1}: ${a.bands[dim].band ?? 'not tested'}`).join('; ');
  return h(
    'figure',
    { class: 'progress-figure' },
    h('h3', { id: `${id}-h` }, `${label} over your attempts`),
    svg as unknown as HTMLElement,
    h('figcaption', { id: `${id}-desc`, class: 'note' }, `${label}, ${words}.`),
  );
}

export function openReportById(app: App, attemptId: string): void {
  const attempt = app.progress.attempts().value.find((a) => a.id === attemptId);
  if (attempt) openReport(app, attempt);
  else app.notify('That attempt could not be found on this device.');
}

type Dim = (typeof DIMS)[number][0];
const DIM_LABEL = Object.fromEntries(DIMS) as Record<Dim, string>;

/** Each outcome's coverage by the one rule (engine/outcomes.ts), as the table and transcript show it. */
function coverageOf(a: Attempt): OutcomeCoverage[] {
  return outcomesCoverage(a.outcomes, coveragePathOfAttempt(a));
}

/** Each outcome: what shows it, whether it is covered (and why not), and which decisions tested it. */
function outcomeTable(a: Attempt, coverage: readonly OutcomeCoverage[]): HTMLElement {
  return h(
    'table',
    { class: 'report-outcomes' },
    h('caption', {}, 'Learning outcomes, and the decisions that test them'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Outcome'),
        h('th', { scope: 'col' }, 'Covered?'),
        h('th', { scope: 'col' }, 'Decisions'),
      ),
    ),
    h(
      'tbody',
      {},
      ...a.outcomes.map((o, i) => {
        const dims = o.evidences ?? [];
        const c = coverage[i]!;
        return h(
          'tr',
          {},
          h(
            'td',
            {},
            h('strong', {}, o.standard),
            ': ',
            plainText(o.text),
            // What shows it: a line of its own, so the print layout keeps three readable columns.
            h(
              'span',
              { class: 'note coverage-dims' },
              dims.length
                ? c.rule === 'bands'
                  ? ` Shown by: ${dims.map((d) => `${DIM_LABEL[d]} ${a.bands[d].band ?? 'not tested'} (whole path)`).join('; ')}.`
                  : ` Shown by: ${dims.map((d) => DIM_LABEL[d]).join(' and ')}.`
                : ' Not linked to a dimension in this scenario.',
            ),
          ),
          h(
            'td',
            { class: `coverage coverage-${c.status}` },
            h('strong', {}, coverageLabel(c)),
            c.status === 'not-linked' ? null : h('span', { class: 'coverage-why' }, ' ', reasonAfterLabel(c)),
          ),
          h('td', {}, c.decisions.length ? c.decisions.map((d) => d + 1).join(', ') : '—'),
        );
      }),
    ),
  );
}

/** The reason without the status word the label already shows ("Not yet: …" → "…"). */
const reasonAfterLabel = (c: OutcomeCoverage) =>
  c.reason.replace(/^(Covered|Not yet|Not tested on this path): /, '');

/** Outcomes a decision on the final path tested (by the same rule as the table). */
function outcomesAt(a: Attempt, coverage: readonly OutcomeCoverage[], decision: number): string[] {
  return a.outcomes.filter((_, i) => coverage[i]!.decisions.includes(decision)).map((o) => o.standard);
}

/** A line to write on, with its label: prints as a ruled line. */
const writeLine = (label: string) =>
  h(
    'div',
    { class: 'sign-line' },
    h('span', {}, label),
    h('span', { class: 'sign-rule', 'aria-hidden': 'true' }),
  );

/** The reference code, as text and as a QR code, and how an assessor checks it. */
function verifyBlock(code: string): HTMLElement {
  const svg = renderSVG(code, { border: 1 });
  const img = h('img', {
    class: 'report-qr',
    alt: `QR code of the reference code ${code}`,
    src: `data:image/svg+xml,${encodeURIComponent(svg)}`,
    width: 132,
    height: 132,
  });
  return h(
    'section',
    { class: 'report-verify', 'aria-labelledby': 'report-verify-h' },
    img,
    h(
      'div',
      {},
      h('h2', { id: 'report-verify-h' }, 'Check this report'),
      h('p', {}, 'Reference code: ', h('code', { class: 'report-code' }, code)),
      h(
        'p',
        { class: 'note' },
        'An assessor can check it in any copy of CarePlay: Check a report (on the menu), then type or scan this code. CarePlay replays the same choices in the same scenario version and shows the bands and transcript, or says plainly where they differ. The code shows the report matches a real path; it does not prove who played it.',
      ),
    ),
  );
}

/** The evidence report: a page of its own over everything else, printable on A4. */
export function openReport(app: App, a: Attempt): HTMLElement {
  const learner = app.progress.current.name;
  const coverage = coverageOf(a);
  const finalSteps = finalChoiceSteps(a);
  const root = document.documentElement;
  const previousTitle = document.title;
  // Everything behind the report is out of reach while it is open: one main, and Tab stays in it.
  const behind = [...app.ui.children, document.getElementById('stage')].filter(
    (el): el is HTMLElement =>
      el instanceof HTMLElement && !el.classList.contains('banners') && !el.hasAttribute('inert'),
  );
  const close = () => {
    report.remove();
    pageStyle.remove();
    for (const el of behind) el.removeAttribute('inert');
    root.removeAttribute('data-report');
    document.title = previousTitle;
    const back = returnFocus?.isConnected ? returnFocus : app.ui.querySelector<HTMLElement>('h1');
    back?.focus();
  };
  const returnFocus = document.activeElement as HTMLElement | null;
  // Where the learner works: typed once, remembered for this learner, printed on the report.
  const settingInput = h('input', {
    type: 'text',
    id: 'report-setting',
    class: 'report-setting',
    'aria-label': 'Setting or employer',
    placeholder: 'Type where you work',
    maxlength: 120,
    value: app.learnerStore.get(SETTING_KEY) ?? '',
  });
  settingInput.addEventListener('change', () => app.learnerStore.set(SETTING_KEY, settingInput.value.trim()));
  // The learner's name and the page number on every printed page.
  const pageStyle = h('style', {});
  pageStyle.textContent = `@page { @bottom-left { content: ${JSON.stringify(`${learner} · ${a.scenarioTitle}`)}; font-size: 9pt; } @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 9pt; } }`;
  document.head.appendChild(pageStyle);
  const report = h(
    'main',
    { class: 'screen report-screen', id: 'report', 'aria-labelledby': 'report-h' },
    h(
      'article',
      { class: 'report' },
      h('h1', { id: 'report-h', tabindex: '-1' }, `Evidence report: ${a.scenarioTitle}`),
      h(
        'p',
        { class: 'report-statement' },
        h('strong', {}, 'What this is: '),
        'evidence of knowledge and reflection from a role-play simulation. It is not evidence of observed practice: it does not show how the learner works with real people, and an assessor should not treat it as an observation.',
      ),
      h(
        'dl',
        { class: 'report-facts' },
        ...(
          [
            ['Learner', learner],
            ['Setting or employer', settingInput],
            ['Date', date(a.finishedAt)],
            ['Scenario', `${a.scenarioTitle} (version ${a.scenarioVersion})`],
            ['Mode', a.mode === 'practice' ? 'Practice' : 'Assessment'],
            ['Rewinds used', String(a.rewinds)],
            [
              'Feedback seen',
              a.feedbackDuringPlay ? 'After each choice, during play' : 'Only at the end, in the debrief',
            ],
            ['Ending', `${a.ending.title} (a ${a.ending.outcome} outcome)`],
          ] as const
        ).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
      ),
      h('h2', {}, 'Learning outcomes covered'),
      h('p', { class: 'note' }, COVERAGE_RULE),
      outcomeTable(a, coverage),
      h('h2', {}, 'Bands, with reasons'),
      bandList(a),
      a.assessments?.length
        ? [h('h2', {}, 'What the ending says about the path'), assessmentList(a.assessments)]
        : null,
      h('h2', {}, 'Transcript, with feedback'),
      h(
        'ol',
        { class: 'report-transcript' },
        ...a.steps.map((s) =>
          s.kind === 'line'
            ? h(
                'li',
                {},
                s.medium
                  ? h('strong', {}, `${mediumLead(s.medium, s.speaker)}: `)
                  : s.speaker
                    ? h('strong', {}, `${s.speaker}: `)
                    : null,
                plainText(s.text),
              )
            : h(
                'li',
                { class: 'report-choice' },
                h('strong', {}, `Decision ${s.decision + 1}, the learner said: `),
                `“${plainText(s.text)}”`,
                finalSteps.has(s) && outcomesAt(a, coverage, s.decision).length
                  ? h(
                      'p',
                      { class: 'note' },
                      `Evidence for: ${outcomesAt(a, coverage, s.decision).join('; ')}`,
                    )
                  : null,
                h('p', {}, h('em', {}, 'Feedback: '), plainText(s.feedback)),
                s.sources.length ? h('p', { class: 'note' }, `Guidance: ${s.sources.join('; ')}`) : null,
              ),
        ),
      ),
      h('h2', {}, 'Reflection notes'),
      a.notes.trim()
        ? h('p', { class: 'report-notes' }, a.notes)
        : h('p', {}, 'The learner wrote no reflection notes for this attempt.'),
      h(
        'section',
        { class: 'report-sign', 'aria-labelledby': 'report-declare-h' },
        h('h2', { id: 'report-declare-h' }, 'Learner declaration'),
        h(
          'p',
          {},
          `I, ${learner}, declare that this is a true record of my own choices in this simulation, and that the reflection notes are my own work.`,
        ),
        writeLine('Learner signature'),
        writeLine('Date'),
      ),
      h(
        'section',
        { class: 'report-sign', 'aria-labelledby': 'report-assessor-h' },
        h('h2', { id: 'report-assessor-h' }, 'Assessor'),
        writeLine('Assessor name'),
        writeLine('Signature'),
        writeLine('Date'),
        h('p', {}, 'Feedback to the learner:'),
        h(
          'div',
          { class: 'feedback-lines', 'aria-hidden': 'true' },
          ...Array.from({ length: 5 }, () => h('span', { class: 'sign-rule' })),
        ),
      ),
      a.code
        ? verifyBlock(a.code)
        : h(
            'p',
            { class: 'note' },
            'This attempt was saved before CarePlay gave reports a reference code, so it cannot be checked.',
          ),
      h(
        'div',
        { class: 'debrief-actions' },
        h(
          'button',
          { type: 'button', class: 'button', onclick: () => window.print() },
          'Print or save as PDF',
        ),
        h('button', { type: 'button', class: 'button secondary', onclick: close }, 'Close the report'),
      ),
    ),
  );
  report.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close();
  });
  root.setAttribute('data-report', '');
  for (const el of behind) el.setAttribute('inert', '');
  app.ui.appendChild(report);
  document.title = `Evidence report: ${a.scenarioTitle} – CarePlay`;
  report.querySelector<HTMLElement>('#report-h')?.focus();
  return report;
}

/**
 * An assessor checks a report: type (or scan) its reference code; CarePlay replays that path in
 * that scenario here and shows the bands and the transcript, or says plainly why it cannot, or
 * that they differ from what the report says.
 */
export function openCheckReport(app: App): HTMLDialogElement {
  const input = h('input', {
    type: 'text',
    id: 'check-code',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'CP1.demo-gift.3.0212.CEN.7K2Q',
  });
  const out = h('div', { class: 'check-result', role: 'status' });
  const say = (...nodes: (HTMLElement | string)[]) => {
    out.replaceChildren(...nodes);
  };
  const check = async () => {
    const [{ decodeReference, replayReference }, { buildDebrief }] = await Promise.all([
      import('../engine/referenceCode'),
      import('../engine/debrief'),
    ]);
    const decoded = decodeReference(input.value);
    if (!decoded.ok) return say(h('p', { class: 'check-bad' }, decoded.why));
    const code = decoded.code;
    let playable;
    try {
      playable = await app.loadPlayable(code.scenarioId);
    } catch {
      return say(
        h(
          'p',
          { class: 'check-bad' },
          `This CarePlay does not have the scenario “${code.scenarioId}” that the report is about, so it cannot check it here. Use the CarePlay the report was made with, or add that scenario.`,
        ),
      );
    }
    const scenario = playable.scenario;
    if (code.version > scenario.version)
      return say(
        h(
          'p',
          { class: 'check-bad' },
          `The report was made with version ${code.version} of “${scenario.title}”, which is newer than the version ${scenario.version} here. Update CarePlay to check it.`,
        ),
      );
    const replayed = replayReference(scenario, code);
    if (!replayed.ok)
      return say(
        h(
          'p',
          { class: 'check-bad' },
          `The report’s choices do not replay in “${scenario.title}” version ${scenario.version}: ${replayed.why}`,
        ),
      );
    const model = buildDebrief(scenario, replayed.session.result()!, playable.analysis.bestPath);
    const differ = DIMS.filter(([d]) => model.bands[d].band !== code.bands[d]);
    const older =
      code.version < scenario.version
        ? h(
            'p',
            { class: 'note' },
            `The report was made with version ${code.version}; this is version ${scenario.version}, so the replay uses the newer wording and scoring.`,
          )
        : null;
    say(
      h(
        'p',
        { class: differ.length ? 'check-bad' : 'check-good' },
        differ.length
          ? `✗ They differ. ${differ
              .map(
                ([d, label]) =>
                  `The report says ${label}: ${code.bands[d] ?? 'not tested'}; replaying its choices gives ${model.bands[d].band ?? 'not tested'}.`,
              )
              .join(' ')}`
          : `✓ The bands match the report: replaying its ${replayed.choices.length} choices in “${scenario.title}” version ${scenario.version} gives the same bands.`,
      ),
      ...(older ? [older] : []),
      h('h3', {}, 'Bands from the replay'),
      h(
        'ul',
        { class: 'check-bands' },
        ...DIMS.map(([d, label]) =>
          h(
            'li',
            {},
            h('strong', {}, `${label}: ${bandText(model.bands[d])}`),
            '. ',
            plainText(model.bands[d].reason),
          ),
        ),
      ),
      h('p', {}, h('strong', {}, 'Ending: '), plainText(model.ending.title)),
      h('h3', {}, 'Transcript of the choices'),
      h(
        'ol',
        { class: 'check-transcript' },
        ...model.timeline.map((t) =>
          h(
            'li',
            {},
            t.prompt ? h('p', { class: 'note' }, plainText(t.prompt)) : null,
            h('p', {}, `“${plainText(t.chosen.text)}”`),
            h('p', {}, h('em', {}, 'Feedback: '), plainText(t.chosen.why)),
          ),
        ),
      ),
    );
  };
  const checkButton = h('button', { type: 'button', class: 'button', onclick: () => void check() }, 'Check');
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') void check();
  });
  const close = h(
    'button',
    { type: 'button', class: 'button secondary', onclick: () => dialog.close() },
    'Close',
  );
  const dialog = openDialog(
    app,
    'Check a report',
    [
      h(
        'p',
        {},
        'Type the reference code printed on an evidence report (a QR scanner gives the same text). Nothing is sent anywhere: the check runs on this computer.',
      ),
      h('label', { for: 'check-code' }, 'Reference code'),
      input,
      out,
    ],
    [checkButton, close],
  );
  dialog.classList.add('check-dialog');
  input.focus();
  return dialog;
}
