/**
 * Baking drawings into canvas textures a little at a time, so no frame waits for a whole room
 * or a whole person to be painted.
 *
 * A room's background took 30-230 ms to paint in one go and a new person 25-75 ms (Chromium's
 * software canvas, this project's 2-core test machine); painted at the start of a conversation
 * or on a move, they were frames of 70-200 ms: a visible stall on a cheap phone or a projector's
 * laptop (`npm run bench`, "longest frame"). Here the drawing's commands are recorded at once
 * (cheap: numbers in an array) and painted in pieces of a few milliseconds each (sliceCommands.ts),
 * at most FRAME_BUDGET_MS of them in a frame, onto the texture's own canvas. The pixels are those
 * of painting it whole. The texture is refreshed once, at the end, so with WebGL the picture goes
 * up to the graphics card once, and whoever asked shows it only then (a promise).
 *
 * One queue per game, first come first served. A newer bake of the same texture replaces one
 * still waiting (its promise says false); `now()` paints at once (a caller that cannot wait),
 * finishing a bake of it under way.
 */
import Phaser from 'phaser';
import { wakeRoom } from '../roomClock';
import { canSlice, nextSlice, type SliceState, startState } from './sliceCommands';

/** Painting time in one frame, so a frame with the room drawn as well stays well under 50 ms. */
export const FRAME_BUDGET_MS = 8;
/**
 * A frame already this late when painting would begin is left alone, and the painting goes on in
 * the next: a frame that opened a conversation or a debrief (30 ms of the page's own script) with
 * a room's painting on top was a frame of 50 ms. Never two frames in a row, so a page that is
 * always busy (a loaded machine) still gets its room at half speed or better.
 */
const BUSY_FRAME_MS = 10;
/** Aimed-at time for one piece; the pieces' size follows the measured speed of this device. */
const PIECE_MS = 3;

type Graphics = Phaser.GameObjects.Graphics;
export type Draw = (g: Graphics) => void;

interface Job {
  key: string;
  width: number;
  height: number;
  draw: Draw;
  /** Says whether the texture was painted whole (false: replaced or given up). */
  promise: Promise<boolean>;
  done: (baked: boolean) => void;
  /** Set once the job has begun: the recorded commands and how far painting has got. */
  commands?: unknown[];
  state?: SliceState;
  /** Painted in one go: a command sliceCommands.ts does not know (a newer Phaser). */
  whole?: boolean;
  canvas?: HTMLCanvasElement;
}

const bakeries = new WeakMap<Phaser.Game, Bakery>();

export class Bakery {
  private readonly queue: Job[] = [];
  private scheduled = false;
  /** Painting commands per millisecond on this device, as measured (a first guess to start). */
  private speed = 4;
  private piece: Graphics | null = null;
  private idlers: (() => void)[] = [];
  /** The last frame was left alone because it was already busy. */
  private skipped = false;

  private constructor(private readonly scene: Phaser.Scene) {}

  /** The game's bakery (made by the first scene that asks; textures are game-wide). */
  static of(scene: Phaser.Scene): Bakery {
    let bakery = bakeries.get(scene.game);
    if (!bakery) {
      bakery = new Bakery(scene);
      bakeries.set(scene.game, bakery);
    }
    return bakery;
  }

  /** Paint `draw` into the canvas texture `key` over the next frames. True once it is whole. */
  bake(key: string, width: number, height: number, draw: Draw): Promise<boolean> {
    this.cancel(key);
    const job = newJob(key, width, height, draw);
    this.queue.push(job);
    this.schedule();
    return job.promise;
  }

  /** The bake of `key` under way or waiting, if there is one. */
  pending(key: string): Promise<boolean> | undefined {
    return this.queue.find((j) => j.key === key)?.promise;
  }

  /**
   * Paint `key` now, in this frame: a bake of it under way is finished; with none, `draw` is
   * painted whole (someone needs the texture this frame).
   */
  now(key: string, width: number, height: number, draw: Draw): void {
    const index = this.queue.findIndex((j) => j.key === key);
    const job = index < 0 ? newJob(key, width, height, draw) : this.queue.splice(index, 1)[0]!;
    if (!job.commands) this.begin(job);
    this.paint(job, Number.POSITIVE_INFINITY);
    this.end(job);
  }

  /** Resolves when nothing is waiting to be painted. */
  idle(): Promise<void> {
    if (!this.queue.length) return Promise.resolve();
    return new Promise((resolve) => this.idlers.push(resolve));
  }

  /** Forget a waiting bake of `key` (its texture is going); its promise says false. */
  cancel(key: string): void {
    const index = this.queue.findIndex((j) => j.key === key);
    if (index < 0) return;
    const [job] = this.queue.splice(index, 1);
    job!.done(false);
  }

  private schedule(): void {
    if (this.scheduled || !this.queue.length) return;
    this.scheduled = true;
    const run = (frameStart: number) => {
      this.scheduled = false;
      this.tick(frameStart);
      this.schedule();
      if (!this.queue.length) for (const idle of this.idlers.splice(0)) idle();
    };
    // A hidden page gets no animation frames: carry on anyway, so a bake never waits for a look.
    if (typeof document !== 'undefined' && document.visibilityState === 'hidden')
      setTimeout(() => run(performance.now()), 16);
    else requestAnimationFrame(run);
  }

  /**
   * One frame's painting: pieces of the first job, then the next, until the budget is spent.
   * `frameStart` is the frame's time (an animation frame's own).
   */
  private tick(frameStart: number): void {
    const start = performance.now();
    if (start - frameStart > BUSY_FRAME_MS && !this.skipped) {
      this.skipped = true;
      return;
    }
    this.skipped = false;
    const until = start + FRAME_BUDGET_MS;
    while (this.queue.length) {
      const job = this.queue[0]!;
      if (!this.scene.sys.game || !this.scene.textures) {
        this.queue.shift()!.done(false); // the game has gone
        continue;
      }
      if (!job.commands) {
        this.begin(job);
        // A new canvas's memory (5-16 ms for a room) is this frame's painting: pieces after it
        // went over the budget, and with Phaser's own step made frames of 50 ms.
        if (performance.now() - start >= FRAME_BUDGET_MS / 2) break;
      }
      if (this.paint(job, until - performance.now())) {
        this.queue.shift();
        this.end(job);
      }
      if (performance.now() >= until) break;
    }
  }

  /**
   * Record the drawing's commands and make (or clear) the texture's canvas. The texture is a
   * plain one over our own canvas: Phaser's CanvasTexture reads every pixel back when it is
   * made (getImageData, several milliseconds for a room) for pixel lookups the room never makes.
   */
  private begin(job: Job): void {
    const textures = this.scene.textures;
    const existing = textures.exists(job.key) ? textures.get(job.key).getSourceImage() : null;
    let canvas: HTMLCanvasElement;
    if (
      existing instanceof HTMLCanvasElement &&
      existing.width === job.width &&
      existing.height === job.height
    ) {
      canvas = existing;
      canvas.getContext('2d', { willReadFrequently: true })!.clearRect(0, 0, canvas.width, canvas.height);
    } else {
      if (existing) textures.remove(job.key);
      canvas = document.createElement('canvas');
      canvas.width = job.width;
      canvas.height = job.height;
      // Drawn on by the processor and read (one pixel a piece, below): the canvas is made so.
      // Its memory is found when it is first drawn on, a cost of its own (5-20 ms for a room
      // here), taken now, in a step of its own, rather than in the first piece.
      const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
      ctx.fillRect(0, 0, 1, 1);
      ctx.clearRect(0, 0, 1, 1);
      ctx.getImageData(0, 0, 1, 1);
      textures.create(job.key, canvas, job.width, job.height)?.add('__BASE', 0, 0, 0, job.width, job.height);
    }
    job.canvas = canvas;
    const g = this.scene.make.graphics({}, false);
    job.draw(g);
    job.commands = g.commandBuffer;
    g.commandBuffer = [];
    g.destroy();
    job.state = startState();
    job.whole = !canSlice(job.commands);
  }

  /** Paint pieces for up to `ms`, at least one. True when the drawing is whole. */
  private paint(job: Job, ms: number): boolean {
    const commands = job.commands!;
    if (job.whole || !job.state) {
      this.render(job, commands);
      return true;
    }
    const start = performance.now();
    do {
      const size = Math.max(1, Math.round(this.speed * PIECE_MS));
      const t0 = performance.now();
      const piece = nextSlice(commands, job.state, size);
      if (!piece) return true;
      this.render(job, piece.commands);
      const took = performance.now() - t0;
      if (took > 0.2 && piece.paints) this.speed = 0.7 * this.speed + 0.3 * (piece.paints / took);
      if (job.state.at >= commands.length) return true;
    } while (performance.now() - start < ms);
    return false;
  }

  /** Draw commands onto the job's canvas, as Graphics.generateTexture would, without a refresh. */
  private render(job: Job, commands: unknown[]): void {
    this.piece ??= this.scene.make.graphics({}, false);
    this.piece.commandBuffer = commands;
    this.piece.generateTexture(job.canvas!, job.width, job.height);
    this.piece.commandBuffer = [];
    // The browser only records canvas drawing and paints it later, when the canvas is next read
    // or drawn, which would be the frame the room is shown in. Reading one pixel paints it now,
    // in this piece's time.
    job.canvas!.getContext('2d', { willReadFrequently: true })!.getImageData(0, 0, 1, 1);
    // Graphics render through one shared camera (Graphics.TargetCamera) whose render list is
    // never cleared: emptied here, or everything ever baked stayed in memory (about 80 KB a
    // playthrough, npm run bench: heap).
    Phaser.GameObjects.Graphics.TargetCamera.renderList.length = 0;
  }

  /** The texture is whole. */
  private end(job: Job): void {
    const textures = this.scene.textures;
    // With WebGL the picture goes up to the graphics card now, once.
    if (textures?.exists(job.key)) textures.get(job.key).source[0]?.update();
    job.commands = [];
    job.done(true);
    wakeRoom(this.scene.game);
  }
}

function newJob(key: string, width: number, height: number, draw: Draw): Job {
  let done: (baked: boolean) => void = () => {};
  const promise = new Promise<boolean>((resolve) => (done = resolve));
  return { key, width: Math.ceil(width), height: Math.ceil(height), draw, promise, done };
}
