// The general problem as an LP/MILP in compressed-column form for HiGHS.
//
// Columns: one flow x per link, then one binary y per fixed-cost link.
// A link's minimum is its column's lower bound.
// Rows, in this order: supply quantities, demand quantities (in delivered
// units), blend limits (Σ yield·x·(p − bound) on the right side of 0), and
// x − M·y ≤ 0 for each fixed-cost link, M = min(capacity, supply, demand ÷ yield).
//
// The MILP is then tightened (see `tightening` below) where a link's flow can
// be dropped without breaking any row: such a link is worth opening only to
// carry at least m = fixed cost ÷ unit margin, so links with m ≥ M stay closed
// (x = y = 0). Some optimal plan of the loose model opens none of them, so the
// optimum is the same. The rows x ≥ m·y and Σ m·y ≤ quantity that follow from
// the same argument are not added: over the 30×30 bench instances HiGHS
// proved the optimum in less CPU without them (bench, back-to-back runs on a
// loaded machine, with → without: seed 1 58.1 → 32.9 s, 3841 → 2380 nodes;
// seed 30 11.5 → 11.8 s, 479 → 510 nodes; seed 42 41.2 → 45.9 s, 2191 → 3032
// nodes, so they do help there; geometric mean 1.16× in favour of without).
import { linkMargin, type Problem } from './schema.ts';
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
  /** Fixed-cost links shut by the tightening (they can never pay their fixed cost). */
  shut: number;
}

interface BlendRow {
  prop: string;
  bound: number;
  side: 'max' | 'min';
  row: number;
}

export interface BuildOptions {
  /**
   * Add the tightening to the MILP (default true). False gives the plain
   * big-M model, kept for the benchmark and for tests that compare the two.
   */
  tighten?: boolean;
}

/**
 * @param openFixed when given, fixed-cost links are decided: closed ones get
 *   x ≤ 0, open ones pay their fixed cost as a constant, and no binaries exist.
 *   This is the LP whose duals price a MILP solution.
 */
export function buildModel(
  p: Problem,
  openFixed?: Uint8Array,
  { tighten = true }: BuildOptions = {},
): CscModel {
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
  const blendRows: BlendRow[][] = p.demands.map((d) => {
    const rows: BlendRow[] = [];
    for (const [prop, lim] of Object.entries(d.limits)) {
      if (lim.max !== undefined) {
        rows.push({
          prop,
          bound: lim.max,
          side: 'max',
          row: addRow(-Infinity, 0, `demand ${d.id} limit ${prop} ≤ ${lim.max}`),
        });
      }
      if (lim.min !== undefined) {
        rows.push({
          prop,
          bound: lim.min,
          side: 'min',
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
  const bigM = p.links.map((l) =>
    Math.min(
      l.capacity ?? Infinity,
      p.supplies[sIndex.get(l.supply)!].quantity,
      p.demands[dIndex.get(l.demand)!].quantity / l.yield,
    ),
  );
  const margin = p.links.map((l) =>
    linkMargin(l, p.supplies[sIndex.get(l.supply)!], p.demands[dIndex.get(l.demand)!]),
  );
  const blendCoef = (k: number, b: BlendRow) => {
    const l = p.links[k];
    return l.yield * (p.supplies[sIndex.get(l.supply)!].properties[b.prop] - b.bound);
  };
  const t =
    withBinary && tighten
      ? tightening(p, { binaryOf, bigM, margin, blendRows, blendCoef, sIndex, dIndex })
      : null;

  const colCost = new Float64Array(numCols);
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols);
  const starts = new Int32Array(numCols + 1);
  const indices: number[] = [];
  const values: number[] = [];
  let offset = 0;

  p.links.forEach((l, k) => {
    const i = sIndex.get(l.supply)!;
    const j = dIndex.get(l.demand)!;
    colCost[k] = margin[k];
    colLower[k] = l.minQuantity;
    colUpper[k] = t?.shut[k] ? 0 : (l.capacity ?? Infinity);
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
      const coef = blendCoef(k, b);
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
    colUpper[c] = t?.shut[k] ? 0 : 1;
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
    shut: t ? t.shut.reduce((a, b) => a + b, 0) : 0,
  };
}

interface TighteningInput {
  binaryOf: Int32Array;
  bigM: number[];
  margin: number[];
  blendRows: BlendRow[][];
  blendCoef: (k: number, b: BlendRow) => number;
  sIndex: Map<string, number>;
  dIndex: Map<string, number>;
}

/**
 * Closures that cut off no optimal plan (see the header). A link qualifies
 * when dropping its flow keeps every bound and row satisfied: neither the link
 * nor an end has a minimum, and in each blend limit of its demand the link's
 * material sits on the wrong side of the bound (or on it), so less of it never breaks the
 * limit. Then in an optimal plan an open link carries x with margin·x ≥ fixed
 * cost, or else closing it would gain; a link that cannot reach that within
 * M is shut.
 */
function tightening(p: Problem, a: TighteningInput) {
  const L = p.links.length;
  const shut = new Uint8Array(L);
  const qualifies = (k: number) => {
    const l = p.links[k];
    const i = a.sIndex.get(l.supply)!;
    const j = a.dIndex.get(l.demand)!;
    if (l.minQuantity > 0 || p.supplies[i].minQuantity > 0 || p.demands[j].minQuantity > 0)
      return false;
    // A max limit is a `≤ 0` row: dropping the link's term keeps it only if
    // the term is ≥ 0; a min limit (`≥ 0`) likewise needs a term ≤ 0.
    return a.blendRows[j].every((b) => {
      const coef = a.blendCoef(k, b);
      return b.side === 'max' ? coef >= 0 : coef <= 0;
    });
  };
  p.links.forEach((l, k) => {
    if (a.binaryOf[k] === -1 || !qualifies(k)) return;
    const f = l.fixedCost ?? 0;
    const c = a.margin[k];
    // Opening can at best earn c·M − f ≤ 0: some optimal plan keeps it shut.
    if (c <= 0 || c * a.bigM[k] <= f) shut[k] = 1;
  });
  return { shut };
}
