/**
 * Everything a figure's drawing needs, worked out once from a Look and a height: sizes, colours
 * and age effects. Pure (no Phaser), so it can be unit tested.
 *
 * Coordinates: the figure's origin is its bottom centre, y grows downwards, so the body lives at
 * negative y. Head parts are drawn in head-local coordinates centred on the middle of the head
 * (f = half the head's width, b = half its height).
 */
import type { FACIAL_HAIR, PRESENTATIONS } from '../../engine/model';
import type { Look } from '../../engine/schema';
import {
  EYE_WHITE,
  INK,
  accentFor,
  darken,
  hairColour,
  hashString,
  hexToInt,
  lighten,
  luminance,
  mix,
  rgb,
  skinColour,
  underLayerFor,
} from './palette';

export type Presentation = (typeof PRESENTATIONS)[number];
export type FacialHair = (typeof FACIAL_HAIR)[number];

export interface FigureSpec {
  look: Look;
  /** How the face is drawn: 'unstated' (absent) draws exactly as before these existed. */
  presents: Presentation;
  facialHair: FacialHair;
  seed: number;
  /** Figure height in px and 1% of it. */
  H: number;
  u: number;
  age: number;
  /** 0 young .. 1 very old: how strong the lines and the stoop are. */
  ageing: number;
  /** 1 at 16, falling to 0 by 28: bigger eyes, softer jaw, smaller nose. */
  youth: number;
  stoop: number;
  /** Outline width for the soft outlines. */
  lw: number;

  skin: number;
  skinShadow: number;
  skinDeep: number;
  skinLight: number;
  skinLine: number;
  lip: number;
  lipLine: number;
  blush: number;

  hair: number;
  hairShadow: number;
  hairLight: number;
  hairLine: number;
  brow: number;
  lash: number;
  iris: number;
  eyeWhite: number;

  cloth: number;
  clothShadow: number;
  clothDeep: number;
  clothLight: number;
  clothLine: number;
  accent: number;
  under: number;
  headwear: number;

  /** Head half width and half height. */
  f: number;
  b: number;
  /** Head centre y (root coords) when the pose is neutral. */
  headY: number;
  /** How much the lower face narrows to the chin (bigger = more pointed). */
  jaw: number;
  /** 0 as drawn for everyone; 1 a squarer jaw (fuller to the angle of the jaw, a broader chin); <0 softer. */
  jawSquare: number;
  /** Brow thickness (1 as drawn for everyone; heavier for a man, finer for a woman). */
  browWeight: number;
  /** How much the brow arches (1 as drawn for everyone). */
  browArch: number;
  /** How far the brows sit lower than usual, as a fraction of b (0 for everyone but a man). */
  browDrop: number;
  /** Lip fullness (1 as drawn for everyone). */
  lipFullness: number;
  /** The upper lash line's weight (1 as drawn for everyone). */
  lashWeight: number;
  /** A soft Adam's apple on the neck (a man's, where no beard covers it). */
  adamsApple: boolean;
  /** Facial hair colours: the hair colour, with its shadow, light, outline and stubble tint. */
  beard: number;
  beardShadow: number;
  beardLight: number;
  beardLine: number;
  /** Grey flecks in the beard: 0 none .. about 0.4 very grey. */
  beardGrey: number;
  /** Colour and opacity for stubble, so it shows (softly) on every skin and hair colour. */
  stubble: number;
  stubbleAlpha: number;
  neckW: number;
  /** y of the base of the neck, where the shoulders start. */
  shoulderY: number;
  /** Half the shoulder width. */
  SW: number;
  /** Half the width at the bottom of the figure. */
  hipW: number;
  armW: number;
  hasHijab: boolean;
  shortSleeves: boolean;
}

/** Usual turban colours; one is picked per character, the same every time. */
const TURBAN_COLOURS = [0x24345e, 0x6e2230, 0x2d2b30, 0xc9832e, 0x2f4f8f, 0xa84a6a, 0xeeeae2];

/** Muted scarf and hijab colours; one that differs from the clothes is picked per character. */
const SCARF_COLOURS = [
  0x5a6e8c, 0x8a4f6a, 0x3f6b63, 0xb9a58a, 0x6b4e71, 0x9a5a3c, 0x2f3a4f, 0xb8a6b8, 0x4a4a50, 0xa8686a,
];

function scarfColour(cloth: number, seed: number): number {
  for (let i = 0; i < SCARF_COLOURS.length; i++) {
    const c = SCARF_COLOURS[(seed + i) % SCARF_COLOURS.length]!;
    const [r1, g1, b1] = rgb(c);
    const [r2, g2, b2] = rgb(cloth);
    if (Math.abs(r1 - r2) + Math.abs(g1 - g2) + Math.abs(b1 - b2) > 120) return c;
  }
  return accentFor(cloth, 120);
}

const BUILD_SCALE: Record<string, number> = { slight: 0.9, medium: 1, broad: 1.14 };

function irisFor(look: Look, seed: number): number {
  const darkHair = look.hair.colour === 'black' || look.hair.colour === 'dark-brown';
  const darkerSkin = look.skin === 'brown' || look.skin === 'dark' || look.skin === 'tan';
  if (darkerSkin || darkHair) return 0x3a2416;
  const lighter = ['blonde', 'ginger', 'auburn'].includes(look.hair.colour) || look.skin === 'very-light';
  if (lighter) return [0x4d6f8c, 0x5b7a57, 0x6b5a3a][seed % 3]!;
  return [0x5a3b22, 0x6b5530, 0x4d6f8c][seed % 3]!;
}

/** How a face and shoulders are shaped for each presentation. Unstated is all identities. */
export interface PresentationShape {
  jawSquare: number;
  browWeight: number;
  browArch: number;
  browDrop: number;
  lipFullness: number;
  lashWeight: number;
  /** Multipliers for the neck's and the shoulders' width. */
  neck: number;
  shoulders: number;
}

const UNSTATED_SHAPE: PresentationShape = {
  jawSquare: 0,
  browWeight: 1,
  browArch: 1,
  browDrop: 0,
  lipFullness: 1,
  lashWeight: 1,
  neck: 1,
  shoulders: 1,
};

/**
 * Small, natural differences, never a caricature: a man's squarer jaw, heavier and straighter
 * brow, slightly thinner lips and a little more neck and shoulder; a woman's softer jaw, finer
 * arched brows, fuller lips and a touch more lash line.
 */
export function presentationShape(presents: Presentation | undefined): PresentationShape {
  switch (presents) {
    case 'man':
      return {
        jawSquare: 1,
        browWeight: 1.25,
        browArch: 0.55,
        browDrop: 0.025,
        lipFullness: 0.8,
        lashWeight: 1,
        neck: 1.12,
        shoulders: 1.04,
      };
    case 'woman':
      return {
        jawSquare: -0.3,
        browWeight: 0.76,
        browArch: 1.2,
        browDrop: 0,
        lipFullness: 1.2,
        lashWeight: 1.15,
        neck: 0.94,
        shoulders: 1,
      };
    default:
      return { ...UNSTATED_SHAPE };
  }
}

/** Grey flecks in a beard that is not already grey or white: none before 45, about 0.4 by 85. */
export function beardGreying(age: number, hairColourName: string): number {
  if (hairColourName === 'grey' || hairColourName === 'white') return 0;
  return Math.max(0, Math.min(1, (age - 45) / 40)) * 0.4;
}

/**
 * Stubble is short hair seen against the skin. Where hair and skin contrast it is the hair colour,
 * faint; where they are close (blonde on light skin, black on dark skin) it is a shade darker or
 * lighter and a little stronger, so it still shows without becoming a mask.
 */
export function stubbleTint(skin: number, hair: number): { colour: number; alpha: number } {
  const ls = luminance(skin);
  const lh = luminance(hair);
  const contrast = Math.abs(ls - lh);
  // Too close to tell apart: go darker on light skin or under darker hair, lighter otherwise.
  const colour = contrast >= 0.2 ? hair : ls > 0.5 || lh < ls ? darken(hair, 0.5) : lighten(hair, 0.4);
  const alpha = Math.max(0.22, Math.min(0.45, 0.5 - contrast * 0.5));
  return { colour, alpha };
}

/**
 * The Look without the fields added for presentation and facial hair, so that a character's
 * per-character variation (turban colour, eye colour, chair) is the same with or without them.
 */
function seedLook(look: Look): Omit<Look, 'presents' | 'facialHair'> {
  const rest: Look = { ...look };
  delete rest.presents;
  delete rest.facialHair;
  return rest;
}

export function makeSpec(look: Look, height: number): FigureSpec {
  const H = Math.max(60, height);
  const u = H / 100;
  const seed = hashString(JSON.stringify(seedLook(look)));
  const presents: Presentation = look.presents ?? 'unstated';
  const facialHair: FacialHair = look.facialHair ?? 'none';
  const shape = presentationShape(presents);
  const age = look.age;
  const ageing = Math.max(0, Math.min(1, (age - 35) / 50));
  const stoop = Math.max(0, Math.min(1, (age - 76) / 12));
  const youth = Math.max(0, Math.min(1, (28 - age) / 12));
  const build = BUILD_SCALE[look.build ?? 'medium'] ?? 1;

  const skin = skinColour(look.skin);
  const lumSkin = luminance(skin);
  const skinShadow = darken(mix(skin, 0x8a3a2a, 0.12), 0.14);
  const skinDeep = darken(mix(skin, 0x7a2a2a, 0.15), 0.3);
  // Lines get relatively darker on darker skin so features keep their contrast.
  const skinLine = darken(mix(skin, 0x6a2a20, 0.2), lumSkin > 0.5 ? 0.42 : lumSkin > 0.3 ? 0.52 : 0.62);
  const lip = mix(darken(skin, 0.12), 0xb0505a, lumSkin > 0.5 ? 0.35 : 0.2);

  const hair = hairColour(look.hair.colour);
  const hairLum = luminance(hair);
  // Brows follow the hair but stay readable: very light hair gets slightly darker brows.
  const brow = hairLum > 0.55 ? darken(hair, 0.35) : hairLum > 0.3 ? darken(hair, 0.2) : darken(hair, 0.05);

  const cloth = hexToInt(look.clothes.colour);
  const headwearColour =
    look.headwear === 'turban'
      ? TURBAN_COLOURS[seed % TURBAN_COLOURS.length]!
      : look.headwear === 'cap'
        ? 0x6a6254
        : scarfColour(cloth, seed);

  const f =
    12.6 * u * (build > 1 ? 1.03 : build < 1 ? 0.97 : 1) * (age >= 78 ? 0.98 : 1) * (age < 24 ? 0.98 : 1);
  const b = 16.3 * u * (1 - 0.03 * youth);
  const stubble = stubbleTint(skin, hair);
  const beardCovers = facialHair === 'beard' || facialHair === 'full-beard';
  return {
    look,
    presents,
    facialHair,
    seed,
    H,
    u,
    age,
    ageing,
    youth,
    stoop,
    lw: Math.max(1, 0.42 * u),
    skin,
    skinShadow,
    skinDeep,
    skinLight: lighten(skin, 0.18),
    skinLine,
    lip,
    lipLine: darken(mix(skin, 0x5a1a20, 0.3), lumSkin > 0.3 ? 0.45 : 0.68),
    blush: mix(skin, 0xd0485a, lumSkin > 0.5 ? 0.45 : 0.35),
    hair,
    hairShadow: darken(hair, hairLum > 0.5 ? 0.2 : 0.28),
    hairLight: lighten(hair, hairLum > 0.5 ? 0.35 : 0.18),
    hairLine: darken(hair, hairLum > 0.5 ? 0.38 : 0.45),
    brow,
    lash: mix(INK, darken(skin, 0.6), 0.15),
    iris: irisFor(look, seed),
    eyeWhite: EYE_WHITE,
    cloth,
    clothShadow: darken(cloth, 0.2),
    clothDeep: darken(cloth, 0.38),
    clothLight: lighten(cloth, 0.14),
    clothLine: darken(cloth, 0.5),
    accent: accentFor(cloth),
    under: underLayerFor(cloth),
    headwear: headwearColour,
    f,
    b,
    headY: -100 * u + 3.5 * u + b + stoop * 3.2 * u,
    jaw: age >= 65 ? 0.24 : 0.3 + 0.08 * youth,
    jawSquare: shape.jawSquare,
    browWeight: shape.browWeight,
    browArch: shape.browArch,
    browDrop: shape.browDrop,
    lipFullness: shape.lipFullness,
    lashWeight: shape.lashWeight,
    adamsApple: presents === 'man' && age >= 16 && !beardCovers && look.headwear !== 'hijab',
    beard: hair,
    beardShadow: darken(hair, hairLum > 0.5 ? 0.2 : 0.28),
    beardLight: lighten(hair, hairLum > 0.5 ? 0.35 : 0.22),
    beardLine: darken(hair, hairLum > 0.5 ? 0.38 : 0.45),
    beardGrey: beardGreying(age, look.hair.colour),
    stubble: stubble.colour,
    stubbleAlpha: stubble.alpha,
    neckW: (build > 1 ? 5.6 : build < 1 ? 4.5 : 5) * u * shape.neck,
    shoulderY: -57.5 * u + stoop * 2.6 * u,
    SW: 25 * u * build * (look.clothes.style === 'coat' ? 1.05 : 1) * shape.shoulders,
    hipW: 22.5 * u * build,
    armW: 5 * u * (build > 1 ? 1.1 : build < 1 ? 0.92 : 1),
    hasHijab: look.headwear === 'hijab',
    shortSleeves: look.clothes.style === 'tunic' || look.clothes.style === 'uniform',
  };
}
