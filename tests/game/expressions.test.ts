import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  EXPRESSION_NAMES,
  POSE_KEYS,
  blendPose,
  isExpressionName,
  poseDistance,
  poseFor,
} from '../../src/game/art/expressions';
import { REQUIRED_EXPRESSIONS } from '../../src/engine/model';

const yamlPath = fileURLToPath(new URL('../../scenarios/expressions.yaml', import.meta.url));
const fileNames = Object.keys(parse(readFileSync(yamlPath, 'utf8')) as Record<string, unknown>);

describe('expressions', () => {
  it('defines a pose for every expression in scenarios/expressions.yaml, and no others', () => {
    expect([...EXPRESSION_NAMES].sort()).toEqual([...fileNames].sort());
    for (const name of [...fileNames, ...REQUIRED_EXPRESSIONS]) expect(isExpressionName(name)).toBe(true);
  });

  it('gives every pose every field as a finite number', () => {
    for (const name of EXPRESSION_NAMES) {
      const pose = poseFor(name);
      for (const key of POSE_KEYS) expect(Number.isFinite(pose[key]), `${name}.${key}`).toBe(true);
      expect(Object.keys(pose).sort()).toEqual([...POSE_KEYS].sort());
    }
  });

  it('falls back to calm for an unknown name, and returns copies', () => {
    expect(poseFor('bewildered')).toEqual(poseFor('calm'));
    const a = poseFor('angry');
    a.flush = 0;
    expect(poseFor('angry').flush).toBeGreaterThan(0);
  });

  it('keeps every pair of expressions clearly apart', () => {
    for (const a of EXPRESSION_NAMES) {
      for (const b of EXPRESSION_NAMES) {
        if (a >= b) continue;
        expect(poseDistance(poseFor(a), poseFor(b)), `${a} vs ${b}`).toBeGreaterThan(0.75);
      }
    }
  });

  it('keeps the face alone (brows, eyes, mouth) distinct, not just the body', () => {
    const faceKeys = [
      'browTilt',
      'browLift',
      'browAsym',
      'eyeOpen',
      'eyeSmile',
      'mouthCurve',
      'mouthOpen',
      'mouthWidth',
      'mouthSkew',
      'lipPress',
      'tears',
    ] as const;
    for (const a of EXPRESSION_NAMES) {
      for (const b of EXPRESSION_NAMES) {
        if (a >= b) continue;
        const pa = poseFor(a);
        const pb = poseFor(b);
        const d = Math.sqrt(faceKeys.reduce((s, k) => s + (pa[k] - pb[k]) ** 2, 0));
        expect(d, `${a} vs ${b}`).toBeGreaterThan(0.5);
      }
    }
  });

  it('blends: the endpoints are the poses and the middle is in between', () => {
    for (const a of EXPRESSION_NAMES) {
      for (const b of EXPRESSION_NAMES) {
        const pa = poseFor(a);
        const pb = poseFor(b);
        expect(blendPose(pa, pb, 0)).toEqual(pa);
        expect(blendPose(pa, pb, 1)).toEqual(pb);
        const mid = blendPose(pa, pb, 0.5);
        for (const key of POSE_KEYS) expect(mid[key]).toBeCloseTo((pa[key] + pb[key]) / 2, 10);
      }
    }
    // Out-of-range t is clamped.
    expect(blendPose(poseFor('calm'), poseFor('angry'), 2)).toEqual(poseFor('angry'));
  });
});
