/**
 * The fields authors asked for, end to end through the Session: assessments at endings, a
 * destination that depends on state, words not said in the room, an ending's own reflection,
 * a source of the scenario's own, weights, and the trainer's expectations.
 */
import { describe, expect, it } from 'vitest';
import { compileMachine } from '../../src/engine/compileMachine';
import { buildDebrief } from '../../src/engine/debrief';
import { cueingStats } from '../../src/engine/cueing';
import { checkExpectations } from '../../src/engine/expectations';
import { scoringReport } from '../../src/engine/scoringReport';
import { Session, type AssessmentView } from '../../src/engine/Session';
import { CONSEQUENCES, load, positionOf } from '../helpers/fixtures';

const loaded = load(CONSEQUENCES);
const scenario = loaded.scenario!;

const play = (...path: string[]) => {
  const session = new Session(scenario, { now: () => 0 });
  const announced: AssessmentView[] = [];
  session.on('assessment', ({ assessment }) => announced.push(assessment));
  for (const id of path) session.choose(id);
  while (session.canContinue) session.next();
  return { session, result: session.result()!, announced };
};

describe('consequences and omissions', () => {
  it('loads cleanly, citing a source the scenario adds for itself', () => {
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.ok).toBe(true);
  });

  it('an ending marks an omission down, with the reason in plain words', () => {
    const { result, announced } = play('name-it', 'photos');
    expect(result.ending.node).toBe('end-missed');
    expect(announced).toEqual([
      expect.objectContaining({ node: 'end-missed', went: 'badly', score: { escalation: -3 } }),
    ]);
    expect(result.card.escalation).toMatchObject({ band: 'Developing', percent: 13 });
    expect(result.card.escalation.explanation).toBe(
      '1 consequence counted (the ending ×2), averaging −3 on the −4 to +4 scale, which is 13%; the ending added −3: “The change was never passed on.”',
    );
  });

  it('credit at an ending is shown but changes no score', () => {
    const { result } = play('name-it', 'report-now');
    expect(result.assessments).toEqual([
      expect.objectContaining({
        node: 'end-good',
        went: 'well',
        score: {},
        why: 'You passed the change on the same day.',
      }),
    ]);
    expect(result.card.escalation).toMatchObject({ band: 'Exemplary', percent: 88 });
    expect(result.scores.escalation).toBe(3);
  });

  it('where a choice leads can depend on how things stand after it', () => {
    expect(play('name-it', 'report-now').result.ending.node).toBe('end-good');
    // Brushing Helen off drops her trust to 20, so the same choice leads elsewhere.
    const { result } = play('brush-off', 'report-now');
    expect(result.ending.node).toBe('end-wary');
    expect(result.assessments[0]).toMatchObject({
      went: 'badly',
      why: 'Helen felt brushed off before you acted.',
    });
  });

  it('the machine decides the destination: the same CHOOSE goes where its guard says', () => {
    const session = new Session(scenario);
    session.choose('brush-off');
    session.choose('report-now');
    expect(session.snapshot.node).toBe('end-wary');
    expect(compileMachine(scenario).config.states!['change']!.on!['CHOOSE']).toHaveLength(3);
  });

  it('a key moment counts twice', () => {
    // name-it +3 (weight 1) and photos +2 on empathy at the weighted decision: (3 + 2×2) / 3.
    expect(play('name-it', 'photos').result.card.empathy).toMatchObject({ percent: 79, band: 'Competent' });
  });

  it('words not said in the room are marked as such', () => {
    const session = new Session(scenario);
    session.choose('name-it');
    expect(session.snapshot.line).toMatchObject({ speaker: 'helen', medium: 'speech' });
    session.next();
    expect(session.snapshot.line).toMatchObject({ speakerName: 'Priya Shah', medium: 'text-message' });
  });

  it("an ending's own reflection replaces the scenario's", () => {
    const wary = play('brush-off', 'report-now').result;
    expect(buildDebrief(scenario, wary, loaded.analysis!.bestPath).reflection).toEqual([
      'What would have helped Helen trust you?',
    ]);
    const good = play('name-it', 'report-now').result;
    expect(buildDebrief(scenario, good, loaded.analysis!.bestPath).reflection).toEqual([
      'What did Helen need?',
    ]);
  });

  it('the analysis counts assessments in its exact score bounds', () => {
    expect(loaded.analysis!.stats.scoreBounds.escalation).toEqual({ min: -3, max: 3 });
  });

  it('restoring a save rebuilds the assessments by replaying the choices', () => {
    const { session } = play('name-it', 'photos');
    const restored = Session.restore(scenario, session.save());
    expect(restored.ok && restored.session.result()!.card.escalation.percent).toBe(13);
  });
});

describe("the trainer's expectations", () => {
  it('all met in the fixture', () => {
    const outcomes = checkExpectations(scenario);
    expect(outcomes.map((o) => [o.name, o.problems])).toEqual([
      ['strongest', []],
      ['never-reports', []],
      ['brushed-off', []],
    ]);
  });

  it('a miss is an error at the expectation, explained with the arithmetic', () => {
    const text = CONSEQUENCES.replace(
      'bands: { empathy: Competent or better, escalation: Developing or worse }',
      'bands: { empathy: Competent or better, escalation: Competent or better }',
    );
    const result = load(text);
    expect(result.ok).toBe(false);
    const miss = result.diagnostics.find((d) => d.code === 'expectation-missed')!;
    expect(miss).toMatchObject(positionOf(text, 'Competent or better }', 'name: never-reports'));
    expect(miss.message).toBe(
      "expectation 'never-reports': escalation is Developing (13%), but the trainer expects Competent or better — 1 consequence counted (the ending ×2), averaging −3 on the −4 to +4 scale, which is 13%; the ending added −3: “The change was never passed on.”",
    );
  });

  it('"beats" compares two paths on a dimension, and says why when it does not hold', () => {
    const text = CONSEQUENCES.replace(
      'bands: { empathy: Competent or better, escalation: Developing or worse }',
      'bands: { empathy: Competent or better, escalation: Developing or worse }\n    beats: { strongest: empathy }',
    );
    const miss = load(text).diagnostics.find((d) => d.code === 'expectation-missed')!;
    expect(miss.message).toMatch(
      /^expectation 'never-reports' should outscore 'strongest' on empathy, but earns Competent \(79%\) against Exemplary \(88%\) — this path: 2 decisions counted \(decision 2 ×2\)/,
    );
  });

  it('a path that cannot be played is reported at the step that fails', () => {
    const cases: [string, RegExp][] = [
      [
        'path: [name-it, name-it]',
        /step 2 of the path, 'name-it', cannot be taken at node 'change' \(there is no choice 'name-it' at node 'change'\); on offer there: 'report-now', 'photos'/,
      ],
      [
        'path: [name-it]',
        /the path stops at node 'change' before an ending; add the next choice \(on offer there: 'report-now', 'photos'\)/,
      ],
      [
        'path: [name-it, report-now, photos]',
        /the path reaches the ending 'end-good' after 2 choices, but lists more \('photos' onwards\)/,
      ],
    ];
    for (const [path, pattern] of cases) {
      const result = load(CONSEQUENCES.replace('path: [name-it, report-now]', path));
      expect(result.ok).toBe(false);
      expect(result.diagnostics.map((d) => d.message).join('\n')).toMatch(pattern);
    }
  });

  it('unknown names in expectations are cross-reference errors with a suggestion', () => {
    const text = CONSEQUENCES.replace(
      'beats: { never-reports: escalation }',
      'beats: { never-report: escalation }',
    ).replace('ends: end-good', 'ends: end-goood');
    const messages = load(text).diagnostics.map((d) => d.message);
    expect(messages).toContain(
      "expectation 'strongest' names the expectation 'never-report', which does not exist — did you mean 'never-reports'?; the expectations are 'strongest', 'never-reports' and 'brushed-off'",
    );
    expect(messages.join('\n')).toMatch(
      /names the ending 'end-goood', which does not exist — did you mean 'end-good'\?/,
    );
  });
});

describe('the scoring report', () => {
  it('scores every path per ending, with the bands reachable and the best and worst path there', () => {
    const report = scoringReport(scenario, loaded.analysis!);
    expect(report).toMatchObject({ paths: 4, total: 4, complete: true });
    const missed = report.endings.find((e) => e.node === 'end-missed')!;
    expect(missed.paths).toBe(2);
    expect(missed.dimensions.escalation.bands).toEqual({ Developing: 2 });
    expect(missed.dimensions.empathy).toEqual({
      bands: { Developing: 1, Competent: 1 },
      lowest: 63,
      highest: 79,
    });
    expect(missed.best.choices).toEqual(['name-it', 'photos']);
    expect(missed.worst.choices).toEqual(['brush-off', 'photos']);
  });

  it('samples fairly when there are more paths than the cap', () => {
    const report = scoringReport(scenario, loaded.analysis!, 2);
    expect(report.complete).toBe(false);
    expect(report.paths).toBe(2);
    expect(report.total).toBe(4);
  });
});

describe('cueing', () => {
  it('counts, over the option sets a learner can see, where the best option sits by length and position', () => {
    // arrive: "That must have hurt. Shall we sit down?" (best, longest, first) vs "Good days and bad days."
    // change (two reachable sets, the same options): "I'll tell Priya now…" (best, longest, first).
    expect(cueingStats(scenario, loaded.analysis!)).toEqual({
      sets: 2,
      longest: 100,
      secondLongest: 0,
      shortest: 0,
      first: 100,
      last: 0,
      worstShortest: 100,
    });
  });

  it('judges "best" with what the next node assesses, as the best path does', () => {
    // Make photos look better on its own (+4) than reporting (+3); the omission at its ending (−3 ×1 here)
    // still leaves reporting best.
    const text = CONSEQUENCES.replace(
      'score: { empathy: 2 }\n        feedback:\n          why: Practical',
      'score: { empathy: 4 }\n        feedback:\n          why: Practical',
    );
    const l = load(text);
    expect(cueingStats(l.scenario!, l.analysis!).first).toBe(100);
  });
});
