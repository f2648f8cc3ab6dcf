/**
 * Geometry helpers for drawing with Phaser Graphics. Phaser's lean core has no Curves or Geom
 * helpers we can rely on, so curves are sampled here into point lists and drawn as filled
 * polygons. Filled polygons (rather than thick strokes) look the same under Canvas and WebGL.
 */
import type Phaser from 'phaser';

export interface Pt {
  x: number;
  y: number;
}

export type G = Phaser.GameObjects.Graphics;

export const p = (x: number, y: number): Pt => ({ x, y });

/** Graphics' point methods are typed for Vector2 but only read x and y. */
export function vec(pts: Pt[]): Phaser.Math.Vector2[] {
  return pts as unknown as Phaser.Math.Vector2[];
}

export function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

export function lerpPt(a: Pt, b: Pt, t: number): Pt {
  return { x: lerp(a.x, b.x, t), y: lerp(a.y, b.y, t) };
}

export function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}

/** Quadratic Bézier from p0 to p1 with control c, as n+1 points. */
export function quad(p0: Pt, c: Pt, p1: Pt, n = 12): Pt[] {
  const out: Pt[] = [];
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const a = (1 - t) * (1 - t);
    const b = 2 * (1 - t) * t;
    const d = t * t;
    out.push({ x: a * p0.x + b * c.x + d * p1.x, y: a * p0.y + b * c.y + d * p1.y });
  }
  return out;
}

/** Cubic Bézier from p0 to p1 with controls c1, c2, as n+1 points. */
export function cubic(p0: Pt, c1: Pt, c2: Pt, p1: Pt, n = 16): Pt[] {
  const out: Pt[] = [];
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const mt = 1 - t;
    const a = mt * mt * mt;
    const b = 3 * mt * mt * t;
    const c = 3 * mt * t * t;
    const d = t * t * t;
    out.push({
      x: a * p0.x + b * c1.x + c * c2.x + d * p1.x,
      y: a * p0.y + b * c1.y + c * c2.y + d * p1.y,
    });
  }
  return out;
}

/** Points on an ellipse (or an arc of one, angles in radians, 0 = right, clockwise with y down). */
export function ellipsePts(cx: number, cy: number, rx: number, ry: number, n = 28, a0 = 0, a1 = Math.PI * 2) {
  const out: Pt[] = [];
  const full = Math.abs(a1 - a0) >= Math.PI * 2 - 1e-6;
  const count = full ? n : n + 1;
  for (let i = 0; i < count; i++) {
    const a = a0 + ((a1 - a0) * i) / n;
    out.push({ x: cx + Math.cos(a) * rx, y: cy + Math.sin(a) * ry });
  }
  return out;
}

/** An ellipse rotated by `rot` radians. */
export function rotEllipse(cx: number, cy: number, rx: number, ry: number, rot: number, n = 24): Pt[] {
  const c = Math.cos(rot);
  const s = Math.sin(rot);
  const out: Pt[] = [];
  for (let i = 0; i < n; i++) {
    const a = (i / n) * Math.PI * 2;
    const x = Math.cos(a) * rx;
    const y = Math.sin(a) * ry;
    out.push({ x: cx + x * c - y * s, y: cy + x * s + y * c });
  }
  return out;
}

/**
 * A stroke along `pts` as a filled polygon, its width given per point by `width(t)` (t 0..1).
 * Tapered ends make brows, lid lines and creases look drawn rather than plotted.
 */
export function ribbon(pts: Pt[], width: (t: number) => number): Pt[] {
  const n = pts.length;
  if (n < 2) return [];
  const left: Pt[] = [];
  const right: Pt[] = [];
  for (let i = 0; i < n; i++) {
    const a = pts[Math.max(0, i - 1)]!;
    const b = pts[Math.min(n - 1, i + 1)]!;
    let dx = b.x - a.x;
    let dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    dx /= len;
    dy /= len;
    const w = width(i / (n - 1)) / 2;
    const q = pts[i]!;
    left.push({ x: q.x - dy * w, y: q.y + dx * w });
    right.push({ x: q.x + dy * w, y: q.y - dx * w });
  }
  return [...left, ...right.reverse()];
}

/** Width profile that is `w` in the middle and tapers to `end`×w at both ends. */
export function taper(w: number, end = 0.25): (t: number) => number {
  return (t) => w * (end + (1 - end) * Math.sin(Math.PI * t));
}

/** A limb: a capsule from a (radius ra) to b (radius rb) with rounded ends. */
export function capsule(a: Pt, b: Pt, ra: number, rb: number, n = 10): Pt[] {
  const ang = Math.atan2(b.y - a.y, b.x - a.x);
  const out: Pt[] = [];
  for (let i = 0; i <= n; i++) {
    const t = ang + Math.PI / 2 + (Math.PI * i) / n;
    out.push({ x: a.x + Math.cos(t) * ra, y: a.y + Math.sin(t) * ra });
  }
  for (let i = 0; i <= n; i++) {
    const t = ang - Math.PI / 2 + (Math.PI * i) / n;
    out.push({ x: b.x + Math.cos(t) * rb, y: b.y + Math.sin(t) * rb });
  }
  return out;
}

export function translate(pts: Pt[], dx: number, dy: number): Pt[] {
  return pts.map((q) => ({ x: q.x + dx, y: q.y + dy }));
}

export function scalePts(pts: Pt[], sx: number, sy: number, ox = 0, oy = 0): Pt[] {
  return pts.map((q) => ({ x: ox + (q.x - ox) * sx, y: oy + (q.y - oy) * sy }));
}

export function mirrorX(pts: Pt[]): Pt[] {
  return pts.map((q) => ({ x: -q.x, y: q.y })).reverse();
}

export function fill(g: G, pts: Pt[], colour: number, alpha = 1): void {
  if (pts.length < 3) return;
  g.fillStyle(colour, alpha);
  g.fillPoints(vec(pts), true, true);
}

export function stroke(g: G, pts: Pt[], width: number, colour: number, alpha = 1, closed = false): void {
  if (pts.length < 2) return;
  g.lineStyle(width, colour, alpha);
  g.strokePoints(vec(pts), closed, closed);
}

/** Fill with a soft outline. */
export function shape(g: G, pts: Pt[], colour: number, line: number, lineWidth: number, alpha = 1): void {
  fill(g, pts, colour, alpha);
  if (lineWidth > 0) stroke(g, pts, lineWidth, line, alpha, true);
}

export function ribbonFill(g: G, pts: Pt[], width: (t: number) => number, colour: number, alpha = 1): void {
  fill(g, ribbon(pts, width), colour, alpha);
}

export function circle(g: G, x: number, y: number, r: number, colour: number, alpha = 1): void {
  g.fillStyle(colour, alpha);
  g.fillCircle(x, y, r);
}

/** Seeded pseudo-random numbers (mulberry32) so "random" texture is the same every time. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** y on a polyline that runs left to right, at x (clamped to its ends). */
export function yAt(pts: Pt[], x: number): number {
  if (pts.length === 0) return 0;
  const first = pts[0]!;
  const last = pts[pts.length - 1]!;
  const asc = last.x >= first.x;
  for (let i = 0; i < pts.length - 1; i++) {
    const a = pts[i]!;
    const b = pts[i + 1]!;
    const lo = Math.min(a.x, b.x);
    const hi = Math.max(a.x, b.x);
    if (x >= lo && x <= hi) {
      const t = hi === lo ? 0 : (x - a.x) / (b.x - a.x);
      return a.y + (b.y - a.y) * t;
    }
  }
  const leftEnd = asc ? first : last;
  const rightEnd = asc ? last : first;
  return x < Math.min(first.x, last.x) ? leftEnd.y : rightEnd.y;
}

/** Whether (x, y) is inside a closed polygon (even-odd rule). */
export function insidePolygon(pts: Pt[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const a = pts[i]!;
    const c = pts[j]!;
    if (a.y > y !== c.y > y && x < ((c.x - a.x) * (y - a.y)) / (c.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

/** Normals pointing away from the polygon's inside for each point of an open or closed path. */
export function offsetPath(pts: Pt[], by: (i: number, q: Pt) => number, outwardSign = 1): Pt[] {
  const n = pts.length;
  return pts.map((q, i) => {
    const a = pts[Math.max(0, i - 1)]!;
    const c = pts[Math.min(n - 1, i + 1)]!;
    const dx = c.x - a.x;
    const dy = c.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    // For a path running clockwise (y down), (dy, -dx) points outwards.
    const d = by(i, q) * outwardSign;
    return { x: q.x + (dy / len) * d, y: q.y - (dx / len) * d };
  });
}
