import Phaser from 'phaser';
import type { App } from '../app/App';
import type { MenuScreen } from '../ui/menuScreen';
import { DESIGN_HEIGHT, DESIGN_WIDTH } from './design';
import { ConversationScene } from './scenes/ConversationScene';
import { DebriefScene } from './scenes/DebriefScene';
import { MenuScene } from './scenes/MenuScene';
import { RoomClock } from './roomClock';

/**
 * The room is drawn at a fixed design size and scaled to fit (Phaser has no devicePixelRatio
 * support, so a fixed large backing store stays crisp on high-density screens). `?renderer=canvas`
 * forces the Canvas renderer, which tests use for a quiet console. Loaded behind the menu
 * (src/main.ts), never before it.
 */
export function createGame(parent: HTMLElement, app: App, menu: MenuScreen): Phaser.Game {
  const renderer = new URLSearchParams(location.search).get('renderer');
  const game = new Phaser.Game({
    type: renderer === 'canvas' || (renderer !== 'webgl' && softwareWebGL()) ? Phaser.CANVAS : Phaser.AUTO,
    parent,
    width: DESIGN_WIDTH,
    height: DESIGN_HEIGHT,
    backgroundColor: '#2a2420',
    banner: false,
    audio: { noAudio: true },
    // Booted in the mode fit() will choose, so the room does not first appear letterboxed and
    // then jump to fill the screen (a layout shift on a phone's menu).
    scale: {
      mode:
        window.matchMedia?.(PHONE_QUERY).matches || document.documentElement.hasAttribute('data-presenter')
          ? Phaser.Scale.ENVELOP
          : Phaser.Scale.FIT,
      autoCenter: Phaser.Scale.CENTER_BOTH,
    },
    // The menu is already on screen (HTML): the room starts at the lounge behind it, or goes
    // straight to a conversation the learner started while it loaded (MenuScene).
    scene: [new MenuScene(app, menu), new ConversationScene(app), new DebriefScene(app)],
  });
  // On a phone the room fills its strip (cropping a little wall at the sides or the top) rather
  // than sitting in a letterbox: no dead band, and faces half as large again. A projector in
  // presenter mode does the same: the room is a band above the words (styles.css, PROJECTOR
  // LAYOUT), framed on the faces.
  const phone = window.matchMedia?.(PHONE_QUERY);
  const root = document.documentElement;
  const fit = () => {
    const cover = phone?.matches || root.hasAttribute('data-presenter');
    const mode = cover ? Phaser.Scale.ENVELOP : Phaser.Scale.FIT;
    game.scale.scaleMode = mode;
    // The display size keeps the aspect mode it was booted with unless told.
    game.scale.displaySize.setAspectMode(mode);
    refit();
  };
  // Phaser's refresh() sizes the canvas from the parent size it last measured, so measure first:
  // on a phone the room's strip changes size between the menu and a conversation, and on a turn.
  const refit = () => {
    clock.wake();
    game.scale.getParentBounds();
    game.scale.refresh();
  };
  // The room draws only while something in it moves.
  const clock = new RoomClock(game);
  game.events.once(Phaser.Core.Events.READY, () => {
    fit();
    new ResizeObserver(refit).observe(parent);
    // Presenter mode is switched on the menu (P).
    new MutationObserver(fit).observe(root, { attributes: true, attributeFilter: ['data-presenter'] });
  });
  phone?.addEventListener('change', fit);
  return game;
}

/**
 * True when WebGL would be drawn by the processor, not a graphics chip (a college PC whose
 * graphics driver the browser distrusts, a virtual machine, a headless test browser). There the
 * Canvas renderer draws the same room for a fraction of the work: a software WebGL frame of the
 * room cost about ten times a Canvas one. The renderer's name is read here and goes nowhere.
 */
export function softwareWebGL(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl');
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(name);
  } catch {
    return false;
  }
}

/** The same media queries as the phone layouts in styles.css. */
export const PHONE_QUERY =
  '(orientation: portrait) and (max-width: 820px), (orientation: landscape) and (max-height: 560px)';
