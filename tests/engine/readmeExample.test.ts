import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/engine/diagnostics';
import { load } from '../helpers/fixtures';

describe('README', () => {
  it("the trainer's worked example is a valid scenario with no warnings", () => {
    const readme = readFileSync('README.md', 'utf8');
    const example = readme.split('### A worked example')[1]!.match(/```yaml\n([\s\S]*?)```/)![1]!;
    const result = load(example, 'README.md example');
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(result.scenario?.id).toBe('first-visit');
  });
});
