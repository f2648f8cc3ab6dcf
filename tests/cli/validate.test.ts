import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SMALL } from '../helpers/fixtures';

function validate(...args: string[]): { code: number; stdout: string } {
  try {
    const stdout = execFileSync('node_modules/.bin/tsx', ['src/cli/validate.ts', ...args], {
      encoding: 'utf8',
    });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { status: number; stdout: string };
    return { code: e.status, stdout: e.stdout };
  }
}

describe('npm run validate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'careplay-validate-'));
  const good = join(dir, 'good.yaml');
  const bad = join(dir, 'bad.yaml');
  writeFileSync(good, SMALL);
  writeFileSync(
    bad,
    SMALL.replace('next: end-good', 'next: end-goood').replace('minutes: 3', 'minutes: three'),
  );

  // Every shipped file is validated by \`npm test\` itself (its \`npm run validate\` step) and loaded
  // by the playthrough tests; here, one, to check the command's own output and exit code.
  it('passes a shipped scenario', () => {
    const { code, stdout } = validate('scenarios/demo-gift.yaml');
    expect(stdout).toMatch(/demo-gift\.yaml: ok/);
    expect(code).toBe(0);
  });

  it('prints file:line:column diagnostics and exits non-zero on an error', () => {
    const { code, stdout } = validate(good, bad);
    expect(code).toBe(1);
    expect(stdout).toMatch(/good\.yaml: ok/);
    expect(stdout).toMatch(/bad\.yaml:5:10: error: minutes should be a number/);
    expect(stdout).toMatch(/bad\.yaml:\d+:15: error: choice 'report' goes to node 'end-goood'/);
  });

  it('prints one JSON object with --json', () => {
    const { code, stdout } = validate('--json', good, bad);
    expect(code).toBe(1);
    const out = JSON.parse(stdout);
    expect(out.scenarios).toHaveLength(2);
    const [g, b] = out.scenarios;
    expect(g).toMatchObject({ id: 'small', ok: true, diagnostics: [] });
    expect(g.stats).toEqual({
      nodes: 4,
      decisionPoints: 2,
      endings: 2,
      reachableEndings: 2,
      shortestPath: 2,
      longestPath: 2,
      scoreBounds: {
        empathy: { min: -1, max: 2 },
        boundaries: { min: 0, max: 0 },
        escalation: { min: -2, max: 2 },
      },
      exact: true,
      states: 5,
    });
    expect(b.ok).toBe(false);
    expect(b.diagnostics[0]).toMatchObject({ severity: 'error', line: 5, column: 10 });
    expect(Object.keys(b.diagnostics[0]).sort()).toEqual([
      'code',
      'column',
      'file',
      'line',
      'message',
      'severity',
    ]);
  });

  it('says plainly when a named file does not exist', () => {
    const { code, stdout } = validate(join(dir, 'missing.yaml'));
    expect(code).toBe(1);
    expect(stdout).toMatch(/missing\.yaml:1:1: error: cannot read this file: there is no such file/);
  });
});
