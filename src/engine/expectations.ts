/**
 * The trainer's expectations, checked. A scenario names characteristic paths ("reports late",
 * "never reports") and says, in a trainer's terms, what each must earn: a band per dimension
 * ("Competent or better"), an ending, and which other paths it must outscore. `validate` plays
 * each path and explains any miss, so a scoring inversion is found before a learner finds it.
 */
import type { AnalysisIssue } from './analyseScenario';
import { DIMENSIONS, type Dimension } from './model';
import type { Expectation, Scenario } from './schema';
import { coveragePathOf, outcomeCoverage } from './outcomes';
import { BANDS, type Band, type DimensionResult } from './scoring';
import { Session, SessionError, type SessionResult } from './Session';

export interface ExpectationOutcome {
  name: string;
  /** Where in the file, for diagnostics. */
  index: number;
  /** The result of playing the path, or null when the path could not be played. */
  result: SessionResult | null;
  problems: { path: (string | number)[]; message: string }[];
}

const order = (r: DimensionResult): number =>
  // Not tested sorts lowest; within a band, the percentage decides.
  r.band === null ? -1 : BANDS.indexOf(r.band) * 1000 + (r.percent ?? 0);

const describeBand = (r: DimensionResult) =>
  r.band === null ? 'not tested' : `${r.band}${r.percent === null ? '' : ` (${r.percent}%)`}`;

/** Does a result meet "Competent", "Competent or better", "Developing or worse" or "not tested"? */
export function meets(r: DimensionResult, expected: string): boolean {
  if (expected === 'not tested') return r.band === null;
  const [, band, direction] = /^(\w+)(?: or (better|worse))?$/.exec(expected) ?? [];
  if (!band || r.band === null) return false;
  const want = BANDS.indexOf(band as Band);
  const got = BANDS.indexOf(r.band);
  if (direction === 'better') return got >= want;
  if (direction === 'worse') return got <= want;
  return got === want;
}

const onOffer = (session: Session) =>
  session
    .reveal()
    .filter((o) => o.available)
    .map((o) => `'${o.id}'`)
    .join(', ');

/** Play one expectation's path from the start. */
export function playPath(
  scenario: Scenario,
  path: readonly string[],
): { result: SessionResult | null; problem: { step: number; message: string } | null } {
  const session = new Session(scenario, { now: () => 0 });
  for (const [i, id] of path.entries()) {
    if (session.ended) {
      return {
        result: null,
        problem: {
          step: i,
          message: `the path reaches the ending '${session.snapshot.node}' after ${i} choice${i === 1 ? '' : 's'}, but lists more ('${id}' onwards); remove them`,
        },
      };
    }
    try {
      session.choose(id);
    } catch (error) {
      if (!(error instanceof SessionError)) throw error;
      const offered = onOffer(session);
      return {
        result: null,
        problem: {
          step: i,
          message: `step ${i + 1} of the path, '${id}', cannot be taken at node '${session.snapshot.node}' (${error.message}); on offer there: ${offered || 'nothing'}`,
        },
      };
    }
  }
  if (!session.ended) {
    const offered = onOffer(session);
    return {
      result: null,
      problem: {
        step: path.length,
        message: `the path stops at node '${session.snapshot.node}' before an ending; add the next choice (on offer there: ${offered})`,
      },
    };
  }
  while (session.canContinue) session.next();
  return { result: session.result(), problem: null };
}

export function checkExpectations(scenario: Scenario): ExpectationOutcome[] {
  const outcomes: ExpectationOutcome[] = (scenario.expectations ?? []).map((e, index) => {
    const played = playPath(scenario, e.path);
    const problems: ExpectationOutcome['problems'] = [];
    if (played.problem) {
      problems.push({
        path: ['expectations', index, 'path', Math.min(played.problem.step, Math.max(0, e.path.length - 1))],
        message: `expectation '${e.name}': ${played.problem.message}`,
      });
      return { name: e.name, index, result: null, problems };
    }
    const result = played.result!;
    if (e.ends !== undefined && result.ending.node !== e.ends) {
      problems.push({
        path: ['expectations', index, 'ends'],
        message: `expectation '${e.name}': the path ends at '${result.ending.node}' ("${result.ending.title}"), not at '${e.ends}'`,
      });
    }
    for (const d of DIMENSIONS) {
      const expected = e.bands?.[d];
      if (expected === undefined) continue;
      const r = result.card[d];
      if (!meets(r, expected)) {
        problems.push({
          path: ['expectations', index, 'bands', d],
          message: `expectation '${e.name}': ${d} is ${describeBand(r)}, but the trainer expects ${expected} — ${r.explanation}`,
        });
      }
    }
    // What the evidence report would say of this path's outcomes, by the one coverage rule.
    if (e.covers?.length || e.notCovered?.length) {
      const path = coveragePathOf(scenario, result);
      const byId = new Map(
        scenario.outcomes.flatMap((o) => (o.id === undefined ? [] : [[o.id, o] as const])),
      );
      for (const [key, want] of [
        ['covers', true],
        ['notCovered', false],
      ] as const) {
        for (const [j, id] of (e[key] ?? []).entries()) {
          const outcome = byId.get(id);
          if (!outcome) continue; // the cross-reference check names it
          const c = outcomeCoverage(outcome, path);
          if ((c.status === 'covered') === want) continue;
          problems.push({
            path: ['expectations', index, key, j],
            message: want
              ? `expectation '${e.name}': outcome '${id}' (${outcome.standard}) is not covered on this path, but the trainer expects it covered — ${c.reason}`
              : `expectation '${e.name}': outcome '${id}' (${outcome.standard}) is covered on this path, but the trainer expects it not covered — ${c.reason}`,
          });
        }
      }
    }
    return { name: e.name, index, result, problems };
  });

  const byName = new Map(outcomes.map((o) => [o.name, o]));
  for (const [index, e] of (scenario.expectations ?? []).entries()) {
    const mine = outcomes[index]!;
    for (const [otherName, dims] of Object.entries(e.beats ?? {})) {
      const other = byName.get(otherName);
      if (!mine.result || !other?.result) continue;
      for (const d of (typeof dims === 'string' ? [dims] : dims) as Dimension[]) {
        const a = mine.result.card[d];
        const b = other.result.card[d];
        if (order(a) > order(b)) continue;
        mine.problems.push({
          path: ['expectations', index, 'beats', otherName],
          message: `expectation '${e.name}' should outscore '${otherName}' on ${d}, but earns ${describeBand(a)} against ${describeBand(b)} — this path: ${a.explanation} '${otherName}': ${b.explanation}`,
        });
      }
    }
  }
  return outcomes;
}

/** The expectations' problems, as analysis issues the loader turns into diagnostics. */
export function expectationIssues(scenario: Scenario): AnalysisIssue[] {
  return checkExpectations(scenario).flatMap((o) =>
    o.problems.map((p): AnalysisIssue => ({
      severity: 'error',
      code: 'expectation-missed',
      path: p.path,
      message: p.message,
    })),
  );
}

export type { Expectation };
