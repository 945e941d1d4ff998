// Why a problem has no plan. Shipping nothing satisfies every constraint except
// the minimums (of supplies, demands and links), so infeasibility always means
// some minimums cannot be met together. Two explanations, combined:
//  - capacity reasoning per item (its links cannot carry its minimum at all);
//  - an elastic LP that lets each minimum fall short at unit penalty and names
//    the items that still fall short at the least total shortfall.
import type { Highs } from 'highs';
import { buildModel } from './highs-model.ts';
import type { Problem } from './schema.ts';

const fmt = (v: number) => String(Math.round(v * 1e6) / 1e6);

/** Items whose minimum exceeds what their own links could ever carry. */
export function capacityConflicts(p: Problem): Map<string, string> {
  const found = new Map<string, string>();
  const supplies = new Map(p.supplies.map((s) => [s.id, s]));
  const demands = new Map(p.demands.map((d) => [d.id, d]));
  const outCap = new Map<string, number>();
  const inCap = new Map<string, number>();
  // A blend limit that every linked supply breaks on the same side cannot be
  // averaged into range, so such a demand can receive nothing at all.
  for (const d of p.demands) {
    const linked = p.links.filter((l) => l.demand === d.id).map((l) => supplies.get(l.supply)!);
    for (const [prop, lim] of Object.entries(d.limits)) {
      if (d.minQuantity === 0 || linked.length === 0) continue;
      if (lim.max !== undefined && linked.every((s) => s.properties[prop] > lim.max!)) {
        found.set(`demand ${d.id}`, `every linked supply has ${prop} above its max ${lim.max}`);
      }
      if (lim.min !== undefined && linked.every((s) => s.properties[prop] < lim.min!)) {
        found.set(`demand ${d.id}`, `every linked supply has ${prop} below its min ${lim.min}`);
      }
    }
  }
  for (const l of p.links) {
    const s = supplies.get(l.supply)!;
    const d = demands.get(l.demand)!;
    const x = Math.min(l.capacity ?? Infinity, s.quantity, d.quantity / l.yield);
    outCap.set(s.id, (outCap.get(s.id) ?? 0) + x);
    inCap.set(d.id, (inCap.get(d.id) ?? 0) + x * l.yield);
  }
  const tol = 1e-9;
  // Links that must carry a flow each take it from their supply and demand.
  const outMin = new Map<string, number>();
  const inMin = new Map<string, number>();
  for (const l of p.links) {
    if (l.minQuantity === 0) continue;
    outMin.set(l.supply, (outMin.get(l.supply) ?? 0) + l.minQuantity);
    inMin.set(l.demand, (inMin.get(l.demand) ?? 0) + l.minQuantity * l.yield);
  }
  for (const [items, taken, verb] of [
    [p.supplies, outMin, 'ship'],
    [p.demands, inMin, 'deliver'],
  ] as const) {
    for (const x of items) {
      const least = taken.get(x.id) ?? 0;
      if (least > x.quantity * (1 + tol) + tol) {
        found.set(
          `${verb === 'ship' ? 'supply' : 'demand'} ${x.id}`,
          `its links must ${verb} at least ${fmt(least)}, more than its quantity ${fmt(x.quantity)}`,
        );
      }
    }
  }
  for (const s of p.supplies) {
    const cap = outCap.get(s.id) ?? 0;
    if (s.minQuantity > cap * (1 + tol) + tol && !found.has(`supply ${s.id}`)) {
      found.set(
        `supply ${s.id}`,
        `must ship at least ${fmt(s.minQuantity)} but its links can take at most ${fmt(cap)}`,
      );
    }
  }
  for (const d of p.demands) {
    const cap = inCap.get(d.id) ?? 0;
    if (d.minQuantity > cap * (1 + tol) + tol && !found.has(`demand ${d.id}`)) {
      found.set(
        `demand ${d.id}`,
        `must receive at least ${fmt(d.minQuantity)} but its links can deliver at most ${fmt(cap)}`,
      );
    }
  }
  return found;
}

/** Items whose minimums fall short in a least-shortfall plan (needs HiGHS). */
export function elasticShortfalls(p: Problem, highs: Highs): Map<string, string> {
  const cm = buildModel(p, new Uint8Array(p.links.length).fill(1));
  const S = p.supplies.length;
  const rows: number[] = [];
  const mins: number[] = [];
  p.supplies.forEach((s, i) => {
    if (s.minQuantity > 0) {
      rows.push(i);
      mins.push(s.minQuantity);
    }
  });
  p.demands.forEach((d, j) => {
    if (d.minQuantity > 0) {
      rows.push(S + j);
      mins.push(d.minQuantity);
    }
  });
  const n0 = cm.numCols;
  const numCols = n0 + rows.length;
  // Shortfall columns: one +1 entry in their row, penalty 1 per unit (scaled
  // by the minimum so large and small items weigh alike).
  const colCost = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(Infinity);
  colUpper.set(cm.colUpper);
  rows.forEach((_, k) => {
    colCost[n0 + k] = -1 / mins[k];
  });
  const starts = new Int32Array(numCols + 1);
  starts.set(cm.starts.subarray(0, n0 + 1));
  const nnz = cm.indices.length;
  const indices = new Int32Array(nnz + rows.length);
  const values = new Float64Array(nnz + rows.length);
  indices.set(cm.indices);
  values.set(cm.values);
  rows.forEach((r, k) => {
    indices[nnz + k] = r;
    values[nnz + k] = 1;
    starts[n0 + k + 1] = nnz + k + 1;
  });
  const model = highs.createModel({
    numCols,
    numRows: cm.numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost,
    // links' own minimums left out: capacityConflicts names those that exceed a quantity
    colLower: new Float64Array(numCols),
    colUpper,
    rowLower: cm.rowLower,
    rowUpper: cm.rowUpper,
    matrix: { format: 'csc', numRows: cm.numRows, numCols, starts, indices, values },
  });
  const found = new Map<string, string>();
  try {
    model.options.set({ output_flag: false, time_limit: 30 });
    model.run();
    const x = model.getSolution().colValue;
    rows.forEach((r, k) => {
      const short = x[n0 + k];
      if (short > 1e-7 * Math.max(1, mins[k])) {
        const kind = r < S ? 'supply' : 'demand';
        const item = r < S ? p.supplies[r] : p.demands[r - S];
        found.set(
          `${kind} ${item.id}`,
          `minimum ${fmt(mins[k])} cannot be met together with the others (at most ${fmt(mins[k] - short)})`,
        );
      }
    });
  } finally {
    model.dispose();
  }
  return found;
}

export function explainInfeasible(p: Problem, highs: Highs | null): string {
  const reasons = capacityConflicts(p);
  if (highs) {
    for (const [item, why] of elasticShortfalls(p, highs)) {
      if (!reasons.has(item)) reasons.set(item, why);
    }
  }
  if (reasons.size === 0) return 'the minimum quantities cannot all be met';
  const parts = [...reasons].map(([item, why]) => `${item}: ${why}`);
  return `the minimum quantities cannot all be met — ${parts.join('; ')}`;
}
