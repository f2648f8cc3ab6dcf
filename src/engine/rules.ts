/**
 * The rules of a scenario, in one place: which choices are offered, where a choice leads, which
 * assessments a node makes, and what a choice or an assessment says on each dimension. The
 * compiler, the Session, the analysis and the scoring all ask here, so they cannot disagree.
 */
import { addReads, applyEffects, choseMark, holds, type ConditionContext, type ReadSet } from './conditions';
import { DIMENSIONS, type Dimension } from './model';
import type { Assessment, Choice, Scenario, ScenarioNode } from './schema';

/** The dimensions a choice or an assessment is marked unsafe on. */
export function unsafeOf(item: Pick<Choice, 'unsafe'>): Dimension[] {
  if (item.unsafe === undefined) return [];
  return typeof item.unsafe === 'string' ? [item.unsafe] : [...new Set(item.unsafe)];
}

/** The level on the scale, or undefined when the item says nothing about that dimension. */
export function levelOf(item: Pick<Choice, 'score'>, d: Dimension): number | undefined {
  return item.score?.[d];
}

/** The levels as a full record, with 0 where a dimension is left out (for raw totals). */
export function scoreRecord(item: Pick<Choice, 'score'>): Record<Dimension, number> {
  return Object.fromEntries(DIMENSIONS.map((d) => [d, item.score?.[d] ?? 0])) as Record<Dimension, number>;
}

/** Whether a choice is on offer, given how things stand: its own "if". */
export function isOffered(choice: Pick<Choice, 'if'>, ctx: ConditionContext): boolean {
  return holds(choice.if, ctx);
}

/** The choices on offer at a node, in file order. */
export function offeredChoices(node: ScenarioNode, ctx: ConditionContext): Choice[] {
  return (node.choices ?? []).filter((c) => isOffered(c, ctx));
}

/** A node is an ending when it says how the story ended (the machine makes it a final state). */
export function isEnding<N extends Pick<ScenarioNode, 'ending'>>(
  node: N,
): node is N & { ending: NonNullable<N['ending']> } {
  return node.ending !== undefined;
}

/**
 * Where a choice leads, given the state after its effects: the first destination whose "if"
 * holds. Undefined only for a list whose every entry has a failing "if" (the checks forbid that).
 */
export function destinationOf(choice: Choice, after: ConditionContext): string | undefined {
  if (typeof choice.next === 'string') return choice.next;
  return choice.next.find((d) => holds(d.if, after))?.to;
}

/** Every node a choice may lead to, ignoring conditions (for the guard-free graph checks). */
export function destinationsOf(choice: Choice): string[] {
  return typeof choice.next === 'string' ? [choice.next] : choice.next.map((d) => d.to);
}

/** The assessments a node makes on arrival, given the state there. */
export function assessmentsAt(node: ScenarioNode, ctx: ConditionContext): Assessment[] {
  return (node.assess ?? []).filter((a) => holds(a.if, ctx));
}

/**
 * Everything that decides the path and its score: the guards of every choice, the conditions on
 * conditional destinations, and the conditions on assessments. The analysis keys its states on
 * exactly these.
 */
export function pathReads(scenario: Scenario): ReadSet {
  const reads: ReadSet = { vars: new Set(), flags: new Set() };
  for (const node of Object.values(scenario.nodes)) {
    for (const choice of node.choices ?? []) {
      addReads(choice.if, reads);
      if (typeof choice.next !== 'string') for (const d of choice.next) addReads(d.if, reads);
    }
    for (const a of node.assess ?? []) addReads(a.if, reads);
  }
  return reads;
}

/** The weight of a node's decision (1 unless the author says it is a key moment). */
export const weightOf = (item: { weight?: number }): number => item.weight ?? 1;

/** The state after a choice's effects: what its conditional destinations are tested on. */
export function afterChoice(
  scenario: Scenario,
  context: { vars: Readonly<Record<string, number>>; flags: readonly string[] },
  choice: Choice,
) {
  const flags = new Set(context.flags);
  for (const f of choice.set ?? []) flags.add(f);
  flags.add(choseMark(choice.id));
  return { vars: applyEffects(scenario, context.vars, choice.effects), flags };
}
