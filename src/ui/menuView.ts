/** The menu: one card per scenario, settings, and a place to try a trainer's own file. */
import type { App } from '../app/App';
import type { ScenarioCard } from '../app/catalogueTypes';
import type { Best } from '../app/progressStore';
import { h } from './dom';
import { openSettings } from './dialogs';
import { openKeymap } from './keymap';

export interface MenuActions {
  start(id: string): void;
  togglePresenter(): void;
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
  const list = h(
    'ul',
    { class: 'cards', 'aria-label': 'Scenarios' },
    ...cards.map((card) => h('li', {}, scenarioCard(card, actions, best.get(card.id)))),
  );
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
    list,
    drop,
  );
}

function scenarioCard(
  card: ScenarioCard & { custom: boolean },
  actions: MenuActions,
  best: Best | undefined,
): HTMLElement {
  // A trainer's own file has ids of its own, so it never shares one with a shipped card.
  const titleId = `${card.custom ? 'own-card' : 'card'}-${card.id}`;
  return h(
    'article',
    { class: 'card scenario-card', 'aria-labelledby': titleId },
    h('h2', { id: titleId }, card.title),
    h(
      'p',
      { class: 'meta' },
      card.minutes > 0 ? `About ${card.minutes} minutes` : '',
      card.custom && card.minutes > 0 ? ' · ' : '',
      card.custom ? h('span', { class: 'tag' }, 'Your file') : null,
    ),
    h('p', {}, card.summary),
    best
      ? h(
          'p',
          { class: 'best' },
          `${best.attempts} attempt${best.attempts === 1 ? '' : 's'}. Best: `,
          DIM_WORDS.map(([d, word]) => `${word} ${best.bands[d] ?? 'not tested'}`).join(' · '),
        )
      : null,
    card.contentNote
      ? h('p', { class: 'content-note' }, h('strong', {}, 'Content note: '), card.contentNote)
      : null,
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
