/**
 * A character drawn from a Look: a half-length portrait (head, shoulders, torso, arms and hands
 * in the lap) whose face changes with the expression. Nothing is loaded; everything is Phaser
 * Graphics, so a new scenario's cast needs no new art.
 *
 * Structure (back to front): speaking glow, hair behind the body, torso, hijab drape, arms, head
 * (headwear back, face base, features, hair/headwear front, glasses). Only the features and arms
 * are ever redrawn, and only while an expression is blending; breathing and speaking move whole
 * containers.
 */
import Phaser from 'phaser';
import 'phaser/src/gameobjects/container/ContainerFactory.js';
import type { Look } from '../../engine/schema';
import { drawArms, drawTorso } from './drawBody';
import { drawFaceBase, drawFeatures, drawGlasses } from './drawFace';
import { drawHairBack, drawHairFront, drawHeadwearBack, drawHijabDrape } from './drawHair';
import { type FacePose, blendPose, poseFor } from './expressions';
import { type FigureSpec, makeSpec } from './figureSpec';
import { ellipsePts, fill, vec } from './shapes';
import { drawSeat } from './drawBody';

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

const BLEND_MS = 400;
const BREATH_MS = 2000; // each way: a 4 s cycle

export class CharacterFigure {
  readonly root: Container;
  readonly spec: FigureSpec;

  private readonly scene: Phaser.Scene;
  private readonly inner: Container;
  private readonly glow: Graphics;
  private readonly backPivot: Container;
  private readonly body: Graphics;
  private readonly drape: Graphics | undefined;
  private readonly arms: Graphics;
  private readonly headPivot: Container;
  private readonly face: Graphics;
  private readonly turn: number;
  /** Where the head turns and tilts: just under the chin. */
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

  constructor(scene: Phaser.Scene, x: number, y: number, options: CharacterFigureOptions) {
    this.scene = scene;
    const s = makeSpec(options.look, options.height);
    this.spec = s;
    this.turn = options.facing === 'left' ? -1 : options.facing === 'right' ? 1 : 0;
    this.pose = poseFor('calm');
    this.pivotY = s.headY + 0.92 * s.b;

    this.root = scene.add.container(x, y);
    this.root.setName('character-figure');
    this.inner = scene.add.container(0, 0);
    this.root.add(this.inner);

    const gfx = () => scene.make.graphics({}, false);

    let chairFront: Graphics | undefined;
    if (options.seated) {
      const chairBack = gfx();
      chairFront = gfx();
      drawSeat(chairBack, chairFront, s);
      this.root.addAt(chairBack, 0);
    }

    this.glow = gfx();
    this.drawGlow(this.glow);
    this.glow.setAlpha(0);

    this.backPivot = scene.add.container(0, this.pivotY);
    const hairBack = gfx();
    hairBack.setY(-0.92 * s.b);
    drawHairBack(hairBack, s);
    this.backPivot.add(hairBack);

    this.body = gfx();
    drawTorso(this.body, s);

    if (s.hasHijab) {
      this.drape = gfx();
      drawHijabDrape(this.drape, s);
    }

    this.arms = gfx();

    this.headPivot = scene.add.container(0, this.pivotY);
    const headBack = gfx();
    drawHeadwearBack(headBack, s);
    const headBase = gfx();
    const earsVisible = !s.hasHijab && s.look.headwear !== 'headscarf';
    drawFaceBase(headBase, s, earsVisible);
    this.face = gfx();
    this.face.setX(this.turn * 0.07 * s.f);
    const hairFront = gfx();
    drawHairFront(hairFront, s);
    const parts: Graphics[] = [headBack, headBase, this.face, hairFront];
    if (options.look.glasses) {
      const glasses = gfx();
      glasses.setX(this.turn * 0.07 * s.f);
      drawGlasses(glasses, s);
      parts.push(glasses);
    }
    for (const part of parts) part.setY(part.y - 0.92 * s.b);
    this.headPivot.add(parts);

    const layers: Phaser.GameObjects.GameObject[] = [this.glow, this.backPivot, this.body];
    if (this.drape) layers.push(this.drape);
    layers.push(this.arms, this.headPivot);
    this.inner.add(layers);
    if (chairFront) this.root.add(chairFront);

    this.redraw();
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
      this.redraw();
      return;
    }
    const from = { ...this.pose };
    this.blend = this.scene.tweens.addCounter({
      from: 0,
      to: 1,
      duration: BLEND_MS,
      ease: 'Sine.easeInOut',
      onUpdate: (tween) => {
        this.pose = blendPose(from, target, tween.getValue() ?? 0);
        this.redraw();
      },
      onComplete: () => {
        this.pose = target;
        this.redraw();
        this.blend = undefined;
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

  /** Gentle breathing on or off (off for reduced motion). Speaking changes then happen at once. */
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
    } else if (this.speakTween?.isPlaying()) {
      this.speakTween.stop();
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
  }

  // -------------------------------------------------------------------------------------------

  private redraw(): void {
    const face = this.face;
    face.clear();
    const pose = { ...this.pose, eyeLook: Math.max(-1, Math.min(1, this.pose.eyeLook + this.turn * 0.35)) };
    drawFeatures(face, this.spec, pose);
    // Arms are redrawn only when the fold changes (a guarded pose folds them).
    const fold = Math.round(this.pose.armsFolded * 100) / 100;
    if (fold !== this.drawnFold) {
      this.drawnFold = fold;
      this.arms.clear();
      drawArms(this.arms, this.spec, fold);
    }
    this.place();
  }

  /** Move containers for posture, breathing and speaking. No redrawing. */
  private place(): void {
    const s = this.spec;
    const u = s.u;
    const shoulder = this.pose.shoulderLift * 0.014 + this.breath * 0.005;
    // Scaling about the origin (the bottom) lifts the shoulders and chest.
    this.body.setScale(1, 1 + shoulder);
    this.arms.setScale(1, 1 + shoulder);
    this.drape?.setScale(1, 1 + shoulder);
    const headY = this.pivotY * (1 + shoulder) + this.pose.headDrop * 1.8 * u - this.breath * 0.15 * u;
    const tilt = Phaser.Math.DegToRad(this.pose.headTilt * 7 + this.turn * 1.5);
    this.headPivot.setPosition(this.turn * 0.6 * u, headY);
    this.headPivot.setRotation(tilt);
    this.backPivot.setPosition(this.turn * 0.6 * u, headY);
    this.backPivot.setRotation(tilt);
    this.inner.setY(-this.lift * 1.6 * u);
  }

  private drawGlow(g: Graphics): void {
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
