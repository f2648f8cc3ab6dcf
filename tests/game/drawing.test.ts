/**
 * The figure and room drawing code runs against a fake Graphics that records every point, so
 * every combination of look parameters can be drawn under Node: nothing may throw, and every
 * coordinate must be a finite number (a NaN would silently draw nothing in the browser).
 */
import { describe, expect, it } from 'vitest';
import {
  BUILDS,
  CLOTHES,
  HAIR_COLOURS,
  HAIR_STYLES,
  HEADWEAR,
  LOCATION_KINDS,
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

/** Records numbers passed to drawing calls; counts filled shapes. */
function fakeGraphics() {
  const bad: string[] = [];
  let shapes = 0;
  const check = (name: string, args: unknown[]) => {
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
  return { g, bad, shapes: () => shapes };
}

function drawFigure(look: Look, height = 520, expression = 'calm') {
  const fake = fakeGraphics();
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

  it('draws the arms all the way from the lap to folded', () => {
    const s = makeSpec(base, 520);
    for (let t = 0; t <= 1; t += 0.1) {
      const fake = fakeGraphics();
      drawArms(fake.g, s, t);
      drawFeatures(fake.g, s, blendPose(poseFor('calm'), poseFor('guarded'), t));
      expect(fake.bad).toEqual([]);
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
