import Phaser from 'phaser';
import type { App } from '../../app/App';
import type { DebriefData } from '../../app/screens';

/** The debrief, over a dimmed view of the room where the conversation ended. */
export class DebriefScene extends Phaser.Scene {
  private teardown: (() => void) | null = null;

  constructor(private readonly app: App) {
    super('Debrief');
  }

  create(data: DebriefData) {
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.teardown?.();
      this.teardown = null;
    });
    void this.app.loadRunner().then((play) => {
      this.teardown = play.runDebrief(this, this.app, data);
    });
  }
}
