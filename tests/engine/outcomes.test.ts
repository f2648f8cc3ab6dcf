/**
 * Outcome coverage: judged at the moments an outcome names (shownAt), on real paths through the
 * shipped scenarios. Each case below was wrong under the whole-path-band rule, which the
 * `byBands` helper reproduces by dropping shownAt.
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/engine/diagnostics';
import { playPath } from '../../src/engine/expectations';
import {
  coveragePathOf,
  outcomeCoverage,
  type CoverageOutcomeSpec,
  type CoveragePath,
} from '../../src/engine/outcomes';
import type { Scenario } from '../../src/engine/schema';
import { load, scenarioText, SMALL } from '../helpers/fixtures';

const scenario = (name: string): Scenario => {
  const loaded = load(scenarioText(`${name}.yaml`), `scenarios/${name}.yaml`);
  if (!loaded.scenario) throw new Error(loaded.diagnostics.map(formatDiagnostic).join('\n'));
  return loaded.scenario;
};

/** The coverage of one outcome on an expectation's path, by the moments and by the old band rule. */
function coverage(s: Scenario, expectation: string, outcome: string) {
  const e = s.expectations!.find((x) => x.name === expectation)!;
  const played = playPath(s, e.path);
  if (!played.result) throw new Error(played.problem!.message);
  const path = coveragePathOf(s, played.result);
  const o = s.outcomes.find((x) => x.id === outcome)!;
  return {
    now: outcomeCoverage(o, path),
    byBands: outcomeCoverage({ ...o, shownAt: undefined }, path),
    path,
  };
}

describe('an outcome is judged at the moments that test it', () => {
  const nan = scenario('interpreting-for-nan');
  const chart = scenario('turning-chart');

  it('over-claim: a young carer never passed on is not covered, though escalation is Competent overall', () => {
    // Interpreting for Nan, CC11: the rule-follower reports the bruising well, but nobody asks
    // about Omid, and the ending finds it (−1).
    const { now, byBands, path } = coverage(nan, 'cold-rule-follower', 'cc11');
    expect(path.bands.escalation).toMatch(/Competent|Exemplary/);
    expect(byBands.status).toBe('covered');
    expect(now.status).toBe('not-yet');
    expect(now.shortfalls).toEqual(['the ending: Escalation −1']);
    expect(now.reason).toMatch(/^Not yet: the ending: Escalation −1/);
  });

  it('over-claim: a promise of secrecy at the decision that tests it is named, decision and level', () => {
    const { now, byBands } = coverage(nan, 'promises-secrecy', 'cc10');
    expect(byBands.status).toBe('covered');
    expect(now.status).toBe('not-yet');
    expect(now.shortfalls).toEqual(['decision 4: Escalation −2']);
  });

  it('over-claim: dropping the staffing concern (turning chart, drop-it) is not yet, whatever else went well', () => {
    const { now, byBands } = coverage(chart, 'drops-the-staffing', 'cc10-whistleblowing');
    expect(byBands.status).toBe('covered');
    expect(now).toMatchObject({
      status: 'not-yet',
      rule: 'moments',
      shortfalls: ['decision 9: Escalation −1'],
    });
    expect(now.decisions).toEqual([8]);
  });

  it('under-claim: an unrelated lapse on the same dimension no longer denies it', () => {
    // Passing on Omid's caring (decision 10, +3) covers CC11, though a dropped disclosure elsewhere
    // keeps escalation below Competent.
    const { now, byBands, path } = coverage(nan, 'drops-the-disclosure', 'cc11');
    expect(path.bands.escalation).toBe('Developing');
    expect(byBands.status).toBe('not-yet');
    expect(now).toMatchObject({ status: 'covered', decisions: [9] });
    expect(now.reason).toBe(
      'Covered: decision 10: Escalation +3, with nothing below Competent (+2) at a moment that tests it.',
    );
  });

  it('not tested: no moment that tests it came up on this path', () => {
    // Tuesday singalong: on the best path Eileen never coughs, so CC12 is never tested.
    const { now } = coverage(scenario('tuesday-singalong'), 'strongest', 'cc12');
    expect(now).toMatchObject({ status: 'not-tested', decisions: [], shortfalls: [] });
    expect(now.reason).toBe('Not tested on this path: none of the moments that test it came up.');
  });

  it('without shownAt the whole-path bands decide, and it says so', () => {
    const { byBands } = coverage(nan, 'cold-rule-follower', 'cc11');
    expect(byBands.rule).toBe('bands');
    expect(byBands.reason).toMatch(/judged on the whole-path bands, because the outcome names no moments/);
  });
});

describe('the rule, on made-up paths', () => {
  const bands: CoveragePath['bands'] = { empathy: 'Competent', boundaries: 'Unsafe', escalation: null };
  const outcome: CoverageOutcomeSpec = {
    standard: 'CC 7',
    evidences: ['boundaries'],
    shownAt: ['desk', 'kept-secret'],
  };
  const at = (decisions: CoveragePath['decisions'], assessments: CoveragePath['assessments'] = []) =>
    outcomeCoverage(outcome, { decisions, assessments, bands });

  it('an answer silent on the dimension neither shows nor fails it', () => {
    const c = at([
      { index: 0, node: 'desk', choice: 'hi', levels: { empathy: 3 }, open: { boundaries: 3, empathy: 3 } },
    ]);
    expect(c.status).toBe('not-tested');
    expect(c.reason).toBe(
      'Not tested on this path: at decision 1 the answer said nothing on Professional boundaries.',
    );
  });

  it('where nothing Competent was on offer and the best was taken, the moment is left out', () => {
    const left = at([{ index: 2, node: 'desk', levels: { boundaries: 1 }, open: { boundaries: 1 } }]);
    expect(left.status).toBe('not-tested');
    const worse = at([{ index: 2, node: 'desk', levels: { boundaries: -2 }, open: { boundaries: 1 } }]);
    expect(worse).toMatchObject({
      status: 'not-yet',
      shortfalls: ['decision 3: Professional boundaries −2'],
    });
  });

  it('an option can be named on its own, and a named assessment below +2 is a shortfall', () => {
    const named = { ...outcome, shownAt: ['tell-all'] };
    const path: CoveragePath = {
      decisions: [{ index: 0, node: 'anything-else', choice: 'tell-all', levels: { boundaries: 2 } }],
      assessments: [
        { id: 'kept-secret', node: 'end', afterDecisions: 1, ending: true, score: { boundaries: -1 } },
      ],
      bands,
    };
    expect(outcomeCoverage(named, path).status).toBe('covered');
    expect(outcomeCoverage(outcome, path)).toMatchObject({
      status: 'not-yet',
      shortfalls: ['the ending: Professional boundaries −1'],
    });
  });

  it('a record without its moments falls back to the bands, labelled, and an unlinked outcome is not marked', () => {
    const c = outcomeCoverage(outcome, { decisions: null, assessments: null, bands });
    expect(c).toMatchObject({ status: 'not-yet', rule: 'bands' });
    expect(c.reason).toMatch(/saved before CarePlay kept the moments/);
    expect(outcomeCoverage({ standard: 'x' }, { decisions: [], assessments: [], bands }).status).toBe(
      'not-linked',
    );
  });
});

describe('validate checks the links', () => {
  const problems = (from: string, to: string) => {
    expect(SMALL).toContain(from);
    return load(SMALL.replace(from, to)).diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`);
  };

  it('warns about an outcome with evidences but no shownAt', () => {
    expect(problems('    shownAt: [hello]\n', '')).toEqual([
      expect.stringMatching(/^warning outcome-no-moments: outcome 1 names no "shownAt:"/),
    ]);
  });

  it('refuses a shownAt that names no decision, option or assessment, and explains an ending', () => {
    expect(problems('shownAt: [hello]', 'shownAt: [helo]')).toEqual([
      expect.stringMatching(/^error unknown-moment: .*'helo', which is neither .* did you mean 'hello'/),
    ]);
    expect(problems('shownAt: [hello]', 'shownAt: [end-good]')).toEqual([
      expect.stringMatching(/^error unknown-moment: .*a node with no choices.*give that assessment an id/),
    ]);
  });

  it('warns where a named decision could never show the outcome', () => {
    expect(problems('shownAt: [hello]', 'shownAt: [quiet-talk]')).toEqual([
      expect.stringMatching(
        /^warning moment-untested: .*decision 'quiet-talk', but no option there is scored on 'empathy'/,
      ),
    ]);
    expect(problems('score: { empathy: 2 }', 'score: { empathy: 1 }')).toEqual([
      expect.stringMatching(/^warning moment-never-competent: .*no option there reaches \+2 on 'empathy'/),
    ]);
    // Only a lapse named: it can catch one, but never show the outcome.
    expect(problems('shownAt: [hello]', 'shownAt: [brush-off]')).toEqual([
      expect.stringMatching(
        /^warning outcome-never-covered: no moment outcome 1 names can reach \+2 on 'empathy'/,
      ),
    ]);
  });
});

describe('a trainer’s expectation can assert coverage', () => {
  const text = scenarioText('demo-gift.yaml');

  it('a path that loses coverage it should have is an error naming the reason', () => {
    const from = '    notCovered: [code-of-conduct, qs50, cc10]';
    expect(text).toContain(from);
    const broken = load(
      text.replace(from, '').replace('    covers: [cc1]\n', '    covers: [cc1, qs50]\n'),
      'scenarios/demo-gift.yaml',
    );
    expect(broken.diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(
        /error: expectation 'never-declares': outcome 'qs50' \(NICE quality standard QS50\) is not covered on this path, but the trainer expects it covered — Not yet: the ending: Escalation −1/,
      ),
    ]);
  });

  it('and one that is covered when the trainer says it must not be', () => {
    const from = '    notCovered: [code-of-conduct, qs50, cc10]';
    const broken = load(text.replace(from, '    notCovered: [cc1]'), 'scenarios/demo-gift.yaml');
    expect(broken.diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(
        /expectation 'never-declares': outcome 'cc1' .* is covered on this path, but the trainer expects it not covered/,
      ),
    ]);
  });

  it('names an outcome id that does not exist', () => {
    const from = '    notCovered: [code-of-conduct, qs50, cc10]';
    const broken = load(text.replace(from, '    notCovered: [cc99]'), 'scenarios/demo-gift.yaml');
    expect(broken.diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(
        /error: expectation 'never-declares' names the outcome id 'cc99', which does not exist/,
      ),
    ]);
  });
});
