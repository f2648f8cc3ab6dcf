/**
 * The scenario file format, as a zod schema.
 *
 * The schema is built by a function because some of its enums (the expressions every character
 * can show, the source keys of CONTENT.md) live in the shared reference files in `scenarios/`.
 * Building the schema from them keeps one source of truth: the runtime check, the JSON Schema
 * that editors use for autocompletion, and the diagnostics all agree on the same lists.
 */
import { z } from 'zod';

import {
  BUILDS,
  FACIAL_HAIR,
  PRESENTATIONS,
  RELATIONSHIPS,
  CLOTHES,
  DIMENSIONS,
  HAIR_COLOURS,
  HAIR_STYLES,
  HEADWEAR,
  LINE_MEDIA,
  LOCATION_KINDS,
  OUTCOMES,
  SCALE_MAX,
  SCALE_MIN,
  SKIN_TONES,
} from './model';

export * from './model';

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const idMessage =
  'use lower-case letters, digits and hyphens only, starting with a letter or digit (for example "quiet-room")';
export const Id = z.string().regex(ID_PATTERN, { message: idMessage });

// A pattern rather than trim(): the JSON Schema then rejects blank text exactly as the runtime does.
const text = (what: string) => z.string().regex(/\S/, { message: `${what} cannot be empty` });

const hexColour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, { message: 'write a colour as # and six hex digits, e.g. "#3b6e8f"' });

export interface SchemaLists {
  /** Names from expressions.yaml. */
  expressions: readonly string[];
  /** Keys from sources.yaml. */
  sources: readonly string[];
}

/** The bands an expectation can name, lowest first (the same order as scoring's BANDS). */
export const EXPECTED_BANDS = ['Unsafe', 'Developing', 'Competent', 'Exemplary'] as const;
/** "Competent", "Competent or better", "Developing or worse", or "not tested". */
export const BAND_EXPECTATION =
  /^(?:(Unsafe|Developing|Competent|Exemplary)(?: or (better|worse))?|not tested)$/;

/**
 * An enum of the names in a reference file. When that file is missing or broken its own
 * diagnostics say so; falling back to any id here avoids one error per use in every scenario.
 */
function namesFrom(values: readonly string[]) {
  if (values.length === 0) return Id;
  return z.enum(values as [string, ...string[]]);
}

export function makeScenarioSchema(lists: SchemaLists) {
  const Expression = namesFrom(lists.expressions);
  // A scenario may add sources of its own (a local policy), so a key is any id here and the
  // cross-reference check says which keys are unknown. Editors still suggest the shared keys.
  const SourceKey =
    lists.sources.length === 0 ? Id : z.union([z.enum(lists.sources as [string, ...string[]]), Id]);
  const Dimension = z.enum(DIMENSIONS);
  const Unsafe = z.union([Dimension, z.array(Dimension).min(1)]).meta({
    description:
      'The dimension(s) this breaches, e.g. boundaries or [empathy, boundaries]: that band becomes Unsafe. Needs a score of -3 or -4 there.',
  });
  const Weight = z.int().min(1).max(5).meta({
    description:
      'How much this counts against an ordinary decision (1, the default, to 5): key moments weigh more.',
  });

  const Bound = z
    .strictObject({
      atLeast: z.number().optional(),
      atMost: z.number().optional(),
      above: z.number().optional(),
      below: z.number().optional(),
    })
    .meta({ description: 'A test on a state variable: atLeast / atMost / above / below a number.' });

  const Condition = z
    .strictObject({
      state: z.record(Id, Bound).optional(),
      flags: z.array(Id).optional(),
      notFlags: z.array(Id).optional(),
      chose: z.array(Id).optional(),
      notChose: z.array(Id).optional(),
    })
    .meta({
      description:
        'All of these must hold: state variables in range, flags set (or not), earlier choices made (or not).',
    });

  const Look = z
    .strictObject({
      age: z.int().min(16).max(110),
      skin: z.enum(SKIN_TONES),
      hair: z.strictObject({ style: z.enum(HAIR_STYLES), colour: z.enum(HAIR_COLOURS) }),
      headwear: z.enum(HEADWEAR).optional(),
      clothes: z.strictObject({ style: z.enum(CLOTHES), colour: hexColour }),
      glasses: z.boolean().optional(),
      build: z.enum(BUILDS).optional(),
      presents: z.enum(PRESENTATIONS).optional().meta({
        description:
          'Drawn as a woman (softer jaw, fuller lips) or a man (squarer jaw, heavier brow, wider shoulders); unstated by default.',
      }),
      facialHair: z
        .enum(FACIAL_HAIR)
        .optional()
        .meta({ description: 'Drawn in the hair colour; none by default.' }),
    })
    .meta({ description: 'How the character is drawn. New characters need no new art.' });

  const MoodRule = z.strictObject({
    if: Condition.optional(),
    show: Expression,
  });

  const CastMember = z.strictObject({
    name: text('a name'),
    role: text('a role'),
    look: Look,
    mood: z.array(MoodRule).min(1).optional().meta({
      description:
        'Which expression the character shows, read top to bottom: the first rule whose "if" holds wins. A rule without "if" always holds.',
    }),
  });

  const Location = z.strictObject({
    name: text('a location name'),
    kind: z.enum(LOCATION_KINDS),
    description: z.string().optional(),
  });

  const StateVariable = z.strictObject({
    label: text('a label'),
    character: Id.optional().meta({ description: 'The cast member whose feeling this is, if any.' }),
    min: z.int(),
    max: z.int(),
    start: z.int(),
  });

  const Signpost = z.strictObject({
    name: text('a name'),
    detail: text('a detail'),
  });

  const Line = z.strictObject({
    speaker: Id,
    text: text('a line'),
    expression: Expression.optional(),
    as: z.enum(LINE_MEDIA).optional().meta({
      description:
        'How the words reach the learner when not said in the room: phone-call, text-message, email, letter or record.',
    }),
    if: Condition.optional(),
  });

  const Feedback = z.strictObject({
    why: text('feedback'),
    sources: z.array(SourceKey).min(1, { message: 'name at least one source key from sources.yaml' }),
  });

  const Level = z.int().min(SCALE_MIN).max(SCALE_MAX);
  const Score = z
    .strictObject({
      empathy: Level.optional(),
      boundaries: Level.optional(),
      escalation: Level.optional(),
    })
    .meta({
      description:
        'Levels from -4 to +4 on the fixed scale (README, "The scoring scale"). Leave out a dimension the choice says nothing about.',
    });

  const Destination = z.strictObject({
    if: Condition.optional(),
    to: Id,
  });

  const Choice = z.strictObject({
    id: Id,
    text: text('a choice'),
    next: z.union([Id, z.array(Destination).min(1)]).meta({
      description:
        'The node this choice leads to; or a list of { if, to }, read top to bottom, whose last entry has no "if".',
    }),
    score: Score.optional(),
    effects: z
      .record(Id, z.int())
      .optional()
      .meta({ description: 'Changes to state variables, e.g. { distress: -10 }. Kept within range.' }),
    if: Condition.optional(),
    set: z.array(Id).optional().meta({ description: 'Flags this choice sets.' }),
    unsafe: Unsafe.optional(),
    feedback: Feedback,
  });

  const Assessment = z
    .strictObject({
      id: Id.optional().meta({
        description:
          "A name for what this assessment finds (e.g. omid-unseen), so a learning outcome's shownAt can name it. The same finding at several endings may share one id.",
      }),
      if: Condition.optional(),
      score: Score.optional(),
      unsafe: Unsafe.optional(),
      weight: Weight.optional(),
      went: z.enum(['well', 'badly']).optional().meta({
        description:
          'Whether this credits what went well or names what went badly; by default it follows the score.',
      }),
      feedback: Feedback,
    })
    .meta({
      description:
        'What arriving here says about the path (a consequence, or an omission), counted like a decision when its "if" holds.',
    });

  const Ending = z.strictObject({
    outcome: z.enum(OUTCOMES),
    title: text('an ending title'),
    whatNext: text('what happened next'),
    signposting: z.array(Signpost).optional(),
    reflection: z.array(text('a question')).optional().meta({
      description: "Reflection questions for this ending; without them the scenario's own are used.",
    }),
  });

  const Node = z.strictObject({
    location: Id,
    present: z.array(Id),
    lines: z.array(Line).optional(),
    discuss: z.string().optional().meta({ description: 'A trainer discussion prompt for this decision.' }),
    weight: Weight.optional(),
    choices: z.array(Choice).optional(),
    assess: z.array(Assessment).optional(),
    ending: Ending.optional(),
  });

  const SourceEntry = z.strictObject({
    title: text('a title'),
    publisher: text('a publisher'),
    address: z.string().optional(),
  });

  const BandExpectation = z.string().regex(BAND_EXPECTATION, {
    message:
      'write a band (Unsafe, Developing, Competent or Exemplary), optionally with "or better" / "or worse", or "not tested"',
  });

  const Expectation = z
    .strictObject({
      name: Id,
      says: text("what the path is, in a trainer's words"),
      path: z.array(Id).meta({ description: 'The choice ids taken, in order, from the start to an ending.' }),
      ends: Id.optional().meta({ description: 'The ending node the path must reach.' }),
      bands: z
        .strictObject({
          empathy: BandExpectation.optional(),
          boundaries: BandExpectation.optional(),
          escalation: BandExpectation.optional(),
        })
        .optional(),
      beats: z
        .record(Id, z.union([Dimension, z.array(Dimension).min(1)]))
        .optional()
        .meta({
          description: 'Other expectations (by name) this path must outscore, and on which dimension(s).',
        }),
      covers: z.array(Id).min(1).optional().meta({
        description: 'Learning outcomes (by their id) the evidence report must mark covered on this path.',
      }),
      notCovered: z.array(Id).min(1).optional().meta({
        description:
          'Learning outcomes (by their id) the evidence report must not mark covered on this path (not yet, or not tested).',
      }),
    })
    .meta({
      description: 'A characteristic path and what a trainer expects it to earn; validate checks it.',
    });

  const Outcome = z.strictObject({
    id: Id.optional().meta({
      description:
        "A short name for this outcome (e.g. cc10), so an expectation's covers / notCovered can name it.",
    }),
    standard: text('a standard'),
    text: text('an outcome'),
    source: SourceKey,
    evidences: z.array(Dimension).min(1).optional().meta({
      description:
        'The dimensions that show this outcome (e.g. [boundaries]), judged at the moments shownAt names.',
    }),
    shownAt: z.array(Id).min(1).optional().meta({
      description:
        'The moments that test this outcome: decision nodes (every answer there is judged), option ids (that answer is judged when chosen: for a decision whose options are about different things) and assessment ids (what an ending finds, such as an omission). The evidence report marks it covered when the learner reached at least one of them, the answer at each one reached was keyed Competent (+2) or better on every evidences dimension it is keyed on, and no named assessment found a level below +2 there; not yet, naming the decision and level, when one fell short; not tested when none came up. Without shownAt the whole-path bands decide (each evidences band Competent or better), which cannot tell the moment that tests the outcome from the rest of the path.',
    }),
  });

  const Scenario = z.strictObject({
    id: Id,
    version: z.int().min(1),
    title: text('a title'),
    summary: text('a summary'),
    minutes: z.int().min(1).max(120),
    contentNote: z.string().optional(),
    learnerRole: text('the learner role'),
    relationships: z.array(z.enum(RELATIONSHIPS)).min(1).optional().meta({
      description:
        'The working relationships this scenario is mainly about, first the main one; the library groups scenarios by them.',
    }),
    outcomes: z.array(Outcome).min(1),
    prebrief: text('pre-brief notes'),
    support: z.array(Signpost).optional(),
    reflection: z.array(text('a question')).optional(),
    cast: z.record(Id, CastMember),
    locations: z.record(Id, Location),
    state: z.record(Id, StateVariable).optional(),
    sources: z.record(Id, SourceEntry).optional().meta({
      description:
        "Sources this scenario adds for itself, such as a local policy, citable like sources.yaml's.",
    }),
    start: Id,
    nodes: z.record(Id, Node),
    expectations: z.array(Expectation).optional(),
  });

  return Scenario;
}

export type ScenarioSchema = ReturnType<typeof makeScenarioSchema>;
export type Scenario = z.infer<ScenarioSchema>;
export type ScenarioNode = Scenario['nodes'][string];
export type Choice = NonNullable<ScenarioNode['choices']>[number];
export type Line = NonNullable<ScenarioNode['lines']>[number];
export type Ending = NonNullable<ScenarioNode['ending']>;
export type Condition = NonNullable<Choice['if']>;
export type Assessment = NonNullable<ScenarioNode['assess']>[number];
export type Destination = Exclude<Choice['next'], string>[number];
export type Expectation = NonNullable<Scenario['expectations']>[number];
export type SourceEntry = NonNullable<Scenario['sources']>[string];
export type CastMember = Scenario['cast'][string];
export type Look = CastMember['look'];
export type StateVariable = NonNullable<Scenario['state']>[string];
export type Signpost = NonNullable<Scenario['support']>[number];
export type ScoreDelta = NonNullable<Choice['score']>;

/* The shared reference files. */

export const SourcesFileSchema = z.record(
  Id,
  z.strictObject({
    title: text('a title'),
    publisher: text('a publisher'),
    address: z.string().optional(),
  }),
);

export const GlossaryFileSchema = z.record(
  z.string().min(1),
  z.strictObject({
    meaning: text('a meaning'),
    aliases: z.array(z.string().min(1)).optional(),
  }),
);

export const ExpressionsFileSchema = z.record(
  Id,
  z.strictObject({
    says: text('what a screen reader says, e.g. "is crying"'),
  }),
);

export type SourcesFile = z.infer<typeof SourcesFileSchema>;
export type GlossaryFile = z.infer<typeof GlossaryFileSchema>;
export type ExpressionsFile = z.infer<typeof ExpressionsFileSchema>;

/** The three reference files together, as the loader and the views use them. */
export interface References {
  sources: SourcesFile;
  glossary: GlossaryFile;
  expressions: ExpressionsFile;
}
