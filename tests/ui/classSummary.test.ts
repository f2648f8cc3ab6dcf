// @vitest-environment happy-dom
/**
 * The class's record as data and as printed sheets (issue 19, and the trainer review's
 * should-fixes 4–9 and 12): the JSON export and the learners' take-away carry plain text only (no
 * glossary markup), and the take-away says nothing the scenario file does not. The handout gives
 * each band its reason, names the options the class voted for, and says how divided the room was
 * in words; the take-away cites each outcome, keeps what the class did under the class's path,
 * gives the strongest path the debrief's caveat, and both define the glossary terms they print.
 * Past class sessions can print the take-away again. Rendered with happy-dom, in Node.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { App } from '../../src/app/App';
import { withOwnSources, type PlayableScenario } from '../../src/app/catalogueTypes';
import { keepPastClass, PAST_CLASS_VERSION, type PastClass } from '../../src/app/classRecords';
import { memoryStore } from '../../src/app/storage';
import { ClassSession } from '../../src/engine/ClassSession';
import { buildDebrief } from '../../src/engine/debrief';
import { GLOSSARY_MARK, plainText } from '../../src/engine/markup';
import { quote } from '../../src/engine/scoring';
import type { Scenario } from '../../src/engine/schema';
import { capWords, reasonWords, strongestPathWords } from '../../src/ui/bandWords';
import { openPastClasses } from '../../src/ui/pastClassesView';
import { findTerm } from '../../src/ui/richText';
import {
  renderClassSummary,
  renderHandout,
  renderTakeaway,
  summaryJson,
  takeawayFrom,
} from '../../src/trainer/classSummary';
import { startClassroom } from '../../src/trainer/classroom';
import { pastClassView, reopenPastClass } from '../../src/trainer/pastClasses';
import { buildClassView, type ClassView } from '../../src/trainer/protocol';
import { load, references, scenarioText } from '../helpers/fixtures';

const loaded = load(scenarioText('demo-gift.yaml'));
const scenario = loaded.scenario!;
/** The gift demo as the player has it, for classes played here. */
const gift: PlayableScenario = {
  scenario,
  analysis: loaded.analysis!,
  references: withOwnSources(references(), scenario),
  file: 'scenarios/demo-gift.yaml',
  custom: false,
};
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

/** A core scenario, as the app has it: its analysis and the references it cites from. */
function core(file: string): PlayableScenario {
  const l = load(scenarioText(file), `scenarios/${file}`);
  return {
    scenario: l.scenario!,
    analysis: l.analysis!,
    references: withOwnSources(references(), l.scenario!),
    file: `scenarios/${file}`,
    custom: false,
  };
}
const SUNDAY = core('dementia-family-visit.yaml');
const BREAD = core('inter-agency-conflict.yaml');

/**
 * A class played to its ending: at each decision `votes` gives the votes by option number (as
 * on screen) and the class's choice; by default the strongest option, with one vote.
 */
function playClass(
  playable: PlayableScenario,
  votes: (
    decision: number,
    offered: string[],
    best: string | undefined,
  ) => { counts: number[]; pick: string },
) {
  const cs = new ClassSession(playable.scenario);
  for (let i = 0; i < 60 && !cs.finished; i++) {
    while (cs.session.canContinue) cs.session.next();
    if (cs.finished) break;
    const offered = cs.session.snapshot.choices.map((c) => c.id);
    const best = playable.analysis.bestPath[i]?.choice;
    const { counts, pick } = votes(i, offered, offered.includes(best ?? '') ? best : undefined);
    counts.forEach((n, j) => n && cs.setVotes(offered[j]!, n));
    cs.pick(pick);
  }
  while (cs.session.canContinue) cs.session.next();
  expect(cs.finished).toBeTruthy();
  return cs;
}

/** What the app shows at the end of a class: the view with its take-away (and the glossary). */
function classEnd(playable: PlayableScenario, cs: ClassSession, glossary = true) {
  const model = buildDebrief(playable.scenario, cs.session.result()!, playable.analysis.bestPath);
  const sources = playable.references.sources;
  const takeaway = takeawayFrom(
    playable.scenario,
    model,
    (k) => sources[k]?.title ?? k,
    glossary ? playable.references.glossary : undefined,
  );
  const view: ClassView = { ...buildClassView(cs, playable.scenario.title), takeaway, onSummary: true };
  return { model, takeaway, view };
}

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const items = (root: Element, selector: string) => [...root.querySelectorAll(selector)].map(text);
/** The heading a list sits under (its nearest h2 or h3 before it). */
function headingOf(el: Element): string {
  for (let e = el.previousElementSibling; e; e = e.previousElementSibling)
    if (/^H[23]$/.test(e.tagName)) return text(e);
  return '';
}

const choiceText = (s: Scenario, id: string) =>
  plainText(
    Object.values(s.nodes)
      .flatMap((n) => n.choices ?? [])
      .find((c) => c.id === id)!.text,
  );

/** The glossary's name for each term marked in these texts: an oracle for "Words used". */
function termsMarkedIn(texts: (string | null | undefined)[]): string[] {
  const glossary = references().glossary;
  const terms = texts.flatMap((t) =>
    [...(t ?? '').matchAll(GLOSSARY_MARK)].map((m) => findTerm(glossary, m[2] ?? m[1]!)!.term),
  );
  return [...new Set(terms)].sort((a, b) => a.localeCompare(b, 'en-GB', { sensitivity: 'base' }));
}

/** "Words used" as printed: each term and its meaning. */
function wordsUsed(sheet: Element): { term: string; meaning: string }[] {
  const list = [...sheet.querySelectorAll('h2')].find((h) => text(h) === 'Words used')?.nextElementSibling;
  return [...(list?.querySelectorAll('li') ?? [])].map((li) => ({
    term: text(li.querySelector('strong')),
    meaning: text(li).replace(/^[^:]+: /, ''),
  }));
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
    const t = takeawayFrom(scenario, model, (k) => titles[k]?.title ?? k, references().glossary);
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

describe('the handout (trainer review 4–6, 9)', () => {
  /**
   * Sunday visit along its strongest path, with the room divided in known ways: 5 to 5 at
   * decision 1, unanimous at 2, 3 to 2 to 2 at 3, 3 to 1 at 4, 2 to 1 to 1 at 5, one vote after.
   */
  const SPLITS: Record<number, number[]> = {
    0: [5, 0, 5, 0],
    1: [0, 0, 4, 0],
    2: [3, 2, 2, 0],
    3: [3, 0, 0, 1, 0],
    4: [1, 2, 1],
  };
  const sunday = () =>
    playClass(SUNDAY, (i, offered, best) => {
      const pick = best ?? offered[0]!;
      return { counts: SPLITS[i] ?? offered.map((id) => (id === pick ? 1 : 0)), pick };
    });

  it('4: each band with its reason and any cap, in the debrief’s own words', () => {
    const { view, model } = classEnd(SUNDAY, sunday());
    // A cap, as a lapse would set it, to see it printed (the strongest path has none).
    view.bands!.escalation = { ...view.bands!.escalation, cap: 'Developing' };
    const handout = renderHandout(view);
    const reasons = items(handout, '.handout-band-reasons li');
    expect(reasons).toEqual([
      `Empathy: ${reasonWords(model.bands.empathy.reason, model.bands.empathy.band)}`,
      `Professional boundaries: ${reasonWords(model.bands.boundaries.reason, model.bands.boundaries.band)}`,
      `Escalation: ${reasonWords(model.bands.escalation.reason, model.bands.escalation.band)} ${capWords('Developing')}`,
    ]);
    // What the session practised: the scenario's own outcomes (review 57).
    expect(items(handout, '.handout-outcomes li')).toEqual(
      SUNDAY.scenario.outcomes.map((o) => `${o.standard}: ${plainText(o.text)}`),
    );
    // What the figures are, and that this is the group's record, not a learner's (review 57).
    expect(text(handout.querySelector('.handout-scale'))).toMatch(/−4 to \+4 scale.*not a pass mark/);
    expect(text(handout.querySelector('.handout-group-record'))).toMatch(
      /^Group record: .*not evidence of any one learner’s competence\.$/,
    );
    // The summary line is kept, with its bands and percentages.
    expect(text(handout.querySelector('.handout-bands'))).toMatch(
      /^Bands: Empathy \w+ \(\d+%\) · Professional boundaries \w+ \(\d+%\) · Escalation \w+ \(\d+%\), capped at Developing$/,
    );
  });

  it('5: the votes name each option voted for, by its number on screen and its words', () => {
    const cs = sunday();
    const handout = renderHandout(classEnd(SUNDAY, cs).view);
    const decisions = cs.session.snapshot.decisions;
    const words = (d: number, n: number) => choiceText(SUNDAY.scenario, decisions[d]!.offered[n - 1]!);
    const [first, , third] = handout.querySelectorAll('.handout-path > li');
    expect(items(first!, '.handout-options li')).toEqual([
      `1. “${words(0, 1)}” — 5 votes`,
      `3. “${words(0, 3)}” — 5 votes · the class’s choice`,
    ]);
    expect(text(first!.querySelector('.handout-meta'))).toMatch(
      /^Votes: 5 of 10 \(trainer’s pick\); none for 2 and 4 · Time to decide: /,
    );
    expect(items(third!, '.handout-options li')).toEqual([
      `1. “${words(2, 1)}” — 3 votes · the class’s choice`,
      `2. “${words(2, 2)}” — 2 votes`,
      `3. “${words(2, 3)}” — 2 votes`,
    ]);
    // One vote, for the class's choice: named, with its one vote.
    const last = decisions.at(-1)!;
    const n = last.offered.indexOf(last.choice) + 1;
    expect(items([...handout.querySelectorAll('.handout-path > li')].at(-1)!, '.handout-options li')).toEqual(
      [`${n}. “${words(decisions.length - 1, n)}” — 1 vote · the class’s choice`],
    );
    expect(text(handout)).not.toMatch(/\[\[|\]\]/);
  });

  it('5: at the ending, before the class’s screen shows the summary, the presenter window’s handout names the options too', () => {
    // The view the presenter window is sent while the class's screen still shows the ending.
    const cs = sunday();
    const app = { store: memoryStore(), notify: () => {} } as unknown as App;
    const classroom = startClassroom(app, SUNDAY, cs);
    const view = classroom.trainer().view;
    expect(view.onSummary).toBe(false);
    const words = (n: number) =>
      choiceText(SUNDAY.scenario, cs.session.snapshot.decisions[0]!.offered[n - 1]!);
    const first = renderHandout(view).querySelector('.handout-path > li')!;
    expect(items(first, '.handout-options li')).toEqual([
      `1. “${words(1)}” — 5 votes`,
      `3. “${words(3)}” — 5 votes · the class’s choice`,
    ]);
    // The same sheets as the summary's (the take-away can be printed from there too).
    expect(view.takeaway).toEqual(classEnd(SUNDAY, cs).takeaway);
    const summary = renderClassSummary(view);
    expect([...summary.querySelectorAll('button')].map(text)).toContain('Print take-away for learners');
    // A what-if's ending is not the class's: no sheets for it.
    cs.startWhatIf(0);
    while (cs.session.canContinue) cs.session.next();
    expect(classroom.trainer().view.takeaway).toBeNull();
    cs.returnToClass();
    expect(classroom.trainer().view.takeaway).toEqual(view.takeaway);
  });

  /** The most divided decisions, as the handout lists them. */
  const divided = (view: ClassView) =>
    items(
      renderHandout(view),
      '.handout > ul:not(.handout-band-reasons, .words-used, .handout-outcomes) > li',
    );

  it('5, 6: the most divided decisions name their options and say the split in words', () => {
    const cs = sunday();
    const { view } = classEnd(SUNDAY, cs);
    // Named as the bands' reasons quote a choice (cut short at a word): the path has them whole.
    const name = (d: number, n: number) =>
      `option ${n} (${quote(choiceText(SUNDAY.scenario, cs.session.snapshot.decisions[d]!.offered[n - 1]!))})`;
    expect(divided(view)).toEqual([
      // A tie the trainer settled says so (trainer review 57); these picks were the trainer's.
      `Decision 1: split 5 to 5 between ${name(0, 1)} and ${name(0, 3)}. On the tie, the trainer chose option 3.`,
      `Decision 3: split 3 to 2 to 2 between ${name(2, 1)}, ${name(2, 2)} and ${name(2, 3)}. The trainer chose option 1.`,
      `Decision 5: split 2 to 1 to 1 between ${name(4, 2)}, ${name(4, 1)} and ${name(4, 3)}. The trainer chose option 2.`,
    ]);
    // The same words on the summary on screen.
    expect(items(renderClassSummary(view), '.class-summary > ul:not(.summary-bands) > li')).toEqual(
      divided(view),
    );
  });

  it('6: a class that agreed, a single vote, and votes beyond the top two, in words', () => {
    // All four votes one way at decision 1, one vote at 2, and 3 to 2 to 1 at decision 3.
    const cs = playClass(gift, (i, offered, best) => {
      const at = offered.indexOf(best!);
      const counts = offered.map((_, j) => (j === at ? ([4, 1, 3][i] ?? 1) : 0));
      if (i === 2) {
        counts[(at + 1) % offered.length] = 2;
        counts[(at + 2) % offered.length] = 1;
      }
      return { counts, pick: best! };
    });
    const n = (d: number) => {
      const r = cs.session.snapshot.decisions[d]!;
      return (k: number) => r.offered.indexOf(r.choice) + 1 + k;
    };
    // Decisions 1 (all four votes one way) and 2 (one vote) were not divided: only 3 is listed.
    expect(divided(classEnd(gift, cs).view)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Decision 3: split 3 to 2 between option ${n(2)(0)} \\(“.+”\\) and option \\d \\(“.+”\\), with 1 more vote for option \\d \\(“.+”\\)\\. The trainer chose option ${n(2)(0)}\\.$`,
        ),
      ),
    ]);
  });

  it('6: a room that never split says so (trainer review 57), and ties with the third are all listed', () => {
    const agreed = playClass(gift, (_i, offered, best) => ({
      counts: offered.map((id) => (id === best ? 3 : 0)),
      pick: best!,
    }));
    const sheet = renderHandout(classEnd(gift, agreed).view);
    expect(text(sheet)).toContain('The room did not split: at every decision the votes all went one way.');
    expect(text(sheet)).not.toContain('No votes were recorded.');
    // Every decision split 2 to 2: all are listed, not the first three that came.
    const even = playClass(gift, (_i, offered, best) => ({
      counts: offered.map((id, j) =>
        id === best || j === (offered.indexOf(best!) + 1) % offered.length ? 2 : 0,
      ),
      pick: best!,
    }));
    const listed = divided(classEnd(gift, even).view);
    expect(even.session.snapshot.decisions.length).toBeGreaterThan(3);
    expect(listed).toHaveLength(even.session.snapshot.decisions.length);
    expect(
      listed.every((l) => / split 2 to 2 between .* On the tie, the trainer chose option \d\.$/.test(l)),
    ).toBe(true);
  });

  it('9: "Words used": the glossary’s own meaning of each term the handout prints, and no other', () => {
    const cs = sunday();
    const { view } = classEnd(SUNDAY, cs);
    const handout = renderHandout(view);
    // What it prints: the ending, each prompt and the options named (voted for, or chosen).
    const s = SUNDAY.scenario;
    const printed = [
      cs.session.result()!.ending.title,
      ...cs.session.snapshot.decisions.flatMap((d) => {
        const votes = cs.snapshot.votes.find((v) => v.decision === d.index)?.counts ?? {};
        return [
          s.nodes[d.node]!.discuss,
          ...d.offered
            .filter((id) => (votes[id] ?? 0) > 0 || id === d.choice)
            .map((id) => s.nodes[d.node]!.choices!.find((c) => c.id === id)!.text),
        ];
      }),
    ];
    const words = wordsUsed(handout);
    expect(words.map((w) => w.term)).toEqual(termsMarkedIn(printed));
    expect(words.length).toBeGreaterThan(0);
    for (const w of words) expect(w.meaning).toBe(references().glossary[w.term]!.meaning);
  });
});

describe('the take-away (trainer review 7–9)', () => {
  const best = () => playClass(SUNDAY, (_, offered, b) => ({ counts: [], pick: b ?? offered[0]! }));
  /** Sunday visit, leaving the strongest path at decision 2. */
  const leaving = () =>
    playClass(SUNDAY, (i, offered, b) => ({
      counts: [],
      pick: i === 1 ? offered.find((id) => id !== b)! : (b ?? offered[0]!),
    }));

  it('7: every outcome cited with its own source, by title, from the scenario’s references', () => {
    for (const playable of [SUNDAY, BREAD]) {
      const cs = playClass(playable, (_, offered, b) => ({ counts: [], pick: b ?? offered[0]! }));
      const sheet = renderTakeaway(classEnd(playable, cs).takeaway);
      const outcomes = [...sheet.querySelectorAll('.takeaway-outcomes > li')];
      expect(outcomes).toHaveLength(playable.scenario.outcomes.length);
      playable.scenario.outcomes.forEach((o, i) => {
        expect(o.source).toBeTruthy();
        expect(text(outcomes[i]!.querySelector('.sources'))).toBe(
          `Guidance: ${playable.references.sources[o.source!]!.title}`,
        );
      });
      // Every citation on the sheet is a title from the references: nothing invented.
      const titles = new Set(Object.values(playable.references.sources).map((s) => s.title));
      const cited = items(sheet, '.sources').flatMap((c) => c.replace(/^Guidance: /, '').split('; '));
      expect(cited.length).toBeGreaterThan(playable.scenario.outcomes.length);
      for (const title of cited) expect(titles).toContain(title);
    }
  });

  it('8: the strongest path with the debrief’s caveat; what the class did under its own path', () => {
    const took = renderTakeaway(classEnd(SUNDAY, best()).takeaway);
    expect(text(took.querySelector('.takeaway-caveat'))).toBe(
      'The class took the strongest option at every decision. This is the path it followed.',
    );
    const { takeaway, model } = classEnd(SUNDAY, leaving());
    const left = renderTakeaway(takeaway);
    expect(model.divergedAt).toBe(1);
    expect(text(left.querySelector('.takeaway-caveat'))).toBe(
      'The class’s path left this one at decision 2. This is one strong way through, not the only right answer: other options were good too, and what works depends on the person. From the start, it went like this (some of these moments the class never saw, because what comes up depends on earlier choices):',
    );
    expect(headingOf(left.querySelector('.takeaway-caveat')!)).toBe('What the strongest path did');
    // The same words as the learner's debrief, for a learner.
    expect(strongestPathWords(1, 'you')).toBe(
      'Your path left this one at decision 2. This is one strong way through, not the only right answer: other options were good too, and what works depends on the person. From the start, it went like this (some of these moments you never saw, because what comes up depends on earlier choices):',
    );
    // The "You…" items, what the ending says the class did, sit under the class's path, not
    // among the key points of the strongest path.
    const youItems = model.assessments.map((a) => plainText(a.why));
    expect(youItems.some((y) => /^You /.test(y))).toBe(true);
    const classPath = left.querySelector('.takeaway-class-path')!;
    expect(headingOf(classPath)).toBe('What this ending says about the class’s path');
    expect(items(classPath, ':scope > li').map((li) => li.replace(/Guidance: .*$/, ''))).toEqual(
      model.assessments.map(
        (a) => `${{ well: 'Went well', badly: 'Went badly', note: 'Note' }[a.went]}: ${plainText(a.why)}`,
      ),
    );
    const keyPoints = text(left.querySelector('.takeaway-points'));
    for (const y of youItems) expect(keyPoints).not.toContain(y);
  });

  it('9: "Words used": the glossary’s meaning of each term in what the take-away prints', () => {
    for (const [playable, cs, expected] of [
      [SUNDAY, best(), ['anticipatory grief', 'Admiral Nurse', 'delirium']],
      [BREAD, playClass(BREAD, (_, offered, b) => ({ counts: [], pick: b ?? offered[0]! })), []],
    ] as const) {
      const { takeaway, model } = classEnd(playable, cs);
      const words = wordsUsed(renderTakeaway(takeaway));
      const s = playable.scenario;
      const printed = [
        ...s.outcomes.flatMap((o) => [o.standard, o.text]),
        model.ending.title,
        model.ending.whatNext,
        ...model.assessments.map((a) => a.why),
        ...model.bestPath.flatMap((step) => [step.prompt, step.option.text, step.option.why]),
        ...model.signposting.flatMap((p) => [p.name, p.detail]),
      ];
      expect(words.map((w) => w.term)).toEqual(termsMarkedIn(printed));
      for (const term of expected) expect(words.map((w) => w.term)).toContain(term);
      for (const w of words) expect(w.meaning).toBe(references().glossary[w.term]!.meaning);
    }
    // Without the glossary (an older caller), no list, and nothing else missing.
    const bare = renderTakeaway(classEnd(SUNDAY, best(), false).takeaway);
    expect(wordsUsed(bare)).toEqual([]);
    expect(text(bare)).toContain('What the strongest path did');
  });
});

describe('Past class sessions: the take-away again (trainer review 12)', () => {
  afterEach(() => {
    document.body.replaceChildren();
    delete document.documentElement.dataset.print;
    vi.restoreAllMocks();
  });

  function pastOf(cs: ClassSession): PastClass {
    return {
      version: PAST_CLASS_VERSION,
      id: cs.id,
      scenarioId: SUNDAY.scenario.id,
      title: SUNDAY.scenario.title,
      startedAt: 1_760_000_000_000,
      finishedAt: 1_760_000_900_000,
      decisions: cs.session.snapshot.decisions.length,
      ending: { title: cs.finished!.title, outcome: cs.finished!.outcome },
      save: cs.save(),
    };
  }

  function fakeApp(runner: object = {}) {
    const ui = document.createElement('div');
    document.body.append(ui);
    const store = memoryStore();
    const app = {
      store,
      ui,
      notify: vi.fn(),
      loadPlayable: async () => SUNDAY,
      loadRunner: async () => runner,
    };
    return app as unknown as App & { notify: ReturnType<typeof vi.fn> };
  }

  it('a past class’s summary has its take-away, as the class had it at the end', async () => {
    const cs = playClass(SUNDAY, (_, offered, b) => ({ counts: [], pick: b ?? offered[0]! }));
    const rebuilt = await pastClassView(fakeApp(), pastOf(cs));
    expect(rebuilt.ok).toBe(true);
    if (!rebuilt.ok) return;
    expect(rebuilt.view.takeaway).toEqual(classEnd(SUNDAY, cs).takeaway);
    const summary = renderClassSummary(rebuilt.view);
    expect(items(summary, 'button')).toContain('Print take-away for learners');
    expect(summary.querySelector('.print-sheet.takeaway')).not.toBeNull();
  });

  it('the list has “Print take-away” beside Reopen; it prints the take-away, not the handout', async () => {
    const cs = playClass(SUNDAY, (_, offered, b) => ({ counts: [], pick: b ?? offered[0]! }));
    const reopen = vi.fn(async () => {});
    const app = fakeApp({ reopenPastClass: reopen });
    keepPastClass(app.store, pastOf(cs));
    const dialog = openPastClasses(app);
    const buttons = [...dialog.querySelectorAll<HTMLButtonElement>('.past-class-list .actions button')];
    expect(buttons.map(text)).toEqual([
      'Reopen summary',
      'Print take-away',
      'Export CSV',
      'Export JSON',
      'Delete',
    ]);
    buttons[1]!.click();
    await vi.waitFor(() => expect(reopen).toHaveBeenCalled());
    expect(reopen.mock.calls[0]).toEqual([
      app,
      expect.objectContaining({ id: cs.id }),
      expect.any(String),
      'takeaway',
    ]);

    // The runner's side: the summary reopens over the menu and its take-away goes to print.
    let printed: string | undefined;
    window.print = vi.fn(() => {
      printed = document.documentElement.dataset.print;
    });
    await reopenPastClass(app, pastOf(cs), 'Tue 14 Oct 2025, 09:15', 'takeaway');
    expect(window.print).toHaveBeenCalledTimes(1);
    expect(printed).toBe('takeaway');
    expect(document.querySelector('dialog.past-summary .print-sheet.takeaway')).not.toBeNull();
    window.dispatchEvent(new Event('afterprint'));
    expect(document.documentElement.dataset.print).toBeUndefined();
  });
});
