/**
 * A phone's room is framed on the people (src/game/design.ts frameOn): as large as the strip
 * allows, every face in view, and never past the painted room.
 */
import { describe, expect, it } from 'vitest';
import { type Box, DESIGN_HEIGHT, DESIGN_WIDTH, frameOn, MAX_ZOOM } from '../../src/game/design';

/** What is in view at a frame, in design px. */
function inView(frame: ReturnType<typeof frameOn>, visible: { w: number; h: number }): Box {
  const w = visible.w / frame.zoom;
  const h = visible.h / frame.zoom;
  return { x: frame.x - w / 2, y: frame.y - h / 2, w, h };
}

const contains = (outer: Box, inner: Box) =>
  inner.x >= outer.x - 1e-6 &&
  inner.y >= outer.y - 1e-6 &&
  inner.x + inner.w <= outer.x + outer.w + 1e-6 &&
  inner.y + inner.h <= outer.y + outer.h + 1e-6;

const ROOM: Box = { x: 0, y: 0, w: DESIGN_WIDTH, h: DESIGN_HEIGHT };
// A portrait phone's strip (390x273 CSS px) shows 1287x900 of the design; a landscape one's
// (439x352) 1122x900.
const PORTRAIT = { w: 1287, h: 900 };
const LANDSCAPE = { w: 1122, h: 900 };
const ONE: Box = { x: 670, y: 250, w: 260, h: 456 };
const TWO: Box = { x: 430, y: 250, w: 740, h: 456 };
const FIVE: Box = { x: 130, y: 300, w: 1340, h: 400 };

describe('frameOn: what a phone’s room shows', () => {
  it('with nobody there, the whole room as drawn (and so on every screen that is not a phone)', () => {
    expect(frameOn(null, PORTRAIT)).toEqual({ zoom: 1, x: DESIGN_WIDTH / 2, y: DESIGN_HEIGHT / 2 });
  });

  it('comes in on one or two people until their box fills the strip, keeping all of it in view', () => {
    for (const visible of [PORTRAIT, LANDSCAPE]) {
      for (const people of [ONE, TWO]) {
        const frame = frameOn(people, visible);
        expect(frame.zoom).toBeGreaterThan(1.4);
        const view = inView(frame, visible);
        expect(contains(view, people)).toBe(true);
        // Filled in one direction: as large as it can be.
        const fill = Math.max(people.w / view.w, people.h / view.h);
        expect(fill === 1 || frame.zoom === MAX_ZOOM).toBe(true);
        expect(contains(ROOM, view)).toBe(true);
      }
    }
  });

  it('never comes closer than MAX_ZOOM, never goes out past the room, never shows past its edges', () => {
    const tiny: Box = { x: 10, y: 10, w: 50, h: 50 };
    const close = frameOn(tiny, PORTRAIT);
    expect(close.zoom).toBe(MAX_ZOOM);
    expect(contains(ROOM, inView(close, PORTRAIT))).toBe(true);
    const wide = frameOn(FIVE, PORTRAIT);
    expect(wide.zoom).toBe(1);
    expect(contains(ROOM, inView(wide, PORTRAIT))).toBe(true);
  });
});
