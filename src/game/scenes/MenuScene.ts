import Phaser from 'phaser';
import type { App } from '../../app/App';
import { openKeymap } from '../../ui/keymap';
import { renderMenu, type MenuActions } from '../../ui/menuView';
import { drawRoom } from '../art/drawRoom';
import { DESIGN_HEIGHT, DESIGN_WIDTH } from '../design';

/** The menu: the lounge as a backdrop, and the scenario cards in the HTML layer. */
export class MenuScene extends Phaser.Scene {
  constructor(private readonly app: App) {
    super('Menu');
  }

  create(data: { problems?: { file: string; lines: string[] } } = {}) {
    drawRoom(this, 'lounge', DESIGN_WIDTH, DESIGN_HEIGHT);
    this.cameras.main.fadeIn(this.app.reducedMotion() ? 0 : 250, 20, 16, 12);
    let leaving = false;
    const actions: MenuActions = {
      start: (id) => {
        // One start only: a second click or Enter before the scene changes would start it twice.
        if (leaving) return;
        leaving = true;
        this.scene.start('Conversation', { id });
      },
      tryFile: (file) => void this.tryFile(file),
      refresh: () => this.app.mount(renderMenu(this.app, actions)),
      remove: (id) => {
        this.app.removeCustom(id);
        this.app.mount(renderMenu(this.app, actions));
      },
      togglePresenter: () => {
        this.app.presenter = !this.app.presenter;
        this.app.mount(renderMenu(this.app, actions));
        this.app.ui.querySelector<HTMLElement>('[aria-pressed]')?.focus();
      },
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      if (
        document.querySelector('dialog[open], #report') ||
        (e.target as HTMLElement).closest('input, textarea, select')
      )
        return;
      if (e.key === 'p' || e.key === 'P') {
        e.preventDefault();
        actions.togglePresenter();
      } else if (e.key === '?') {
        e.preventDefault();
        openKeymap(this.app);
      }
    };
    document.addEventListener('keydown', onKey);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => document.removeEventListener('keydown', onKey));
    this.app.mount(renderMenu(this.app, actions, data.problems));
    // Only the first menu of a page load asks; after that the learner has chosen already.
    const ask = !this.app.askedWhoIsPlaying;
    this.app.askedWhoIsPlaying = true;
    if (ask && this.app.progress.learners().length > 1 && !this.app.presenter) {
      void import('../../ui/progressView').then((m) => m.openLearners(this.app, actions.refresh));
    }
    document.title = 'CarePlay';
    // A standard performance mark (no data leaves the page): npm run bench reads it.
    performance.mark('ready');
  }

  private async tryFile(file: File) {
    const text = await file.text();
    const { checkCustomScenario } = await import('../../app/customScenario');
    const checked = await checkCustomScenario(file.name, text);
    if (!checked.playable || !checked.card) {
      this.scene.restart({ problems: { file: file.name, lines: checked.problems } });
      return;
    }
    const saved = this.app.saveCustom(
      { id: checked.card.id, file: file.name, text, addedAt: Date.now() },
      checked.card,
    );
    if (!saved) this.app.notify('Your scenario could not be kept on this device, but you can play it now.');
    this.scene.start('Conversation', { id: checked.card.id, playable: checked.playable });
  }
}
