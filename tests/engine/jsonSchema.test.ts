import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/engine/jsonSchema';
import { scenarioSchemaFor } from '../../src/engine/loadScenario';
import { references, scenarioText, SMALL } from '../helpers/fixtures';

describe('JSON Schema for editors', () => {
  const jsonSchema = scenarioJsonSchema(references());
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validate = ajv.compile(jsonSchema);
  const runtime = scenarioSchemaFor(references());

  it('is committed up to date (run `npm run schema` after changing the schema)', () => {
    const committed = JSON.parse(readFileSync('scenarios/scenario.schema.json', 'utf8'));
    expect(committed).toEqual(jsonSchema);
  });

  const edits: [string, (s: string) => string][] = [
    ['the small scenario', (s) => s],
    ['the demo scenario', () => scenarioText('demo-gift.yaml')],
    ['a wrong type', (s) => s.replace('minutes: 3', 'minutes: three')],
    ['an unknown key', (s) => s.replace('title: Small', 'title: Small\ntitel: Small')],
    ['a missing field', (s) => s.replace('title: Small\n', '')],
    ['an unknown expression', (s) => s.replace('show: tearful', 'show: crying')],
    // A scenario may add sources of its own, so an unknown key is a cross-reference error
    // (tests/engine/hostileFiles.test.ts), accepted by both schemas.
    ['an unknown source key', (s) => s.replace('sources: [alz-grief]', 'sources: [alz-greif]')],
    ['a blank title', (s) => s.replace('title: Small', 'title: "   "')],
    ['a bad id', (s) => s.replace('id: small', 'id: Small Scenario')],
    ['a bad node name', (s) => s.replace('  end-poor:\n', '  End Poor:\n')],
    ['a score out of range', (s) => s.replace('score: { empathy: 2 }', 'score: { empathy: 9 }')],
    ['a fractional score', (s) => s.replace('score: { empathy: 2 }', 'score: { empathy: 1.5 }')],
    ['a bad colour', (s) => s.replace("colour: '#334455'", 'colour: blue')],
    ['an unknown outcome', (s) => s.replace('outcome: good', 'outcome: great')],
    ['an unknown bound word', (s) => s.replace('atLeast: 60', 'over: 60')],
    ['an empty source list', (s) => s.replace('sources: [alz-grief]', 'sources: []')],
    [
      'an unsafe mark on a made-up dimension',
      (s) => s.replace('score: { escalation: -2 }', 'score: { escalation: -2 }\n        unsafe: kindness'),
    ],
    ['text where a list belongs', (s) => s.replace('present: [sarah]', 'present: sarah')],
  ];

  it.each(edits)('agrees with the runtime schema on %s', (_name, edit) => {
    const data = parse(edit(SMALL));
    const runtimeOk = runtime.safeParse(data).success;
    const jsonOk = validate(data);
    expect(jsonOk, JSON.stringify(validate.errors)).toBe(runtimeOk);
  });

  it('rejects every broken case, so the agreement above is not vacuous', () => {
    const broken = edits.slice(2).filter(([name]) => name !== 'an unknown source key');
    const rejected = broken.filter(([, edit]) => !runtime.safeParse(parse(edit(SMALL))).success);
    expect(rejected).toHaveLength(broken.length);
  });
});
