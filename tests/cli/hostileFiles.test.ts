/**
 * The command-line tools on the files that once crashed them with a stack trace, and on paths
 * that cannot be played: a clear message on stderr, a non-zero exit, never a transcript that passes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONSEQUENCES } from '../helpers/fixtures';

const run = (script: string, ...args: string[]) => {
  const r = spawnSync('node_modules/.bin/tsx', [`src/cli/${script}.ts`, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const files = ['alias-bomb.yaml', 'deep-nesting.yaml', 'scenario.docx'].map(
  (f) => `tests/fixtures/files/${f}`,
);

describe('hostile files on the command line', { timeout: 60_000 }, () => {
  it('validate reports each with a position and a reason, and no stack trace', () => {
    const { code, stdout, stderr } = run('validate', ...files);
    expect(code).toBe(1);
    expect(stdout).toMatch(/alias-bomb\.yaml:4:12: error: this file repeats its anchors/);
    expect(stdout).toMatch(/deep-nesting\.yaml:3:\d+: error: this file is nested too deeply/);
    expect(stdout).toMatch(/scenario\.docx:1:1: error: this is not a text file/);
    expect(stdout + stderr).not.toMatch(/ at .*\.(ts|js):\d+|ReferenceError|RangeError|call stack/);
  });

  it.each(['play', 'graph'])('%s refuses the alias bomb plainly', (script) => {
    const dir = mkdtempSync(join(tmpdir(), 'careplay-graph-'));
    const { code, stdout, stderr } = run(script, files[0]!, ...(script === 'graph' ? [dir] : []));
    expect(code).toBe(1);
    expect(stderr).toMatch(/alias-bomb\.yaml:4:12: error: this file repeats its anchors/);
    expect(stdout + stderr).not.toMatch(/ at .*\.(ts|js):\d+|ReferenceError/);
  });
});

describe('play --path that cannot be played', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'careplay-play-'));
  const file = join(dir, 'consequences.yaml');
  writeFileSync(file, CONSEQUENCES);

  it('a choice that is not on offer fails with the reason, with or without --transcript', () => {
    for (const extra of [['--transcript'], []]) {
      const { code, stdout, stderr } = run('play', file, '--path', 'name-it,name-it', ...extra);
      expect(code).toBe(1);
      expect(stderr).toMatch(/name-it/);
      expect(stdout).not.toMatch(/^error:/m);
    }
  });

  it('a path that runs out before an ending fails, with or without --transcript', () => {
    for (const extra of [['--transcript'], []]) {
      const { code, stderr } = run('play', file, '--path', 'name-it', ...extra);
      expect(code).toBe(1);
      expect(stderr).toMatch(/ran out (of select lines )?before an ending/);
    }
  });

  it('a path with choices after the ending fails too', () => {
    const { code, stderr } = run('play', file, '--path', 'name-it,report-now,photos');
    expect(code).toBe(1);
    expect(stderr).toMatch(/ended after 2 choices, but --path lists 3: 'photos' onwards were not used/);
  });

  it('a good path prints the consequences, the bands and the arithmetic', () => {
    const { code, stdout } = run('play', file, '--path', 'name-it,photos');
    expect(code).toBe(0);
    expect(stdout).toMatch(/\[text message from Priya Shah\] Anything to hand over before six\?/);
    expect(stdout).toMatch(/✗ The change was never passed on\. \[dementia-uk-recognise\] \(escalation -3\)/);
    expect(stdout).toMatch(/escalation {2}Developing 13% {2}Developing: −3 on the scale at every moment/);
    expect(stdout).toMatch(/1 consequence counted \(the ending ×2\)/);
  });
});
