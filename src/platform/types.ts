/**
 * What the app tells a learning platform, and the one small interface it tells it through.
 * The app calls a Platform only when the page was launched by one (a SCORM API was found, or cmi5
 * launch parameters are present); otherwise there is none and nothing is sent anywhere.
 */
import type { Band } from '../engine/scoring';
import type { Dimension } from '../engine/model';

/**
 * How a finished attempt becomes passed or failed, set by the trainer when packaging
 * (`npm run package -- --pass=<rule>`), carried in the launch address as `pass=<rule>`:
 *   competent   (default) passed when every dimension the path tested is Competent or Exemplary
 *   exemplary   passed when every tested dimension is Exemplary
 *   safe        passed unless a dimension is Unsafe
 *   completion  no pass or fail: finishing the scenario completes it
 */
export const PASS_RULES = ['competent', 'exemplary', 'safe', 'completion'] as const;
export type PassRule = (typeof PASS_RULES)[number];

/** One decision, as the platform records it. */
export interface PlatformDecision {
  scenarioId: string;
  /** Position on the path, from 0. */
  index: number;
  node: string;
  prompt: string | null;
  choiceId: string;
  choiceText: string;
  /** The option's letter among the node's options: a, b, c… */
  letter: string;
  /** The levels the option is keyed on (−4 to +4), from the scenario. */
  levels: Partial<Record<Dimension, number>>;
  /** correct: keyed Competent (+2) or better on everything it tests; wrong: a lapse (−2 or worse) on any; else neutral. */
  result: 'correct' | 'wrong' | 'neutral';
  /** The decision's weight in the scenario (1 unless the node says more). */
  weight: number;
  at: number;
  /** Time since the decision was offered (or the previous one), in ms. */
  latencyMs: number;
}

export interface PlatformBand {
  band: Band | null;
  percent: number | null;
}

/** A finished attempt, as the debrief shows it. */
export interface PlatformResult {
  scenarioId: string;
  scenarioTitle: string;
  scenarioVersion: number;
  endingTitle: string;
  bands: Record<Dimension, PlatformBand>;
  /** The lowest percentage among the tested dimensions (0–100), or null if none was tested. */
  score: number | null;
  /** By the pass rule; null under the "completion" rule. */
  passed: boolean | null;
  rule: PassRule;
  durationMs: number;
}

export interface Platform {
  readonly kind: 'scorm12' | 'cmi5';
  /** What to call the platform in a message: "the learning platform". */
  readonly learnerName: string | null;
  /** The pass rule the package was made with. */
  readonly rule: PassRule;
  /** The saved place the platform holds for this scenario (a Session save, as JSON), if any. */
  savedPlace(scenarioId: string): string | null;
  /** The learner's place changed (null once the scenario has ended). */
  placeChanged(scenarioId: string, save: string | null): void;
  decided(decision: PlatformDecision): void;
  finished(result: PlatformResult): void;
  /** The page is going away. */
  end(): void;
}

/** Plain sentences for the learner when the platform misbehaves; the app shows each once. */
export type Notify = (message: string) => void;
