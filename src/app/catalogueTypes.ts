import type { ScenarioAnalysis } from '../engine/analyseScenario';
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
