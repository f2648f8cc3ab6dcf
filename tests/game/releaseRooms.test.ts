/**
 * Painted rooms a conversation will not use are let go (roomTextures.ts, releaseRooms): kept for
 * ever, a trainer playing every scenario in one sitting held every kind of room, about 75 MB of
 * canvas. Kept: the kinds named, a room a scene still shows (even inside a container), and one
 * still being painted.
 */
import { describe, expect, it } from 'vitest';
import { releaseRooms, roomTextureKey, type RoomTextureHost } from '../../src/game/art/roomTextures';

function game(keys: string[], shown: unknown[] = []) {
  const textures = new Set(keys);
  const host: RoomTextureHost = {
    textures: {
      getTextureKeys: () => [...textures],
      remove: (key: string) => textures.delete(key),
    },
    scene: { getScenes: () => [{ children: { list: shown } }] },
  };
  return { host, textures };
}

const room = (kind: string) => roomTextureKey(kind, 1600, 900);

describe('releaseRooms', () => {
  it('keeps the kinds named and lets every other room go, leaving other textures alone', () => {
    const { host, textures } = game([
      room('lounge'),
      room('bedroom'),
      room('office'),
      room('garden'),
      'careplay-figure:arthur',
    ]);
    expect(releaseRooms(host, ['bedroom', 'lounge'], () => false)).toBe(2);
    expect([...textures].sort()).toEqual([room('bedroom'), room('lounge'), 'careplay-figure:arthur'].sort());
  });

  it('keeps a room a scene still shows, even inside a container, and one still being painted', () => {
    const shown = [{ list: [{ texture: { key: room('office') } }] }];
    const { host, textures } = game([room('office'), room('garden'), room('reception')], shown);
    expect(releaseRooms(host, [], (key) => key === room('reception'))).toBe(2);
    expect([...textures].sort()).toEqual([room('office'), room('reception')].sort());
  });

  it('keeps every size of a kind named (the gallery draws rooms small)', () => {
    const { host, textures } = game([roomTextureKey('lounge', 300, 170), room('lounge'), room('corridor')]);
    releaseRooms(host, ['lounge'], () => false);
    expect([...textures].sort()).toEqual([roomTextureKey('lounge', 300, 170), room('lounge')].sort());
  });
});
