import Phaser from 'phaser';
import type { App } from '../../app/App';
import { DESIGN_HEIGHT, DESIGN_WIDTH } from '../design';

/**
 * Shows a progress bar while the fonts arrive and the first room is drawn. Everything is
 * already on this device (no network at run time): this covers the slow parts of a cold start.
 */
export class PreloaderScene extends Phaser.Scene {
  constructor(private readonly app: App) {
    super('Preloader');
  }

  create() {
    const w = DESIGN_WIDTH;
    const h = DESIGN_HEIGHT;
    const frame = this.add.graphics();
    frame.lineStyle(4, 0xf4efe6, 1).strokeRoundedRect(w / 2 - 304, h / 2 - 24, 608, 48, 16);
    const bar = this.add.graphics();
    const label = this.add
      .text(w / 2, h / 2 - 70, 'CarePlay', {
        fontFamily: 'system-ui, sans-serif',
        fontSize: '48px',
        color: '#f4efe6',
      })
      .setOrigin(0.5);
    const setProgress = (p: number) => {
      bar
        .clear()
        .fillStyle(0x6fb7c4, 1)
        .fillRoundedRect(w / 2 - 296, h / 2 - 16, Math.max(24, 592 * p), 32, 12);
    };
    setProgress(0);
    this.app.ui.setAttribute('aria-busy', 'true');

    const steps: (() => Promise<unknown>)[] = [
      () => document.fonts?.load('400 1em "Atkinson Hyperlegible Next"') ?? Promise.resolve(),
      () => document.fonts?.load('700 1em "Atkinson Hyperlegible Next"') ?? Promise.resolve(),
      () =>
        (this.app.settings.value.font === 'opendyslexic'
          ? document.fonts?.load('400 1em "OpenDyslexic"')
          : Promise.resolve()) ?? Promise.resolve(),
    ];
    let done = 0;
    const run = async () => {
      for (const step of steps) {
        try {
          await step();
        } catch {
          /* a font that fails falls back to the system font; play goes on */
        }
        setProgress(++done / steps.length);
      }
      label.destroy();
      this.app.ui.removeAttribute('aria-busy');
      this.scene.start('Menu');
    };
    void run();
  }
}
