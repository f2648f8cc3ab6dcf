/**
 * The face: a static base (ears, face shape, shading, nose) and the moving features (brows,
 * eyes, mouth, lines, tears, flush) drawn from a FacePose. Head-local coordinates: (0, 0) is
 * the middle of the head, f and b its half width and half height.
 */
import type { FacePose } from './expressions';
import type { FigureSpec } from './figureSpec';
import { FACE, type MouthShape, faceOutline, mouthShape } from './faceGeometry';
import {
  drawBeardClearing,
  drawFacialHairBase,
  drawMoustache,
  keepAboveBeard,
  lineAboveBeard,
} from './drawFacialHair';
import { INK, TEAR, darken, lighten, mix } from './palette';
import {
  type G,
  type Pt,
  circle,
  clamp,
  ellipsePts,
  fill,
  p,
  quad,
  ribbonFill,
  scalePts,
  shape,
  stroke,
  taper,
  translate,
  yAt,
} from './shapes';

/** Ears, face shape with its shadow side, nose. Drawn once. */
export function drawFaceBase(g: G, s: FigureSpec, earsVisible: boolean): void {
  const { f, b, lw } = s;
  if (earsVisible) {
    for (const side of [-1, 1]) {
      const cx = side * f * 0.97;
      const cy = FACE.earY * b;
      const ear = ellipsePts(cx, cy, f * 0.15, b * 0.24, 20);
      shape(g, ear, side > 0 ? s.skinShadow : s.skin, s.skinLine, lw);
      const inner = quad(
        p(cx + side * f * 0.02, cy - b * 0.14),
        p(cx + side * f * 0.12, cy),
        p(cx + side * f * 0.01, cy + b * 0.13),
        8,
      );
      ribbonFill(g, inner, taper(f * 0.05, 0.3), s.skinDeep, 0.55);
    }
  }
  const outline = faceOutline(s);
  // Shadow colour first, then the lit face shifted left: leaves a soft shaded crescent on the right.
  fill(g, outline, s.skinShadow);
  fill(g, translate(scalePts(outline, 0.93, 0.985, 0, -b), -f * 0.075, 0), s.skin);
  stroke(g, outline, lw, s.skinLine, 1, true);

  // Soft cheek warmth.
  for (const side of [-1, 1]) {
    fill(g, ellipsePts(side * f * 0.52, b * 0.38, f * 0.22, b * 0.12, 18), s.blush, 0.12);
  }

  drawNose(g, s);
  drawAgeStaticLines(g, s);
  drawFacialHairBase(g, s);
}

function drawNose(g: G, s: FigureSpec): void {
  const { f, b } = s;
  const k = 1 + s.ageing * 0.08 - s.youth * 0.12;
  const ny = FACE.noseY * b;
  // Shadow down the right of the bridge.
  const bridge = quad(p(f * 0.07, -0.02 * b), p(f * 0.13, 0.18 * b), p(f * 0.15 * k, ny - 0.05 * b), 8);
  ribbonFill(g, bridge, (t) => f * 0.07 * (0.2 + t * 0.8), s.skinShadow, 0.75);
  // Underside of the nose and the nostril wings.
  const under = quad(p(-0.15 * f * k, ny - 0.02 * b), p(0, ny + 0.1 * b), p(0.15 * f * k, ny - 0.02 * b), 12);
  ribbonFill(g, under, taper(b * 0.045, 0.35), s.skinLine, 0.6);
  for (const side of [-1, 1]) {
    const wing = quad(
      p(side * 0.15 * f * k, ny - 0.1 * b),
      p(side * 0.23 * f * k, ny - 0.01 * b),
      p(side * 0.13 * f * k, ny + 0.03 * b),
      8,
    );
    ribbonFill(g, wing, taper(b * 0.035, 0.3), s.skinLine, 0.45);
  }
  // A small highlight on the tip.
  fill(g, ellipsePts(-0.03 * f, ny - 0.05 * b, f * 0.06, b * 0.035, 12), s.skinLight, 0.7);
}

/** Lines that come with age and don't move with the expression. */
function drawAgeStaticLines(g: G, s: FigureSpec): void {
  const { f, b, age } = s;
  if (age >= 70) {
    // Gentle jowl lines either side of the chin.
    for (const side of [-1, 1]) {
      const l = quad(
        p(side * 0.52 * f, 0.7 * b),
        p(side * 0.5 * f, 0.86 * b),
        p(side * 0.36 * f, 0.92 * b),
        8,
      );
      ribbonFill(g, l, taper(b * 0.022, 0.2), s.skinLine, 0.35);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Moving features

interface EyeGeom {
  cx: number;
  cy: number;
  upper: Pt[]; // inner → outer, left to right sorted for yAt
  lower: Pt[];
  open: number;
}

function eyeGeometry(s: FigureSpec, pose: FacePose, side: number): EyeGeom {
  const { f, b } = s;
  const young = 1 + 0.09 * s.youth;
  const ew = FACE.eyeW * f * young;
  const eh = FACE.eyeH * b * young * (1 - s.ageing * 0.08);
  const cx = side * FACE.eyeX * f;
  const cy = FACE.eyeY * b;
  const open = clamp(pose.eyeOpen, 0, 1.3);
  const smile = clamp(pose.eyeSmile, 0, 1);
  const leftX = cx - ew;
  const rightX = cx + ew;
  // The inner corner sits a touch lower than the outer one.
  const innerIsLeft = side > 0;
  const yIn = cy + eh * 0.12;
  const yOut = cy - eh * 0.08 - smile * eh * 0.12;
  const yLeft = innerIsLeft ? yIn : yOut;
  const yRight = innerIsLeft ? yOut : yIn;
  // Upper lid peaks a little towards the inner side; the lid comes down as `open` drops.
  const peakX = cx - side * ew * 0.12;
  const upperCtrlY = cy - eh * 2.05 * open + (1 - open) * eh * 0.35;
  const upper = quad(p(leftX, yLeft), p(peakX, upperCtrlY), p(rightX, yRight), 14);
  // Lower lid: a gentle curve that is pushed up by a smile.
  const lowerCtrlY = cy + eh * (1.15 - 1.5 * smile) * Math.min(1, 0.55 + open * 0.45);
  let lower = quad(p(leftX, yLeft), p(cx + side * ew * 0.1, lowerCtrlY), p(rightX, yRight), 14);
  // Never let the lids cross.
  lower = lower.map((q) => ({ x: q.x, y: Math.max(q.y, yAt(upper, q.x) + eh * 0.05) }));
  return { cx, cy, upper, lower, open };
}

/** A circle clipped to the eye opening, as a polygon. */
function clippedDisc(e: EyeGeom, x: number, y: number, r: number): Pt[] {
  const out: Pt[] = [];
  const n = 28;
  for (let i = 0; i < n; i++) {
    const a = (i / n) * Math.PI * 2;
    const px = x + Math.cos(a) * r;
    const py = y + Math.sin(a) * r;
    const minX = e.upper[0]!.x;
    const maxX = e.upper[e.upper.length - 1]!.x;
    const cxp = clamp(px, minX, maxX);
    const top = yAt(e.upper, cxp);
    const bottom = yAt(e.lower, cxp);
    if (bottom - top < 0.5) continue;
    out.push({ x: cxp, y: clamp(py, top, bottom) });
  }
  return out;
}

function drawEye(g: G, s: FigureSpec, pose: FacePose, side: number): void {
  const { f, b } = s;
  const e = eyeGeometry(s, pose, side);
  const ew = FACE.eyeW * f;
  const eh = FACE.eyeH * b;
  const lidW = Math.max(1.4, b * 0.055) * s.lashWeight;

  // Lid crease above the eye: falls with the lid.
  const crease = translate(
    quad(e.upper[2]!, p(e.cx - side * ew * 0.1, e.cy - eh * (1.2 + 0.75 * e.open)), e.upper[12]!, 10),
    0,
    -eh * 0.18,
  );
  ribbonFill(g, crease, taper(b * 0.022, 0.2), s.skinLine, 0.35 + s.ageing * 0.15);

  // Eyelid shading (a touch of depth above the eye).
  const lidShade = [...e.upper, ...[...crease].reverse()];
  fill(g, lidShade, s.skinShadow, 0.35);

  if (e.open > 0.12) {
    const white = [...e.upper, ...[...e.lower].reverse()];
    fill(g, white, s.eyeWhite);
    // Iris and pupil, clipped to the opening and moved by the gaze.
    const ir = ew * 0.56;
    const ix = e.cx + clamp(pose.eyeLook, -1, 1) * ew * 0.42;
    const iy = e.cy + clamp(pose.eyeLookY, -1, 1) * eh * 0.45 + eh * 0.1;
    fill(g, clippedDisc(e, ix, iy, ir), s.iris);
    fill(g, clippedDisc(e, ix, iy, ir * 0.52), INK);
    // Shadow of the upper lid on the eyeball.
    const shade = e.upper.map((q) => ({ x: q.x, y: q.y }));
    const shadeLow = e.upper.map((q) => ({ x: q.x, y: Math.min(q.y + eh * 0.35, yAt(e.lower, q.x)) }));
    fill(g, [...shade, ...shadeLow.reverse()], darken(s.skin, 0.35), 0.22);
    // Catch-light, only where the eye is open.
    const hx = ix - ir * 0.32;
    const hy = iy - ir * 0.38;
    if (hy > yAt(e.upper, hx) + 1 && hy < yAt(e.lower, hx) - 1) circle(g, hx, hy, ir * 0.22, 0xffffff, 0.95);
    // Wet lower lid when tearful.
    if (pose.tears > 0.05) {
      ribbonFill(g, e.lower.slice(2, 13), taper(b * 0.03, 0.2), TEAR, 0.9 * pose.tears);
    }
    // Lower lid line.
    ribbonFill(g, e.lower, taper(b * 0.02, 0.1), s.skinLine, 0.5);
  }
  // Upper lash line: the strongest line on the face. Extends into a small flick at the outer corner.
  const outer = side > 0 ? e.upper[e.upper.length - 1]! : e.upper[0]!;
  const flick = p(outer.x + side * ew * 0.16, outer.y - eh * 0.1);
  const lash = side > 0 ? [...e.upper, flick] : [flick, ...e.upper];
  ribbonFill(g, lash, (t) => lidW * (0.45 + 0.55 * Math.sin(Math.PI * Math.min(1, t * 1.05))), s.lash);

  // Lines under the eyes and crow's feet with age; stronger when smiling.
  if (s.age >= 50) {
    const bag = translate(e.lower.slice(3, 13), 0, eh * 0.45);
    ribbonFill(g, bag, taper(b * 0.018, 0.1), s.skinLine, 0.12 + s.ageing * 0.35);
    const ox = outer.x + side * ew * 0.18;
    const oy = outer.y + eh * 0.1;
    const k = 0.15 + s.ageing * 0.4 + pose.eyeSmile * 0.2;
    for (const a of [-0.45, 0.05, 0.5]) {
      const l = [p(ox, oy + a * eh * 0.6), p(ox + side * ew * 0.38, oy + a * eh * 1.5)];
      ribbonFill(g, l, taper(b * 0.018, 0.2), s.skinLine, k);
    }
  }
}

function drawBrow(g: G, s: FigureSpec, pose: FacePose, side: number): Pt[] {
  const { f, b } = s;
  const lift = pose.browLift * 0.09 * b + pose.browAsym * side * 0.085 * b;
  const baseY = FACE.browY * b - lift + s.browDrop * b;
  const innerX = side * 0.15 * f;
  const outerX = side * 0.7 * f;
  const innerY = baseY + 0.02 * b - pose.browTilt * 0.1 * b;
  const outerY = baseY + 0.04 * b + pose.browTilt * 0.03 * b - Math.max(0, -pose.browTilt) * 0.04 * b;
  const archX = side * 0.46 * f;
  const archY = baseY - 0.07 * b * s.browArch + pose.browTilt * 0.02 * b;
  const pts = quad(p(innerX, innerY), p(archX, archY), p(outerX, outerY), 12);
  const thick = b * (0.085 - s.ageing * 0.012) * s.browWeight;
  ribbonFill(g, pts, (t) => thick * (1 - 0.62 * t) * (t < 0.1 ? 0.75 + 2.5 * t : 1), s.brow);
  return pts;
}

function drawMouth(g: G, s: FigureSpec, pose: FacePose, m: MouthShape): void {
  const { b } = s;
  const { left, right, ctrl, mx, mw, curve, press, lipFull, line, upperLip, lowerLip } = m;
  if (lipFull > 0.1) fill(g, [...line, ...[...upperLip].reverse()], s.lip, 0.55);

  if (m.drop > 0) {
    const { drop, upperEdge, lowerEdge } = m;
    const cavity = [...upperEdge, ...[...lowerEdge].reverse()];
    fill(g, cavity, 0x4a1f24);
    // Teeth: a band under the upper lip (a clenched row when the lips are pressed).
    const teethDepth =
      press > 0.5 ? drop * 1.2 : Math.min(drop * 0.75, b * 0.08) * clamp(0.3 + curve * 0.9, 0.15, 1);
    const teeth = upperEdge.map((q) => ({ x: q.x, y: q.y }));
    const teethLow = upperEdge.map((q) => ({ x: q.x, y: Math.min(q.y + teethDepth, yAt(lowerEdge, q.x)) }));
    fill(g, [...teeth, ...teethLow.reverse()], 0xf4efe6);
    if (press > 0.5) {
      const mid = upperEdge.map((q) => ({ x: q.x, y: (q.y + yAt(lowerEdge, q.x)) / 2 }));
      ribbonFill(g, mid.slice(2, 15), taper(b * 0.012, 0.3), 0xb0a8a0, 0.9);
    } else if (drop > b * 0.07) {
      // Tongue, just a hint.
      const ty = ctrl.y + drop * 0.95;
      const tongue = ellipsePts(mx, ty, mw * 0.5, drop * 0.35, 16).map((q) => ({
        x: q.x,
        y: clamp(q.y, yAt(upperEdge, q.x) + teethDepth, yAt(lowerEdge, q.x)),
      }));
      fill(g, tongue, 0xb55a62, 0.9);
    }
    stroke(g, cavity, Math.max(1, b * 0.018), s.lipLine, 0.9, true);
    // Lower lip below the opening.
    fill(g, [...translate(lowerEdge.slice(2, 15), 0, 0), ...[...lowerLip].reverse()], s.lip, 0.7);
  } else {
    if (lipFull > 0.1) {
      const lineMid = line.slice(2, 15);
      fill(g, [...lineMid, ...[...lowerLip].reverse()], s.lip, 0.8);
      // Highlight on the lower lip.
      fill(
        g,
        ellipsePts(mx - mw * 0.15, ctrl.y + b * 0.075 * lipFull + b * 0.02, mw * 0.28, b * 0.018, 12),
        lighten(s.lip, 0.25),
        0.5 * lipFull,
      );
    }
    // Shadow under the lower lip.
    const under = translate(lowerLip.slice(3, 10), 0, b * 0.045);
    ribbonFill(g, under, taper(b * 0.03, 0.2), s.skinShadow, 0.6);
    ribbonFill(g, line, (t) => b * (0.028 + press * 0.012) * (0.5 + 0.5 * Math.sin(Math.PI * t)), s.lipLine);
  }
  // Small creases at the corners: lift with a smile, drop with a frown.
  for (const [c, side] of [
    [left, -1],
    [right, 1],
  ] as const) {
    const tail = p(
      c.x + side * b * 0.05,
      c.y - (curve + (side > 0 ? -1 : 1) * pose.mouthSkew * 0.5) * b * 0.05,
    );
    ribbonFill(g, [p(c.x - side * b * 0.01, c.y), tail], taper(b * 0.022, 0.4), s.lipLine, 0.7);
  }
}

function drawTear(g: G, s: FigureSpec, side: number, amount: number): void {
  const { f, b } = s;
  const x = side * (FACE.eyeX * f + FACE.eyeW * f * 0.2);
  const y0 = (FACE.eyeY + FACE.eyeH * 0.9) * b;
  const len = b * 0.32 * amount;
  // The wet track down the cheek, then a drop.
  const track = quad(p(x, y0), p(x + side * f * 0.03, y0 + len * 0.5), p(x + side * f * 0.02, y0 + len), 8);
  ribbonFill(g, track, (t) => b * (0.03 - 0.01 * t), TEAR, 0.85 * amount);
  const dx = x + side * f * 0.02;
  const dy = y0 + len + b * 0.04;
  const r = b * 0.042;
  const drop: Pt[] = [
    p(dx, dy - r * 2.1),
    ...ellipsePts(dx, dy, r, r * 1.1, 16, -Math.PI * 0.15, Math.PI * 1.15),
  ];
  shape(g, drop, TEAR, mix(TEAR, 0x2a5a80, 0.45), Math.max(1, b * 0.012), amount);
  circle(g, dx - r * 0.35, dy - r * 0.2, r * 0.3, 0xffffff, 0.9 * amount);
}

/** Everything that moves with the expression. Cheap enough to redraw every frame of a blend. */
export function drawFeatures(g: G, s: FigureSpec, pose: FacePose): void {
  const { f, b } = s;
  // Flush: cheeks, and the nose when crying.
  if (pose.flush > 0.02) {
    const red = mix(s.skin, 0xd03040, s.look.skin === 'dark' || s.look.skin === 'brown' ? 0.35 : 0.5);
    for (const side of [-1, 1]) {
      const outer = ellipsePts(side * f * 0.52, b * 0.36, f * 0.3, b * 0.18, 22);
      const inner = ellipsePts(side * f * 0.54, b * 0.36, f * 0.2, b * 0.11, 20);
      fill(g, keepAboveBeard(s, outer, 0.02), red, 0.16 * pose.flush);
      fill(g, keepAboveBeard(s, inner, 0.02), red, 0.2 * pose.flush);
    }
    fill(g, ellipsePts(0, FACE.noseY * b - 0.08 * b, f * 0.14, b * 0.1, 16), red, 0.22 * pose.flush);
  }

  // Forehead lines: with age, and whenever the brows are raised or drawn together in worry.
  const worry = Math.max(0, pose.browTilt) * 0.6 + Math.max(0, pose.browLift) * 0.3;
  const foreheadAlpha = clamp((s.age >= 50 ? 0.1 + s.ageing * 0.36 : 0) + worry * 0.35, 0, 0.55);
  if (foreheadAlpha > 0.04) {
    for (let i = 0; i < 2; i++) {
      const y = (-0.5 - i * 0.1) * b;
      const w = f * (0.36 - i * 0.05);
      const dip = (pose.browTilt * 0.06 - 0.015) * b;
      const l = quad(p(-w, y + 0.02 * b), p(0, y - dip * 2), p(w, y + 0.02 * b), 12);
      ribbonFill(g, l, taper(b * 0.02, 0.1), s.skinLine, foreheadAlpha);
    }
  }

  for (const side of [-1, 1]) drawEye(g, s, pose, side);
  for (const side of [-1, 1]) drawBrow(g, s, pose, side);

  // Frown lines between the brows when they are pulled down.
  const frown = clamp(-pose.browTilt - 0.2, 0, 1);
  if (frown > 0) {
    for (const side of [-1, 1]) {
      const l = quad(
        p(side * 0.07 * f, -0.2 * b),
        p(side * 0.05 * f, -0.12 * b),
        p(side * 0.06 * f, -0.05 * b),
        6,
      );
      ribbonFill(g, l, taper(b * 0.025, 0.2), s.skinLine, 0.7 * frown);
    }
  }

  const mouth = mouthShape(s, pose);
  drawBeardClearing(g, s, mouth);
  drawMouth(g, s, pose, mouth);
  const { left, right } = mouth;

  // Smile (nasolabial) lines: with age, and deeper with a smile.
  const smile = Math.max(0, pose.mouthCurve);
  const nlAlpha = clamp((s.age >= 38 ? 0.1 + s.ageing * 0.45 : 0) + smile * 0.3, 0, 0.6);
  if (nlAlpha > 0.04) {
    for (const [c, side] of [
      [left, -1],
      [right, 1],
    ] as const) {
      const top = p(side * 0.23 * f, (FACE.noseY + 0.02) * b);
      const end = p(c.x + side * 0.09 * f, c.y + 0.08 * b);
      const l = quad(top, p(side * (0.38 + smile * 0.06) * f, (top.y + end.y) / 2 - 0.02 * b), end, 10);
      ribbonFill(g, lineAboveBeard(s, l), taper(b * 0.028, 0.15), s.skinLine, nlAlpha);
    }
  }

  drawMoustache(g, s, mouth);

  if (pose.tears > 0.05) for (const side of [-1, 1]) drawTear(g, s, side, pose.tears);
}

/** Glasses: frames round the eyes and arms to the ears. */
export function drawGlasses(g: G, s: FigureSpec): void {
  const { f, b } = s;
  const metal = s.age >= 68;
  const frame = metal ? 0x9a7a48 : [0x3b2f2a, 0x2a2a30, 0x6a4028][s.seed % 3]!;
  const w = Math.max(1.2, b * (metal ? 0.026 : 0.036));
  const rx = FACE.eyeW * f * 1.55;
  const ry = FACE.eyeH * b * 1.75;
  const cy = FACE.eyeY * b + b * 0.035;
  for (const side of [-1, 1]) {
    const cx = side * FACE.eyeX * f * 1.02;
    const lens = roundedRectPts(cx - rx, cy - ry, rx * 2, ry * 2, ry * 0.8);
    fill(g, lens, 0xdfeef5, 0.14);
    // A diagonal glint.
    const glint = [p(cx - rx * 0.5, cy + ry * 0.1), p(cx - rx * 0.1, cy - ry * 0.6)];
    ribbonFill(g, glint, taper(b * 0.03, 0.3), 0xffffff, 0.35);
    stroke(g, lens, w, frame, 1, true);
    // Arm to the ear.
    const armStart = p(side * (FACE.eyeX * f * 1.02 + rx), cy - ry * 0.4);
    stroke(g, [armStart, p(side * f * 0.97, cy - ry * 0.2)], w * 0.9, frame, 1);
  }
  const bridge = quad(
    p(-FACE.eyeX * f * 1.02 + rx, cy - ry * 0.2),
    p(0, cy - ry * 0.55),
    p(FACE.eyeX * f * 1.02 - rx, cy - ry * 0.2),
    8,
  );
  stroke(g, bridge, w, frame, 1);
}

export function roundedRectPts(x: number, y: number, w: number, h: number, r: number, n = 6): Pt[] {
  const rr = Math.min(r, w / 2, h / 2);
  const out: Pt[] = [];
  const corners: [number, number, number][] = [
    [x + w - rr, y + rr, -Math.PI / 2],
    [x + w - rr, y + h - rr, 0],
    [x + rr, y + h - rr, Math.PI / 2],
    [x + rr, y + rr, Math.PI],
  ];
  for (const [cx, cy, a0] of corners) {
    for (let i = 0; i <= n; i++) {
      const a = a0 + (Math.PI / 2) * (i / n);
      out.push({ x: cx + Math.cos(a) * rr, y: cy + Math.sin(a) * rr });
    }
  }
  return out;
}
