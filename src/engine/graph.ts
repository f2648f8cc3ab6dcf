/**
 * Small graph algorithms for the analysis: strongly connected components (iterative Tarjan, so
 * deep scenarios cannot overflow the stack) and best/worst path sums over the condensation.
 * All linear in vertices + edges.
 */

export interface WeightedGraph {
  /** Number of vertices, numbered 0..size-1. */
  size: number;
  /** Outgoing edges of each vertex: target and a weight vector (all the same length). */
  edges: readonly (readonly { to: number; weights: readonly number[] }[])[];
  /** Vertices where a path may end. */
  terminal: readonly boolean[];
}

export interface Components {
  /** Component of each vertex. Components are numbered in reverse topological order (sinks first). */
  of: Int32Array;
  count: number;
  /** Whether the component contains a cycle (more than one vertex, or a self-loop). */
  cyclic: boolean[];
}

export function stronglyConnected(size: number, adjacency: readonly (readonly number[])[]): Components {
  const index = new Int32Array(size).fill(-1);
  const low = new Int32Array(size);
  const onStack = new Uint8Array(size);
  const of = new Int32Array(size).fill(-1);
  const stack: number[] = [];
  const cyclic: boolean[] = [];
  let counter = 0;
  let count = 0;

  for (let root = 0; root < size; root++) {
    if (index[root] !== -1) continue;
    // An explicit stack of (vertex, next edge to look at) instead of recursion.
    const workV: number[] = [];
    const workI: number[] = [];
    const open = (v: number) => {
      index[v] = low[v] = counter++;
      stack.push(v);
      onStack[v] = 1;
      workV.push(v);
      workI.push(0);
    };
    open(root);
    while (workV.length > 0) {
      const top = workV.length - 1;
      const v = workV[top]!;
      const out = adjacency[v]!;
      const i = workI[top]!;
      if (i < out.length) {
        workI[top] = i + 1;
        const w = out[i]!;
        if (index[w] === -1) open(w);
        else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      workV.pop();
      workI.pop();
      if (workV.length > 0) {
        const parent = workV[workV.length - 1]!;
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] === index[v]) {
        let members = 0;
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          of[w] = count;
          members++;
        } while (w !== v);
        cyclic.push(members > 1);
        count++;
      }
    }
  }
  // Self-loops make a single-vertex component cyclic.
  for (let v = 0; v < size; v++) {
    for (const w of adjacency[v]!) if (w === v) cyclic[of[v]!] = true;
  }
  return { of, count, cyclic };
}

export interface PathBounds {
  /** Per weight dimension; null where a cycle makes it unbounded. */
  min: (number | null)[];
  max: (number | null)[];
  /** False when no terminal can be reached from the start at all. */
  reachesEnd: boolean;
}

/**
 * Minimum and maximum total weight, per dimension, over paths from `start` to any terminal.
 * A cycle with a positive (negative) edge on a dimension, from which a terminal can still be
 * reached, makes that maximum (minimum) unbounded.
 */
export function pathBounds(graph: WeightedGraph, start: number, dims: number): PathBounds {
  const comps = stronglyConnected(
    graph.size,
    graph.edges.map((es) => es.map((e) => e.to)),
  );
  // Vertices grouped by component, without an array per component.
  const order = new Int32Array(graph.size);
  const firstOf = new Int32Array(comps.count + 1);
  for (let v = 0; v < graph.size; v++) firstOf[comps.of[v]! + 1]!++;
  for (let c = 0; c < comps.count; c++) firstOf[c + 1]! += firstOf[c]!;
  const fill = firstOf.slice(0, comps.count);
  for (let v = 0; v < graph.size; v++) order[fill[comps.of[v]!]!++] = v;

  // NaN means "cannot reach an end" from that component.
  const lo = new Float64Array(comps.count * dims).fill(Number.NaN);
  const hi = new Float64Array(comps.count * dims).fill(Number.NaN);
  const up = new Uint8Array(dims);
  const down = new Uint8Array(dims);

  // Components are numbered sinks first, so every successor component is done before its predecessors.
  for (let c = 0; c < comps.count; c++) {
    const base = c * dims;
    up.fill(0);
    down.fill(0);
    for (let k = firstOf[c]!; k < firstOf[c + 1]!; k++) {
      const v = order[k]!;
      if (graph.terminal[v]) {
        for (let d = 0; d < dims; d++) {
          if (!(lo[base + d]! <= 0)) lo[base + d] = 0;
          if (!(hi[base + d]! >= 0)) hi[base + d] = 0;
        }
      }
      for (const e of graph.edges[v]!) {
        const target = comps.of[e.to]!;
        if (target === c) {
          for (let d = 0; d < dims; d++) {
            if (e.weights[d]! > 0) up[d] = 1;
            if (e.weights[d]! < 0) down[d] = 1;
          }
          continue;
        }
        const tb = target * dims;
        if (Number.isNaN(hi[tb]!)) continue;
        for (let d = 0; d < dims; d++) {
          const l = lo[tb + d]! + e.weights[d]!;
          const h = hi[tb + d]! + e.weights[d]!;
          if (!(lo[base + d]! <= l)) lo[base + d] = l;
          if (!(hi[base + d]! >= h)) hi[base + d] = h;
        }
      }
    }
    if (comps.cyclic[c] && !Number.isNaN(hi[base]!)) {
      for (let d = 0; d < dims; d++) {
        if (up[d]) hi[base + d] = Infinity;
        if (down[d]) lo[base + d] = -Infinity;
      }
    }
  }
  const s = comps.of[start]! * dims;
  const reachesEnd = !Number.isNaN(hi[s]!);
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  const pick = (arr: Float64Array) =>
    Array.from({ length: dims }, (_, d) => (reachesEnd ? finite(arr[s + d]!) : 0));
  return { min: pick(lo), max: pick(hi), reachesEnd };
}
