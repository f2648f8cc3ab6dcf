/**
 * A projector's room in presenter mode is a band as wide as the room and too low for the
 * people's box (src/game/design.ts frameOn): it is framed on their faces, so none is cut off.
 */
import { describe, expect, it } from 'vitest';
import { type Box, DESIGN_HEIGHT, DESIGN_WIDTH, frameOn } from '../../src/game/design';

const view = (frame: ReturnType<typeof frameOn>, visible: { w: number; h: number }): Box => {
  const w = visible.w / frame.zoom;
  const h = visible.h / frame.zoom;
  return { x: frame.x - w / 2, y: frame.y - h / 2, w, h };
};
const contains = (outer: Box, inner: Box) =>
  inner.x >= outer.x - 1e-6 &&
  inner.y >= outer.y - 1e-6 &&
  inner.x + inner.w <= outer.x + outer.w + 1e-6 &&
  inner.y + inner.h <= outer.y + outer.h + 1e-6;

// 1024x768: the band is 147 px high and 1024 wide, so 1600x230 of the design at zoom 1.
const BAND = { w: 1600, h: 230 };
const ONE = { people: { x: 670, y: 250, w: 260, h: 456 }, faces: { x: 700, y: 290, w: 200, h: 215 } };
const THREE = { people: { x: 300, y: 250, w: 1000, h: 456 }, faces: { x: 330, y: 290, w: 940, h: 215 } };

describe('frameOn: a projector’s band above the words', () => {
  it('shows every face whole, not the middle of the people’s box', () => {
    for (const { people, faces } of [ONE, THREE]) {
      const frame = frameOn(people, BAND, faces);
      expect(contains(view(frame, BAND), faces)).toBe(true);
      expect(contains({ x: 0, y: 0, w: DESIGN_WIDTH, h: DESIGN_HEIGHT }, view(frame, BAND))).toBe(true);
      // Without the faces, the box's middle (the chest) is framed and the faces are cut.
      expect(contains(view(frameOn(people, BAND), BAND), faces)).toBe(false);
    }
  });

  it('changes nothing where the people’s box fits (a phone’s strip)', () => {
    const strip = { w: 1287, h: 900 };
    expect(frameOn(ONE.people, strip, ONE.faces)).toEqual(frameOn(ONE.people, strip));
  });
});
