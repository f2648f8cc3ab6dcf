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
import { drawRoom } from './art/drawRoom';

import { DESIGN_HEIGHT, DESIGN_WIDTH } from './design';

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

export class RoomStage {
  private background: Phaser.GameObjects.Container | null = null;
  private figures = new Map<string, CharacterFigure>();
  private heights = new Map<string, number>();
  private location: string | null = null;
  private motion = true;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly cast: Record<string, CastMember>,
    private readonly kinds: Record<string, LocationKind>,
  ) {}

  setMotion(enabled: boolean): void {
    this.motion = enabled;
    for (const f of this.figures.values()) f.setMotion(enabled);
  }

  /** Draw a location and its people at once (a fresh arrival, a restore, a rewind). */
  show(location: string, present: readonly string[], expressions: Record<string, string>): void {
    if (location !== this.location) {
      this.background?.destroy();
      const background = drawRoom(this.scene, this.kinds[location] ?? 'lounge', DESIGN_WIDTH, DESIGN_HEIGHT);
      background.setDepth(0);
      this.background = background;
      this.location = location;
    }
    this.placePeople(present, expressions);
  }

  /** A change of location is a scene transition: fade out, redraw, fade in. */
  moveTo(location: string, present: readonly string[], expressions: Record<string, string>): Promise<void> {
    const camera = this.scene.cameras.main;
    if (!this.motion) {
      this.show(location, present, expressions);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      camera.once(Phaser.Cameras.Scene2D.Events.FADE_OUT_COMPLETE, () => {
        this.show(location, present, expressions);
        camera.fadeIn(350, 20, 16, 12);
        resolve();
      });
      camera.fadeOut(350, 20, 16, 12);
    });
  }

  setExpression(who: string, expression: string): void {
    this.figures.get(who)?.setExpression(expression, this.motion);
  }

  setSpeaker(who: string | null): void {
    for (const [id, figure] of this.figures) figure.setSpeaking(id === who);
  }

  destroy(): void {
    this.background?.destroy();
    for (const f of this.figures.values()) f.destroy();
    this.figures.clear();
    this.location = null;
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
        figure = new CharacterFigure(this.scene, x, 880, {
          look: this.cast[id]!.look,
          height,
          ...(facing ? { facing } : {}),
        });
        figure.root.setDepth(10);
        figure.setMotion(this.motion);
        this.figures.set(id, figure);
      } else {
        figure.setPosition(x, 880);
      }
      figure.setExpression(expressions[id] ?? 'calm', false);
    });
  }
}
