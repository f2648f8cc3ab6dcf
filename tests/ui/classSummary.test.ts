/**
 * The class's record as data (issue 19): the JSON export and the learners' take-away carry plain
 * text only (no glossary markup), and the take-away says nothing the scenario file does not.
 */
import { describe, expect, it } from 'vitest';
import { ClassSession } from '../../src/engine/ClassSession';
import { buildDebrief } from '../../src/engine/debrief';
import { plainText } from '../../src/engine/markup';
import { summaryJson, takeawayFrom } from '../../src/trainer/classSummary';
import { buildClassView } from '../../src/trainer/protocol';
import { load, references, scenarioText } from '../helpers/fixtures';

const loaded = load(scenarioText('demo-gift.yaml'));
const scenario = loaded.scenario!;
const bestPath = loaded.analysis!.bestPath;

function finishedClass() {
  const cs = new ClassSession(scenario);
  for (const step of bestPath) {
    while (cs.session.canContinue) cs.session.next();
    cs.setVotes(step.choice, 4);
    cs.setReasons(`Reasons at ${step.choice}`);
    cs.goWithClass();
  }
  cs.setDetails({ group: 'Tuesday group', trainer: 'Sam' });
  return cs;
}

describe('the class summary’s exports', () => {
  it('JSON: plain text throughout, with the reasons, times and who it was for', () => {
    const cs = finishedClass();
    // The best path says "his [[care plan]]": the export must not.
    expect(bestPath.some((s) => /\[\[/.test(JSON.stringify(scenario.nodes[s.node])))).toBe(true);
    const json = summaryJson(buildClassView(cs, scenario.title));
    expect(json).not.toMatch(/\[\[|\]\]/);
    const data = JSON.parse(json);
    expect(data).toMatchObject({ group: 'Tuesday group', trainer: 'Sam' });
    expect(data.path[0]).toMatchObject({
      reasons: `Reasons at ${bestPath[0]!.choice}`,
      votes: { [bestPath[0]!.choice]: 4 },
    });
    expect(data.path.map((p: { chosenText: string }) => p.chosenText).join(' ')).toContain('care plan');
  });

  it('take-away: the scenario’s own outcomes, ending, strongest path and support, cited by title', () => {
    const cs = finishedClass();
    const model = buildDebrief(scenario, cs.session.result()!, bestPath);
    // The shared sources and the scenario's own (a local policy), as the app merges them.
    const titles = { ...references().sources, ...scenario.sources };
    const t = takeawayFrom(scenario, model, (k) => titles[k]?.title ?? k);
    expect(JSON.stringify(t)).not.toMatch(/\[\[|\]\]/);
    expect(t.outcomes.map((o) => o.text)).toEqual(scenario.outcomes.map((o) => plainText(o.text)));
    expect(t.ending.whatNext).toBe(plainText(model.ending.whatNext));
    expect(t.strongest.map((s) => s.why)).toEqual(model.bestPath.map((s) => plainText(s.option.why)));
    expect(t.signposting.map((s) => s.name)).toEqual(
      [...(model.ending.signposting ?? []), ...(scenario.support ?? [])].map((s) => s.name),
    );
    // Guidance by title, as the debrief cites it, never by key.
    const cited = t.strongest.flatMap((s) => s.sources);
    expect(cited.length).toBeGreaterThan(0);
    for (const title of cited) expect(Object.values(titles).map((s) => s.title)).toContain(title);
  });
});
