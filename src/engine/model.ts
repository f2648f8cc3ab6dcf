/**
 * Plain constants of the scenario model. Kept apart from the zod schema so the player can use
 * them without pulling the schema library into its first download.
 */

export const DIMENSIONS = ['empathy', 'boundaries', 'escalation'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const OUTCOMES = ['good', 'mixed', 'poor'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const LOCATION_KINDS = [
  'lounge',
  'quiet-room',
  'meeting-room',
  'bedroom',
  'office',
  'corridor',
  'dining-room',
  'garden',
  'hospital-ward',
] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

export const SKIN_TONES = ['very-light', 'light', 'medium', 'tan', 'brown', 'dark'] as const;
export const HAIR_STYLES = [
  'short',
  'cropped',
  'bob',
  'long',
  'bun',
  'ponytail',
  'curly',
  'afro',
  'braids',
  'thinning',
  'bald',
] as const;
export const HAIR_COLOURS = [
  'black',
  'dark-brown',
  'brown',
  'auburn',
  'ginger',
  'blonde',
  'grey',
  'white',
] as const;
export const HEADWEAR = ['none', 'hijab', 'turban', 'headscarf', 'cap'] as const;
export const CLOTHES = [
  'cardigan',
  'jumper',
  'shirt',
  'blouse',
  'tunic',
  'uniform',
  'suit',
  'blazer',
  'hoodie',
  'dress',
  'coat',
] as const;
export const BUILDS = ['slight', 'medium', 'broad'] as const;

/** Words a speaker id may not use: they mean someone other than a cast member. */
export const NARRATOR = 'narrator';
export const RESERVED_IDS = [NARRATOR, 'you', 'learner'] as const;

export const REQUIRED_EXPRESSIONS = [
  'calm',
  'worried',
  'upset',
  'tearful',
  'angry',
  'relieved',
  'smiling',
] as const;
