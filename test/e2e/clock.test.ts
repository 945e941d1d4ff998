// One clock in Chromium: a reader whose browser is in Moscow sees a server-made moment (an
// alarm of the example's plant) at the same hour, in Kemerovo time, as a reader whose browser is
// in Kemerovo: the web app shows the cluster's time, not the browser's zone. The alarms table
// names the zone once, in its column's header, and its cells show the bare time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { base, browser, logIn, skip, startServerAndBrowser } from './harness.ts';

startServerAndBrowser('dc-e2e-clock-');

/** The header naming the zone once; each cell is the bare time. */
const RAISED = 'Возникла (кемеровское время)';

/**
 * The Plant page's alarms table, its "raised" cells and the newest alarm's moment, in a browser
 * in zone `tz`.
 */
async function alarmsIn(
  tz: string,
): Promise<{ table: string; raised: string[]; raisedAt: string }> {
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
    assert.equal((await table.locator('thead').textContent())?.includes(RAISED), true);
    const raised = await table.locator(`tbody td[data-label="${RAISED}"]`).allTextContents();
    assert.deepEqual(errors, []);
    return { table: text, raised, raisedAt: newest.raisedAt };
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
  // the newest alarm's time of day as Kemerovo (UTC+7) reads it, under the header naming Kemerovo
  const k = new Date(Date.parse(moscow.raisedAt) + 7 * 3600_000);
  const hhmm = [k.getUTCHours(), k.getUTCMinutes()].map((n) => String(n).padStart(2, '0'));
  assert.ok(
    moscow.raised.some((cell) => cell.endsWith(`, ${hhmm.join(':')}`)),
    `${hhmm.join(':')} in ${moscow.raised.join(' | ')}`,
  );
  // each cell the bare time: the zone named once, in the header
  assert.ok(moscow.raised.length > 0);
  for (const cell of moscow.raised) assert.match(cell, /^\d{1,2} \S+ \d{4} г\., \d{2}:\d{2}$/);
  // not Moscow's own clock (four hours behind)
  const m = new Date(Date.parse(moscow.raisedAt) + 3 * 3600_000);
  const mhhmm = [m.getUTCHours(), m.getUTCMinutes()].map((n) => String(n).padStart(2, '0'));
  assert.ok(!moscow.raised.some((cell) => cell.endsWith(`, ${mhhmm.join(':')}`)));
});
