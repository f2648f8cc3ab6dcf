/**
 * A finished attempt as a record to keep: everything the evidence report needs, in words, so it
 * still reads the same if the scenario later changes or is removed.
 */
import type { DebriefModel } from '../engine/debrief';
import { NARRATOR } from '../engine/model';
import { encodeReference } from '../engine/referenceCode';
import type { Session } from '../engine/Session';
import { plainText } from '../engine/markup';
import { decisionAt } from '../engine/outcomes';
import type { PlayableScenario } from './catalogueTypes';
import {
  newId,
  PROGRESS_VERSION,
  type Attempt,
  type AttemptAssessment,
  type AttemptStep,
} from './progressStore';

export function attemptFrom(
  playable: PlayableScenario,
  session: Session,
  model: DebriefModel,
  mode: 'practice' | 'assessment',
  notes: string,
  now = Date.now(),
): Attempt {
  const { scenario, references } = playable;
  const titles = (keys: readonly string[]) => keys.map((k) => references.sources[k]?.title ?? k);
  const choices = new Map(
    Object.values(scenario.nodes).flatMap((n) => (n.choices ?? []).map((c) => [c.id, c] as const)),
  );
  // What outcome coverage needs of a decision: where it was, what was chosen, what was on offer.
  const moment = (index: number, node: string, choice: string, offered: readonly string[]) => {
    const d = decisionAt(
      index,
      node,
      choice,
      choices.get(choice)?.score ?? {},
      offered.map((id) => choices.get(id)?.score ?? {}),
    );
    return { node, choice, open: d.open ?? {} };
  };
  const steps: AttemptStep[] = [];
  for (const entry of session.transcript) {
    if (entry.kind === 'line') {
      const speaker = entry.speaker === NARRATOR ? '' : (scenario.cast[entry.speaker]?.name ?? entry.speaker);
      // A text message, a phone call, a letter: the transcript keeps what it was.
      const medium = scenario.nodes[entry.node]?.lines?.find(
        (l) => l.speaker === entry.speaker && l.text === entry.text,
      )?.as;
      steps.push({
        kind: 'line',
        speaker,
        text: plainText(entry.text),
        ...(medium && medium !== 'speech' ? { medium } : {}),
      });
    } else if (entry.kind === 'choice') {
      const choice = choices.get(entry.choice);
      steps.push({
        kind: 'choice',
        decision: entry.decision,
        prompt: plainOrNull(scenario.nodes[entry.node]?.discuss),
        text: plainText(entry.text),
        feedback: choice ? plainText(choice.feedback.why) : '',
        sources: titles(choice?.feedback.sources ?? []),
        levels: { ...choice?.score },
        ...moment(entry.decision, entry.node, entry.choice, entry.offered),
      });
    } else if (entry.kind === 'rewind') {
      steps.push({ kind: 'line', speaker: '', text: `(You went back to decision ${entry.toDecision + 1}.)` });
    }
  }
  // A session carried on after a reload has a transcript from that point only: the decisions
  // before it come from the debrief, so the record still holds the whole path.
  const firstSeen = Math.min(
    model.timeline.length,
    ...steps.flatMap((s) => (s.kind === 'choice' ? [s.decision] : [])),
  );
  const earlier: AttemptStep[] = model.timeline.slice(0, firstSeen).map((t) => ({
    kind: 'choice',
    decision: t.index,
    prompt: plainOrNull(t.prompt),
    text: plainText(t.chosen.text),
    feedback: plainText(t.chosen.why),
    sources: titles(t.chosen.sources),
    levels: { ...choices.get(t.chosen.id)?.score },
    ...moment(t.index, t.node, t.chosen.id, [...t.offered.map((o) => o.id)]),
  }));
  if (earlier.length)
    earlier.unshift({
      kind: 'line',
      speaker: '',
      text: '(Before the learner carried on from a saved place:)',
    });
  steps.unshift(...earlier);
  return {
    version: PROGRESS_VERSION,
    id: newId(),
    scenarioId: scenario.id,
    scenarioTitle: scenario.title,
    scenarioVersion: scenario.version,
    finishedAt: now,
    mode,
    rewinds: model.rewinds,
    feedbackDuringPlay: mode === 'practice',
    outcomes: scenario.outcomes.map((o) => ({
      ...(o.id !== undefined ? { id: o.id } : {}),
      standard: o.standard,
      text: plainText(o.text),
      ...(o.evidences ? { evidences: [...o.evidences] } : {}),
      ...(o.shownAt ? { shownAt: [...o.shownAt] } : {}),
    })),
    code: encodeReference(scenario, session.save().choices, {
      empathy: model.bands.empathy.band,
      boundaries: model.bands.boundaries.band,
      escalation: model.bands.escalation.band,
    }),
    ending: { title: plainText(model.ending.title), outcome: model.ending.outcome },
    bands: {
      empathy: { ...pick(model.bands.empathy) },
      boundaries: { ...pick(model.bands.boundaries) },
      escalation: { ...pick(model.bands.escalation) },
    },
    assessments: model.assessments.map((a): AttemptAssessment => ({
      went: a.went,
      why: plainText(a.why),
      sources: titles(a.sources),
      score: { ...a.score },
      ...(a.unsafe.length ? { unsafe: [...a.unsafe] } : {}),
      ...(a.id !== undefined ? { id: a.id } : {}),
      node: a.node,
      afterDecisions: a.afterDecisions,
      ending: a.ending,
    })),
    steps,
    notes,
  };
}

const pick = (b: DebriefModel['bands']['empathy']) => ({
  band: b.band,
  percent: b.percent,
  reason: plainText(b.reason),
  explanation: plainText(b.explanation),
});

const plainOrNull = (text: string | null | undefined) => (text ? plainText(text) : null);
