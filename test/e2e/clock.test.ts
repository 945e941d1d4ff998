// One clock in Chromium: a reader whose browser is in Moscow sees a server-made moment (an
// alarm of the example's plant) at the same hour, named as Kemerovo time, as a reader whose
// browser is in Kemerovo: the web app shows the cluster's time, not the browser's zone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { base, browser, logIn, skip, startServerAndBrowser } from './harness.ts';

startServerAndBrowser('dc-e2e-clock-');

/** The Plant page's alarms table and the newest alarm's moment, in a browser in zone `tz`. */
async function alarmsIn(tz: string): Promise<{ table: string; raisedAt: string }> {
  const context = await browser!.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'ru-RU',
    timezoneId: tz,
  });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await logIn(page, 'dispatcher@cof-yuzhnaya.example', 'demo-plant-2026');
    // the browser really is in `tz`: its own clock says so
    assert.equal(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone), tz);
    await page.goto(`${base}/#/plant`);
    const table = page.getByTestId('alarms-table');
    await table.locator('tbody tr').first().waitFor();
    const alarms = await page.request.get(`${base}/api/v1/alarms`);
    assert.equal(alarms.status(), 200);
    const [newest] = (await alarms.json()) as Array<{ raisedAt: string }>;
    const text = (await table.textContent()) ?? '';
    assert.deepEqual(errors, []);
    return { table: text, raisedAt: newest.raisedAt };
  } finally {
    await context.close();
  }
}

test('an alarm shows the same hour, in Kemerovo time, to a browser in Moscow and in Kemerovo', {
  skip,
  timeout: 60_000,
}, async () => {
  const moscow = await alarmsIn('Europe/Moscow');
  const kemerovo = await alarmsIn('Asia/Novokuznetsk');
  assert.equal(moscow.table, kemerovo.table);
  // the newest alarm's time of day as Kemerovo (UTC+7) reads it, named
  const k = new Date(Date.parse(moscow.raisedAt) + 7 * 3600_000);
  const hhmm = [k.getUTCHours(), k.getUTCMinutes()].map((n) => String(n).padStart(2, '0'));
  assert.ok(
    moscow.table.includes(`${hhmm.join(':')} (Кемерово)`),
    `${hhmm.join(':')} (Кемерово) in ${moscow.table}`,
  );
  // not Moscow's own clock (four hours behind)
  const m = new Date(Date.parse(moscow.raisedAt) + 3 * 3600_000);
  const mhhmm = [m.getUTCHours(), m.getUTCMinutes()].map((n) => String(n).padStart(2, '0'));
  assert.ok(!moscow.table.includes(`${mhhmm.join(':')} (Кемерово)`));
});
