/** A Mermaid flowchart of a scenario: nodes, choices (with guards marked) and endings by outcome. */
import { destinationsOf, unsafeOf } from './rules';
import type { Scenario } from './schema';

const safe = (text: string) => text.replace(/["<>]/g, "'").replace(/\s+/g, ' ').trim();
const short = (text: string, max = 48) => (text.length > max ? text.slice(0, max - 1).trimEnd() + '…' : text);
const nodeName = (id: string) => `n_${id.replace(/-/g, '_')}`;

export function scenarioToMermaid(scenario: Scenario): string {
  const out = ['flowchart TD', `  start((start)) --> ${nodeName(scenario.start)}`];
  for (const [id, node] of Object.entries(scenario.nodes)) {
    if (node.ending) {
      out.push(
        `  ${nodeName(id)}[["${safe(id)}: ${safe(short(node.ending.title))}"]]:::${node.ending.outcome}`,
      );
      continue;
    }
    const first = node.lines?.[0]?.text;
    out.push(`  ${nodeName(id)}["${safe(id)}${first ? `<br/>${safe(short(first))}` : ''}"]`);
    for (const choice of node.choices ?? []) {
      const guard = choice.if ? ' (if)' : '';
      const unsafe = unsafeOf(choice).length ? ` ⚠ ${unsafeOf(choice).join(', ')}` : '';
      const targets = destinationsOf(choice);
      for (const to of targets) {
        const depends = targets.length > 1 ? ` → ${safe(to)}?` : '';
        out.push(`  ${nodeName(id)} -->|"${safe(choice.id)}${guard}${unsafe}${depends}"| ${nodeName(to)}`);
      }
    }
  }
  out.push('  classDef good fill:#d7f0dc,stroke:#2e7d32');
  out.push('  classDef mixed fill:#fff3cd,stroke:#b7791f');
  out.push('  classDef poor fill:#f8d7da,stroke:#b02a37');
  return out.join('\n') + '\n';
}
