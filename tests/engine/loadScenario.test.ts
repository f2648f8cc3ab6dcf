import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/engine/diagnostics';
import { load, positionOf, scenarioText, SMALL } from '../helpers/fixtures';

/** Replace one exact piece of the small scenario; fail loudly if it is not there. */
function broken(from: string, to: string): string {
  if (!SMALL.includes(from)) throw new Error(`SMALL has no ${from}`);
  return SMALL.replace(from, to);
}

function only(text: string, code: string) {
  const result = load(text);
  const found = result.diagnostics.filter((d) => d.code === code);
  expect(found, result.diagnostics.map(formatDiagnostic).join('\n')).toHaveLength(1);
  return { diagnostic: found[0]!, result };
}

describe('loadScenario', () => {
  it('warns when a guard needs two options of one decision both chosen, which can never happen', () => {
    const text = broken('if: { flags: [acknowledged] }', 'if: { chose: [comfort, brush-off] }');
    const { diagnostic, result } = only(text, 'chose-both');
    expect(diagnostic.severity).toBe('warning');
    expect(diagnostic.message).toMatch(
      /needs both 'comfort' and 'brush-off' chosen, but they are options of the same decision \('hello'\), so it never holds/,
    );
    expect(result.ok).toBe(true);
    // Options of different decisions are fine together.
    expect(
      load(broken('if: { flags: [acknowledged] }', 'if: { chose: [comfort] }')).diagnostics.filter(
        (d) => d.code === 'chose-both',
      ),
    ).toEqual([]);
  });

  it('warns about an outcome the evidence report could never mark covered', () => {
    const unlinked = only(broken('    evidences: [empathy]\n', ''), 'outcome-unlinked');
    expect(unlinked.diagnostic.severity).toBe('warning');
    expect(unlinked.diagnostic.message).toMatch(/outcome 1 says no "evidences:"/);
    // The small scenario scores empathy and escalation, never boundaries.
    const untested = only(
      broken('evidences: [empathy]', 'evidences: [empathy, boundaries]'),
      'outcome-untested',
    );
    expect(untested.diagnostic.message).toMatch(/evidenced by boundaries, but no choice or assessment/);
    expect(untested.result.ok).toBe(true);
  });

  it('accepts the small scenario and the demo with no diagnostics', () => {
    expect(load(SMALL).diagnostics).toEqual([]);
    const demo = load(scenarioText('demo-gift.yaml'), 'scenarios/demo-gift.yaml');
    expect(demo.diagnostics).toEqual([]);
    expect(demo.ok).toBe(true);
    expect(demo.scenario?.id).toBe('demo-gift');
  });

  it('reports malformed YAML with its position and keeps going', () => {
    const text = broken('    name: Lounge\n', '    name: Lounge\n   kind: [oops\n');
    const result = load(text);
    expect(result.ok).toBe(false);
    expect(result.scenario).toBeUndefined();
    const first = result.diagnostics[0]!;
    expect(first.severity).toBe('error');
    expect(first.line).toBe(positionOf(text, '   kind: [oops').line);
    expect(first.message).toMatch(/YAML cannot be read|indentation/);
  });

  it('reports a file that is not a scenario at all', () => {
    const { diagnostic } = only('- just\n- a list\n', 'not-a-scenario');
    expect(diagnostic).toMatchObject({ line: 1, column: 1 });
  });

  it('reports a dangling next with a suggestion, at the value', () => {
    const text = broken('next: end-good', 'next: end-goood');
    const { diagnostic } = only(text, 'unknown-node');
    expect(diagnostic).toMatchObject({ severity: 'error', ...positionOf(text, 'end-goood') });
    expect(diagnostic.message).toBe(
      "choice 'report' goes to node 'end-goood', which does not exist — did you mean 'end-good'?",
    );
  });

  it('reports an unknown key with a suggestion, at the key', () => {
    const text = broken(
      '        feedback:\n          why: A sudden',
      '        feedbak:\n          why: A sudden',
    );
    const result = load(text);
    const unknown = result.diagnostics.find((d) => d.code === 'unknown-key')!;
    expect(unknown).toMatchObject(positionOf(text, 'feedbak'));
    expect(unknown.message).toMatch(
      /unknown field 'feedbak' in nodes\.quiet-talk\.choices\[2\] — did you mean 'feedback'\?/,
    );
    // The missing field it should have been is reported too, in the same pass.
    expect(result.diagnostics.some((d) => d.code === 'missing-field' && /'feedback'/.test(d.message))).toBe(
      true,
    );
  });

  it('reports a wrong type in plain words', () => {
    const text = broken('minutes: 3', 'minutes: three');
    const { diagnostic } = only(text, 'wrong-type');
    expect(diagnostic).toMatchObject(positionOf(text, 'three'));
    expect(diagnostic.message).toBe('minutes should be a number, but it is the text "three"');
  });

  it('reports a missing required field at its parent', () => {
    const text = broken('title: Small\n', '');
    const { diagnostic } = only(text, 'missing-field');
    expect(diagnostic.message).toMatch(/the file is missing 'title'/);
  });

  it('reports duplicate node ids (YAML keys) and duplicate choice ids', () => {
    const dupNode = broken('  end-poor:\n', '  end-good:\n');
    const { diagnostic } = only(dupNode, 'duplicate-key');
    expect(diagnostic.line).toBe(positionOf(dupNode, 'end-good:', 'outcome: good').line);

    const dupChoice = broken('id: wait', 'id: report');
    const second = only(dupChoice, 'duplicate-choice').diagnostic;
    expect(second).toMatchObject(positionOf(dupChoice, 'report', 'nice-qs184]\n      - id: '));
    expect(second.message).toMatch(/already used at line \d+/);
  });

  it('reports dangling speakers, locations, cast, variables, flags, choices and source keys', () => {
    const cases: [string, string, string, RegExp][] = [
      [
        '- speaker: sarah\n        text: Is',
        '- speaker: sara\n        text: Is',
        'unknown-speaker',
        /speaker 'sara'.*did you mean 'sarah'/,
      ],
      [
        'location: quiet\n    present: [sarah]',
        'location: qiet\n    present: [sarah]',
        'unknown-location',
        /location 'qiet'.*did you mean 'quiet'/,
      ],
      [
        'present: [sarah]\n    lines:\n      - speaker: sarah\n        text: Mum',
        'present: [sarah, tom]\n    lines:\n      - speaker: sarah\n        text: Mum',
        'unknown-character',
        /character 'tom'/,
      ],
      [
        'effects: { distress: -20 }',
        'effects: { distres: -20 }',
        'unknown-variable',
        /state variable 'distres'.*did you mean 'distress'/,
      ],
      [
        'if: { flags: [acknowledged] }',
        'if: { flags: [acknowledgd] }',
        'unknown-flag',
        /flag 'acknowledgd', but no choice sets it — did you mean 'acknowledged'/,
      ],
      [
        'if: { flags: [acknowledged] }',
        'if: { chose: [comfrot] }',
        'unknown-choice',
        /choice 'comfrot'.*did you mean 'comfort'/,
      ],
      ['sources: [alz-grief]', 'sources: [alz-greif]', 'unknown-source', /did you mean 'alz-grief'/],
      [
        'show: tearful',
        'show: crying',
        'invalid-value',
        /is the text "crying", which is not allowed; choose one of 'calm'/,
      ],
      ['start: hello', 'start: helo', 'unknown-node', /start names the node 'helo'.*did you mean 'hello'/],
    ];
    for (const [from, to, code, message] of cases) {
      const text = broken(from, to);
      const { diagnostic } = only(text, code);
      // The misspelt word is the one the diagnostic must point at.
      const needle = [
        'qiet',
        'tom',
        'distres:',
        'acknowledgd',
        'comfrot',
        'alz-greif',
        'crying',
        'helo',
        'sara\n',
      ].find((w) => to.includes(w) && !from.includes(w))!;
      expect(diagnostic, code).toMatchObject({ severity: 'error', ...positionOf(text, needle, to) });
      expect(diagnostic.message, code).toMatch(message);
    }
  });

  it('reports unknown glossary terms and accepts known ones and aliases', () => {
    const good = broken(
      "Mum didn't know who I was.",
      'Mum has a [[UTI]], they said — and a [[best-interests meeting|best-interests meeting]].',
    );
    expect(load(good).diagnostics).toEqual([]);
    const text = broken("Mum didn't know who I was.", 'They mentioned an [[IMAC]].');
    const { diagnostic } = only(text, 'unknown-term');
    expect(diagnostic).toMatchObject(positionOf(text, 'They mentioned'));
    expect(diagnostic.message).toMatch(/\[\[IMAC\]\] is not in glossary.yaml — did you mean 'IMCA'\?/);
  });

  it('warns about lines too long for a projector and about markup, without failing', () => {
    const long = 'I just keep thinking about it. '.repeat(12).trim();
    const text = broken("Mum didn't know who I was.", long);
    const { diagnostic, result } = only(text, 'too-long');
    expect(diagnostic.severity).toBe('warning');
    expect(diagnostic).toMatchObject(positionOf(text, 'I just keep'));
    expect(result.ok).toBe(true);

    const markup = broken("Mum didn't know who I was.", "Mum <b>didn't</b> know me.");
    const m = only(markup, 'markup');
    expect(m.diagnostic.severity).toBe('warning');
    expect(m.diagnostic.message).toMatch(/shown literally/);
    // The text itself is kept exactly as typed: views show it as text, never as HTML.
    expect(m.result.scenario?.nodes.hello?.lines?.[0]?.text).toBe("Mum <b>didn't</b> know me.");
  });

  it('reports a node that is neither a decision nor an ending, and one that is both', () => {
    const stuck = broken(
      '    ending:\n      outcome: poor\n      title: Missed\n      whatNext: She was admitted to hospital two days later.\n',
      '',
    );
    expect(only(stuck, 'no-way-on').diagnostic).toMatchObject(positionOf(stuck, 'end-poor:', 'end-good:\n'));
  });

  it('reports bad ranges and invalid ids', () => {
    const range = broken('    start: 50', '    start: 150');
    expect(only(range, 'bad-start').diagnostic).toMatchObject(positionOf(range, '150'));
    const id = broken('  quiet:\n', '  Quiet Room:\n');
    const found = load(id).diagnostics.find((d) => d.code === 'invalid-name')!;
    expect(found).toMatchObject(positionOf(id, 'Quiet Room:'));
    expect(found.message).toMatch(/lower-case letters/);
  });

  it('reports every problem in one pass, not just the first', () => {
    let text = broken('next: end-good', 'next: end-goood');
    text = text.replace('minutes: 3', 'minutes: three').replace('show: tearful', 'show: crying');
    text = text.replace('effects: { distress: -20 }', 'effects: { distres: -20 }');
    const codes = load(text)
      .diagnostics.map((d) => d.code)
      .sort();
    expect(codes).toEqual(['invalid-value', 'unknown-node', 'unknown-variable', 'wrong-type']);
  });

  it('one broken file does not stop another from loading', () => {
    const bad = load('id: [', 'bad.yaml');
    const good = load(SMALL, 'good.yaml');
    expect(bad.ok).toBe(false);
    expect(good.ok).toBe(true);
  });
});
