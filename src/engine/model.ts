/**
 * Plain constants of the scenario model. Kept apart from the zod schema so the player can use
 * them without pulling the schema library into its first download.
 */

export const DIMENSIONS = ['empathy', 'boundaries', 'escalation'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/**
 * The expert-keyed scale every score is written on. A level means the same thing wherever it
 * appears, whatever the other options are: see SCALE_WORDS and the README's "The scoring scale".
 */
export const SCALE_MIN = -4;
export const SCALE_MAX = 4;

/** What each level of the scale means, anchored to the rubric's bands in shared/CONTENT.md. */
export const SCALE_WORDS: Readonly<Record<number, string>> = {
  4: "Exemplary: everything Competent asks, plus what the rubric's Exemplary row names",
  3: 'Strong: Competent, with part of what the Exemplary row names',
  2: "Competent: what the rubric's Competent row names",
  1: 'Nearly: the right idea, but something Competent needs is missing',
  0: 'Developing: polite, scripted or task-focused; neither helps nor harms',
  [-1]: 'Developing: well meant but misses the point (reassures without acknowledging, reports late)',
  [-2]: 'Lapse: the worst of the Developing row (wrong person, promises outside the role, overheard)',
  [-3]: "Serious lapse: what the rubric's Unsafe row names, without immediate harm",
  [-4]: "Unsafe: an act the rubric's Unsafe row names; the choice must be marked unsafe",
};

/** How a line reaches the learner: said in the room (the default), or by another means. */
export const LINE_MEDIA = ['speech', 'phone-call', 'text-message', 'email', 'letter', 'record'] as const;
export type LineMedium = (typeof LINE_MEDIA)[number];

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
  // Beyond the care home: a person's own home, a front desk, a manager's office, a corridor on a
  // night shift, and a phone call (the learner hears a voice; nobody else is in the room).
  'home',
  'reception',
  'manager-office',
  'night-corridor',
  'phone-call',
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
/**
 * The working relationships the course material describes (shared/seeds), used to group the
 * library. A scenario names the one or more it is mainly about.
 */
export const RELATIONSHIPS = [
  'service-users',
  'families',
  'colleagues',
  'managers',
  'other-professionals',
  'volunteers',
  'advocates',
  'external-agencies',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/** How the face and shoulders are drawn: softer or squarer. Optional; it never changes a voice or a score. */
export const PRESENTATIONS = ['woman', 'man', 'unstated'] as const;
/** Facial hair, drawn in the hair colour (greying with age). */
export const FACIAL_HAIR = ['none', 'stubble', 'moustache', 'goatee', 'beard', 'full-beard'] as const;

/** Words a speaker id may not use: they mean someone other than a cast member. */
export const NARRATOR = 'narrator';
export const RESERVED_IDS = [NARRATOR, 'you', 'learner'] as const;

/** Every expression a face can be drawn with (src/game/art/expressions.ts draws each). */
export const EXPRESSIONS = [
  'calm',
  'worried',
  'upset',
  'tearful',
  'angry',
  'relieved',
  'smiling',
  'confused',
  'guarded',
] as const;
export type ExpressionName = (typeof EXPRESSIONS)[number];

/** The expressions every character must be able to show (the first seven). */
export const REQUIRED_EXPRESSIONS = EXPRESSIONS.slice(0, 7) as readonly Exclude<
  ExpressionName,
  'confused' | 'guarded'
>[];
