/**
 * From the engine's outputs to what a platform records. Nothing is scored here: bands and
 * percentages are the debrief's own (buildDebrief / scoreDecisions); the levels are the
 * scenario's keys; this module only chooses which of them to report and how to name them.
 */
import type { DebriefModel } from '../engine/debrief';
import { DIMENSIONS, type Dimension } from '../engine/model';
import type { Scenario } from '../engine/schema';
import { COMPETENT_LEVEL, LAPSE_LEVEL } from '../engine/scoring';
import type { DecisionRecord } from '../engine/Session';
import { PASS_RULES, type PassRule, type PlatformDecision, type PlatformResult } from './types';

export function readPassRule(value: string | null): PassRule {
  return (PASS_RULES as readonly string[]).includes(value ?? '') ? (value as PassRule) : 'competent';
}

export function decisionFor(scenario: Scenario, record: DecisionRecord, offeredAt: number): PlatformDecision {
  const node = scenario.nodes[record.node]!;
  const options = node.choices ?? [];
  const position = Math.max(
    0,
    options.findIndex((c) => c.id === record.choice),
  );
  const choice = options[position];
  const levels: Partial<Record<Dimension, number>> = {};
  for (const d of DIMENSIONS) if (choice?.score?.[d] !== undefined) levels[d] = choice.score[d];
  const keyed = Object.values(levels);
  const result = keyed.some((l) => l <= LAPSE_LEVEL)
    ? 'wrong'
    : keyed.length && keyed.every((l) => l >= COMPETENT_LEVEL)
      ? 'correct'
      : 'neutral';
  return {
    scenarioId: scenario.id,
    index: record.index,
    node: record.node,
    prompt: node.discuss ?? null,
    choiceId: record.choice,
    choiceText: choice?.text ?? record.choice,
    letter: String.fromCharCode(97 + (position % 26)),
    levels,
    result,
    weight: node.weight ?? 1,
    at: record.at,
    latencyMs: Math.max(0, record.at - offeredAt),
  };
}

export function resultFor(
  scenario: Scenario,
  model: DebriefModel,
  rule: PassRule,
  durationMs: number,
): PlatformResult {
  const bands = Object.fromEntries(
    DIMENSIONS.map((d) => [d, { band: model.bands[d].band, percent: model.bands[d].percent }]),
  ) as PlatformResult['bands'];
  const tested = DIMENSIONS.map((d) => bands[d]).filter((b) => b.band !== null);
  const percents = tested.flatMap((b) => (b.percent === null ? [] : [b.percent]));
  const score = percents.length ? Math.min(...percents) : null;
  const passed =
    rule === 'completion'
      ? null
      : rule === 'safe'
        ? tested.every((b) => b.band !== 'Unsafe')
        : rule === 'exemplary'
          ? tested.every((b) => b.band === 'Exemplary')
          : tested.every((b) => b.band === 'Competent' || b.band === 'Exemplary');
  return {
    scenarioId: scenario.id,
    scenarioTitle: scenario.title,
    scenarioVersion: scenario.version,
    endingTitle: model.ending.title,
    bands,
    score,
    passed,
    rule,
    durationMs,
  };
}

/** "Empathy: Competent (75%); …" for a platform's comment field. */
export function bandSummary(result: PlatformResult): string {
  const names: Record<Dimension, string> = {
    empathy: 'Empathy',
    boundaries: 'Professional boundaries',
    escalation: 'Escalation',
  };
  return DIMENSIONS.map((d) => {
    const b = result.bands[d];
    return `${names[d]}: ${b.band ?? 'not tested'}${b.percent === null ? '' : ` (${b.percent}%)`}`;
  }).join('; ');
}
