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
