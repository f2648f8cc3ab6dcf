/**
 * Where the face's parts are: landmarks, the outline of the face, and the mouth for a pose.
 * Pure (no Phaser, no drawing), shared by the face and the facial hair, and unit tested.
 * Head-local coordinates: (0, 0) is the middle of the head, f and b its half width and half height.
 */
import type { FacePose } from './expressions';
import type { FigureSpec } from './figureSpec';
import { type Pt, clamp, p, quad } from './shapes';

/** Face landmarks as fractions of f (x) and b (y). */
export const FACE = {
  eyeX: 0.4,
  eyeY: 0.08,
  eyeW: 0.225,
  eyeH: 0.13,
  browY: -0.24,
  noseY: 0.4,
  mouthY: 0.63,
  earY: 0.1,
} as const;

/** Outline of the face and skull, clockwise from the crown. */
export function faceOutline(s: FigureSpec, n = 56): Pt[] {
  const { f, b, jaw } = s;
  const q = s.jawSquare;
  const out: Pt[] = [];
  for (let i = 0; i < n; i++) {
    const th = (i / n) * Math.PI * 2;
    let x = f * Math.sin(th);
    let y = -b * Math.cos(th);
    if (y > 0 && q !== 0) {
      const t = y / b;
      // Squarer (q > 0): a superellipse keeps the width further down to a broader chin, and the
      // narrowing starts later. Softer (q < 0): a gently tapered oval and a rounder chin.
      const nExp = 2 + 0.55 * q;
      x = Math.sign(x) * f * Math.pow(Math.max(0, 1 - Math.pow(t, nExp)), 1 / nExp);
      x *= 1 - jaw * (1 + 0.12 * q) * Math.pow(t, 2.1 + q * 0.9);
      const flat = 0.86 - 0.03 * q;
      if (t > flat) y = b * (flat + (t - flat) * (0.72 - 0.08 * q));
    } else if (y > 0) {
      const t = y / b;
      x *= 1 - jaw * Math.pow(t, 2.1);
      // A softly flattened chin rather than a point.
      if (t > 0.86) y = b * (0.86 + (t - 0.86) * 0.72);
    } else {
      x *= 1.015;
    }
    out.push({ x, y });
  }
  return out;
}

/** Where the mouth is for a pose: pure, so facial hair can be fitted round it and tested. */
export interface MouthShape {
  left: Pt;
  right: Pt;
  /** Control point of the lip line (its middle is halfway between this and the corners' mean). */
  ctrl: Pt;
  mx: number;
  mw: number;
  curve: number;
  press: number;
  lipFull: number;
  /** The line where the lips meet, left to right. */
  line: Pt[];
  upperLip: Pt[];
  /** How far the lower edge of an open mouth drops (0 when closed). */
  drop: number;
  /** Edges of the opening, left to right (only when open). */
  upperEdge: Pt[];
  lowerEdge: Pt[];
  /** The lower edge of the lower lip, left to right. */
  lowerLip: Pt[];
  /** The top of what must stay visible: the upper edge of the opening, or the lip line. */
  top: Pt[];
}

export function mouthShape(s: FigureSpec, pose: FacePose): MouthShape {
  const { f, b } = s;
  const curve = clamp(pose.mouthCurve, -1, 1);
  const open = clamp(pose.mouthOpen, 0, 1);
  const press = clamp(pose.lipPress, 0, 1);
  const mw = 0.3 * f * pose.mouthWidth * (1 - press * 0.08);
  const my = FACE.mouthY * b;
  const mx = pose.mouthSkew * 0.06 * f;
  const cornerY = my - curve * 0.085 * b;
  const left = p(mx - mw, cornerY + pose.mouthSkew * 0.07 * b);
  const right = p(mx + mw, cornerY - pose.mouthSkew * 0.07 * b);
  // Middle of the lip line: a smile dips it a little, a frown lifts it.
  const midY = my + curve * 0.035 * b;
  const ctrl = p(mx, 2 * midY - (left.y + right.y) / 2);
  const line = quad(left, ctrl, right, 16);
  const lipFull = (1 - press * 0.85) * (1 - s.ageing * 0.3) * s.lipFullness;
  // Upper lip (a soft shape above the line) and lower lip (fuller, below it).
  const upperLip = quad(
    p(left.x + mw * 0.1, left.y),
    p(mx, ctrl.y - b * 0.13 * lipFull - b * 0.02),
    p(right.x - mw * 0.1, right.y),
    12,
  );
  const base = { left, right, ctrl, mx, mw, curve, press, lipFull, line, upperLip };
  if (open > 0.04) {
    const drop = open * 0.3 * b * (1 - press * 0.6);
    const lowerEdge = quad(left, p(mx, ctrl.y + drop * 2), right, 16);
    const upperEdge = quad(left, p(mx, ctrl.y - drop * 0.25 - press * 0.02 * b), right, 16);
    const lowerLip = quad(
      p(left.x + mw * 0.2, left.y + b * 0.01),
      p(mx, ctrl.y + drop * 2 + b * 0.12 * lipFull),
      p(right.x - mw * 0.2, right.y + b * 0.01),
      12,
    );
    return { ...base, drop, upperEdge, lowerEdge, lowerLip, top: upperEdge };
  }
  const lowerLip = quad(
    p(left.x + mw * 0.18, left.y + b * 0.015),
    p(mx, ctrl.y + b * (0.02 + 0.16 * lipFull)),
    p(right.x - mw * 0.18, right.y + b * 0.015),
    12,
  );
  return { ...base, drop: 0, upperEdge: [], lowerEdge: [], lowerLip, top: line };
}
