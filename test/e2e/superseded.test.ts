// A newer saved plan replaces the unanswered proposals whose volume it changes: the saving says
// how many, the closed tab says why, in Russian and English. Its own server: the seed's proposals,
// untouched by the other walks.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  base,
  callApi,
  logIn,
  logOut,
  type Match,
  pair,
  results,
  skip,
  startServerAndBrowser,
  watchedPage,
} from './harness.ts';

startServerAndBrowser('dc-e2e-superseded-');

/** Runs the plan on the page and waits for its answer: the reader's own plan, not the last. */
async function runPlan(page: Page) {
  await Promise.all([
    page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/exchange/plan'),
      { timeout: 60_000 },
    ),
    page.getByTestId('run-plan').click(),
  ]);
  await page.getByTestId('flows-table').waitFor({ timeout: 60_000 });
}

/** Saves the plan on the page: the saving's answer (what it proposed, and what not). */
async function savePlan(page: Page) {
  const [answer] = await Promise.all([
    page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/exchange/plans'),
    ),
    page.getByTestId('save-plan').click(),
  ]);
  return answer.json();
}

test('a newer plan that changes the volume of an unanswered proposal replaces it: the saving says how many, the closed tab why', {
  skip,
  timeout: 180_000,
}, async () => {
  const { context, page, foreign, pageErrors } = await watchedPage();
  await page.setViewportSize({ width: 1366, height: 900 });
  // the seed's saved plan proposed all of Myski GRES's ash-and-slag, most of it to one road
  // builder; a new request that pays three times as much takes 100 000 t of it: the plan must
  // lower the volume of a proposal nobody has answered (a mere tie no longer would: of equally
  // good plans the one nearest to the open proposals is taken)
  await logIn(page, 'ecologist@razrez-yuzhny.example', 'demo-yuzhny-2026');
  const day = (years: number) => {
    const d = new Date();
    d.setUTCFullYear(d.getUTCFullYear() + years);
    return d.toISOString().slice(0, 10);
  };
  const haulRoads = await callApi(page, 'POST', '/listings', {
    siteId: 'yuzhny-pit',
    side: 'request',
    useId: 'road-base',
    quantityPerYear: 100_000,
    unit: 't',
    availableFrom: day(0),
    availableTo: day(2),
    quality: { size: { max: 40 } },
    priceKopecksPerUnit: 2000_00,
    transportModes: ['road'],
    visibility: 'public',
    status: 'active',
  });
  assert.equal(haulRoads.status, 201, JSON.stringify(haulRoads.body));
  await logOut(page);
  await logIn(page, 'operator@digicluster.example', 'operator-demo-2026');
  const before = (await callApi(page, 'GET', '/matches')).body as Match[];
  await page.goto(`${base}/#/plan`);
  await page.getByTestId('run-plan').click();
  await page.getByTestId('flows-table').waitFor({ timeout: 60_000 });
  const { proposals } = await savePlan(page);
  assert.ok(proposals.superseded > 0, JSON.stringify(proposals));
  const said = (await page.getByTestId('plan-saved').textContent()) ?? '';
  assert.match(
    said,
    new RegExp(
      `заменяют прежние предложения, на которые стороны ещё не ответили \\(другой объём\\): ${proposals.superseded}\\.`,
    ),
  );
  // a replaced proposal reads closed, with the reason, and no buttons
  const all: Match[] = (await callApi(page, 'GET', '/matches')).body;
  const replaced = all.filter((m) => m.status === 'closed' && m.closedReason === 'superseded');
  assert.equal(replaced.length, proposals.superseded);
  for (const m of replaced) {
    const was = before.find((x) => x.id === m.id);
    assert.equal(was?.status, 'proposed', 'an open proposal before');
    assert.ok(
      all.some((x) => x.status === 'proposed' && pair(x) === pair(m)),
      'its pair proposed anew',
    );
  }
  const row = page.locator(`tr[data-match="${replaced[0].id}"]`);
  await page.goto(`${base}/#/matches`);
  await page.getByTestId('tab-closed').click();
  await row.waitFor();
  assert.equal(await row.getByTestId('match-status').textContent(), 'закрыто');
  assert.equal(
    await row.getByTestId('match-closed-reason').textContent(),
    'заменено: новый план обмена предложил эту пару с другим объёмом',
  );
  assert.equal(await row.getByTestId('accept-match').count(), 0);
  // neither side answered, and neither will: not «ожидает»; nor is what the offer has left
  // of use to anyone any more
  for (const side of ['supply', 'demand'])
    assert.equal(await row.getByTestId(`decision-${side}`).textContent(), 'без ответа');
  assert.equal(await row.getByTestId('match-remaining').count(), 0);
  await page.screenshot({ path: join(results, 'matches-superseded-1366.png') });
  await page.locator('.lang-btn[lang="en"]').click();
  await page.getByTestId('tab-closed').click();
  assert.equal(
    await row.getByTestId('match-closed-reason').textContent(),
    'replaced: a newer exchange plan proposed this pair with another volume',
  );
  for (const side of ['supply', 'demand'])
    assert.equal(await row.getByTestId(`decision-${side}`).textContent(), 'no answer');
  // the open proposal that replaced it still waits for both sides
  const anew = all.find((x) => x.status === 'proposed' && pair(x) === pair(replaced[0]))!;
  await page.getByTestId('tab-pending').click();
  const open = page.locator(`tr[data-match="${anew.id}"]`);
  await open.waitFor();
  for (const side of ['supply', 'demand'])
    assert.equal(await open.getByTestId(`decision-${side}`).textContent(), 'pending');
  assert.match(
    (await open.getByTestId('match-remaining').textContent()) ?? '',
    /^\S.* of the offer's \S.* free$/,
  );
  assert.deepEqual(foreign, []);
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test('a plan keeps an agreed match as agreed: its two sides see it marked, in Russian and English; a third party sees a flow', {
  skip,
  timeout: 180_000,
}, async () => {
  const { context, page, foreign, pageErrors } = await watchedPage();
  await page.setViewportSize({ width: 1366, height: 900 });
  await logIn(page, 'operator@digicluster.example', 'operator-demo-2026');
  const sides = (m: Match) => [m.supply.organisationId, m.demand.organisationId];
  const open = ((await callApi(page, 'GET', '/matches')).body as Match[]).filter(
    (m) =>
      m.status === 'proposed' &&
      sides(m).includes('myski-gres') &&
      !sides(m).includes('razrez-yuzhny'),
  );
  // its fly ash if proposed (the list's order is not the walk's to rely on), else any
  const agree = open.find((m) => m.supply.listingId === 'l-ash-myski') ?? open[0];
  assert.ok(agree, "an open proposal of Myski GRES's");
  // the operator accepts every side still pending
  const a = await callApi(page, 'POST', `/matches/${agree.id}/accept`, {});
  assert.equal(a.status, 200, JSON.stringify(a.body));
  assert.equal(a.body.status, 'accepted');
  await logOut(page);
  const row = page.locator(`tr[data-flow="${agree.supply.listingId}>${agree.demand.listingId}"]`);
  const planHere = async () => {
    await page.goto(`${base}/#/plan`);
    await runPlan(page);
    await row.waitFor();
  };
  await logIn(page, 'ecologist@myski-gres.example', 'demo-myski-2026');
  await planHere();
  assert.equal(await row.getByTestId('flow-agreed').textContent(), 'согласовано');
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(results, 'plan-agreed-flow-1366.png') });
  await page.locator('.lang-btn[lang="en"]').click();
  assert.equal(await row.getByTestId('flow-agreed').textContent(), 'agreed');
  assert.match(
    (await row.getByTestId('flow-agreed').getAttribute('title')) ?? '',
    /both sides accepted this match/,
  );
  await page.locator('.lang-btn[lang="ru"]').click();
  await logOut(page);
  // someone on neither side, in the same tab: nothing of the plan the page showed before
  await logIn(page, 'ecologist@razrez-yuzhny.example', 'demo-yuzhny-2026');
  await page.goto(`${base}/#/plan`);
  await page.getByTestId('run-plan').waitFor();
  assert.equal(await page.getByTestId('flows-table').count(), 0, "the last user's plan is gone");
  // and in its own plan the flow, not the agreement
  await planHere();
  assert.equal(await row.getByTestId('flow-agreed').count(), 0);
  assert.deepEqual(foreign, []);
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test('an agreement the listings no longer fit: the plan says why (RU/EN), and the saving says what it could not propose', {
  skip,
  timeout: 180_000,
}, async () => {
  const { context, page, foreign, pageErrors } = await watchedPage();
  await page.setViewportSize({ width: 1366, height: 900 });
  await logIn(page, 'operator@digicluster.example', 'operator-demo-2026');
  // the match the walk above agreed: its request now takes deliveries from 1 km at most
  const agreed = ((await callApi(page, 'GET', '/matches')).body as Match[]).find(
    (m) => m.status === 'accepted' && m.supply.organisationId === 'myski-gres',
  );
  assert.ok(agreed, "the agreed match of Myski GRES's offer");
  const narrowed = await callApi(page, 'PATCH', `/listings/${agreed.demand.listingId}`, {
    maxDistanceKm: 1,
  });
  assert.equal(narrowed.status, 200, JSON.stringify(narrowed.body));
  // and a new request would take all of the offer: the plan sends it there, yet the agreement
  // still holds part of the offer's quantity, so that flow cannot be proposed
  const today = new Date().toISOString().slice(0, 10);
  const next = `${new Date().getUTCFullYear() + 2}-12-31`;
  const offer = (await callApi(page, 'GET', `/listings/${agreed.supply.listingId}`)).body;
  const request = (await callApi(page, 'GET', `/listings/${agreed.demand.listingId}`)).body;
  const all = await callApi(page, 'POST', '/listings', {
    organisationId: 'razrez-yuzhny',
    siteId: 'yuzhny-pit',
    side: 'request',
    // what the agreed request takes, at a price above any other's, and more than every offer of
    // it together: all of them go there, so other offers of the material take none of the room
    // the agreed offer's would need
    ...(request.materialId ? { materialId: request.materialId } : {}),
    ...(request.useId ? { useId: request.useId } : {}),
    quantityPerYear: 10_000_000,
    unit: offer.unit,
    availableFrom: today,
    availableTo: next,
    quality: request.quality,
    priceKopecksPerUnit: 15_000_00,
    transportModes: ['road', 'rail'],
    visibility: 'public',
    status: 'active',
  });
  assert.equal(all.status, 201, JSON.stringify(all.body));
  await page.goto(`${base}/#/plan`);
  // the first walk left the operator reading English
  await page.locator('.lang-btn[lang="ru"]').click();
  await runPlan(page);
  const warnings = page.getByTestId('plan-warnings');
  await warnings.locator('summary').click();
  const leftOut = warnings
    .getByTestId('plan-warning')
    .filter({ hasText: 'согласованное сопоставление' });
  assert.equal(await leftOut.count(), 1);
  const said = (await leftOut.textContent()) ?? '';
  assert.match(
    said,
    /не вошло в план: ни один вид транспорта, принимаемый обеими сторонами, теперь не укладывается в их дальность доставки/,
  );
  assert.ok(!said.includes(agreed.demand.listingId), `names the listings, not their ids: ${said}`);
  // the offer goes elsewhere in the plan, but the agreement still takes its quantity
  const { proposals } = await savePlan(page);
  assert.ok(proposals.noRoom > 0, JSON.stringify(proposals));
  assert.match(
    (await page.getByTestId('plan-saved').textContent()) ?? '',
    new RegExp(
      `Не отправлены, потому что согласованные совпадения уже заняли объём объявления: ${proposals.noRoom}\\.`,
    ),
  );
  await leftOut.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(results, 'plan-agreement-left-out-1366.png') });
  await page.locator('.lang-btn[lang="en"]').click();
  assert.match(
    (await page.getByTestId('plan-saved').textContent()) ?? '',
    new RegExp(
      `Not sent, as agreed matches already take a listing's quantity: ${proposals.noRoom}\\.`,
    ),
  );
  // the server words the warnings: the plan again, in English
  await runPlan(page);
  await warnings.locator('summary').click();
  assert.match(
    (await warnings
      .getByTestId('plan-warning')
      .filter({ hasText: 'the agreed match of the offer' })
      .textContent()) ?? '',
    /was left out of the plan: no transport mode both accept now reaches within their delivery distances/,
  );
  assert.deepEqual(foreign, []);
  assert.deepEqual(pageErrors, []);
  await context.close();
});
