/**
 * npm run schema — writes scenarios/scenario.schema.json from the runtime schema, so editors
 * (for example VS Code with the YAML extension) autocomplete fields and flag mistakes as a
 * trainer types. A test fails if the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../engine/jsonSchema';
import { readReferences } from '../build/files';

const { references } = readReferences();
const path = 'scenarios/scenario.schema.json';
writeFileSync(path, JSON.stringify(scenarioJsonSchema(references), null, 2) + '\n');
console.log(`wrote ${path}`);
