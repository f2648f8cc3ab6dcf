/**
 * The room draws only when something in it moves. Phaser redraws the whole canvas every frame by
 * default, so a still room kept a cheap laptop's or a phone's main thread busy all the time (a
 * browser's software renderer spent about a full core on a room where nothing changed), which
 * drains batteries and slows the words beside it.
 *
 * - Something moving (a walk, a change of expression, a fade): every frame, as before.
 * - Only endless ambient movement (breathing, with motion on): a steady AMBIENT_FPS.
 * - Nothing moving for IDLE_MS (three frames): the loop sleeps, keeping the last picture, until something wakes
 *   it: the room changes (RoomStage calls wakeRoom), a scene is started or stopped (the scene
 *   manager queues it for the next step, so that step must come), the window resizes, or the
 *   learner presses a key or touches the screen.
 */
import Phaser from 'phaser';

export const AMBIENT_FPS = 20;
/**
 * How long the room must be still before the loop sleeps: three frames. While awake the whole
 * canvas is drawn every frame, which on a software renderer is most of a core; with 400 ms here a
 * learner reading on at a steady pace kept the room awake the whole time (a keyboard playthrough
 * spent four times the main-thread time it does now). Every change wakes it (wakeRoom, a queued
 * scene change, a resize, a key or touch), and anything moving keeps it awake.
 */
const IDLE_MS = 50;

const clocks = new WeakMap<Phaser.Game, RoomClock>();
const ambientTweens = new WeakSet<Phaser.Tweens.Tween>();

/** An endless, gentle movement (breathing) that a steady AMBIENT_FPS shows well enough. */
export function ambient<T extends Phaser.Tweens.Tween>(tween: T): T {
  ambientTweens.add(tween);
  return tween;
}

/** Something in the room is about to change: draw again until it settles. */
export function wakeRoom(game: Phaser.Game | undefined): void {
  if (game) clocks.get(game)?.wake();
}

export class RoomClock {
  private quietSince: number | null = null;
  private limited = false;
  private readonly onInput = () => this.wake();

  constructor(private readonly game: Phaser.Game) {
    clocks.set(game, this);
    game.events.on(Phaser.Core.Events.POST_RENDER, this.check, this);
    for (const type of ['keydown', 'pointerdown', 'wheel'])
      document.addEventListener(type, this.onInput, { capture: true, passive: true });
    game.events.once(Phaser.Core.Events.DESTROY, () => this.stop());
    // Every scene change (ScenePlugin.start, stop, switch…) is queued here and carried out on the
    // next step: a file opened, a debrief asked for, a page loaded while the room slept.
    const manager = game.scene as unknown as { queueOp: (...args: unknown[]) => unknown };
    const queueOp = manager.queueOp.bind(manager);
    manager.queueOp = (...args: unknown[]) => {
      this.wake();
      return queueOp(...args);
    };
  }

  wake(): void {
    this.quietSince = null;
    this.limit(false);
    if (!this.game.loop.running) this.game.loop.wake(true);
    this.mark('awake');
  }

  /** What the room's clock is doing, on the canvas, for tests and the bench to read. */
  private mark(state: 'awake' | 'ambient' | 'asleep'): void {
    const canvas = this.game.canvas as HTMLCanvasElement | undefined;
    if (canvas && canvas.dataset.clock !== state) canvas.dataset.clock = state;
  }

  /** Whether the loop is asleep (for tests and the bench). */
  get asleep(): boolean {
    return !this.game.loop.running;
  }

  stop(): void {
    this.game.events.off(Phaser.Core.Events.POST_RENDER, this.check, this);
    for (const type of ['keydown', 'pointerdown', 'wheel'])
      document.removeEventListener(type, this.onInput, { capture: true });
  }

  private check(): void {
    const scenes = this.game.scene.getScenes(true);
    let moving = false;
    let ambient = false;
    for (const scene of scenes) {
      for (const tween of scene.tweens.getTweens()) {
        if (ambientTweens.has(tween)) ambient = true;
        else moving = true;
      }
      for (const camera of scene.cameras.cameras) {
        if (
          camera.fadeEffect.isRunning ||
          camera.flashEffect.isRunning ||
          camera.panEffect.isRunning ||
          camera.zoomEffect.isRunning ||
          camera.shakeEffect.isRunning
        )
          moving = true;
      }
    }
    if (moving) {
      this.quietSince = null;
      this.limit(false);
      return;
    }
    if (ambient) {
      this.quietSince = null;
      this.limit(true);
      this.mark('ambient');
      return;
    }
    const now = performance.now();
    this.quietSince ??= now;
    // A little grace: a scene started by a key press is set up on the next step or two.
    if (now - this.quietSince >= IDLE_MS) {
      this.quietSince = null;
      this.game.loop.sleep();
      this.mark('asleep');
    }
  }

  /**
   * Change the frame rate after this step: called inside a step, Phaser's setFPSLimit starts a
   * second animation-frame chain beside the one the step is about to request.
   */
  private limit(on: boolean): void {
    if (on === this.limited) return;
    this.limited = on;
    queueMicrotask(() => {
      if (this.limited === on) this.game.loop.setFPSLimit(on ? AMBIENT_FPS : 0);
    });
  }
}
