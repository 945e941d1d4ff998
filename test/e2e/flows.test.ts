// The Flows page and the deal page's new cards in Chromium against a server seeded with the
// Kuzbass example, at 1366×768, in Russian and in English.
//
// "The Sankey is only a picture" (checks, Deals): the SVG's links carry their tonnes
// (data-tonnes), and for each kind of organisation the drawn outgoing and incoming tonnes equal
// the mass balance (/api/v1/balance, tonnes, summed by the organisations' kinds); the table below
// the diagram has the same links; a material filter draws the API's filtered links.
//
// The deal page: the transaction-cost card has rows in both languages with the formula; Myski
// GRES's admin registers a weighbridge, links it to an active deal on the page, a weighing it
// sends becomes a delivery whose source column says so, and unlinks it.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { base, logIn, results, skip, startServerAndBrowser, watchedPage } from './harness.ts';

startServerAndBrowser('dc-e2e-flows-');

const operator = { email: 'operator@digicluster.example', password: 'operator-demo-2026' };
const myski = { email: 'ecologist@myski-gres.example', password: 'demo-myski-2026' };

const api = <T>(page: Page, path: string) =>
  page.evaluate(async (p) => {
    const r = await fetch(p);
    if (!r.ok) throw new Error(`${p}: ${r.status}`);
    return r.json();
  }, path) as Promise<T>;

interface DrawnLink {
  source: string;
  target: string;
  tonnes: number;
}
const drawn = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluateAll((els) =>
    els.map((e) => ({
      source: e.getAttribute('data-source') ?? '',
      target: e.getAttribute('data-target') ?? '',
      tonnes: Number(e.getAttribute('data-tonnes')),
    })),
  ) as Promise<DrawnLink[]>;
const sorted = (links: DrawnLink[]) =>
  [...links].sort((a, b) => `${a.source}>${a.target}`.localeCompare(`${b.source}>${b.target}`));
const near = (a: number, b: number, what: string) =>
  assert.ok(Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(b)), `${what}: ${a} ≠ ${b}`);

async function setLanguage(page: Page, lang: 'RU' | 'EN') {
  await page.locator('.lang-btn', { hasText: lang }).click();
}

test('flows: the Sankey in both languages; its SVG links carry the mass balance by kind', {
  skip,
  timeout: 240_000,
}, async () => {
  const { page, foreign, pageErrors } = await watchedPage();
  try {
    await logIn(page, operator.email, operator.password);
    await page.locator('nav a[href="#/flows"]', { hasText: 'Потоки' }).click();
    await page.locator('h1', { hasText: 'Потоки' }).waitFor();
    await page.getByTestId('sankey-link').first().waitFor();
    assert.ok((await page.getByTestId('flow-row').count()) >= 1, 'the table has rows');
    await page.screenshot({ path: join(results, 'flows-ru.png'), fullPage: true });
    await page.screenshot({ path: '/tmp/flows-flows-ru.png', fullPage: true });

    // the chart is as tall as its busiest column needs, between 160 and 460 px
    const chartHeight = async () => Number(await page.getByTestId('sankey').getAttribute('height'));
    const fullHeight = await chartHeight();
    assert.ok(fullHeight >= 160 && fullHeight <= 460, String(fullHeight));
    // the SVG draws what the table lists, and what the API answers
    const svg = sorted(await drawn(page, 'sankey-link'));
    assert.deepEqual(svg, sorted(await drawn(page, 'flow-row')));
    const chain = await api<{ links: { source: string; target: string; valueT: number }[] }>(
      page,
      '/api/v1/flows',
    );
    assert.deepEqual(
      svg,
      sorted(chain.links.map((l) => ({ source: l.source, target: l.target, tonnes: l.valueT }))),
    );

    // …and the mass balance: per kind, drawn out = shipped, drawn in = received (tonnes)
    const balance = await api<{
      organisations: { organisationId: string; unit: string; in: number; out: number }[];
    }>(page, '/api/v1/balance');
    const orgs = await api<
      { items?: { id: string; kind: string }[] } | { id: string; kind: string }[]
    >(page, '/api/v1/organisations');
    const list = Array.isArray(orgs) ? orgs : (orgs.items ?? []);
    const kind = new Map(list.map((o) => [o.id, o.kind]));
    const kinds = new Set<string>();
    const expected = new Map<string, { in: number; out: number }>();
    for (const o of balance.organisations.filter((x) => x.unit === 't')) {
      const k = kind.get(o.organisationId);
      assert.ok(k, `the kind of ${o.organisationId}`);
      kinds.add(k);
      const e = expected.get(k) ?? { in: 0, out: 0 };
      e.in += o.in;
      e.out += o.out;
      expected.set(k, e);
    }
    assert.ok(kinds.size >= 2, `several kinds deliver: ${[...kinds].join(', ')}`);
    for (const k of kinds) {
      const out = svg.filter((l) => l.source === k).reduce((a, l) => a + l.tonnes, 0);
      const inn = svg
        .filter((l) => l.target.replace(/:return$/, '') === k)
        .reduce((a, l) => a + l.tonnes, 0);
      near(out, expected.get(k)!.out, `${k}: drawn out vs shipped`);
      near(inn, expected.get(k)!.in, `${k}: drawn in vs received`);
    }

    // a material filter draws the API's links of that material
    const material = await page
      .locator('select[name="material"] option')
      .nth(1)
      .getAttribute('value');
    assert.ok(material, 'the filter offers materials');
    await page.locator('select[name="material"]').selectOption(material);
    const filtered = await api<{ links: { source: string; target: string; valueT: number }[] }>(
      page,
      `/api/v1/flows?material=${material}`,
    );
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="sankey-link"]').length === n,
      filtered.links.length,
    );
    assert.deepEqual(
      sorted(await drawn(page, 'sankey-link')),
      sorted(filtered.links.map((l) => ({ source: l.source, target: l.target, tonnes: l.valueT }))),
    );
    // the filter is in the address: the same view after a reload, or from a shared link
    assert.match(page.url(), new RegExp(`#/flows\\?material=${material}$`));
    await page.reload();
    // attached: a single flow is a straight path, whose box has no height
    await page.getByTestId('sankey-link').first().waitFor({ state: 'attached' });
    assert.equal(await page.locator('select[name="material"]').inputValue(), material);
    assert.equal(await page.getByTestId('sankey-link').count(), filtered.links.length);
    // fewer flows, no taller a chart; a single one is a band, not a block
    assert.ok((await chartHeight()) <= fullHeight);
    if (filtered.links.length === 1) assert.equal(await chartHeight(), 160);
    // a period with no deliveries: the empty state
    await page.locator('input[name="from"]').fill('1990-01-01');
    await page.locator('input[name="to"]').fill('1990-12-31');
    await page.getByText('Потоков нет').waitFor();
    await page.getByText('Нет поставок этого материала за этот период').waitFor();
    assert.match(page.url(), /&from=1990-01-01&to=1990-12-31$/);
    // all materials: the empty state names the period alone
    await page.getByRole('button', { name: 'Сбросить' }).click();
    await page.getByTestId('sankey-link').first().waitFor();
    await page.locator('input[name="from"]').fill('1990-01-01');
    await page.locator('input[name="to"]').fill('1990-12-31');
    await page.getByText('Нет поставок за этот период — измените фильтр.').waitFor();
    await page.getByRole('button', { name: 'Сбросить' }).click();
    await page.getByTestId('sankey-link').first().waitFor();

    await setLanguage(page, 'EN');
    await page.locator('h1', { hasText: 'Flows' }).waitFor();
    await page.getByTestId('flow-row').first().waitFor();
    assert.match((await page.getByTestId('flows-table').textContent()) ?? '', /Power plant|power/i);
    await page.screenshot({ path: join(results, 'flows-en.png'), fullPage: true });
    await page.screenshot({ path: '/tmp/flows-flows-en.png', fullPage: true });
    // wide enough for the chart: no scrolling hint; on a phone the chart scrolls and says so
    assert.equal(await page.getByTestId('sankey-scroll').count(), 0);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('sankey-scroll').getByText('scroll it sideways').waitFor();
    const wrap = page.locator('.sankey-wrap');
    assert.ok(await wrap.evaluate((el) => el.scrollWidth > el.clientWidth), 'the chart scrolls');
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByTestId('sankey-scroll').waitFor({ state: 'detached' });
    assert.deepEqual(foreign, [], 'nothing loads from outside');
    assert.deepEqual(pageErrors, []);
  } finally {
    await page.context().close();
  }
});

test('deal page: the cost card in both languages; a weighbridge linked, weighing, unlinked', {
  skip,
  timeout: 240_000,
}, async () => {
  const { page, pageErrors } = await watchedPage();
  try {
    await logIn(page, myski.email, myski.password);
    const deals = await api<{ items: { id: string; providerId: string; unit: string }[] }>(
      page,
      '/api/v1/deals?state=active',
    );
    const deal = deals.items.find((d) => d.providerId === 'myski-gres' && d.unit === 't');
    assert.ok(deal, 'Myski GRES has an active deal in tonnes');

    await page.goto(`${base}/#/deals/${deal.id}`);
    const costs = page.getByTestId('deal-costs');
    await costs.getByTestId('cost-row').first().waitFor();
    assert.ok((await costs.getByTestId('cost-row').count()) >= 1);
    assert.match((await costs.textContent()) ?? '', /Сэкономлено/);
    await costs.locator('summary').click();
    assert.match((await page.getByTestId('cost-formula').textContent()) ?? '', /км/);
    assert.match((await page.getByTestId('saved-roubles').textContent()) ?? '', /₽/);
    await costs.screenshot({ path: '/tmp/flows-costs-ru.png' });
    // the ledger is the server's: its lines name the deliveries by their №
    await page.getByTestId('ledger-line').first().waitFor();
    assert.equal(
      await page.getByTestId('ledger-debit').textContent(),
      await page.getByTestId('ledger-credit').textContent(),
    );
    // the deliveries in recording order, each with its source
    const orders = await page
      .getByTestId('delivery-row')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-order'))));
    assert.ok(orders.length >= 1);
    assert.deepEqual(
      orders,
      orders.map((_, i) => i + 1),
    );
    await page.screenshot({ path: '/tmp/flows-deal-ru.png', fullPage: true });

    // a weighbridge of Myski GRES, registered by its admin (the Plant's device API)
    const device = await page.evaluate(async () => {
      const r = await fetch('/api/v1/devices', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          siteId: 'myski-gres-plant',
          profileId: 'weighbridge',
          name: 'E2E автовесы',
        }),
      });
      if (r.status !== 201) throw new Error(`device: ${r.status} ${await r.text()}`);
      return (await r.json()) as { id: string; token: string };
    });
    await page.reload();
    const card = page.getByTestId('deal-weighbridges');
    await card.getByTestId('weighbridges-empty').waitFor();
    await card.locator('select[name="deviceId"]').selectOption(device.id);
    await card.getByTestId('link-weighbridge').click();
    const row = card.locator(`[data-testid="weighbridge-row"][data-device="${device.id}"]`);
    await row.and(page.locator('[data-in-force="true"]')).waitFor();
    assert.match((await row.textContent()) ?? '', /E2E автовесы/);
    assert.match((await row.textContent()) ?? '', /действует/);
    await card.getByTestId('link-blocked').waitFor(); // one weighbridge at a time
    await card.screenshot({ path: '/tmp/flows-weighbridge-ru.png' });

    // a weighing it sends becomes a delivery whose source says «взвешивание»
    const before = await page.getByTestId('delivery-row').count();
    const sent = await page.request.post(`${base}/api/v1/telemetry`, {
      headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' },
      data: {
        device: device.id,
        points: [
          {
            id: 'e2e-w-1',
            ts: new Date(Date.now() - 60_000).toISOString(),
            values: { gross_t: 40.5, tare_t: 15, net_t: 25.5 },
          },
        ],
      },
    });
    assert.equal(sent.status(), 200, await sent.text());
    const fromDevice = page.locator('[data-testid="delivery-row"][data-source="device"]');
    for (let i = 0; i < 20 && (await fromDevice.count()) === 0; i++) {
      await page.waitForTimeout(500);
      await page.reload();
      await page.getByTestId('delivery-row').first().waitFor();
    }
    assert.equal(await fromDevice.count(), 1, 'the weighing is a delivery');
    assert.equal(await page.getByTestId('delivery-row').count(), before + 1);
    assert.match((await fromDevice.textContent()) ?? '', /взвешивание/);
    assert.equal(
      await fromDevice.getAttribute('data-order'),
      String(before + 1),
      'recorded last: the last №',
    );

    await setLanguage(page, 'EN');
    await costs.getByRole('columnheader', { name: 'Saved' }).waitFor();
    assert.ok((await costs.getByTestId('cost-row').count()) >= 1);
    assert.match((await fromDevice.textContent()) ?? '', /weighing/);
    await costs.screenshot({ path: '/tmp/flows-costs-en.png' });
    await page.getByTestId('deal-deliveries').screenshot({ path: '/tmp/flows-deliveries-en.png' });

    await card.getByTestId('unlink-weighbridge').click();
    await row.and(page.locator('[data-in-force="false"]')).waitFor();
    assert.match((await row.textContent()) ?? '', /unlinked/);
    await card.getByTestId('link-weighbridge-form').waitFor(); // free to link again
    await card.screenshot({ path: '/tmp/flows-weighbridge-en.png' });
    assert.deepEqual(pageErrors, []);
  } finally {
    await page.context().close();
  }
});
