/**
 * Painting of the room backgrounds, in design units: height 900, width W (about 1600). Pure
 * drawing onto a Graphics-like object, no Phaser import, so it also runs under test.
 *
 * Layout: the back wall fills the upper ~62% and carries the interesting detail (windows,
 * pictures, clock, boards); the floor runs on underneath, where the dialogue panel may cover it.
 * Scale: about 240 design px to the metre on the back wall, so the half-length figures standing
 * in front of it (about 520 px for the upper body) read as being a little nearer the viewer.
 */
import { roundedRectPts } from './drawFace';
import { darken, lighten, mix } from './palette';
import {
  type G,
  type Pt,
  circle,
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

/** Design height; the width follows the aspect ratio of the requested size. */
export const DH = 900;
const FLOOR = 560;
const LINE = 0x5a4a40;

/** Paint a room in design units (height 900, width W). Exported for tests and the gallery. */
export function paintRoom(g: G, kind: string, W: number): void {
  switch (kind) {
    case 'lounge':
      return lounge(g, W);
    case 'quiet-room':
      return quietRoom(g, W);
    case 'meeting-room':
      return meetingRoom(g, W);
    case 'office':
      return office(g, W);
    case 'bedroom':
      return bedroom(g, W);
    case 'corridor':
      return corridor(g, W);
    case 'dining-room':
      return diningRoom(g, W);
    case 'garden':
      return garden(g, W);
    case 'hospital-ward':
      return hospitalWard(g, W);
    case 'home':
      return home(g, W);
    case 'reception':
      return reception(g, W);
    case 'manager-office':
      return managerOffice(g, W);
    case 'night-corridor':
      return nightCorridor(g, W);
    case 'phone-call':
      return phoneCall(g, W);
    default:
      return lounge(g, W);
  }
}

// ---------------------------------------------------------------------------------------------
// Shell: walls, floors, light

function rect(g: G, x: number, y: number, w: number, h: number, colour: number, alpha = 1): void {
  g.fillStyle(colour, alpha);
  g.fillRect(x, y, w, h);
}

function box(
  g: G,
  x: number,
  y: number,
  w: number,
  h: number,
  colour: number,
  line = LINE,
  lw = 2,
  r = 0,
): void {
  const pts = r > 0 ? roundedRectPts(x, y, w, h, r) : [p(x, y), p(x + w, y), p(x + w, y + h), p(x, y + h)];
  shape(g, pts, colour, line, lw);
}

interface WallOpts {
  upper: number;
  lower?: number;
  dado?: number;
  pattern?: 'stripe' | 'sprig' | 'floral' | 'none';
}

function walls(g: G, W: number, o: WallOpts): void {
  rect(g, 0, 0, W, FLOOR, o.upper);
  if (o.pattern === 'stripe') {
    for (let x = 0; x < W; x += 46) rect(g, x, 0, 16, FLOOR, darken(o.upper, 0.04), 0.6);
  } else if (o.pattern === 'sprig') {
    const rand = rng(7);
    for (let y = 40; y < (o.dado ?? FLOOR) - 20; y += 70) {
      for (let x = ((y / 70) % 2) * 40; x < W; x += 80) {
        const c = darken(o.upper, 0.07);
        ribbonFill(g, quad(p(x, y + 10), p(x + 4, y), p(x + 2, y - 10), 4), taper(3, 0.3), c, 0.7);
        circle(g, x + 4 + rand() * 2, y - 8, 3, c, 0.7);
      }
    }
  } else if (o.pattern === 'floral') {
    // Small four-petal flowers on a half-drop, like old-fashioned wallpaper.
    const c = darken(o.upper, 0.08);
    for (let y = 44; y < (o.dado ?? FLOOR) - 30; y += 64) {
      for (let x = ((y / 64) % 2) * 36; x < W + 36; x += 72) {
        for (const [dx, dy] of [
          [0, -6],
          [6, 0],
          [0, 6],
          [-6, 0],
        ] as const)
          circle(g, x + dx, y + dy, 4, c, 0.55);
        circle(g, x, y, 2.5, lighten(o.upper, 0.3), 0.8);
      }
    }
  }
  if (o.dado !== undefined && o.lower !== undefined) {
    rect(g, 0, o.dado, W, FLOOR - o.dado, o.lower);
    rect(g, 0, o.dado - 7, W, 14, lighten(o.lower, 0.45));
    rect(g, 0, o.dado + 5, W, 3, darken(o.lower, 0.15), 0.6);
  }
  // Cornice and a hint of ceiling.
  rect(g, 0, 0, W, 16, lighten(o.upper, 0.5));
  rect(g, 0, 16, W, 5, darken(o.upper, 0.08));
}

function skirting(g: G, W: number, colour = 0xf2ede4): void {
  rect(g, 0, FLOOR - 24, W, 24, colour);
  rect(g, 0, FLOOR - 24, W, 3, darken(colour, 0.12));
  rect(g, 0, FLOOR - 2, W, 4, darken(colour, 0.3));
}

function carpet(g: G, W: number, colour: number): void {
  // Lighter at the back, a touch darker towards the viewer.
  const bands = 12;
  for (let i = 0; i < bands; i++) {
    const y0 = FLOOR + ((DH - FLOOR) * i) / bands;
    rect(
      g,
      0,
      y0,
      W,
      (DH - FLOOR) / bands + 1,
      mix(lighten(colour, 0.06), darken(colour, 0.1), i / (bands - 1)),
    );
  }
  const rand = rng(3);
  for (let i = 0; i < 500; i++) {
    const y = FLOOR + rand() * (DH - FLOOR);
    circle(g, rand() * W, y, 1.2, i % 2 ? lighten(colour, 0.1) : darken(colour, 0.1), 0.35);
  }
}

/** Wood-effect vinyl: planks converging gently to a vanishing point above the floor. */
function woodFloor(g: G, W: number, colour: number): void {
  rect(g, 0, FLOOR, W, DH - FLOOR, colour);
  const vx = W / 2;
  const vy = FLOOR - 700;
  const rand = rng(11);
  for (let x = -W; x < W * 2; x += 95) {
    const top = p(vx + (x - vx) * ((FLOOR - vy) / (DH - vy)), FLOOR);
    stroke(g, [top, p(x, DH)], 2, darken(colour, 0.18), 0.55);
  }
  let y = FLOOR;
  let step = 14;
  let row = 0;
  while (y < DH) {
    rect(g, 0, y, W, 1.5, darken(colour, 0.12), 0.5);
    // Tonal variation per plank row.
    for (let x = (row % 2) * 60; x < W; x += 190 + rand() * 80) {
      rect(
        g,
        x,
        y + 1,
        120 + rand() * 80,
        step - 1,
        rand() > 0.5 ? lighten(colour, 0.05) : darken(colour, 0.05),
        0.6,
      );
    }
    y += step;
    step *= 1.16;
    row++;
  }
}

function vinylFloor(g: G, W: number, colour: number): void {
  rect(g, 0, FLOOR, W, DH - FLOOR, colour);
  const rand = rng(5);
  for (let i = 0; i < 260; i++) {
    const y = FLOOR + rand() * (DH - FLOOR);
    circle(g, rand() * W, y, 1.5, i % 2 ? lighten(colour, 0.12) : darken(colour, 0.1), 0.5);
  }
  // A soft sheen from the lights.
  fill(g, ellipsePts(W * 0.5, FLOOR + 70, W * 0.35, 26, 30), lighten(colour, 0.18), 0.5);
}

/** Light falling from a window onto the floor. */
function lightPool(g: G, x: number, w: number): void {
  const pts = [p(x, FLOOR + 4), p(x + w, FLOOR + 4), p(x + w * 1.5 + 120, DH), p(x - w * 0.3 + 120, DH)];
  fill(g, pts, 0xfff6dc, 0.16);
}

/** Gentle darkening at the edges so the eye settles in the middle. */
function vignette(g: G, W: number): void {
  // Many faint layers, so the steps don't show.
  for (let i = 0; i < 24; i++) {
    const wdt = 8 + i * 9;
    rect(g, 0, 0, wdt, DH, 0x2a1e18, 0.008);
    rect(g, W - wdt, 0, wdt, DH, 0x2a1e18, 0.008);
  }
  for (let i = 0; i < 20; i++) rect(g, 0, DH - 20 - i * 14, W, 20 + i * 14, 0x2a1e18, 0.008);
}

// ---------------------------------------------------------------------------------------------
// Furniture and fittings. (x, y) is usually the bottom centre where a piece stands.

interface WindowOpts {
  curtains?: number;
  blind?: number;
  /** Vertical louvre blinds, half open (an office's). */
  louvres?: number;
  /** Net curtains over the lower glass (a house's front window). */
  nets?: boolean;
  view?: 'garden' | 'street' | 'trees' | 'night';
}

function windowFrame(g: G, x: number, y: number, w: number, h: number, o: WindowOpts): void {
  const frame = 0xf7f5f0;
  // Recess shadow, then the view.
  rect(g, x - 10, y - 10, w + 20, h + 20, 0xcfc6b8);
  drawView(g, x, y, w, h, o.view ?? 'garden');
  // Frame and glazing bars (uPVC white).
  const bar = 12;
  rect(g, x, y, w, bar, frame);
  rect(g, x, y + h - bar, w, bar, frame);
  rect(g, x, y, bar, h, frame);
  rect(g, x + w - bar, y, bar, h, frame);
  rect(g, x + w / 2 - bar / 2, y, bar, h, frame);
  rect(g, x, y + h * 0.3, w, bar * 0.8, frame);
  stroke(g, [p(x, y), p(x + w, y), p(x + w, y + h), p(x, y + h)], 2, 0xb8b0a4, 1, true);
  // Glass sheen.
  for (const px of [x + 30, x + w / 2 + 30]) {
    fill(
      g,
      [
        p(px, y + h * 0.4 + 60),
        p(px + 40, y + h * 0.4),
        p(px + 58, y + h * 0.4),
        p(px + 18, y + h * 0.4 + 60),
      ],
      0xffffff,
      0.25,
    );
  }
  // Sill.
  box(g, x - 26, y + h, w + 52, 16, 0xf4f1ea, 0xb8b0a4, 2);
  rect(g, x - 20, y + h + 16, w + 40, 6, 0x000000, 0.08);
  if (o.blind !== undefined) {
    const c = o.blind;
    const drop = h * 0.38;
    rect(g, x - 8, y - 14, w + 16, 14, darken(c, 0.1));
    rect(g, x + 4, y, w - 8, drop, c);
    for (let yy = y + 8; yy < y + drop; yy += 10) rect(g, x + 4, yy, w - 8, 2, darken(c, 0.1), 0.7);
    rect(g, x + 2, y + drop - 6, w - 4, 8, darken(c, 0.2));
    stroke(g, [p(x + w - 24, y + drop), p(x + w - 24, y + drop + 60)], 2, 0xdddddd);
  }
  if (o.louvres !== undefined) {
    const c = o.louvres;
    rect(g, x - 8, y - 14, w + 16, 14, darken(c, 0.1));
    for (let lx = x + 4; lx < x + w - 10; lx += 30) {
      // Each slat turned a little, so a strip of the view shows between them.
      box(g, lx, y + 2, 20, h - 6, c, darken(c, 0.18), 1);
      rect(g, lx + 14, y + 2, 6, h - 6, darken(c, 0.08), 0.8);
    }
    rect(g, x + 4, y + h - 12, w - 8, 4, darken(c, 0.25), 0.6);
  }
  if (o.nets) {
    // Net curtains: sheer white over the lower glass, a scalloped hem.
    const top = y + h * 0.3 + 10;
    const hem = y + h - 14;
    rect(g, x + 6, top, w - 12, hem - top, 0xfbfaf6, 0.62);
    for (let nx = x + 14; nx < x + w - 8; nx += 12) rect(g, nx, top, 2, hem - top, 0xe4e0d6, 0.7);
    for (let nx = x + 6; nx < x + w - 12; nx += 24) {
      fill(g, ellipsePts(nx + 12, hem, 12, 7, 12, 0, Math.PI), 0xfbfaf6, 0.7);
    }
    rect(g, x + 2, top - 4, w - 4, 5, 0xe8e4da);
  }
  if (o.curtains !== undefined) curtains(g, x, y, w, h, o.curtains);
}

/** Where the moon sits in a window's night view: in the top right pane, clear of the bars. */
function moonIn(x: number, y: number, w: number, h: number): { x: number; y: number; r: number } {
  return { x: x + w * 0.76, y: y + 12 + (h * 0.3 - 12) / 2, r: Math.min(w, h) * 0.055 };
}

function drawView(g: G, x: number, y: number, w: number, h: number, view: string): void {
  if (view === 'night') {
    for (let i = 0; i < 8; i++) rect(g, x, y + (h * i) / 8, w, h / 8 + 1, mix(0x0e1832, 0x2c3c5e, i / 7));
    const rand = rng(Math.round(x * 7 + y));
    for (let i = 0; i < 16; i++)
      circle(g, x + rand() * w, y + rand() * h * 0.45, 1 + rand() * 1.2, 0xe8ecf8, 0.4 + rand() * 0.5);
    const moon = moonIn(x, y, w, h);
    for (let i = 0; i < 4; i++) circle(g, moon.x, moon.y, moon.r * (2.2 - i * 0.3), 0xc8d4f0, 0.05);
    circle(g, moon.x, moon.y, moon.r, 0xf2eed8);
    // Houses and trees as dark shapes, one window still lit.
    for (let i = 0; i < 3; i++) {
      const bx = x + w * (0.04 + i * 0.33);
      box(g, bx, y + h * (0.5 + (i % 2) * 0.06), w * 0.28, h * 0.6, 0x1c2234, 0x121624, 1);
    }
    rect(g, x + w * 0.45, y + h * 0.66, w * 0.06, h * 0.08, 0xf0c878, 0.9);
    for (let i = 0; i < 4; i++) {
      const tx = x + w * (0.12 + i * 0.26);
      fill(g, ellipsePts(tx, y + h * 0.72, w * 0.1, h * 0.14, 16), 0x141c1c);
    }
    rect(g, x, y + h * 0.8, w, h * 0.2, 0x10161a);
    return;
  }
  // Sky bands (gradients don't bake, so stepped colour).
  for (let i = 0; i < 8; i++) rect(g, x, y + (h * i) / 8, w, h / 8 + 1, mix(0xa9cfe8, 0xe4f0f4, i / 7));
  fill(g, ellipsePts(x + w * 0.3, y + h * 0.22, w * 0.16, h * 0.05, 16), 0xffffff, 0.75);
  fill(g, ellipsePts(x + w * 0.4, y + h * 0.19, w * 0.12, h * 0.05, 16), 0xffffff, 0.75);
  if (view === 'street') {
    for (let i = 0; i < 3; i++) {
      const bx = x + w * (0.05 + i * 0.33);
      box(g, bx, y + h * 0.45, w * 0.28, h * 0.6, mix(0xb07a5a, 0xcfc0a8, i * 0.3), 0x8a6a50, 1);
      for (let r = 0; r < 2; r++)
        rect(g, bx + w * 0.06, y + h * (0.52 + r * 0.16), w * 0.07, h * 0.09, 0xd8e4ea);
    }
  } else {
    // Trees, a hedge and lawn.
    const rand = rng(Math.round(x + y));
    for (let i = 0; i < 6; i++) {
      const tx = x + (w * (i + 0.5)) / 6 + (rand() - 0.5) * 20;
      const ty = y + h * (0.5 + rand() * 0.1);
      fill(g, ellipsePts(tx, ty, w * 0.12, h * 0.16, 18), mix(0x6f9a5a, 0x8fb070, rand()), 1);
    }
    rect(g, x, y + h * 0.62, w, h * 0.12, 0x5f8a4e);
    rect(g, x, y + h * 0.74, w, h * 0.26, view === 'trees' ? 0x93b873 : 0x9cc27c);
    if (view === 'garden') {
      for (let i = 0; i < 8; i++) {
        circle(g, x + w * (0.1 + i * 0.11), y + h * 0.8, 4, [0xe8a0b0, 0xf4d060, 0xffffff][i % 3]!);
      }
    }
  }
}

function curtains(g: G, x: number, y: number, w: number, h: number, c: number): void {
  // Pole.
  rect(g, x - 70, y - 34, w + 140, 8, 0x8a6a48);
  circle(g, x - 72, y - 30, 9, 0x6e5236);
  circle(g, x + w + 72, y - 30, 9, 0x6e5236);
  for (const side of [-1, 1]) {
    const edge = side < 0 ? x - 64 : x + w + 64;
    const inner = side < 0 ? x + 30 : x + w - 30;
    const tie = y + h * 0.55;
    const pts = [
      p(edge, y - 30),
      p(inner, y - 30),
      ...quad(p(inner, y - 30), p(inner + side * -6, tie - 80), p(edge + side * -38, tie), 10).slice(1),
      ...quad(
        p(edge + side * -38, tie),
        p(edge + side * -58, tie + 80),
        p(edge + side * -44, y + h + 40),
        10,
      ).slice(1),
      p(edge, y + h + 40),
    ];
    shape(g, pts, c, darken(c, 0.4), 2);
    // Folds.
    for (let i = 1; i < 4; i++) {
      const fx = edge + ((inner - edge) * i) / 4;
      ribbonFill(
        g,
        quad(p(fx, y - 26), p(fx, tie - 60), p(edge + side * -20 - side * i * 4, tie), 8),
        taper(5, 0.3),
        darken(c, 0.15),
        0.8,
      );
      ribbonFill(
        g,
        [p(edge + side * -14 * i, tie + 10), p(edge + side * -12 * i, y + h + 38)],
        taper(5, 0.3),
        darken(c, 0.15),
        0.7,
      );
    }
    // Tie-back.
    ribbonFill(g, [p(edge, tie - 4), p(edge + side * -46, tie + 4)], () => 9, darken(c, 0.3));
  }
}

function clock(g: G, x: number, y: number, r: number, time = { h: 2, m: 50 }): void {
  circle(g, x + 3, y + 4, r + 4, 0x000000, 0.12);
  circle(g, x, y, r + 5, 0x5a4636);
  circle(g, x, y, r, 0xfbf8f0);
  for (let i = 0; i < 12; i++) {
    const a = (i / 12) * Math.PI * 2;
    const r0 = i % 3 === 0 ? r * 0.72 : r * 0.8;
    stroke(
      g,
      [
        p(x + Math.cos(a) * r0, y + Math.sin(a) * r0),
        p(x + Math.cos(a) * r * 0.9, y + Math.sin(a) * r * 0.9),
      ],
      i % 3 === 0 ? 4 : 2,
      0x3a3030,
    );
  }
  const ma = (time.m / 60) * Math.PI * 2 - Math.PI / 2;
  const ha = ((time.h + time.m / 60) / 12) * Math.PI * 2 - Math.PI / 2;
  ribbonFill(g, [p(x, y), p(x + Math.cos(ha) * r * 0.5, y + Math.sin(ha) * r * 0.5)], () => 5, 0x2a2424);
  ribbonFill(g, [p(x, y), p(x + Math.cos(ma) * r * 0.78, y + Math.sin(ma) * r * 0.78)], () => 3, 0x2a2424);
  circle(g, x, y, 4, 0xb03a2e);
}

type PictureKind = 'hills' | 'sea' | 'flowers' | 'photo' | 'boat';

function picture(
  g: G,
  x: number,
  y: number,
  w: number,
  h: number,
  kind: PictureKind,
  frame = 0x9a7448,
): void {
  rect(g, x + 4, y + 6, w, h, 0x000000, 0.12);
  box(g, x, y, w, h, frame, darken(frame, 0.4), 2);
  const m = kind === 'photo' ? 6 : 10;
  const ix = x + m;
  const iy = y + m;
  const iw = w - m * 2;
  const ih = h - m * 2;
  if (kind !== 'photo') rect(g, ix - 3, iy - 3, iw + 6, ih + 6, 0xf4efe4);
  switch (kind) {
    case 'hills':
      rect(g, ix, iy, iw, ih, 0xbfdcea);
      fill(
        g,
        [
          p(ix, iy + ih * 0.6),
          ...quad(
            p(ix, iy + ih * 0.6),
            p(ix + iw * 0.35, iy + ih * 0.25),
            p(ix + iw * 0.7, iy + ih * 0.55),
            8,
          ),
          p(ix + iw, iy + ih * 0.45),
          p(ix + iw, iy + ih),
          p(ix, iy + ih),
        ],
        0x7fa36a,
      );
      fill(
        g,
        [
          p(ix, iy + ih * 0.8),
          ...quad(p(ix, iy + ih * 0.8), p(ix + iw * 0.6, iy + ih * 0.55), p(ix + iw, iy + ih * 0.75), 8),
          p(ix + iw, iy + ih),
          p(ix, iy + ih),
        ],
        0x5d8a52,
      );
      circle(g, ix + iw * 0.78, iy + ih * 0.22, ih * 0.09, 0xf6e6a0);
      break;
    case 'sea':
      rect(g, ix, iy, iw, ih * 0.55, 0xcfe3ee);
      rect(g, ix, iy + ih * 0.55, iw, ih * 0.3, 0x6f9fbd);
      rect(g, ix, iy + ih * 0.85, iw, ih * 0.15, 0xe6d3a6);
      fill(
        g,
        [
          p(ix + iw * 0.55, iy + ih * 0.55),
          p(ix + iw * 0.62, iy + ih * 0.25),
          p(ix + iw * 0.62, iy + ih * 0.55),
        ],
        0xffffff,
      );
      break;
    case 'boat':
      rect(g, ix, iy, iw, ih, 0xe9dcc0);
      rect(g, ix, iy + ih * 0.6, iw, ih * 0.4, 0x7b9fb0);
      fill(
        g,
        [
          p(ix + iw * 0.25, iy + ih * 0.62),
          p(ix + iw * 0.75, iy + ih * 0.62),
          p(ix + iw * 0.65, iy + ih * 0.75),
          p(ix + iw * 0.35, iy + ih * 0.75),
        ],
        0xa0492e,
      );
      fill(
        g,
        [
          p(ix + iw * 0.5, iy + ih * 0.15),
          p(ix + iw * 0.5, iy + ih * 0.58),
          p(ix + iw * 0.72, iy + ih * 0.58),
        ],
        0xf6f1e4,
      );
      break;
    case 'flowers':
      rect(g, ix, iy, iw, ih, 0xe8e0cf);
      fill(
        g,
        [
          p(ix + iw * 0.38, iy + ih * 0.95),
          p(ix + iw * 0.62, iy + ih * 0.95),
          p(ix + iw * 0.58, iy + ih * 0.62),
          p(ix + iw * 0.42, iy + ih * 0.62),
        ],
        0x5a7e9a,
      );
      for (let i = 0; i < 7; i++) {
        const a = -Math.PI / 2 + (i - 3) * 0.35;
        const fx = ix + iw * 0.5 + Math.cos(a) * iw * 0.28;
        const fy = iy + ih * 0.62 + Math.sin(a) * ih * 0.42;
        stroke(g, [p(ix + iw * 0.5, iy + ih * 0.64), p(fx, fy)], 2, 0x5d7e42);
        circle(g, fx, fy, ih * 0.09, [0xd2526a, 0xf0b840, 0xe88aa0, 0xffffff][i % 4]!);
      }
      break;
    case 'photo': {
      rect(g, ix, iy, iw, ih, 0xd8cdb8);
      // Two people, simply: a keepsake photo.
      const skin = [0xe8bb98, 0x9a6a48];
      for (let i = 0; i < 2; i++) {
        const px = ix + iw * (0.33 + i * 0.34);
        fill(g, ellipsePts(px, iy + ih * 0.95, iw * 0.17, ih * 0.3, 14), [0x5a7aa0, 0xa05a6a][i]!);
        circle(g, px, iy + ih * 0.45, iw * 0.1, skin[i]!);
        fill(g, ellipsePts(px, iy + ih * 0.36, iw * 0.11, ih * 0.08, 12), [0x8a8480, 0x2a2220][i]!);
      }
      break;
    }
  }
}

function plant(g: G, x: number, y: number, scale = 1): void {
  const s = scale;
  const pot = [p(x - 34 * s, y - 70 * s), p(x + 34 * s, y - 70 * s), p(x + 26 * s, y), p(x - 26 * s, y)];
  const rand = rng(Math.round(x));
  for (let i = 0; i < 14; i++) {
    const a = -Math.PI / 2 + (rand() - 0.5) * 2.4;
    const len = (90 + rand() * 90) * s;
    const tip = p(x + Math.cos(a) * len, y - 70 * s + Math.sin(a) * len);
    const c = mix(0x4f7d45, 0x7ea85e, rand());
    const leaf = [
      ...quad(p(x, y - 72 * s), p((x + tip.x) / 2 - 18 * s, (y - 72 * s + tip.y) / 2), tip, 6),
      ...quad(tip, p((x + tip.x) / 2 + 18 * s, (y - 72 * s + tip.y) / 2), p(x, y - 72 * s), 6).slice(1),
    ];
    shape(g, leaf, c, darken(c, 0.35), 1.5);
    stroke(g, [p(x, y - 72 * s), tip], 1.2, darken(c, 0.25), 0.7);
  }
  shape(g, pot, 0xc07850, darken(0xc07850, 0.4), 2);
  rect(g, x - 36 * s, y - 76 * s, 72 * s, 12 * s, 0xb06a44);
}

function armchair(g: G, x: number, y: number, w: number, c: number, wings = true): void {
  const h = w * 1.3;
  const line = darken(c, 0.45);
  // Legs.
  for (const lx of [x - w * 0.42, x + w * 0.38]) box(g, lx, y - 16, 10, 16, 0x6e4e34, 0x4a3424, 1.5);
  // Back and wings.
  const back = [
    p(x - w * 0.4, y - h * 0.4),
    ...quad(p(x - w * 0.42, y - h * 0.85), p(x, y - h * 1.06), p(x + w * 0.42, y - h * 0.85), 12),
    p(x + w * 0.4, y - h * 0.4),
  ];
  shape(g, back, c, line, 2.5);
  fill(g, ellipsePts(x, y - h * 0.75, w * 0.28, h * 0.17, 18), lighten(c, 0.08), 0.8);
  if (wings) {
    for (const side of [-1, 1]) {
      const wing = [
        p(x + side * w * 0.42, y - h * 0.85),
        p(x + side * w * 0.52, y - h * 0.78),
        p(x + side * w * 0.54, y - h * 0.45),
        p(x + side * w * 0.4, y - h * 0.42),
      ];
      shape(g, wing, darken(c, 0.08), line, 2);
    }
  }
  // Seat cushion and front.
  box(g, x - w * 0.4, y - h * 0.42, w * 0.8, h * 0.12, lighten(c, 0.06), line, 2, 10);
  box(g, x - w * 0.42, y - h * 0.31, w * 0.84, h * 0.3 - 14, darken(c, 0.1), line, 2, 6);
  // Arms (rolled).
  for (const side of [-1, 1]) {
    const ax = x + side * w * 0.43;
    box(g, ax - w * 0.1, y - h * 0.52, w * 0.2, h * 0.52 - 14, c, line, 2, 12);
    fill(g, ellipsePts(ax, y - h * 0.5, w * 0.1, h * 0.045, 14), lighten(c, 0.12));
  }
}

function sofa(g: G, x: number, y: number, w: number, c: number): void {
  const h = w * 0.5;
  const line = darken(c, 0.45);
  for (const lx of [x - w * 0.45, x + w * 0.43]) box(g, lx, y - 14, 10, 14, 0x6e4e34, 0x4a3424, 1.5);
  box(g, x - w * 0.46, y - h, w * 0.92, h * 0.6, c, line, 2.5, 16);
  for (let i = 0; i < 2; i++) {
    box(g, x - w * 0.4 + i * w * 0.4, y - h * 0.95, w * 0.4, h * 0.5, lighten(c, 0.05), line, 2, 12);
  }
  box(g, x - w * 0.44, y - h * 0.45, w * 0.88, h * 0.2, lighten(c, 0.08), line, 2, 8);
  box(g, x - w * 0.46, y - h * 0.28, w * 0.92, h * 0.28 - 12, darken(c, 0.1), line, 2, 6);
  for (const side of [-1, 1])
    box(g, x + side * w * 0.47 - w * 0.06, y - h * 0.62, w * 0.12, h * 0.62 - 12, c, line, 2, 14);
  // A cushion.
  const cc = mix(c, 0xf0d8a0, 0.6);
  shape(
    g,
    [
      p(x - w * 0.36, y - h * 0.45),
      p(x - w * 0.2, y - h * 0.5),
      p(x - w * 0.18, y - h * 0.78),
      p(x - w * 0.36, y - h * 0.74),
    ],
    cc,
    darken(cc, 0.4),
    2,
  );
}

function sideTable(g: G, x: number, y: number, w: number, h: number, c = 0x9a7250): void {
  box(g, x - w / 2, y - h, w, 12, lighten(c, 0.1), darken(c, 0.4), 2);
  for (const lx of [x - w / 2 + 6, x + w / 2 - 14]) box(g, lx, y - h + 12, 8, h - 12, c, darken(c, 0.4), 1.5);
  box(g, x - w / 2 + 8, y - h * 0.45, w - 16, 6, c, darken(c, 0.4), 1);
}

function tableLamp(g: G, x: number, y: number, scale = 1, glow = true): void {
  const s = scale;
  if (glow) for (let i = 0; i < 6; i++) circle(g, x, y - 100 * s, (90 - i * 12) * s, 0xffe8b0, 0.06);
  box(g, x - 6 * s, y - 70 * s, 12 * s, 70 * s, 0xc8a060, 0x8a6a40, 1.5);
  fill(g, ellipsePts(x, y - 4 * s, 26 * s, 7 * s, 16), 0xb08850);
  const shade = [
    p(x - 26 * s, y - 130 * s),
    p(x + 26 * s, y - 130 * s),
    p(x + 44 * s, y - 68 * s),
    p(x - 44 * s, y - 68 * s),
  ];
  shape(g, shade, 0xf6e2b4, 0xc0a070, 2);
  fill(
    g,
    [
      p(x - 44 * s, y - 68 * s),
      p(x + 44 * s, y - 68 * s),
      p(x + 40 * s, y - 76 * s),
      p(x - 40 * s, y - 76 * s),
    ],
    0xffffff,
    0.5,
  );
}

function floorLamp(g: G, x: number, y: number): void {
  for (let i = 0; i < 7; i++) circle(g, x, y - 360, 120 - i * 14, 0xffe8b0, 0.055);
  fill(g, ellipsePts(x, y - 4, 36, 9, 18), 0x5a4a3a);
  box(g, x - 4, y - 330, 8, 326, 0x8a7050, 0x5a4a30, 1.5);
  const shade = [p(x - 40, y - 410), p(x + 40, y - 410), p(x + 62, y - 320), p(x - 62, y - 320)];
  shape(g, shade, 0xf4dca8, 0xbf9c66, 2);
  fill(g, [p(x - 62, y - 320), p(x + 62, y - 320), p(x + 56, y - 332), p(x - 56, y - 332)], 0xffffff, 0.45);
}

function rug(g: G, x: number, w: number, c: number): void {
  const top = FLOOR + 60;
  const bottom = DH - 20;
  const pts = [p(x - w * 0.36, top), p(x + w * 0.36, top), p(x + w * 0.5, bottom), p(x - w * 0.5, bottom)];
  shape(g, pts, c, darken(c, 0.3), 2);
  const inner = [
    p(x - w * 0.3, top + 16),
    p(x + w * 0.3, top + 16),
    p(x + w * 0.42, bottom - 18),
    p(x - w * 0.42, bottom - 18),
  ];
  stroke(g, inner, 6, lighten(c, 0.3), 0.8, true);
  fill(g, ellipsePts(x, (top + bottom) / 2, w * 0.16, (bottom - top) * 0.18, 24), lighten(c, 0.18), 0.8);
}

function door(g: G, x: number, w: number, c: number, name?: string, sign?: number, glass = false): void {
  const h = 470;
  const y = FLOOR - h;
  rect(g, x - 14, y - 14, w + 28, h + 14, 0xf3efe6);
  stroke(g, [p(x - 14, FLOOR), p(x - 14, y - 14), p(x + w + 14, y - 14), p(x + w + 14, FLOOR)], 2, 0xc8bfb0);
  box(g, x, y, w, h, c, darken(c, 0.4), 2);
  // Panels, or (an office door) a tall narrow vision panel of wired glass onto a lit corridor.
  if (glass) {
    const gx = x + w * 0.36;
    const gw = w * 0.28;
    const gh = h * 0.24;
    box(g, gx - 6, y + 34, gw + 12, gh + 12, darken(c, 0.15), darken(c, 0.4), 2);
    rect(g, gx, y + 40, gw, gh, 0xeee8d8);
    rect(g, gx, y + 40 + gh * 0.7, gw, gh * 0.3, 0xd8ccb4);
    for (let gy = y + 52; gy < y + 40 + gh; gy += 14) rect(g, gx, gy, gw, 1, 0xb8b4aa, 0.5);
    for (let lx = gx + 12; lx < gx + gw; lx += 14) rect(g, lx, y + 40, 1, gh, 0xb8b4aa, 0.5);
    fill(
      g,
      [
        p(gx + 4, y + 40 + gh * 0.6),
        p(gx + gw * 0.7, y + 44),
        p(gx + gw - 2, y + 44),
        p(gx + 4, y + 40 + gh * 0.9),
      ],
      0xffffff,
      0.3,
    );
  } else {
    box(g, x + w * 0.14, y + 40, w * 0.72, h * 0.32, lighten(c, 0.06), darken(c, 0.25), 2);
  }
  box(g, x + w * 0.14, y + h * 0.45, w * 0.72, h * 0.45, lighten(c, 0.06), darken(c, 0.25), 2);
  // Kick plate and handle.
  rect(g, x + 4, FLOOR - 40, w - 8, 34, 0xc9c4bc);
  box(g, x + w - 44, y + h * 0.5, 30, 8, 0xd8d2c8, 0x8a8478, 1.5, 3);
  if (name !== undefined) {
    const ny = glass ? y + h * 0.35 : y + 60;
    box(g, x + w * 0.18, ny, w * 0.64, 40, 0xfbfaf6, 0x8a8478, 2, 5);
    if (sign !== undefined) rect(g, x + w * 0.18 + 6, ny + 6, 28, 28, sign);
    stroke(g, [p(x + w * 0.18 + 42, ny + 16), p(x + w * 0.78, ny + 16)], 4, 0x505050);
    stroke(g, [p(x + w * 0.18 + 42, ny + 28), p(x + w * 0.62, ny + 28)], 3, 0x9a9a9a);
  }
}

function noticeBoard(g: G, x: number, y: number, w: number, h: number): void {
  box(g, x, y, w, h, 0xb98a5a, 0x6e4e34, 3);
  rect(g, x + 8, y + 8, w - 16, h - 16, 0xc99c6c);
  const rand = rng(Math.round(x * 3 + y));
  const colours = [0xfbf8f0, 0xf6e38a, 0xbde0f0, 0xf4c6d0, 0xd8ecc4, 0xfbf8f0];
  for (let i = 0; i < 7; i++) {
    const pw = w * (0.22 + rand() * 0.12);
    const ph = h * (0.25 + rand() * 0.15);
    const px = x + 14 + rand() * (w - pw - 28);
    const py = y + 14 + rand() * (h - ph - 28);
    box(g, px, py, pw, ph, colours[i % colours.length]!, 0x9a9080, 1);
    for (let l = 0; l < 3; l++) rect(g, px + 6, py + 10 + l * 9, pw * (0.5 + rand() * 0.3), 3, 0x808080, 0.6);
    circle(g, px + pw / 2, py + 5, 4, [0xd04040, 0x3060c0, 0x40a050][i % 3]!);
  }
}

function whiteboard(g: G, x: number, y: number, w: number, h: number): void {
  rect(g, x + 5, y + 6, w, h, 0x000000, 0.1);
  box(g, x, y, w, h, 0xfdfdfb, 0x9aa0a6, 4, 4);
  // Notes in marker: a heading, bullet lines, a little diagram.
  stroke(g, [p(x + 30, y + 34), p(x + w * 0.45, y + 34)], 5, 0x2a4a8a, 0.9);
  for (let i = 0; i < 4; i++) {
    circle(g, x + 36, y + 66 + i * 28, 4, 0x2a4a8a, 0.8);
    stroke(
      g,
      [p(x + 50, y + 66 + i * 28), p(x + 50 + w * (0.25 + ((i * 37) % 20) / 100), y + 66 + i * 28)],
      3,
      0x3a3a3a,
      0.7,
    );
  }
  stroke(g, ellipsePts(x + w * 0.75, y + h * 0.45, 44, 30, 20), 3, 0xb03030, 0.7, true);
  stroke(g, [p(x + w * 0.62, y + h * 0.72), p(x + w * 0.88, y + h * 0.72)], 3, 0x2a7a4a, 0.7);
  // Tray and pens.
  rect(g, x + w * 0.2, y + h, w * 0.6, 8, 0xb8bcc0);
  for (const [i, c] of [0x2a4a8a, 0xb03030, 0x202020].entries())
    rect(g, x + w * 0.3 + i * 26, y + h - 4, 20, 5, c);
}

/** A table seen from standing height: (x, y) is the floor under its front edge. */
function table(
  g: G,
  x: number,
  y: number,
  w: number,
  h: number,
  top: number,
  cloth?: number,
  depth = 50,
): void {
  const legs = darken(top, 0.25);
  const ty = y - h;
  const by = ty - depth;
  const bw = w * 0.93;
  for (const lx of [x - bw / 2 + 10, x + bw / 2 - 20])
    box(g, lx, by, 10, h - depth * 0.4, darken(legs, 0.12), darken(legs, 0.4), 1.5);
  for (const lx of [x - w / 2 + 12, x + w / 2 - 26]) box(g, lx, ty, 14, h, legs, darken(legs, 0.4), 1.5);
  const surface = [p(x - bw / 2, by), p(x + bw / 2, by), p(x + w / 2, ty), p(x - w / 2, ty)];
  if (cloth !== undefined) {
    shape(g, surface, lighten(cloth, 0.05), darken(cloth, 0.25), 2);
    const drop = [
      p(x - w / 2 - 4, ty),
      p(x + w / 2 + 4, ty),
      p(x + w / 2 + 12, ty + 72),
      p(x - w / 2 - 12, ty + 72),
    ];
    shape(g, drop, darken(cloth, 0.04), darken(cloth, 0.3), 2);
    for (let i = 1; i < 6; i++) {
      const fx = x - w / 2 + (w * i) / 6;
      stroke(g, [p(fx, ty + 10), p(fx + (fx - x) * 0.05, ty + 70)], 2, darken(cloth, 0.14), 0.7);
    }
  } else {
    shape(g, surface, lighten(top, 0.1), darken(top, 0.4), 2);
    box(g, x - w / 2, ty - 2, w, 14, top, darken(top, 0.4), 2);
  }
}

function chair(
  g: G,
  x: number,
  y: number,
  c: number,
  wood = 0x8a6040,
  facing: 'front' | 'left' | 'right' = 'front',
): void {
  const line = darken(wood, 0.4);
  if (facing === 'front') {
    box(g, x - 36, y - 190, 72, 10, wood, line, 1.5, 4);
    box(g, x - 30, y - 180, 60, 70, c, darken(c, 0.4), 1.5, 6);
    for (const lx of [x - 36, x + 28]) box(g, lx, y - 190, 8, 190, wood, line, 1.5);
    box(g, x - 42, y - 104, 84, 16, c, darken(c, 0.4), 1.5, 5);
    return;
  }
  const d = facing === 'left' ? -1 : 1;
  // Side view: back upright on the far side.
  box(g, x - d * 34 - 5, y - 200, 10, 200, wood, line, 1.5);
  box(g, x - d * 34 - (d > 0 ? 0 : -4), y - 186, d * 10, 70, c, darken(c, 0.4), 1);
  box(g, x - 40, y - 100, 80, 14, c, darken(c, 0.4), 1.5, 5);
  box(g, x + d * 30 - 4, y - 88, 8, 88, wood, line, 1.5);
}

function shelves(g: G, x: number, y: number, w: number, h: number, wood = 0xa27a52): void {
  box(g, x, y, w, h, darken(wood, 0.15), darken(wood, 0.45), 2);
  const rows = Math.max(2, Math.round(h / 95));
  const rand = rng(Math.round(x + h));
  const spine = [0x3a5a8a, 0x8a3a3a, 0x4a7a4a, 0xc8a040, 0x6a4a7a, 0x2a6a7a, 0xd8d0c0];
  for (let r = 0; r < rows; r++) {
    const sy = y + (h * (r + 1)) / rows;
    rect(g, x, sy - 8, w, 8, wood);
    let bx = x + 8;
    while (bx < x + w - 24) {
      const bw = 10 + rand() * 14;
      const bh = h / rows - 22 - rand() * 18;
      if (rand() < 0.12) {
        bx += 20;
        continue;
      }
      box(g, bx, sy - 8 - bh, bw, bh, spine[Math.floor(rand() * spine.length)]!, 0x2a2a2a, 1);
      bx += bw + 2;
    }
  }
}

function filingCabinet(g: G, x: number, y: number, w: number, h: number, c = 0xb8bec4): void {
  box(g, x, y - h, w, h, c, darken(c, 0.4), 2);
  const n = 4;
  for (let i = 0; i < n; i++) {
    const dy = y - h + 8 + (i * (h - 16)) / n;
    box(g, x + 8, dy, w - 16, (h - 16) / n - 8, lighten(c, 0.08), darken(c, 0.3), 1.5);
    box(g, x + w / 2 - 18, dy + 14, 36, 8, darken(c, 0.3), darken(c, 0.5), 1, 3);
    box(g, x + w / 2 - 14, dy + 30, 28, 14, 0xf4f1e8, darken(c, 0.3), 1);
  }
}

function bed(g: G, x: number, y: number, w: number, blanket: number, rails: boolean): void {
  const h = 150;
  const frame = rails ? 0xb8c0c8 : 0x9a7250;
  // Headboard on the left.
  box(g, x - w / 2, y - h - 130, 26, h + 130, frame, darken(frame, 0.4), 2, 8);
  box(g, x + w / 2 - 22, y - h - 50, 22, h + 50, frame, darken(frame, 0.4), 2, 8);
  // Base and wheels / legs.
  box(g, x - w / 2 + 20, y - h * 0.55, w - 40, 24, darken(frame, 0.15), darken(frame, 0.4), 2);
  for (const lx of [x - w / 2 + 50, x + w / 2 - 70]) {
    if (rails) {
      circle(g, lx + 10, y - 12, 12, 0x404448);
      circle(g, lx + 10, y - 12, 4, 0xaab0b6);
    } else {
      box(g, lx, y - h * 0.4, 14, h * 0.4, frame, darken(frame, 0.4), 1.5);
    }
  }
  // Mattress, sheet, blanket, pillow.
  box(g, x - w / 2 + 24, y - h, w - 46, 44, 0xf6f6f2, 0xb0aca0, 2, 10);
  const bl = [
    p(x - w / 2 + 150, y - h - 20),
    p(x + w / 2 - 18, y - h - 14),
    p(x + w / 2 - 14, y - h + 70),
    p(x - w / 2 + 140, y - h + 66),
  ];
  shape(g, bl, blanket, darken(blanket, 0.35), 2);
  ribbonFill(
    g,
    [p(x - w / 2 + 150, y - h - 16), p(x + w / 2 - 18, y - h - 10)],
    () => 14,
    lighten(blanket, 0.25),
    1,
  );
  for (let i = 1; i < 5; i++) {
    const fx = x - w / 2 + 150 + (i * (w - 170)) / 5;
    stroke(g, [p(fx, y - h), p(fx + 6, y - h + 62)], 2, darken(blanket, 0.12), 0.8);
  }
  shape(g, ellipsePts(x - w / 2 + 90, y - h - 12, 64, 24, 20), 0xfbfbf8, 0xb8b4a8, 2);
  if (rails) {
    // Side rail, partly raised.
    box(g, x - w / 2 + 60, y - h - 44, w * 0.45, 10, 0xd0d6dc, 0x808890, 1.5, 4);
    box(g, x - w / 2 + 60, y - h - 8, w * 0.45, 8, 0xd0d6dc, 0x808890, 1.5, 4);
    for (let i = 0; i < 6; i++) {
      const rx = x - w / 2 + 66 + (i * w * 0.43) / 5;
      rect(g, rx, y - h - 36, 5, 30, 0xc0c6cc);
    }
  }
}

function tissues(g: G, x: number, y: number): void {
  box(g, x - 28, y - 30, 56, 30, 0x9fc4c8, 0x5a7a80, 1.5, 3);
  fill(
    g,
    [
      p(x - 18, y - 44),
      p(x - 2, y - 52),
      p(x + 6, y - 36),
      p(x + 18, y - 48),
      p(x + 12, y - 30),
      p(x - 14, y - 30),
    ],
    0xffffff,
  );
  stroke(g, [p(x - 18, y - 44), p(x - 2, y - 52), p(x + 6, y - 36), p(x + 18, y - 48)], 1.2, 0xb0b0b0);
  circle(g, x + 14, y - 18, 5, 0xe8f0a8, 0.8);
}

function jug(g: G, x: number, y: number): void {
  const body = [
    p(x - 20, y - 70),
    p(x + 18, y - 70),
    p(x + 24, y - 8),
    ...quad(p(x + 24, y - 8), p(x, y + 4), p(x - 24, y - 8), 6),
    p(x - 20, y - 70),
  ];
  shape(g, body, 0xdff0f8, 0x7aa0b8, 2, 0.9);
  rect(g, x - 20, y - 44, 42, 36, 0x9fd0ec, 0.45);
  ribbonFill(g, quad(p(x + 20, y - 62), p(x + 42, y - 48), p(x + 22, y - 24), 8), () => 5, 0x7aa0b8, 0.9);
  for (const gx of [x + 50, x + 80]) {
    shape(
      g,
      [p(gx - 11, y - 34), p(gx + 11, y - 34), p(gx + 9, y), p(gx - 9, y)],
      0xeaf4f8,
      0x8aaab8,
      1.5,
      0.85,
    );
    rect(g, gx - 9, y - 18, 18, 16, 0x9fd0ec, 0.4);
  }
}

function radiator(g: G, x: number, w: number): void {
  const y = FLOOR - 40;
  box(g, x, y - 150, w, 150, 0xf4f2ee, 0xb8b2a8, 2, 6);
  for (let rx = x + 12; rx < x + w - 8; rx += 16) rect(g, rx, y - 140, 6, 130, 0xe2ded6);
}

/** A wooden handrail on brackets, broken at door openings ([from, to] pairs). */
function handrail(g: G, W: number, y: number, gaps: [number, number][] = []): void {
  const runs: [number, number][] = [];
  let start = -20;
  for (const [a, b] of [...gaps].sort((m, n) => m[0] - n[0])) {
    if (a > start) runs.push([start, a]);
    start = Math.max(start, b);
  }
  if (start < W) runs.push([start, W + 20]);
  for (const [a, b] of runs) {
    if (b - a < 40) continue;
    const brackets = b - a < 220 ? [(a + b) / 2] : [a + 30, (a + b) / 2, b - 40];
    for (const x of brackets) box(g, x, y, 10, 26, 0xa0a4a8, 0x707478, 1.5);
    box(g, a, y - 14, b - a, 18, 0xb58a5c, 0x7a5a3a, 2, 8);
    rect(g, a + 6, y - 10, b - a - 12, 4, lighten(0xb58a5c, 0.3), 0.8);
  }
}

function ceilingLight(g: G, x: number, w: number): void {
  box(g, x - w / 2, 16, w, 18, 0xfdfcf8, 0xc8c2b8, 1.5, 4);
  fill(g, [p(x - w / 2, 34), p(x + w / 2, 34), p(x + w * 0.9, 120), p(x - w * 0.9, 120)], 0xfffbe8, 0.12);
}

function exitSign(g: G, x: number, y: number): void {
  box(g, x, y, 120, 44, 0x1f8a4c, 0x145a32, 2, 3);
  // Running figure and arrow, simplified.
  circle(g, x + 26, y + 12, 5, 0xffffff);
  stroke(g, [p(x + 24, y + 18), p(x + 20, y + 32), p(x + 12, y + 38)], 4, 0xffffff);
  stroke(g, [p(x + 20, y + 32), p(x + 30, y + 38)], 4, 0xffffff);
  stroke(g, [p(x + 14, y + 22), p(x + 32, y + 22)], 4, 0xffffff);
  fill(
    g,
    [
      p(x + 56, y + 16),
      p(x + 92, y + 16),
      p(x + 92, y + 8),
      p(x + 108, y + 22),
      p(x + 92, y + 36),
      p(x + 92, y + 28),
      p(x + 56, y + 28),
    ],
    0xffffff,
  );
}

function handGel(g: G, x: number, y: number): void {
  box(g, x - 18, y, 36, 64, 0xf4f4f4, 0x909090, 1.5, 5);
  rect(g, x - 14, y + 14, 28, 30, 0x6ab0d8, 0.8);
  box(g, x - 6, y + 64, 12, 10, 0xd0d0d0, 0x909090, 1);
}

function vase(g: G, x: number, y: number, scale = 1): void {
  const s = scale;
  for (let i = 0; i < 5; i++) {
    const a = -Math.PI / 2 + (i - 2) * 0.35;
    const fx = x + Math.cos(a) * 34 * s;
    const fy = y - 40 * s + Math.sin(a) * 40 * s;
    stroke(g, [p(x, y - 30 * s), p(fx, fy)], 2, 0x5d7e42);
    circle(g, fx, fy, 8 * s, [0xf0b840, 0xd2526a, 0xffffff, 0xe88aa0, 0x9a7ad0][i]!);
  }
  shape(
    g,
    [p(x - 10 * s, y - 36 * s), p(x + 10 * s, y - 36 * s), p(x + 14 * s, y), p(x - 14 * s, y)],
    0x7aa6c0,
    0x4a6a80,
    1.5,
  );
}

function photoFrames(g: G, x: number, y: number): void {
  const frames: [number, number, number, number][] = [
    [x - 40, y - 70, 46, 60],
    [x + 12, y - 56, 56, 46],
  ];
  for (const [fx, fy, fw, fh] of frames) {
    picture(g, fx, fy, fw, fh, 'photo', 0xc8a060);
    fill(
      g,
      [p(fx + fw * 0.6, fy + fh), p(fx + fw * 0.8, fy + fh), p(fx + fw * 0.7, fy + fh * 0.4)],
      0x000000,
      0.15,
    );
  }
}

function computer(g: G, x: number, y: number): void {
  box(g, x - 70, y - 120, 140, 92, 0x2a2e34, 0x1a1c20, 2, 6);
  rect(g, x - 62, y - 112, 124, 76, 0x4a78a8);
  // Something on screen: a form.
  rect(g, x - 56, y - 106, 112, 12, 0xdde8f4);
  for (let i = 0; i < 4; i++) rect(g, x - 52, y - 86 + i * 12, 60 + ((i * 23) % 40), 5, 0xdde8f4, 0.8);
  box(g, x - 8, y - 28, 16, 20, 0x3a3e44, 0x1a1c20, 1.5);
  fill(g, ellipsePts(x, y - 6, 42, 7, 16), 0x3a3e44);
  box(g, x - 80, y + 6, 120, 12, 0xd8d8d4, 0x909090, 1.5, 3);
  box(g, x + 58, y + 6, 18, 12, 0xd8d8d4, 0x909090, 1.5, 5);
}

// ---------------------------------------------------------------------------------------------
// Fittings for a home, a front desk, a manager's office, a corridor at night and a phone call.

/** Through an open doorway, a small kitchen: cupboards, tiles, a worktop with the kettle on. */
function kitchenDoorway(g: G, x: number, w: number): void {
  const top = FLOOR - 440;
  const wall = 0xf1e8cc;
  rect(g, x - 16, top - 16, w + 32, FLOOR - top + 16, 0xf6f2ea);
  stroke(
    g,
    [p(x - 16, FLOOR), p(x - 16, top - 16), p(x + w + 16, top - 16), p(x + w + 16, FLOOR)],
    2,
    0xc8bfb0,
  );
  rect(g, x, top, w, FLOOR - top, wall);
  // Wall cupboards.
  const cupboard = 0xe6ddc8;
  const cw = (w - 24) / 2;
  for (let i = 0; i < 2; i++) {
    const cx = x + 8 + i * (cw + 8);
    box(g, cx, top + 14, cw, 110, cupboard, 0x9a8e78, 2, 3);
    box(g, cx + 10, top + 24, cw - 20, 90, lighten(cupboard, 0.2), 0xb0a690, 1.5, 3);
    box(g, cx + (i === 0 ? cw - 20 : 12), top + 92, 8, 22, 0x8a8478, 0x5a5448, 1, 3);
  }
  // Tiles between the cupboards and the worktop.
  const worktop = FLOOR - 132;
  for (let ty = top + 170; ty < worktop - 4; ty += 28)
    for (let tx = x + ((ty / 28) % 2) * 16; tx < x + w - 4; tx += 32)
      box(g, tx, ty, Math.min(30, x + w - tx), 26, 0xf8f6ee, 0xd8d2c0, 1);
  // Worktop and base units.
  box(g, x, worktop, w, 14, 0x9a7450, 0x6a4e32, 2);
  for (let i = 0; i < 2; i++) {
    const bx = x + 6 + i * ((w - 12) / 2);
    box(g, bx, worktop + 16, (w - 12) / 2 - 4, 96, cupboard, 0x9a8e78, 2, 3);
    box(g, bx + (w - 12) / 4 - 16, worktop + 26, 32, 6, 0x8a8478, 0x5a5448, 1, 3);
  }
  rect(g, x, FLOOR - 20, w, 20, 0xc8bca0);
  for (let tx = x; tx < x + w; tx += 24) rect(g, tx, FLOOR - 20, 12, 10, 0xb8aa8c, 0.8);
  // The kettle, a toaster and two mugs.
  kettle(g, x + w * 0.3, worktop);
  box(g, x + w * 0.62, worktop - 48, 70, 48, 0xc8ccd0, 0x808890, 2, 10);
  rect(g, x + w * 0.62 + 14, worktop - 48, 14, 4, 0x404448);
  rect(g, x + w * 0.62 + 40, worktop - 48, 14, 4, 0x404448);
  for (const [i, c] of [0x4a7aa0, 0xd8a040].entries()) {
    const mx = x + w * 0.86 + i * 26;
    box(g, mx - 10, worktop - 26, 20, 26, c, darken(c, 0.4), 1.5, 3);
  }
  // It is another room: a touch dimmer.
  rect(g, x, top, w, FLOOR - top, 0x3a2a20, 0.06);
}

function kettle(g: G, x: number, y: number): void {
  // A plain white jug kettle on its base, a water window, and a wisp of steam from the spout.
  const c = 0xf4f1ea;
  const line = 0x8a8478;
  box(g, x - 34, y - 10, 68, 10, 0x505458, 0x303438, 1.5, 3);
  ribbonFill(g, quad(p(x + 20, y - 74), p(x + 56, y - 62), p(x + 28, y - 18), 10), () => 11, darken(c, 0.12));
  const body = [p(x - 32, y - 10), p(x + 32, y - 10), p(x + 24, y - 76), p(x - 20, y - 76)];
  shape(g, body, c, line, 2);
  shape(g, [p(x - 20, y - 76), p(x - 34, y - 84), p(x - 30, y - 72), p(x - 24, y - 60)], c, line, 2);
  fill(g, ellipsePts(x + 2, y - 76, 22, 6, 16), darken(c, 0.08));
  box(g, x - 4, y - 86, 12, 8, darken(c, 0.2), line, 1, 3);
  box(g, x + 8, y - 62, 8, 40, 0x9fd0ec, 0x6a90a8, 1, 3);
  for (let i = 0; i < 4; i++)
    circle(g, x - 40 - i * 5 + (i % 2) * 6, y - 96 - i * 16, 7 + i * 3, 0xffffff, 0.5 - i * 0.1);
}

/** A chimney breast with a painted fire surround, an electric fire and a mirror above it. */
function fireplace(g: G, x: number, wall: number): void {
  const bw = 180;
  rect(g, x - bw, 21, bw * 2, FLOOR - 21, lighten(wall, 0.14));
  rect(g, x - bw, 21, 6, FLOOR - 21, darken(wall, 0.1), 0.7);
  rect(g, x + bw - 6, 21, 6, FLOOR - 21, darken(wall, 0.1), 0.7);
  // Mirror.
  const mw = 230;
  rect(g, x - mw / 2 + 5, 126, mw, 160, 0x000000, 0.1);
  box(g, x - mw / 2, 120, mw, 160, 0xc8a060, 0x7a6030, 2, 4);
  rect(g, x - mw / 2 + 12, 132, mw - 24, 136, 0xd6e0e2);
  rect(g, x - mw / 2 + 12, 132 + 98, mw - 24, 38, 0xc8d0d0);
  fill(g, [p(x - 60, 268), p(x + 10, 132), p(x + 40, 132), p(x - 30, 268)], 0xffffff, 0.3);
  // Surround and mantelpiece.
  const top = 340;
  const sw = 300;
  const surround = 0xf6f2ea;
  box(g, x - sw / 2, top, sw, FLOOR - top, surround, 0xb8b0a4, 2);
  box(g, x - sw / 2 - 22, top - 18, sw + 44, 20, lighten(surround, 0.3), 0xb8b0a4, 2, 3);
  rect(g, x - sw / 2 - 18, top + 2, sw + 36, 5, 0x000000, 0.08);
  // The fire: a black inset, a brass trim, glowing coal-effect bars.
  box(g, x - 100, top + 40, 200, FLOOR - top - 40, 0x2c2826, 0x1a1614, 2);
  box(g, x - 86, top + 80, 172, FLOOR - top - 84, 0x3a3230, 0xb08a48, 4);
  for (let i = 0; i < 5; i++)
    fill(g, ellipsePts(x, FLOOR - 48, 110 - i * 18, 26 - i * 4, 20), 0xff9a40, 0.08);
  for (let i = 0; i < 7; i++)
    circle(g, x - 60 + i * 20, FLOOR - 44 - (i % 2) * 8, 11, i % 3 ? 0xd86a30 : 0xf0a050, 0.9);
  // Hearth.
  fill(
    g,
    [
      p(x - sw / 2 - 10, FLOOR),
      p(x + sw / 2 + 10, FLOOR),
      p(x + sw / 2 + 24, FLOOR + 30),
      p(x - sw / 2 - 24, FLOOR + 30),
    ],
    0xb0a898,
  );
  rect(g, x - sw / 2 - 24, FLOOR + 30, sw + 48, 6, 0x8a8478);
  // On the mantelpiece: a carriage clock, photos, a birthday card.
  const my = top - 18;
  box(g, x - 22, my - 54, 44, 54, 0xc8a050, 0x7a6030, 1.5, 4);
  circle(g, x, my - 30, 14, 0xfbf8f0);
  stroke(g, [p(x, my - 30), p(x, my - 40)], 2, 0x303030);
  stroke(g, [p(x, my - 30), p(x + 7, my - 28)], 2, 0x303030);
  picture(g, x - 120, my - 58, 44, 58, 'photo', 0xc8a060);
  picture(g, x - 66, my - 46, 38, 46, 'photo', 0x8a6a4a);
  fill(g, [p(x + 60, my), p(x + 78, my - 56), p(x + 96, my)], 0xf4c6d0);
  fill(g, [p(x + 78, my - 56), p(x + 96, my), p(x + 112, my), p(x + 94, my - 56)], 0xfbf3f4);
  stroke(g, [p(x + 60, my), p(x + 78, my - 56), p(x + 94, my - 56), p(x + 112, my)], 1.5, 0xb08088);
  box(g, x + 122, my - 40, 14, 40, 0xf4efe4, 0xb0a890, 1.5, 3);
}

/** An old-fashioned house phone: a cream body with a dial, the handset resting on top. */
function telephone(g: G, x: number, y: number): void {
  const c = 0xefe6d4;
  const line = 0x8a8070;
  shape(g, [p(x - 34, y), p(x + 34, y), p(x + 24, y - 30), p(x - 24, y - 30)], c, line, 1.5);
  circle(g, x, y - 14, 10, lighten(c, 0.4));
  stroke(g, ellipsePts(x, y - 14, 10, 10, 16), 1.2, line, 1, true);
  circle(g, x, y - 14, 3, line);
  ribbonFill(g, quad(p(x - 30, y - 36), p(x, y - 46), p(x + 30, y - 36), 10), () => 9, c);
  for (const side of [-1, 1]) shape(g, ellipsePts(x + side * 32, y - 34, 12, 7, 14), c, line, 1.5);
  stroke(g, quad(p(x - 30, y - 40), p(x, y - 50), p(x + 30, y - 40), 10), 1.5, line);
}

/** A crocheted blanket of granny squares over the back of an armchair. */
function throwBlanket(g: G, x: number, y: number, w: number): void {
  const colours = [0xd86a5a, 0xf0c050, 0x6a9ac0, 0x8ab070, 0xb07ab0, 0xf4efe4];
  const cols = 5;
  const rows = 3;
  const s = (w * 0.6) / cols;
  const x0 = x - (s * cols) / 2;
  const y0 = y - w * 1.3 * 0.88;
  box(g, x0 - 4, y0 - 4, s * cols + 8, s * rows + 8, 0xf4efe4, 0x9a8e78, 1.5, 4);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const cx = x0 + c * s;
      const cy = y0 + r * s;
      box(g, cx + 1, cy + 1, s - 2, s - 2, colours[(r * 2 + c) % colours.length]!, 0x8a7e68, 1);
      rect(g, cx + s * 0.3, cy + s * 0.3, s * 0.4, s * 0.4, colours[(r + c * 3 + 2) % colours.length]!);
    }
}

/** A walking frame, seen from the front: (x, y) is the floor under its middle. */
function walkingFrame(g: G, x: number, y: number): void {
  const c = 0xc4cad0;
  const line = 0x6a7078;
  for (const side of [-1, 1]) box(g, x + side * 46 - 3, y - 300, 7, 286, darken(c, 0.12), line, 1.2);
  for (const side of [-1, 1]) {
    box(g, x + side * 60 - 5, y - 320, 10, 308, c, line, 1.5);
    box(g, x + side * 60 - 8, y - 344, 16, 40, 0x3e4248, 0x22252a, 1.5, 6);
    circle(g, x + side * 60, y - 10, 12, 0x3e4248);
    circle(g, x + side * 60, y - 10, 4, 0xaab0b6);
  }
  box(g, x - 60, y - 236, 120, 8, c, line, 1.5, 3);
  box(g, x - 46, y - 150, 92, 6, darken(c, 0.1), line, 1.2, 3);
}

/** Capital letters as strokes in a box 0.7 wide and 1 high, for signs; only the ones used. */
const LETTERS: Record<string, [number, number][][]> = {
  C: [
    [
      [0.7, 0.2],
      [0.55, 0],
      [0.15, 0],
      [0, 0.15],
      [0, 0.85],
      [0.15, 1],
      [0.55, 1],
      [0.7, 0.8],
    ],
  ],
  E: [
    [
      [0.66, 0],
      [0, 0],
      [0, 1],
      [0.66, 1],
    ],
    [
      [0, 0.5],
      [0.54, 0.5],
    ],
  ],
  I: [
    [
      [0.2, 0],
      [0.2, 1],
    ],
  ],
  N: [
    [
      [0, 1],
      [0, 0],
      [0.7, 1],
      [0.7, 0],
    ],
  ],
  O: [
    [
      [0.15, 0],
      [0.55, 0],
      [0.7, 0.15],
      [0.7, 0.85],
      [0.55, 1],
      [0.15, 1],
      [0, 0.85],
      [0, 0.15],
      [0.15, 0],
    ],
  ],
  P: [
    [
      [0, 1],
      [0, 0],
      [0.52, 0],
      [0.7, 0.13],
      [0.7, 0.39],
      [0.52, 0.52],
      [0, 0.52],
    ],
  ],
  R: [
    [
      [0, 1],
      [0, 0],
      [0.52, 0],
      [0.7, 0.13],
      [0.7, 0.37],
      [0.52, 0.5],
      [0, 0.5],
    ],
    [
      [0.34, 0.5],
      [0.7, 1],
    ],
  ],
  T: [
    [
      [0, 0],
      [0.7, 0],
    ],
    [
      [0.35, 0],
      [0.35, 1],
    ],
  ],
};

/** Sign lettering centred on cx, capitals h high, drawn as round-ended strokes lw wide. */
function signText(g: G, text: string, cx: number, y: number, h: number, lw: number, colour: number): void {
  const advance = (ch: string) => (ch === 'I' ? 0.4 : 0.7) + 0.3;
  const total = ([...text].reduce((n, ch) => n + advance(ch), 0) - 0.3) * h;
  let x = cx - total / 2;
  for (const ch of text) {
    for (const line of LETTERS[ch] ?? []) {
      const pts = line.map(([u, v]) => p(x + u * h, y + v * h));
      for (let i = 0; i < pts.length - 1; i++) ribbonFill(g, [pts[i]!, pts[i + 1]!], () => lw, colour);
      for (const q of pts) circle(g, q.x, q.y, lw / 2, colour);
    }
    x += advance(ch) * h;
  }
}

/** Glass entrance doors onto the garden, with push bars; the opening reaches the floor. */
function entranceDoors(g: G, x: number, w: number): void {
  const top = FLOOR - 450;
  const frame = 0x5e646c;
  rect(g, x - 14, top - 14, w + 28, FLOOR - top + 14, frame);
  drawView(g, x, top, w, FLOOR - top, 'garden');
  rect(g, x, top, w, FLOOR - top, 0xe4f0f2, 0.22);
  rect(g, x + w / 2 - 6, top, 12, FLOOR - top, frame);
  rect(g, x, FLOOR - 30, w, 30, frame);
  rect(g, x, top, w, 10, frame);
  for (const side of [-1, 1]) {
    const hx = x + w / 2 + side * 26;
    box(g, hx - 4, top + 190, 8, 120, 0xd0d4d8, 0x808890, 1.5, 3);
    const px = x + w / 2 + side * (w / 4);
    fill(
      g,
      [p(px - 30, top + 150), p(px + 10, top + 60), p(px + 26, top + 60), p(px - 14, top + 150)],
      0xffffff,
      0.25,
    );
  }
  // A doormat inside.
  fill(
    g,
    [p(x - 10, FLOOR + 8), p(x + w + 10, FLOOR + 8), p(x + w + 40, FLOOR + 70), p(x - 40, FLOOR + 70)],
    0x55585a,
  );
  stroke(
    g,
    [p(x - 4, FLOOR + 14), p(x + w + 4, FLOOR + 14), p(x + w + 30, FLOOR + 64), p(x - 30, FLOOR + 64)],
    2,
    0x6a6e70,
    1,
    true,
  );
}

/** The door-entry panel: keypad, speaker and a call button with a light. */
function entryPanel(g: G, x: number, y: number): void {
  box(g, x, y, 56, 96, 0xd8dcdf, 0x808890, 1.5, 4);
  for (let i = 0; i < 4; i++) rect(g, x + 14, y + 10 + i * 5, 28, 2, 0x606870);
  for (let r = 0; r < 4; r++)
    for (let c = 0; c < 3; c++) box(g, x + 9 + c * 14, y + 36 + r * 12, 10, 8, 0xf4f6f8, 0x909aa2, 1, 2);
  circle(g, x + 28, y + 88, 3, 0x40c060);
}

/** A reception counter: a raised ledge across the front, the desk behind it out of sight. */
function receptionCounter(g: G, x0: number, x1: number): void {
  const top = 372;
  const bottom = FLOOR + 70;
  // Behind: the receptionist's chair and the back of a monitor.
  box(g, x1 - 250, top - 96, 110, 110, 0x2e3a48, 0x151a20, 2, 18);
  box(g, x0 + (x1 - x0) * 0.56, top - 106, 150, 96, 0x3a3e44, 0x1a1c20, 2, 6);
  box(g, x0 + (x1 - x0) * 0.56 + 66, top - 14, 18, 14, 0x3a3e44, 0x1a1c20, 1.5);
  // Ledge and front.
  const wood = 0xc89c6e;
  fill(g, [p(x0 + 12, top - 26), p(x1 - 12, top - 26), p(x1, top), p(x0, top)], lighten(wood, 0.12));
  stroke(
    g,
    [p(x0 + 12, top - 26), p(x1 - 12, top - 26), p(x1, top), p(x0, top)],
    2,
    darken(wood, 0.4),
    1,
    true,
  );
  box(g, x0, top, x1 - x0, 18, wood, darken(wood, 0.4), 2);
  const front = 0xece6da;
  box(g, x0 + 10, top + 18, x1 - x0 - 20, bottom - top - 18, front, 0xa89e8e, 2);
  for (let sx = x0 + 40; sx < x1 - 40; sx += 34)
    rect(g, sx, top + 40, 16, bottom - top - 90, darken(wood, 0.02), 0.35);
  rect(g, x0 + 10, bottom - 30, x1 - x0 - 20, 30, 0x8a8478);
  rect(g, x0 + 10, top + 18, x1 - x0 - 20, 5, 0x000000, 0.08);
  // On the ledge: hand gel, the visitors' book and a pen, a bell, flowers.
  const ly = top - 6;
  const gx = x0 + 50;
  box(g, gx - 14, ly - 50, 28, 50, 0xf4f4f4, 0x909090, 1.5, 5);
  rect(g, gx - 10, ly - 38, 20, 22, 0x6ab0d8, 0.8);
  box(g, gx - 4, ly - 62, 8, 12, 0xd0d0d0, 0x909090, 1);
  box(g, gx - 4, ly - 64, 18, 5, 0xd0d0d0, 0x909090, 1);
  const bx = x0 + (x1 - x0) * 0.26;
  fill(g, [p(bx - 80, ly - 16), p(bx, ly - 12), p(bx - 2, ly + 2), p(bx - 86, ly - 2)], 0xfbfaf6);
  fill(g, [p(bx, ly - 12), p(bx + 80, ly - 16), p(bx + 86, ly - 2), p(bx + 2, ly + 2)], 0xf6f4ec);
  stroke(
    g,
    [p(bx - 86, ly - 2), p(bx - 80, ly - 16), p(bx, ly - 12), p(bx + 80, ly - 16), p(bx + 86, ly - 2)],
    1.5,
    0xa0a0a0,
  );
  rect(g, bx - 86, ly, 172, 4, 0x2a4a6a);
  stroke(g, [p(bx + 30, ly - 8), p(bx + 96, ly - 20)], 3, 0x2a2a60);
  const cx = x0 + (x1 - x0) * 0.46;
  fill(g, ellipsePts(cx, ly - 2, 22, 6, 16), 0x3a3a3a);
  fill(g, ellipsePts(cx, ly - 4, 18, 16, 16, Math.PI, Math.PI * 2), 0xd8dce0);
  circle(g, cx, ly - 22, 4, 0xb8bcc0);
  fill(g, [p(cx - 8, ly - 16), p(cx - 2, ly - 16), p(cx - 10, ly - 6)], 0xffffff, 0.6);
  vase(g, x1 - 70, ly, 0.9);
}

/** The "who's who" board of staff photos that most homes have by the door. */
function staffBoard(g: G, x: number, y: number, w: number, h: number): void {
  rect(g, x + 4, y + 6, w, h, 0x000000, 0.1);
  box(g, x, y, w, h, 0xfbfaf6, 0x8a8478, 3, 4);
  rect(g, x + 3, y + 3, w - 6, 24, 0x3a6a8a);
  stroke(g, [p(x + w * 0.3, y + 15), p(x + w * 0.7, y + 15)], 4, 0xfbfaf6);
  const skins = [0xeebf9c, 0x8e5b3b, 0xd5a078, 0x5e3b28, 0xf6dccb, 0xb9825a, 0xeebf9c, 0xd5a078];
  const hair = [0x6b4630, 0x24201f, 0x9c9893, 0x24201f, 0xd8b46f, 0x3f2a1f, 0x8a3f24, 0x24201f];
  const cols = 4;
  const cw = (w - 20) / cols;
  for (let i = 0; i < 8; i++) {
    const px = x + 10 + (i % cols) * cw + cw / 2;
    const py = y + 40 + Math.floor(i / cols) * ((h - 50) / 2);
    rect(g, px - cw * 0.36, py, cw * 0.72, (h - 50) / 2 - 18, 0xd8e0e6);
    fill(g, ellipsePts(px, py + (h - 50) / 2 - 18, cw * 0.3, 14, 12, Math.PI, Math.PI * 2), 0x3b5b8f);
    circle(g, px, py + 18, 9, skins[i]!);
    fill(g, ellipsePts(px, py + 12, 10, 6, 10), hair[i]!);
    rect(g, px - cw * 0.3, py + (h - 50) / 2 - 14, cw * 0.6, 3, 0x707070);
  }
}

/** A rack of leaflets on the wall. */
function leafletRack(g: G, x: number, y: number, w: number): void {
  box(g, x, y, w, 96, 0xe8eef0, 0xa0aaac, 2, 4);
  const colours = [0x6ab0d8, 0xe8a0b0, 0xa0c890, 0xf0c860, 0xb8a0d8, 0xf4efe4];
  const n = Math.max(3, Math.floor(w / 40));
  for (let i = 0; i < n; i++) {
    const lx = x + 8 + (i * (w - 16)) / n;
    box(g, lx, y + 10, (w - 16) / n - 6, 44, colours[i % colours.length]!, 0x8a8478, 1);
    rect(g, lx + 4, y + 22, (w - 16) / n - 14, 3, 0xffffff, 0.8);
    box(g, lx, y + 40, (w - 16) / n - 6, 50, 0xf6fafc, 0xa0aaac, 1, 2);
  }
}

/** A poster with a coloured rating, as a care home must display its inspection rating. */
function ratingPoster(g: G, x: number, y: number): void {
  rect(g, x + 3, y + 4, 80, 110, 0x000000, 0.1);
  box(g, x, y, 80, 110, 0xfbfaf6, 0x8a8478, 2, 2);
  rect(g, x + 6, y + 6, 68, 16, 0x3a3a6a);
  box(g, x + 14, y + 32, 52, 36, 0x3a8a5a, 0x2a6a40, 1.5, 3);
  stroke(g, [p(x + 24, y + 50), p(x + 56, y + 50)], 4, 0xffffff);
  for (let i = 0; i < 4; i++) rect(g, x + 10, y + 78 + i * 7, 60 - (i % 2) * 16, 3, 0x909090);
}

/** Shelves of lever-arch files: wide spines, a label and a finger hole on each. */
function fileShelves(g: G, x: number, y: number, w: number, h: number, wood = 0x8a6a4a): void {
  box(g, x, y, w, h, darken(wood, 0.2), darken(wood, 0.5), 2);
  const rows = 4;
  const colours = [0x2a4a7a, 0x2a4a7a, 0x8a2a2a, 0x2a2a2e, 0x2a6a4a, 0x2a4a7a, 0x6a6a70];
  const rand = rng(Math.round(x + w));
  for (let r = 0; r < rows; r++) {
    const sy = y + (h * (r + 1)) / rows;
    rect(g, x, sy - 10, w, 10, wood);
    let fx = x + 10;
    const fh = h / rows - 34;
    // The bottom row is a cupboard.
    if (r === rows - 1) {
      for (let i = 0; i < 2; i++)
        box(
          g,
          x + 8 + i * ((w - 16) / 2),
          sy - h / rows + 4,
          (w - 16) / 2 - 4,
          h / rows - 18,
          wood,
          darken(wood, 0.45),
          2,
          3,
        );
      circle(g, x + w / 2 - 12, sy - h / rows / 2, 4, 0xc8b890);
      circle(g, x + w / 2 + 8, sy - h / rows / 2, 4, 0xc8b890);
      continue;
    }
    while (fx < x + w - 44) {
      const c = colours[Math.floor(rand() * colours.length)]!;
      box(g, fx, sy - 10 - fh, 34, fh, c, 0x1a1a1a, 1.5, 2);
      box(g, fx + 6, sy - 10 - fh + 16, 22, 30, 0xf6f2e8, 0x9a9080, 1);
      circle(g, fx + 17, sy - 10 - fh * 0.3, 6, darken(c, 0.5));
      fx += 36;
      if (rand() < 0.08) fx += 20;
    }
  }
}

/** A year planner: twelve rows of days, with leave and training marked in colour. */
function yearPlanner(g: G, x: number, y: number, w: number, h: number): void {
  rect(g, x + 5, y + 6, w, h, 0x000000, 0.1);
  box(g, x, y, w, h, 0xfdfdfb, 0x9aa0a6, 2, 2);
  rect(g, x + 4, y + 4, w - 8, 18, 0x2a5a8a);
  const gx = x + 30;
  const gw = w - 38;
  const gh = h - 34;
  const rowH = gh / 12;
  const colW = gw / 31;
  for (let r = 0; r <= 12; r++) rect(g, gx, y + 28 + r * rowH, gw, 1, 0xc0c4c8);
  for (let c = 0; c <= 31; c += 7) rect(g, gx + c * colW, y + 28, 1, gh, 0xd0d4d8);
  for (let r = 0; r < 12; r++) rect(g, x + 8, y + 28 + r * rowH + rowH * 0.35, 16, 3, 0x707070);
  const rand = rng(Math.round(x + y));
  const marks = [0xe07a5a, 0x5a9ad0, 0x6ab070, 0xf0c040, 0xb07ab0];
  for (let i = 0; i < 16; i++) {
    const r = Math.floor(rand() * 12);
    const c = Math.floor(rand() * 27);
    const len = 1 + Math.floor(rand() * 5);
    rect(
      g,
      gx + c * colW + 1,
      y + 28 + r * rowH + 1.5,
      len * colW - 2,
      rowH - 3,
      marks[i % marks.length]!,
      0.85,
    );
  }
}

/** A framed certificate: cream paper, a heading, lines of text and a seal. */
function certificate(g: G, x: number, y: number, w: number, h: number): void {
  rect(g, x + 4, y + 5, w, h, 0x000000, 0.12);
  box(g, x, y, w, h, 0x2e2a28, 0x141010, 2);
  rect(g, x + 6, y + 6, w - 12, h - 12, 0xf8f2e0);
  stroke(g, [p(x + w * 0.25, y + 22), p(x + w * 0.75, y + 22)], 4, 0x4a4038);
  for (let i = 0; i < 3; i++)
    rect(g, x + w * 0.18, y + 36 + i * 10, w * (0.64 - (i % 2) * 0.14), 2.5, 0x8a8070);
  circle(g, x + w * 0.78, y + h - 20, 10, 0xb03a3a);
  circle(g, x + w * 0.78, y + h - 20, 6, 0xd05050);
}

/** A soft glow: many faint discs, so no rings show. ry squashes it (for light on a floor). */
function glow(g: G, x: number, y: number, r: number, colour: number, strength = 0.3, ry = r): void {
  const n = 14;
  for (let i = 0; i < n; i++) {
    const k = 1 - i / n;
    fill(g, ellipsePts(x, y, r * k, ry * k, 32), colour, strength / n);
  }
}

/** A low night light on the wall, and the warm pool it leaves on the floor. */
function nightLight(g: G, x: number, y: number): void {
  glow(g, x, FLOOR + 36, 170, 0xffd89a, 0.35, 46);
  glow(g, x, y, 80, 0xffd090, 0.45);
  box(g, x - 20, y - 12, 40, 24, 0xfff0c8, 0xb8a070, 1.5, 6);
  rect(g, x - 14, y - 6, 28, 12, 0xffffff, 0.8);
}

/** A desk phone with the handset lifted: an empty cradle, a lit line and a coiled cord that
 * runs off towards the viewer, who is holding the handset. (x, y) is the middle of its front. */
function deskPhone(g: G, x: number, y: number): void {
  const body = 0x3c4148;
  const topFace = 0x4a5058;
  const line = 0x1c1f24;
  fill(g, ellipsePts(x, y + 6, 190, 14, 24), 0x000000, 0.12);
  // The cord first, so the base sits over its root.
  const coil: Pt[] = [];
  const from = p(x - 150, y - 26);
  const mid = p(x - 250, y + 40);
  const to = p(x - 300, DH + 40);
  const n = 260;
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const a = (1 - t) * (1 - t);
    const b = 2 * (1 - t) * t;
    const c = t * t;
    const cx = a * from.x + b * mid.x + c * to.x;
    const cy = a * from.y + b * mid.y + c * to.y;
    const r = 7 + 9 * t;
    const ang = t * Math.PI * 2 * 34;
    coil.push(p(cx + Math.cos(ang) * r, cy + Math.sin(ang) * r * 0.55));
  }
  stroke(g, coil, 4, 0x2a2e34);
  // Base: a low front face and a top that slopes up away from us.
  const w = 300;
  box(g, x - w / 2, y - 40, w, 40, body, line, 2, 6);
  const top = [
    p(x - w / 2, y - 40),
    p(x + w / 2, y - 40),
    p(x + w / 2 - 18, y - 132),
    p(x - w / 2 + 18, y - 132),
  ];
  shape(g, top, topFace, line, 2);
  // The cradle on the left, empty: the handset is in the learner's hand.
  const cradle = [p(x - 134, y - 50), p(x - 36, y - 50), p(x - 42, y - 122), p(x - 124, y - 122)];
  shape(g, cradle, 0x2a2e34, line, 1.5);
  fill(g, ellipsePts(x - 84, y - 60, 34, 8, 16), 0x22262b);
  fill(g, ellipsePts(x - 84, y - 112, 30, 7, 16), 0x22262b);
  box(g, x - 96, y - 92, 8, 14, 0xb8bec4, line, 1, 2);
  box(g, x - 80, y - 92, 8, 14, 0xb8bec4, line, 1, 2);
  // Display, lit, with the call's number and a timer.
  box(g, x - 20, y - 124, 140, 30, 0xbfe0b4, line, 1.5, 3);
  rect(g, x - 12, y - 117, 76, 5, 0x2a3a2a);
  rect(g, x - 12, y - 106, 40, 5, 0x2a3a2a);
  rect(g, x + 86, y - 106, 26, 5, 0x2a3a2a);
  // Keypad.
  for (let r = 0; r < 4; r++)
    for (let c = 0; c < 3; c++) {
      const kx = x - 14 + c * 32 - r * 1.5;
      const ky = y - 88 + r * 11;
      box(g, kx, ky, 26 + r, 8, 0xdfe2e4, 0x7a8088, 1, 2);
    }
  // Line keys down the right, one lit green.
  for (let r = 0; r < 3; r++) {
    box(g, x + 94, y - 88 + r * 14, 30, 9, 0x5a6068, line, 1, 2);
    circle(g, x + 132, y - 84 + r * 14, 3.5, r === 0 ? 0x50e070 : 0x30343a);
  }
  for (let i = 0; i < 3; i++) circle(g, x + 132, y - 84, 8 - i * 2, 0x80ff90, 0.12);
}

// ---------------------------------------------------------------------------------------------
// Rooms

function lounge(g: G, W: number): void {
  walls(g, W, { upper: 0xe9dfc9, lower: 0xb9c4a6, dado: 344, pattern: 'sprig' });
  skirting(g, W);
  carpet(g, W, 0x8f9a86);
  const cx = W * 0.5;
  windowFrame(g, cx - 170, 78, 340, 262, { curtains: 0x9b5f5a, view: 'garden' });
  lightPool(g, cx - 160, 320);
  rug(g, cx, 760, 0xb0785a);
  clock(g, W * 0.25, 112, 42);
  picture(g, W * 0.1, 150, 150, 112, 'hills');
  picture(g, W * 0.72, 132, 120, 150, 'flowers');
  picture(g, W * 0.84, 160, 130, 96, 'boat');
  radiator(g, cx - 120, 240);
  floorLamp(g, W * 0.93, FLOOR + 40);
  armchair(g, W * 0.2, FLOOR + 70, 210, 0x5f7f8a);
  armchair(g, W * 0.79, FLOOR + 70, 210, 0xa0695a);
  sideTable(g, W * 0.36, FLOOR + 50, 90, 140);
  tableLamp(g, W * 0.36, FLOOR + 50 - 140, 0.9);
  plant(g, W * 0.05, FLOOR + 60, 1.1);
  // A TV on a low unit, off, in the corner.
  box(g, W * 0.6, FLOOR - 70, 180, 90, 0x8a6a4a, 0x5a4030, 2);
  box(g, W * 0.6 + 14, FLOOR - 190, 152, 96, 0x25282c, 0x101214, 2, 4);
  rect(g, W * 0.6 + 22, FLOOR - 182, 136, 80, 0x3a4048);
  fill(
    g,
    [
      p(W * 0.6 + 30, FLOOR - 110),
      p(W * 0.6 + 80, FLOOR - 178),
      p(W * 0.6 + 100, FLOOR - 178),
      p(W * 0.6 + 50, FLOOR - 110),
    ],
    0xffffff,
    0.08,
  );
  box(g, W * 0.6 + 80, FLOOR - 94, 20, 26, 0x25282c, 0x101214, 1.5);
  vignette(g, W);
}

function quietRoom(g: G, W: number): void {
  walls(g, W, { upper: 0xdfe6e2, lower: 0xc3d2cc, dado: 344, pattern: 'none' });
  skirting(g, W);
  carpet(g, W, 0x9a8f86);
  windowFrame(g, W * 0.62, 90, 280, 240, { blind: 0xf2ead8, view: 'trees' });
  lightPool(g, W * 0.62, 260);
  picture(g, W * 0.15, 110, 180, 130, 'sea');
  picture(g, W * 0.3, 130, 90, 110, 'flowers', 0xd8d0c0);
  sofa(g, W * 0.3, FLOOR + 80, 420, 0x7d93a6);
  sideTable(g, W * 0.53, FLOOR + 60, 100, 130, 0xa88a66);
  tissues(g, W * 0.53 - 18, FLOOR + 60 - 130);
  tableLamp(g, W * 0.53 + 26, FLOOR + 60 - 130, 0.8);
  plant(g, W * 0.9, FLOOR + 60, 1.0);
  armchair(g, W * 0.78, FLOOR + 80, 200, 0x8fa08a);
  // A soft rug and a box of leaflets on the wall.
  rug(g, W * 0.45, 700, 0xb7a48c);
  box(g, W * 0.05, 160, 80, 120, 0xf4f2ec, 0xa09a90, 2, 4);
  for (let i = 0; i < 3; i++)
    rect(g, W * 0.05 + 10, 180 + i * 32, 60, 24, [0x8ab4d0, 0xd0a0b0, 0xa0c890][i]!);
  vignette(g, W);
}

function meetingRoom(g: G, W: number): void {
  walls(g, W, { upper: 0xe6e2da, pattern: 'none' });
  skirting(g, W, 0xe8e4dc);
  carpet(g, W, 0x6f7d8c);
  whiteboard(g, W * 0.08, 110, 360, 230);
  noticeBoard(g, W * 0.72, 110, 300, 210);
  windowFrame(g, W * 0.43, 80, 260, 250, { blind: 0xe8e4dc, view: 'street' });
  clock(g, W * 0.64, 110, 34);
  // Table across the room with chairs behind it.
  for (const fx of [0.22, 0.38, 0.62, 0.78]) chair(g, W * fx, FLOOR + 30, 0x4a6a8a);
  table(g, W * 0.5, FLOOR + 150, W * 0.78, 170, 0xc8a87e);
  jug(g, W * 0.46, FLOOR - 34);
  // Papers and a laptop on the table.
  box(g, W * 0.28, FLOOR - 24, 90, 14, 0xfbfaf6, 0xa0a0a0, 1);
  box(g, W * 0.3, FLOOR - 30, 90, 10, 0xf0f4fa, 0xa0a0a0, 1);
  fill(
    g,
    [
      p(W * 0.62, FLOOR - 20),
      p(W * 0.62 + 130, FLOOR - 20),
      p(W * 0.62 + 118, FLOOR - 96),
      p(W * 0.62 + 14, FLOOR - 96),
    ],
    0x3a3e44,
  );
  rect(g, W * 0.62 - 10, FLOOR - 22, 150, 8, 0xb0b4b8);
  plant(g, W * 0.94, FLOOR + 40, 0.9);
  vignette(g, W);
}

function office(g: G, W: number): void {
  walls(g, W, { upper: 0xe4e6dc, pattern: 'none' });
  skirting(g, W, 0xe8e4dc);
  carpet(g, W, 0x7a7f78);
  shelves(g, W * 0.06, 90, 300, 300);
  windowFrame(g, W * 0.4, 80, 260, 250, { blind: 0xeae6dc, view: 'street' });
  noticeBoard(g, W * 0.62, 100, 260, 190);
  clock(g, W * 0.9, 110, 34);
  picture(g, W * 0.84, 180, 140, 100, 'hills');
  // Desk with computer, papers, a mug and a phone.
  filingCabinet(g, W * 0.86, FLOOR + 40, 120, 260);
  // Office chair behind the desk, then the desk (top seen from standing height) and its things.
  const dx = W * 0.44;
  box(g, dx + 95, FLOOR - 250, 120, 150, 0x2e3a48, 0x151a20, 2, 18);
  box(g, dx + 105, FLOOR - 240, 100, 60, 0x3a4858, 0x151a20, 1.5, 14);
  const ty = FLOOR - 110;
  const dw = W * 0.5;
  const surface = [
    p(dx - dw * 0.465, ty - 52),
    p(dx + dw * 0.465, ty - 52),
    p(dx + dw / 2, ty),
    p(dx - dw / 2, ty),
  ];
  shape(g, surface, 0xd2b088, 0x7a5a3a, 2);
  box(g, dx - dw / 2, ty - 2, dw, 16, 0xc6a27a, 0x7a5a3a, 2);
  box(g, dx - dw / 2 + 10, ty + 14, 150, 160, 0xb89468, 0x7a5a3a, 2);
  for (let i = 0; i < 3; i++) {
    box(g, dx - dw / 2 + 20, ty + 22 + i * 50, 130, 42, 0xc6a27a, 0x7a5a3a, 1.5);
    box(g, dx - dw / 2 + 70, ty + 38 + i * 50, 30, 6, 0x8a8478, 0x5a5448, 1, 3);
  }
  box(g, dx + dw / 2 - 28, ty + 14, 18, 160, 0xb89468, 0x7a5a3a, 2);
  computer(g, dx, ty - 22);
  box(g, dx + dw * 0.22, ty - 30, 80, 14, 0xfbfaf6, 0xa0a0a0, 1);
  box(g, dx + dw * 0.23, ty - 38, 74, 10, 0xf6eec8, 0xa0a0a0, 1);
  box(g, dx - dw * 0.3, ty - 50, 26, 32, 0xb03a3a, 0x702020, 1.5, 4);
  ribbonFill(
    g,
    quad(p(dx - dw * 0.3 + 26, ty - 44), p(dx - dw * 0.3 + 40, ty - 36), p(dx - dw * 0.3 + 26, ty - 26), 6),
    () => 4,
    0xb03a3a,
  );
  // Desk phone.
  box(g, dx - dw * 0.4, ty - 34, 56, 24, 0x3a3e44, 0x1a1c20, 1.5, 6);
  box(g, dx - dw * 0.4 + 4, ty - 44, 48, 12, 0x4a4e54, 0x1a1c20, 1.5, 6);
  plant(g, W * 0.76, FLOOR + 50, 0.8);
  vignette(g, W);
}

function bedroom(g: G, W: number): void {
  walls(g, W, { upper: 0xeedfd0, lower: 0xd9c2b0, dado: 344, pattern: 'stripe' });
  skirting(g, W);
  carpet(g, W, 0x9c8a9a);
  windowFrame(g, W * 0.64, 80, 280, 250, { curtains: 0x6f8a9a, view: 'garden' });
  lightPool(g, W * 0.64, 260);
  // Memory wall: photos and a calendar-clock (helpful for orientation).
  picture(g, W * 0.08, 110, 110, 140, 'photo', 0xc8a060);
  picture(g, W * 0.2, 140, 150, 110, 'sea');
  picture(g, W * 0.34, 120, 90, 110, 'photo', 0x8a6a4a);
  box(g, W * 0.46, 120, 120, 96, 0xfbfaf6, 0x606060, 3, 6);
  rect(g, W * 0.46 + 6, 126, 108, 22, 0x2a6a8a);
  stroke(g, [p(W * 0.46 + 20, 172), p(W * 0.46 + 100, 172)], 6, 0x303030);
  stroke(g, [p(W * 0.46 + 30, 196), p(W * 0.46 + 90, 196)], 4, 0x707070);
  bed(g, W * 0.3, FLOOR + 80, 620, 0xc8889a, false);
  sideTable(g, W * 0.6, FLOOR + 50, 100, 140, 0xa07a56);
  photoFrames(g, W * 0.6, FLOOR + 50 - 140);
  tableLamp(g, W * 0.6 + 40, FLOOR + 50 - 140, 0.7);
  armchair(g, W * 0.86, FLOOR + 70, 190, 0x8a9a7a);
  plant(g, W * 0.96, FLOOR + 40, 0.7);
  vignette(g, W);
}

function corridor(g: G, W: number): void {
  walls(g, W, { upper: 0xe7e1d2, lower: 0xcdbfa6, dado: 330, pattern: 'none' });
  skirting(g, W, 0xd8d2c6);
  vinylFloor(g, W, 0xb9a98e);
  for (const fx of [0.2, 0.5, 0.8]) ceilingLight(g, W * fx, 160);
  // Doors with name plates and memory boxes beside them.
  const doorColours = [0x4f7a9a, 0x8a5a6a, 0x5a8a6a];
  for (const [i, fx] of [0.08, 0.42, 0.76].entries()) {
    const x = W * fx;
    door(g, x, 210, doorColours[i]!, 'name', [0xf0c040, 0x60a0d0, 0xe08080][i]);
    box(g, x + 240, 150, 90, 110, 0x8a6a4a, 0x5a4030, 3);
    rect(g, x + 248, 158, 74, 94, 0xf0e8d8);
    picture(g, x + 254, 166, 36, 44, 'photo', 0xc8a060);
    circle(g, x + 305, 228, 10, 0xd06070);
  }
  handrail(
    g,
    W,
    350,
    [0.08, 0.42, 0.76].map((fx) => [W * fx - 24, W * fx + 234] as [number, number]),
  );
  noticeBoard(g, W * 0.64, 110, 180, 130);
  exitSign(g, W * 0.3 - 40, 40);
  handGel(g, W * 0.33, 190);
  vignette(g, W);
}

function diningRoom(g: G, W: number): void {
  walls(g, W, { upper: 0xf0e4cc, lower: 0xc9a98a, dado: 344, pattern: 'stripe' });
  skirting(g, W);
  woodFloor(g, W, 0xb8946a);
  // Serving hatch into the kitchen.
  const hx = W * 0.08;
  rect(g, hx - 16, 110, 380, 230, 0xf4f0e6);
  rect(g, hx, 126, 348, 200, 0xd8dcd8);
  // Kitchen glimpsed: tiles and a trolley with cups.
  for (let y = 130; y < 300; y += 26)
    for (let x = hx + 4; x < hx + 344; x += 34) box(g, x, y, 32, 24, 0xeef2ee, 0xc8ccc8, 1);
  rect(g, hx + 40, 220, 260, 12, 0xb8c0c4);
  for (let i = 0; i < 6; i++) box(g, hx + 54 + i * 40, 200, 24, 20, 0xffffff, 0x9a9a9a, 1.5, 4);
  box(g, hx - 24, 326, 396, 18, 0xa07a56, 0x6a4a30, 2);
  // Roller shutter half up.
  rect(g, hx, 126, 348, 40, 0xc8ccd0);
  for (let y = 130; y < 166; y += 8) rect(g, hx, y, 348, 2, 0xa8acb0);
  // Menu board, clock, window.
  box(g, W * 0.34, 120, 150, 190, 0x3a4a3a, 0x6a4a30, 6, 4);
  for (let i = 0; i < 6; i++) rect(g, W * 0.34 + 20, 150 + i * 24, 80 + ((i * 29) % 30), 5, 0xf0f0e8, 0.85);
  clock(g, W * 0.52, 100, 38);
  windowFrame(g, W * 0.64, 80, 320, 250, { curtains: 0xc8a050, view: 'garden' });
  lightPool(g, W * 0.64, 300);
  // Two tables with cloths, chairs, place settings and flowers.
  for (const fx of [0.27, 0.73]) {
    const x = W * fx;
    for (const dx of [-70, 70]) chair(g, x + dx, FLOOR + 40, 0x7a5a8a);
    table(g, x, FLOOR + 140, 300, 170, 0x8a6a4a, 0xf4efe4);
    vase(g, x, FLOOR - 50, 0.8);
    for (const dx of [-90, 90]) {
      fill(g, ellipsePts(x + dx, FLOOR - 48, 28, 7, 16), 0xffffff);
      stroke(g, ellipsePts(x + dx, FLOOR - 48, 28, 7, 16), 1.5, 0xa0a0a0, 1, true);
    }
  }
  vignette(g, W);
}

function garden(g: G, W: number): void {
  // Sky.
  for (let i = 0; i < 36; i++) rect(g, 0, i * 10, W, 11, mix(0x9ccbe8, 0xe6f1f2, i / 35));
  for (const [cx, cy, s] of [
    [0.2, 80, 1],
    [0.55, 50, 0.8],
    [0.82, 110, 1.1],
  ] as const) {
    for (const [dx, dy, r] of [
      [-50, 10, 40],
      [0, -8, 54],
      [55, 8, 42],
      [20, 18, 44],
    ] as const) {
      circle(g, W * cx + dx * s, cy + dy * s, r * s, 0xffffff, 0.9);
    }
  }
  // Distant trees and the care home's brick wing on the right.
  const rand = rng(17);
  for (let i = 0; i < 12; i++) {
    const tx = (W * (i + 0.3)) / 11;
    const r = 70 + rand() * 50;
    fill(g, ellipsePts(tx, 330 - r * 0.4, r, r * 0.9, 24), mix(0x6a9a5a, 0x88ad6c, rand()));
  }
  const bx = W * 0.8;
  rect(g, bx, 60, W - bx, 440, 0xb0705a);
  for (let y = 64; y < 500; y += 18)
    for (let x = bx + ((y / 18) % 2) * 20; x < W; x += 40)
      rect(g, x, y, 38, 16, (x + y) % 3 === 0 ? 0xa6654f : 0xb87a62);
  windowFrame(g, bx + 60, 140, 160, 200, { view: 'trees' });
  // Fence.
  const fenceTop = 310;
  rect(g, 0, fenceTop, bx, 210, 0x9a7650);
  for (let x = 0; x < bx; x += 28) {
    box(g, x, fenceTop + (x % 56 === 0 ? 0 : 6), 26, 210, (x / 28) % 2 ? 0xa27c54 : 0x94704a, 0x6a4e32, 1);
  }
  rect(g, 0, fenceTop + 40, bx, 12, 0x7e5e3e);
  rect(g, 0, fenceTop + 160, bx, 12, 0x7e5e3e);
  // Lawn.
  for (let i = 0; i < 10; i++) rect(g, 0, 500 + (400 * i) / 10, W, 41, mix(0x8cbc6c, 0x6e9e52, i / 9));
  // Flower beds along the fence.
  rect(g, 0, 470, bx, 50, 0x6a4e38);
  const blooms = [0xe8608a, 0xf4c040, 0xffffff, 0xb080e0, 0xf08040];
  for (let i = 0; i < 70; i++) {
    const x = rand() * bx;
    const y = 440 + rand() * 60;
    stroke(g, [p(x, y + 30), p(x, y)], 2, 0x4a7a3a);
    fill(g, ellipsePts(x - 6, y + 16, 8, 4, 8), 0x5a8a44);
    circle(g, x, y, 7 + rand() * 4, blooms[i % blooms.length]!);
  }
  // A path and a bench.
  fill(g, [p(W * 0.44, 520), p(W * 0.56, 520), p(W * 0.7, DH), p(W * 0.3, DH)], 0xd8c8a8);
  for (let y = 540; y < DH; y += 26 + (y - 520) * 0.12) {
    const t = (y - 520) / (DH - 520);
    const half = W * (0.06 + 0.14 * t);
    rect(g, W * 0.5 - half, y, half * 2, 2, 0xc0b090, 0.8);
  }
  // A wooden garden bench with arms, its back slats against the flower bed.
  const benchX = W * 0.18;
  const by = 650;
  const wood = 0x9a7450;
  const woodLine = 0x5a4430;
  for (const lx of [benchX - 150, benchX + 136])
    box(g, lx, by - 230, 16, 230, darken(wood, 0.15), woodLine, 2, 3);
  for (let i = 0; i < 4; i++)
    box(g, benchX - 150, by - 222 + i * 26, 300, 18, i % 2 ? wood : lighten(wood, 0.06), woodLine, 2, 4);
  box(g, benchX - 166, by - 104, 332, 22, lighten(wood, 0.08), woodLine, 2, 4);
  box(g, benchX - 160, by - 84, 320, 12, darken(wood, 0.1), woodLine, 1.5, 3);
  for (const lx of [benchX - 150, benchX + 134])
    box(g, lx, by - 82, 16, 82, darken(wood, 0.15), woodLine, 2, 3);
  for (const side of [-1, 1]) {
    const ax = benchX + side * 168;
    box(g, ax - 14, by - 150, 28, 12, wood, woodLine, 2, 5);
    box(g, ax - 8, by - 140, 16, 140, darken(wood, 0.12), woodLine, 2, 3);
  }
  // A small memorial plaque, as so many care-home benches have.
  box(g, benchX - 30, by - 176, 60, 16, 0xc8a860, 0x7a6030, 1.5, 3);
  // A planter with herbs for residents, at sitting height.
  box(g, W * 0.62, 560, 170, 90, 0xa27c54, 0x6a4e32, 2);
  for (let i = 0; i < 12; i++)
    circle(g, W * 0.62 + 14 + i * 13, 552 - (i % 3) * 8, 14, mix(0x5a8a44, 0x7aaa5a, (i % 4) / 3));
  plant(g, W * 0.9, 720, 1.3);
  vignette(g, W);
}

function hospitalWard(g: G, W: number): void {
  walls(g, W, { upper: 0xe4ecec, lower: 0xcfe0df, dado: 344, pattern: 'none' });
  skirting(g, W, 0xc8d4d4);
  vinylFloor(g, W, 0xa8bcb8);
  for (const fx of [0.3, 0.75]) ceilingLight(g, W * fx, 200);
  windowFrame(g, W * 0.66, 80, 300, 240, { blind: 0xdfe8ea, view: 'street' });
  // Bedhead panel with outlets.
  const px = W * 0.1;
  box(g, px, 180, 440, 60, 0xf4f6f6, 0xa0aaac, 2, 6);
  for (let i = 0; i < 5; i++) {
    circle(g, px + 40 + i * 34, 210, 11, [0x3a8a4a, 0xf4f4f4, 0x303030, 0xf4f4f4, 0x2a5aa0][i]!);
    stroke(g, ellipsePts(px + 40 + i * 34, 210, 11, 11, 16), 1.5, 0x808a8c, 1, true);
  }
  rect(g, px + 230, 196, 180, 28, 0xe8eef0);
  // Monitor on a pole.
  const mx = W * 0.52;
  box(g, mx - 4, 200, 8, FLOOR - 150, 0xb8c0c4, 0x808890, 1.5);
  box(g, mx - 80, 150, 160, 110, 0x2a2e34, 0x15181c, 2, 8);
  rect(g, mx - 70, 160, 140, 80, 0x101820);
  const wave: Pt[] = [];
  for (let i = 0; i <= 40; i++) {
    const t = i / 40;
    const beat = Math.abs(((t * 3) % 1) - 0.5) < 0.04 ? -22 : 0;
    wave.push(p(mx - 66 + t * 132, 186 + beat + Math.sin(t * 30) * 1.5));
  }
  stroke(g, wave, 2, 0x50e080);
  stroke(g, [p(mx - 66, 220), p(mx - 20, 220)], 3, 0x50a0e0);
  rect(g, mx + 24, 212, 38, 16, 0xe0c050, 0.9);
  // Curtain rail and a half-drawn privacy curtain.
  box(g, 0, 34, W * 0.6, 10, 0xc8ccd0, 0x8a9094, 1.5, 4);
  const cx0 = W * 0.02;
  const cw = 170;
  const curtain = [p(cx0, 44), p(cx0 + cw, 44), p(cx0 + cw + 14, FLOOR - 80), p(cx0 - 10, FLOOR - 80)];
  shape(g, curtain, 0x7fa6c8, 0x4a6a88, 2);
  for (let i = 1; i < 6; i++) {
    const fx = cx0 + (cw * i) / 6;
    ribbonFill(g, [p(fx, 48), p(fx + (i - 3) * 3, FLOOR - 84)], taper(6, 0.3), 0x6a90b4, 0.9);
  }
  for (let x = cx0 + 20; x < cx0 + cw; x += 18) rect(g, x, 38, 3, 10, 0x8a9094);
  // The bed with rails, a chair, a bedside locker, gel.
  bed(g, W * 0.3, FLOOR + 90, 560, 0x8fb4d0, true);
  box(g, W * 0.6, FLOOR - 120, 100, 180, 0xe8ecee, 0x9aa4a8, 2, 6);
  box(g, W * 0.6 + 10, FLOOR - 110, 80, 60, 0xdde4e6, 0x9aa4a8, 1.5, 4);
  jug(g, W * 0.6 + 30, FLOOR - 120);
  armchair(g, W * 0.84, FLOOR + 70, 190, 0x4f8a8a, false);
  handGel(g, W * 0.95, 240);
  vignette(g, W);
}

function home(g: G, W: number): void {
  // Someone's own front room: flowered wallpaper, a picture rail, a fire, the kitchen next door.
  const wall = 0xe9dcc6;
  walls(g, W, { upper: wall, pattern: 'floral' });
  rect(g, 0, 108, W, 9, lighten(wall, 0.45));
  rect(g, 0, 117, W, 2, darken(wall, 0.18), 0.6);
  skirting(g, W);
  carpet(g, W, 0x8a6e66);
  const cx = W * 0.5;
  fireplace(g, cx, wall);
  const kx = W * 0.03;
  const kw = 280;
  kitchenDoorway(g, kx, kw);
  windowFrame(g, W * 0.68, 100, 250, 220, { curtains: 0x8a6a80, view: 'street', nets: true });
  // A sideboard with a lamp, the landline and the post, between the kitchen and the fire.
  const gapL = kx + kw + 40;
  const gapR = cx - 200;
  if (gapR - gapL > 170) {
    const sx = (gapL + gapR) / 2;
    const sw = Math.min(220, gapR - gapL - 20);
    const sy = FLOOR + 26;
    box(g, sx - sw / 2, sy - 140, sw, 126, 0x8a6446, 0x5a3e28, 2, 3);
    box(g, sx - sw / 2 - 8, sy - 150, sw + 16, 14, 0x9a7252, 0x5a3e28, 2, 3);
    for (let i = 0; i < 2; i++) {
      box(g, sx - sw / 2 + 10 + i * (sw / 2 - 5), sy - 130, sw / 2 - 15, 104, 0x9a7252, 0x5a3e28, 1.5, 3);
      circle(g, sx + (i === 0 ? -14 : 14), sy - 80, 4, 0xc8a860);
    }
    for (const lx of [sx - sw / 2 + 6, sx + sw / 2 - 16]) box(g, lx, sy - 14, 10, 14, 0x5a3e28, 0x3a2818, 1);
    tableLamp(g, sx - sw * 0.28, sy - 150, 0.75);
    telephone(g, sx + sw * 0.14, sy - 150);
    box(g, sx + sw * 0.3, sy - 158, 50, 8, 0xfbfaf6, 0xa0a0a0, 1);
    box(g, sx + sw * 0.3 + 4, sy - 164, 46, 6, 0xf6e8c8, 0xa0a0a0, 1);
    // A calendar above it, the days crossed off.
    const calX = sx - 50;
    box(g, calX, 150, 100, 130, 0xfbfaf6, 0x8a8478, 2, 2);
    picture(g, calX + 8, 158, 84, 50, 'hills', 0xfbfaf6);
    for (let r = 0; r < 4; r++)
      for (let c = 0; c < 6; c++) {
        const dx = calX + 12 + c * 13;
        const dy = 220 + r * 14;
        rect(g, dx, dy, 9, 8, r * 6 + c < 15 ? 0xd07070 : 0xc8c4bc, r * 6 + c < 15 ? 0.7 : 1);
      }
  }
  // A hearth rug.
  const ry = FLOOR + 56;
  fill(g, [p(cx - 150, ry), p(cx + 150, ry), p(cx + 180, ry + 110), p(cx - 180, ry + 110)], 0xa85a48);
  stroke(
    g,
    [p(cx - 132, ry + 12), p(cx + 132, ry + 12), p(cx + 156, ry + 98), p(cx - 156, ry + 98)],
    5,
    0xe8c890,
    0.8,
    true,
  );
  for (let fx = cx - 178; fx < cx + 180; fx += 10) rect(g, fx, ry + 110, 3, 10, 0xe8d8b8);
  // The chair by the window, a blanket over it, the walking frame beside it, and the side
  // table with tablets in a weekly box and the care folder the visiting carers write in.
  const ax = W * 0.84;
  armchair(g, ax, FLOOR + 70, 210, 0x6f8a66);
  throwBlanket(g, ax, FLOOR + 70, 210);
  sideTable(g, W * 0.71, FLOOR + 50, 96, 130, 0x8a6446);
  const ty = FLOOR + 50 - 130;
  box(g, W * 0.71 - 40, ty - 14, 80, 14, 0xb8a0d0, 0x6a5a80, 1.5, 2);
  for (let i = 1; i < 7; i++) rect(g, W * 0.71 - 40 + i * (80 / 7), ty - 14, 1.5, 14, 0x6a5a80);
  box(g, W * 0.71 - 36, ty - 30, 72, 16, 0x2a5aa0, 0x1a3a70, 1.5, 2);
  rect(g, W * 0.71 - 20, ty - 26, 30, 8, 0xfbfaf6);
  walkingFrame(g, W * 0.95, FLOOR + 98);
  vignette(g, W);
}

function reception(g: G, W: number): void {
  walls(g, W, { upper: 0xebe7de, pattern: 'none' });
  skirting(g, W, 0xd8d2c6);
  vinylFloor(g, W, 0xc6baa2);
  // A feature wall behind the desk, with the sign.
  const f0 = W * 0.3;
  const f1 = W * 0.8;
  const feature = 0x4f7d84;
  rect(g, f0, 21, f1 - f0, FLOOR - 45, feature);
  rect(g, f0, 21, 6, FLOOR - 45, darken(feature, 0.15));
  rect(g, f1 - 6, 21, 6, FLOOR - 45, darken(feature, 0.15));
  signText(g, 'RECEPTION', (f0 + f1) / 2, 86, 46, 8, 0xf6f2e8);
  rect(g, (f0 + f1) / 2 - 160, 156, 320, 3, 0xf6f2e8, 0.5);
  for (const fx of [0.16, 0.9]) ceilingLight(g, W * fx, 150);
  // The way in: glass doors onto the garden, the door-entry panel, the inspection rating.
  const dx = W * 0.03;
  const dw = 290;
  entranceDoors(g, dx, dw);
  ratingPoster(g, dx + dw + 34, 130);
  entryPanel(g, dx + dw + 46, 290);
  // The desk.
  receptionCounter(g, W * 0.34, W * 0.76);
  // Waiting: the who's who, leaflets, two chairs and a plant.
  staffBoard(g, W * 0.82, 104, W * 0.15, 170);
  leafletRack(g, W * 0.83, 300, W * 0.13);
  for (const fx of [0.85, 0.935]) chair(g, W * fx, FLOOR + 40, 0x5a7a9a, 0xb0b4b8);
  plant(g, W * 0.27, FLOOR + 40, 0.8);
  vignette(g, W);
}

function managerOffice(g: G, W: number): void {
  // More formal than the senior carer's office: panelled lower walls, a big desk, the files.
  walls(g, W, { upper: 0xe6e3da, lower: 0x7f93a2, dado: 344, pattern: 'none' });
  skirting(g, W, 0xe8e4dc);
  carpet(g, W, 0x566480);
  door(g, W * 0.035, 200, 0x8a6446, 'name', 0x2a5aa0, true);
  fileShelves(g, W * 0.185, 100, 230, FLOOR + 20 - 100);
  yearPlanner(g, W * 0.4, 92, 360, 176);
  windowFrame(g, W * 0.68, 86, 250, 240, { louvres: 0xe8e4d8, view: 'street' });
  certificate(g, W * 0.875, 104, 130, 96);
  certificate(g, W * 0.875, 220, 130, 96);
  clock(g, W * 0.34 + 50, 60, 26);
  plant(g, W * 0.94, FLOOR + 60, 0.9);
  // The manager's chair behind the desk.
  const dx = W * 0.54;
  box(g, dx - 70, FLOOR - 300, 140, 200, 0x3a2a26, 0x1a1210, 2, 22);
  box(g, dx - 58, FLOOR - 288, 116, 90, 0x4a3630, 0x1a1210, 1.5, 18);
  // The desk: a wide top seen from standing height, a full modesty panel.
  const dw = Math.min(W * 0.4, 660);
  const ty = FLOOR - 96;
  const wood = 0x7a5236;
  shape(
    g,
    [p(dx - dw * 0.47, ty - 56), p(dx + dw * 0.47, ty - 56), p(dx + dw / 2, ty), p(dx - dw / 2, ty)],
    lighten(wood, 0.18),
    darken(wood, 0.4),
    2,
  );
  fill(
    g,
    [
      p(dx - dw * 0.36, ty - 50),
      p(dx + dw * 0.36, ty - 50),
      p(dx + dw * 0.38, ty - 8),
      p(dx - dw * 0.38, ty - 8),
    ],
    0x2e4a3a,
    0.75,
  );
  box(g, dx - dw / 2, ty - 2, dw, 18, wood, darken(wood, 0.4), 2);
  box(g, dx - dw / 2 + 8, ty + 16, dw - 16, FLOOR + 62 - ty - 16, darken(wood, 0.06), darken(wood, 0.4), 2);
  for (let i = 0; i < 3; i++) {
    const pw = (dw - 60) / 3;
    box(
      g,
      dx - dw / 2 + 22 + i * (pw + 8),
      ty + 32,
      pw,
      FLOOR + 62 - ty - 66,
      lighten(wood, 0.05),
      darken(wood, 0.3),
      1.5,
      3,
    );
  }
  // On the desk: a green banker's lamp, the back of a laptop, trays of paper, the phone, a
  // pen pot and a name plate facing the visitor.
  const lx = dx - dw * 0.36;
  box(g, lx - 4, ty - 96, 8, 60, 0xc8a050, 0x7a6030, 1.5);
  fill(g, ellipsePts(lx, ty - 36, 30, 7, 16), 0xb08840);
  shape(
    g,
    [p(lx - 56, ty - 96), p(lx + 56, ty - 96), p(lx + 40, ty - 126), p(lx - 40, ty - 126)],
    0x2e6a4a,
    0x1a3a28,
    2,
  );
  box(g, dx + 10, ty - 150, 170, 106, 0x9aa0a8, 0x5a6068, 2, 6);
  circle(g, dx + 95, ty - 98, 8, 0xc4c8cc);
  box(g, dx - 150, ty - 64, 110, 22, 0x3a3e44, 0x1a1c20, 1.5, 2);
  box(g, dx - 144, ty - 76, 100, 12, 0xfbfaf6, 0xa0a0a0, 1);
  box(g, dx - 140, ty - 84, 96, 8, 0xeaf0f8, 0xa0a0a0, 1);
  box(g, dx + dw * 0.3, ty - 40, 56, 24, 0x3a3e44, 0x1a1c20, 1.5, 6);
  box(g, dx + dw * 0.3 + 4, ty - 50, 48, 12, 0x4a4e54, 0x1a1c20, 1.5, 6);
  box(g, dx + dw * 0.42, ty - 60, 26, 36, 0x3a3e44, 0x1a1c20, 1.5, 4);
  for (const [i, c] of [0x2a4a8a, 0xb03030, 0x202020].entries())
    stroke(g, [p(dx + dw * 0.42 + 8 + i * 5, ty - 60), p(dx + dw * 0.42 + 4 + i * 7, ty - 82)], 3, c);
  shape(
    g,
    [p(dx - 60, ty - 4), p(dx + 60, ty - 4), p(dx + 56, ty - 30), p(dx - 56, ty - 30)],
    0xc8a860,
    0x7a6030,
    1.5,
  );
  rect(g, dx - 40, ty - 20, 80, 4, 0x3a3020);
  vignette(g, W);
}

function nightCorridor(g: G, W: number): void {
  // The corridor by day, then the night laid over it, then the few lights that stay on.
  walls(g, W, { upper: 0xd8d4c8, lower: 0xbbb09a, dado: 330, pattern: 'none' });
  skirting(g, W, 0xd0cabe);
  vinylFloor(g, W, 0xa89a84);
  for (const fx of [0.2, 0.5, 0.8]) box(g, W * fx - 75, 16, 150, 18, 0xf4f2ec, 0xc8c2b8, 1.5, 4);
  const doors = [0.05, 0.36, 0.84].map((fx) => W * fx);
  const colours = [0x4f7a9a, 0x8a5a6a, 0x5a8a6a];
  doors.forEach((x, i) => door(g, x, 210, colours[i]!, 'name', [0xf0c040, 0x60a0d0, 0xe08080][i]));
  for (const x of doors.slice(0, 2)) {
    box(g, x + 240, 150, 90, 110, 0x8a6a4a, 0x5a4030, 3);
    rect(g, x + 248, 158, 74, 94, 0xf0e8d8);
    picture(g, x + 254, 166, 36, 44, 'photo', 0xc8a060);
  }
  const win = { x: W * 0.6, y: 90, w: 240, h: 220 };
  windowFrame(g, win.x, win.y, win.w, win.h, { view: 'night' });
  handrail(
    g,
    W,
    350,
    doors.map((x) => [x - 24, x + 234] as [number, number]),
  );
  exitSign(g, W * 0.27, 40);

  rect(g, 0, 0, W, DH, 0x0a1840, 0.62);

  // The moon again, and its cool light on the floor.
  const moon = moonIn(win.x, win.y, win.w, win.h);
  circle(g, moon.x, moon.y, moon.r, 0xf2eed8, 0.85);
  glow(g, win.x + win.w / 2, FLOOR + 60, win.w, 0xb8c8f0, 0.12, 40);
  // Low night lights between the doors.
  for (const x of [W * 0.27, W * 0.55, W * 0.78]) nightLight(g, x, FLOOR - 64);
  // Someone's light is still on: a line of it under the middle door.
  const d = doors[1]!;
  glow(g, d + 105, FLOOR + 8, 190, 0xffd89a, 0.3, 34);
  rect(g, d + 6, FLOOR - 6, 198, 5, 0xffe0a0, 0.9);
  // A call light over the far door, lit.
  const bx = doors[2]! + 105;
  glow(g, bx, 34, 56, 0xffb040, 0.55);
  box(g, bx - 18, 36, 36, 8, 0xd8d4c8, 0x808080, 1, 2);
  fill(g, ellipsePts(bx, 36, 16, 14, 16, Math.PI, Math.PI * 2), 0xffc060);
  fill(g, ellipsePts(bx - 4, 30, 5, 4, 10), 0xfff0c8, 0.8);
  // The exit sign stays lit.
  glow(g, W * 0.27 + 60, 62, 110, 0x40e080, 0.3);
  exitSign(g, W * 0.27, 40);
  vignette(g, W);
}

function phoneCall(g: G, W: number): void {
  // Close up at a desk in a quiet staff office: plain wall, the phone, a pad to write on. The
  // middle of the wall is left bare, for the caller's words.
  const wall = 0xe4e8e2;
  const desk = 476;
  walls(g, W, { upper: wall, pattern: 'none' });
  windowFrame(g, W * 0.05, 84, 240, 250, { blind: 0xf2ead8, view: 'trees' });
  noticeBoard(g, W * 0.78, 96, 230, 160);
  // Soft daylight across the wall from the window.
  glow(g, W * 0.05 + 320, desk - 40, 420, 0xfff6dc, 0.16, 260);
  // The desk top, running towards us past the bottom of the picture.
  const wood = 0xcfae86;
  for (let i = 0; i < 14; i++) {
    const y0 = desk + ((DH - desk) * i) / 14;
    rect(g, 0, y0, W, (DH - desk) / 14 + 1, mix(lighten(wood, 0.04), darken(wood, 0.08), i / 13));
  }
  const rand = rng(23);
  for (let i = 0; i < 18; i++) {
    const y = desk + 10 + rand() * (DH - desk - 20);
    rect(g, rand() * W * 0.8, y, 120 + rand() * 260, 2, darken(wood, 0.08), 0.5);
  }
  rect(g, 0, desk, W, 8, 0x000000, 0.1);
  rect(g, 0, desk - 4, W, 4, lighten(wood, 0.2));
  // A notepad with the start of some notes, and a pen.
  const nx = W * 0.24;
  const ny = desk + 40;
  fill(g, [p(nx - 120, ny + 110), p(nx + 110, ny + 110), p(nx + 96, ny), p(nx - 104, ny)], 0x000000, 0.1);
  shape(
    g,
    [p(nx - 124, ny + 104), p(nx + 106, ny + 104), p(nx + 92, ny - 6), p(nx - 108, ny - 6)],
    0xf8eeb0,
    0xb0a060,
    1.5,
  );
  rect(g, nx - 108, ny - 10, 200, 10, 0x8a3a3a);
  for (let i = 0; i < 6; i++) {
    const ly = ny + 12 + i * 15;
    const t = (ly - ny) / 110;
    rect(g, nx - 108 - t * 16, ly, 200 + t * 30, 1.5, 0x9ab0c8, 0.8);
    if (i < 3) rect(g, nx - 96 - t * 16, ly - 5, 70 + ((i * 47) % 60), 3, 0x2a3a6a, 0.7);
  }
  ribbonFill(g, [p(nx + 60, ny + 80), p(nx + 150, ny + 20)], () => 7, 0x2a3a6a);
  fill(g, [p(nx + 150, ny + 20), p(nx + 160, ny + 14), p(nx + 154, ny + 24)], 0xd8d0c0);
  // A mug of tea gone cold, the phone, a small plant.
  const mx = W * 0.42;
  fill(g, ellipsePts(mx, desk + 86, 40, 9, 16), 0x000000, 0.1);
  box(g, mx - 32, desk + 20, 64, 66, 0x5a8aa0, 0x2a4a5a, 2, 6);
  fill(g, ellipsePts(mx, desk + 22, 30, 6, 16), 0x7a5a3a);
  ribbonFill(
    g,
    quad(p(mx + 30, desk + 34), p(mx + 54, desk + 48), p(mx + 30, desk + 70), 8),
    () => 7,
    0x5a8aa0,
  );
  deskPhone(g, W * 0.66, desk + 110);
  plant(g, W * 0.9, desk + 90, 0.7);
  vignette(g, W);
}
