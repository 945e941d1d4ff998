// Everything in the user's language (issue 9; user walk M7, M8, L3, L4, L7): English data in
// English mode, no English-only text in Russian mode, coordinates with their hemispheres, the
// map's credit line once whatever the switching, volumes by their scale word.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { base, browser, logIn, results, skip, startServerAndBrowser } from './harness.ts';

startServerAndBrowser('dc-e2e-lang-');

const cyrillic = /[А-Яа-яЁё]/;

async function page(locale: 'ru' | 'en', width = 1366): Promise<Page> {
  const context = await browser!.newContext({ viewport: { width, height: 900 } });
  const p = await context.newPage();
  await p.goto(`${base}/#/`);
  await p.evaluate((l) => localStorage.setItem('digicluster.locale', l), locale);
  await p.reload(); // the app reads the language at start
  return p;
}

/** The map's credit line, once it is drawn. */
async function attribution(p: Page): Promise<string> {
  const control = p.locator('.leaflet-control-attribution');
  await control.waitFor();
  return (await control.textContent()) ?? '';
}

/** The tooltip a site marker shows on hover (dispatched: markers of one spot may overlap). */
async function siteTooltip(p: Page, siteId: string): Promise<string> {
  const marker = p.locator(`path.site-marker[data-site="${siteId}"]`);
  await marker.waitFor({ state: 'attached' });
  await marker.dispatchEvent('mouseover');
  const tip = p.locator('.leaflet-tooltip-pane .leaflet-tooltip').filter({ hasText: /\S/ }).last();
  await tip.waitFor();
  return (await tip.textContent()) ?? '';
}

test('L7 the map credit line appears once after switching RU → EN → RU', { skip }, async () => {
  const p = await page('ru');
  await p.goto(`${base}/#/`);
  const count = (text: string) => text.match(/OpenStreetMap/g)?.length ?? 0;
  const ru = await attribution(p);
  assert.equal(count(ru), 1, ru);
  assert.match(ru, /Граница региона/);
  await p.locator('.lang-btn', { hasText: 'EN' }).click();
  await p.locator('.leaflet-control-attribution', { hasText: 'Region boundary' }).waitFor();
  const en = await attribution(p);
  assert.equal(count(en), 1, en);
  assert.doesNotMatch(en, cyrillic);
  await p.locator('.lang-btn', { hasText: 'RU' }).click();
  await p.locator('.leaflet-control-attribution', { hasText: 'Граница региона' }).waitFor();
  const again = await attribution(p);
  assert.equal(count(again), 1, again);
  assert.doesNotMatch(again, /Region boundary/);
  await p.context().close();
});

test('M7 English overview: the map names organisations, sites and towns in English', {
  skip,
}, async () => {
  const p = await page('en');
  await p.goto(`${base}/#/`);
  await p.getByTestId('cluster-map').waitFor();
  const tip = await siteTooltip(p, 'iskitim-gres-plant');
  assert.match(tip, /Iskitim GRES JSC/);
  assert.doesNotMatch(tip, cyrillic, tip);
  // the agglomerations' names, in English
  const labels = await p.locator('.agg-label').allTextContents();
  assert.deepEqual(labels.sort(), ['Kemerovo', 'Leninsk-Belovo', 'North', 'Novokuznetsk']);
  await p.screenshot({ path: join(results, 'language-overview-en.png') });
  await p.context().close();
});

test('L7 markers of one town are spread apart, not stacked', { skip }, async () => {
  const p = await page('ru');
  await p.goto(`${base}/#/`);
  const markers = p.locator('path.site-marker');
  await markers.first().waitFor({ state: 'attached' });
  const boxes = (await markers.evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2, site: e.getAttribute('data-site') };
    }),
  )) as Array<{ x: number; y: number; site: string }>;
  assert.ok(boxes.length >= 38, `${boxes.length} markers`);
  const stacked: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      if (Math.hypot(boxes[i].x - boxes[j].x, boxes[i].y - boxes[j].y) < 6)
        stacked.push(`${boxes[i].site} / ${boxes[j].site}`);
  assert.deepEqual(stacked, []);
  await p.context().close();
});

test('the map by keyboard: towns are no stops, sites are named buttons, one key skips them all', {
  skip,
}, async () => {
  const p = await page('ru');
  await p.goto(`${base}/#/`);
  await p.locator('path.site-marker').first().waitFor({ state: 'attached' });
  const focused = () =>
    p.evaluate(() => {
      const e = document.activeElement;
      return {
        cls: e?.getAttribute('class') ?? '',
        label: e?.getAttribute('aria-label') ?? e?.textContent ?? '',
        testid: e?.getAttribute('data-testid') ?? '',
      };
    });
  // Tab from the page's start until the skip button of the map has the focus
  let stop = await focused();
  for (let i = 0; i < 30 && stop.testid !== 'map-skip'; i++) {
    await p.keyboard.press('Tab');
    stop = await focused();
  }
  assert.equal(stop.testid, 'map-skip');
  assert.match(stop.label, /Пропустить карту \(площадок на ней: \d+\)/);
  // the stops after it: the map itself, then sites, never a town's dot
  const stops: Array<{ cls: string; label: string }> = [];
  for (let i = 0; i < 6; i++) {
    await p.keyboard.press('Tab');
    stops.push(await focused());
  }
  assert.ok(
    stops.every((s) => !s.cls.includes('city-dot')),
    stops.map((s) => s.cls).join(' | '),
  );
  const site = stops.find((s) => s.cls.includes('site-marker'));
  assert.ok(site, stops.map((s) => s.cls).join(' | '));
  assert.match(site.label, /^[^:]+: .+/, 'organisation: site');
  // Enter opens the site's card with the focus on its link to the participant
  await p.keyboard.press('Enter');
  const card = p.locator('.site-popup');
  await card.waitFor();
  assert.match((await focused()).label, /Карточка участника/);
  // Shift+Tab back to the skip button and over the map: the next stop is past every site
  await p.evaluate(() =>
    (document.querySelector('[data-testid="map-skip"]') as HTMLElement).focus(),
  );
  await p.keyboard.press('Enter');
  assert.equal((await focused()).testid, 'map-after');
  await p.keyboard.press('Tab');
  const next = await focused();
  assert.ok(!/site-marker|city-dot|leaflet/.test(next.cls), next.cls);
  await p.context().close();
});

test('Russian wording on an English page is marked lang="ru": the FKKO catalogue’s', {
  skip,
}, async () => {
  const p = await page('en');
  await p.goto(`${base}/#/marketplace/l-anon-fly-ash-1`);
  const name = p.locator('[lang="ru"]', { hasText: 'Зола от сжигания угля' });
  await name.waitFor();
  // the words around it are the page's: the hazard class, physical state and block in English
  const sub = name.locator('xpath=following-sibling::div[contains(@class, "sub")]');
  const whole = (await sub.textContent()) ?? '';
  assert.equal(
    whole.replace(/\s+/g, ' ').trim(),
    'hazard class V · loose solids · Waste of electricity, gas and steam supply',
  );
  assert.doesNotMatch(whole, cyrillic, whole);
  assert.equal(await sub.locator('[lang="ru"]').count(), 0);
  await p.context().close();
});

test('M7 English participants: English names and region', { skip }, async () => {
  const p = await page('en');
  await p.goto(`${base}/#/participants`);
  const row = p.locator('tr[data-organisation="razrez-yuzhny"]');
  await row.waitFor();
  const text = (await row.textContent()) ?? '';
  assert.match(text, /Razrez Yuzhny LLC/);
  assert.match(text, /Kemerovo Oblast – Kuzbass/);
  assert.doesNotMatch(text, cyrillic, text);
  const regions = await p.locator('td.region-cell').allTextContents();
  assert.ok(regions.length > 20);
  assert.deepEqual(
    regions.filter((r) => cyrillic.test(r)),
    [],
  );
  await p.context().close();
});

test('M7 L3 English participant page: name, description, notes, sites, region, coordinates', {
  skip,
}, async () => {
  const p = await page('en');
  await p.goto(`${base}/#/participants/razrez-yuzhny`);
  await p.locator('h1', { hasText: 'Razrez Yuzhny LLC' }).waitFor();
  const figures = (await p.getByTestId('figures').textContent()) ?? '';
  assert.match(figures, /Kemerovo Oblast – Kuzbass/);
  assert.match(figures, /Open-pit mining of coking and thermal coal near Mezhdurechensk/);
  assert.match(figures, /order of magnitude for an enterprise of this type/);
  assert.doesNotMatch(figures, cyrillic, figures);
  const identifiers = (await p.getByTestId('identifiers').textContent()) ?? '';
  assert.match(identifiers, /a typical south-Kuzbass open pit near Mezhdurechensk/);
  const sites = p.locator('.sites-layout table');
  await sites.waitFor();
  const sitesText = (await sites.textContent()) ?? '';
  assert.match(sitesText, /Razrez Yuzhny, external dump/);
  assert.match(sitesText, /53\.6450°\s+N,\s+87\.9280°\s+E/);
  assert.doesNotMatch(sitesText, cyrillic, sitesText);
  // the table stands beside the map, not under it with half the card empty (user walk)
  const [mapBox, tableBox] = await Promise.all(
    ['.sites-layout .cluster-map', '.sites-layout table'].map((s) => p.locator(s).boundingBox()),
  );
  assert.ok(mapBox && tableBox && tableBox.x >= mapBox.x + mapBox.width, 'side by side');
  const tip = await siteTooltip(p, 'yuzhny-dump');
  assert.match(tip, /Razrez Yuzhny, external dump/);
  await p.screenshot({ path: join(results, 'language-participant-en.png'), fullPage: true });
  await p.context().close();
});

test('M8 L3 L4 Russian participant page: no Latin-only note, hemispheres, «сгенерированы»', {
  skip,
}, async () => {
  const p = await page('ru');
  await p.goto(`${base}/#/participants/razrez-yuzhny`);
  await p.locator('h1', { hasText: 'Разрез Южный' }).waitFor();
  const notes = [
    ...(await p.locator('.prov-note').allTextContents()),
    ...(await p
      .locator('.prov[title]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('title') ?? ''))),
  ];
  assert.ok(notes.length >= 2, `${notes.length} notes`);
  const latinOnly = notes.filter((n) => /[A-Za-z]/.test(n) && !cyrillic.test(n));
  assert.deepEqual(latinOnly, []);
  const identifiers = (await p.getByTestId('identifiers').textContent()) ?? '';
  assert.match(identifiers, /Реквизиты\s*сгенерированы/);
  assert.match(identifiers, /Прообраз\s*типичный разрез юга Кузбасса/);
  assert.doesNotMatch(identifiers, /modelled on/i);
  const sitesText = (await p.locator('.sites-layout table').textContent()) ?? '';
  assert.match(sitesText, /53,6450°\s+с\.\s+ш\.,\s+87,9280°\s+в\.\s+д\./);
  await p.context().close();
});

test('M7 a volume reads by its scale word: 30 000 thousand m³ is 30 million m³', {
  skip,
}, async () => {
  for (const [locale, expected] of [
    ['ru', /30\s+млн\s+м³\/\u2060?год/],
    ['en', /30\s+million\s+m³\/\u2060?yr/],
  ] as const) {
    const p = await page(locale);
    await p.goto(`${base}/#/participants/metan-kuzbassa`);
    const offers = p.getByTestId('listings-offer');
    await offers.waitFor();
    const text = (await offers.textContent()) ?? '';
    assert.match(text, expected, text);
    assert.doesNotMatch(text, /тыс\.\s+м³|thousand m³/, text);
    await p.context().close();
  }
});

test('M7 English marketplace: holders and their sites by their English names; legal notes in Russian mode in Russian', {
  skip,
}, async () => {
  const listings = (await (await fetch(`${base}/api/v1/listings`)).json()) as Array<{
    id: string;
    siteName: string | null;
    siteNameEn?: string | null;
    organisationNameEn: string | null;
    standard?: string;
  }>;
  const named = listings.find((l) => l.siteNameEn && l.organisationNameEn);
  assert.ok(named, 'a listing whose holder and site are shown');
  const en = await page('en');
  await en.goto(`${base}/#/marketplace`);
  const row = en.locator(`tr[data-listing="${named.id}"]`);
  await row.waitFor();
  const text = (await row.textContent()) ?? '';
  assert.ok(text.includes(named.siteNameEn!), `${named.siteNameEn} in ${text}`);
  assert.ok(!text.includes(named.siteName!), `no Russian site name in ${text}`);
  await en.context().close();
  // the example's standards are Russian documents, named as such (no "GOST" in Russian mode)
  assert.deepEqual(
    listings.filter((l) => /GOST|example|plant specification/.test(l.standard ?? '')),
    [],
  );
});

test('L7 a language clicked just before a reload survives it; another device follows the account', {
  skip,
}, async () => {
  const email = 'ecologist@razrez-yuzhny.example';
  const password = 'demo-yuzhny-2026';
  const ctx = await browser!.newContext({ viewport: { width: 1366, height: 900 } });
  const p = await ctx.newPage();
  await logIn(p, email, password);
  await p.locator('h1', { hasText: 'Кластер на карте' }).waitFor();
  // the first save of the choice is held back: the reload's GET /auth/me answers before it lands
  let release = () => {};
  const released = new Promise<void>((r) => {
    release = r;
  });
  let held = 0;
  await p.route('**/api/v1/auth/me', async (route) => {
    if (route.request().method() !== 'PATCH' || held++ > 0) return route.fallback();
    await released;
    await route.continue().catch(() => {}); // the reload may have cancelled it
  });
  await p.locator('.lang-btn', { hasText: 'EN' }).click();
  await p.locator('h1', { hasText: 'The cluster on the map' }).waitFor();
  const [me] = await Promise.all([
    p.waitForResponse((r) => r.url().endsWith('/api/v1/auth/me') && r.request().method() === 'GET'),
    p.reload(),
  ]);
  // the race did happen: the account still said Russian when the page asked
  assert.equal(((await me.json()) as { user: { locale: string } }).user.locale, 'ru');
  // the header shows the user once that answer is applied: by then the page is still English
  await p.locator('.user .user-name').waitFor();
  assert.equal(await p.evaluate(() => document.documentElement.lang), 'en');
  await p.locator('h1', { hasText: 'The cluster on the map' }).waitFor();
  // the page saved the choice again; the server confirms it and the pending mark goes
  await p.waitForFunction(() => localStorage.getItem('digicluster.locale.pending') === null);
  release();
  // another device of the same user reads the saved language
  const other = await browser!.newContext({ viewport: { width: 1366, height: 900 } });
  const q = await other.newPage();
  await logIn(q, email, password);
  await q.locator('h1', { hasText: 'The cluster on the map' }).waitFor();
  assert.equal(await q.evaluate(() => document.documentElement.lang), 'en');
  // the tab's title in the page's language too (a user walk saw it Russian on English pages)
  assert.equal(await q.title(), 'digicluster — Kuzbass');
  // and a choice there reaches the first device at its next start (nothing pending there)
  await q.locator('.lang-btn', { hasText: 'RU' }).click();
  await q.locator('h1', { hasText: 'Кластер на карте' }).waitFor();
  await q.waitForFunction(() => localStorage.getItem('digicluster.locale.pending') === null);
  await p.unrouteAll({ behavior: 'ignoreErrors' });
  await p.reload();
  await p.locator('.user .user-name').waitFor();
  await p.locator('h1', { hasText: 'Кластер на карте' }).waitFor();
  assert.equal(await p.evaluate(() => document.documentElement.lang), 'ru');
  assert.equal(await p.title(), 'digicluster — Кузбасс');
  await other.close();
  await ctx.close();
});

test('a message the page keeps (the login form’s refusal) is worded anew on a switch of language', {
  skip,
}, async () => {
  const p = await page('ru');
  await p.goto(`${base}/#/login`);
  const alert = p.getByTestId('login-form').getByRole('alert');
  // the form's own finding: nothing typed
  await p.getByTestId('login-form').getByRole('button', { name: 'Войти' }).click();
  await alert.filter({ hasText: 'Обязательное поле' }).waitFor();
  await p.locator('.lang-btn', { hasText: 'EN' }).click();
  await alert.filter({ hasText: 'Required' }).waitFor();
  assert.doesNotMatch((await alert.textContent()) ?? '', cyrillic);
  // a malformed address is said as such, with an example, before anything is sent (user walk)
  let sent = 0;
  p.on('request', (r) => {
    if (r.url().includes('/api/v1/auth/login')) sent++;
  });
  await p.fill('input[name="email"]', 'ivanov.ru');
  await p.fill('input[name="password"]', 'not-a-password-2026');
  await p.press('input[name="password"]', 'Enter');
  await alert.filter({ hasText: 'Enter an e-mail address, e.g. name@example.com' }).waitFor();
  assert.equal(sent, 0);
  // the server's 401, worded by the page: it follows the switch back
  await p.fill('input[name="email"]', 'nobody@nowhere.example');
  await p.fill('input[name="password"]', 'not-a-password-2026');
  await p.press('input[name="password"]', 'Enter');
  await alert.filter({ hasText: 'Wrong e-mail or password' }).waitFor();
  await p.locator('.lang-btn', { hasText: 'RU' }).click();
  await alert.filter({ hasText: 'Неверная почта или пароль' }).waitFor();
  // what was typed stays
  assert.equal(await p.inputValue('input[name="email"]'), 'nobody@nowhere.example');
  await p.context().close();
});
