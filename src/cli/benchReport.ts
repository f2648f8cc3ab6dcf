/**
 * The bench's one table and its JSON: each measure with CarePlay's figure, the bare stock-Phaser
 * page's figure from the same run where there is one, the ratio between them, the target, and
 * (given an earlier run's JSON) that run's figure beside it. Pure functions, so they are tested
 * without a browser.
 */

export interface BenchRow {
  /** A stable key, for comparing runs: e.g. `menu.unthrottled`. */
  key: string;
  /** What is measured, in words. */
  label: string;
  unit: 'ms' | 'KB' | 'MB';
  /** CarePlay's figure (a median where several runs were made). */
  value: number;
  /** The stock-Phaser page's figure in the same run, where the measure has one. */
  stock?: number;
  /** The target, in words (e.g. "≤ 0.5× stock"), and whether this run met it. */
  target?: string;
  met?: boolean;
  /** Anything else worth reading beside the figure (runs, spread). */
  note?: string;
}

export interface BenchJson {
  kind: 'careplay-bench';
  version: 1;
  date: string;
  commit: string;
  machine: { cpus: number; node: string; browser: string };
  settings: Record<string, unknown>;
  rows: BenchRow[];
  /** Raw samples per key, so a later reader can compute its own statistics. */
  samples: Record<string, number[]>;
}

/** The median (the upper middle of an even count, as the analysis bench has always taken). */
export function median(xs: readonly number[]): number {
  if (!xs.length) return Number.NaN;
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

export function ratio(row: Pick<BenchRow, 'value' | 'stock'>): number | undefined {
  return row.stock === undefined || row.stock === 0 ? undefined : row.value / row.stock;
}

function figure(value: number | undefined, unit: BenchRow['unit']): string {
  if (value === undefined || Number.isNaN(value)) return '–';
  return unit === 'ms' ? `${value.toFixed(0)} ms` : `${value.toFixed(unit === 'MB' ? 2 : 1)} ${unit}`;
}

/**
 * The table as text. With `previous` (an earlier run's JSON), two more columns: that run's ratio
 * against its own stock page (or its figure, where there is no ratio), and this run's change.
 */
export function formatTable(rows: readonly BenchRow[], previous?: BenchJson): string {
  const before = new Map(previous?.rows.map((r) => [r.key, r]));
  const header = ['measure', 'CarePlay', 'stock Phaser', 'ratio', 'target', 'met'];
  if (previous) header.push(`earlier run (${previous.commit.slice(0, 7)})`, 'now vs earlier');
  const lines = rows.map((row) => {
    const r = ratio(row);
    const cells = [
      row.label,
      figure(row.value, row.unit),
      figure(row.stock, row.unit),
      r === undefined ? '–' : `×${r.toFixed(2)}`,
      row.target ?? '–',
      row.met === undefined ? '–' : row.met ? 'yes' : 'NO',
    ];
    if (previous) {
      const old = before.get(row.key);
      const oldRatio = old && ratio(old);
      if (!old) cells.push('–', '–');
      else if (oldRatio !== undefined && r !== undefined) {
        // Ratios against the stock page of each run: the fair comparison across runs and machines.
        cells.push(
          `×${oldRatio.toFixed(2)} (${figure(old.value, old.unit)})`,
          `×${(r / oldRatio).toFixed(2)}`,
        );
      } else {
        cells.push(figure(old.value, old.unit), old.value ? `×${(row.value / old.value).toFixed(2)}` : '–');
      }
    }
    return cells;
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(fmt)].join('\n');
}

/** Read an earlier run's JSON, or say plainly why it cannot be used. */
export function readBenchJson(text: string): BenchJson {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('it is not JSON');
  }
  const d = data as Partial<BenchJson> | null;
  if (!d || d.kind !== 'careplay-bench' || !Array.isArray(d.rows)) {
    throw new Error('it is not a CarePlay bench result (no "kind": "careplay-bench" with rows)');
  }
  if (d.version !== 1) throw new Error(`it is version ${String(d.version)}; this bench reads version 1`);
  return d as BenchJson;
}

/** The parts of a V8 heap snapshot read here. */
export interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
}

/** Total self size of a heap snapshot's nodes of type 'code'. */
export function codeInSnapshot(s: HeapSnapshot): number {
  const fields = s.snapshot.meta.node_fields;
  const type = fields.indexOf('type');
  const size = fields.indexOf('self_size');
  const code = s.snapshot.meta.node_types[0].indexOf('code');
  let total = 0;
  for (let i = 0; i < s.nodes.length; i += fields.length)
    if (s.nodes[i + type] === code) total += s.nodes[i + size]!;
  return total;
}
