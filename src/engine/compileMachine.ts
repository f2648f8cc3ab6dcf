/**
 * Scenario → XState v5 machine.
 *
 * One state per node; a `CHOOSE` event carries the choice id. Guards and actions are named and
 * parameterised with plain data, so the machine config is also readable JSON that the Stately
 * visualiser opens. Side effects (an expression changes, the location changes, a cue plays) are
 * named actions with empty defaults; the Session (and through it, any view) supplies them with
 * `machine.provide({ actions })`, XState's own idiom.
 */
import { assign, setup } from 'xstate';
import { applyEffects, choseMark, holds } from './conditions';
import { DIMENSIONS, type Dimension } from './model';
import type { Condition, Scenario, ScoreDelta } from './schema';
import { initialVars } from './conditions';

export interface MachineContext {
  vars: Record<string, number>;
  /** Flags set by choices, and `chose:<id>` for every choice made. */
  flags: string[];
  scores: Record<Dimension, number>;
  /** Choice ids in the order they were made. */
  choices: string[];
}

export interface ChooseEvent {
  type: 'CHOOSE';
  choiceId: string;
}

export interface ApplyChoiceParams {
  choice: string;
  score: ScoreDelta;
  effects: Record<string, number>;
  set: string[];
}

export interface OfferedParams {
  choice: string;
  condition?: Condition;
}

export interface NodeParams {
  node: string;
  location: string;
}

export interface LocationParams {
  from: string;
  to: string;
}

export interface CueParams {
  cue: string;
}

export const emptyScores = (): Record<Dimension, number> => ({ empathy: 0, boundaries: 0, escalation: 0 });

/** The machine config as plain data: the states, transitions, guards and actions, by name. */
export function machineConfig(scenario: Scenario) {
  const states: Record<string, unknown> = {};
  for (const [id, node] of Object.entries(scenario.nodes)) {
    const entry: { type: string; params: unknown }[] = [
      { type: 'enterNode', params: { node: id, location: node.location } satisfies NodeParams },
      { type: 'showExpressions', params: { node: id, location: node.location } satisfies NodeParams },
    ];
    if (node.ending) {
      entry.push({ type: 'playCue', params: { cue: `ending-${node.ending.outcome}` } satisfies CueParams });
      states[id] = { type: 'final', entry, meta: { outcome: node.ending.outcome, title: node.ending.title } };
      continue;
    }
    const transitions = (node.choices ?? []).map((choice) => {
      const target = scenario.nodes[choice.next];
      const actions: { type: string; params: unknown }[] = [
        {
          type: 'applyChoice',
          params: {
            choice: choice.id,
            score: choice.score ?? {},
            effects: choice.effects ?? {},
            set: choice.set ?? [],
          } satisfies ApplyChoiceParams,
        },
        { type: 'playCue', params: { cue: 'choice-made' } satisfies CueParams },
      ];
      if (target && target.location !== node.location) {
        actions.push({
          type: 'changeLocation',
          params: { from: node.location, to: target.location } satisfies LocationParams,
        });
      }
      return {
        target: choice.next,
        guard: {
          type: 'isOffered',
          params: choice.if ? { choice: choice.id, condition: choice.if } : { choice: choice.id },
        },
        actions,
        description: choice.text,
      };
    });
    states[id] = { entry, on: { CHOOSE: transitions } };
  }
  return {
    id: scenario.id,
    initial: scenario.start,
    context: {
      vars: initialVars(scenario),
      flags: [],
      scores: emptyScores(),
      choices: [],
    } satisfies MachineContext,
    states,
  };
}

export function compileMachine(scenario: Scenario) {
  const config = machineConfig(scenario);
  return setup({
    types: {} as { context: MachineContext; events: ChooseEvent },
    guards: {
      isOffered: ({ context, event }, params: OfferedParams) =>
        event.choiceId === params.choice &&
        holds(params.condition, { vars: context.vars, flags: new Set(context.flags) }),
    },
    actions: {
      applyChoice: assign(({ context }, params: ApplyChoiceParams) => {
        const scores = { ...context.scores };
        for (const d of DIMENSIONS) scores[d] += params.score[d] ?? 0;
        const flags = new Set(context.flags);
        for (const f of params.set) flags.add(f);
        flags.add(choseMark(params.choice));
        return {
          vars: applyEffects(scenario, context.vars, params.effects),
          flags: [...flags],
          scores,
          choices: [...context.choices, params.choice],
        };
      }),
      // Side effects: empty here, supplied by the Session with machine.provide().
      enterNode: (_, _params: NodeParams) => {},
      showExpressions: (_, _params: NodeParams) => {},
      changeLocation: (_, _params: LocationParams) => {},
      playCue: (_, _params: CueParams) => {},
    },
  }).createMachine(config as never);
}

export type ScenarioMachine = ReturnType<typeof compileMachine>;
