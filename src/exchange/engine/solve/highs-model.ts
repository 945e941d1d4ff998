// The general problem as an LP/MILP in compressed-column form for HiGHS.
//
// Columns: one flow x per link, then one binary y per fixed-cost link.
// Rows, in this order: supply quantities, demand quantities (in delivered
// units), blend limits (Σ yield·x·(p − bound) on the right side of 0), and
// x − M·y ≤ 0 for each fixed-cost link.
import type { Problem } from './schema.ts';
import { linkName } from './validate.ts';

export interface CscModel {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  integrality: Int32Array | null;
  offset: number;
  /** Human-readable name of each row, for infeasibility explanations. */
  rowNames: string[];
  /** Column of each fixed-cost link's binary, by link index (−1 if none). */
  binaryOf: Int32Array;
}

/**
 * @param openFixed when given, fixed-cost links are decided: closed ones get
 *   x ≤ 0, open ones pay their fixed cost as a constant, and no binaries exist.
 *   This is the LP whose duals price a MILP solution.
 */
export function buildModel(p: Problem, openFixed?: Uint8Array): CscModel {
  const S = p.supplies.length;
  const L = p.links.length;
  const sIndex = new Map(p.supplies.map((s, i) => [s.id, i]));
  const dIndex = new Map(p.demands.map((d, j) => [d.id, j]));

  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const rowNames: string[] = [];
  const addRow = (lo: number, hi: number, name: string) => {
    rowLower.push(lo);
    rowUpper.push(hi);
    rowNames.push(name);
    return rowLower.length - 1;
  };
  for (const s of p.supplies) {
    addRow(s.minQuantity, s.quantity, `supply ${s.id} (ships ${s.minQuantity}…${s.quantity})`);
  }
  for (const d of p.demands) {
    addRow(d.minQuantity, d.quantity, `demand ${d.id} (receives ${d.minQuantity}…${d.quantity})`);
  }
  // Blend rows per demand: [property, bound, row] for each limit side.
  const blendRows: { prop: string; bound: number; row: number }[][] = p.demands.map((d) => {
    const rows: { prop: string; bound: number; row: number }[] = [];
    for (const [prop, lim] of Object.entries(d.limits)) {
      if (lim.max !== undefined) {
        rows.push({
          prop,
          bound: lim.max,
          row: addRow(-Infinity, 0, `demand ${d.id} limit ${prop} ≤ ${lim.max}`),
        });
      }
      if (lim.min !== undefined) {
        rows.push({
          prop,
          bound: lim.min,
          row: addRow(0, Infinity, `demand ${d.id} limit ${prop} ≥ ${lim.min}`),
        });
      }
    }
    return rows;
  });

  const binaryOf = new Int32Array(L).fill(-1);
  const withBinary = !openFixed;
  let numCols = L;
  const linkRow = new Int32Array(L).fill(-1);
  if (withBinary) {
    p.links.forEach((l, k) => {
      if (l.fixedCost === undefined) return;
      binaryOf[k] = numCols++;
      linkRow[k] = addRow(-Infinity, 0, `${linkName(l)} open/closed`);
    });
  }

  const colCost = new Float64Array(numCols);
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols);
  const starts = new Int32Array(numCols + 1);
  const indices: number[] = [];
  const values: number[] = [];
  let offset = 0;
  const bigM = new Float64Array(L);

  p.links.forEach((l, k) => {
    const i = sIndex.get(l.supply)!;
    const j = dIndex.get(l.demand)!;
    const s = p.supplies[i];
    const d = p.demands[j];
    colCost[k] = l.yield * d.value + s.disposalCost - l.cost;
    colUpper[k] = l.capacity ?? Infinity;
    bigM[k] = Math.min(l.capacity ?? Infinity, s.quantity, d.quantity / l.yield);
    if (openFixed && l.fixedCost !== undefined) {
      if (openFixed[k]) offset -= l.fixedCost;
      else colUpper[k] = 0;
    }
    starts[k] = indices.length;
    indices.push(i);
    values.push(1);
    indices.push(S + j);
    values.push(l.yield);
    for (const b of blendRows[j]) {
      const coef = l.yield * (s.properties[b.prop] - b.bound);
      if (coef !== 0) {
        indices.push(b.row);
        values.push(coef);
      }
    }
    if (linkRow[k] !== -1) {
      indices.push(linkRow[k]);
      values.push(1);
    }
  });
  p.links.forEach((l, k) => {
    const c = binaryOf[k];
    if (c === -1) return;
    starts[c] = indices.length;
    colCost[c] = -(l.fixedCost ?? 0);
    colUpper[c] = 1;
    indices.push(linkRow[k]);
    values.push(-bigM[k]);
  });
  starts[numCols] = indices.length;

  let integrality: Int32Array | null = null;
  if (numCols > L) {
    integrality = new Int32Array(numCols);
    integrality.fill(1, L);
  }
  return {
    numCols,
    numRows: rowLower.length,
    colCost,
    colLower,
    colUpper,
    rowLower: Float64Array.from(rowLower),
    rowUpper: Float64Array.from(rowUpper),
    starts,
    indices: Int32Array.from(indices),
    values: Float64Array.from(values),
    integrality,
    offset,
    rowNames,
    binaryOf,
  };
}
