import Phaser from 'phaser';
import type { App } from '../../app/App';

/** The first scene: nothing to load, so straight on to the preloader. */
export class BootScene extends Phaser.Scene {
  constructor(private readonly app: App) {
    super('Boot');
  }
  create() {
    this.scene.start('Preloader');
  }
}
