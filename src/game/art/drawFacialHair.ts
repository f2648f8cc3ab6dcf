/**
 * Facial hair: stubble, a moustache, a goatee, a beard or a full beard, in the hair colour.
 *
 * The parts that do not move (stubble, and the mass of a goatee or beard over the jaw and chin)
 * are drawn with the face's base, over the skin. The parts round the mouth move with it and are
 * drawn with the features: a clearing that keeps the lips free of hair, the mouth itself, then a
 * moustache whose lower edge follows the lip line (or the top of an open mouth), so a smile, a
 * frown, a pressed line or an open mouth always reads through the hair.
 *
 * The geometry functions are pure (no drawing), so they can be tested. Head-local coordinates, as
 * in drawFace: (0, 0) is the middle of the head, f and b its half width and half height.
 */
import type { FacialHair, FigureSpec } from './figureSpec';
import { FACE, type MouthShape, faceOutline } from './faceGeometry';
import {
  type G,
  type Pt,
  circle,
  clamp,
  cubic,
  fill,
  insidePolygon,
  offsetPath,
  p,
  quad,
  ribbonFill,
  rng,
  stroke,
  taper,
  yAt,
} from './shapes';

/** Styles with hair over the jaw and chin (drawn with the face's base). */
const MASS_STYLES = new Set<FacialHair>(['goatee', 'beard', 'full-beard']);
/** Styles with a moustache drawn over the upper lip. */
const MOUSTACHE_STYLES = new Set<FacialHair>(['moustache', 'goatee', 'beard', 'full-beard']);

export function hasMoustache(style: FacialHair): boolean {
  return MOUSTACHE_STYLES.has(style);
}

export function hasBeardMass(style: FacialHair): boolean {
  return MASS_STYLES.has(style);
}

/** Where the hair at the side of the face begins, in half-heights: up under a turban, short when bald. */
export function sideburnTop(s: FigureSpec): number {
  const hw = s.look.headwear ?? 'none';
  if (hw === 'turban') return -0.38;
  if (hw === 'hijab' || hw === 'headscarf') return -0.15;
  const style = s.look.hair.style;
  if (style === 'bald') return -0.02;
  return -0.14;
}

/** y of the bottom of the nose, where a moustache starts. */
function noseBase(s: FigureSpec): number {
  return (FACE.noseY + 0.075) * s.b;
}

/** The right half of the inner (upper) edge of a beard, from the sideburn down to the upper lip. */
function cheekLine(s: FigureSpec, style: FacialHair, top: number): Pt[] {
  const { f, b } = s;
  const nb = noseBase(s);
  if (style === 'full-beard') {
    return [
      ...quad(p(0.79 * f, top * b), p(0.74 * f, 0.3 * b), p(0.46 * f, 0.43 * b), 10),
      ...quad(p(0.46 * f, 0.43 * b), p(0.32 * f, nb), p(0, nb + 0.01 * b), 6).slice(1),
    ];
  }
  // A trimmed beard: the cheek line runs lower, from the sideburn to beside the mouth.
  return [
    ...quad(p(0.8 * f, top * b), p(0.8 * f, 0.36 * b), p(0.5 * f, 0.5 * b), 10),
    ...quad(p(0.5 * f, 0.5 * b), p(0.34 * f, nb + 0.01 * b), p(0, nb + 0.015 * b), 6).slice(1),
  ];
}

/** How far the hair stands out from the jaw at a point on it: 0 on the cheek, most under the chin. */
function volume(s: FigureSpec, style: FacialHair, q: Pt): number {
  const { f, b } = s;
  const t = q.y / b;
  const below = clamp((t - 0.25) / 0.75, 0, 1);
  const smooth = below * below * (3 - 2 * below);
  // A beard hangs a little lower in the middle, so its bottom is rounded rather than flat.
  const middle = Math.max(0, 1 - (q.x / (0.75 * f)) ** 2) * smooth;
  switch (style) {
    case 'full-beard':
      return b * (0.05 + 0.2 * smooth + 0.2 * middle);
    case 'beard':
      return b * (0.025 + 0.05 * smooth + 0.04 * middle);
    default:
      // Stubble lies on the skin: keep it just inside the face's edge.
      return -b * 0.012;
  }
}

/** The face outline from the right side at height `fromY` (head-local y) round the chin to the left. */
function jawRun(s: FigureSpec, fromY: number, maxX = Infinity): Pt[] {
  const outline = faceOutline(s, 120);
  const out: Pt[] = [];
  // The outline runs clockwise from the crown: right side down, the chin, left side up.
  for (const q of outline) if (q.y >= fromY && Math.abs(q.x) <= maxX) out.push(q);
  // Start on the right: the run is contiguous in the outline order apart from wrapping at the crown.
  return out;
}

/**
 * A beard's two edges: `outer` from the top of the right side round the jaw and chin to the top of
 * the left; `inner` back from the left over the cheeks and the upper lip (or, for a goatee, under
 * the mouth) to the right. `lower` moves the inner edge down, for stubble's soft upper edge.
 */
interface BeardParts {
  outer: Pt[];
  inner: Pt[];
}

function beardParts(s: FigureSpec, style: FacialHair, lower = 0): BeardParts {
  const { b } = s;
  if (style === 'goatee') return goateeParts(s);
  const rand = rng(s.seed + 41);
  const rough = style === 'full-beard' ? 0.022 : style === 'stubble' ? 0 : 0.01;
  const top = sideburnTop(s);
  const cheekStyle = style === 'stubble' ? 'beard' : style;
  const cheek = cheekLine(s, cheekStyle, top).map((q) => p(q.x, q.y + lower * b));
  const run = jawRun(s, top * b);
  const outer = offsetPath(run, (_i, q) => volume(s, style, q) + rough * b * (rand() - 0.5));
  // The cheek line runs from the sideburn to the upper lip: the left one, then the right reversed.
  const leftCheek = cheek.map((q) => p(-q.x, q.y));
  const rightCheek = [...cheek].reverse();
  return { outer, inner: [...leftCheek, ...rightCheek.slice(1)] };
}

/**
 * The mass of a goatee, beard or full beard (or the area stubble covers), as one closed polygon
 * over the jaw, chin and upper lip. The mouth is cleared later, with the expression.
 */
export function beardMass(s: FigureSpec, style: FacialHair): Pt[] {
  if (style === 'none' || style === 'moustache') return [];
  const { outer, inner } = beardParts(s, style);
  return [...outer, ...inner];
}

/**
 * A goatee: hair from just under the lower lip down over the chin, a little fuller below it, with
 * a narrow band up beside each mouth corner to meet the moustache. Above the lip line it leaves
 * the upper lip to the moustache, so it never reads as a muzzle.
 */
function goateeParts(s: FigureSpec): BeardParts {
  const { f, b } = s;
  const my = FACE.mouthY * b;
  const chin = faceOutline(s, 120).reduce((lo, q) => Math.max(lo, q.y), 0);
  const right = [
    p(0.3 * f, my - 0.05 * b),
    ...quad(p(0.3 * f, my - 0.05 * b), p(0.38 * f, my - 0.03 * b), p(0.36 * f, my + 0.1 * b), 6).slice(1),
    ...cubic(
      p(0.36 * f, my + 0.1 * b),
      p(0.33 * f, chin - 0.1 * b),
      p(0.18 * f, chin + 0.06 * b),
      p(0, chin + 0.065 * b),
      12,
    ).slice(1),
  ];
  const left = right.map((q) => p(-q.x, q.y)).reverse();
  // Back across under the mouth: the lips are cleared from it with the expression.
  const under = [p(-0.27 * f, my + 0.02 * b), p(0, my + 0.035 * b), p(0.27 * f, my + 0.02 * b)];
  return { outer: [...right, ...left.slice(1)], inner: under };
}

/**
 * The top of the hair over the lower face at x: the cheek line of a beard, the top of a goatee.
 * Infinity where there is none (no facial hair, stubble, a moustache alone).
 */
export function beardTopAt(s: FigureSpec, x: number): number {
  const style = s.facialHair;
  const { f, b } = s;
  if (style === 'goatee') return Math.abs(x) <= 0.4 * f ? (FACE.mouthY - 0.05) * b : Infinity;
  if (style !== 'beard' && style !== 'full-beard') return Infinity;
  const top = sideburnTop(s);
  const cheek = cheekLine(s, style, top);
  const ax = Math.abs(x);
  if (ax > cheek[0]!.x) return ax <= 1.08 * f ? top * b : Infinity;
  return yAt(cheek, ax);
}

/** A shape (a flush on the cheeks) kept on the skin above a beard. Unchanged without one. */
export function keepAboveBeard(s: FigureSpec, pts: Pt[], margin = 0): Pt[] {
  if (!hasBeardMass(s.facialHair)) return pts;
  return pts.map((q) => p(q.x, Math.min(q.y, beardTopAt(s, q.x) - margin * s.b)));
}

/** The part of a line (a smile line) above a beard, or the line unchanged without one. */
export function lineAboveBeard(s: FigureSpec, pts: Pt[]): Pt[] {
  if (!hasBeardMass(s.facialHair)) return pts;
  const out: Pt[] = [];
  for (const q of pts) {
    if (q.y > beardTopAt(s, q.x)) break;
    out.push(q);
  }
  return out;
}

/** Lips and a little skin round them, kept clear of a beard for the pose. */
export function mouthClearing(s: FigureSpec, m: MouthShape): Pt[] {
  const { f, b } = s;
  const ext = 0.025 * f;
  // Above both the upper lip and the lip line (which rises above the lip's ends in a frown).
  const topLine = m.line.slice(1, -1).map((q) => p(q.x, Math.min(q.y, yAt(m.upperLip, q.x)) - 0.012 * b));
  const bottom = m.lowerLip.map((q) => p(q.x, q.y + 0.028 * b));
  const lowest = m.drop > 0 ? m.lowerEdge : m.line;
  // The lower lip can never sit above the opening's lower edge.
  const bottomSafe = bottom.map((q) => p(q.x, Math.max(q.y, yAt(lowest, q.x) + 0.02 * b)));
  return [
    p(m.left.x - ext, m.left.y),
    ...topLine,
    p(m.right.x + ext, m.right.y),
    p(m.right.x - 0.02 * f, m.right.y + 0.035 * b),
    ...[...bottomSafe].reverse(),
    p(m.left.x + 0.02 * f, m.left.y + 0.035 * b),
  ];
}

export interface Moustache {
  /** The closed shape: top edge right to left, then bottom edge left to right. */
  outline: Pt[];
  /** The lower edge, left to right: just above what must stay visible of the mouth. */
  lower: Pt[];
  /** The upper edge, left to right. */
  upper: Pt[];
}

/** The gap kept between a moustache and the lip line, as a fraction of b. */
export const MOUSTACHE_GAP = 0.014;

/** A moustache fitted to the mouth for the pose: its ends follow the corners (up for a smile). */
export function moustacheShape(s: FigureSpec, style: FacialHair, m: MouthShape): Moustache {
  const { f, b } = s;
  const full = style === 'full-beard';
  const goatee = style === 'goatee';
  const joins = goatee || style === 'beard' || full;
  const ext = (full ? 0.09 : style === 'beard' ? 0.07 : goatee ? 0.06 : 0.045) * f;
  const droop = (full ? 0.07 : joins ? 0.055 : 0.025) * b;
  const nb = noseBase(s);
  const gap = MOUSTACHE_GAP * b;
  // The lower edge: the lip line or the top of the opening, a little above it, then the ends.
  const top = m.top;
  // A moustache keeps its width when the mouth narrows (worry, a pressed line): its ends follow
  // the corners up and down, never in.
  const half = 0.27 * f;
  const endL = p(Math.min(m.left.x, m.mx - half) - ext, m.left.y + droop);
  const endR = p(Math.max(m.right.x, m.mx + half) + ext, m.right.y + droop);
  // Past each corner before it droops, so the corners (and the expression) stay clear.
  const cornerL = p(m.left.x, m.left.y - gap);
  const cornerR = p(m.right.x, m.right.y - gap);
  // The lower edge is a little uneven (hair, not a cut-out), always upwards, away from the lip.
  const inside = top.slice(1, -1).map((q, i) => p(q.x, q.y - gap - b * 0.007 * (1 + Math.sin(i * 2.3))));
  const lower = [endL, cornerL, ...inside, cornerR, endR];
  // The upper edge: under the nose in the middle, following the upper lip as it moves, and
  // tapering to the ends.
  const cx = m.mx * 0.6;
  // A moustache on its own is trimmed neater than one that is part of a beard.
  const crown = nb + (full ? -0.005 : style === 'beard' ? 0.005 : 0.035) * b;
  const notch = p(cx, crown + 0.014 * b);
  const upperLeft = cubic(
    endL,
    p(endL.x + 0.03 * f, endL.y - 0.09 * b),
    p(cx - 0.26 * f, crown - 0.012 * b),
    notch,
    12,
  );
  const upperRight = cubic(
    notch,
    p(cx + 0.26 * f, crown - 0.012 * b),
    p(endR.x - 0.03 * f, endR.y - 0.09 * b),
    endR,
    12,
  );
  const minThick = (full ? 0.06 : style === 'beard' ? 0.05 : 0.04) * b;
  const upper = [...upperLeft, ...upperRight.slice(1)];
  const n = upper.length;
  const upperClamped = upper.map((q, i) => {
    // Thick in the middle, tapering to the ends.
    const endness = Math.abs(i / (n - 1) - 0.5) * 2;
    const limit = yAt(lower, q.x) - minThick * (1 - 0.85 * endness ** 3);
    return p(q.x, Math.min(q.y, limit));
  });
  return {
    outline: [...[...upperClamped].reverse(), ...lower.slice(1, -1)],
    lower,
    upper: upperClamped,
  };
}

// ---------------------------------------------------------------------------------------------
// Drawing

/** Grey hairs among darker ones. */
const GREY_HAIR = 0xcfcbc5;

/** Short strands flowing down (and out from the middle) over a shape. */
function strands(
  g: G,
  s: FigureSpec,
  area: Pt[],
  count: number,
  len: number,
  seed: number,
  lean: number,
): void {
  if (area.length < 3) return;
  const rand = rng(seed);
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const q of area) {
    minX = Math.min(minX, q.x);
    maxX = Math.max(maxX, q.x);
    minY = Math.min(minY, q.y);
    maxY = Math.max(maxY, q.y);
  }
  const w = Math.max(1, s.b * 0.022);
  let drawn = 0;
  for (let tries = 0; drawn < count && tries < count * 8; tries++) {
    const x = minX + rand() * (maxX - minX);
    const y = minY + rand() * (maxY - minY);
    if (!insidePolygon(area, x, y)) continue;
    const l = len * (0.7 + rand() * 0.6);
    const dx = (x / s.f) * lean * l;
    const end = p(x + dx, y + l);
    if (!insidePolygon(area, end.x, end.y)) continue;
    const mid = p(x + dx * 0.5 + (rand() - 0.5) * l * 0.25, y + l * 0.5);
    const grey = rand() < s.beardGrey;
    const light = drawn % 3 === 1;
    const colour = grey ? GREY_HAIR : light ? s.beardLight : s.beardShadow;
    ribbonFill(g, quad(p(x, y), mid, end, 6), taper(w, 0.15), colour, grey ? 0.6 : light ? 0.45 : 0.55);
    drawn++;
  }
}

function drawStubble(g: G, s: FigureSpec): void {
  const { f, b } = s;
  // A haze that fades in over the cheeks (each layer's upper edge a little lower), then fine dots.
  const layers = [0, 0.035, 0.07, 0.11].map((lower) => {
    const { outer, inner } = beardParts(s, 'stubble', lower);
    return [...outer, ...inner];
  });
  for (const layer of layers) fill(g, layer, s.stubble, s.stubbleAlpha * 0.22);
  const dense = layers[1]!;
  const rand = rng(s.seed + 43);
  const r = Math.max(0.45, b * 0.0062);
  let minY = Infinity;
  for (const q of dense) minY = Math.min(minY, q.y);
  for (let i = 0; i < 900; i++) {
    const x = (rand() * 2 - 1) * f * 1.02;
    const y = minY + rand() * (1.02 * b - minY);
    if (!insidePolygon(dense, x, y)) continue;
    circle(g, x, y, r * (0.8 + rand() * 0.4), s.stubble, s.stubbleAlpha * (0.7 + rand() * 0.5));
  }
}

/** Stubble or the mass of a goatee or beard: drawn once with the face's base, over the skin. */
export function drawFacialHairBase(g: G, s: FigureSpec): void {
  const style = s.facialHair;
  if (style === 'stubble') {
    drawStubble(g, s);
    return;
  }
  if (!hasBeardMass(style)) return;
  const { f, b, lw } = s;
  const { outer, inner } = beardParts(s, style);
  const mass = [...outer, ...inner];
  // The shadow colour, then the lit hair set in from the outer edge: a soft crescent of shade on
  // the right and under the chin (the light comes from the upper left), as on the face.
  fill(g, mass, s.beardShadow);
  const full = style === 'full-beard';
  const inset = offsetPath(outer, (_i, q) => {
    const right = clamp(q.x / f, 0, 1);
    const low = clamp((q.y / b - 0.6) / 0.8, 0, 1);
    return -b * (0.015 + 0.07 * right + (full ? 0.12 : 0.04) * low);
  });
  fill(g, [...inset, ...inner], s.beard);
  const count = full ? 120 : style === 'beard' ? 75 : 40;
  strands(g, s, mass, count, b * (full ? 0.12 : 0.07), s.seed + 47, full ? 0.25 : 0.15);
  // A soft line round the outside, and a softer one along the cheeks.
  stroke(g, outer, lw, s.beardLine, 0.5);
  stroke(g, inner, Math.max(1, lw * 0.7), s.beardShadow, 0.5);
}

/** The parts that move with the mouth: the clearing round the lips, drawn before the mouth. */
export function drawBeardClearing(g: G, s: FigureSpec, m: MouthShape): void {
  if (!hasBeardMass(s.facialHair)) return;
  const clearing = mouthClearing(s, m);
  fill(g, clearing, s.skin);
  // The hair's edge below the lower lip.
  const lowerRim = clearing.slice(m.line.length + 1);
  ribbonFill(g, lowerRim, taper(s.b * 0.02, 0.2), s.beardShadow, 0.5);
}

/** The moustache, drawn after the mouth: its lower edge keeps above the lip line or opening. */
export function drawMoustache(g: G, s: FigureSpec, m: MouthShape): void {
  const style = s.facialHair;
  if (!hasMoustache(style)) return;
  const { f, b, lw } = s;
  const shape = moustacheShape(s, style, m);
  fill(g, shape.outline, s.beard);
  // Shade on the right and along the lower edge, a sheen on the upper left.
  const right = shape.outline.filter((q) => q.x > m.mx + 0.12 * f);
  if (right.length > 2) fill(g, right, s.beardShadow, 0.35);
  ribbonFill(g, shape.lower.slice(1, -1), taper(b * 0.035, 0.3), s.beardShadow, 0.5);
  const up = shape.upper;
  const sheen = up
    .slice(Math.round(up.length * 0.14), Math.round(up.length * 0.44))
    .map((q) => p(q.x, q.y + b * 0.028));
  ribbonFill(g, sheen, taper(b * 0.022, 0.2), s.beardLight, 0.4);
  // Combed strands: from the parting in the middle, out and down to the lower edge.
  const rand = rng(s.seed + 53);
  const n = 24;
  const w = Math.max(0.8, b * 0.014);
  for (let i = 0; i < n; i++) {
    const k = (i + 0.5) / n;
    const a = up[Math.round(k * (up.length - 1))]!;
    const side = a.x < m.mx ? -1 : 1;
    const bx = a.x + side * f * (0.04 + 0.03 * Math.abs(k - 0.5));
    const bottom = yAt(shape.lower, bx);
    const from = p(a.x, a.y + (bottom - a.y) * 0.1);
    const to = p(bx, a.y + (bottom - a.y) * (0.82 + rand() * 0.14));
    if (to.y - from.y < b * 0.02) continue;
    const mid = p((from.x + to.x) / 2 + side * f * 0.008, (from.y + to.y) / 2);
    const grey = rand() < s.beardGrey;
    const light = i % 3 === 1;
    const colour = grey ? GREY_HAIR : light ? s.beardLight : s.beardShadow;
    ribbonFill(g, quad(from, mid, to, 5), taper(w, 0.2), colour, grey ? 0.6 : light ? 0.5 : 0.45);
  }
  stroke(g, shape.outline, Math.max(1, lw * 0.7), s.beardLine, 0.45, true);
}
