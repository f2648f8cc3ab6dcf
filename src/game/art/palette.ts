/**
 * Colours for the procedural art, and small colour helpers. Phaser's lean core build has no
 * Display.Color, so these work on plain 0xRRGGBB numbers. No Phaser import: pure and testable.
 */

/** Skin tones from very light to dark: warm, natural, never grey or orange. */
export const SKIN: Record<string, number> = {
  'very-light': 0xf6dccb,
  light: 0xeebf9c,
  medium: 0xd5a078,
  tan: 0xb9825a,
  brown: 0x8e5b3b,
  dark: 0x5e3b28,
};

/** Natural hair colours. Grey and white keep a little warmth so they don't read as plastic. */
export const HAIR: Record<string, number> = {
  black: 0x24201f,
  'dark-brown': 0x3f2a1f,
  brown: 0x6b4630,
  auburn: 0x8a3f24,
  ginger: 0xc0672f,
  blonde: 0xd8b46f,
  grey: 0x9c9893,
  white: 0xe4e0da,
};

export const EYE_WHITE = 0xf6f2ec;
export const INK = 0x2d2420; // soft near-black for outlines and pupils
export const TEAR = 0xcfeaf8;

export function skinColour(tone: string): number {
  return SKIN[tone] ?? SKIN.medium!;
}

export function hairColour(name: string): number {
  return HAIR[name] ?? HAIR.brown!;
}

/** '#rrggbb' or '#rgb' → 0xRRGGBB. Anything unreadable gives a soft mid-blue. */
export function hexToInt(hex: string): number {
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(hex.trim());
  if (!m) return 0x5a7d9a;
  let s = m[1]!;
  if (s.length === 3) s = s[0]! + s[0]! + s[1]! + s[1]! + s[2]! + s[2]!;
  return parseInt(s, 16);
}

export function intToHex(c: number): string {
  return '#' + (c & 0xffffff).toString(16).padStart(6, '0');
}

export function rgb(c: number): [number, number, number] {
  return [(c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff];
}

export function fromRgb(r: number, g: number, b: number): number {
  const k = (v: number) => Math.max(0, Math.min(255, Math.round(v)));
  return (k(r) << 16) | (k(g) << 8) | k(b);
}

/** Linear mix: t=0 gives a, t=1 gives b. */
export function mix(a: number, b: number, t: number): number {
  const [ar, ag, ab] = rgb(a);
  const [br, bg, bb] = rgb(b);
  return fromRgb(ar + (br - ar) * t, ag + (bg - ag) * t, ab + (bb - ab) * t);
}

export function lighten(c: number, amount: number): number {
  return mix(c, 0xffffff, amount);
}

/** Darken towards a warm near-black rather than pure black, which keeps shading lively. */
export function darken(c: number, amount: number): number {
  return mix(c, 0x140c10, amount);
}

/** Relative luminance 0..1 (sRGB approximation, good enough for "is this light?"). */
export function luminance(c: number): number {
  const [r, g, b] = rgb(c);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

export function toHsl(c: number): [number, number, number] {
  const [r8, g8, b8] = rgb(c);
  const r = r8 / 255;
  const g = g8 / 255;
  const b = b8 / 255;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  let h: number;
  if (max === r) h = (g - b) / d + (g < b ? 6 : 0);
  else if (max === g) h = (b - r) / d + 2;
  else h = (r - g) / d + 4;
  return [h * 60, s, l];
}

export function fromHsl(h: number, s: number, l: number): number {
  const hh = (((h % 360) + 360) % 360) / 360;
  if (s === 0) return fromRgb(l * 255, l * 255, l * 255);
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const f = (t: number) => {
    let x = t;
    if (x < 0) x += 1;
    if (x > 1) x -= 1;
    if (x < 1 / 6) return p + (q - p) * 6 * x;
    if (x < 1 / 2) return q;
    if (x < 2 / 3) return p + (q - p) * (2 / 3 - x) * 6;
    return p;
  };
  return fromRgb(f(hh + 1 / 3) * 255, f(hh) * 255, f(hh - 1 / 3) * 255);
}

/**
 * A colour that goes with `c` but is clearly different from it: used for a scarf, a tie or
 * headwear when the look names only the clothes colour. Muted so nothing shouts.
 */
export function accentFor(c: number, shift = 150): number {
  const [h, s, l] = toHsl(c);
  const nl = l > 0.55 ? l - 0.28 : Math.min(0.62, l + 0.22);
  return fromHsl(h + shift, Math.min(0.42, Math.max(0.25, s)), nl);
}

/** A light neutral for an under-layer (shirt under a cardigan), dark if the garment is light. */
export function underLayerFor(c: number): number {
  return luminance(c) > 0.72 ? 0x3b3f4a : 0xf3ede2;
}

/** Small stable hash of a string: used for per-character variation that never changes. */
export function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}
