// Assertions shared by the engine's tests (test helper): a plan must be feasible and its
// objective must be what its flows add up to. Throws on the first violation.
import assert from 'node:assert/strict';
import { linkMargin, type Problem, type SolveResult } from './schema.ts';

export const relClose = (a: number, b: number, rel: number) =>
  Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));

/** Feasibility tolerance: HiGHS works to 1e-9 on rows. */
const tol = (scale: number) => 1e-7 * Math.max(1, Math.abs(scale));

export function assertFeasible(p: Problem, r: SolveResult): void {
  const links = new Map(p.links.map((l) => [`${l.supply}→${l.demand}`, l]));
  const shipped = new Map<string, number>();
  const received = new Map<string, number>();
  const blend = new Map<string, Map<string, number>>();
  const open = new Set(r.openLinks.map((l) => `${l.supply}→${l.demand}`));
  const supplies = new Map(p.supplies.map((s) => [s.id, s]));
  const demands = new Map(p.demands.map((d) => [d.id, d]));
  let objective = 0;
  for (const f of r.flows) {
    const key = `${f.supply}→${f.demand}`;
    const l = links.get(key);
    assert.ok(l, `flow on unlisted link ${key}`);
    assert.ok(f.quantity >= 1e-9, `flow ${key} below the reporting threshold`);
    if (l.capacity !== undefined) assert.ok(f.quantity <= l.capacity, `${key} over capacity`);
    if (l.fixedCost !== undefined) assert.ok(open.has(key), `${key} ships but is not open`);
    assert.ok(relClose(f.delivered, f.quantity * l.yield, 1e-12), `${key} delivered`);
    const s = supplies.get(f.supply)!;
    const d = demands.get(f.demand)!;
    assert.ok(relClose(f.value, f.delivered * l.valueFactor * d.value, 1e-12), `${key} value`);
    assert.ok(relClose(f.avoidedDisposal, f.quantity * s.disposalCost, 1e-12), `${key} disposal`);
    assert.ok(relClose(f.transport, f.quantity * l.cost, 1e-12), `${key} transport`);
    objective += f.value + f.avoidedDisposal - f.transport;
    shipped.set(f.supply, (shipped.get(f.supply) ?? 0) + f.quantity);
    received.set(f.demand, (received.get(f.demand) ?? 0) + f.delivered);
    const props = blend.get(f.demand) ?? new Map<string, number>();
    for (const prop of Object.keys(d.limits)) {
      props.set(prop, (props.get(prop) ?? 0) + f.delivered * s.properties[prop]);
    }
    blend.set(f.demand, props);
  }
  for (const l of p.links) {
    if (l.minQuantity === 0) continue;
    const f = r.flows.find((x) => x.supply === l.supply && x.demand === l.demand);
    const x = f?.quantity ?? 0;
    assert.ok(
      x >= l.minQuantity - tol(l.minQuantity),
      `link ${l.supply}→${l.demand} carries ${x} < its minimum ${l.minQuantity}`,
    );
  }
  for (const key of open) {
    const l = links.get(key);
    assert.ok(l?.fixedCost !== undefined, `open link ${key} has no fixed cost`);
    objective -= l.fixedCost;
  }
  assert.ok(
    relClose(r.objective, objective, 1e-9),
    `objective ${r.objective} ≠ flows ${objective}`,
  );
  for (const s of p.supplies) {
    const x = shipped.get(s.id) ?? 0;
    assert.ok(x <= s.quantity + tol(s.quantity), `supply ${s.id} ships ${x} > ${s.quantity}`);
    assert.ok(x >= s.minQuantity - tol(s.minQuantity), `supply ${s.id} ships ${x} < minimum`);
  }
  for (const d of p.demands) {
    const y = received.get(d.id) ?? 0;
    assert.ok(y <= d.quantity + tol(d.quantity), `demand ${d.id} receives ${y} > ${d.quantity}`);
    assert.ok(y >= d.minQuantity - tol(d.minQuantity), `demand ${d.id} receives ${y} < minimum`);
    for (const [prop, lim] of Object.entries(d.limits)) {
      const total = blend.get(d.id)?.get(prop) ?? 0;
      // Weighted-average limits, compared in delivered·property units.
      if (lim.max !== undefined) {
        assert.ok(total <= lim.max * y + tol(lim.max * y), `demand ${d.id} ${prop} above max`);
      }
      if (lim.min !== undefined) {
        assert.ok(total >= lim.min * y - tol(lim.min * y), `demand ${d.id} ${prop} below min`);
      }
    }
  }
}

/**
 * For pure transport: the shadow prices must be a dual solution whose value
 * equals the objective (weak + strong duality), which pins them down as true
 * marginal values even where they are not unique.
 */
export function assertDualCertificate(p: Problem, r: SolveResult): void {
  const { supplies: u, demands: v } = r.shadowPrices;
  const s = new Map(p.supplies.map((x) => [x.id, x]));
  const d = new Map(p.demands.map((x) => [x.id, x]));
  let bound = 0;
  for (const x of p.supplies) {
    assert.ok(u[x.id] >= 0, `supply ${x.id} price negative`);
    bound += x.quantity * u[x.id];
  }
  for (const x of p.demands) {
    assert.ok(v[x.id] >= 0, `demand ${x.id} price negative`);
    bound += x.quantity * v[x.id];
  }
  const scale = Math.max(1, ...p.links.map((l) => Math.abs(l.cost)));
  for (const l of p.links) {
    const margin = linkMargin(l, s.get(l.supply)!, d.get(l.demand)!);
    const slack = margin - u[l.supply] - v[l.demand];
    if (l.capacity === undefined) {
      assert.ok(slack <= 1e-7 * scale, `link ${l.supply}→${l.demand} not priced out: ${slack}`);
    } else if (slack > 0) bound += slack * l.capacity;
  }
  assert.ok(relClose(bound, r.objective, 1e-7), `dual bound ${bound} ≠ objective ${r.objective}`);
}
