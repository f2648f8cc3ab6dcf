/**
 * Neck, torso, clothes and arms, in root coordinates (origin at the figure's bottom centre,
 * body at negative y).
 */
import type { FigureSpec } from './figureSpec';
import { darken, lighten, mix } from './palette';
import { roundedRectPts } from './drawFace';
import {
  type G,
  type Pt,
  capsule,
  circle,
  clamp,
  cubic,
  ellipsePts,
  fill,
  lerpPt,
  mirrorX,
  p,
  quad,
  ribbonFill,
  rng,
  rotEllipse,
  shape,
  stroke,
  taper,
} from './shapes';

type Neckline = { kind: 'crew' | 'v' | 'scoop'; halfWidth: number; depth: number };

const OPEN_FRONT = new Set(['cardigan', 'suit', 'blazer', 'coat']);

/** The left half of the torso outline, from the bottom up to where the neckline starts. */
function torsoLeft(s: FigureSpec, neckHalf: number): Pt[] {
  const { u, SW, hipW, shoulderY: sy, stoop } = s;
  const tipY = sy + (1.8 + stoop * 2.2) * u;
  return [
    p(-hipW, 0),
    ...cubic(p(-hipW, 0), p(-SW * 0.98, -14 * u), p(-SW * 1.02, sy + 18 * u), p(-SW, sy + 9 * u), 10).slice(
      1,
    ),
    ...quad(p(-SW, sy + 9 * u), p(-SW + 0.5 * u, tipY - 0.5 * u), p(-SW + 7 * u, tipY - 0.3 * u), 8).slice(1),
    ...quad(
      p(-SW + 7 * u, tipY - 0.3 * u),
      p(-neckHalf - 3 * u, sy - 0.2 * u),
      p(-neckHalf, sy - 1.2 * u),
      8,
    ).slice(1),
  ];
}

/** The outline of the torso with a given neckline, clockwise from bottom left. */
function torsoOutline(s: FigureSpec, neck: Neckline): Pt[] {
  const left = torsoLeft(s, neck.halfWidth);
  const nl = necklinePts(s, neck);
  return [...left, ...nl.slice(1, -1), ...mirrorX(left)];
}

function necklinePts(s: FigureSpec, neck: Neckline): Pt[] {
  const { u, shoulderY: sy } = s;
  const a = p(-neck.halfWidth, sy - 1.2 * u);
  const e = p(neck.halfWidth, sy - 1.2 * u);
  const bottom = p(0, sy + neck.depth);
  if (neck.kind === 'v') {
    return [
      ...quad(a, p(-neck.halfWidth * 0.5, sy + neck.depth * 0.45), bottom, 6),
      ...quad(bottom, p(neck.halfWidth * 0.5, sy + neck.depth * 0.45), e, 6).slice(1),
    ];
  }
  const ctrlY = sy + neck.depth * (neck.kind === 'scoop' ? 2.1 : 1.9);
  return quad(a, p(0, ctrlY), e, 14);
}

function necklineFor(s: FigureSpec, style: string): Neckline {
  const { u, neckW } = s;
  switch (style) {
    case 'shirt':
      return { kind: 'v', halfWidth: neckW + 1.2 * u, depth: 6 * u };
    case 'blouse':
      return { kind: 'v', halfWidth: neckW + 2.2 * u, depth: 8.5 * u };
    case 'tunic':
      return { kind: 'v', halfWidth: neckW + 2 * u, depth: 9 * u };
    case 'uniform':
      return { kind: 'v', halfWidth: neckW + 1 * u, depth: 5 * u };
    case 'dress':
      return { kind: 'scoop', halfWidth: neckW + 3.5 * u, depth: 5.5 * u };
    case 'hoodie':
      return { kind: 'crew', halfWidth: neckW + 1.5 * u, depth: 3 * u };
    default:
      return { kind: 'crew', halfWidth: neckW + 1.3 * u, depth: 2.8 * u };
  }
}

function drawNeck(g: G, s: FigureSpec): void {
  const { u, neckW, headY, b, shoulderY: sy } = s;
  const top = headY + 0.5 * b;
  const neck = [
    p(-neckW, top),
    p(neckW, top),
    ...quad(p(neckW, sy - 3 * u), p(neckW + 1 * u, sy + 1 * u), p(neckW + 4 * u, sy + 3 * u), 6),
    p(0, sy + 14 * u),
    ...quad(p(-neckW - 4 * u, sy + 3 * u), p(-neckW - 1 * u, sy + 1 * u), p(-neckW, sy - 3 * u), 6),
  ];
  shape(g, neck, s.skin, s.skinLine, s.lw);
  // Shadow under the jaw, and on the right of the neck.
  const jaw = quad(
    p(-neckW * 1.05, headY + 0.82 * b),
    p(0, headY + 1.25 * b),
    p(neckW * 1.05, headY + 0.82 * b),
    10,
  );
  fill(g, [p(-neckW, top), p(neckW, top), ...jaw.reverse()], s.skinShadow);
  fill(g, [p(neckW * 0.45, top), p(neckW, top), p(neckW, sy - 2 * u), p(neckW * 0.6, sy)], s.skinShadow, 0.6);
  if (s.adamsApple) {
    // A soft Adam's apple: a little light on the bump, a little shadow under it.
    const ay = headY + b + (sy - headY - b) * 0.32;
    fill(g, ellipsePts(-0.05 * neckW, ay, neckW * 0.13, 1.1 * u, 14), s.skinLight, 0.25);
    ribbonFill(
      g,
      quad(p(-neckW * 0.17, ay + 1.0 * u), p(0, ay + 1.5 * u), p(neckW * 0.17, ay + 1.0 * u), 8),
      taper(u * 0.4, 0.2),
      s.skinShadow,
      0.7,
    );
  }
  if (s.age >= 72) {
    for (const k of [0.35, 0.6]) {
      const y = headY + b + (sy - headY - b) * k;
      ribbonFill(
        g,
        quad(p(-neckW * 0.6, y), p(0, y + 0.8 * u), p(neckW * 0.6, y), 8),
        taper(u * 0.3, 0.2),
        s.skinLine,
        0.35,
      );
    }
  }
}

/** Light from the upper left: a shadow down the right side and a soft sheen along the left shoulder. */
function torsoShading(g: G, s: FigureSpec, outline: Pt[], colour: number): void {
  const { SW, u, shoulderY: sy } = s;
  const shadow = darken(colour, 0.18);
  const right = outline.filter((q) => q.x > SW * 0.45);
  if (right.length > 2) fill(g, [...right, p(SW * 0.55, 0)], shadow, 0.55);
  const ridge = outline.filter((q) => q.x < -s.neckW - 2 * u && q.x > -SW + 1 * u && q.y < sy + 8 * u);
  if (ridge.length > 2)
    ribbonFill(
      g,
      ridge.map((q) => p(q.x + 0.6 * u, q.y + 1.4 * u)),
      taper(1.8 * u, 0.1),
      lighten(colour, 0.16),
      0.7,
    );
}

function drawBadge(g: G, s: FigureSpec, x: number, y: number, stripe: number): void {
  const { u } = s;
  const w = 7.5 * u;
  const h = 3.6 * u;
  shape(g, roundedRectPts(x - w / 2, y - h / 2, w, h, 0.6 * u), 0xfbfaf6, 0x8a8a8a, Math.max(1, s.lw * 0.6));
  fill(g, roundedRectPts(x - w / 2, y - h / 2, w, h * 0.32, 0.6 * u), stripe);
  stroke(
    g,
    [p(x - w * 0.35, y + h * 0.05), p(x + w * 0.3, y + h * 0.05)],
    Math.max(1, 0.45 * u),
    0x555555,
    0.9,
  );
  stroke(
    g,
    [p(x - w * 0.35, y + h * 0.3), p(x + w * 0.1, y + h * 0.3)],
    Math.max(1, 0.35 * u),
    0x9a9a9a,
    0.9,
  );
}

function buttons(g: G, s: FigureSpec, x: number, ys: number[], r: number, colour: number): void {
  for (const y of ys) {
    circle(g, x, y, r, colour);
    circle(g, x - r * 0.3, y - r * 0.3, r * 0.35, lighten(colour, 0.4), 0.8);
  }
}

/** Torso, neckline and clothes details. Static. */
export function drawTorso(g: G, s: FigureSpec): void {
  const { u, SW, shoulderY: sy, neckW, lw } = s;
  const style = s.look.clothes.style;
  const c = s.cloth;

  // A hood sits behind the neck.
  if (style === 'hoodie') {
    const hood = [
      ...quad(p(-neckW - 7 * u, sy + 2 * u), p(-neckW - 6 * u, sy - 9 * u), p(0, sy - 8 * u), 8),
      ...quad(p(0, sy - 8 * u), p(neckW + 6 * u, sy - 9 * u), p(neckW + 7 * u, sy + 2 * u), 8).slice(1),
    ];
    shape(g, hood, s.clothShadow, s.clothLine, lw);
  }
  drawNeck(g, s);

  if (OPEN_FRONT.has(style)) {
    drawOpenFront(g, s, style);
    return;
  }

  const neck = necklineFor(s, style);
  const outline = torsoOutline(s, neck);
  shape(g, outline, c, s.clothLine, lw);
  torsoShading(g, s, outline, c);
  const nl = necklinePts(s, neck);

  switch (style) {
    case 'jumper': {
      // Ribbed crew neck and a seam towards each armpit.
      ribbonFill(g, nl, () => 2.2 * u, s.clothShadow);
      for (let i = 1; i < nl.length - 1; i += 2) {
        const q = nl[i]!;
        stroke(g, [p(q.x, q.y - 1 * u), p(q.x, q.y + 1 * u)], Math.max(1, 0.3 * u), s.clothDeep, 0.5);
      }
      for (const side of [-1, 1]) {
        ribbonFill(
          g,
          quad(
            p(side * (neckW + 3 * u), sy + 1 * u),
            p(side * (SW - 8 * u), sy + 5 * u),
            p(side * (SW - 6 * u), sy + 14 * u),
            8,
          ),
          taper(0.4 * u, 0.2),
          s.clothShadow,
          0.6,
        );
      }
      break;
    }
    case 'shirt': {
      drawCollar(g, s, c, neck);
      // Button placket and a breast pocket.
      stroke(g, [p(0.6 * u, sy + 6 * u), p(0.6 * u, 0)], Math.max(1, 0.35 * u), s.clothShadow, 0.9);
      buttons(
        g,
        s,
        0,
        [sy + 10 * u, sy + 19 * u, sy + 28 * u, sy + 37 * u, sy + 46 * u],
        0.75 * u,
        lighten(c, 0.5),
      );
      const px = SW * 0.42;
      shape(
        g,
        [
          p(px - 4 * u, sy + 10 * u),
          p(px + 4 * u, sy + 10 * u),
          p(px + 4 * u, sy + 18 * u),
          p(px, sy + 19 * u),
          p(px - 4 * u, sy + 18 * u),
        ],
        c,
        s.clothShadow,
        Math.max(1, 0.35 * u),
      );
      break;
    }
    case 'blouse': {
      // Soft gathered neckline with a narrow frill, a fine print, a simple pendant.
      const rand = rng(s.seed + 21);
      for (let i = 0; i < 70; i++) {
        const x = (-1 + rand() * 2) * SW * 0.85;
        const y = sy + 10 * u + rand() * (-sy - 12 * u);
        circle(g, x, y, 0.5 * u, lighten(c, 0.35), 0.75);
      }
      ribbonFill(g, nl, () => 1.6 * u, lighten(c, 0.25));
      for (const side of [-1, 1]) {
        for (let k = 0; k < 3; k++) {
          const x = side * (neckW + 3.5 * u + k * 1.6 * u);
          ribbonFill(
            g,
            [p(x, sy + 1 * u), p(x - side * 0.6 * u, sy + 6 * u)],
            taper(0.45 * u, 0.2),
            s.clothShadow,
            0.6,
          );
        }
      }
      drawPendant(g, s, sy + 6.5 * u);
      break;
    }
    case 'tunic': {
      // Care tunic: contrasting piping round the V and down the front, badge, pens in the pocket.
      const pipe = lighten(c, 0.55);
      ribbonFill(g, nl, () => 1.3 * u, pipe);
      for (const side of [-1, 1]) {
        ribbonFill(
          g,
          [p(side * (SW - 3 * u), sy + 10 * u), p(side * (SW * 0.9 - 3 * u), 0)],
          () => 0.9 * u,
          pipe,
          0.85,
        );
      }
      const px = SW * 0.45;
      const py = sy + 16 * u;
      shape(
        g,
        [p(px - 4.5 * u, py), p(px + 4.5 * u, py), p(px + 4.5 * u, py + 8 * u), p(px - 4.5 * u, py + 8 * u)],
        c,
        s.clothShadow,
        Math.max(1, 0.35 * u),
      );
      ribbonFill(
        g,
        [p(px - 4.5 * u, py + 0.3 * u), p(px + 4.5 * u, py + 0.3 * u)],
        () => 0.7 * u,
        pipe,
        0.85,
      );
      for (const [dx, col] of [
        [-2 * u, 0x2b3a67],
        [-0.6 * u, 0x9a2a2a],
      ] as const) {
        shape(
          g,
          roundedRectPts(px + dx - 0.45 * u, py - 3 * u, 0.9 * u, 5 * u, 0.4 * u),
          col,
          darken(col, 0.4),
          Math.max(1, 0.25 * u),
        );
      }
      drawBadge(g, s, px, py - 7 * u, 0x2f8f83);
      break;
    }
    case 'uniform': {
      // Polo-style care uniform: collar, short placket, embroidered logo, name badge.
      drawCollar(g, s, lighten(c, 0.08), neck, true);
      stroke(g, [p(0, sy + 5 * u), p(0, sy + 13 * u)], Math.max(1, 0.35 * u), s.clothDeep, 0.8);
      buttons(g, s, 0.9 * u, [sy + 8 * u, sy + 11.5 * u], 0.7 * u, lighten(c, 0.55));
      const lx = -SW * 0.45;
      const ly = sy + 10 * u;
      // A small house-and-heart logo in thread.
      const thread = lighten(c, 0.65);
      stroke(
        g,
        [p(lx - 2.2 * u, ly + 0.5 * u), p(lx, ly - 1.8 * u), p(lx + 2.2 * u, ly + 0.5 * u)],
        Math.max(1, 0.4 * u),
        thread,
        0.95,
      );
      stroke(
        g,
        [
          p(lx - 1.6 * u, ly),
          p(lx - 1.6 * u, ly + 2.4 * u),
          p(lx + 1.6 * u, ly + 2.4 * u),
          p(lx + 1.6 * u, ly),
        ],
        Math.max(1, 0.4 * u),
        thread,
        0.95,
      );
      circle(g, lx, ly + 1.2 * u, 0.6 * u, 0xd06070);
      drawBadge(g, s, SW * 0.45, sy + 11 * u, 0x2f8f83);
      break;
    }
    case 'hoodie': {
      ribbonFill(g, nl, () => 2.2 * u, s.clothShadow);
      for (const side of [-1, 1]) {
        const x0 = side * 2.5 * u;
        const cord = quad(
          p(x0, sy + 3 * u),
          p(x0 + side * 0.5 * u, sy + 10 * u),
          p(x0 - side * 0.2 * u, sy + 16 * u),
          8,
        );
        ribbonFill(g, cord, () => 0.7 * u, lighten(c, 0.6));
        shape(
          g,
          roundedRectPts(cord[8]!.x - 0.55 * u, cord[8]!.y, 1.1 * u, 2.2 * u, 0.4 * u),
          0xd8d8d8,
          0x777777,
          Math.max(1, 0.2 * u),
        );
      }
      // Front pocket.
      const pk = [p(-SW * 0.62, -2 * u), p(-SW * 0.5, -16 * u), p(SW * 0.5, -16 * u), p(SW * 0.62, -2 * u)];
      stroke(g, pk, Math.max(1, 0.45 * u), s.clothDeep, 0.7);
      break;
    }
    case 'dress': {
      // A small floral print, a waist seam and a pendant.
      const rand = rng(s.seed + 31);
      const petal = lighten(c, 0.45);
      for (let i = 0; i < 34; i++) {
        const x = (-1 + rand() * 2) * SW * 0.82;
        const y = sy + 9 * u + rand() * (-sy - 11 * u);
        for (let k = 0; k < 4; k++) {
          const a = (k / 4) * Math.PI * 2 + i;
          circle(g, x + Math.cos(a) * 0.8 * u, y + Math.sin(a) * 0.8 * u, 0.6 * u, petal, 0.85);
        }
        circle(g, x, y, 0.45 * u, mix(petal, 0xe8c050, 0.6));
      }
      stroke(
        g,
        quad(p(-s.hipW * 1.02, -9 * u), p(0, -7.5 * u), p(s.hipW * 1.02, -9 * u), 12),
        Math.max(1, 0.5 * u),
        s.clothDeep,
        0.6,
      );
      ribbonFill(g, nl, () => 1.2 * u, s.clothShadow, 0.8);
      drawPendant(g, s, sy + 7 * u);
      break;
    }
    default:
      break;
  }
}

function drawPendant(g: G, s: FigureSpec, y: number): void {
  const { u, neckW, shoulderY: sy } = s;
  const chain = quad(p(-neckW - 0.8 * u, sy - 1 * u), p(0, y + 2 * u), p(neckW + 0.8 * u, sy - 1 * u), 14);
  stroke(g, chain, Math.max(1, 0.3 * u), 0xc8a860, 0.9);
  circle(g, 0, y + 0.9 * u, 0.9 * u, 0xd8b870);
  circle(g, -0.25 * u, y + 0.6 * u, 0.3 * u, 0xfff4d0);
}

function drawCollar(g: G, s: FigureSpec, colour: number, neck: Neckline, polo = false): void {
  const { u, shoulderY: sy, neckW, lw } = s;
  const line = darken(colour, 0.45);
  for (const side of [-1, 1]) {
    const flap = [
      p(side * (neckW - 0.2 * u), sy - 3.2 * u),
      p(side * (neckW + 3.2 * u), sy - 0.5 * u),
      p(side * (neckW + (polo ? 2.2 : 1.2) * u), sy + (polo ? 4.5 : 6) * u),
      p(side * 0.6 * u, sy + neck.depth - 0.5 * u),
      p(side * (neckW * 0.55), sy - 0.8 * u),
    ];
    shape(g, flap, colour, line, lw);
    if (polo) ribbonFill(g, [flap[1]!, flap[2]!, flap[3]!], () => 0.6 * u, lighten(colour, 0.5), 0.9);
  }
}

/** Cardigans, jackets and coats: an under-layer, then two front panels with lapels or bands. */
function drawOpenFront(g: G, s: FigureSpec, style: string): void {
  const { u, SW, hipW, shoulderY: sy, neckW, lw } = s;
  const c = s.cloth;
  const suit = style === 'suit';
  const under = suit ? 0xf4f2ee : style === 'coat' ? mix(s.under, c, 0.15) : s.under;
  const underNeck: Neckline = suit
    ? { kind: 'v', halfWidth: neckW + 1 * u, depth: 4 * u }
    : { kind: 'crew', halfWidth: neckW + 1.2 * u, depth: 2.5 * u };
  const underOutline = torsoOutline(s, underNeck);
  fill(g, underOutline, under);

  if (suit) {
    drawCollar(g, s, under, underNeck);
    // A tie in a colour that goes with the suit.
    const tie = s.accent;
    const knot = [
      p(-1.4 * u, sy + 2.2 * u),
      p(1.4 * u, sy + 2.2 * u),
      p(1 * u, sy + 4.8 * u),
      p(-1 * u, sy + 4.8 * u),
    ];
    const blade = [
      p(-1 * u, sy + 4.6 * u),
      p(1 * u, sy + 4.6 * u),
      p(2.2 * u, sy + 26 * u),
      p(0, sy + 29 * u),
      p(-2.2 * u, sy + 26 * u),
    ];
    shape(g, blade, tie, darken(tie, 0.45), lw);
    shape(g, knot, darken(tie, 0.1), darken(tie, 0.45), lw);
    for (let i = 0; i < 4; i++) {
      const y = sy + 9 * u + i * 4.5 * u;
      stroke(g, [p(-1.4 * u, y), p(1.4 * u, y - 1.5 * u)], Math.max(1, 0.4 * u), lighten(tie, 0.3), 0.7);
    }
  } else {
    ribbonFill(g, necklinePts(s, underNeck), () => 1.4 * u, darken(under, 0.1));
  }

  // The V where the front opens, and where the panels meet and button.
  const vBottom = style === 'cardigan' ? -30 * u : style === 'coat' ? -28 * u : -27 * u;
  const overlap = style === 'coat' ? 4 * u : 0.8 * u;
  const neckHalf = neckW + (style === 'coat' ? 2.5 : 1.6) * u;
  const outline = torsoOutline(s, { kind: 'crew', halfWidth: neckHalf, depth: 2 * u });
  // Left panel (viewer's left), then the right panel overlapping it at the centre.
  const leftPanel = [
    ...torsoLeft(s, neckHalf),
    ...quad(p(-neckHalf, sy - 1.2 * u), p(-neckHalf * 0.4, sy + 6 * u), p(overlap, vBottom), 10).slice(1),
    p(overlap, 0),
  ];
  shape(g, leftPanel, c, s.clothLine, lw);
  shape(g, mirrorX(leftPanel), c, s.clothLine, lw);
  torsoShading(g, s, outline, c);

  if (style === 'cardigan') {
    // Ribbed button band down both front edges, then buttons on the right-hand band.
    for (const side of [-1, 1]) {
      const edge = quad(
        p(side * neckHalf, sy - 1.2 * u),
        p(side * neckHalf * 0.4, sy + 6 * u),
        p(side * -overlap, vBottom),
        10,
      );
      ribbonFill(g, [...edge, p(side * -overlap, 0)], () => 2.2 * u, s.clothShadow, 0.9);
    }
    stroke(g, [p(-overlap, vBottom), p(-overlap, 0)], Math.max(1, 0.4 * u), s.clothLine, 0.6);
    buttons(
      g,
      s,
      0,
      [vBottom + 2 * u, vBottom + 10 * u, vBottom + 18 * u, vBottom + 26 * u],
      1.1 * u,
      darken(c, 0.45),
    );
    // Pockets low on each side.
    for (const side of [-1, 1]) {
      const x = side * hipW * 0.55;
      stroke(g, [p(x - 5 * u, -12 * u), p(x + 5 * u, -12 * u)], Math.max(1, 1.2 * u), s.clothShadow, 0.9);
    }
    return;
  }

  // Lapels for jackets and coats.
  const lapelW = style === 'coat' ? 6.5 * u : style === 'suit' ? 4.5 * u : 3.8 * u;
  for (const side of [-1, 1]) {
    const top = p(side * neckHalf, sy - 1.2 * u);
    const lapel = [
      top,
      p(side * (neckHalf + lapelW * 0.55), sy + 0.5 * u),
      p(side * (neckHalf + lapelW * 0.9), sy + 5.5 * u),
      p(side * (neckHalf + lapelW * 0.45), sy + 7.5 * u),
      p(side * (neckHalf + lapelW * 1.05), sy + 9.5 * u),
      p(side * -overlap * 0.5 + side * 1.5 * u, vBottom - 0.5 * u),
      ...quad(p(side * -overlap, vBottom), p(side * neckHalf * 0.4, sy + 6 * u), top, 10).slice(1, -1),
    ];
    shape(g, lapel, side > 0 ? s.clothShadow : mix(c, s.clothShadow, 0.5), s.clothLine, lw);
  }
  if (style === 'coat') {
    // Double-breasted buttons and a knitted scarf.
    buttons(
      g,
      s,
      -overlap - 3 * u,
      [vBottom + 4 * u, vBottom + 14 * u, vBottom + 24 * u],
      1.3 * u,
      darken(c, 0.45),
    );
    buttons(
      g,
      s,
      overlap + 3 * u,
      [vBottom + 4 * u, vBottom + 14 * u, vBottom + 24 * u],
      1.3 * u,
      darken(c, 0.45),
    );
    drawScarf(g, s);
  } else {
    buttons(
      g,
      s,
      overlap + 1.4 * u,
      style === 'suit' ? [vBottom + 3 * u, vBottom + 12 * u] : [vBottom + 3.5 * u],
      1.2 * u,
      darken(c, 0.4),
    );
    // Breast pocket welt on the viewer's left.
    stroke(
      g,
      [p(-SW * 0.62, sy + 13 * u), p(-SW * 0.3, sy + 12.2 * u)],
      Math.max(1, 0.7 * u),
      s.clothShadow,
      0.9,
    );
  }
}

function drawScarf(g: G, s: FigureSpec): void {
  const { u, neckW, shoulderY: sy, lw } = s;
  const c = s.accent;
  const line = darken(c, 0.45);
  const wrap = [
    ...quad(p(-neckW - 4 * u, sy - 2.5 * u), p(0, sy + 2 * u), p(neckW + 4 * u, sy - 2.5 * u), 10),
    ...quad(p(neckW + 4.5 * u, sy + 1.5 * u), p(0, sy + 7 * u), p(-neckW - 4.5 * u, sy + 1.5 * u), 10),
  ];
  const tail = [
    p(1.5 * u, sy + 3 * u),
    p(6.5 * u, sy + 2 * u),
    p(7.5 * u, sy + 22 * u),
    p(2 * u, sy + 23 * u),
  ];
  shape(g, tail, darken(c, 0.08), line, lw);
  for (let i = 0; i < 3; i++) {
    const y = sy + 8 * u + i * 5 * u;
    ribbonFill(
      g,
      [p(1.9 * u + i * 0.1 * u, y), p(7 * u + i * 0.15 * u, y - 0.3 * u)],
      () => 1.4 * u,
      lighten(c, 0.35),
      0.85,
    );
  }
  shape(g, wrap, c, line, lw);
  for (let x = -neckW - 2 * u; x < neckW + 3 * u; x += 1.8 * u) {
    stroke(g, [p(x, sy - 0.5 * u), p(x + 0.4 * u, sy + 3 * u)], Math.max(1, 0.3 * u), darken(c, 0.2), 0.6);
  }
}

// ---------------------------------------------------------------------------------------------
// Arms

function cuffColour(s: FigureSpec): number | undefined {
  switch (s.look.clothes.style) {
    case 'suit':
      return 0xf4f2ee;
    case 'shirt':
    case 'blouse':
      return lighten(s.cloth, 0.08);
    case 'cardigan':
    case 'jumper':
    case 'hoodie':
      return s.clothShadow;
    case 'coat':
      return darken(s.cloth, 0.12);
    default:
      return undefined;
  }
}

/** Both arms and hands for a pose between hands-in-lap (0) and arms folded (1). */
export function drawArms(g: G, s: FigureSpec, folded: number): void {
  const fd = clamp(folded, 0, 1);
  const { u, SW, shoulderY: sy, armW, lw } = s;
  const sleeve = s.cloth;
  const line = s.clothLine;
  const stoopIn = s.stoop * 1.5 * u;

  const geom = (side: number) => {
    const S = p(side * (SW - 5.2 * u - stoopIn), sy + 7.5 * u);
    const elbowLap = p(side * (SW - 0.5 * u), -23 * u);
    const elbowFold = p(side * (SW + 1.0 * u), -27 * u);
    const handLap = p(side * 6 * u, side < 0 ? -11 * u : -12.5 * u);
    const handFold = p(-side * (SW - 10 * u), side < 0 ? -30 * u : -34.5 * u);
    return { S, E: lerpPt(elbowLap, elbowFold, fd), W: lerpPt(handLap, handFold, fd) };
  };

  for (const side of [-1, 1]) {
    const { S, E, W } = geom(side);
    // Upper arm: fill, then only its outer edge and the inner crease (no line across the shoulder).
    const upper = capsule(S, E, armW * 1.05, armW * 0.92);
    const upperColour = side > 0 ? mix(sleeve, s.clothShadow, 0.5) : sleeve;
    if (s.shortSleeves) {
      fill(g, capsule(lerpPt(S, E, 0.35), E, armW * 0.88, armW * 0.8), side > 0 ? s.skinShadow : s.skin);
      stroke(g, edgeLine(lerpPt(S, E, 0.4), E, armW * 0.88, armW * 0.8, side), lw, s.skinLine);
      stroke(g, edgeLine(lerpPt(S, E, 0.4), E, armW * 0.88, armW * 0.8, -side), lw, s.skinLine, 0.8);
      const sl = capsule(S, lerpPt(S, E, 0.42), armW * 1.1, armW * 1.02);
      fill(g, sl, upperColour);
      stroke(g, edgeLine(S, lerpPt(S, E, 0.42), armW * 1.1, armW * 1.02, side), lw, line);
      const hemA = lerpPt(S, E, 0.42);
      const dir = norm(E.x - S.x, E.y - S.y);
      ribbonFill(
        g,
        [
          p(hemA.x - dir.y * armW * 1.02, hemA.y + dir.x * armW * 1.02),
          p(hemA.x + dir.y * armW * 1.02, hemA.y - dir.x * armW * 1.02),
        ],
        () => 1.1 * u,
        lighten(sleeve, 0.5),
        0.9,
      );
    } else {
      fill(g, upper, upperColour);
      stroke(g, edgeLine(S, E, armW * 1.05, armW * 0.92, side), lw, line);
      stroke(g, edgeLine(lerpPt(S, E, 0.25), E, armW * 1.05, armW * 0.92, -side), lw, line, 0.7);
    }
    // Forearm, cuff, then the hand on top. The viewer's-left hand tucks under the other arm when folded.
    const dir = norm(W.x - E.x, W.y - E.y);
    const hidden = side < 0 ? clamp((fd - 0.35) / 0.4, 0, 1) : 0;
    if (s.shortSleeves) {
      shape(
        g,
        capsule(E, W, armW * 0.8, armW * 0.6),
        side > 0 ? mix(s.skin, s.skinShadow, 0.4) : s.skin,
        s.skinLine,
        lw,
      );
    } else {
      const fore = capsule(E, W, armW * 0.95, armW * 0.78);
      shape(g, fore, side > 0 ? mix(sleeve, s.clothShadow, 0.3) : lighten(sleeve, 0.04), line, lw);
      // A crease at the elbow.
      ribbonFill(
        g,
        quad(
          p(E.x - side * 1 * u, E.y - 2.5 * u),
          p(E.x + dir.x * 3 * u, E.y + dir.y * 3 * u - 1 * u),
          p(E.x + dir.x * 6 * u, E.y + dir.y * 6 * u + 1.5 * u),
          6,
        ),
        taper(0.5 * u, 0.2),
        s.clothShadow,
        0.8,
      );
      const cuff = cuffColour(s);
      if (cuff !== undefined) {
        const r = armW * 0.8;
        const back = 2.6 * u;
        const nx = -dir.y;
        const ny = dir.x;
        const band = [
          p(W.x - dir.x * back + nx * r, W.y - dir.y * back + ny * r),
          p(W.x + nx * r, W.y + ny * r),
          p(W.x - nx * r, W.y - ny * r),
          p(W.x - dir.x * back - nx * r, W.y - dir.y * back - ny * r),
        ];
        shape(g, band, cuff, line, lw);
      }
    }
    // In the lap the wrists bend so the hands lie flatter and overlap; folded, they follow the arm.
    const handDir = norm(dir.x, dir.y * (0.3 + 0.7 * fd));
    drawHand(g, s, W, handDir, side, 1 - hidden, side > 0 || fd > 0.5);
  }
}

function norm(x: number, y: number): Pt {
  const l = Math.hypot(x, y) || 1;
  return { x: x / l, y: y / l };
}

/** One side edge of a capsule from a to b. `side` picks the outer (+) or inner (−) edge for that arm. */
function edgeLine(a: Pt, b: Pt, ra: number, rb: number, side: number): Pt[] {
  const d = norm(b.x - a.x, b.y - a.y);
  // Perpendicular pointing towards +x for a roughly vertical limb.
  let nx = -d.y;
  let ny = d.x;
  if (nx * side < 0) {
    nx = -nx;
    ny = -ny;
  }
  return [p(a.x + nx * ra, a.y + ny * ra), p(b.x + nx * rb, b.y + ny * rb)];
}

function drawHand(
  g: G,
  s: FigureSpec,
  W: Pt,
  dir: Pt,
  side: number,
  alpha: number,
  thumbShows: boolean,
): void {
  if (alpha <= 0.01) return;
  const { u, lw } = s;
  const ang = Math.atan2(dir.y, dir.x);
  const k = s.look.build === 'broad' ? 1.06 : s.look.build === 'slight' ? 0.94 : 1;
  const len = 7 * u * k;
  const wid = 4.6 * u * k;
  const cx = W.x + dir.x * len * 0.5;
  const cy = W.y + dir.y * len * 0.5;
  const colour = side > 0 ? s.skin : mix(s.skin, s.skinShadow, 0.35);
  const nx = -dir.y;
  const ny = dir.x;
  // "Up" on screen, across the hand: where the thumb sits.
  const up = ny < 0 ? 1 : -1;
  // Back of the hand with the fingers curled over: a rounded, slightly squared shape.
  const palm: Pt[] = [];
  const n = 28;
  for (let i = 0; i < n; i++) {
    const a = (i / n) * Math.PI * 2;
    const c = Math.cos(a);
    const sn = Math.sin(a);
    const px = Math.sign(c) * Math.pow(Math.abs(c), 0.7) * len * 0.5;
    // Narrower at the wrist than across the knuckles.
    const py = Math.sign(sn) * Math.pow(Math.abs(sn), 0.8) * wid * 0.5 * (0.82 + 0.18 * (px / (len * 0.5)));
    palm.push(p(cx + px * dir.x - py * dir.y, cy + px * dir.y + py * dir.x));
  }
  shape(g, palm, colour, s.skinLine, lw, alpha);
  if (thumbShows) {
    // The thumb lies along the top edge, tucked in.
    const tx = W.x + dir.x * len * 0.42 + nx * wid * 0.38 * up;
    const ty = W.y + dir.y * len * 0.42 + ny * wid * 0.38 * up;
    shape(g, rotEllipse(tx, ty, len * 0.3, wid * 0.22, ang, 16), colour, s.skinLine, lw, alpha);
  }
  // Finger separations towards the tips.
  for (const t of [-0.22, 0.05, 0.3]) {
    const bx = cx + dir.x * len * 0.22 + nx * wid * t * -up;
    const by = cy + dir.y * len * 0.22 + ny * wid * t * -up;
    stroke(
      g,
      [p(bx, by), p(bx + dir.x * len * 0.26, by + dir.y * len * 0.26)],
      Math.max(1, 0.28 * u),
      s.skinLine,
      0.45 * alpha,
    );
  }
}

/** A high-backed care-home armchair: the back behind the figure, the arms in front of its sides. */
export function drawSeat(back: G | undefined, front: G | undefined, s: FigureSpec): void {
  const { u, SW, lw } = s;
  const c = [0x5f7f8a, 0x9a6a5c, 0x7a8a5e, 0x7f6a8a, 0x6a7f9a][s.seed % 5]!;
  const line = darken(c, 0.45);
  const top = s.headY + 0.35 * s.b;
  const w = SW + 9 * u;
  const outline = [
    p(-w, 0),
    ...cubic(
      p(-w, 0),
      p(-w - 1 * u, top + 30 * u),
      p(-w * 0.98, top + 8 * u),
      p(-w * 0.7, top + 1 * u),
      12,
    ).slice(1),
    ...quad(p(-w * 0.7, top + 1 * u), p(0, top - 4 * u), p(w * 0.7, top + 1 * u), 12).slice(1),
    ...cubic(
      p(w * 0.7, top + 1 * u),
      p(w * 0.98, top + 8 * u),
      p(w + 1 * u, top + 30 * u),
      p(w, 0),
      12,
    ).slice(1),
  ];
  if (back) {
    shape(back, outline, c, line, lw);
    // Inner back panel and wings, a little lighter, with button tufting.
    const inner = outline.map((q) => p(q.x * 0.78, q.y * 0.97 + (q.y < -1 ? 1.5 * u : 0)));
    fill(back, inner, lighten(c, 0.08));
    for (const side of [-1, 1]) {
      ribbonFill(
        back,
        quad(p(side * w * 0.8, top + 8 * u), p(side * w * 0.9, top + 25 * u), p(side * w * 0.8, -30 * u), 10),
        taper(1.2 * u, 0.2),
        darken(c, 0.15),
        0.8,
      );
    }
    for (let i = 0; i < 3; i++) circle(back, (i - 1) * SW * 0.45, top + 9 * u, 0.7 * u, darken(c, 0.3));
  }
  if (!front) return;
  // Arms: rolled tops, in front of the figure's sides.
  for (const side of [-1, 1]) {
    const x0 = side * (SW - 1.5 * u);
    const x1 = side * (SW + 10 * u);
    const armTop = -21 * u;
    const arm = [
      p(x0, 0),
      p(x0, armTop + 3 * u),
      ...quad(p(x0, armTop + 3 * u), p((x0 + x1) / 2, armTop - 3 * u), p(x1, armTop + 3 * u), 10).slice(1),
      p(x1, 0),
    ];
    shape(front, arm, side > 0 ? darken(c, 0.1) : c, line, lw);
    fill(
      front,
      ellipsePts((x0 + x1) / 2, armTop + 2 * u, Math.abs(x1 - x0) * 0.42, 2.2 * u, 18),
      lighten(c, 0.14),
      0.9,
    );
  }
}
