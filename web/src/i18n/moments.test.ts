// One clock whatever the browser's zone: the formatters run in child processes whose own zone
// is New York, Moscow, Samoa's Pago Pago (UTC−11) and Kiritimati (UTC+14), and must give the
// same text: a moment in Kemerovo time, named (or unnamed, for a column whose header names the
// zone); a calendar day as its own day.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const moments = fileURLToPath(new URL('./moments.ts', import.meta.url));

/** What the formatters give in a process whose local zone is `tz`. */
function inZone(tz: string): Record<string, string> {
  const script = `
    const m = await import(${JSON.stringify(moments)});
    const ru = m.momentFormats('ru');
    const en = m.momentFormats('en');
    // the local clock, to prove the process is in the zone asked for
    const local = new Date('2026-12-01T06:00:00Z').getHours();
    console.log(JSON.stringify({
      local: String(local),
      ruMoment: ru.dateTime('2026-12-01T06:00:00Z'),
      enMoment: en.dateTime('2026-12-01T06:00:00Z'),
      lateMoment: en.dateTime('2026-11-30T20:30:00Z'),
      momentDay: en.date('2026-11-30T20:30:00Z'),
      ruDay: ru.date('2026-12-01'),
      enDay: en.date('2026-12-01'),
      dayAsDateTime: en.dateTime('2026-03-01'),
      ruClock: ru.clock('2026-12-01T06:00:00Z'),
      lateClock: en.clock('2026-11-30T20:30:00Z'),
      dayAsClock: ru.clock('2026-03-01'),
      ruMonth: ru.month('2025-12'),
      enMonth: en.month('2026-01'),
      ruZone: m.clusterZone('ru'),
      enZone: m.clusterZone('en'),
      wall: m.clusterWallTime(Date.parse('2026-11-30T20:30:00Z')),
      fromWall: m.fromClusterWallTime('2026-12-01T03:30'),
      clusterDay: m.clusterDay(Date.parse('2026-11-30T20:30:00Z')),
    }));`;
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '--eval', script],
    { env: { ...process.env, TZ: tz }, encoding: 'utf8' },
  );
  return JSON.parse(out);
}

test('a moment shows Kemerovo time, named or not; a calendar day its own day, in any local zone', () => {
  const expected = {
    ruMoment: '1 дек. 2026 г., 13:00 (кемеровское время)',
    enMoment: '1 Dec 2026, 13:00 (Kemerovo time)',
    // 20:30 UTC on 30 November is 03:30 on 1 December in Kemerovo
    lateMoment: '1 Dec 2026, 03:30 (Kemerovo time)',
    momentDay: '1 Dec 2026',
    ruDay: '1 дек. 2026 г.',
    enDay: '1 Dec 2026',
    dayAsDateTime: '1 Mar 2026',
    // the same clock, the zone unnamed: a column's header names it once
    ruClock: '1 дек. 2026 г., 13:00',
    lateClock: '1 Dec 2026, 03:30',
    dayAsClock: '1 мар. 2026 г.',
    // a calendar month is the same month in every zone (Pago Pago is still in November at its start)
    ruMonth: 'дек. 2025 г.',
    enMonth: 'Jan 2026',
    ruZone: 'кемеровское время',
    enZone: 'Kemerovo time',
    wall: '2026-12-01T03:30',
    fromWall: '2026-11-30T20:30:00.000Z',
    clusterDay: '2026-12-01',
  };
  const localHours: Record<string, string> = {
    'America/New_York': '1',
    'Europe/Moscow': '9',
    'Pacific/Pago_Pago': '19',
    'Pacific/Kiritimati': '20',
  };
  for (const [tz, hour] of Object.entries(localHours)) {
    const { local, ...shown } = inZone(tz);
    assert.equal(local, hour, `the child process runs in ${tz}`);
    assert.deepEqual(shown, expected, tz);
  }
});
