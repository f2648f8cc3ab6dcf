/**
 * Facial expressions as numbers. A FacePose says where the brows, lids and mouth sit; the
 * character figure draws whatever pose it is given, so blending two poses animates a change of
 * expression. Pure: no Phaser, runs under Node in tests.
 *
 * Every named expression leans on more than one cue (brows, eyes, mouth, head and shoulders)
 * so that it reads at a glance and never through colour alone.
 */
import { EXPRESSIONS as EXPRESSION_NAMES, type ExpressionName } from '../../engine/model';

export interface FacePose {
  /** -1 inner brow ends pulled down (anger) .. +1 inner ends raised (worry, sadness). */
  browTilt: number;
  /** -1 brows lowered .. +1 brows raised. */
  browLift: number;
  /** -1..+1: the figure's left brow up and right brow down (or the reverse): puzzlement. */
  browAsym: number;
  /** 0 shut .. 1 normal .. 1.25 wide open. */
  eyeOpen: number;
  /** Gaze sideways: -1 towards the viewer's left .. +1 towards the viewer's right. */
  eyeLook: number;
  /** Gaze up and down: -1 up .. +1 down. */
  eyeLookY: number;
  /** 0..1 lower lids pushed up by the cheeks, as in a real smile. */
  eyeSmile: number;
  /** -1 corners down (frown) .. +1 corners up (smile). */
  mouthCurve: number;
  /** 0 closed .. 1 open. */
  mouthOpen: number;
  /** 1 is a relaxed mouth; 0.7 small and tight, 1.25 wide. */
  mouthWidth: number;
  /** -1..+1 lopsided mouth (one corner up, one down). */
  mouthSkew: number;
  /** 0..1 lips pressed into a thin line. */
  lipPress: number;
  /** 0..1 tears on the cheeks and wet lower lids. */
  tears: number;
  /** 0..1 reddened cheeks. */
  flush: number;
  /** -1..+1 head tilted to one side (about 8 degrees at 1). */
  headTilt: number;
  /** -1 chin up .. +1 head bowed. */
  headDrop: number;
  /** -1 shoulders dropped and loose .. +1 shoulders raised and tense. */
  shoulderLift: number;
  /** 0 hands in the lap .. 1 arms folded across the chest. */
  armsFolded: number;
}

export const POSE_KEYS = [
  'browTilt',
  'browLift',
  'browAsym',
  'eyeOpen',
  'eyeLook',
  'eyeLookY',
  'eyeSmile',
  'mouthCurve',
  'mouthOpen',
  'mouthWidth',
  'mouthSkew',
  'lipPress',
  'tears',
  'flush',
  'headTilt',
  'headDrop',
  'shoulderLift',
  'armsFolded',
] as const satisfies readonly (keyof FacePose)[];

/** The expressions named in scenarios/expressions.yaml, in that order. */
export { EXPRESSION_NAMES, type ExpressionName };

const NEUTRAL: FacePose = {
  browTilt: 0,
  browLift: 0,
  browAsym: 0,
  eyeOpen: 1,
  eyeLook: 0,
  eyeLookY: 0,
  eyeSmile: 0,
  mouthCurve: 0,
  mouthOpen: 0,
  mouthWidth: 1,
  mouthSkew: 0,
  lipPress: 0,
  tears: 0,
  flush: 0,
  headTilt: 0,
  headDrop: 0,
  shoulderLift: 0,
  armsFolded: 0,
};

const POSES: Record<ExpressionName, FacePose> = {
  // Relaxed and attentive: level brows, open eyes, the faintest pleasant mouth.
  calm: { ...NEUTRAL, mouthCurve: 0.22, eyeSmile: 0.1 },
  // Inner brows up, eyes a little wide and glancing aside, small flat mouth, shoulders up.
  worried: {
    ...NEUTRAL,
    browTilt: 0.75,
    browLift: 0.3,
    eyeOpen: 1.12,
    eyeLook: -0.35,
    mouthCurve: -0.18,
    mouthWidth: 0.72,
    lipPress: 0.35,
    shoulderLift: 0.55,
  },
  // Brows up in the middle, eyes lowered, clear downturned mouth, head dipped.
  upset: {
    ...NEUTRAL,
    browTilt: 0.95,
    browLift: 0.05,
    eyeOpen: 0.78,
    eyeLookY: 0.55,
    mouthCurve: -0.85,
    mouthWidth: 0.95,
    lipPress: 0.15,
    headDrop: 0.45,
    shoulderLift: 0.1,
  },
  // As upset but more so: eyes part-closed, mouth down and trembling open, tears.
  tearful: {
    ...NEUTRAL,
    browTilt: 1,
    browLift: 0.2,
    eyeOpen: 0.5,
    eyeLookY: 0.6,
    mouthCurve: -0.7,
    mouthOpen: 0.28,
    mouthWidth: 0.88,
    tears: 1,
    flush: 0.45,
    headTilt: 0.35,
    headDrop: 0.7,
    shoulderLift: 0.25,
  },
  // Brows pulled down in the middle, hard stare, tight downturned mouth, flushed, chin up.
  angry: {
    ...NEUTRAL,
    browTilt: -1,
    browLift: -0.55,
    eyeOpen: 0.92,
    mouthCurve: -0.45,
    mouthOpen: 0.12,
    mouthWidth: 0.92,
    lipPress: 1,
    flush: 0.85,
    headDrop: -0.35,
    shoulderLift: 0.7,
  },
  // Soft brows, soft half-lidded eyes, gentle closed smile, shoulders down, head eased over.
  relieved: {
    ...NEUTRAL,
    browTilt: 0.3,
    browLift: 0.3,
    eyeOpen: 0.55,
    eyeSmile: 0.35,
    eyeLookY: 0.2,
    mouthCurve: 0.55,
    mouthWidth: 1.02,
    headTilt: 0.55,
    headDrop: 0.1,
    shoulderLift: -1,
  },
  // A clear, open smile that reaches the eyes.
  smiling: {
    ...NEUTRAL,
    browLift: 0.2,
    eyeOpen: 0.88,
    eyeSmile: 0.85,
    mouthCurve: 1,
    mouthOpen: 0.45,
    mouthWidth: 1.22,
    headTilt: -0.2,
  },
  // One brow up and one down, eyes glancing up, lopsided mouth, head tilted.
  confused: {
    ...NEUTRAL,
    browAsym: 1,
    browTilt: 0.25,
    browLift: 0.1,
    eyeOpen: 1.05,
    eyeLook: 0.35,
    eyeLookY: -0.35,
    mouthCurve: -0.1,
    mouthWidth: 0.78,
    mouthSkew: 0.9,
    headTilt: -1,
  },
  // Brows a little down, eyes narrowed and sideways, lips pressed flat, arms folded.
  guarded: {
    ...NEUTRAL,
    browTilt: -0.4,
    browLift: -0.3,
    eyeOpen: 0.62,
    eyeLook: 0.6,
    mouthCurve: -0.12,
    mouthWidth: 0.8,
    lipPress: 1,
    headDrop: -0.15,
    shoulderLift: 0.25,
    armsFolded: 1,
  },
};

export function isExpressionName(name: string): name is ExpressionName {
  return (EXPRESSION_NAMES as readonly string[]).includes(name);
}

/** The pose for a named expression. Unknown names give calm. Always a fresh copy. */
export function poseFor(expression: string): FacePose {
  const pose = isExpressionName(expression) ? POSES[expression] : POSES.calm;
  return { ...pose };
}

/** Linear blend: t=0 gives a, t=1 gives b (t is clamped to 0..1). */
export function blendPose(a: FacePose, b: FacePose, t: number): FacePose {
  const k = Math.max(0, Math.min(1, t));
  const out = { ...a };
  // a(1-k) + bk rather than a + (b-a)k, so both endpoints come back exactly.
  for (const key of POSE_KEYS) out[key] = a[key] * (1 - k) + b[key] * k;
  return out;
}

/** How different two poses are (Euclidean over all fields). Used to test distinctness. */
export function poseDistance(a: FacePose, b: FacePose): number {
  let sum = 0;
  for (const key of POSE_KEYS) sum += (a[key] - b[key]) ** 2;
  return Math.sqrt(sum);
}
