import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { compileMachine, machineConfig } from '../../src/engine/compileMachine';
import { scenarioToMermaid } from '../../src/engine/mermaid';
import { load, fixtureText } from '../helpers/fixtures';

const demo = () => load(fixtureText('gift.yaml')).scenario!;

describe('compileMachine', () => {
  it('has one state per node, endings final, and CHOOSE transitions with named guards', () => {
    const scenario = demo();
    const machine = compileMachine(scenario);
    expect(Object.keys(machine.states).sort()).toEqual(Object.keys(scenario.nodes).sort());
    expect(machine.states['ending-good']!.type).toBe('final');
    const config = machineConfig(scenario) as {
      states: Record<string, { on?: { CHOOSE: { guard: { type: string; params: unknown } }[] } }>;
    };
    const guards = config.states.declined!.on!.CHOOSE.map((t) => t.guard);
    expect(guards[0]).toEqual({
      type: 'isOffered',
      params: { choice: 'suggest-family', to: 'declare' },
    });
    // The guard asks the rules module, which reads the choice's own "if" from the scenario.
    const colder = load(fixtureText('gift.yaml').replace('effects: { ease: 30 }', 'effects: { ease: 20 }'));
    const low = createActor(compileMachine(colder.scenario!)).start();
    low.send({ type: 'CHOOSE', choiceId: 'decline-flat' });
    low.send({ type: 'CHOOSE', choiceId: 'repair' }); // ease 50: below the guard's 60
    expect(low.getSnapshot().value).toBe('declined');
    expect(low.getSnapshot().can({ type: 'CHOOSE', choiceId: 'suggest-family' })).toBe(false);
    expect(low.getSnapshot().can({ type: 'CHOOSE', choiceId: 'decline-again' })).toBe(true);
  });

  it('assigns scores, state (kept in range) and flags, and ignores choices that are not offered', () => {
    const actor = createActor(compileMachine(demo())).start();
    actor.send({ type: 'CHOOSE', choiceId: 'decline-flat' });
    actor.send({ type: 'CHOOSE', choiceId: 'suggest-family' }); // not at this node: ignored
    expect(actor.getSnapshot().value).toBe('hurt');
    actor.send({ type: 'CHOOSE', choiceId: 'repair' });
    const { context } = actor.getSnapshot();
    expect(context.scores).toEqual({ empathy: 0, boundaries: 3, escalation: 0 });
    expect(context.vars.ease).toBe(60);
    expect(context.flags).toEqual(['chose:decline-flat', 'chose:repair']);
    expect(context.choices).toEqual(['decline-flat', 'repair']);
  });

  it('emits its side effects (location changes, cues) to whoever listens', () => {
    const seen: string[] = [];
    const actor = createActor(compileMachine(demo()));
    actor.on('location', (p) => seen.push(`location ${p.from}->${p.to}`));
    actor.on('cue', (p) => seen.push(`cue ${p.cue}`));
    actor.start();
    for (const id of ['decline-kindly', 'decline-again', 'declare-offer'])
      actor.send({ type: 'CHOOSE', choiceId: id });
    expect(seen).toEqual([
      'cue choice-made',
      'cue choice-made',
      'location lounge->office',
      'cue choice-made',
      'cue ending-good',
    ]);
    expect(actor.getSnapshot().status).toBe('done');
  });

  it('writes a Mermaid flowchart and a machine JSON that loads back into XState', () => {
    const dir = mkdtempSync(join(tmpdir(), 'careplay-graph-'));
    execFileSync('node_modules/.bin/tsx', ['src/cli/graph.ts', 'tests/fixtures/gift.yaml', dir], {
      encoding: 'utf8',
    });
    const mermaid = readFileSync(join(dir, 'demo-gift.mmd'), 'utf8');
    expect(mermaid).toBe(scenarioToMermaid(demo()));
    expect(mermaid).toMatch(/^flowchart TD/);
    expect(mermaid).toContain('n_offer -->|"accept-quietly ⚠ boundaries"| n_accepted');
    const json = JSON.parse(readFileSync(join(dir, 'demo-gift.machine.json'), 'utf8'));
    expect(json).toEqual(JSON.parse(JSON.stringify(machineConfig(demo()))));
  });
});
