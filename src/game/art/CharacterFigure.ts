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
 * every frame). While an expression blends, the face (and the arms, if they fold) are live
 * Graphics redrawn each frame; when the blend ends they are baked again. Breathing and speaking
 * only move and scale containers.
 */
import Phaser from 'phaser';
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

const BLEND_MS = 400;
const BREATH_MS = 2000; // each way: a 4 s cycle
/** The head pivots just under the chin: this far below the head's centre, in half-heights. */
const PIVOT = 0.92;

let nextFigureId = 1;

export class CharacterFigure {
  readonly root: Container;
  readonly spec: FigureSpec;

  private readonly scene: Phaser.Scene;
  private readonly id: number;
  private readonly keys: string[] = [];
  private readonly inner: Container;
  private readonly glow: Image;
  private readonly backPivot: Container;
  private readonly torso: Container;
  private readonly headPivot: Container;
  private readonly armsLive: Graphics;
  private readonly armsImage: Image;
  private readonly faceLive: Graphics;
  private readonly faceImage: Image;
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

  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    options: { look: Look; height: number; facing?: 'left' | 'right'; seated?: boolean },
  ) {
    this.scene = scene;
    this.id = nextFigureId++;
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
    this.inner = scene.add.container(0, 0);

    if (options.seated) {
      this.root.add(this.bake('chair-back', this.bodyBox, (g) => drawSeat(g, undefined, s)));
    }
    this.root.add(this.inner);

    const glowBox = { x: -s.SW * 1.2, y: s.headY - 2.0 * b, w: s.SW * 2.4, h: 5.8 * b };
    this.glow = this.bake('glow', glowBox, (g) => this.drawGlow(g));
    this.glow.setAlpha(0);

    // Head-local layers are drawn about the head's centre and hung from the pivot under the chin.
    this.backPivot = scene.add.container(0, this.pivotY);
    this.backPivot.add(this.bake('hair-back', this.headBox, (g) => drawHairBack(g, s), -PIVOT * b));

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

    this.headPivot = scene.add.container(0, this.pivotY);
    const earsVisible = !s.hasHijab && s.look.headwear !== 'headscarf';
    const headBase = this.bake(
      'head',
      this.headBox,
      (g) => {
        drawHeadwearBack(g, s);
        drawFaceBase(g, s, earsVisible);
      },
      -PIVOT * b,
    );
    this.faceLive = scene.make.graphics({}, false);
    this.faceLive.setPosition(faceDx, -PIVOT * b);
    this.faceLive.setVisible(false);
    this.faceImage = this.bake('face', this.headBox, (g) => this.drawFace(g), -PIVOT * b, faceDx);
    const hairFront = this.bake(
      'hair-front',
      this.headBox,
      (g) => {
        drawHairFront(g, s);
        if (options.look.glasses) {
          g.translateCanvas(faceDx, 0);
          drawGlasses(g, s);
        }
      },
      -PIVOT * b,
    );
    this.headPivot.add([headBase, this.faceImage, this.faceLive, hairFront]);

    this.inner.add([this.glow, this.backPivot, this.torso, this.headPivot]);
    if (options.seated) {
      this.root.add(this.bake('chair-front', this.bodyBox, (g) => drawSeat(undefined, g, s)));
    }

    this.place();
    this.setMotion(true);
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
    this.faceImage.setVisible(false);
    this.faceLive.setVisible(true);
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
      this.breathTween = this.scene.tweens.addCounter({
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
      });
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
    this.root.destroy();
    for (const key of this.keys) if (this.scene.textures.exists(key)) this.scene.textures.remove(key);
  }

  // -------------------------------------------------------------------------------------------

  /**
   * Draw into a throwaway Graphics and bake it into this figure's own canvas texture (cleared
   * and reused when baked again). Returns the texture key.
   */
  private bakeTexture(name: string, box: Box, draw: (g: G) => void): string {
    const key = `careplay-figure:${this.id}:${name}`;
    const w = Math.ceil(box.w);
    const h = Math.ceil(box.h);
    const textures = this.scene.textures;
    if (textures.exists(key)) {
      (textures.get(key) as Phaser.Textures.CanvasTexture).clear();
    } else {
      textures.createCanvas(key, w, h);
      this.keys.push(key);
    }
    const g = this.scene.make.graphics({}, false);
    g.translateCanvas(-box.x, -box.y);
    draw(g);
    g.generateTexture(key, w, h);
    g.destroy();
    return key;
  }

  /** Bake a layer and return an image placed where the drawing was (plus an offset). */
  private bake(name: string, box: Box, draw: (g: G) => void, dy = 0, dx = 0): Image {
    const key = this.bakeTexture(name, box, draw);
    return new Phaser.GameObjects.Image(this.scene, box.x + dx, box.y + dy, key).setOrigin(0, 0);
  }

  private drawFace(g: G): void {
    const pose = { ...this.pose, eyeLook: Math.max(-1, Math.min(1, this.pose.eyeLook + this.turn * 0.35)) };
    drawFeatures(g, this.spec, pose);
  }

  private foldNow(): number {
    return Math.round(this.pose.armsFolded * 100) / 100;
  }

  /** Redraw the live face (and arms, if the fold changes) during a blend. */
  private drawLive(): void {
    this.faceLive.clear();
    this.drawFace(this.faceLive);
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

  /** The pose has settled: bake the face (and arms if they changed) and show the images. */
  private settle(): void {
    const s = this.spec;
    this.bakeTexture('face', this.headBox, (g) => this.drawFace(g));
    this.faceLive.clear();
    this.faceLive.setVisible(false);
    this.faceImage.setVisible(true);
    const fold = this.foldNow();
    if (fold !== this.drawnFold || this.armsLive.visible) {
      this.drawnFold = fold;
      this.bakeTexture('arms', this.bodyBox, (g) => drawArms(g, s, fold));
      this.armsLive.clear();
      this.armsLive.setVisible(false);
      this.armsImage.setVisible(true);
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
    const tilt = Phaser.Math.DegToRad(this.pose.headTilt * 7 + this.turn * 1.5);
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
