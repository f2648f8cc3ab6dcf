declare module 'virtual:careplay/catalogue' {
  import type { ScenarioCard } from '../app/catalogueTypes';
  import type { ScenarioAnalysis } from '../engine/analyseScenario';
  import type { References, Scenario } from '../engine/schema';
  export const catalogue: ScenarioCard[];
  export const loaders: Record<
    string,
    () => Promise<{
      scenario: Scenario;
      analysis: Omit<ScenarioAnalysis, 'stateGraph'>;
      references: References;
      file: string;
    }>
  >;
}

declare module 'virtual:careplay/references' {
  import type { References } from '../engine/schema';
  const references: References;
  export default references;
}
