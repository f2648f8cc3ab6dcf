import { describe, expect, it } from 'vitest';
import {
  formatTable,
  codeInSnapshot,
  median,
  ratio,
  readBenchJson,
  type BenchJson,
  type BenchRow,
} from '../../src/cli/benchReport';

const rows: BenchRow[] = [
  {
    key: 'menu.unthrottled',
    label: 'navigation → interactive menu',
    unit: 'ms',
    value: 300,
    stock: 900,
    target: '≤ 0.5× stock',
    met: true,
  },
  {
    key: 'menuJs',
    label: 'JavaScript before the menu',
    unit: 'KB',
    value: 25.5,
    target: '≤ 60 KB',
    met: true,
  },
];

const earlier: BenchJson = {
  kind: 'careplay-bench',
  version: 1,
  date: '2026-12-02T10:00:00.000Z',
  commit: '793a0f3aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  machine: { cpus: 2, node: 'v20', browser: '1' },
  settings: {},
  rows: [
    { ...rows[0]!, value: 1530, stock: 900, met: false },
    { ...rows[1]!, value: 252, met: false },
  ],
  samples: {},
};

describe('the bench report', () => {
  it('takes the median of odd and even counts, and a ratio only against a stock figure', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(3);
    expect(median([])).toBeNaN();
    expect(ratio(rows[0]!)).toBeCloseTo(1 / 3);
    expect(ratio(rows[1]!)).toBeUndefined();
  });

  it('prints one table: figures, the stock page, the ratio, the target and whether it was met', () => {
    const table = formatTable(rows).split('\n');
    expect(table[0]).toMatch(/^measure\s+CarePlay\s+stock Phaser\s+ratio\s+target\s+met$/);
    expect(table[2]).toMatch(
      /navigation → interactive menu\s+300 ms\s+900 ms\s+×0\.33\s+≤ 0\.5× stock\s+yes/,
    );
    expect(table[3]).toMatch(/JavaScript before the menu\s+25\.5 KB\s+–\s+–\s+≤ 60 KB\s+yes/);
  });

  it('beside an earlier run: its ratio against its own stock page, or its figure, and the change', () => {
    const table = formatTable(rows, earlier).split('\n');
    expect(table[0]).toMatch(/earlier run \(793a0f3\)\s+now vs earlier$/);
    // 300/900 now against 1530/900 then.
    expect(table[2]).toMatch(/×1\.70 \(1530 ms\)\s+×0\.20$/);
    expect(table[3]).toMatch(/252\.0 KB\s+×0\.10$/);
  });

  it('refuses a file that is not an earlier run, saying why', () => {
    expect(() => readBenchJson('not json')).toThrow('it is not JSON');
    expect(() => readBenchJson('{"rows": []}')).toThrow(/not a CarePlay bench result/);
    expect(() => readBenchJson(JSON.stringify({ ...earlier, version: 2 }))).toThrow(/version 2/);
    expect(readBenchJson(JSON.stringify(earlier)).rows).toHaveLength(2);
  });
});

describe('codeInSnapshot', () => {
  it('adds up the self sizes of the code nodes only', () => {
    // Fields as V8 writes them: type, name, id, self_size, edge_count, …
    const snapshot = {
      snapshot: {
        meta: {
          node_fields: ['type', 'name', 'id', 'self_size', 'edge_count', 'trace_node_id', 'detachedness'],
          node_types: [['hidden', 'array', 'string', 'object', 'code', 'closure'], 'string', 'number'] as [
            string[],
            ...unknown[],
          ],
        },
      },
      nodes: [4, 0, 1, 100, 0, 0, 0, 3, 0, 2, 40, 0, 0, 0, 4, 0, 3, 23, 0, 0, 0, 5, 0, 4, 7, 0, 0, 0],
    };
    expect(codeInSnapshot(snapshot)).toBe(123);
  });
});
