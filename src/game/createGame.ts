import Phaser from 'phaser';
import type { App } from '../app/App';
import { DESIGN_HEIGHT, DESIGN_WIDTH } from './design';
import { BootScene } from './scenes/BootScene';
import { ConversationScene } from './scenes/ConversationScene';
import { DebriefScene } from './scenes/DebriefScene';
import { MenuScene } from './scenes/MenuScene';
import { PreloaderScene } from './scenes/PreloaderScene';

/**
 * The room is drawn at a fixed design size and scaled to fit (Phaser has no devicePixelRatio
 * support, so a fixed large backing store stays crisp on high-density screens). `?renderer=canvas`
 * forces the Canvas renderer, which tests use for a quiet console.
 */
export function createGame(parent: HTMLElement, app: App): Phaser.Game {
  const renderer = new URLSearchParams(location.search).get('renderer');
  return new Phaser.Game({
    type: renderer === 'canvas' ? Phaser.CANVAS : Phaser.AUTO,
    parent,
    width: DESIGN_WIDTH,
    height: DESIGN_HEIGHT,
    backgroundColor: '#2a2420',
    banner: false,
    audio: { noAudio: true },
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    scene: [
      new BootScene(app),
      new PreloaderScene(app),
      new MenuScene(app),
      new ConversationScene(app),
      new DebriefScene(app),
    ],
  });
}
