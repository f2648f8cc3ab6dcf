/**
 * Room backgrounds for each location kind, painted once (see paintRoom.ts) and baked into one
 * texture per kind and size. Textures are game-wide, so a second call with the same kind and
 * size reuses the texture instead of painting again.
 */
import Phaser from 'phaser';
import 'phaser/src/gameobjects/container/ContainerFactory.js';
import type { LOCATION_KINDS } from '../../engine/model';
import { bakeGraphics } from './bakeGraphics';
import { DH, paintRoom } from './paintRoom';

export type LocationKind = (typeof LOCATION_KINDS)[number];

export function roomTextureKey(kind: string, width: number, height: number): string {
  return `careplay-room:${kind}:${Math.round(width)}x${Math.round(height)}`;
}

/**
 * A background that fills width×height for a location kind. The returned container holds one
 * image at (0, 0); position the container where the room should go.
 */
export function drawRoom(
  scene: Phaser.Scene,
  kind: LocationKind,
  width: number,
  height: number,
): Phaser.GameObjects.Container {
  const w = Math.max(16, Math.round(width));
  const h = Math.max(9, Math.round(height));
  const key = roomTextureKey(kind, w, h);
  if (!scene.textures.exists(key)) {
    const g = scene.make.graphics({}, false);
    const k = h / DH;
    g.scaleCanvas(k, k);
    paintRoom(g, kind, w / k);
    bakeGraphics(g, key, w, h);
    g.destroy();
  }
  const container = scene.add.container(0, 0);
  container.setName(`room-${kind}`);
  container.add(scene.add.image(0, 0, key).setOrigin(0, 0));
  return container;
}
