// The Sankey is not only a picture: its link values equal the mass balance of the deliveries,
// and it is a DAG (d3-sankey refuses cycles).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { massBalance } from './balance.ts';
import { kindStage, type OrganisationKind, type SankeyInputFlow, valueChain } from './sankey.ts';

const kindOf: Record<string, OrganisationKind> = {
  pit: 'open_pit',
  mine: 'underground_mine',
  cpp: 'preparation_plant',
  tpp: 'power_plant',
  tpp2: 'power_plant',
  coke: 'coke_chemical',
  cement: 'construction_materials',
  recycler: 'waste_processor',
  uni: 'university',
};

/** Kahn's algorithm: true when the links have no cycle. */
function acyclic(nodes: string[], links: { source: string; target: string }[]): boolean {
  const indegree = new Map(nodes.map((n) => [n, 0]));
  for (const l of links) indegree.set(l.target, (indegree.get(l.target) ?? 0) + 1);
  const queue = nodes.filter((n) => indegree.get(n) === 0);
  let seen = 0;
  while (queue.length) {
    const n = queue.pop()!;
    seen++;
    for (const l of links.filter((x) => x.source === n)) {
      const d = indegree.get(l.target)! - 1;
      indegree.set(l.target, d);
      if (d === 0) queue.push(l.target);
    }
  }
  return seen === nodes.length;
}

test('the chain: coal to preparation to power, ash to cement; a back-flow goes to a return node', () => {
  const flows: SankeyInputFlow[] = [
    { providerId: 'pit', consumerId: 'cpp', material: 'coal', unit: 't', quantity: 1000 },
    { providerId: 'mine', consumerId: 'cpp', material: 'coal', unit: 't', quantity: 500 },
    { providerId: 'cpp', consumerId: 'tpp', material: 'coal', unit: 't', quantity: 1200 },
    { providerId: 'tpp', consumerId: 'cement', material: 'fly-ash', unit: 't', quantity: 300 },
    { providerId: 'cement', consumerId: 'tpp', material: 'rejects', unit: 't', quantity: 20 },
    { providerId: 'tpp', consumerId: 'tpp2', material: 'slag', unit: 't', quantity: 5 },
    {
      providerId: 'coke',
      consumerId: 'tpp',
      material: 'coke-oven-gas',
      unit: 'thousand_m3',
      quantity: 9,
    },
  ];
  const v = valueChain(flows, kindOf);
  assert.deepEqual(
    v.links.map((l) => [l.source, l.target, l.valueT]),
    [
      ['construction_materials', 'power_plant:return', 20],
      ['open_pit', 'preparation_plant', 1000],
      ['power_plant', 'construction_materials', 300],
      ['power_plant', 'power_plant:return', 5],
      ['preparation_plant', 'power_plant', 1200],
      ['underground_mine', 'preparation_plant', 500],
    ],
  );
  assert.equal(v.skipped.notTonnes, 1);
  assert.ok(
    acyclic(
      v.nodes.map((n) => n.id),
      v.links,
    ),
  );
  assert.match(v.nodes.find((n) => n.id === 'power_plant:return')!.label.ru, /обратный/);
});

const orgIds = Object.keys(kindOf);
const arbFlow = fc.record({
  providerId: fc.constantFrom(...orgIds),
  consumerId: fc.constantFrom(...orgIds),
  material: fc.constantFrom('coal', 'ash', 'slag'),
  quantity: fc.integer({ min: 0, max: 10_000 }),
});

test('property: link values equal the mass balance per kind, and the graph is a DAG', () => {
  fc.assert(
    fc.property(fc.array(arbFlow, { maxLength: 30 }), (raw) => {
      const flows = raw.map((f) => ({ ...f, unit: 't' }));
      const v = valueChain(flows, kindOf);
      assert.ok(
        acyclic(
          v.nodes.map((n) => n.id),
          v.links,
        ),
      );
      // every link goes forward along the chain or into a return node, which never sends
      const byId = new Map(v.nodes.map((n) => [n.id, n]));
      for (const l of v.links) {
        const s = byId.get(l.source)!;
        const t = byId.get(l.target)!;
        assert.equal(s.isReturn, false);
        assert.ok(t.isReturn || t.stage > s.stage);
      }
      // the mass balance of the same flows, as deals each delivered once
      const deals = flows.map((f, i) => ({ id: `d${i}`, ...f, contractedQuantity: f.quantity }));
      const lots = flows.map((f, i) => ({
        id: `l${i}`,
        dealId: `d${i}`,
        date: '2026-01-01',
        quantity: f.quantity,
      }));
      const b = massBalance(deals, lots, { tolerance: 0 });
      const kinds = new Set(Object.values(kindOf));
      for (const kind of kinds) {
        const out = b.organisations
          .filter((o) => kindOf[o.organisationId] === kind)
          .reduce((s, o) => s + o.out, 0);
        const into = b.organisations
          .filter((o) => kindOf[o.organisationId] === kind)
          .reduce((s, o) => s + o.in, 0);
        const linksOut = v.links.filter((l) => l.source === kind).reduce((s, l) => s + l.valueT, 0);
        const linksIn = v.links
          .filter((l) => l.target === kind || l.target === `${kind}:return`)
          .reduce((s, l) => s + l.valueT, 0);
        assert.equal(linksOut, out, `${kind} out`);
        assert.equal(linksIn, into, `${kind} in`);
      }
      for (const l of v.links)
        assert.equal(
          Object.values(l.materials).reduce((s, t) => s + t, 0),
          l.valueT,
        );
    }),
    { numRuns: 150 },
  );
  assert.ok(kindStage.open_pit < kindStage.preparation_plant);
});
