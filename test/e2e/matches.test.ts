// The match lifecycle in Chromium: decline (confirming) → a new saved plan does not bring the
// pair back; a withdrawn listing's proposal shows closed; both sides accept → the counterparty's
// contact; the header badge follows; the inbox fits 1366 px.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  base,
  logIn,
  logOut,
  type Match,
  pair,
  results,
  skip,
  startServerAndBrowser,
  watchedPage,
} from './harness.ts';

const plant = { email: 'ecologist@myski-gres.example', password: 'demo-myski-2026' };

startServerAndBrowser('dc-e2e-matches-');

const api = (page: Page, method: string, path: string) =>
  page.evaluate(
    async ({ method, path }) => {
      const r = await fetch(path, {
        method,
        headers: method === 'GET' ? {} : { 'content-type': 'application/json' },
        ...(method === 'GET' ? {} : { body: '{}' }),
      });
      return { status: r.status, body: await r.json() };
    },
    { method, path },
  );
const badge = async (page: Page) => {
  const b = page.getByTestId('inbox-badge');
  return (await b.count()) ? Number((await b.locator('[aria-hidden]').textContent()) ?? 0) : 0;
};

test('H2 H3 L1 M5 matches: decline memory, withdrawal closes, agreement shows the counterparty, all fits 1366 px', {
  skip,
  timeout: 240_000,
}, async () => {
  const { context, page, foreign, pageErrors } = await watchedPage();
  await page.setViewportSize({ width: 1366, height: 900 });
  await logIn(page, plant.email, plant.password);
  assert.equal((await api(page, 'POST', '/api/v1/exchange/plans')).status, 201);
  await page.goto(`${base}/#/matches`);
  await page.getByTestId('matches-table').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="inbox-badge"]'));
  const before = await badge(page);
  assert.ok(before > 0, 'the badge counts what waits');
  const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= innerWidth);
  assert.ok(await fits(), 'the inbox fits 1366 px');
  // on a phone the closed menu still counts what waits
  await page.setViewportSize({ width: 375, height: 740 });
  const onMenu = page.getByTestId('menu-inbox-badge');
  assert.ok(await onMenu.isVisible(), 'the menu button shows the count');
  assert.equal(Number(await onMenu.locator('[aria-hidden]').textContent()), before);
  await page.setViewportSize({ width: 1366, height: 900 });
  assert.ok(!(await onMenu.isVisible()), 'no menu button on a wide screen');

  // the plant's offers with open proposals: one offer with two (one declined here, the other
  // closed below when the offer is withdrawn) and another offer (agreed at the end); the
  // proposals come in no set order, so they are picked by listing, not by row
  const mine: Match[] = (await api(page, 'GET', '/api/v1/matches')).body.filter(
    (m: Match) => m.status === 'proposed' && m.yourSides.includes('supply'),
  );
  const byOffer = new Map<string, Match[]>();
  for (const m of mine)
    byOffer.set(m.supply.listingId, [...(byOffer.get(m.supply.listingId) ?? []), m]);
  const twice = [...byOffer.values()].find((ms) => ms.length >= 2);
  assert.ok(twice, 'an offer with two open proposals');
  const otherOffer = [...byOffer.keys()].find((l) => l !== twice[0].supply.listingId);
  assert.ok(otherOffer, 'another offer with an open proposal');

  // decline one, confirming
  const id = twice[0].id;
  const row = page.locator(`[data-testid="matches-table"] tbody tr[data-match="${id}"]`);
  await row.getByTestId('decline-match').click();
  assert.ok(await fits(), 'the confirmation fits 1366 px (M5)');
  await page.screenshot({ path: join(results, 'matches-decline-confirm-1366.png') });
  await row.getByRole('button', { name: 'Да, отклонить' }).click();
  await page.waitForFunction(
    (n) =>
      Number(
        document.querySelector('[data-testid="inbox-badge"] [aria-hidden]')?.textContent ?? 0,
      ) ===
      n - 1,
    before,
  );
  const declined: Match = (await api(page, 'GET', `/api/v1/matches/${id}`)).body;
  assert.equal(declined.status, 'declined');

  // a new plan does not bring the pair back
  assert.equal((await api(page, 'POST', '/api/v1/exchange/plans')).status, 201);
  const all: Match[] = (await api(page, 'GET', '/api/v1/matches')).body;
  assert.deepEqual(
    all.filter((m) => pair(m) === pair(declined)).map((m) => m.status),
    ['declined'],
  );

  // withdraw the offer of the declined one: its other open proposal shows closed, without buttons
  const open = twice[1];
  const w = await api(page, 'POST', `/api/v1/listings/${open.supply.listingId}/withdraw`);
  assert.equal(w.status, 200, JSON.stringify(w.body));
  await page.goto(`${base}/#/plan`);
  await page.goto(`${base}/#/matches`);
  await page.getByTestId('tab-closed').click();
  const closed = page.locator(`tr[data-match="${open.id}"]`);
  await closed.waitFor();
  assert.equal(await closed.getByTestId('match-status').textContent(), 'закрыто');
  assert.match(
    (await closed.getByTestId('match-closed-reason').textContent()) ?? '',
    /вы сняли своё объявление/,
  );
  assert.equal(await closed.getByTestId('accept-match').count(), 0);
  await page.screenshot({ path: join(results, 'matches-closed-1366.png') });
  // the tab lives in the address: a reload opens it again; a tab there is not opens the default
  assert.match(page.url(), /#\/matches\?tab=closed$/);
  await page.reload();
  await page.locator(`tr[data-match="${open.id}"]`).waitFor();
  assert.equal(await page.getByTestId('tab-closed').getAttribute('aria-selected'), 'true');
  await page.goto(`${base}/#/matches?tab=nonsense`);
  await page.reload();
  await page.getByTestId('matches-table').waitFor();
  assert.equal(await page.getByTestId('tab-closed').getAttribute('aria-selected'), 'false');
  assert.equal(await page.locator('[role="tab"][aria-selected="true"]').count(), 1);

  // accept both sides of one (the plant's demo user accepts its side, the operator the other)
  const agree = (await api(page, 'GET', '/api/v1/matches')).body.find(
    (m: Match) =>
      m.status === 'proposed' && m.yourSides.length === 1 && m.supply.listingId === otherOffer,
  ) as Match;
  assert.ok(agree, 'an open proposal to agree');
  assert.equal((await api(page, 'POST', `/api/v1/matches/${agree.id}/accept`)).status, 200);
  await logOut(page);
  await logIn(page, 'operator@digicluster.example', 'operator-demo-2026');
  assert.equal((await api(page, 'POST', `/api/v1/matches/${agree.id}/accept`)).status, 200);
  await logOut(page);
  await logIn(page, plant.email, plant.password);
  await page.goto(`${base}/#/matches`);
  await page.getByTestId('tab-accepted').click();
  const agreed = page.locator(`tr[data-match="${agree.id}"]`);
  await agreed.getByTestId('counterparty-contact').waitFor();
  assert.match(
    (await agreed.getByTestId('counterparty-contact').textContent()) ?? '',
    /ИНН \d{10}.*договор: из согласованной пары открыта сделка/,
  );
  // the next step is a real deal, opened from this match, one click away: that very deal
  const deals = await api(page, 'GET', '/api/v1/deals');
  const opened = deals.body.items.find((d: { matchId?: string }) => d.matchId === agree.id);
  assert.ok(opened, 'a deal opened from the agreed match');
  const toDeal = agreed.getByRole('link', { name: 'Перейти к сделке' });
  assert.equal(await toDeal.getAttribute('href'), `#/deals/${opened.id}`);
  // a pair whose figures fit no deal opens none: the step says so and leads to the deals page
  // (the server's list answered without that deal, as it would be)
  // the deals list, whatever its query (the page asks for `?fromMatch=true`)
  const dealList = (url: URL) => url.pathname === '/api/v1/deals';
  await page.route(dealList, (r) =>
    r.fulfill({
      json: {
        items: deals.body.items.filter((d: { matchId?: string }) => d.matchId !== agree.id),
      },
    }),
  );
  await page.reload();
  await page.getByTestId('tab-accepted').click();
  const step = agreed.locator('.next-step');
  await step.filter({ hasText: 'сама не открылась' }).waitFor();
  assert.equal(
    await step.getByRole('link', { name: 'Перейти к сделкам' }).getAttribute('href'),
    '#/deals',
  );
  await page.unroute(dealList);
  await page.reload();
  await page.getByTestId('tab-accepted').click();
  await agreed.getByRole('link', { name: 'Перейти к сделке' }).waitFor();
  // L1: whom to write to
  assert.match(
    (await agreed.getByTestId('counterparty-person').textContent()) ?? '',
    /Контакт: .+@/,
  );
  assert.ok(await fits());
  await page.screenshot({ path: join(results, 'matches-agreed-1366.png'), fullPage: true });
  for (const [w, lang] of [
    [768, 'ru'],
    [1366, 'en'],
    [768, 'en'],
  ] as const) {
    await page.setViewportSize({ width: w, height: 900 });
    if (lang === 'en') await page.locator('.lang-btn[lang="en"]').click();
    await page.getByTestId('tab-accepted').click();
    assert.ok(await fits(), `fits ${w} px in ${lang}`);
    await page.screenshot({ path: join(results, `matches-${lang}-${w}.png`), fullPage: true });
  }
  await page.goto(`${base}/#/plan`);
  await page.getByRole('button', { name: /Run the plan/ }).click();
  await page.getByTestId('plan-warnings').waitFor({ timeout: 60_000 });
  await page.locator('[data-testid="plan-warnings"] summary').click();
  assert.ok((await page.getByTestId('warning-link').count()) > 0, 'warnings link listings');
  await page
    .getByTestId('plan-warnings')
    .screenshot({ path: join(results, 'plan-warnings-en-768.png') });
  assert.deepEqual(foreign, []);
  assert.deepEqual(pageErrors, []);
  await context.close();
});
