import { readFileSync } from 'node:fs';
import { loadReferences, loadScenario, type LoadedScenario } from '../../src/engine/loadScenario';
import type { References } from '../../src/engine/schema';

const read = (name: string) => ({
  file: `scenarios/${name}`,
  text: readFileSync(`scenarios/${name}`, 'utf8'),
});

let cached: References | undefined;
export function references(): References {
  if (!cached) {
    const loaded = loadReferences({
      sources: read('sources.yaml'),
      glossary: read('glossary.yaml'),
      expressions: read('expressions.yaml'),
    });
    if (loaded.diagnostics.length) throw new Error(JSON.stringify(loaded.diagnostics));
    cached = loaded.references;
  }
  return cached;
}

export function scenarioText(name: string): string {
  return readFileSync(`scenarios/${name}`, 'utf8');
}

/** A test fixture's text, from tests/fixtures/ (gift.yaml is a frozen copy of the gift demo). */
export function fixtureText(name: string): string {
  return readFileSync(`tests/fixtures/${name}`, 'utf8');
}

export function load(text: string, file = 'test.yaml'): LoadedScenario {
  return loadScenario({ file, text }, references());
}

/** 1-based line and column of the first occurrence of `needle` (after `after`, if given). */
export function positionOf(text: string, needle: string, after?: string): { line: number; column: number } {
  const from = after === undefined ? 0 : text.indexOf(after);
  if (from < 0) throw new Error(`fixture has no ${after}`);
  const offset = text.indexOf(needle, from);
  if (offset < 0) throw new Error(`fixture has no ${needle}`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** A small valid scenario that tests break in one place at a time. */
export const SMALL = `id: small
version: 1
title: Small
summary: A small scenario for tests.
minutes: 3
learnerRole: You are a care assistant.
outcomes:
  - standard: Care Certificate Standard 6
    text: Communicate well.
    source: cc-6
    evidences: [empathy]
    shownAt: [hello]
prebrief: For tests.
support:
  - name: Your manager
    detail: Ask them.
cast:
  sarah:
    name: Sarah
    role: Daughter
    look:
      age: 50
      skin: brown
      hair: { style: bob, colour: black }
      clothes: { style: coat, colour: '#334455' }
    mood:
      - if: { state: { distress: { atLeast: 60 } } }
        show: tearful
      - show: calm
locations:
  lounge:
    name: Lounge
    kind: lounge
  quiet:
    name: Quiet room
    kind: quiet-room
state:
  distress:
    label: Sarah's distress
    character: sarah
    min: 0
    max: 100
    start: 50
start: hello
nodes:
  hello:
    location: lounge
    present: [sarah]
    lines:
      - speaker: sarah
        text: Mum didn't know who I was.
    discuss: What does Sarah need right now?
    choices:
      - id: comfort
        text: That must have been really hard to hear.
        next: quiet-talk
        score: { empathy: 2 }
        effects: { distress: -20 }
        set: [acknowledged]
        feedback:
          why: Naming the feeling helps.
          sources: [alz-talking]
      - id: brush-off
        text: She has good days and bad days.
        next: quiet-talk
        score: { empathy: -1 }
        effects: { distress: 20 }
        feedback:
          why: Reassurance without acknowledging feelings.
          sources: [alz-grief]
  quiet-talk:
    location: quiet
    present: [sarah]
    lines:
      - speaker: sarah
        text: Is this new? She knew me last week.
    discuss: Is this a change to report?
    choices:
      - id: report
        if: { flags: [acknowledged] }
        text: I'll tell the senior now so the GP can check for a cause.
        next: end-good
        score: { escalation: 2 }
        feedback:
          why: A new change can be an infection or pain.
          sources: [dementia-uk-recognise, nice-qs184]
      - id: wait
        text: Let's see how she is tomorrow.
        next: end-poor
        score: { escalation: -2 }
        feedback:
          why: A sudden change needs reporting.
          sources: [nice-qs184]
  end-good:
    location: quiet
    present: []
    ending:
      outcome: good
      title: Checked
      whatNext: The GP found an infection.
  end-poor:
    location: quiet
    present: []
    ending:
      outcome: poor
      title: Missed
      whatNext: She was admitted to hospital two days later.
`;

/**
 * A scenario that uses every field the scoring model added: a weighted key moment, a choice whose
 * destination depends on state, assessments at endings (an omission, and credit), a text message,
 * an ending's own reflection, a source of its own, and the trainer's expectations.
 */
export const CONSEQUENCES = `id: consequences
version: 1
title: A change in Win
summary: Helen's mum does not know her today.
minutes: 5
learnerRole: You are a care assistant.
outcomes:
  - standard: Care Certificate Standard 9
    text: Report a change.
    source: elm-policy
    evidences: [escalation]
    shownAt: [change]
prebrief: For tests.
support:
  - name: Your manager
    detail: Ask them.
reflection:
  - What did Helen need?
sources:
  elm-policy:
    title: Elm Court reporting policy
    publisher: Elm Court Care Ltd
cast:
  helen:
    name: Helen
    role: Daughter
    look:
      age: 58
      skin: light
      hair: { style: bob, colour: grey }
      clothes: { style: coat, colour: '#2f5d50' }
    mood:
      - show: worried
  priya:
    name: Priya Shah
    role: Senior carer
    look:
      age: 41
      skin: brown
      hair: { style: ponytail, colour: black }
      clothes: { style: uniform, colour: '#3b5b8f' }
locations:
  lounge: { name: Lounge, kind: lounge }
state:
  trust: { label: Helen's trust, character: helen, min: 0, max: 100, start: 50 }
start: arrive
nodes:
  arrive:
    location: lounge
    present: [helen]
    lines:
      - speaker: helen
        text: She thought I was from the council.
    discuss: What first?
    choices:
      - id: name-it
        text: That must have hurt. Shall we sit down?
        next: change
        score: { empathy: 3 }
        effects: { trust: 20 }
        feedback:
          why: Naming the feeling helps.
          sources: [alz-talking]
      - id: brush-off
        text: Good days and bad days.
        next: change
        score: { empathy: -1 }
        effects: { trust: -30 }
        feedback:
          why: Reassures without acknowledging.
          sources: [alz-grief]
  change:
    location: lounge
    present: [helen]
    weight: 2
    lines:
      - speaker: helen
        text: She has never not known me.
      - speaker: priya
        as: text-message
        text: Anything to hand over before six?
    discuss: Is this a change to report?
    choices:
      - id: report-now
        text: I'll tell Priya now so a doctor can check her.
        set: [reported]
        next:
          - if: { state: { trust: { atMost: 30 } } }
            to: end-wary
          - to: end-good
        score: { escalation: 3 }
        feedback:
          why: A sudden change can be an illness; the same day matters.
          sources: [dementia-uk-recognise, elm-policy]
      - id: photos
        text: Bring some photos next time.
        next: end-missed
        score: { empathy: 2 }
        feedback:
          why: Practical, but the change goes unreported.
          sources: [dementia-uk-faq]
  end-good:
    location: lounge
    present: [helen]
    ending:
      outcome: good
      title: Checked
      whatNext: A doctor finds an infection.
    assess:
      - went: well
        feedback:
          why: You passed the change on the same day.
          sources: [elm-policy]
  end-wary:
    location: lounge
    present: [helen]
    ending:
      outcome: mixed
      title: Checked, but Helen is wary
      whatNext: Win is seen; Helen asks for a different carer.
      reflection:
        - What would have helped Helen trust you?
    assess:
      - if: { flags: [reported] }
        went: badly
        feedback:
          why: Helen felt brushed off before you acted.
          sources: [alz-grief]
  end-missed:
    location: lounge
    present: [helen]
    ending:
      outcome: poor
      title: Missed
      whatNext: Win falls on Tuesday.
    assess:
      - if: { notFlags: [reported] }
        score: { escalation: -3 }
        weight: 2
        feedback:
          why: The change was never passed on.
          sources: [dementia-uk-recognise]
expectations:
  - name: strongest
    says: Names the feeling and reports the same day.
    path: [name-it, report-now]
    ends: end-good
    bands: { empathy: Exemplary, escalation: Exemplary }
    beats: { never-reports: escalation }
  - name: never-reports
    says: Kind and practical, but never reports.
    path: [name-it, photos]
    ends: end-missed
    bands: { empathy: Competent or better, escalation: Developing or worse }
  - name: brushed-off
    says: Brushes Helen off, then reports.
    path: [brush-off, report-now]
    ends: end-wary
    bands: { empathy: Developing or worse, escalation: Exemplary, boundaries: not tested }
`;
