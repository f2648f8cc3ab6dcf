/** The size the room is drawn at; Phaser scales it to fit the screen. */
export const DESIGN_WIDTH = 1600;
export const DESIGN_HEIGHT = 900;

/** The closest a phone's room comes in: beyond about twice, baked figures look soft. */
export const MAX_ZOOM = 2.2;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * What a phone's room shows: the people, head and shoulders, as large as the strip allows. On a
 * phone the canvas covers its strip (Phaser's ENVELOP) and only part of the design is in view
 * (`visible`, in design px at zoom 1); the camera zooms in so the people's box fills that part,
 * never showing past the painted room. Pure, so the arithmetic is tested without a canvas.
 *
 * A strip too low for the people's box even at zoom 1 (a projector's band above the words, which
 * is as wide as the room) is framed on the faces instead (`faces`: every face with a little room
 * round it), so no face is cut off by the strip's edge for the sake of showing shoulders.
 */
export function frameOn(
  people: Box | null,
  visible: { w: number; h: number },
  faces: Box | null = null,
): { zoom: number; x: number; y: number } {
  if (!people) return { zoom: 1, x: DESIGN_WIDTH / 2, y: DESIGN_HEIGHT / 2 };
  if (faces && people.h > visible.h) {
    const w = Math.max(people.w, faces.w);
    people = { x: people.x + (people.w - w) / 2, y: faces.y, w, h: faces.h };
  }
  const zoom = Math.max(1, Math.min(MAX_ZOOM, visible.w / people.w, visible.h / people.h));
  const halfW = visible.w / zoom / 2;
  const halfH = visible.h / zoom / 2;
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  return {
    zoom,
    x: clamp(people.x + people.w / 2, halfW, DESIGN_WIDTH - halfW),
    y: clamp(people.y + people.h / 2, halfH, DESIGN_HEIGHT - halfH),
  };
}
