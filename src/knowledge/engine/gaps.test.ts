import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  competenceGaps,
  type Demand,
  type Holder,
  missingFor,
  type OpeningLike,
  rankForGaps,
  rankForPerson,
} from './gaps.ts';

const holders: Holder[] = [
  { id: 'h-uni', organisationId: 'uni', competences: [{ competence: 'flotation', level: 5 }] },
  { id: 'h-plant', organisationId: 'plant', competences: [{ competence: 'flotation', level: 2 }] },
  { id: 'h-iot', organisationId: 'it', competences: [{ competence: 'iot', level: 4 }] },
];

const demands: Demand[] = [
  { source: 'vacancy', id: 'v1', organisationId: 'plant', competence: 'flotation', level: 4 },
  { source: 'project', id: 'p1', organisationId: 'plant', competence: 'data-analysis', level: 3 },
  { source: 'internship', id: 'i1', organisationId: 'it', competence: 'iot', level: 3 },
];

test('gaps per organisation: demanded above the level its own people hold, or nobody', () => {
  const { organisations } = competenceGaps(demands, holders);
  const keys = organisations.map((g) => `${g.organisationId}:${g.competence}`);
  // the plant asks flotation at 4 and holds 2; data analysis at 3 and holds none
  assert.deepEqual(keys.sort(), ['plant:data-analysis', 'plant:flotation']);
  const flotation = organisations.find((g) => g.competence === 'flotation');
  assert.equal(flotation?.demanded, 4);
  assert.equal(flotation?.present, 2);
  assert.deepEqual(flotation?.demands, [{ source: 'vacancy', id: 'v1' }]);
  // the IT firm holds iot at 4 for a demand of 3: no gap
  assert.ok(!keys.includes('it:iot'));
  // largest shortfall first: data analysis (3 - 0) before flotation (4 - 2)
  assert.equal(organisations[0].competence, 'data-analysis');
});

test('cluster-wide gaps: the university covers flotation, nobody holds data analysis', () => {
  const { cluster } = competenceGaps(demands, holders);
  assert.deepEqual(
    cluster.map((g) => g.competence),
    ['data-analysis'],
  );
  assert.equal(cluster[0].organisationId, null);
  assert.equal(cluster[0].present, 0);
  // more places asking than qualified people is a gap even when the level exists
  const many: Demand[] = [
    ...demands,
    { source: 'vacancy', id: 'v2', organisationId: 'mine', competence: 'flotation', level: 4 },
  ];
  const g = competenceGaps(many, holders).cluster.find((x) => x.competence === 'flotation');
  assert.ok(g);
  assert.equal(g.holders, 1);
  assert.equal(g.demands.length, 2);
});

const openings: OpeningLike[] = [
  {
    id: 'c-data',
    kind: 'course',
    organisationId: 'uni',
    competences: [{ competence: 'data-analysis', level: 3 }],
  },
  {
    id: 'c-flot',
    kind: 'programme',
    organisationId: 'uni',
    competences: [{ competence: 'flotation', level: 4 }],
  },
  {
    id: 'c-low',
    kind: 'course',
    organisationId: 'uni',
    competences: [{ competence: 'flotation', level: 2 }],
  },
  {
    id: 'v-flot',
    kind: 'vacancy',
    organisationId: 'plant',
    competences: [
      { competence: 'flotation', level: 4 },
      { competence: 'iot', level: 2 },
    ],
  },
];

test('openings ranked by the gaps they close; a course at or below the present level closes none', () => {
  const { organisations } = competenceGaps(demands, holders);
  const ranked = rankForGaps(openings, organisations);
  assert.deepEqual(
    ranked.map((r) => r.id),
    ['c-data', 'c-flot'],
  );
  // vacancies teach nothing; each reason names the gap's competence
  for (const r of ranked)
    for (const reason of r.reasons) {
      assert.equal(reason.kind, 'gap');
      const gap = organisations.find((g) => g.competence === reason.competence);
      assert.ok(gap && reason.kind === 'gap' && reason.level > gap.present);
    }
});

test("a person's missing competences: what their organisation asks above their level", () => {
  const plantWorker = holders[1];
  assert.deepEqual(missingFor(plantWorker, demands), [
    { competence: 'data-analysis', level: 3 },
    { competence: 'flotation', level: 4 },
  ]);
  const { learn, apply } = rankForPerson(plantWorker, openings, demands);
  assert.deepEqual(learn.map((r) => r.id).sort(), ['c-data', 'c-flot']);
  assert.ok(learn.every((r) => r.reasons.every((x) => x.kind === 'missing' && x.level > x.has)));
  // the vacancy asks flotation 4 and iot 2; the worker holds flotation 2: 2 of 6 levels met
  assert.equal(apply.length, 1);
  assert.equal(apply[0].id, 'v-flot');
  assert.equal(apply[0].score, Math.round((2 / 6) * 1000) / 1000);
  assert.deepEqual(apply[0].reasons, [
    { kind: 'holds', competence: 'flotation', has: 2, level: 4 },
  ]);
});

const competences = ['flotation', 'iot', 'data-analysis', 'reclamation'];
const level = fc.integer({ min: 1, max: 5 });
const org = fc.constantFrom('a', 'b', 'c');
const comp = fc.constantFrom(...competences);
const arbDemand = fc.record({
  source: fc.constantFrom('vacancy', 'internship', 'project', 'listing') as fc.Arbitrary<
    Demand['source']
  >,
  id: fc.constantFrom('x1', 'x2', 'x3', 'x4'),
  organisationId: fc.option(org, { nil: null }),
  competence: comp,
  level,
});
const arbHolder = fc.record({
  id: fc.string({ minLength: 1, maxLength: 3 }),
  organisationId: org,
  competences: fc.array(fc.record({ competence: comp, level }), { maxLength: 3 }),
});
const arbOpening = fc.record({
  id: fc.string({ minLength: 1, maxLength: 3 }),
  kind: fc.constantFrom('course', 'programme', 'internship', 'vacancy') as fc.Arbitrary<
    OpeningLike['kind']
  >,
  organisationId: org,
  competences: fc.array(fc.record({ competence: comp, level }), { minLength: 1, maxLength: 3 }),
});

test('property: every gap is demanded, every reason names a gap it closes, scores descend', () => {
  fc.assert(
    fc.property(
      fc.array(arbDemand, { maxLength: 12 }),
      fc.array(arbHolder, { maxLength: 6 }),
      fc.array(arbOpening, { maxLength: 6 }),
      (ds, hs, os) => {
        const { cluster, organisations } = competenceGaps(ds, hs);
        for (const g of [...cluster, ...organisations]) {
          assert.ok(ds.some((d) => d.competence === g.competence));
          assert.ok(g.present < g.demanded || g.holders < g.demands.length);
        }
        const gaps = [...cluster, ...organisations];
        const ranked = rankForGaps(os, gaps);
        for (const [k, r] of ranked.entries()) {
          if (k > 0) assert.ok(ranked[k - 1].score >= r.score);
          assert.notEqual(r.kind, 'vacancy');
          assert.ok(r.reasons.length > 0);
          for (const x of r.reasons)
            assert.ok(x.kind === 'gap' && gaps.some((g) => g.competence === x.competence));
        }
      },
    ),
    { numRuns: 200 },
  );
});
