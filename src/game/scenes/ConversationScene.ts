import Phaser from 'phaser';
import type { App } from '../../app/App';
import type { ConversationData } from '../../app/screens';
import { h } from '../../ui/dom';

/**
 * The conversation. The scene is thin: the Session, the views and the room are set up by the
 * `play` module, loaded on demand so the menu's first download stays small.
 */
export class ConversationScene extends Phaser.Scene {
  private teardown: (() => void) | null = null;

  constructor(private readonly app: App) {
    super('Conversation');
  }

  create(data: ConversationData) {
    // Dark from the first frame until the room is shown (RoomStage.show fades it in): the room
    // comes once the conversation's code has run, after this frame is drawn.
    this.cameras.main.fadeOut(0, 20, 16, 12);
    this.app.mount(h('div', { class: 'screen loading', role: 'status' }, 'Opening the scenario…'));
    let stopped = false;
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      stopped = true;
      this.teardown?.();
      this.teardown = null;
    });
    this.app
      .loadRunner()
      .then((play) => play.runConversation(this, this.app, data, () => !stopped))
      .then((teardown) => {
        if (stopped) teardown();
        else this.teardown = teardown;
      })
      .catch((error: unknown) => {
        this.app.notify(
          `That scenario could not be opened: ${error instanceof Error ? error.message : String(error)}`,
        );
        this.scene.start('Menu');
      });
  }
}
