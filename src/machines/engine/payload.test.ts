import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { deviceProfiles, profileById } from '../profiles.ts';
import { DeviceProfile } from '../schema.ts';
import { parsePayload, parseRfc3339 } from './payload.ts';
import { aggregateOf, HOUR_MS, MINUTE_MS, merge, rollUp, type single } from './rollup.ts';

const belt = profileById('belt-scale') as DeviceProfile;
const now = Date.parse('2026-11-29T12:00:00Z');
const point = (over: Record<string, unknown> = {}) => ({
  id: 'm-1',
  ts: '2026-11-29T10:00:00Z',
  values: { throughput_tph: 812.5 },
  ...over,
});
const reason = (payload: unknown) => {
  const r = parsePayload(payload, belt, now);
  return r.ok ? 'ok' : `${r.reason.code} @ ${r.problem.field}`;
};

test('the shipped profiles hold to the schema, among them the four the example names', () => {
  for (const p of deviceProfiles) {
    DeviceProfile.parse(p);
    for (const k of p.keys)
      assert.ok(
        k.limitMin <= k.min && k.min < k.max && k.max <= k.limitMax,
        `${p.id}.${k.key}: limitMin ≤ min < max ≤ limitMax`,
      );
  }
  assert.equal(new Set(deviceProfiles.map((p) => p.id)).size, deviceProfiles.length);
  const keyOf = (id: string) => profileById(id)?.keys.map((k) => `${k.key} ${k.unit}`);
  assert.deepEqual(keyOf('belt-scale'), ['throughput_tph t/h']);
  assert.ok(keyOf('ash-analyser')?.includes('ash_pct %'));
  assert.deepEqual(keyOf('dense-medium'), ['density_kgm3 kg/m³']);
  assert.ok(profileById('weighbridge'));
  for (const id of [
    'flotation-cell',
    'thickener',
    'methane-sensor',
    'mine-water-flow',
    'power-meter',
  ])
    assert.ok(profileById(id), id);
});

test('RFC 3339 times need a zone and a real date', () => {
  assert.equal(parseRfc3339('2026-11-29T10:00:00Z'), Date.UTC(2026, 10, 29, 10));
  assert.equal(parseRfc3339('2026-11-29T13:00:00+03:00'), Date.UTC(2026, 10, 29, 10));
  // a year before the epoch is an unset clock, never a 1900s date (probe: 0002 read as 1902)
  assert.equal(parseRfc3339('0002-01-01T00:00:00Z'), null);
  assert.equal(parseRfc3339('1969-12-31T23:59:59Z'), null);
  assert.equal(parseRfc3339('1970-01-01T00:00:00Z'), 0);
  assert.equal(parseRfc3339('2026-11-29T10:00:00.250z'), Date.UTC(2026, 10, 29, 10) + 250);
  for (const bad of [
    '2026-11-29T10:00:00',
    '2026-11-29 10:00:00Z',
    '2026-02-30T10:00:00Z',
    '2026-11-29T24:00:00Z',
    '1764410400',
    '',
  ])
    assert.equal(parseRfc3339(bad), null, bad);
});

test('a point, a batch, and each rule of a message', () => {
  const one = parsePayload(point(), belt, now);
  assert.ok(one.ok);
  assert.deepEqual(one.points, [
    { id: 'm-1', ts: Date.UTC(2026, 10, 29, 10), values: [['throughput_tph', 812.5]] },
  ]);
  const batch = parsePayload(
    JSON.stringify({ points: [point(), point({ id: 'm-2' }), point()] }),
    belt,
    now,
  );
  assert.ok(batch.ok);
  assert.equal(batch.points.length, 2);
  assert.equal(batch.repeatedInMessage, 1);

  assert.equal(reason('{'), 'machines.notJson @ (body)');
  assert.equal(reason([point()]), 'machines.notObject @ (body)');
  assert.equal(reason({ points: [] }), 'machines.noPoints @ points');
  const many = Array.from({ length: 1001 }, (_, i) => point({ id: `m-${i}` }));
  assert.equal(reason({ points: many }), 'machines.tooManyPoints @ points');
  assert.equal(reason({ points: many.slice(0, 1000) }), 'ok');
  assert.equal(reason(point({ id: 'x'.repeat(65) })), 'machines.badId @ id');
  assert.equal(reason(point({ id: 'x'.repeat(64) })), 'ok');
  assert.equal(reason(point({ id: '' })), 'machines.badId @ id');
  assert.equal(reason(point({ id: 7 })), 'machines.badId @ id');
  assert.equal(reason(point({ ts: '2026-11-29T10:00:00' })), 'machines.badTs @ ts');
  assert.equal(reason(point({ ts: '2020-01-01T00:00:00Z' })), 'machines.tooOld @ ts');
  assert.equal(reason(point({ ts: '2026-11-29T13:00:00Z' })), 'machines.inFuture @ ts');
  assert.equal(reason(point({ values: {} })), 'machines.noValues @ values');
  assert.equal(reason(point({ values: { ash_pct: 1 } })), 'machines.unknownKey @ values.ash_pct');
  assert.equal(
    reason(point({ values: { throughput_tph: '812' } })),
    'machines.notFinite @ values.throughput_tph',
  );
  assert.equal(
    reason({ points: [point(), point({ id: 'm-2', values: { throughput_tph: null } })] }),
    'machines.notFinite @ points.1.values.throughput_tph',
  );
});

test("a value beyond its key's limits is refused, worded with them; the expected range is not a limit", () => {
  const scale = profileById('weighbridge') as DeviceProfile;
  const weigh = (values: Record<string, number>, ts = '2026-11-29T10:00:00Z') =>
    parsePayload({ id: 'w-1', ts, values }, scale, now);
  const refused = weigh({ gross_t: 1e308, tare_t: 0, net_t: 1e308 });
  assert.ok(!refused.ok);
  assert.equal(refused.problem.field, 'values.gross_t');
  assert.equal(refused.reason.code, 'machines.beyondLimits');
  assert.equal(
    refused.reason.text('en'),
    'from 0 to 200 t: what an instrument of profile weighbridge can read',
  );
  assert.match(refused.reason.text('ru'), /^от 0 до 200 т: столько может показать прибор/);
  const net = weigh({ net_t: 150.5 });
  assert.ok(!net.ok);
  assert.equal(net.problem.field, 'values.net_t');
  assert.ok(!weigh({ net_t: -0.1 }).ok);
  assert.ok(weigh({ gross_t: 40, tare_t: 15, net_t: 25 }).ok);
  assert.ok(weigh({ net_t: 150 }).ok && weigh({ net_t: 0 }).ok, 'the limits themselves are in');
  // a batch is refused whole, naming the point
  assert.equal(
    reason({ points: [point(), point({ id: 'm-2', values: { throughput_tph: 1.7e308 } })] }),
    'machines.beyondLimits @ points.1.values.throughput_tph',
  );
  // a belt scale reads a little below zero (drift, run-back), never −900 t/h
  assert.ok(parsePayload(point({ values: { throughput_tph: -12.5 } }), belt, now).ok);
  assert.ok(parsePayload(point({ values: { throughput_tph: -100 } }), belt, now).ok);
  assert.equal(
    reason(point({ values: { throughput_tph: -900 } })),
    'machines.beyondLimits @ values.throughput_tph',
  );
  // methane above its expected 1 % is what the alarm is for: stored, not refused
  const methane = profileById('methane-sensor') as DeviceProfile;
  assert.ok(parsePayload(point({ values: { ch4_pct: 1.4 } }), methane, now).ok);
  assert.ok(!parsePayload(point({ values: { ch4_pct: 100.1 } }), methane, now).ok);
});

// Roll-ups merge in any order: random order, duplicates dropped before, late points.
test('roll-ups built in any order and any grouping equal the aggregates of the points', () => {
  const pointArb = fc.record({
    ts: fc.integer({ min: 0, max: 3 * HOUR_MS }),
    value: fc.integer({ min: -1000, max: 1000 }).map((v) => v / 4),
  });
  fc.assert(
    fc.property(fc.array(pointArb, { minLength: 1, maxLength: 200 }), fc.nat(), (points, seed) => {
      const shuffled = [...points].sort(
        (a, b) => ((a.ts * 31 + seed) % 97) - ((b.ts * 31 + seed) % 97),
      );
      for (const size of [MINUTE_MS, HOUR_MS]) {
        const direct = rollUp(points, size);
        // in chunks, merged as the database does
        const merged = new Map<number, ReturnType<typeof single>>();
        for (let i = 0; i < shuffled.length; i += 7)
          for (const [b, r] of rollUp(shuffled.slice(i, i + 7), size))
            merged.set(b, merged.has(b) ? merge(merged.get(b)!, r) : r);
        assert.deepEqual([...merged.keys()].sort(), [...direct.keys()].sort());
        for (const [b, r] of direct) {
          const m = merged.get(b)!;
          const inBucket = points.filter((p) => Math.floor(p.ts / size) * size === b);
          const latest = Math.max(...inBucket.map((p) => p.ts));
          const last = Math.max(...inBucket.filter((p) => p.ts === latest).map((p) => p.value));
          for (const agg of ['min', 'max', 'last'] as const)
            assert.equal(aggregateOf(m, agg), aggregateOf(r, agg));
          assert.equal(aggregateOf(m, 'last'), last);
          assert.equal(m.n, inBucket.length);
          assert.ok(Math.abs(aggregateOf(m, 'avg') - aggregateOf(r, 'avg')) < 1e-9);
        }
      }
    }),
    { numRuns: 200 },
  );
});

test('property: a time is read as Date reads it, a day past its month and a year before 1970 refused', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 31 }),
      fc.integer({ min: 0, max: 86_399_999 }),
      (year, month, day, msOfDay) => {
        const pad = (n: number, w: number) => String(n).padStart(w, '0');
        const time = new Date(msOfDay).toISOString().slice(11);
        const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${time}`;
        // the reference: Date's own calendar, from the epoch on (an earlier year is an unset clock)
        const exists = new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
        const expected = exists && year >= 1970 ? Date.UTC(year, month - 1, day) + msOfDay : null;
        assert.equal(parseRfc3339(text), expected, text);
      },
    ),
    { numRuns: 2000 },
  );
});
