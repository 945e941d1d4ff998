// Issue 8 ("Data"), domain review §0.4: the demo does not depend on the clock. The example is
// seeded with its clock at a day and planned with the exchange's clock at the same day; today
// and a day in 2029 (a month's last) give the very plan of the reference date: the same counts,
// flows and totals, on SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { demoPlan, headlineDay } from '../../src/example/headline.ts';
import { exampleListings } from '../../src/example/seed.ts';
import type { Plan } from '../../src/exchange/index.ts';
import { eachDialect } from './dialects.ts';

/** A plan without the moment it was computed at: everything a day could change. */
const figures = (plan: Plan) => {
  const { computedAt: _c, id: _i, ...rest } = plan;
  return rest;
};

for (const d of await eachDialect()) {
  describe(`the demo plans alike whatever the clock, on ${d.name}`, { skip: d.skip }, () => {
    const planOn = (day: Date) =>
      demoPlan(day, async () => {
        const db = await d.make();
        return { platform: await db.open(), drop: () => db.drop() };
      });

    test('seeded and planned today and in 2029 (on a month end): the plan of the reference date', async () => {
      const reference = await planOn(headlineDay());
      // the demo as intended: every listing of the data live, a plan with flows
      const sides = exampleListings(headlineDay()).map((l) => l.side);
      assert.equal(reference.counts.offers, sides.filter((s) => s === 'offer').length);
      assert.equal(reference.counts.requests, sides.filter((s) => s === 'request').length);
      assert.ok(reference.plan.flows.length >= 10, `${reference.plan.flows.length} flows`);
      const flowKeys = (p: Plan) => p.plan.flows.map((f) => `${f.supply}→${f.demand}`).sort();
      // today, and a day in 2029 that is a month's last, late in the UTC day
      for (const day of [new Date(), new Date('2029-02-28T23:30:00Z')]) {
        const plan = await planOn(day);
        const when = day.toISOString();
        assert.deepEqual(flowKeys(plan), flowKeys(reference), `flows on ${when}`);
        assert.deepEqual(plan.counts, reference.counts, `counts on ${when}`);
        assert.equal(plan.plan.objectiveKopecks, reference.plan.objectiveKopecks, when);
        assert.equal(plan.impact.savings.valueKopecks, reference.impact.savings.valueKopecks);
        assert.equal(plan.impact.divertedT.value, reference.impact.divertedT.value);
        assert.equal(plan.impact.netCo2eT.value, reference.impact.netCo2eT.value);
        // and everything else a reader gets, quantities, factors and warnings included
        assert.deepEqual(figures(plan), figures(reference), `the whole plan on ${when}`);
      }
    });
  });
}
