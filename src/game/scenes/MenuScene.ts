import Phaser from 'phaser';
import type { App } from '../../app/App';
import type { MenuScreen } from '../../ui/menuScreen';
import { drawRoom } from '../art/drawRoom';
import { DESIGN_HEIGHT, DESIGN_WIDTH } from '../design';

/**
 * The lounge behind the menu. The menu itself is HTML and was usable before Phaser loaded
 * (src/ui/menuScreen.ts); this scene tells it the room is here, so Start goes through the scene
 * chain, and takes a Start pressed while the room was still loading.
 */
export class MenuScene extends Phaser.Scene {
  constructor(
    private readonly app: App,
    private readonly menu: MenuScreen,
  ) {
    super('Menu');
  }

  create() {
    const { pending, leave } = this.menu.roomShown({
      startConversation: (data) => this.scene.start('Conversation', data),
    });
    if (pending) {
      // The learner pressed Start before the room was here: no lounge, straight to it.
      this.scene.start('Conversation', pending);
      return;
    }
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, leave);
    drawRoom(this, 'lounge', DESIGN_WIDTH, DESIGN_HEIGHT);
    this.cameras.main.fadeIn(this.app.reducedMotion() ? 0 : 250, 20, 16, 12);
  }
}
