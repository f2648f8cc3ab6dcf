/**
 * The menu: the scenario library (filtered by working relationship, length and progress),
 * settings, and a place to try a trainer's own file.
 */
import type { App } from '../app/App';
import type { ScenarioCard } from '../app/catalogueTypes';
import type { Best } from '../app/progressStore';
import { RELATIONSHIPS, type Relationship } from '../engine/model';
import { h } from './dom';
import { openSettings } from './dialogs';
import { openKeymap } from './keymap';

export interface MenuActions {
  start(id: string): void;
  togglePresenter(): void;
  /** Presenter mode: the classes that reached an ending, to reopen, export or delete. */
  pastClasses(): void;
  tryFile(file: File): void;
  remove(id: string): void;
  /** The learner or their data changed: draw the menu again. */
  refresh(): void;
}

const DIM_WORDS = [
  ['empathy', 'Empathy'],
  ['boundaries', 'Boundaries'],
  ['escalation', 'Escalation'],
] as const;

export function renderMenu(
  app: App,
  actions: MenuActions,
  problems?: { file: string; lines: string[] },
): HTMLElement {
  const cards = app.cards();
  const best = app.progress.best();
  const unread = app.progress.attempts().problems.length;
  if (unread) {
    app.notify(
      `${unread === 1 ? 'One saved attempt' : `${unread} saved attempts`} could not be read, so ${unread === 1 ? 'it is' : 'they are'} not counted on the scenario cards; the others are. Progress and evidence says why.`,
    );
  }
  const library = renderLibrary(cards, actions, best);
  const learner = app.progress.current;
  const progressUi = () => import('./progressView');
  const learnerBar = h(
    'section',
    { class: 'learner-bar', 'aria-label': 'Learner' },
    h(
      'p',
      {},
      'Playing as ',
      h('strong', {}, learner.name),
      app.progress.shared ? ' · shared computer: nothing is kept after this session' : '',
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'button small secondary',
        onclick: () => void progressUi().then((m) => m.openLearners(app, actions.refresh)),
      },
      'Change learner',
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'button small secondary',
        onclick: () => void progressUi().then((m) => m.openProgress(app, actions.refresh)),
      },
      'Progress and evidence',
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'button small secondary',
        onclick: () => void progressUi().then((m) => m.openCheckReport(app)),
      },
      'Check a report',
    ),
  );

  // The file input itself is hidden from everyone; the button beside it opens it.
  const fileInput = h('input', {
    type: 'file',
    accept: '.yaml,.yml,text/yaml',
    class: 'visually-hidden',
    tabindex: '-1',
    'aria-hidden': 'true',
  });
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (file) actions.tryFile(file);
    fileInput.value = '';
  });
  const drop = h(
    'section',
    { class: 'dropzone', 'aria-labelledby': 'try-own' },
    h('h2', { id: 'try-own' }, 'Try your own scenario'),
    h('p', {}, 'Drop a scenario file (.yaml) here, or choose one.'),
    h(
      'button',
      { type: 'button', class: 'button secondary', onclick: () => fileInput.click() },
      'Choose a file…',
    ),
    fileInput,
    h('p', { class: 'note' }, 'It is checked here in your browser and kept on this device only.'),
    problems
      ? h(
          'div',
          { class: 'problems', role: 'alert', tabindex: '-1' },
          h('h3', {}, `“${problems.file}” can’t be played yet`),
          h('ul', {}, ...problems.lines.map((l) => h('li', {}, l))),
        )
      : null,
  );
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('active');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('active'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('active');
    const file = e.dataTransfer?.files?.[0];
    if (file) actions.tryFile(file);
  });

  return h(
    'main',
    { class: 'screen menu', id: 'menu' },
    h(
      'header',
      { class: 'menu-header' },
      h(
        'div',
        {},
        h('h1', { tabindex: '-1' }, 'CarePlay'),
        h('p', {}, 'Practise hard conversations in care, and learn why each choice matters.'),
      ),
      h(
        'div',
        { class: 'menu-actions' },
        h(
          'button',
          {
            type: 'button',
            class: 'button secondary',
            'aria-pressed': String(app.presenter),
            onclick: () => actions.togglePresenter(),
            title: 'A layout for a classroom projector, with votes at each decision (key P)',
          },
          'Presenter mode',
        ),
        app.presenter
          ? h(
              'button',
              { type: 'button', class: 'button secondary', onclick: () => actions.pastClasses() },
              'Past class sessions',
            )
          : null,
        h(
          'button',
          { type: 'button', class: 'button secondary', onclick: () => openSettings(app) },
          'Settings',
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'button secondary',
            onclick: () => openKeymap(app),
            'aria-label': 'Keyboard keys',
          },
          'Keys (?)',
        ),
      ),
    ),
    learnerBar,
    library,
    drop,
  );
}

function scenarioCard(card: Card, actions: MenuActions, best: Best | undefined): HTMLElement {
  // A trainer's own file has ids of its own, so it never shares one with a shipped card.
  const titleId = `${card.custom ? 'own-card' : 'card'}-${card.id}`;
  const length = [
    card.minutes > 0 ? `About ${card.minutes} minutes` : '',
    card.decisions
      ? card.decisions.fewest === card.decisions.most
        ? `${card.decisions.most} decisions`
        : `${card.decisions.fewest} to ${card.decisions.most} decisions`
      : '',
  ].filter(Boolean);
  return h(
    'article',
    { class: 'card scenario-card', 'aria-labelledby': titleId },
    h('h3', { id: titleId }, card.title),
    h(
      'p',
      { class: 'meta' },
      length.join(' · '),
      card.custom && length.length ? ' · ' : '',
      card.custom ? h('span', { class: 'tag' }, 'Your file') : null,
    ),
    card.relationships.length
      ? h(
          'p',
          { class: 'relationships' },
          h('span', { class: 'visually-hidden' }, 'About working with: '),
          ...card.relationships.map((r) => h('span', { class: 'tag relationship' }, RELATIONSHIP_WORDS[r])),
        )
      : null,
    // What the scenario is about, in one box: a phone held sideways shows it beside the title
    // and Start (styles.css); elsewhere the box is not drawn (display: contents).
    h(
      'div',
      { class: 'card-body' },
      h('p', {}, card.summary),
      best
        ? h(
            'p',
            { class: 'best' },
            `${best.attempts} attempt${best.attempts === 1 ? '' : 's'}. Best: `,
            DIM_WORDS.map(([d, word]) => `${word} ${best.bands[d] ?? 'not tested'}`).join(' · '),
          )
        : h('p', { class: 'best none' }, 'Not tried yet'),
      card.contentNote
        ? h('p', { class: 'content-note' }, h('strong', {}, 'Content note: '), card.contentNote)
        : null,
    ),
    h(
      'details',
      {},
      h('summary', {}, 'Learning outcomes'),
      h('ul', {}, ...card.outcomes.map((o) => h('li', {}, h('strong', {}, o.standard), ': ', o.text))),
    ),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          type: 'button',
          class: 'button',
          onclick: () => actions.start(card.id),
          'aria-describedby': titleId,
        },
        'Start',
      ),
      card.custom
        ? h(
            'button',
            {
              type: 'button',
              class: 'button quiet',
              onclick: () => actions.remove(card.id),
              'aria-describedby': titleId,
            },
            'Remove',
          )
        : null,
    ),
  );
}

/** What the library's filters can say, in the words a learner and a trainer use. */
export const RELATIONSHIP_WORDS: Record<Relationship, string> = {
  'service-users': 'People who use services',
  families: 'Families and friends',
  colleagues: 'Colleagues',
  managers: 'Managers',
  'other-professionals': 'Other professionals',
  volunteers: 'Volunteers',
  advocates: 'Advocates',
  'external-agencies': 'External agencies',
};

const LENGTHS = [
  { id: 'any', words: 'Any length', fits: () => true },
  { id: 'short', words: 'Up to 10 minutes', fits: (m: number) => m > 0 && m <= 10 },
  { id: 'medium', words: '11 to 15 minutes', fits: (m: number) => m > 10 && m <= 15 },
  { id: 'long', words: 'Over 15 minutes', fits: (m: number) => m > 15 },
] as const;

const PROGRESS = [
  { id: 'any', words: 'Tried or not' },
  { id: 'new', words: 'Not tried yet' },
  { id: 'tried', words: 'Tried before' },
] as const;

interface LibraryFilter {
  relationship: Relationship | 'all';
  length: (typeof LENGTHS)[number]['id'];
  progress: (typeof PROGRESS)[number]['id'];
}

/** Kept while the page is open, so coming back to the menu finds the library as it was left. */
const filter: LibraryFilter = { relationship: 'all', length: 'any', progress: 'any' };

type Card = ScenarioCard & { custom: boolean };

/** Shipped scenarios in the order of the relationships they are mainly about; own files last. */
function libraryOrder(cards: Card[]): Card[] {
  const rank = (c: Card) =>
    c.custom
      ? RELATIONSHIPS.length + 1
      : c.relationships[0]
        ? RELATIONSHIPS.indexOf(c.relationships[0])
        : RELATIONSHIPS.length;
  return cards
    .map((c, i) => ({ c, i }))
    .sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i)
    .map(({ c }) => c);
}

function matches(card: Card, f: LibraryFilter, best: Best | undefined): boolean {
  if (f.relationship !== 'all' && !card.relationships.includes(f.relationship)) return false;
  if (!LENGTHS.find((l) => l.id === f.length)!.fits(card.minutes)) return false;
  if (f.progress === 'new' && best) return false;
  if (f.progress === 'tried' && !best) return false;
  return true;
}

/**
 * The library: filters a learner or a trainer can use at 1024x768 and on a phone (native radio
 * buttons and selects, so keyboards and screen readers need nothing special), a count that is
 * announced as it changes, and the cards. Filtering hides cards rather than redrawing them, so
 * focus never jumps.
 */
function renderLibrary(all: Card[], actions: MenuActions, best: Map<string, Best>): HTMLElement {
  const cards = libraryOrder(all);
  const items = cards.map((card) => ({
    card,
    li: h('li', {}, scenarioCard(card, actions, best.get(card.id))),
  }));
  const status = h('p', { class: 'library-status', role: 'status', id: 'library-status' });
  const none = h(
    'p',
    { class: 'library-none', hidden: true },
    'No scenario matches all of these. ',
    h(
      'button',
      {
        type: 'button',
        class: 'button small secondary',
        onclick: () => {
          filter.relationship = 'all';
          filter.length = 'any';
          filter.progress = 'any';
          for (const r of form.querySelectorAll<HTMLInputElement>('input[name="relationship"]'))
            r.checked = r.value === 'all';
          relationshipSelect.el.value = 'all';
          lengthSelect.value = 'any';
          progressSelect.value = 'any';
          update();
          form.querySelector<HTMLInputElement>('input[value="all"]')?.focus();
        },
      },
      'Show every scenario',
    ),
  );

  const used = RELATIONSHIPS.filter((r) => cards.some((c) => c.relationships.includes(r)));
  if (filter.relationship !== 'all' && !used.includes(filter.relationship)) filter.relationship = 'all';
  const chip = (value: string, words: string, count: number) =>
    h(
      'label',
      { class: 'chip' },
      h('input', {
        type: 'radio',
        name: 'relationship',
        value,
        checked: filter.relationship === value,
        onchange: () => {
          filter.relationship = value as LibraryFilter['relationship'];
          relationshipSelect.el.value = value;
          update();
        },
      }),
      h('span', {}, words, h('span', { class: 'count' }, ` ${count}`)),
    );
  const select = <T extends { id: string; words: string }>(
    label: string,
    options: readonly T[],
    value: string,
    set: (v: T['id']) => void,
  ) => {
    const el = h(
      'select',
      {
        onchange: (e: Event) => {
          set((e.target as HTMLSelectElement).value as T['id']);
          update();
        },
      },
      ...options.map((o) => h('option', { value: o.id, selected: o.id === value }, o.words)),
    );
    return { el, label: h('label', { class: 'filter-select' }, h('span', {}, label), el) };
  };
  // On a narrow screen a select takes the chips' place (CSS shows one or the other).
  const relationshipOptions = [
    { id: 'all', words: `All (${cards.length})` },
    ...used.map((r) => ({
      id: r,
      words: `${RELATIONSHIP_WORDS[r]} (${cards.filter((c) => c.relationships.includes(r)).length})`,
    })),
  ];
  const relationshipSelect = select(
    'Who the conversation is with',
    relationshipOptions,
    filter.relationship,
    (v) => {
      filter.relationship = v as LibraryFilter['relationship'];
      for (const r of form.querySelectorAll<HTMLInputElement>('input[name="relationship"]'))
        r.checked = r.value === v;
    },
  );
  relationshipSelect.label.classList.add('relationship-select');
  const length = select('Length', LENGTHS, filter.length, (v) => (filter.length = v));
  const progress = select('Progress', PROGRESS, filter.progress, (v) => (filter.progress = v));
  const lengthSelect = length.el;
  const progressSelect = progress.el;

  const form = h(
    'form',
    { class: 'library-filters', 'aria-label': 'Find a scenario', onsubmit: (e: Event) => e.preventDefault() },
    used.length > 0
      ? h(
          'fieldset',
          { class: 'chips' },
          h('legend', {}, 'Who the conversation is with'),
          chip('all', 'All', cards.length),
          ...used.map((r) =>
            chip(r, RELATIONSHIP_WORDS[r], cards.filter((c) => c.relationships.includes(r)).length),
          ),
        )
      : null,
    h(
      'div',
      { class: 'filter-selects' },
      used.length > 0 ? relationshipSelect.label : null,
      length.label,
      progress.label,
    ),
  );

  function update(): void {
    let shown = 0;
    for (const { card, li } of items) {
      const fits = matches(card, filter, best.get(card.id));
      li.hidden = !fits;
      if (fits) shown++;
    }
    none.hidden = shown > 0;
    const narrowed = filter.relationship !== 'all' || filter.length !== 'any' || filter.progress !== 'any';
    status.textContent = narrowed
      ? `Showing ${shown} of ${cards.length} scenarios`
      : `${cards.length} scenario${cards.length === 1 ? '' : 's'}`;
  }
  update();

  return h(
    'section',
    { class: 'library', 'aria-labelledby': 'library-h' },
    h('div', { class: 'library-head' }, h('h2', { id: 'library-h' }, 'Scenarios'), status),
    cards.length > 1 ? form : null,
    none,
    h('ul', { class: 'cards', 'aria-labelledby': 'library-h' }, ...items.map((i) => i.li)),
  );
}
