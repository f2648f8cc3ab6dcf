import { z } from 'zod';
import { scenarioSchemaFor } from './loadScenario';
import type { References } from './schema';

/** The JSON Schema (draft 2020-12) of a scenario file, generated from the runtime schema. */
export function scenarioJsonSchema(references: References): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchemaFor(references), { target: 'draft-2020-12', io: 'input' });
  return {
    ...schema,
    $id: 'https://careplay.invalid/scenario.schema.json',
    title: 'CarePlay scenario',
    description: 'One role-play scenario. See README.md, "Writing a scenario".',
  };
}
