/**
 * Scenario → XState v5 machine.
 *
 * One state per node; a `CHOOSE` event carries the choice id. Guards and actions are named and
 * parameterised with plain data, so the machine config is also readable JSON that the Stately
 * visualiser opens. It is the source of truth for the path: what is on offer is what its guards
 * let through (`snapshot.can`), and an ending is a final state (`snapshot.status === 'done'`); the
 * guards ask the rules module, as the analysis does. Side effects (the location changes, a cue
 * plays) are named actions that emit an event (`location`, `cue`) to whoever listens with
 * `actor.on()`, so one machine per scenario serves every Session: it is compiled once and kept.
 */
import { assign, emit, setup } from 'xstate';
import { applyEffects, choseMark, initialVars } from './conditions';
import { DIMENSIONS, type Dimension } from './model';
import { afterChoice, assessmentsAt, destinationOf, destinationsOf, isEnding, isOffered } from './rules';
import type { Choice, Scenario, ScoreDelta } from './schema';

/** An assessment a node made on arrival: which node, which entry of its `assess` list, when. */
export interface AssessedRecord {
  node: string;
  /** Position in the node's `assess` list. */
  item: number;
  /** How many decisions had been made on arrival. */
  afterDecisions: number;
}

export interface MachineContext {
  vars: Record<string, number>;
  /** Flags set by choices, and `chose:<id>` for every choice made. */
  flags: string[];
  scores: Record<Dimension, number>;
  /** Choice ids in the order they were made. */
  choices: string[];
  /** The assessments of the nodes arrived at, in order (consequences and omissions). */
  assessed: AssessedRecord[];
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
  /** The destination this transition goes to: taken only when the choice leads there. */
  to: string;
}

export interface AssessParams {
  node: string;
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
    const entry: { type: string; params: unknown }[] = node.assess?.length
      ? [{ type: 'assess', params: { node: id } satisfies AssessParams }]
      : [];
    if (isEnding(node)) {
      entry.push({ type: 'playCue', params: { cue: `ending-${node.ending.outcome}` } satisfies CueParams });
      states[id] = { type: 'final', entry, meta: { outcome: node.ending.outcome, title: node.ending.title } };
      continue;
    }
    const transitions = (node.choices ?? []).flatMap((choice) =>
      destinationsOf(choice).map((to) => {
        const target = scenario.nodes[to];
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
          target: to,
          guard: { type: 'isOffered', params: { choice: choice.id, to } satisfies OfferedParams },
          actions,
          description: choice.text,
        };
      }),
    );
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
      assessed: [],
    } satisfies MachineContext,
    states,
  };
}

/** What the machine's side-effect actions emit, for `actor.on()`. */
export type MachineEmitted = { type: 'location'; from: string; to: string } | { type: 'cue'; cue: string };

const compiled = new WeakMap<Scenario, ReturnType<typeof buildMachine>>();

/** The scenario's machine, built once per scenario object (scenarios are not changed once loaded). */
export function compileMachine(scenario: Scenario) {
  let machine = compiled.get(scenario);
  if (!machine) compiled.set(scenario, (machine = buildMachine(scenario)));
  return machine;
}

function buildMachine(scenario: Scenario) {
  const config = machineConfig(scenario);
  const choiceById = new Map<string, Choice>();
  for (const node of Object.values(scenario.nodes))
    for (const c of node.choices ?? []) choiceById.set(c.id, c);
  return setup({
    types: {} as { context: MachineContext; events: ChooseEvent; emitted: MachineEmitted },
    guards: {
      isOffered: ({ context, event }, params: OfferedParams) => {
        if (event.choiceId !== params.choice) return false;
        const choice = choiceById.get(params.choice);
        if (!choice || !isOffered(choice, { vars: context.vars, flags: new Set(context.flags) }))
          return false;
        return destinationOf(choice, afterChoice(scenario, context, choice)) === params.to;
      },
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
      assess: assign(({ context }, params: AssessParams) => {
        const node = scenario.nodes[params.node]!;
        const holding = assessmentsAt(node, { vars: context.vars, flags: new Set(context.flags) });
        if (holding.length === 0) return {};
        const scores = { ...context.scores };
        for (const a of holding) for (const d of DIMENSIONS) scores[d] += a.score?.[d] ?? 0;
        return {
          scores,
          assessed: [
            ...context.assessed,
            ...holding.map((a) => ({
              node: params.node,
              item: node.assess!.indexOf(a),
              afterDecisions: context.choices.length,
            })),
          ],
        };
      }),
      // Side effects: events for whoever listens (the Session turns them into its own events).
      changeLocation: emit((_, params: LocationParams) => ({
        type: 'location' as const,
        from: params.from,
        to: params.to,
      })),
      playCue: emit((_, params: CueParams) => ({ type: 'cue' as const, cue: params.cue })),
    },
  }).createMachine(config as never);
}

export type ScenarioMachine = ReturnType<typeof compileMachine>;
