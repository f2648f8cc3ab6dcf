/**
 * Room backgrounds for each location kind, painted once (see paintRoom.ts) and baked into one
 * texture per kind and size. Textures are game-wide, so a second call with the same kind and
 * size reuses the texture instead of painting again; a conversation lets go of the kinds it does
 * not use (roomTextures.ts). `prepareRoom` paints one over the next
 * frames (bakery.ts), for a room that can wait a moment: the next place, behind a fade.
 */
import Phaser from 'phaser';
import 'phaser/src/gameobjects/container/ContainerFactory.js';
import type { LOCATION_KINDS } from '../../engine/model';
import { Bakery, type Draw } from './bakery';
import { DH, paintRoom } from './paintRoom';
import { roomTextureKey } from './roomTextures';

export type LocationKind = (typeof LOCATION_KINDS)[number];

function roomBake(
  kind: LocationKind,
  width: number,
  height: number,
): { key: string; w: number; h: number; draw: Draw } {
  const w = Math.max(16, Math.round(width));
  const h = Math.max(9, Math.round(height));
  const k = h / DH;
  return {
    key: roomTextureKey(kind, w, h),
    w,
    h,
    draw: (g) => {
      g.scaleCanvas(k, k);
      paintRoom(g, kind, w / k);
    },
  };
}

/** Whether the room's texture is painted whole, so drawRoom costs nothing. */
export function roomReady(scene: Phaser.Scene, kind: LocationKind, width: number, height: number): boolean {
  const { key } = roomBake(kind, width, height);
  return scene.textures.exists(key) && !Bakery.of(scene).pending(key);
}

/** Paint the room's texture a little each frame; true once it is whole (at once if it is). */
export function prepareRoom(
  scene: Phaser.Scene,
  kind: LocationKind,
  width: number,
  height: number,
): Promise<boolean> {
  const { key, w, h, draw } = roomBake(kind, width, height);
  const bakery = Bakery.of(scene);
  const pending = bakery.pending(key);
  if (pending) return pending;
  if (scene.textures.exists(key)) return Promise.resolve(true);
  return bakery.bake(key, w, h, draw);
}

/**
 * A background that fills width×height for a location kind. The returned container holds one
 * image at (0, 0); position the container where the room should go. Painted now if it has not
 * been (a bake under way is finished now).
 */
export function drawRoom(
  scene: Phaser.Scene,
  kind: LocationKind,
  width: number,
  height: number,
): Phaser.GameObjects.Container {
  const { key, w, h, draw } = roomBake(kind, width, height);
  const bakery = Bakery.of(scene);
  if (bakery.pending(key) || !scene.textures.exists(key)) bakery.now(key, w, h, draw);
  const container = scene.add.container(0, 0);
  container.setName(`room-${kind}`);
  container.add(scene.add.image(0, 0, key).setOrigin(0, 0));
  return container;
}
