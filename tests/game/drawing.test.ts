/**
 * The figure and room drawing code runs against a fake Graphics that records every point, so
 * every combination of look parameters can be drawn under Node: nothing may throw, and every
 * coordinate must be a finite number (a NaN would silently draw nothing in the browser).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  BUILDS,
  CLOTHES,
  FACIAL_HAIR,
  HAIR_COLOURS,
  HAIR_STYLES,
  HEADWEAR,
  LOCATION_KINDS,
  PRESENTATIONS,
  SKIN_TONES,
} from '../../src/engine/model';
import type { Look } from '../../src/engine/schema';
import { drawArms, drawSeat, drawTorso } from '../../src/game/art/drawBody';
import { drawFaceBase, drawFeatures, drawGlasses } from '../../src/game/art/drawFace';
import { drawHairBack, drawHairFront, drawHeadwearBack, drawHijabDrape } from '../../src/game/art/drawHair';
import { paintRoom } from '../../src/game/art/paintRoom';
import { EXPRESSION_NAMES, blendPose, poseFor } from '../../src/game/art/expressions';
import { makeSpec } from '../../src/game/art/figureSpec';
import type { G } from '../../src/game/art/shapes';

/** Records numbers passed to drawing calls; counts filled shapes; hashes every call in order. */
function fakeGraphics(record = false) {
  const bad: string[] = [];
  let shapes = 0;
  const hash = createHash('sha256');
  const check = (name: string, args: unknown[]) => {
    if (record) hash.update(name + JSON.stringify(args));
    const visit = (v: unknown): void => {
      if (typeof v === 'number' && !Number.isFinite(v)) bad.push(`${name}: ${String(v)}`);
      else if (Array.isArray(v)) v.forEach(visit);
      else if (v && typeof v === 'object') Object.values(v).forEach(visit);
    };
    args.forEach(visit);
  };
  const g = new Proxy(
    {},
    {
      get(_t, name: string) {
        return (...args: unknown[]) => {
          check(name, args);
          if (name.startsWith('fill')) shapes++;
          return g;
        };
      },
    },
  ) as unknown as G;
  return { g, bad, shapes: () => shapes, digest: () => hash.digest('hex') };
}

function drawFigure(look: Look, height = 520, expression = 'calm', record = false) {
  const fake = fakeGraphics(record);
  const s = makeSpec(look, height);
  const pose = poseFor(expression);
  drawHairBack(fake.g, s);
  drawTorso(fake.g, s);
  if (s.hasHijab) drawHijabDrape(fake.g, s);
  drawArms(fake.g, s, pose.armsFolded);
  drawSeat(fake.g, fake.g, s);
  drawHeadwearBack(fake.g, s);
  drawFaceBase(fake.g, s, true);
  drawFeatures(fake.g, s, pose);
  drawHairFront(fake.g, s);
  if (look.glasses) drawGlasses(fake.g, s);
  return fake;
}

/** Only the head: what facial hair changes. */
function drawHead(look: Look, height: number, expression: string) {
  const fake = fakeGraphics();
  const s = makeSpec(look, height);
  drawHairBack(fake.g, s);
  drawHeadwearBack(fake.g, s);
  drawFaceBase(fake.g, s, true);
  drawFeatures(fake.g, s, poseFor(expression));
  drawHairFront(fake.g, s);
  if (look.glasses) drawGlasses(fake.g, s);
  return fake;
}

const base: Look = {
  age: 50,
  skin: 'medium',
  hair: { style: 'short', colour: 'brown' },
  clothes: { style: 'jumper', colour: '#5a7d9a' },
};

describe('figure drawing', () => {
  it('draws every hair style with every headwear, and every clothes style, with finite numbers', () => {
    for (const style of HAIR_STYLES) {
      for (const headwear of HEADWEAR) {
        const fake = drawFigure({ ...base, hair: { style, colour: 'grey' }, headwear, glasses: true });
        expect(fake.bad, `${style} + ${headwear}`).toEqual([]);
        expect(fake.shapes()).toBeGreaterThan(50);
      }
    }
    for (const style of CLOTHES) {
      for (const build of BUILDS) {
        const fake = drawFigure({ ...base, clothes: { style, colour: '#e8e0d0' }, build });
        expect(fake.bad, `${style} ${build}`).toEqual([]);
      }
    }
  });

  it('draws every skin tone, hair colour, age and expression, at small and large sizes', () => {
    for (const skin of SKIN_TONES) {
      for (const colour of HAIR_COLOURS) {
        for (const age of [16, 19, 35, 60, 80, 95, 110]) {
          const fake = drawFigure(
            { ...base, skin, age, hair: { style: 'curly', colour } },
            age % 2 ? 120 : 900,
          );
          expect(fake.bad).toEqual([]);
        }
      }
    }
    for (const expression of EXPRESSION_NAMES) {
      expect(drawFigure(base, 60, expression).bad, expression).toEqual([]);
    }
  });

  it('draws a look exactly as before when it says nothing about presentation or facial hair', () => {
    const looks: Look[] = [];
    HAIR_STYLES.forEach((style, i) => {
      looks.push({ ...base, hair: { style, colour: 'grey' }, headwear: HEADWEAR[i % HEADWEAR.length]! });
    });
    for (const headwear of HEADWEAR)
      looks.push({ ...base, headwear, clothes: { style: 'uniform', colour: '#3b5b8f' } });
    for (const skin of SKIN_TONES) looks.push({ ...base, skin, age: 84, glasses: true, build: 'broad' });
    looks.forEach((look, i) => {
      // A few expressions per look, every expression over all the looks.
      for (const expression of [EXPRESSION_NAMES[i % 9]!, EXPRESSION_NAMES[(i + 4) % 9]!]) {
        const absent = drawFigure(look, 520, expression, true).digest();
        const stated = drawFigure(
          { ...look, presents: 'unstated', facialHair: 'none' },
          520,
          expression,
          true,
        );
        expect(stated.digest(), `${JSON.stringify(look)} ${expression}`).toBe(absent);
      }
    });
  }, 60_000);

  it('draws every facial hair style on every presentation, hair style, headwear and expression', () => {
    FACIAL_HAIR.forEach((facialHair, k) => {
      HAIR_STYLES.forEach((style, i) => {
        HEADWEAR.forEach((headwear, j) => {
          const presents = PRESENTATIONS[(i + j + k) % PRESENTATIONS.length]!;
          {
            const look: Look = {
              ...base,
              hair: { style, colour: 'black' },
              headwear,
              presents,
              facialHair,
              glasses: true,
            };
            const fake = drawHead(look, 300, EXPRESSION_NAMES[(style.length + headwear.length) % 9]!);
            expect(fake.bad, `${facialHair} ${presents} ${style} ${headwear}`).toEqual([]);
          }
        });
      });
      for (const presents of PRESENTATIONS) {
        const whole = drawFigure({ ...base, presents, facialHair, build: 'slight' }, 520, 'tearful');
        expect(whole.bad, `${facialHair} ${presents} figure`).toEqual([]);
      }
      EXPRESSION_NAMES.forEach((expression, i) => {
        {
          const skin = SKIN_TONES[(i + k) % SKIN_TONES.length]!;
          const look: Look = { ...base, skin, presents: 'man', facialHair, age: 16 + skin.length * 9 };
          const fake = drawHead(look, 60 + skin.length * 80, expression);
          expect(fake.bad, `${facialHair} ${skin} ${expression}`).toEqual([]);
          if (facialHair !== 'none') {
            const clean = drawHead({ ...look, facialHair: 'none' }, 60 + skin.length * 80, expression);
            expect(fake.shapes(), `${facialHair} adds hair`).toBeGreaterThan(clean.shapes());
          }
        }
      });
    });
  }, 60_000);

  it('draws the arms all the way from the lap to folded', () => {
    const s = makeSpec(base, 520);
    for (let t = 0; t <= 1; t += 0.1) {
      const fake = fakeGraphics();
      drawArms(fake.g, s, t);
      drawFeatures(fake.g, s, blendPose(poseFor('calm'), poseFor('guarded'), t));
      expect(fake.bad).toEqual([]);
    }
    // Through a beard too, between every pair of expressions.
    const bearded = makeSpec({ ...base, presents: 'man', facialHair: 'full-beard' }, 520);
    for (const a of EXPRESSION_NAMES) {
      for (const b of EXPRESSION_NAMES) {
        const fake = fakeGraphics();
        drawFeatures(fake.g, bearded, blendPose(poseFor(a), poseFor(b), 0.4));
        expect(fake.bad, `${a}→${b}`).toEqual([]);
      }
    }
  });

  it('makes different looks measurably different figures', () => {
    const slight = makeSpec({ ...base, build: 'slight' }, 520);
    const broad = makeSpec({ ...base, build: 'broad' }, 520);
    expect(broad.SW).toBeGreaterThan(slight.SW * 1.15);
    expect(makeSpec({ ...base, age: 88 }, 520).stoop).toBeGreaterThan(0);
    expect(makeSpec({ ...base, age: 40 }, 520).stoop).toBe(0);
    const tones = SKIN_TONES.map((skin) => makeSpec({ ...base, skin }, 520).skin);
    expect(new Set(tones).size).toBe(SKIN_TONES.length);
    const hairs = HAIR_COLOURS.map(
      (colour) => makeSpec({ ...base, hair: { style: 'bob', colour } }, 520).hair,
    );
    expect(new Set(hairs).size).toBe(HAIR_COLOURS.length);
  });
});

describe('room painting', () => {
  it('paints every location kind at several aspect ratios with finite numbers', () => {
    for (const kind of LOCATION_KINDS) {
      for (const width of [1600, 1200, 2100]) {
        const fake = fakeGraphics();
        paintRoom(fake.g, kind, width);
        expect(fake.bad, kind).toEqual([]);
        expect(fake.shapes(), kind).toBeGreaterThan(40);
      }
    }
  });
});
