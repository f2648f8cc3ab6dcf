import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioFiles } from '../../src/build/files';
import { parseTranscript, playTranscript } from '../../src/engine/goldenTranscript';
import { load, scenarioText } from '../helpers/fixtures';

const DIR = 'tests/transcripts';
const files = readdirSync(DIR).filter((f) => f.endsWith('.transcript'));

describe('golden transcripts', () => {
  it.each(
    scenarioFiles().map((f) =>
      f
        .split('/')
        .pop()!
        .replace(/\.ya?ml$/, ''),
    ),
  )('exist for %s: its best, mixed and poor paths, each naming it', (id) => {
    for (const kind of ['best', 'mixed', 'poor']) {
      const file = `${id}-${kind}.transcript`;
      expect(files, `tests/transcripts/${file} is missing`).toContain(file);
      expect(parseTranscript(readFileSync(`${DIR}/${file}`, 'utf8')).scenarioId).toBe(id);
    }
  });

  it.each(files)('%s replays exactly', (file) => {
    const expected = parseTranscript(readFileSync(`${DIR}/${file}`, 'utf8'));
    expect(expected.scenarioId, 'a transcript names its scenario').not.toBeNull();
    const loaded = load(scenarioText(`${expected.scenarioId}.yaml`), `scenarios/${expected.scenarioId}.yaml`);
    expect(loaded.ok).toBe(true);
    const actual = playTranscript(loaded.scenario!, expected.selects);
    expect(actual.join('\n')).toBe(expected.lines.join('\n'));
  });

  it('a wrong select is caught, not skipped', () => {
    const loaded = load(scenarioText('demo-gift.yaml'));
    const actual = playTranscript(loaded.scenario!, ['decline-kindly', 'walk-off']);
    expect(actual[actual.length - 1]).toMatch(
      /^error: the choice 'walk-off'|^error: there is no choice 'walk-off'/,
    );
  });
});
