/**
 * The room and the people in it, for one scene: draws the location's background and a figure
 * per person present, changes their expressions and marks who is speaking. It reads nothing
 * from the Session itself; the conversation tells it what to show.
 */
import Phaser from 'phaser';
import 'phaser/src/gameobjects/container/ContainerFactory.js';
import type { LocationKind } from '../engine/model';
import type { CastMember } from '../engine/schema';
import { CharacterFigure } from './art/CharacterFigure';
import { Bakery } from './art/bakery';
import { drawRoom, prepareRoom, roomReady } from './art/drawRoom';
import { releaseRooms } from './art/roomTextures';

import { type Box, DESIGN_HEIGHT, DESIGN_WIDTH, frameOn } from './design';
import { wakeRoom } from './roomClock';

/** Where people stand, by how many are in the room (design-space x). */
export const SLOTS: Record<number, number[]> = {
  1: [800],
  2: [560, 1040],
  3: [420, 800, 1180],
  4: [330, 630, 970, 1270],
  5: [260, 530, 800, 1070, 1340],
};

/** Smaller figures when the room is fuller, so five people do not overlap. */
export function figureHeight(count: number): number {
  return count <= 3 ? 600 : count === 4 ? 520 : 440;
}

/** Where a figure's feet (the bottom of the half-length portrait) stand, design-space y. */
const FLOOR = 880;
export class RoomStage {
  private background: Phaser.GameObjects.Container | null = null;
  private figures = new Map<string, CharacterFigure>();
  private heights = new Map<string, number>();
  private location: string | null = null;
  private motion = true;
  private framed = '';
  private gone = false;
  /** The camera is held dark until a room is painted (show), and walks under way (moveTo). */
  private held = false;
  private walking = 0;
  private readonly onResize = () => {
    this.wake();
    this.frame(false);
  };

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly cast: Record<string, CastMember>,
    private readonly kinds: Record<string, LocationKind>,
  ) {
    scene.scale.on(Phaser.Scale.Events.RESIZE, this.onResize);
    // Only this conversation's rooms and the menu's lounge stay painted. The count is on the
    // canvas for the tests and the bench to read, as the room's clock is (roomClock.ts).
    const bakery = Bakery.of(scene);
    const kept = releaseRooms(
      scene.game,
      [...Object.values(kinds), 'lounge'],
      (key) => !!bakery.pending(key),
    );
    if (scene.game.canvas) scene.game.canvas.dataset.rooms = String(kept);
    this.wake();
  }

  /** The room only draws while something changes (roomClock.ts): every change wakes it. */
  private wake(): void {
    wakeRoom(this.scene.game);
  }

  setMotion(enabled: boolean): void {
    this.wake();
    this.motion = enabled;
    for (const f of this.figures.values()) f.setMotion(enabled);
  }

  /** Draw a location and its people at once (a fresh arrival, a restore, a rewind). */
  show(location: string, present: readonly string[], expressions: Record<string, string>): void {
    this.wake();
    const sameRoom = location === this.location;
    if (!sameRoom) {
      const first = this.location === null;
      this.background?.destroy();
      this.background = null;
      this.location = location;
      const kind = this.kinds[location] ?? 'lounge';
      const camera = this.scene.cameras.main;
      // The canvas is dark as a conversation opens (ConversationScene): the room fades in from it.
      const reveal = (ms: number) => {
        this.held = false;
        if (this.motion) camera.fadeIn(ms, 20, 16, 12);
        else camera.fadeEffect.reset();
      };
      if (roomReady(this.scene, kind, DESIGN_WIDTH, DESIGN_HEIGHT)) {
        this.setBackground(kind);
        // Also a room reached while an earlier one was still being painted behind the dark.
        if (first || this.held) reveal(first ? 300 : 250);
      } else {
        // Not painted yet (the first room of a conversation, or a jump to one): painted over the
        // next frames with the canvas held dark, then the room and its people fade in together.
        // Held, not faded: a fade over a room not yet there redrew the whole canvas every frame
        // for nothing, beside the first paint of the conversation's words, and the room's own
        // fade then began again from dark (a flicker, with the people shown before their room).
        this.held = true;
        camera.fadeOut(0, 20, 16, 12);
        void prepareRoom(this.scene, kind, DESIGN_WIDTH, DESIGN_HEIGHT).then(() => {
          if (this.gone || this.location !== location || this.background) return;
          this.setBackground(kind);
          this.wake();
          // A walk under way fades in the room it reaches; a fade here would cut its fade-out
          // short, and the walk would never end.
          if (this.walking === 0) reveal(250);
        });
      }
    }
    const before = [...this.figures.keys()].join();
    this.placePeople(present, expressions);
    // Someone walking in or out of the same room: the camera moves to take them in.
    this.frame(sameRoom && before !== [...this.figures.keys()].join());
  }

  private setBackground(kind: LocationKind): void {
    const background = drawRoom(this.scene, kind, DESIGN_WIDTH, DESIGN_HEIGHT);
    background.setDepth(0);
    this.background = background;
  }

  /**
   * A change of location is a scene transition: fade out, redraw, fade in. The next room is
   * painted while the old one fades (a little each frame), so the swap itself costs nothing.
   */
  moveTo(location: string, present: readonly string[], expressions: Record<string, string>): Promise<void> {
    this.wake();
    const camera = this.scene.cameras.main;
    const painted = prepareRoom(this.scene, this.kinds[location] ?? 'lounge', DESIGN_WIDTH, DESIGN_HEIGHT);
    if (!this.motion) {
      this.show(location, present, expressions);
      return Promise.resolve();
    }
    this.walking++;
    return new Promise((resolve) => {
      const arrive = () => {
        void painted.then(() => {
          this.walking--;
          if (this.gone) return resolve();
          this.show(location, present, expressions);
          camera.fadeIn(350, 20, 16, 12);
          resolve();
        });
      };
      // Already dark (the room before still being painted): nothing to fade out.
      const fade = camera.fadeEffect;
      if (fade.direction && fade.isComplete) return arrive();
      camera.once(Phaser.Cameras.Scene2D.Events.FADE_OUT_COMPLETE, arrive);
      if (!(fade.direction && fade.isRunning)) camera.fadeOut(350, 20, 16, 12);
    });
  }

  setExpression(who: string, expression: string): void {
    this.wake();
    this.figures.get(who)?.setExpression(expression, this.motion);
  }

  setSpeaker(who: string | null): void {
    this.wake();
    for (const [id, figure] of this.figures) figure.setSpeaking(id === who);
  }

  destroy(): void {
    this.gone = true;
    this.scene.scale.off(Phaser.Scale.Events.RESIZE, this.onResize);
    this.background?.destroy();
    for (const f of this.figures.values()) f.destroy();
    this.figures.clear();
    this.location = null;
    this.framed = '';
    const camera = this.scene.cameras?.main;
    if (camera) {
      this.scene.tweens?.killTweensOf(camera);
      camera.setZoom(1).centerOn(DESIGN_WIDTH / 2, DESIGN_HEIGHT / 2);
    }
    delete this.scene.game.canvas?.dataset.faces;
  }

  /**
   * Each face in the room and the part of the design in view, for tests and tools to measure
   * what a learner sees (design px; the view covers the whole canvas).
   */
  faces(): { who: string; x: number; y: number; w: number; h: number }[] {
    return [...this.figures].map(([who, f]) => {
      const s = f.spec;
      return { who, x: f.root.x - s.f, y: FLOOR + s.headY - s.b, w: 2 * s.f, h: 2 * s.b };
    });
  }

  /** The people's box: every face with room round it, down to the chest. */
  private peopleBox(): Box | null {
    const faces = this.faces();
    if (!faces.length) return null;
    const u = Math.max(...[...this.figures.values()].map((f) => f.spec.u));
    const left = Math.min(...faces.map((f) => f.x)) - 9 * u;
    const right = Math.max(...faces.map((f) => f.x + f.w)) + 9 * u;
    const top = Math.min(...faces.map((f) => f.y)) - 8 * u;
    const bottom = Math.max(...faces.map((f) => f.y + f.h)) + 36 * u;
    return { x: left, y: top, w: right - left, h: bottom - top };
  }

  /** Every face with a little room round it: the hair above, the chin below. */
  private facesBox(): Box | null {
    const faces = this.faces();
    if (!faces.length) return null;
    const u = Math.max(...[...this.figures.values()].map((f) => f.spec.u));
    const top = Math.min(...faces.map((f) => f.y)) - 5 * u;
    const bottom = Math.max(...faces.map((f) => f.y + f.h)) + 3 * u;
    const left = Math.min(...faces.map((f) => f.x)) - 4 * u;
    const right = Math.max(...faces.map((f) => f.x + f.w)) + 4 * u;
    return { x: left, y: top, w: right - left, h: bottom - top };
  }

  /**
   * On a phone or a projector in presenter mode (the canvas covers its strip), frame the people
   * (on a strip too low for them, their faces); elsewhere the whole room, as drawn. Publishes
   * what is in view on the canvas as data-faces.
   */
  private frame(animate: boolean) {
    const camera = this.scene.cameras?.main;
    const scale = this.scene.scale;
    if (!camera) return;
    let visible = { w: DESIGN_WIDTH, h: DESIGN_HEIGHT };
    const covering = scale.scaleMode === Phaser.Scale.ENVELOP;
    if (covering && scale.displaySize.width > 0 && scale.displaySize.height > 0) {
      visible = {
        w: DESIGN_WIDTH * Math.min(1, scale.parentSize.width / scale.displaySize.width),
        h: DESIGN_HEIGHT * Math.min(1, scale.parentSize.height / scale.displaySize.height),
      };
    }
    const target = frameOn(covering ? this.peopleBox() : null, visible, covering ? this.facesBox() : null);
    const key = `${target.zoom.toFixed(3)},${target.x.toFixed(1)},${target.y.toFixed(1)}`;
    if (key !== this.framed) {
      this.framed = key;
      this.scene.tweens.killTweensOf(camera);
      if (animate && this.motion) {
        this.scene.tweens.add({
          targets: camera,
          zoom: target.zoom,
          scrollX: target.x - camera.width / 2,
          scrollY: target.y - camera.height / 2,
          duration: 450,
          ease: 'Sine.easeInOut',
        });
      } else camera.setZoom(target.zoom).centerOn(target.x, target.y);
    }
    const canvas = this.scene.game.canvas;
    if (canvas) {
      const w = DESIGN_WIDTH / target.zoom;
      const h = DESIGN_HEIGHT / target.zoom;
      canvas.dataset.faces = JSON.stringify({
        view: { x: target.x - w / 2, y: target.y - h / 2, w, h },
        faces: this.faces(),
      });
    }
  }

  private placePeople(present: readonly string[], expressions: Record<string, string>) {
    const people = present.filter((p) => this.cast[p]);
    for (const [id, figure] of this.figures) {
      if (!people.includes(id)) {
        figure.destroy();
        this.figures.delete(id);
      }
    }
    const slots = SLOTS[Math.min(people.length, 5)] ?? SLOTS[5]!;
    people.slice(0, 5).forEach((id, i) => {
      const x = slots[i]!;
      // People turn a little towards the middle of the room; someone in the middle faces us.
      const facing =
        Math.abs(x - DESIGN_WIDTH / 2) < 40 ? undefined : x < DESIGN_WIDTH / 2 ? 'right' : 'left';
      const height = figureHeight(people.length);
      let figure = this.figures.get(id);
      if (figure && this.heights.get(id) !== height) {
        figure.destroy();
        this.figures.delete(id);
        figure = undefined;
      }
      if (!figure) {
        this.heights.set(id, height);
        figure = new CharacterFigure(this.scene, x, FLOOR, {
          look: this.cast[id]!.look,
          height,
          ...(facing ? { facing } : {}),
        });
        figure.root.setDepth(10);
        figure.setMotion(this.motion);
        this.figures.set(id, figure);
        figure.setExpression(expressions[id] ?? 'calm', false);
      } else {
        figure.setPosition(x, FLOOR);
        // Only a change is drawn: show() comes with every line, and re-baking each face took
        // 100-200 ms a line with software rendering (a projector's laptop).
        const expression = expressions[id] ?? 'calm';
        if (figure.currentExpression !== expression) figure.setExpression(expression, false);
      }
    });
  }
}
