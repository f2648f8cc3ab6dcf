/**
 * The painted rooms' textures: their names, and letting go of those a conversation will not use.
 * No Phaser here (only the shape of what is asked of it), so it is tested under Node.
 */
import type { LocationKind } from '../../engine/model';

export function roomTextureKey(kind: string, width: number, height: number): string {
  return `careplay-room:${kind}:${Math.round(width)}x${Math.round(height)}`;
}

/** What releaseRooms needs of a game: its textures, and what its scenes show. */
export interface RoomTextureHost {
  textures: { getTextureKeys(): string[]; remove(key: string): unknown };
  scene: { getScenes(isActive?: boolean): { children: { list: unknown[] } }[] };
}

/** Whether a game object, or anything inside a container, shows the texture `key`. */
function shows(object: unknown, key: string): boolean {
  const o = object as { texture?: { key?: string }; list?: unknown[] };
  if (o.texture?.key === key) return true;
  return Array.isArray(o.list) && o.list.some((child) => shows(child, key));
}

/**
 * Let go of the painted rooms a conversation about to start will not use: every kind but those
 * named (its own, and the lounge the menu shows), unless a scene still shows it or it is still
 * being painted. One is 5.8 MB of canvas at the design size; kept for ever, a trainer who played
 * every shipped scenario in one sitting held thirteen of them, about 75 MB (and more with their
 * own files: there are eighteen kinds), which a cheap tablet feels.
 * A room let go is painted again, a piece a frame, if it is needed later. Returns how many are
 * kept.
 */
export function releaseRooms(
  game: RoomTextureHost,
  keep: Iterable<LocationKind>,
  painting: (key: string) => boolean,
): number {
  const kept = new Set<string>(keep);
  const rooms = game.textures.getTextureKeys().filter((k) => k.startsWith('careplay-room:'));
  const scenes = game.scene.getScenes(false);
  let count = 0;
  for (const key of rooms) {
    const kind = key.split(':')[1] ?? '';
    const needed =
      kept.has(kind) || painting(key) || scenes.some((s) => s.children.list.some((o) => shows(o, key)));
    if (needed) count++;
    else game.textures.remove(key);
  }
  return count;
}
