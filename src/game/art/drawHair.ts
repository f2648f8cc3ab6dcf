/**
 * Hair and headwear. Each style has a back part (behind the head and body: long hair, a bun, an
 * afro) and a front part (over the face's edge: hairline, fringe, strands over the shoulders).
 * Headwear replaces or covers the hair. Head-local coordinates, as in drawFace.
 */
import type { FigureSpec } from './figureSpec';
import { darken, lighten, mix } from './palette';
import {
  type G,
  type Pt,
  circle,
  ribbon,
  clamp,
  cubic,
  ellipsePts,
  fill,
  p,
  quad,
  ribbonFill,
  rng,
  shape,
  stroke,
  taper,
} from './shapes';

/** The arc of an ellipse round the top of the head, from the left side (at y = sideY) to the right. */
function outerArc(rx: number, ry: number, sideY: number, cy = 0, n = 34): Pt[] {
  const a = Math.asin(clamp((sideY - cy) / ry, -0.99, 0.99));
  return ellipsePts(0, cy, rx, ry, n, Math.PI - a, Math.PI * 2 + a);
}

/** A hairline from the right side (sideY) over the forehead to the left side. */
function hairline(s: FigureSpec, sideY: number, topY: number, sweep = 0, sideX = 0.95): Pt[] {
  const { f, b } = s;
  const rTemple = p(0.86 * f, -0.28 * b);
  const lTemple = p(-0.86 * f, -0.28 * b);
  const mid = p(sweep * f, topY * b);
  return [
    p(sideX * f, sideY * b),
    ...quad(p(0.9 * f, sideY * b - 0.05 * b), p(0.9 * f, -0.2 * b), rTemple, 5),
    ...quad(rTemple, p((0.55 + sweep * 0.3) * f, (topY - 0.06) * b), mid, 8).slice(1),
    ...quad(mid, p((-0.5 + sweep * 0.3) * f, (topY + 0.02) * b), lTemple, 8).slice(1),
    ...quad(lTemple, p(-0.9 * f, -0.2 * b), p(-0.9 * f, sideY * b - 0.05 * b), 5).slice(1),
    p(-sideX * f, sideY * b),
  ];
}

function cap(s: FigureSpec, vol: number, sideY: number, line: Pt[], tuft = 0, sideburns = false): Pt[] {
  const { f, b } = s;
  const endY = sideburns ? (sideY - 0.14) * b : sideY * b;
  let outer = outerArc(f * (1.07 + vol), b * (1.04 + vol), endY, 0, tuft > 0 ? 60 : 34);
  if (tuft > 0) {
    // A slightly irregular top edge: short hair has texture, not a helmet's line.
    const ph = (s.seed % 100) / 10;
    outer = outer.map((q, i) => {
      const up = Math.max(0, -q.y / b);
      const k = 1 + tuft * up * (0.5 * Math.sin(i * 1.9 + ph) + 0.35 * Math.sin(i * 0.7 + ph * 2));
      return p(q.x * k, q.y * k);
    });
  }
  if (!sideburns) return [...outer, ...line];
  // Tucked above the ear, with a short sideburn in front of it.
  const burn = (side: number) => [p(side * 1.0 * f, endY + 0.02 * b), p(side * 0.97 * f, (sideY + 0.14) * b)];
  return [...outer, ...burn(1), ...line, ...burn(-1).reverse()];
}

function hairShape(g: G, s: FigureSpec, pts: Pt[]): void {
  shape(g, pts, s.hair, s.hairLine, s.lw);
}

/** Curved strand lines for texture. */
function strand(g: G, s: FigureSpec, a: Pt, c: Pt, e: Pt, w: number, colour: number, alpha: number): void {
  ribbonFill(g, quad(a, c, e, 10), taper(w, 0.1), colour, alpha);
}

/** A bumpy edge made of overlapping circles along a path: curls, afro texture. */
function curlEdge(g: G, s: FigureSpec, path: Pt[], r: number, seed: number, colour: number): void {
  const rand = rng(seed);
  for (const q of path) {
    const rr = r * (0.8 + rand() * 0.4);
    g.fillStyle(colour, 1);
    g.fillCircle(q.x, q.y, rr);
  }
  // A darker rim on the outside edge helps the bumps read.
  for (const q of path) {
    g.lineStyle(s.lw, s.hairLine, 0.5);
    g.beginPath();
    g.arc(q.x, q.y, r * 0.95, Math.PI * 1.05, Math.PI * 1.95);
    g.strokePath();
  }
}

/** Small ring curls for texture. */
function curlRings(
  g: G,
  s: FigureSpec,
  cx: number,
  cy: number,
  rx: number,
  ry: number,
  count: number,
  r: number,
): void {
  const rand = rng(s.seed + 29);
  g.lineStyle(Math.max(1, s.b * 0.018), s.hairShadow, 0.6);
  for (let i = 0; i < count; i++) {
    const a = rand() * Math.PI * 2;
    const d = Math.sqrt(rand());
    const x = cx + Math.cos(a) * rx * d;
    const y = cy + Math.sin(a) * ry * d;
    const start = rand() * Math.PI * 2;
    g.beginPath();
    g.arc(x, y, r * (0.8 + rand() * 0.4), start, start + Math.PI * 1.6);
    g.strokePath();
  }
}

function curlTexture(
  g: G,
  s: FigureSpec,
  cx: number,
  cy: number,
  rx: number,
  ry: number,
  count: number,
  r: number,
): void {
  const rand = rng(s.seed + 7);
  for (let i = 0; i < count; i++) {
    const a = rand() * Math.PI * 2;
    const d = Math.sqrt(rand());
    const x = cx + Math.cos(a) * rx * d;
    const y = cy + Math.sin(a) * ry * d;
    const start = rand() * Math.PI * 2;
    g.lineStyle(Math.max(1, s.b * 0.022), i % 3 === 0 ? s.hairLight : s.hairShadow, 0.7);
    g.beginPath();
    g.arc(x, y, r * (0.7 + rand() * 0.6), start, start + Math.PI * 1.2);
    g.strokePath();
  }
}

// ---------------------------------------------------------------------------------------------

/** Hair behind the head and shoulders. */
export function drawHairBack(g: G, s: FigureSpec): void {
  const { f, b } = s;
  const hw = s.look.headwear ?? 'none';
  if (hw === 'hijab' || hw === 'turban') return;
  const style = s.look.hair.style;
  if (hw === 'headscarf') {
    drawHeadscarfBack(g, s);
    return;
  }
  switch (style) {
    case 'bob': {
      const pts = [
        ...outerArc(f * 1.22, b * 1.1, 0.3 * b),
        p(1.2 * f, 0.86 * b),
        ...quad(p(1.2 * f, 0.86 * b), p(0, 1.0 * b), p(-1.2 * f, 0.86 * b), 10),
      ];
      shape(g, pts, s.hairShadow, s.hairLine, s.lw);
      break;
    }
    case 'long':
      drawLongBack(g, s, 2.9);
      break;
    case 'braids': {
      drawLongBack(g, s, 2.5, true);
      break;
    }
    case 'bun': {
      const bx = 0.05 * f;
      const by = -1.08 * b;
      const r = 0.42 * f;
      shape(g, ellipsePts(bx, by, r, r * 0.9, 28), s.hair, s.hairLine, s.lw);
      // Wrapped texture.
      for (let i = 0; i < 3; i++) {
        g.lineStyle(Math.max(1, b * 0.025), i === 1 ? s.hairLight : s.hairShadow, 0.8);
        g.beginPath();
        g.arc(bx, by + r * 0.1, r * (0.35 + i * 0.2), Math.PI * 1.1, Math.PI * 1.9);
        g.strokePath();
      }
      break;
    }
    case 'ponytail': {
      const tail = [
        ...cubic(
          p(0.55 * f, -0.55 * b),
          p(1.35 * f, -0.5 * b),
          p(1.45 * f, 0.6 * b),
          p(1.22 * f, 1.9 * b),
          16,
        ),
        ...cubic(p(1.0 * f, 1.9 * b), p(1.1 * f, 0.9 * b), p(1.0 * f, 0.1 * b), p(0.6 * f, -0.2 * b), 16),
      ];
      shape(g, tail, s.hairShadow, s.hairLine, s.lw);
      strand(g, s, p(1.1 * f, 0), p(1.32 * f, 0.8 * b), p(1.15 * f, 1.7 * b), b * 0.03, s.hair, 0.9);
      break;
    }
    case 'curly': {
      const path = outerArc(f * 1.2, b * 1.1, 0.45 * b, -0.05 * b, 26);
      const body = [
        ...outerArc(f * 1.2, b * 1.1, 0.45 * b, -0.05 * b),
        ...quad(p(1.1 * f, 0.5 * b), p(0, 0.75 * b), p(-1.1 * f, 0.5 * b), 8),
      ];
      fill(g, body, s.hairShadow);
      curlEdge(g, s, path, 0.14 * f, s.seed, s.hairShadow);
      break;
    }
    case 'afro': {
      const cx = 0;
      const cy = -0.32 * b;
      const rx = 1.5 * f;
      const ry = 1.18 * b;
      fill(g, ellipsePts(cx, cy, rx, ry, 40), s.hair);
      curlEdge(g, s, ellipsePts(cx, cy, rx * 0.97, ry * 0.97, 30), 0.16 * f, s.seed, s.hair);
      curlTexture(g, s, cx, cy - 0.2 * b, rx * 0.9, ry * 0.75, 46, 0.09 * f);
      break;
    }
    case 'thinning': {
      // The horseshoe of hair round the back, visible either side of the head.
      const pts = [...outerArc(f * 1.1, b * 0.95, 0.35 * b, 0.08 * b, 20)].filter((q) => q.y > -0.45 * b);
      const left = pts.filter((q) => q.x < 0);
      const right = pts.filter((q) => q.x > 0);
      for (const side of [left, right]) {
        if (side.length > 1) fill(g, [...side, p(0, side[side.length - 1]!.y)], s.hairShadow, 0.9);
      }
      break;
    }
    default:
      break;
  }
}

function drawLongBack(g: G, s: FigureSpec, length: number, braids = false): void {
  const { f, b } = s;
  const bottom = length * b;
  const rand = rng(s.seed + 3);
  if (braids) {
    // A mass of braids, each drawn as a plait.
    const mass = [
      ...outerArc(f * 1.18, b * 1.08, 0.3 * b),
      ...cubic(p(1.16 * f, 0.3 * b), p(1.3 * f, 1.0 * b), p(1.45 * f, 1.6 * b), p(1.4 * f, bottom), 10).slice(
        1,
      ),
      p(-1.4 * f, bottom),
      ...cubic(
        p(-1.4 * f, bottom),
        p(-1.45 * f, 1.6 * b),
        p(-1.3 * f, 1.0 * b),
        p(-1.16 * f, 0.3 * b),
        10,
      ).slice(1),
    ];
    fill(g, mass, s.hairShadow);
    for (let x = -1.3; x <= 1.31; x += 0.13) {
      const top = -Math.sqrt(Math.max(0, 1 - (x / 1.25) ** 2)) * b * 0.9;
      const end = bottom - rand() * 0.3 * b;
      drawPlait(g, s, p(x * f, top + 0.2 * b), p(x * f * 1.06, end), f * 0.15);
    }
    return;
  }
  const pts = [
    ...outerArc(f * 1.2, b * 1.1, 0.3 * b),
    ...cubic(p(1.2 * f, 0.3 * b), p(1.35 * f, 1.2 * b), p(1.5 * f, 1.8 * b), p(1.38 * f, bottom), 12).slice(
      1,
    ),
    ...quad(p(1.38 * f, bottom), p(0, bottom + 0.25 * b), p(-1.38 * f, bottom), 10).slice(1),
    ...cubic(
      p(-1.38 * f, bottom),
      p(-1.5 * f, 1.8 * b),
      p(-1.35 * f, 1.2 * b),
      p(-1.2 * f, 0.3 * b),
      12,
    ).slice(1),
  ];
  shape(g, pts, s.hairShadow, s.hairLine, s.lw);
}

/** One braid: a narrow ribbon with a chevron plait pattern and a tapered end. */
function drawPlait(g: G, s: FigureSpec, a: Pt, e: Pt, w: number): void {
  const len = Math.hypot(e.x - a.x, e.y - a.y);
  const dx = (e.x - a.x) / len;
  const dy = (e.y - a.y) / len;
  const mid = p((a.x + e.x) / 2 + dy * w * 0.6, (a.y + e.y) / 2 - dx * w * 0.6);
  const path = quad(a, mid, e, 12);
  const body = ribbon(path, (t) => w * (t > 0.9 ? 1 - (t - 0.9) * 6 : t < 0.05 ? 0.6 + t * 8 : 1));
  shape(g, body, s.hair, s.hairLine, Math.max(1, s.lw * 0.7));
  const steps = Math.max(3, Math.floor(len / (w * 0.9)));
  for (let i = 1; i < steps - 1; i++) {
    const t = i / steps;
    const idx = Math.min(path.length - 2, Math.floor(t * (path.length - 1)));
    const q = path[idx]!;
    const r = path[idx + 1]!;
    const l = Math.hypot(r.x - q.x, r.y - q.y) || 1;
    const tx = (r.x - q.x) / l;
    const ty = (r.y - q.y) / l;
    const nx = -ty;
    const ny = tx;
    const side = i % 2 === 0 ? 1 : -1;
    const c = q;
    stroke(
      g,
      [p(c.x + nx * w * 0.45 * side, c.y + ny * w * 0.45 * side), p(c.x + tx * w * 0.5, c.y + ty * w * 0.5)],
      Math.max(1, w * 0.2),
      s.hairLine,
      0.55,
    );
  }
}

// ---------------------------------------------------------------------------------------------

/** Hair over the edge of the face, then any headwear (except the hijab's back, drawn elsewhere). */
export function drawHairFront(g: G, s: FigureSpec): void {
  const hw = s.look.headwear ?? 'none';
  if (hw === 'hijab') {
    drawHijabFront(g, s);
    return;
  }
  if (hw === 'turban') {
    drawTurban(g, s);
    return;
  }
  if (hw === 'headscarf') {
    // The front of the hair shows under a loosely draped scarf (bald or thinning: just the scarf).
    const style = s.look.hair.style;
    if (style !== 'bald' && style !== 'thinning') {
      const { f, b } = s;
      const band = [...outerArc(f * 1.08, b * 1.04, 0.1 * b), ...hairline(s, 0.1, -0.6, 0, 0.94)];
      hairShape(g, s, band);
      strand(
        g,
        s,
        p(0, -0.98 * b),
        p(-0.5 * f, -0.8 * b),
        p(-0.85 * f, -0.3 * b),
        b * 0.03,
        s.hairShadow,
        0.6,
      );
      strand(g, s, p(0, -0.98 * b), p(0.5 * f, -0.8 * b), p(0.85 * f, -0.3 * b), b * 0.03, s.hairShadow, 0.6);
    }
    drawHeadscarf(g, s);
    return;
  }
  drawHairStyleFront(g, s);
  if (hw === 'cap') drawCap(g, s);
}

function drawHairStyleFront(g: G, s: FigureSpec): void {
  const { f, b } = s;
  switch (s.look.hair.style) {
    case 'short': {
      hairShape(g, s, cap(s, 0.09, 0.0, hairline(s, 0.0, -0.58, 0.18, 0.9), 0.014, true));
      // A soft side parting with the hair falling away from it.
      const rand = rng(s.seed + 17);
      for (let i = 0; i < 9; i++) {
        const t = i / 8;
        const x0 = (0.28 - t * 0.06) * f;
        const x1 = (-0.95 + t * 1.9) * f;
        const toRight = x1 > x0;
        const colour = i % 3 === 1 ? s.hairLight : s.hairShadow;
        strand(
          g,
          s,
          p(x0, (-1.08 + rand() * 0.04) * b),
          p((x0 + x1) / 2 + (toRight ? 0.1 : -0.1) * f, -1.02 * b + Math.abs(x1 - x0) * 0.1),
          p(x1 * 0.95, (-0.62 - (1 - Math.abs(x1 / f)) * 0.2 + rand() * 0.05) * b),
          b * 0.028,
          colour,
          colour === s.hairLight ? 0.5 : 0.55,
        );
      }
      break;
    }
    case 'cropped': {
      // Close-cropped: a thin, even layer that follows the skull, with a soft hairline.
      const pts = cap(s, 0.02, -0.05, hairline(s, -0.05, -0.64, 0, 0.9), 0, true);
      fill(g, pts, mix(s.hair, s.skin, 0.18));
      stroke(g, pts, s.lw * 0.7, s.hairShadow, 0.8, true);
      const rand = rng(s.seed + 11);
      const line = hairline(s, -0.05, -0.64, 0, 0.92);
      for (let i = 1; i < line.length - 1; i++) {
        const q = line[i]!;
        const dir = q.x / f;
        ribbonFill(
          g,
          [q, p(q.x - dir * 0.05 * f, q.y - (0.06 + rand() * 0.03) * b)],
          taper(b * 0.025, 0.3),
          s.hairShadow,
          0.6,
        );
      }
      for (let i = 0; i < 26; i++) {
        const a = Math.PI * (1.08 + rand() * 0.84);
        const d = 0.8 + rand() * 0.18;
        const x = Math.cos(a) * f * 1.02 * d;
        const y = Math.sin(a) * b * 1.0 * d;
        if (y > -0.7 * b) continue;
        ribbonFill(g, [p(x, y), p(x * 0.96, y - 0.05 * b)], taper(b * 0.02, 0.3), s.hairShadow, 0.35);
      }
      break;
    }
    case 'bob': {
      const { f: F, b: B } = s;
      const inner: Pt[] = [
        p(0.6 * F, 0.86 * B),
        ...quad(p(0.6 * F, 0.86 * B), p(0.95 * F, 0.4 * B), p(0.9 * F, -0.15 * B), 8).slice(1),
        ...quad(p(0.9 * F, -0.15 * B), p(0.75 * F, -0.55 * B), p(0.05 * F, -0.6 * B), 8).slice(1),
        ...quad(p(0.05 * F, -0.6 * B), p(-0.6 * F, -0.5 * B), p(-0.9 * F, -0.05 * B), 8).slice(1),
        ...quad(p(-0.9 * F, -0.05 * B), p(-0.95 * F, 0.4 * B), p(-0.6 * F, 0.86 * B), 8).slice(1),
      ];
      const outer = [
        p(-0.6 * F, 0.86 * B),
        p(-1.16 * F, 0.88 * B),
        ...outerArc(F * 1.2, B * 1.12, 0.35 * B),
        p(1.16 * F, 0.88 * B),
      ];
      hairShape(g, s, [...outer, ...inner]);
      strand(
        g,
        s,
        p(0.05 * F, -1.05 * B),
        p(0.75 * F, -0.9 * B),
        p(0.98 * F, 0.3 * B),
        B * 0.035,
        s.hairShadow,
        0.6,
      );
      strand(
        g,
        s,
        p(0, -1.05 * B),
        p(-0.8 * F, -0.95 * B),
        p(-1.0 * F, 0.3 * B),
        B * 0.035,
        s.hairShadow,
        0.6,
      );
      strand(
        g,
        s,
        p(-0.2 * F, -1.0 * B),
        p(-0.75 * F, -0.8 * B),
        p(-0.88 * F, -0.2 * B),
        B * 0.035,
        s.hairLight,
        0.6,
      );
      break;
    }
    case 'long': {
      const inner: Pt[] = [
        p(0.62 * f, 2.55 * b),
        ...cubic(
          p(0.62 * f, 2.55 * b),
          p(0.55 * f, 1.5 * b),
          p(0.95 * f, 0.6 * b),
          p(0.9 * f, -0.2 * b),
          12,
        ).slice(1),
        ...quad(p(0.9 * f, -0.2 * b), p(0.7 * f, -0.58 * b), p(0.02 * f, -0.72 * b), 8).slice(1),
        ...quad(p(-0.02 * f, -0.72 * b), p(-0.7 * f, -0.58 * b), p(-0.9 * f, -0.2 * b), 8),
        ...cubic(
          p(-0.9 * f, -0.2 * b),
          p(-0.95 * f, 0.6 * b),
          p(-0.55 * f, 1.5 * b),
          p(-0.62 * f, 2.55 * b),
          12,
        ).slice(1),
      ];
      const outer = [
        ...quad(p(-0.62 * f, 2.55 * b), p(-1.0 * f, 2.7 * b), p(-1.32 * f, 2.45 * b), 6),
        ...cubic(
          p(-1.32 * f, 2.45 * b),
          p(-1.4 * f, 1.6 * b),
          p(-1.25 * f, 1.0 * b),
          p(-1.18 * f, 0.3 * b),
          10,
        ).slice(1),
        ...outerArc(f * 1.18, b * 1.1, 0.3 * b).slice(1, -1),
        ...cubic(p(1.18 * f, 0.3 * b), p(1.25 * f, 1.0 * b), p(1.4 * f, 1.6 * b), p(1.32 * f, 2.45 * b), 10),
        ...quad(p(1.32 * f, 2.45 * b), p(1.0 * f, 2.7 * b), p(0.62 * f, 2.55 * b), 6).slice(1),
      ];
      hairShape(g, s, [...outer, ...inner]);
      for (const side of [-1, 1]) {
        strand(
          g,
          s,
          p(side * 0.1 * f, -1.05 * b),
          p(side * 1.0 * f, -0.8 * b),
          p(side * 1.05 * f, 0.6 * b),
          b * 0.035,
          s.hairShadow,
          0.6,
        );
        strand(
          g,
          s,
          p(side * 1.05 * f, 0.7 * b),
          p(side * 1.2 * f, 1.6 * b),
          p(side * 0.95 * f, 2.45 * b),
          b * 0.03,
          s.hairShadow,
          0.55,
        );
        strand(
          g,
          s,
          p(side * 0.3 * f, -1.0 * b),
          p(side * 0.85 * f, -0.7 * b),
          p(side * 0.95 * f, 0.1 * b),
          b * 0.03,
          s.hairLight,
          0.5,
        );
      }
      break;
    }
    case 'bun':
    case 'ponytail': {
      // Pulled back: a smooth cap with combed lines towards the back.
      hairShape(g, s, cap(s, 0.04, -0.05, hairline(s, -0.05, -0.6, 0, 0.92)));
      for (const x of [-0.6, -0.25, 0.1, 0.45]) {
        strand(
          g,
          s,
          p(x * f, -0.62 * b),
          p(x * 1.1 * f, -0.95 * b),
          p(x * 0.5 * f + 0.1 * f, -1.08 * b),
          b * 0.025,
          s.hairShadow,
          0.55,
        );
      }
      strand(
        g,
        s,
        p(-0.3 * f, -0.7 * b),
        p(-0.5 * f, -0.95 * b),
        p(-0.1 * f, -1.06 * b),
        b * 0.03,
        s.hairLight,
        0.6,
      );
      break;
    }
    case 'curly': {
      const base = cap(s, 0.1, 0.3, hairline(s, 0.3, -0.5, 0, 0.96));
      fill(g, base, s.hair);
      // Small curls along the outer edge, a second row inside it, and across the hairline.
      const rim = outerArc(f * 1.18, b * 1.1, 0.32 * b, -0.02 * b, 28);
      curlEdge(g, s, rim, 0.13 * f, s.seed + 1, s.hair);
      const row = outerArc(f * 1.0, b * 0.95, -0.2 * b, -0.04 * b, 16);
      curlEdge(g, s, row, 0.12 * f, s.seed + 3, s.hair);
      const line = quad(p(0.88 * f, -0.2 * b), p(0, -0.72 * b), p(-0.88 * f, -0.2 * b), 11);
      curlEdge(g, s, line, 0.11 * f, s.seed + 2, s.hair);
      curlRings(g, s, 0, -0.8 * b, 0.8 * f, 0.22 * b, 16, 0.055 * f);
      break;
    }
    case 'afro': {
      const pts = cap(s, 0.0, 0.05, hairline(s, 0.05, -0.6, 0, 0.93));
      fill(g, pts, s.hair);
      curlTexture(g, s, 0, -0.82 * b, 0.85 * f, 0.2 * b, 14, 0.08 * f);
      break;
    }
    case 'braids': {
      // Braids falling either side of the face (their roots hidden under the hair at the top),
      // then the hair over the head with neat parts.
      const rand = rng(s.seed + 13);
      for (const side of [-1, 1]) {
        for (let i = 4; i >= 0; i--) {
          const x0 = side * (0.86 + i * 0.06) * f;
          const x1 = side * (1.0 + i * 0.11) * f;
          drawPlait(g, s, p(x0, (-0.5 + i * 0.1) * b), p(x1, (1.9 + i * 0.12 + rand() * 0.25) * b), f * 0.15);
        }
      }
      const pts = cap(s, 0.06, -0.1, hairline(s, -0.1, -0.6, 0, 0.9));
      hairShape(g, s, pts);
      for (const x of [-0.6, -0.3, 0, 0.3, 0.6]) {
        ribbonFill(
          g,
          quad(p(x * f, -0.62 * b), p(x * 1.15 * f, -0.9 * b), p(x * 0.7 * f, -1.1 * b), 8),
          taper(b * 0.03, 0.2),
          s.hairShadow,
          0.85,
        );
      }
      break;
    }
    case 'thinning': {
      // Soft crescents of hair above the ears, and a few fine strands across the crown.
      for (const side of [-1, 1]) {
        const outer: Pt[] = [];
        const inner: Pt[] = [];
        const n = 12;
        for (let i = 0; i <= n; i++) {
          const t = i / n;
          const y = (-0.62 + t * 0.74) * b;
          const thick = Math.sin(Math.PI * Math.min(1, t * 1.15)) * 0.16 + 0.02;
          const ex = Math.sqrt(Math.max(0, 1 - (y / (1.03 * b)) ** 2)) * f * 1.03;
          outer.push(p(side * (ex + 0.05 * f), y));
          inner.push(p(side * (ex - thick * f), y + 0.02 * b));
        }
        const patch = [...outer, ...inner.reverse()];
        hairShape(g, s, patch);
        for (let k = 0; k < 3; k++) {
          const y0 = (-0.45 + k * 0.17) * b;
          strand(
            g,
            s,
            p(side * 0.92 * f, y0),
            p(side * 1.02 * f, y0 + 0.08 * b),
            p(side * 0.97 * f, y0 + 0.18 * b),
            b * 0.022,
            s.hairShadow,
            0.55,
          );
        }
      }
      for (const [x0, x1, a] of [
        [-0.6, 0.35, 0.55],
        [-0.45, 0.55, 0.45],
        [-0.3, 0.2, 0.4],
      ] as const) {
        strand(
          g,
          s,
          p(x0 * f, -0.8 * b),
          p(((x0 + x1) / 2) * f, -1.08 * b),
          p(x1 * f, -0.9 * b),
          b * 0.03,
          s.hair,
          a,
        );
      }
      drawScalpShine(g, s);
      break;
    }
    case 'bald':
      drawScalpShine(g, s);
      break;
    default:
      hairShape(g, s, cap(s, 0.06, 0.0, hairline(s, 0.0, -0.58, 0.2, 0.93)));
  }
}

function drawScalpShine(g: G, s: FigureSpec): void {
  const { f, b } = s;
  ribbonFill(
    g,
    quad(p(-0.55 * f, -0.72 * b), p(-0.3 * f, -0.98 * b), p(0.1 * f, -0.98 * b), 10),
    taper(b * 0.07, 0.2),
    s.skinLight,
    0.6,
  );
}

// ---------------------------------------------------------------------------------------------
// Headwear

/** The face opening of a hijab, clockwise from the top. */
function hijabOpening(s: FigureSpec): Pt[] {
  const { f, b } = s;
  return [
    ...quad(p(-0.9 * f, -0.05 * b), p(-0.75 * f, -0.68 * b), p(0, -0.66 * b), 10),
    ...quad(p(0, -0.66 * b), p(0.75 * f, -0.68 * b), p(0.9 * f, -0.05 * b), 10).slice(1),
    ...cubic(p(0.9 * f, -0.05 * b), p(0.95 * f, 0.6 * b), p(0.55 * f, 1.12 * b), p(0, 1.12 * b), 12).slice(1),
    ...cubic(p(0, 1.12 * b), p(-0.55 * f, 1.12 * b), p(-0.95 * f, 0.6 * b), p(-0.9 * f, -0.05 * b), 12).slice(
      1,
      -1,
    ),
  ];
}

function hijabOuter(s: FigureSpec): Pt[] {
  const { f, b } = s;
  // The fabric round the head, down the sides and under the chin to cover the neck.
  return [
    ...outerArc(f * 1.24, b * 1.14, 0.6 * b, -0.02 * b, 34),
    ...cubic(
      p(1.22 * f, 0.6 * b),
      p(1.25 * f, 1.2 * b),
      p(1.2 * f, 1.55 * b),
      p(0.9 * f, 1.75 * b),
      10,
    ).slice(1),
    ...quad(p(0.9 * f, 1.75 * b), p(0, 1.95 * b), p(-0.9 * f, 1.75 * b), 10).slice(1),
    ...cubic(
      p(-0.9 * f, 1.75 * b),
      p(-1.2 * f, 1.55 * b),
      p(-1.25 * f, 1.2 * b),
      p(-1.22 * f, 0.6 * b),
      10,
    ).slice(1, -1),
  ];
}

/** Behind the face: fabric showing under the chin inside the opening. */
export function drawHeadwearBack(g: G, s: FigureSpec): void {
  if (s.look.headwear !== 'hijab') return;
  fill(g, hijabOpening(s), darken(s.headwear, 0.22));
}

/** The part of a hijab that drapes over the shoulders and chest (root coordinates). */
export function drawHijabDrape(g: G, s: FigureSpec): void {
  const { f, b, u } = s;
  const hy = s.headY;
  const top = hy + 1.2 * b;
  const c = s.headwear;
  const w = Math.min(s.SW * 0.86, 2.0 * f);
  const bottom = s.shoulderY + 20 * u;
  const pts = [
    p(-1.05 * f, top),
    ...cubic(
      p(-1.05 * f, top),
      p(-1.4 * f, s.shoulderY),
      p(-w, s.shoulderY + 2 * u),
      p(-w, s.shoulderY + 9 * u),
      10,
    ).slice(1),
    ...quad(p(-w, s.shoulderY + 9 * u), p(-w * 0.7, bottom + 4 * u), p(0, bottom), 10).slice(1),
    ...quad(p(0, bottom), p(w * 0.7, bottom + 4 * u), p(w, s.shoulderY + 9 * u), 10).slice(1),
    ...cubic(
      p(w, s.shoulderY + 9 * u),
      p(w, s.shoulderY + 2 * u),
      p(1.4 * f, s.shoulderY),
      p(1.05 * f, top),
      10,
    ).slice(1),
  ];
  shape(g, pts, c, darken(c, 0.45), s.lw);
  // Soft folds.
  for (const side of [-1, 1]) {
    for (const k of [0.35, 0.65]) {
      const x = side * w * k;
      const l = quad(
        p(x * 0.8, top + 6 * u),
        p(x * 1.1, s.shoulderY + 6 * u),
        p(x * 0.95, bottom - 2 * u + (1 - k) * 3 * u),
        10,
      );
      ribbonFill(g, l, taper(u * 0.7, 0.1), darken(c, 0.2), 0.8);
    }
  }
  // A light fold line across the top of the chest.
  ribbonFill(
    g,
    quad(p(-w * 0.7, s.shoulderY + 4 * u), p(0, s.shoulderY + 10 * u), p(w * 0.7, s.shoulderY + 4 * u), 12),
    taper(u * 0.8, 0.1),
    lighten(c, 0.15),
    0.7,
  );
}

function drawHijabFront(g: G, s: FigureSpec): void {
  const { f, b } = s;
  const c = s.headwear;
  const outer = hijabOuter(s);
  const opening = hijabOpening(s);
  // Keyhole polygon: outer clockwise, then the opening reversed, joined at the top.
  const topIdx = outer.reduce((best, q, i) => (q.y < outer[best]!.y ? i : best), 0);
  const rotated = [...outer.slice(topIdx), ...outer.slice(0, topIdx)];
  const hole = [...opening].reverse();
  const holeTop = hole.reduce((best, q, i) => (q.y < hole[best]!.y ? i : best), 0);
  const holeRot = [...hole.slice(holeTop), ...hole.slice(0, holeTop)];
  const keyhole = [...rotated, rotated[0]!, ...holeRot, holeRot[0]!];
  fill(g, keyhole, c);
  stroke(g, outer, s.lw, darken(c, 0.45), 1, true);
  // A shaded side and the edge framing the face.
  const shade = [
    ...outerArc(f * 1.24, b * 1.14, 0.6 * b, -0.02 * b, 20).filter((q) => q.x > 0.35 * f),
    ...quad(p(1.22 * f, 0.6 * b), p(1.1 * f, 1.5 * b), p(0.45 * f, 1.85 * b), 8),
    ...cubic(p(0.45 * f, 1.3 * b), p(0.95 * f, 1.05 * b), p(1.02 * f, 0.4 * b), p(0.85 * f, -0.6 * b), 8),
  ];
  fill(g, shade, darken(c, 0.16), 0.7);
  ribbonFill(g, [...opening, opening[0]!], () => b * 0.06, lighten(c, 0.12), 1);
  stroke(g, opening, s.lw * 0.9, darken(c, 0.4), 1, true);
  // Folds under the chin and at the temple.
  ribbonFill(
    g,
    quad(p(-0.8 * f, 1.15 * b), p(0, 1.55 * b), p(0.8 * f, 1.15 * b), 12),
    taper(b * 0.035, 0.1),
    darken(c, 0.25),
    0.8,
  );
  ribbonFill(
    g,
    quad(p(-1.0 * f, -0.8 * b), p(-0.4 * f, -1.0 * b), p(0.3 * f, -0.98 * b), 10),
    taper(b * 0.04, 0.1),
    lighten(c, 0.2),
    0.6,
  );
}

/** Half the width of a closed outline (symmetric about x = 0) at height y. */
function halfWidthAt(outline: Pt[], y: number): number {
  let best = 0;
  for (let i = 0; i < outline.length; i++) {
    const a = outline[i]!;
    const c = outline[(i + 1) % outline.length]!;
    if ((a.y - y) * (c.y - y) > 0 || a.y === c.y) continue;
    const x = a.x + ((y - a.y) / (c.y - a.y)) * (c.x - a.x);
    best = Math.max(best, Math.abs(x));
  }
  return best;
}

function drawTurban(g: G, s: FigureSpec): void {
  const { f, b, lw } = s;
  const c = s.headwear;
  const line = darken(c, 0.45);
  // A peaked, wrapped turban: layers cross at the front, stacking up in chevrons.
  const chevron = (i: number, k = 1.06): Pt[] => {
    const y = -0.3 * b - i * 0.24 * b;
    const peak = -0.6 * b - i * 0.22 * b;
    return [
      ...quad(p(-k * f, y), p(-0.5 * f, y - 0.2 * b), p(0, peak), 8),
      ...quad(p(0, peak), p(0.5 * f, y - 0.2 * b), p(k * f, y), 8).slice(1),
    ];
  };
  const outline = [
    ...chevron(0, 1.04),
    ...cubic(
      p(1.04 * f, -0.2 * b),
      p(1.2 * f, -0.7 * b),
      p(1.12 * f, -1.35 * b),
      p(0.35 * f, -1.58 * b),
      12,
    ).slice(1),
    p(0, -1.64 * b),
    ...cubic(
      p(-0.35 * f, -1.58 * b),
      p(-1.12 * f, -1.35 * b),
      p(-1.2 * f, -0.7 * b),
      p(-1.04 * f, -0.2 * b),
      12,
    ).slice(0, -1),
  ];
  shape(g, outline, c, line, lw);
  const inside = (pts: Pt[]): Pt[] =>
    pts.map((q) => {
      const hw = halfWidthAt(outline, q.y) - lw;
      return p(Math.sign(q.x) * Math.min(Math.abs(q.x), hw), q.y);
    });
  // Alternate bands a touch lighter and darker, then the fold lines.
  for (const i of [1, 3]) {
    const lo = inside(chevron(i, 1.3));
    const hi = inside(chevron(i + 1, 1.3));
    fill(g, [...lo, ...hi.reverse()], darken(c, 0.08), 0.9);
  }
  for (let i = 1; i < 4; i++) {
    ribbonFill(g, inside(chevron(i, 1.3)), taper(b * 0.04, 0.25), darken(c, 0.3), 0.85);
  }
  // Shade down the right side, light on the upper left.
  const right = outline.filter((q) => q.x > 0.55 * f);
  if (right.length > 2) fill(g, right, darken(c, 0.18), 0.6);
  ribbonFill(
    g,
    quad(p(-0.85 * f, -1.1 * b), p(-0.6 * f, -1.45 * b), p(-0.1 * f, -1.56 * b), 10),
    taper(b * 0.06, 0.2),
    lighten(c, 0.25),
    0.6,
  );
  // The under-layer showing at the forehead.
  ribbonFill(g, chevron(0, 0.95), taper(b * 0.05, 0.3), darken(c, 0.4), 0.8);
}

/** The inner edge of a loosely draped scarf: down the sides of the face and over the crown. */
function scarfInner(s: FigureSpec): Pt[] {
  const { f, b } = s;
  return [
    p(1.1 * f, 2.6 * b),
    ...cubic(p(1.1 * f, 2.6 * b), p(0.92 * f, 1.6 * b), p(1.06 * f, 0.9 * b), p(1.0 * f, 0.1 * b), 10).slice(
      1,
    ),
    ...cubic(p(1.0 * f, 0.1 * b), p(0.95 * f, -0.55 * b), p(0.5 * f, -0.78 * b), p(0, -0.8 * b), 10).slice(1),
    ...cubic(p(0, -0.8 * b), p(-0.5 * f, -0.78 * b), p(-0.95 * f, -0.55 * b), p(-1.0 * f, 0.1 * b), 10).slice(
      1,
    ),
    ...cubic(
      p(-1.0 * f, 0.1 * b),
      p(-1.06 * f, 0.9 * b),
      p(-0.92 * f, 1.6 * b),
      p(-1.1 * f, 2.6 * b),
      10,
    ).slice(1),
  ];
}

function scarfOuter(s: FigureSpec): Pt[] {
  const { f, b } = s;
  return [
    p(-1.75 * f, 2.75 * b),
    ...cubic(
      p(-1.75 * f, 2.75 * b),
      p(-1.5 * f, 1.7 * b),
      p(-1.32 * f, 0.9 * b),
      p(-1.24 * f, 0.2 * b),
      10,
    ).slice(1),
    ...outerArc(f * 1.24, b * 1.16, 0.2 * b, 0, 30).slice(1, -1),
    ...cubic(p(1.24 * f, 0.2 * b), p(1.32 * f, 0.9 * b), p(1.5 * f, 1.7 * b), p(1.75 * f, 2.75 * b), 10),
  ];
}

/** The drape behind the head and shoulders. */
function drawHeadscarfBack(g: G, s: FigureSpec): void {
  const { f, b } = s;
  const c = darken(s.headwear, 0.18);
  const pts = [...scarfOuter(s), p(1.2 * f, 3.0 * b), p(-1.2 * f, 3.0 * b)];
  shape(g, pts, c, darken(c, 0.4), s.lw);
}

/** A scarf draped loosely over the head, the hair showing at the front, ends over the shoulders. */
function drawHeadscarf(g: G, s: FigureSpec): void {
  const { f, b, lw } = s;
  const c = s.headwear;
  const line = darken(c, 0.45);
  const outer = scarfOuter(s);
  const inner = scarfInner(s);
  // One band: up the left, over the crown, down the right; the face shows through the middle.
  shape(g, [...outer, ...inner], c, line, lw);
  // An all-over print (so it reads as cloth, never as hair), a woven border, soft folds.
  const at = (pts: Pt[], t: number): Pt => pts[Math.min(pts.length - 1, Math.round(t * (pts.length - 1)))]!;
  const print = lighten(c, 0.38);
  for (let i = 1; i < 46; i++) {
    const t = i / 46;
    for (const k of i % 2 ? [0.3, 0.72] : [0.52]) {
      const o = at(outer, t);
      const n = at(inner, 1 - t);
      const x = o.x + (n.x - o.x) * k;
      const y = o.y + (n.y - o.y) * k;
      for (let j = 0; j < 4; j++) {
        const a = (j / 4) * Math.PI * 2 + i;
        circle(g, x + Math.cos(a) * b * 0.025, y + Math.sin(a) * b * 0.025, b * 0.02, print, 0.85);
      }
    }
  }
  // A woven border along the front edge with a small motif, and soft folds.
  ribbonFill(g, inner, () => b * 0.08, lighten(c, 0.3), 0.9);
  ribbonFill(g, inner, () => b * 0.02, darken(c, 0.25), 0.7);
  for (let i = 2; i < inner.length - 2; i += 2) {
    const q = inner[i]!;
    const side = Math.sign(q.x) || 1;
    circle(g, q.x + side * b * 0.07, q.y, b * 0.022, darken(c, 0.3), 0.9);
  }
  for (const side of [-1, 1]) {
    ribbonFill(
      g,
      cubic(
        p(side * 1.12 * f, -0.2 * b),
        p(side * 1.2 * f, 0.6 * b),
        p(side * 1.14 * f, 1.5 * b),
        p(side * 1.24 * f, 2.6 * b),
        12,
      ),
      taper(b * 0.05, 0.1),
      darken(c, 0.2),
      0.8,
    );
  }
  ribbonFill(
    g,
    quad(p(-0.8 * f, -0.95 * b), p(0, -1.2 * b), p(0.7 * f, -1.0 * b), 10),
    taper(b * 0.05, 0.1),
    lighten(c, 0.18),
    0.6,
  );
}

function drawCap(g: G, s: FigureSpec): void {
  const { f, b, lw } = s;
  if (s.age >= 55) {
    // A flat cap: tweed, low crown, short peak.
    const c = s.headwear;
    const line = darken(c, 0.5);
    const crown = [
      p(-1.14 * f, -0.42 * b),
      ...cubic(
        p(-1.14 * f, -0.42 * b),
        p(-1.2 * f, -1.05 * b),
        p(0.3 * f, -1.3 * b),
        p(1.2 * f, -0.78 * b),
        16,
      ).slice(1),
      p(1.16 * f, -0.45 * b),
    ];
    shape(g, crown, c, line, lw);
    const rand = rng(s.seed + 9);
    for (let i = 0; i < 60; i++) {
      const x = (-1 + rand() * 2) * f;
      const y = (-0.5 - rand() * 0.6) * b;
      if (y < -1.0 * b + Math.abs(x / f) * 0.3 * b) continue;
      circle(g, x, y, b * 0.016, i % 2 ? lighten(c, 0.25) : darken(c, 0.25), 0.7);
    }
    const peak = [
      ...quad(p(-1.02 * f, -0.45 * b), p(0, -0.56 * b), p(1.04 * f, -0.45 * b), 12),
      ...quad(p(1.0 * f, -0.42 * b), p(0, -0.22 * b), p(-1.0 * f, -0.42 * b), 12),
    ];
    shape(g, peak, darken(c, 0.12), line, lw);
    return;
  }
  // A plain baseball cap: six-panel crown, button, and a curved peak casting a shadow.
  const c = s.accent;
  const line = darken(c, 0.5);
  // Shadow of the peak across the forehead.
  fill(
    g,
    [
      ...quad(p(-0.85 * f, -0.42 * b), p(0, -0.12 * b), p(0.85 * f, -0.42 * b), 12),
      p(0.8 * f, -0.5 * b),
      p(-0.8 * f, -0.5 * b),
    ],
    darken(s.skin, 0.5),
    0.25,
  );
  const crown = [...outerArc(f * 1.13, b * 1.1, -0.45 * b, 0, 28)];
  shape(g, crown, c, line, lw);
  for (const k of [-0.45, 0.45]) {
    ribbonFill(
      g,
      quad(p(0, -1.1 * b), p(k * f, -0.95 * b), p(k * 1.6 * f, -0.5 * b), 10),
      taper(b * 0.025, 0.3),
      darken(c, 0.25),
      0.8,
    );
  }
  fill(
    g,
    outerArc(f * 1.13, b * 1.1, -0.45 * b, 0, 28).filter((q) => q.x > 0.45 * f),
    darken(c, 0.15),
    0.6,
  );
  circle(g, 0, -1.1 * b, b * 0.06, darken(c, 0.2));
  const brim = [
    ...quad(p(-1.0 * f, -0.46 * b), p(0, -0.6 * b), p(1.0 * f, -0.46 * b), 12),
    ...quad(p(1.02 * f, -0.42 * b), p(0, -0.08 * b), p(-1.02 * f, -0.42 * b), 14),
  ];
  shape(g, brim, darken(c, 0.12), line, lw);
  ribbonFill(
    g,
    quad(p(-0.8 * f, -0.4 * b), p(0, -0.2 * b), p(0.8 * f, -0.4 * b), 12),
    taper(b * 0.03, 0.2),
    lighten(c, 0.2),
    0.6,
  );
}
