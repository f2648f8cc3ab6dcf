/**
 * Mistaken and hostile files, each one that once crashed or misled the tools (the files are in
 * tests/fixtures/files). The loader is the same in the terminal and in the browser, so what
 * holds here holds for a file a trainer drops on the menu.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/engine/diagnostics';
import { MAX_SCENARIO_CHARS } from '../../src/engine/loadScenario';
import { load, positionOf, SMALL } from '../helpers/fixtures';

const fixture = (name: string) => `tests/fixtures/files/${name}`;
const text = (name: string) => readFileSync(fixture(name), 'utf8');

describe('hostile and mistaken files', () => {
  it('an alias bomb is refused with a position and a plain reason, not a stack trace', () => {
    const result = load(text('alias-bomb.yaml'), fixture('alias-bomb.yaml'));
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      `${fixture('alias-bomb.yaml')}:4:12: error: this file repeats its anchors (&name, reused with *name) so many times that it would expand into too much data (more than 10,000 copies); write the repeated part out, or reuse it less`,
    ]);
  });

  it('an ordinary file that reuses an anchor 148 times loads', () => {
    const result = load(text('anchors-reused.yaml'), fixture('anchors-reused.yaml'));
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('a Word document is told it is not a text file, and how to make one', () => {
    const docx = readFileSync(fixture('scenario.docx')).toString('utf8');
    const result = load(docx, fixture('scenario.docx'));
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ code: 'not-text', line: 1, column: 1 });
    expect(result.diagnostics[0]!.message).toMatch(
      /^this is not a text file \(it looks like a Word document or another zipped file\); .* "Plain text \(\.txt\)"/,
    );
  });

  it('very deep nesting is one plain error at its place, not "Maximum call stack size exceeded"', () => {
    const result = load(text('deep-nesting.yaml'), fixture('deep-nesting.yaml'));
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ code: 'too-deep', line: 3 });
    expect(result.diagnostics[0]!.message).toMatch(/nested too deeply/);
    expect(result.diagnostics.map((d) => d.message).join()).not.toMatch(/call stack/i);
  });

  it('a file over the size limit is refused before it is parsed', () => {
    const padding = `# ${'x'.repeat(98)}\n`.repeat(Math.ceil((5 * 1024 * 1024) / 100));
    const huge = SMALL + padding;
    expect(huge.length).toBeGreaterThan(MAX_SCENARIO_CHARS);
    const started = performance.now();
    const result = load(huge, 'huge.yaml');
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: 'too-large',
        line: 1,
        column: 1,
        message: expect.stringMatching(
          /^this file is 5\.\d million characters long; a scenario may be at most 1 million/,
        ),
      }),
    ]);
    // Refused without parsing: far quicker than reading 5 MB of YAML (not a timing assertion on a
    // shared machine, just a sanity bound of many seconds).
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('markup in the title is warned about, as it is in lines and choices', () => {
    const withMarkup = SMALL.replace('title: Small', 'title: <b>Small</b>');
    const result = load(withMarkup);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'markup', ...positionOf(withMarkup, '<b>Small') }),
    ]);
  });

  it('a dead end after a choice says which choices lead there, not "with at the start"', () => {
    const stuck = SMALL.replace(
      "      - id: wait\n        text: Let's see how she is tomorrow.",
      "      - id: wait\n        if: { chose: [comfort] }\n        text: Let's see how she is tomorrow.",
    );
    const dead = load(stuck).diagnostics.find((d) => d.code === 'dead-end')!;
    expect(dead.message).toBe(
      `node 'quiet-talk' can be reached when none of its choices is available (for example after choosing 'brush-off'); add a choice without "if", or loosen a guard`,
    );
  });

  it('a duplicate node id names the node', () => {
    const twice = SMALL.replace('  end-poor:\n', '  end-good:\n');
    const dup = load(twice).diagnostics.find((d) => d.code === 'duplicate-key')!;
    expect(dup.message).toBe(
      `the node 'end-good' is defined twice in "nodes:"; every node needs its own name — rename or remove one`,
    );
    expect(dup).toMatchObject(positionOf(twice, 'end-good:', 'title: Checked'));
  });

  it('a duplicate field names the field and where it is', () => {
    const twice = SMALL.replace('minutes: 3', 'minutes: 3\nminutes: 4');
    const dup = load(twice).diagnostics.find((d) => d.code === 'duplicate-key')!;
    expect(dup.message).toMatch(/^'minutes' is written twice at the top of the file/);
  });
});

describe('the scale is checked', () => {
  it('an unsafe choice must be keyed -3 or -4 there, and -4 is only for unsafe acts', () => {
    const notSerious = SMALL.replace(
      'score: { escalation: -2 }',
      'score: { escalation: -2 }\n        unsafe: escalation',
    );
    expect(load(notSerious).diagnostics.map((d) => d.code)).toEqual(['unsafe-level']);
    const unflagged = SMALL.replace('score: { escalation: -2 }', 'score: { escalation: -4 }');
    expect(load(unflagged).diagnostics.map((d) => d.code)).toEqual(['level-needs-unsafe']);
    const both = SMALL.replace(
      'score: { escalation: -2 }',
      'score: { escalation: -4, empathy: -3 }\n        unsafe: [escalation, empathy]',
    );
    expect(load(both).diagnostics).toEqual([]);
  });

  it('levels outside -4 to +4 are refused', () => {
    const five = SMALL.replace('score: { empathy: 2 }', 'score: { empathy: 5 }');
    expect(load(five).diagnostics[0]!.message).toMatch(/it must be at most 4/);
  });

  it("a conditional destination's last entry must have no if", () => {
    const noDefault = SMALL.replace(
      '        next: end-poor\n',
      '        next:\n          - if: { flags: [acknowledged] }\n            to: end-poor\n',
    );
    expect(load(noDefault).diagnostics.map((d) => d.code)).toEqual(['next-needs-default']);
  });

  it('an unknown source key is found with a suggestion, and a scenario can add its own', () => {
    const typo = SMALL.replace('sources: [alz-grief]', 'sources: [alz-greif]');
    expect(load(typo).diagnostics[0]!.message).toMatch(
      /names the source 'alz-greif', which does not exist — did you mean 'alz-grief'\?/,
    );
    const local = typo.replace(
      'start: hello',
      'sources:\n  alz-greif:\n    title: Our own grief leaflet\n    publisher: Elm Court\nstart: hello',
    );
    expect(load(local).diagnostics).toEqual([]);
    const clash = SMALL.replace(
      'start: hello',
      'sources:\n  cc-6:\n    title: Mine\n    publisher: Me\nstart: hello',
    );
    expect(load(clash).diagnostics.map((d) => d.code)).toEqual(['duplicate-source']);
  });
});
