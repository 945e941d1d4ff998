// The Plant page in Chromium against a real server seeded with the Kuzbass example: an org
// admin registers a plant's instruments and posts their telemetry over HTTP (an ash excursion
// among it); the page shows the KPIs, the live charts (uPlot, loaded lazily) and the ash
// alarm, which is acknowledged; it fits 1366 and 768 px in both languages.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { base, logIn, results, skip, startServerAndBrowser, watchedPage } from './harness.ts';

startServerAndBrowser('dc-e2e-plant-');

const SITE = 'yuzhny-pit';

/**
 * Leaves the Plant page for the overview and comes back, once the page is gone: two hash
 * changes in a row may reach React in one render, and the page would never be left.
 */
async function openPlantAgain(page: Page) {
  await page.goto(`${base}/#/`);
  await page.getByTestId('plant-site').waitFor({ state: 'detached' });
  await page.goto(`${base}/#/plant`);
}

test('plant: KPIs and an alarm from telemetry, acknowledged; fits 1366 and 768', {
  skip,
  timeout: 240_000,
}, async () => {
  const { context, page, foreign, pageErrors } = await watchedPage();
  try {
    await logIn(page, 'ecologist@razrez-yuzhny.example', 'demo-yuzhny-2026');
    // before any plant: the empty state
    await page.goto(`${base}/#/plant`);
    await page.getByText('Фабрика площадки не описана').waitFor();

    const api = page.request;
    const devices: Record<string, { id: string; token: string }> = {};
    for (const [role, profileId] of [
      ['feed', 'belt-scale'],
      ['product', 'belt-scale'],
      ['ash', 'ash-analyser'],
    ]) {
      const r = await api.post(`${base}/api/v1/devices`, {
        data: { siteId: SITE, profileId, name: role },
      });
      assert.equal(r.status(), 201, await r.text());
      devices[role] = await r.json();
    }
    const put = await api.put(`${base}/api/v1/sites/${SITE}/plant`, {
      data: {
        feedDeviceId: devices.feed.id,
        productDeviceId: devices.product.id,
        ashDeviceId: devices.ash.id,
        ashTargetPct: 10,
        runningAboveTph: 100,
      },
    });
    assert.equal(put.status(), 200, await put.text());
    // 30 minutes ending a minute ago: 800 t/h in, 600 t/h out, ash 9.5 % with 13 % at minute 20
    const start = Math.floor(Date.now() / 60_000) * 60_000 - 31 * 60_000;
    const points = (key: string, value: (i: number) => number) =>
      Array.from({ length: 30 }, (_, i) => ({
        id: `e2e-${key}-${i}`,
        ts: new Date(start + i * 60_000).toISOString(),
        values: { [key]: value(i) },
      }));
    for (const [role, pts] of [
      ['feed', points('throughput_tph', () => 800)],
      ['product', points('throughput_tph', () => 600)],
      ['ash', points('ash_pct', (i) => (i >= 20 && i < 23 ? 13 : 9.5))],
    ] as const) {
      const r = await api.post(`${base}/api/v1/telemetry`, {
        headers: { authorization: `Bearer ${devices[role].token}` },
        data: { device: devices[role].id, points: pts },
      });
      assert.equal(r.status(), 200, await r.text());
    }
    // the excursion raised the alarm and the return cleared it; a fresh one stays active
    const r = await api.post(`${base}/api/v1/telemetry`, {
      headers: { authorization: `Bearer ${devices.ash.token}` },
      data: {
        device: devices.ash.id,
        points: [{ id: 'e2e-now', ts: new Date().toISOString(), values: { ash_pct: 12.2 } }],
      },
    });
    assert.equal(r.status(), 200);

    for (const width of [1366, 768]) {
      await page.setViewportSize({ width, height: 900 });
      // the page as opened now: the one opened before the plant was described showed none
      await openPlantAgain(page);
      const kpis = page.getByTestId('plant-kpis');
      await kpis.waitFor().catch(async (e: Error) => {
        await page.screenshot({ path: join(results, `plant-kpis-missing-${width}.png`) });
        const text = (await page.locator('body').textContent())?.slice(0, 600);
        throw new Error(`${e.message}\nthe page showed: ${text}`);
      });
      // 30 minutes at 800 t/h = 400 t; yield 600/800 = 75 %
      await page.getByTestId('kpi-feed').getByText('400 т').waitFor();
      assert.match((await page.getByTestId('kpi-yield').textContent()) ?? '', /75/);
      await page.getByTestId('chart-throughput').locator('canvas').waitFor();
      await page.getByTestId('alarms-table').waitFor();
      const [scrollWidth, innerWidth] = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        window.innerWidth,
      ]);
      assert.ok(scrollWidth <= innerWidth, `${width}: ${scrollWidth} px wide in ${innerWidth}`);
    }

    const table = page.getByTestId('alarms-table');
    // the rule in words, not its id
    assert.match((await table.textContent()) ?? '', /ash_pct выше 11,5/);
    assert.match((await table.textContent()) ?? '', /Снята/);
    const statuses = () => table.getByTestId('alarm-status').allTextContents();
    assert.ok((await statuses()).includes('Активна'));
    await page.getByTestId('acknowledge').first().click();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="alarm-status"]')].some(
        (e) => e.textContent === 'Принята',
      ),
    );
    assert.ok(!(await statuses()).includes('Активна'));

    // the device registry: a device needs a name; a new device's token is shown once
    const devicesBefore = await page.getByTestId('devices-table').locator('tbody tr').count();
    await page.getByTestId('device-registry').locator('button[type="submit"]').click();
    await page.getByTestId('device-registry').getByText('Назовите устройство').waitFor();
    assert.equal(await page.getByTestId('device-token').count(), 0);
    assert.equal(
      await page.getByTestId('devices-table').locator('tbody tr').count(),
      devicesBefore,
    );
    await page.locator('input[name="deviceName"]').fill('Плотномер');
    await page.getByTestId('device-registry').locator('select').nth(1).selectOption('dense-medium');
    await page.getByTestId('device-registry').locator('button[type="submit"]').click();
    await page.getByTestId('device-token').waitFor();
    assert.match((await page.getByTestId('device-token').textContent()) ?? '', /dcd_/);

    // in English
    await page.locator('.lang-btn', { hasText: /^EN$/ }).click();
    await page.getByRole('heading', { name: 'Plant' }).waitFor();
    await page.getByTestId('kpi-yield').getByText('Concentrate yield').waitFor();
    await page.getByText('Acknowledged').first().waitFor();

    assert.deepEqual(foreign, []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('the example plant shows its seeded day: KPIs, charts and the ash alarm, in both languages', {
  skip,
  timeout: 180_000,
}, async () => {
  const { context, page, pageErrors } = await watchedPage();
  try {
    await logIn(page, 'dispatcher@cof-yuzhnaya.example', 'demo-plant-2026');
    await page.goto(`${base}/#/plant`);
    await page.getByTestId('plant-kpis').waitFor();
    // 24 h at ~800 t/h less a stoppage: thousands of tonnes, a yield near 72 %
    const feed = (await page.getByTestId('kpi-feed').textContent()) ?? '';
    assert.match(feed, /\d[\d\s\u00a0]{3,} т/);
    assert.match((await page.getByTestId('kpi-yield').textContent()) ?? '', /7\d/);
    await page.getByTestId('chart-ash').locator('canvas').waitFor();
    const alarms = page.getByTestId('alarms-table');
    await alarms.waitFor();
    // the rule in words and the example's device by its name
    assert.match((await alarms.textContent()) ?? '', /ash_pct выше 11,5Золомер концентрата/);
    assert.ok((await page.getByTestId('devices-table').locator('tbody tr').count()) >= 6);
    // the charts' legend in the UI's language: the instant under the cursor and the value
    const ashLegend = async () => {
      const chart = page.getByTestId('chart-ash');
      await chart.locator('.u-over').hover();
      return (await chart.locator('.u-legend').textContent()) ?? '';
    };
    const ru = await ashLegend();
    assert.match(ru, /Время/);
    assert.match(ru, /\d{1,2} [а-я]{3,5}\.? \d{4}/, `a Russian date in ${ru}`);
    assert.match(ru, /\d,\d/, `a decimal comma in ${ru}`);
    assert.doesNotMatch(ru, /\d\.\d|[AP]M/);
    await page.getByTestId('chart-ash').screenshot({ path: join(results, 'plant-chart-ru.png') });
    await page.locator('.lang-btn', { hasText: /^EN$/ }).click();
    await page.getByTestId('kpi-feed').getByText('Feed').waitFor();
    // the charts are rebuilt with English labels
    await page
      .getByTestId('chart-throughput')
      .locator('.u-legend')
      .getByText('Concentrate', { exact: true })
      .waitFor();
    const en = await ashLegend();
    assert.match(en, /Time/);
    assert.match(en, /Ash Ad, %/);
    assert.match(en, /\d{1,2} [A-Z][a-z]{2} \d{4}/, `an English date in ${en}`);
    assert.match(en, /\d\.\d/, `a decimal point in ${en}`);
    await page.getByTestId('chart-ash').screenshot({ path: join(results, 'plant-chart-en.png') });
    assert.match((await alarms.textContent()) ?? '', /Cleared/);
    assert.match((await alarms.textContent()) ?? '', /ash_pct above 11\.5/);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});
