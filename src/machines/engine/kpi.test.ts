import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plantKpis } from './kpi.ts';

const T0 = Date.UTC(2026, 10, 29, 8, 0, 0);
const min = (i: number) => T0 + i * 60_000;
const series = (values: Array<number | null>) =>
  values.flatMap((v, i) => (v === null ? [] : [{ ts: min(i), value: v }]));

test('throughput, yield, downtime and stoppages from a 6-minute window (by hand)', () => {
  // feed t/h per minute: 600, 600, 0 (stopped), missing (no data), 1200, 600
  const k = plantKpis({
    from: min(0),
    to: min(6),
    feed: series([600, 600, 0, null, 1200, 600]),
    product: series([450, 450, 0, null, 900, 300]),
    ash: null,
    density: null,
    ashTargetPct: null,
    densityTargetKgm3: null,
    runningAboveTph: 100,
  });
  assert.equal(k.minutes, 6);
  // (600+600+0+1200+600)/60 = 50 t; (450+450+0+900+300)/60 = 35 t
  assert.equal(k.feedTonnes, 50);
  assert.equal(k.productTonnes, 35);
  assert.equal(k.yieldPct, 70);
  // minutes 2 (0 t/h) and 3 (no data) are down: one stoppage of 2 minutes
  assert.equal(k.downtimeMinutes, 2);
  assert.equal(k.stoppages, 1);
  // 4 running minutes, 50 t in them: 50 / (4/60) = 750 t/h
  assert.equal(k.feedTphRunning, 750);
  assert.equal(k.availabilityPct, 66.667);
  assert.equal(k.productAshPct, null);
  assert.equal(k.densityMeanKgm3, null);
});

test('energy and kWh per tonne of feed from the power meter (by hand)', () => {
  const energy = (feed: Array<number | null>, power?: Array<number | null>) =>
    plantKpis({
      from: min(0),
      to: min(feed.length),
      feed: series(feed),
      product: null,
      ash: null,
      density: null,
      power: power && series(power),
      ashTargetPct: null,
      densityTargetKgm3: null,
      runningAboveTph: 100,
    });
  // feed t/h: 600, 600, 0 (stopped), missing; power kW: 4000, 4000, 600 (standby), 4000
  const k = energy([600, 600, 0, null], [4000, 4000, 600, 4000]);
  // (4000 + 4000 + 600 + 4000) / 60 = 210 kWh
  assert.equal(k.energyKWh, 210);
  // over the minutes with both: 8600 / 60 kWh ÷ 1200 / 60 t = 7.167 kWh/t (standby counts)
  assert.equal(k.energyKWhPerTonne, 7.167);
  // no power meter, or no feed tonnes: no figure, never 0
  const none = energy([600, 600, 0, null]);
  assert.deepEqual([none.energyKWh, none.energyKWhPerTonne], [null, null]);
  const stopped = energy([0, 0], [600, 600]);
  assert.deepEqual([stopped.energyKWh, stopped.energyKWhPerTonne], [20, null]);
});

test('a belt reading below zero carried nothing: it takes no tonnes off the others', () => {
  // a stopped belt drifting to −100 t/h, then a minute at 101 t/h; power 500 kW throughout
  const k = plantKpis({
    from: min(0),
    to: min(2),
    feed: series([-100, 101]),
    product: series([-100, 80]),
    ash: null,
    density: null,
    power: series([500, 500]),
    ashTargetPct: null,
    densityTargetKgm3: null,
    runningAboveTph: 50,
  });
  // 101 / 60 t, not (−100 + 101) / 60 = 1/60 t (which made 1 000 kWh/t)
  assert.equal(k.feedTonnes, 1.683);
  assert.equal(k.productTonnes, 1.333);
  assert.equal(k.yieldPct, 79.208);
  // (500 + 500) / 60 kWh ÷ 101 / 60 t = 9.901 kWh/t (standby in the stopped minute counts)
  assert.equal(k.energyKWhPerTonne, 9.901);
  assert.equal(k.downtimeMinutes, 1);
});

test('product ash is weighted by product tonnage; density deviation from its target', () => {
  const k = plantKpis({
    from: min(0),
    to: min(4),
    feed: series([1000, 1000, 1000, 1000]),
    product: series([600, 200, 600, 600]),
    // minute 3 has ash but the product minute is weighed too; minute 0..3
    ash: series([9, 13, 10, 11]),
    density: series([1500, 1520, 1470, 1510]),
    ashTargetPct: 10,
    densityTargetKgm3: 1500,
    runningAboveTph: 100,
  });
  // (9·600 + 13·200 + 10·600 + 11·600) / 2000 = (5400+2600+6000+6600)/2000 = 10.3
  assert.equal(k.productAshPct, 10.3);
  assert.equal(k.ashDeviationPct, 0.3);
  assert.equal(k.ashAboveTargetMinutes, 2);
  // mean 1500; |dev| 0, 20, 30, 10 → mean 15, max 30
  assert.equal(k.densityMeanKgm3, 1500);
  assert.equal(k.densityMeanAbsDeviationKgm3, 15);
  assert.equal(k.densityMaxAbsDeviationKgm3, 30);
  assert.equal(k.downtimeMinutes, 0);
  assert.equal(k.stoppages, 0);
  assert.equal(k.availabilityPct, 100);
});

test('no data gives null, never zero; the whole window down without feed data', () => {
  const k = plantKpis({
    from: min(0),
    to: min(10),
    feed: [],
    product: null,
    ash: series([8, 10]),
    density: [],
    ashTargetPct: null,
    densityTargetKgm3: 1500,
    runningAboveTph: 100,
  });
  assert.equal(k.feedTonnes, null);
  assert.equal(k.productTonnes, null);
  assert.equal(k.yieldPct, null);
  assert.equal(k.downtimeMinutes, 10);
  assert.equal(k.stoppages, 1);
  assert.equal(k.availabilityPct, 0);
  assert.equal(k.feedTphRunning, null);
  // no product weights: the plain mean
  assert.equal(k.productAshPct, 9);
  assert.equal(k.ashDeviationPct, null);
  assert.equal(k.densityMeanKgm3, null);
});

test('points outside [from, to) are ignored', () => {
  const k = plantKpis({
    from: min(1),
    to: min(3),
    feed: series([6000, 600, 600, 6000]),
    product: series([6000, 300, 300, 6000]),
    ash: null,
    density: null,
    ashTargetPct: null,
    densityTargetKgm3: null,
    runningAboveTph: 100,
  });
  assert.equal(k.feedTonnes, 20);
  assert.equal(k.yieldPct, 50);
});
