/**
 * How a face is drawn as a woman or a man, and facial hair: the pure parts (the figure's spec,
 * the colours, and where a moustache and beard sit against the mouth for every expression).
 */
import { describe, expect, it } from 'vitest';
import {
  BUILDS,
  CLOTHES,
  FACIAL_HAIR,
  HAIR_COLOURS,
  HAIR_STYLES,
  HEADWEAR,
  PRESENTATIONS,
  SKIN_TONES,
} from '../../src/engine/model';
import type { Look } from '../../src/engine/schema';
import {
  beardMass,
  beardTopAt,
  hasBeardMass,
  hasMoustache,
  keepAboveBeard,
  lineAboveBeard,
  mouthClearing,
  moustacheShape,
  MOUSTACHE_GAP,
  sideburnTop,
} from '../../src/game/art/drawFacialHair';
import { EXPRESSION_NAMES, type FacePose, blendPose, poseFor } from '../../src/game/art/expressions';
import { FACE, faceOutline, mouthShape } from '../../src/game/art/faceGeometry';
import {
  type FigureSpec,
  beardGreying,
  makeSpec,
  presentationShape,
  stubbleTint,
} from '../../src/game/art/figureSpec';
import { SKIN, HAIR, luminance, mix } from '../../src/game/art/palette';
import { insidePolygon, p, yAt } from '../../src/game/art/shapes';

const base: Look = {
  age: 50,
  skin: 'medium',
  hair: { style: 'short', colour: 'brown' },
  clothes: { style: 'jumper', colour: '#5a7d9a' },
};

/** A spare, varied set of looks: every hair style, headwear, skin tone, clothes and build. */
function variedLooks(): Look[] {
  const looks: Look[] = [];
  for (const style of HAIR_STYLES) {
    for (const headwear of HEADWEAR) looks.push({ ...base, hair: { style, colour: 'grey' }, headwear });
  }
  SKIN_TONES.forEach((skin, i) => {
    looks.push({ ...base, skin, age: 16 + i * 17, hair: { style: 'cropped', colour: HAIR_COLOURS[i]! } });
  });
  for (const style of CLOTHES) {
    for (const build of BUILDS) looks.push({ ...base, clothes: { style, colour: '#e8e0d0' }, build });
  }
  return looks;
}

function withoutLook(s: FigureSpec): Omit<FigureSpec, 'look'> {
  const { look: _look, ...rest } = s;
  return rest;
}

/** Poses worth checking: each expression, and (with `blends`) partway between each pair. */
function poses(blends: boolean) {
  const out: { name: string; pose: FacePose }[] = EXPRESSION_NAMES.map((e) => ({
    name: e,
    pose: poseFor(e),
  }));
  if (!blends) return out;
  for (const a of EXPRESSION_NAMES) {
    for (const b of EXPRESSION_NAMES) {
      if (a < b) out.push({ name: `${a}→${b}`, pose: blendPose(poseFor(a), poseFor(b), 0.35) });
    }
  }
  return out;
}

describe('presentation', () => {
  it('unstated, or absent, changes nothing about a figure: sizes, colours and the seed', () => {
    for (const look of variedLooks()) {
      const plain = makeSpec(look, 520);
      const unstated = makeSpec({ ...look, presents: 'unstated', facialHair: 'none' }, 520);
      expect(withoutLook(unstated), JSON.stringify(look)).toEqual(withoutLook(plain));
      expect(plain.presents).toBe('unstated');
      expect(plain.facialHair).toBe('none');
    }
    expect(presentationShape(undefined)).toEqual(presentationShape('unstated'));
  });

  it('keeps per-character variety (eye, turban and chair colours) when presentation or facial hair is added', () => {
    const look: Look = { ...base, headwear: 'turban' };
    for (const presents of PRESENTATIONS) {
      for (const facialHair of FACIAL_HAIR) {
        const s = makeSpec({ ...look, presents, facialHair }, 520);
        expect(s.seed).toBe(makeSpec(look, 520).seed);
        expect(s.headwear).toBe(makeSpec(look, 520).headwear);
        expect(s.iris).toBe(makeSpec(look, 520).iris);
      }
    }
  });

  it("draws a man's face squarer with heavier brows, and a woman's softer with finer brows and fuller lips", () => {
    for (const look of variedLooks()) {
      const unstated = makeSpec(look, 520);
      const man = makeSpec({ ...look, presents: 'man' }, 520);
      const woman = makeSpec({ ...look, presents: 'woman' }, 520);
      expect(man.jawSquare).toBeGreaterThan(0);
      expect(woman.jawSquare).toBeLessThan(0);
      expect(man.browWeight).toBeGreaterThan(1);
      expect(woman.browWeight).toBeLessThan(1);
      expect(woman.lipFullness).toBeGreaterThan(1);
      expect(man.lipFullness).toBeLessThan(1);
      // Slightly wider shoulders and neck for a man; a woman's shoulders as everyone's.
      expect(man.SW).toBeGreaterThan(unstated.SW);
      expect(man.SW).toBeLessThan(unstated.SW * 1.08);
      expect(man.neckW).toBeGreaterThan(unstated.neckW);
      expect(woman.SW).toBe(unstated.SW);
      // Never a caricature: the head itself is the same size.
      expect(man.f).toBe(unstated.f);
      expect(man.b).toBe(unstated.b);
    }
  });

  it('gives a squarer jaw a broader chin than a softer one, the head the same height', () => {
    const widthNearChin = (s: FigureSpec) => {
      const out = faceOutline(s, 120);
      return Math.max(...out.filter((q) => q.y > 0.82 * s.b).map((q) => Math.abs(q.x))) / s.f;
    };
    const bottom = (s: FigureSpec) => Math.max(...faceOutline(s, 120).map((q) => q.y)) / s.b;
    for (const age of [18, 40, 80]) {
      const man = makeSpec({ ...base, age, presents: 'man' }, 520);
      const unstated = makeSpec({ ...base, age }, 520);
      const woman = makeSpec({ ...base, age, presents: 'woman' }, 520);
      expect(widthNearChin(man)).toBeGreaterThan(widthNearChin(unstated));
      expect(widthNearChin(unstated)).toBeGreaterThan(widthNearChin(woman) - 1e-9);
      for (const s of [man, woman]) expect(Math.abs(bottom(s) - bottom(unstated))).toBeLessThan(0.03);
    }
  });

  it("shows a man's Adam's apple only where nothing covers the neck", () => {
    expect(makeSpec({ ...base, presents: 'man' }, 520).adamsApple).toBe(true);
    expect(makeSpec({ ...base, presents: 'man', facialHair: 'goatee' }, 520).adamsApple).toBe(true);
    expect(makeSpec({ ...base, presents: 'man', facialHair: 'beard' }, 520).adamsApple).toBe(false);
    expect(makeSpec({ ...base, presents: 'man', facialHair: 'full-beard' }, 520).adamsApple).toBe(false);
    expect(makeSpec({ ...base, presents: 'man', headwear: 'hijab' }, 520).adamsApple).toBe(false);
    expect(makeSpec({ ...base, presents: 'woman' }, 520).adamsApple).toBe(false);
    expect(makeSpec(base, 520).adamsApple).toBe(false);
  });
});

describe('facial hair colour', () => {
  it('is the hair colour, whatever the hair style (a bald man uses the colour given)', () => {
    for (const colour of HAIR_COLOURS) {
      for (const style of ['bald', 'thinning', 'short'] as const) {
        const s = makeSpec({ ...base, hair: { style, colour }, facialHair: 'beard' }, 520);
        expect(s.beard).toBe(HAIR[colour]);
        expect(s.beard).toBe(s.hair);
      }
    }
  });

  it('greys with age, from none before 45, unless the hair is already grey or white', () => {
    expect(beardGreying(30, 'black')).toBe(0);
    expect(beardGreying(45, 'brown')).toBe(0);
    expect(beardGreying(60, 'black')).toBeGreaterThan(0);
    expect(beardGreying(85, 'black')).toBeGreaterThan(beardGreying(60, 'black'));
    expect(beardGreying(110, 'ginger')).toBeLessThanOrEqual(0.4);
    expect(beardGreying(90, 'grey')).toBe(0);
    expect(beardGreying(90, 'white')).toBe(0);
  });

  it('makes stubble show, softly, on every skin tone with every hair colour', () => {
    for (const [skinName, skin] of Object.entries(SKIN)) {
      for (const [hairName, hair] of Object.entries(HAIR)) {
        const { colour, alpha } = stubbleTint(skin, hair);
        expect(alpha, `${skinName}/${hairName}`).toBeGreaterThanOrEqual(0.2);
        expect(alpha, `${skinName}/${hairName}`).toBeLessThanOrEqual(0.5);
        // Its dots over the skin differ in lightness by enough to see.
        const dot = mix(skin, colour, Math.min(1, alpha * 1.3));
        expect(Math.abs(luminance(dot) - luminance(skin)), `${skinName}/${hairName}`).toBeGreaterThan(0.07);
      }
    }
  });
});

describe('facial hair and the mouth', () => {
  // Every style with each presentation at a young, middle and old age; blends checked on some.
  const specs: { s: FigureSpec; blends: boolean }[] = [];
  for (const style of FACIAL_HAIR.filter(hasMoustache)) {
    PRESENTATIONS.forEach((presents, i) => {
      [17, 45, 92].forEach((age, j) => {
        const look: Look = { ...base, age, presents, facialHair: style, skin: SKIN_TONES[i + j]! };
        specs.push({ s: makeSpec(look, 480), blends: i === j });
      });
    });
  }

  it('keeps a moustache above the lip line, or the open mouth, in every expression and blend', () => {
    for (const { s, blends } of specs) {
      for (const { name, pose } of poses(blends)) {
        const m = mouthShape(s, pose);
        const tache = moustacheShape(s, s.facialHair, m);
        // Everywhere across the mouth, the moustache's lower edge is above its top.
        for (let k = 0.02; k < 0.99; k += 0.04) {
          const x = m.left.x + (m.right.x - m.left.x) * k;
          const gap = yAt(m.top, x) - yAt(tache.lower, x);
          expect(gap, `${s.facialHair} ${s.presents} ${s.age} ${name} at ${k.toFixed(2)}`).toBeGreaterThan(
            MOUSTACHE_GAP * s.b * 0.9,
          );
        }
        // It has substance in the middle, and stays below the nose.
        const mid = m.mx;
        const thickness = yAt(tache.lower, mid) - yAt(tache.upper, mid);
        expect(thickness, `${s.facialHair} ${name}`).toBeGreaterThan(0.035 * s.b);
        for (const q of tache.upper) expect(q.y).toBeGreaterThan(FACE.noseY * s.b);
        // Its ends follow the mouth corners: up in a smile, down in a frown.
        if (name === 'smiling' || name === 'upset') {
          const calm = moustacheShape(s, s.facialHair, mouthShape(s, poseFor('calm')));
          const up = calm.lower[0]!.y - tache.lower[0]!.y;
          expect(name === 'smiling' ? up : -up, `${s.facialHair} ${name}`).toBeGreaterThan(0);
        }
      }
    }
  }, 60_000);

  it('keeps the lips and the open mouth inside the clearing a beard leaves for them', () => {
    for (const { s, blends } of specs.filter((x) => hasBeardMass(x.s.facialHair))) {
      for (const { name, pose } of poses(blends)) {
        const m = mouthShape(s, pose);
        const clearing = mouthClearing(s, m);
        const inner = [...m.line.slice(1, -1), ...m.lowerEdge.slice(1, -1), ...m.lowerLip.slice(1, -1)];
        for (const q of inner) {
          expect(insidePolygon(clearing, q.x, q.y - 0.002 * s.b), `${s.facialHair} ${name}`).toBe(true);
        }
      }
    }
  }, 60_000);

  it('never lets a beard cover the eyes or the nose, and reaches the mouth', () => {
    for (const style of FACIAL_HAIR.filter((x) => x !== 'none' && x !== 'moustache')) {
      for (const look of variedLooks()) {
        const s = makeSpec({ ...look, presents: 'man', facialHair: style }, 520);
        const mass = beardMass(s, style);
        expect(mass.length, style).toBeGreaterThan(10);
        for (const side of [-1, 1]) {
          const eye = p(side * FACE.eyeX * s.f, FACE.eyeY * s.b);
          expect(insidePolygon(mass, eye.x, eye.y), `${style} eye`).toBe(false);
          expect(insidePolygon(mass, eye.x, eye.y + FACE.eyeH * s.b * 1.2), `${style} under eye`).toBe(false);
        }
        expect(insidePolygon(mass, 0, FACE.noseY * s.b), `${style} nose`).toBe(false);
        // Round the mouth: just beside each corner, and under the lower lip.
        const m = mouthShape(s, poseFor('calm'));
        expect(insidePolygon(mass, m.left.x - 0.04 * s.f, m.left.y + 0.02 * s.b), style).toBe(true);
        expect(insidePolygon(mass, m.right.x + 0.04 * s.f, m.right.y + 0.02 * s.b), style).toBe(true);
        expect(insidePolygon(mass, 0, FACE.mouthY * s.b + 0.25 * s.b), style).toBe(true);
      }
    }
  });

  it('hangs a full beard lower than a beard, a beard just past the chin, stubble inside the face', () => {
    const lowest = (pts: { y: number }[]) => Math.max(...pts.map((q) => q.y));
    for (const presents of PRESENTATIONS) {
      const s = (facialHair: (typeof FACIAL_HAIR)[number]) =>
        makeSpec({ ...base, presents, facialHair }, 520);
      const chin = lowest(faceOutline(s('none'), 120));
      const b = s('none').b;
      expect(lowest(beardMass(s('stubble'), 'stubble'))).toBeLessThan(chin);
      expect(lowest(beardMass(s('beard'), 'beard'))).toBeGreaterThan(chin);
      expect(lowest(beardMass(s('beard'), 'beard'))).toBeLessThan(chin + 0.2 * b);
      expect(lowest(beardMass(s('goatee'), 'goatee'))).toBeGreaterThan(chin);
      expect(lowest(beardMass(s('full-beard'), 'full-beard'))).toBeGreaterThan(chin + 0.3 * b);
    }
  });

  it('runs a beard up under a turban, and only a little way up a bald head', () => {
    const turban = makeSpec({ ...base, headwear: 'turban', facialHair: 'full-beard' }, 520);
    const bald = makeSpec({ ...base, hair: { style: 'bald', colour: 'grey' }, facialHair: 'beard' }, 520);
    // The turban's lower edge is at -0.2 b at the side and higher towards the front.
    expect(sideburnTop(turban)).toBeLessThan(-0.3);
    expect(sideburnTop(bald)).toBeGreaterThan(-0.1);
    const top = Math.min(...beardMass(turban, 'full-beard').map((q) => q.y)) / turban.b;
    expect(top).toBeCloseTo(sideburnTop(turban), 5);
  });

  it('keeps a flush and smile lines on the skin above a beard, and leaves them alone without one', () => {
    const plain = makeSpec(base, 520);
    const pts = [p(0.5 * plain.f, 0.6 * plain.b), p(0.3 * plain.f, 0.2 * plain.b)];
    expect(keepAboveBeard(plain, pts)).toBe(pts);
    expect(lineAboveBeard(plain, pts)).toBe(pts);
    const tache = makeSpec({ ...base, facialHair: 'moustache' }, 520);
    expect(keepAboveBeard(tache, pts)).toBe(pts);
    const bearded = makeSpec({ ...base, facialHair: 'beard' }, 520);
    for (const q of keepAboveBeard(bearded, pts)) expect(q.y).toBeLessThanOrEqual(beardTopAt(bearded, q.x));
    const line = [p(0.23 * bearded.f, 0.42 * bearded.b), p(0.4 * bearded.f, 0.8 * bearded.b)];
    expect(lineAboveBeard(bearded, line)).toEqual([line[0]]);
  });
});
