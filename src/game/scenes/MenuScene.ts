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
    if (data.problems) {
      // The file's problems are what the trainer is waiting for: bring them into view and focus.
      const box = this.app.ui.querySelector<HTMLElement>('.problems');
      box?.focus({ preventScroll: true });
      box?.scrollIntoView({ block: 'center' });
    } else {
      this.app.ui.querySelector<HTMLElement>('#menu h1')?.focus({ preventScroll: true });
    }
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
    const refuse = (lines: string[]) => this.scene.restart({ problems: { file: file.name, lines } });
    const { checkCustomScenario, MAX_CUSTOM_BYTES } = await import('../../app/customScenario');
    // A file far too large is refused before it is read at all.
    if (file.size > MAX_CUSTOM_BYTES * 4) {
      refuse([
        `the file is ${Math.round(file.size / 1024)} KB; a scenario file should be well under ${MAX_CUSTOM_BYTES / 1024} KB`,
      ]);
      return;
    }
    let checked: Awaited<ReturnType<typeof checkCustomScenario>>;
    try {
      checked = await checkCustomScenario(file.name, await file.text());
    } catch (error) {
      // The checks explain every problem they know of; anything else still gets a plain sentence.
      refuse([
        `the file could not be checked (${error instanceof Error ? error.message : String(error)}). Check it with "npm run validate", or ask whoever wrote it.`,
      ]);
      return;
    }
    if (!checked.playable || !checked.card) {
      refuse(checked.problems);
      return;
    }
    const shipped = this.app.cards().find((c) => !c.custom && c.id === checked.card!.id);
    if (shipped) {
      const text = await file.text();
      const line = text.split(/\r?\n/).findIndex((l) => /^id\s*:/.test(l));
      refuse([
        `${line >= 0 ? `line ${line + 1}, column 1: ` : ''}the id “${shipped.id}” is already used by “${shipped.title}”, a scenario CarePlay comes with. Give your scenario an id of its own (for example ${shipped.id}-own) and drop the file again.`,
      ]);
      return;
    }
    const text = await file.text();
    const saved = this.app.saveCustom(
      { id: checked.card.id, file: file.name, text, addedAt: Date.now() },
      checked.card,
    );
    if (!saved) this.app.notify('Your scenario could not be kept on this device, but you can play it now.');
    this.scene.start('Conversation', { id: checked.card.id, playable: checked.playable });
  }
}
