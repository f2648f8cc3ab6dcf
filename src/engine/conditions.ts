/**
 * Evaluating a scenario's conditions ("if:" on choices, lines and mood rules), and saying which
 * variables, flags and earlier choices a condition reads — the analysis keys its states on
 * exactly those, never on the transcript or scores.
 */
import type { CastMember, Condition, Scenario } from './schema';

/** What a condition can see. `flags` also holds, for every choice made, the mark `chose:<id>`. */
export interface ConditionContext {
  vars: Readonly<Record<string, number>>;
  flags: ReadonlySet<string>;
}

export const choseMark = (choiceId: string) => `chose:${choiceId}`;

export function holds(condition: Condition | undefined, ctx: ConditionContext): boolean {
  if (!condition) return true;
  for (const [name, bound] of Object.entries(condition.state ?? {})) {
    const value = ctx.vars[name];
    if (value === undefined) return false;
    if (bound.atLeast !== undefined && !(value >= bound.atLeast)) return false;
    if (bound.atMost !== undefined && !(value <= bound.atMost)) return false;
    if (bound.above !== undefined && !(value > bound.above)) return false;
    if (bound.below !== undefined && !(value < bound.below)) return false;
  }
  for (const flag of condition.flags ?? []) if (!ctx.flags.has(flag)) return false;
  for (const flag of condition.notFlags ?? []) if (ctx.flags.has(flag)) return false;
  for (const id of condition.chose ?? []) if (!ctx.flags.has(choseMark(id))) return false;
  for (const id of condition.notChose ?? []) if (ctx.flags.has(choseMark(id))) return false;
  return true;
}

export interface ReadSet {
  vars: Set<string>;
  /** Flags and `chose:<id>` marks. */
  flags: Set<string>;
}

export function addReads(condition: Condition | undefined, into: ReadSet): void {
  if (!condition) return;
  for (const name of Object.keys(condition.state ?? {})) into.vars.add(name);
  for (const flag of [...(condition.flags ?? []), ...(condition.notFlags ?? [])]) into.flags.add(flag);
  for (const id of [...(condition.chose ?? []), ...(condition.notChose ?? [])]) into.flags.add(choseMark(id));
}

/** Everything that decides which choices are offered: the guards of every choice. */
export function guardReads(scenario: Scenario): ReadSet {
  const reads: ReadSet = { vars: new Set(), flags: new Set() };
  for (const node of Object.values(scenario.nodes)) {
    for (const choice of node.choices ?? []) addReads(choice.if, reads);
  }
  return reads;
}

export function initialVars(scenario: Scenario): Record<string, number> {
  const vars: Record<string, number> = {};
  for (const [name, v] of Object.entries(scenario.state ?? {})) vars[name] = v.start;
  return vars;
}

/** Apply a choice's effects, keeping each variable inside its range. */
export function applyEffects(
  scenario: Scenario,
  vars: Readonly<Record<string, number>>,
  effects: Readonly<Record<string, number>> | undefined,
): Record<string, number> {
  if (!effects) return { ...vars };
  const next = { ...vars };
  for (const [name, delta] of Object.entries(effects)) {
    const spec = scenario.state?.[name];
    if (!spec || next[name] === undefined) continue;
    next[name] = Math.min(spec.max, Math.max(spec.min, next[name] + delta));
  }
  return next;
}

/** The expression a character's state implies: the first mood rule that holds. */
export function moodOf(member: CastMember, ctx: ConditionContext, fallback = 'calm'): string {
  for (const rule of member.mood ?? []) if (holds(rule.if, ctx)) return rule.show;
  return fallback;
}
