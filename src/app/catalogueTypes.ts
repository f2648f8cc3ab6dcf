import type { ScenarioAnalysis } from '../engine/analyseScenario';
import type { Relationship } from '../engine/model';
import type { References, Scenario } from '../engine/schema';

/** What the menu shows for a scenario, without loading the scenario itself. */
export interface ScenarioCard {
  id: string;
  version: number;
  title: string;
  summary: string;
  minutes: number;
  contentNote: string | null;
  learnerRole: string;
  outcomes: Scenario['outcomes'];
  /** The working relationships it is about, the main one first (empty: not said). */
  relationships: Relationship[];
  /** Decisions in one play, fewest and most (null: not known, as for an old saved card). */
  decisions: { fewest: number; most: number } | null;
}

/** The card for a scenario: one recipe for the shipped catalogue and a trainer's own file. */
export function cardOf(scenario: Scenario, analysis: Pick<ScenarioAnalysis, 'stats'> | null): ScenarioCard {
  return {
    id: scenario.id,
    version: scenario.version,
    title: scenario.title,
    summary: scenario.summary,
    minutes: scenario.minutes,
    contentNote: scenario.contentNote ?? null,
    learnerRole: scenario.learnerRole,
    outcomes: scenario.outcomes,
    relationships: [...(scenario.relationships ?? [])],
    decisions:
      analysis && analysis.stats.longestPath !== null
        ? { fewest: analysis.stats.shortestPath, most: analysis.stats.longestPath }
        : null,
  };
}

/** A scenario ready to play: data, its analysis (best path, bounds) and the reference files. */
export interface PlayableScenario {
  scenario: Scenario;
  analysis: Omit<ScenarioAnalysis, 'stateGraph'>;
  references: References;
  /** Where it came from: a shipped file name, or a trainer's own file. */
  file: string;
  custom: boolean;
}

/**
 * The references a playable scenario cites from: the shared files, plus the scenario's own
 * `sources:` (a local policy), which win over a shared key of the same name. A new object: the
 * shared references are never changed, so one scenario's sources never show in another's.
 */
export function withOwnSources(references: References, scenario: Scenario): References {
  if (!scenario.sources || Object.keys(scenario.sources).length === 0) return references;
  return { ...references, sources: { ...references.sources, ...scenario.sources } };
}
