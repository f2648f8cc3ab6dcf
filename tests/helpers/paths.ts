/** Brute force over every path of a small scenario, as an independent check on the analysis. */
import { applyEffects, choseMark, holds, initialVars } from '../../src/engine/conditions';
import { DIMENSIONS } from '../../src/engine/model';
import type { Scenario } from '../../src/engine/schema';

export interface FullPath {
  choices: string[];
  ending: string;
  scores: Record<(typeof DIMENSIONS)[number], number>;
}

export function allPaths(scenario: Scenario, maxDepth = 40): FullPath[] {
  const out: FullPath[] = [];
  const walk = (
    nodeId: string,
    vars: Record<string, number>,
    flags: Set<string>,
    choices: string[],
    before: number[],
  ) => {
    const node = scenario.nodes[nodeId]!;
    // Arriving: the node's assessments whose conditions hold add their levels.
    const scores = [...before];
    for (const a of node.assess ?? []) {
      if (!holds(a.if, { vars, flags })) continue;
      DIMENSIONS.forEach((d, i) => (scores[i]! += a.score?.[d] ?? 0));
    }
    if (node.ending) {
      out.push({
        choices,
        ending: nodeId,
        scores: { empathy: scores[0]!, boundaries: scores[1]!, escalation: scores[2]! },
      });
      return;
    }
    if (choices.length >= maxDepth) throw new Error('path too deep: a loop?');
    for (const choice of node.choices ?? []) {
      if (!holds(choice.if, { vars, flags })) continue;
      const nextFlags = new Set(flags);
      for (const f of choice.set ?? []) nextFlags.add(f);
      nextFlags.add(choseMark(choice.id));
      const nextVars = applyEffects(scenario, vars, choice.effects);
      const to =
        typeof choice.next === 'string'
          ? choice.next
          : choice.next.find((dest) => holds(dest.if, { vars: nextVars, flags: nextFlags }))!.to;
      walk(
        to,
        nextVars,
        nextFlags,
        [...choices, choice.id],
        DIMENSIONS.map((d, i) => scores[i]! + (choice.score?.[d] ?? 0)),
      );
    }
  };
  walk(scenario.start, initialVars(scenario), new Set(), [], [0, 0, 0]);
  return out;
}
