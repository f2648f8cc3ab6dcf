/**
 * A character drawn from a Look: a half-length portrait (head, shoulders, torso, arms and hands
 * in the lap) whose face changes with the expression. Nothing is loaded; everything is drawn
 * with Phaser Graphics, so a new scenario's cast needs no new art.
 *
 * Layers, back to front: armchair (if seated), speaking glow, hair behind the body, torso (with
 * a hijab's drape), arms, head (face base, features, hair/headwear front, glasses), armchair arms.
 *
 * Performance: every layer is drawn once and baked into a small canvas texture, so an idle
 * figure is a handful of images (WebGL would otherwise re-tessellate thousands of path commands
 * every frame). Baking is spread over frames (bakery.ts): a new figure appears once all its
 * layers are painted (`ready`), a few frames after it is made. While an expression blends, the
 * face (and the arms, if they fold) are live Graphics redrawn each frame; when the blend ends
 * they are baked again, into a second texture per layer, and swapped in together once painted,
 * the live Graphics showing until then. Breathing and speaking only move and scale containers.
 *
 * Head tilt: Phaser 4.2.1's WebGL multi-texture batch draws *rotated* textured quads with
 * missing wedges (phaserjs/phaser#7372), so no image here is ever rotated. When idle, the tilt is
 * baked into the head's textures; while blending, the head is live Graphics in a rotated
 * container (Graphics are not affected).
 */
import Phaser from 'phaser';
import { Bakery } from './bakery';
import { ambient, wakeRoom } from '../roomClock';
import 'phaser/src/gameobjects/container/ContainerFactory.js';
import type { Look } from '../../engine/schema';
import { drawArms, drawSeat, drawTorso } from './drawBody';
import { drawFaceBase, drawFeatures, drawGlasses } from './drawFace';
import { drawHairBack, drawHairFront, drawHeadwearBack, drawHijabDrape } from './drawHair';
import { type FacePose, blendPose, poseFor } from './expressions';
import { type FigureSpec, makeSpec } from './figureSpec';
import { type G, ellipsePts, fill, vec } from './shapes';

export interface CharacterFigureOptions {
  look: Look;
  /** Height of the figure in px (design space 1600×900; about 520 is typical). */
  height: number;
  /** Which way the character turns and looks. Omit to face the viewer. */
  facing?: 'left' | 'right';
  /** Draw a care-home armchair behind and round the figure, so it reads as sitting. */
  seated?: boolean;
}

type Container = Phaser.GameObjects.Container;
type Graphics = Phaser.GameObjects.Graphics;
type Image = Phaser.GameObjects.Image;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A layer that turns with the head: a baked image when idle, live Graphics while blending. */
interface HeadLayer {
  name: string;
  image: Image;
  live: Graphics;
  dx: number;
  draw: (g: G) => void;
}

const BLEND_MS = 400;
const BREATH_MS = 2000; // each way: a 4 s cycle
/** The head pivots just under the chin: this far below the head's centre, in half-heights. */
const PIVOT = 0.92;

let nextFigureId = 1;

export class CharacterFigure {
  readonly root: Container;
  readonly spec: FigureSpec;

  /** Resolves once every layer is painted and the figure is on show. */
  readonly ready: Promise<void>;

  private readonly scene: Phaser.Scene;
  private readonly id: number;
  private readonly keys: string[] = [];
  private readonly bakery: Bakery;
  /** Each layer's texture on show (of two per layer: a layer painted again goes into the other). */
  private readonly shown = new Map<string, string>();
  /** Each layer's latest bake: an older one still waiting gives way to it. */
  private readonly latest = new Map<string, Promise<boolean>>();
  /** Layers not yet painted; the figure is hidden until there are none. */
  private readonly missing = new Set<string>();
  private reveal: () => void = () => {};
  private readonly inner: Container;
  private readonly glow: Image;
  private readonly backPivot: Container;
  private readonly torso: Container;
  private readonly headPivot: Container;
  private readonly armsLive: Graphics;
  private readonly armsImage: Image;
  private readonly headLayers: HeadLayer[] = [];
  private readonly faceLayer: HeadLayer;
  private live = false;
  private readonly headBox: Box;
  private readonly bodyBox: Box;
  private readonly turn: number;
  /** Where the head turns and tilts (root coordinates). */
  private readonly pivotY: number;

  private pose: FacePose;
  private expression = 'calm';
  private drawnFold = Number.NaN;
  private blend: Phaser.Tweens.Tween | undefined;
  private breathTween: Phaser.Tweens.Tween | undefined;
  private speakTween: Phaser.Tweens.Tween | undefined;
  private breath = 0;
  private lift = 0;
  private motion = true;
  private speaking = false;
  private destroyed = false;
  private readonly onSceneEnd = () => this.destroy();

  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    options: { look: Look; height: number; facing?: 'left' | 'right'; seated?: boolean },
  ) {
    this.scene = scene;
    this.id = nextFigureId++;
    this.bakery = Bakery.of(scene);
    this.ready = new Promise((resolve) => (this.reveal = resolve));
    const s = makeSpec(options.look, options.height);
    this.spec = s;
    this.turn = options.facing === 'left' ? -1 : options.facing === 'right' ? 1 : 0;
    this.pose = poseFor('calm');
    this.pivotY = s.headY + PIVOT * s.b;
    const { f, b, u } = s;
    // Generous bounds for anything drawn round the head (afro, turban, long hair, scarf ends)
    // and for the body (chair arms, coat, hood).
    this.headBox = { x: -2.05 * f, y: -1.95 * b, w: 4.1 * f, h: 5.3 * b };
    const halfW = s.SW + 14 * u;
    this.bodyBox = { x: -halfW, y: -s.H - 2 * u, w: halfW * 2, h: s.H + 4 * u };
    const faceDx = this.turn * 0.07 * f;

    this.root = scene.add.container(x, y);
    this.root.setName('character-figure');
    this.root.setVisible(false);
    this.inner = scene.add.container(0, 0);

    if (options.seated) {
      this.root.add(this.bake('chair-back', this.bodyBox, (g) => drawSeat(g, undefined, s)));
    }
    this.root.add(this.inner);

    const glowBox = { x: -s.SW * 1.2, y: s.headY - 2.0 * b, w: s.SW * 2.4, h: 5.8 * b };
    this.glow = this.bake('glow', glowBox, (g) => this.drawGlow(g));
    this.glow.setAlpha(0);

    // Head layers are drawn about the head's centre and hung from the pivot under the chin.
    this.backPivot = scene.add.container(0, this.pivotY);
    this.headPivot = scene.add.container(0, this.pivotY);
    this.backPivot.add(this.headLayer('hair-back', (g) => drawHairBack(g, s)));
    this.torso = scene.add.container(0, 0);
    this.torso.add(
      this.bake('body', this.bodyBox, (g) => {
        drawTorso(g, s);
        if (s.hasHijab) drawHijabDrape(g, s);
      }),
    );
    this.armsLive = scene.make.graphics({}, false);
    this.armsImage = this.bake('arms', this.bodyBox, (g) => drawArms(g, s, 0));
    this.drawnFold = 0;
    this.armsLive.setVisible(false);
    this.torso.add([this.armsImage, this.armsLive]);

    const earsVisible = !s.hasHijab && s.look.headwear !== 'headscarf';
    this.headPivot.add(
      this.headLayer('head', (g) => {
        drawHeadwearBack(g, s);
        drawFaceBase(g, s, earsVisible);
      }),
    );
    this.headPivot.add(this.headLayer('face', (g) => this.drawFace(g), faceDx));
    this.faceLayer = this.headLayers[this.headLayers.length - 1]!;
    this.headPivot.add(
      this.headLayer('hair-front', (g) => {
        drawHairFront(g, s);
        if (options.look.glasses) {
          g.translateCanvas(faceDx, 0);
          drawGlasses(g, s);
        }
      }),
    );

    this.inner.add([this.glow, this.backPivot, this.torso, this.headPivot]);
    if (options.seated) {
      this.root.add(this.bake('chair-front', this.bodyBox, (g) => drawSeat(undefined, g, s)));
    }

    this.place();
    this.setMotion(true);
    // Free this figure's textures when its scene ends, even if destroy() is never called.
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, this.onSceneEnd);
    scene.events.once(Phaser.Scenes.Events.DESTROY, this.onSceneEnd);
  }

  /** The expression currently shown (or being blended to). */
  get currentExpression(): string {
    return this.expression;
  }

  get isSpeaking(): boolean {
    return this.speaking;
  }

  /** Change expression: a ~400 ms blend of face and posture, or at once if animate is false. */
  setExpression(expression: string, animate: boolean): void {
    if (this.destroyed) return;
    this.expression = expression;
    const target = poseFor(expression);
    this.blend?.stop();
    this.blend = undefined;
    if (!animate) {
      this.pose = target;
      this.settle();
      return;
    }
    const from = { ...this.pose };
    this.goLive();
    this.blend = this.scene.tweens.addCounter({
      from: 0,
      to: 1,
      duration: BLEND_MS,
      ease: 'Sine.easeInOut',
      onUpdate: (tween) => {
        this.pose = blendPose(from, target, tween.getValue() ?? 0);
        this.drawLive();
      },
      onComplete: () => {
        this.blend = undefined;
        this.pose = target;
        this.settle();
      },
    });
  }

  /**
   * Show who is talking: the figure rises slightly and a soft light ring appears behind the
   * head and shoulders. Movement and shape, not just colour.
   */
  setSpeaking(speaking: boolean): void {
    if (this.destroyed || speaking === this.speaking) return;
    this.speaking = speaking;
    this.speakTween?.stop();
    this.speakTween = undefined;
    const to = speaking ? 1 : 0;
    if (!this.motion) {
      this.lift = to;
      this.glow.setAlpha(to);
      this.place();
      return;
    }
    const start = this.lift;
    this.speakTween = this.scene.tweens.addCounter({
      from: 0,
      to: 1,
      duration: 260,
      ease: 'Sine.easeOut',
      onUpdate: (tween) => {
        this.lift = start + (to - start) * (tween.getValue() ?? 0);
        this.glow.setAlpha(this.lift);
        this.place();
      },
    });
  }

  /** Gentle breathing on or off (off for reduced motion; speaking then shows without easing). */
  setMotion(enabled: boolean): void {
    if (this.destroyed) return;
    this.motion = enabled;
    this.breathTween?.stop();
    this.breathTween = undefined;
    this.breath = 0;
    if (enabled) {
      this.breathTween = ambient(
        this.scene.tweens.addCounter({
          from: 0,
          to: 1,
          duration: BREATH_MS,
          ease: 'Sine.easeInOut',
          yoyo: true,
          repeat: -1,
          delay: (this.spec.seed % 1000) * 1.5,
          onUpdate: (tween) => {
            this.breath = tween.getValue() ?? 0;
            this.place();
          },
        }),
      );
    } else if (this.speakTween) {
      this.speakTween.stop();
      this.speakTween = undefined;
      this.lift = this.speaking ? 1 : 0;
      this.glow.setAlpha(this.lift);
    }
    this.place();
  }

  setPosition(x: number, y: number): void {
    this.root.setPosition(x, y);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.blend?.stop();
    this.breathTween?.stop();
    this.speakTween?.stop();
    this.scene.events.off(Phaser.Scenes.Events.SHUTDOWN, this.onSceneEnd);
    this.scene.events.off(Phaser.Scenes.Events.DESTROY, this.onSceneEnd);
    this.scene.tweens?.killTweensOf(this.root);
    this.root.destroy();
    for (const key of this.keys) {
      this.bakery.cancel(key);
      if (this.scene.textures.exists(key)) this.scene.textures.remove(key);
    }
  }

  // -------------------------------------------------------------------------------------------

  /**
   * Paint a layer (over the next frames) into this figure's texture for it that is not on show.
   * Resolves to the texture's key, or null if a newer paint of the layer, or the figure's end,
   * came first.
   */
  private paintLayer(name: string, box: Box, draw: (g: G) => void): Promise<string | null> {
    const first = `careplay-figure:${this.id}:${name}:0`;
    const key = this.shown.get(name) === first ? `careplay-figure:${this.id}:${name}:1` : first;
    if (!this.keys.includes(key)) this.keys.push(key);
    const job = this.bakery.bake(key, box.w, box.h, (g) => {
      g.translateCanvas(-box.x, -box.y);
      draw(g);
    });
    this.latest.set(name, job);
    return job.then((baked) => (baked && !this.destroyed && this.latest.get(name) === job ? key : null));
  }

  /** Put a painted layer on show; the figure appears when the last of its layers is. */
  private showLayer(name: string, key: string, image: Image, x: number, y: number): void {
    this.shown.set(name, key);
    image.setTexture(key).setOrigin(0, 0).setPosition(x, y);
    this.missing.delete(name);
    if (!this.missing.size && !this.root.visible) {
      // In with a short fade where there is motion, as the room itself fades in.
      this.root.setVisible(true);
      if (this.motion) {
        this.root.setAlpha(0);
        this.scene.tweens.add({ targets: this.root, alpha: 1, duration: 200, ease: 'Sine.easeOut' });
      }
      this.reveal();
    }
    wakeRoom(this.scene.game);
  }

  /** A layer that is painted once: an image, placed where the drawing was, once it is painted. */
  private bake(name: string, box: Box, draw: (g: G) => void): Image {
    const image = new Phaser.GameObjects.Image(this.scene, box.x, box.y, '__DEFAULT').setOrigin(0, 0);
    this.missing.add(name);
    void this.paintLayer(name, box, draw).then((key) => {
      if (key) this.showLayer(name, key, image, box.x, box.y);
    });
    return image;
  }

  private drawFace(g: G): void {
    const pose = { ...this.pose, eyeLook: Math.max(-1, Math.min(1, this.pose.eyeLook + this.turn * 0.35)) };
    drawFeatures(g, this.spec, pose);
  }

  private foldNow(): number {
    return Math.round(this.pose.armsFolded * 100) / 100;
  }

  /** Create a head layer: baked now, with a hidden live Graphics for blends. */
  private headLayer(name: string, draw: (g: G) => void, dx = 0): Phaser.GameObjects.GameObject[] {
    const live = this.scene.make.graphics({}, false);
    live.setPosition(dx, -PIVOT * this.spec.b);
    live.setVisible(false);
    const image = new Phaser.GameObjects.Image(this.scene, 0, 0, '__DEFAULT');
    const layer: HeadLayer = { name, image, live, dx, draw };
    this.headLayers.push(layer);
    this.missing.add(name);
    const box = this.pivotBox();
    void this.bakeHead(layer).then((key) => {
      if (key) this.showLayer(name, key, image, box.x, box.y);
    });
    return [image, live];
  }

  /** The head's box in pivot coordinates, with room for the tilt. */
  private pivotBox(): Box {
    const m = 0.25 * this.spec.f;
    const b = this.headBox;
    return { x: b.x - m, y: b.y - PIVOT * this.spec.b - m, w: b.w + 2 * m, h: b.h + 2 * m };
  }

  /** Paint a head layer with the tilt drawn in (as it is when painting starts), so its image needs no rotation. */
  private bakeHead(layer: HeadLayer): Promise<string | null> {
    return this.paintLayer(layer.name, this.pivotBox(), (g) => {
      g.rotateCanvas(this.tilt());
      g.translateCanvas(layer.dx, -PIVOT * this.spec.b);
      layer.draw(g);
    });
  }

  /** Head tilt in radians for the current pose. */
  private tilt(): number {
    return Phaser.Math.DegToRad(this.pose.headTilt * 7 + this.turn * 1.5);
  }

  /** Swap the head's images for live Graphics (drawn once; the face is redrawn each frame). */
  private goLive(): void {
    if (this.live) return;
    this.live = true;
    for (const layer of this.headLayers) {
      layer.image.setVisible(false);
      layer.live.clear();
      if (layer !== this.faceLayer) layer.draw(layer.live);
      layer.live.setVisible(true);
    }
  }

  /** Redraw the live face (and arms, if the fold changes) during a blend. */
  private drawLive(): void {
    const face = this.faceLayer.live;
    face.clear();
    this.drawFace(face);
    const fold = this.foldNow();
    if (fold !== this.drawnFold) {
      this.drawnFold = fold;
      this.armsImage.setVisible(false);
      this.armsLive.setVisible(true);
      this.armsLive.clear();
      drawArms(this.armsLive, this.spec, fold);
    }
    this.place();
  }

  /**
   * The pose has settled: paint the head (tilt included) and arms again, and once they are
   * painted show them as images in place of the live Graphics (or the old images), all the
   * head's layers together. A blend begun meanwhile keeps the live Graphics.
   */
  private settle(): void {
    const s = this.spec;
    const box = this.pivotBox();
    const heads = this.headLayers.map((layer) => this.bakeHead(layer));
    void Promise.all(heads).then((keys) => {
      if (this.destroyed || this.blend || keys.some((key) => !key)) return;
      this.live = false;
      this.headLayers.forEach((layer, i) => {
        this.showLayer(layer.name, keys[i]!, layer.image, box.x, box.y);
        layer.live.clear();
        layer.live.setVisible(false);
        layer.image.setVisible(true);
      });
      this.place();
    });
    const fold = this.foldNow();
    if (fold !== this.drawnFold || this.armsLive.visible) {
      this.drawnFold = fold;
      void this.paintLayer('arms', this.bodyBox, (g) => drawArms(g, s, fold)).then((key) => {
        if (!key || this.destroyed || this.blend) return;
        this.showLayer('arms', key, this.armsImage, this.bodyBox.x, this.bodyBox.y);
        this.armsLive.clear();
        this.armsLive.setVisible(false);
        this.armsImage.setVisible(true);
      });
    }
    this.place();
  }

  /** Move containers for posture, breathing and speaking. No redrawing. */
  private place(): void {
    const s = this.spec;
    const u = s.u;
    const shoulder = this.pose.shoulderLift * 0.014 + this.breath * 0.005;
    // Scaling about the origin (the bottom) lifts the shoulders and chest.
    this.torso.setScale(1, 1 + shoulder);
    const headY = this.pivotY * (1 + shoulder) + this.pose.headDrop * 1.8 * u - this.breath * 0.15 * u;
    // Idle images already have the tilt drawn in; only live Graphics are rotated.
    const tilt = this.live ? this.tilt() : 0;
    this.headPivot.setPosition(this.turn * 0.6 * u, headY);
    this.headPivot.setRotation(tilt);
    this.backPivot.setPosition(this.turn * 0.6 * u, headY);
    this.backPivot.setRotation(tilt);
    this.inner.setY(-this.lift * 1.6 * u);
  }

  private drawGlow(g: G): void {
    const s = this.spec;
    const cy = s.headY + 0.9 * s.b;
    // Soft warm light behind head and shoulders, with a faint rim so it reads as a shape.
    for (let i = 0; i < 10; i++) {
      const k = 1 - i * 0.06;
      fill(g, ellipsePts(0, cy, s.SW * 1.08 * k, s.b * 2.5 * k, 44), 0xfff1cc, 0.07);
    }
    g.lineStyle(Math.max(1.5, s.u * 0.45), 0xfffbef, 0.55);
    g.strokePoints(vec(ellipsePts(0, cy, s.SW * 1.08, s.b * 2.5, 56)), true, true);
  }
}
