// Waste licences on the deal page, in Chromium against a server seeded with the Kuzbass
// example: «Мысковская ГРЭС» opens its ash-slag deal (class IV) with «ДорСтрой-Юг», which
// holds no licence on the platform, and sees the warning — the receiver's utilisation licence
// and its own transport licence missing — in Russian, then in English; its fly-ash deal with
// «Цемент Томь» (a demo licence) shows the licences found and no warning. On «My organisation»
// the GRES's admin records a licence (the browser first names an activity left unticked, then
// the server a number recorded twice), sees it listed and counted by the deal's checks, and
// strikes it off; an observer reads the card without a form.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { base, logIn, results, skip, startServerAndBrowser, watchedPage } from './harness.ts';

startServerAndBrowser('dc-e2e-licences-');

test('the deal page warns of a missing waste licence, in both languages', {
  skip,
  timeout: 180_000,
}, async () => {
  const { page, foreign, pageErrors } = await watchedPage();
  try {
    await logIn(page, 'ecologist@myski-gres.example', 'demo-myski-2026');
    const deals = (await page.evaluate(async () => (await fetch('/api/v1/deals')).json())) as {
      items: { id: string; consumerId: string; material: string }[];
    };
    const ashSlag = deals.items.find((d) => d.consumerId === 'dorstroy-yug')!;
    const flyAsh = deals.items.find(
      (d) => d.consumerId === 'tsement-tom' && d.material === 'fly-ash',
    )!;

    await page.goto(`${base}/#/deals/${ashSlag.id}`);
    const card = page.getByTestId('deal-licences');
    await card.waitFor();
    await card
      .getByTestId('licence-warning')
      .filter({ hasText: 'Не хватает лицензий: 2' })
      .waitFor();
    // one of the two is the reader's own (Myski GRES carries): it is told where to record it
    const warning = (await card.getByTestId('licence-warning').textContent()) ?? '';
    assert.match(
      warning,
      /Лицензии контрагента проверьте у него, лицензии вашей организации внесите на странице «Моя организация»/,
    );
    assert.equal(await card.getByTestId('licence-own-link').getAttribute('href'), '#/organisation');
    const missing = card.locator('li[data-status="missing"]');
    assert.equal(await missing.count(), 2);
    assert.match(
      (await missing.first().textContent()) ?? '',
      /ДорСтрой-Юг.*нет лицензии на утилизацию отходов IV класса опасности/,
    );
    assert.match((await missing.nth(1).textContent()) ?? '', /транспортирование/);
    // the terms say what the receiver does with the waste: what its licence was checked for
    assert.equal(await page.getByTestId('deal-waste-purpose').textContent(), 'утилизация');
    await page.screenshot({ path: join(results, 'licences-deal-ru.png'), fullPage: true });

    // English: the checks come again, worded in it
    await page.locator('.lang-btn', { hasText: 'EN' }).click();
    await card.getByTestId('licence-warning').filter({ hasText: 'Licences missing: 2' }).waitFor();
    await card
      .locator('li[data-status="missing"]', { hasText: 'no licence for utilisation' })
      .waitFor();
    assert.equal(await page.getByTestId('deal-waste-purpose').textContent(), 'utilisation');
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.screenshot({ path: join(results, 'licences-deal-en-768.png'), fullPage: true });

    // the fly-ash deal: the cement plant's demo licence covers it
    await page.goto(`${base}/#/deals/${flyAsh.id}`);
    await card.locator('li[data-status="found"]').first().waitFor();
    assert.equal(await card.locator('li[data-status="found"]').count(), 2);
    assert.equal(await card.getByTestId('licence-warning').count(), 0);
    assert.deepEqual(foreign, []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await page.context().close();
  }
});

test('my organisation: the admin records a waste licence, sees it listed and strikes it off', {
  skip,
  timeout: 180_000,
}, async () => {
  const { page, foreign, pageErrors } = await watchedPage();
  const posted: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/licences')) posted.push(r.url());
  });
  try {
    await logIn(page, 'ecologist@myski-gres.example', 'demo-myski-2026');
    await page.goto(`${base}/#/organisation`);
    // the user's language follows the account: the first test left it in English
    await page.locator('.lang-btn', { hasText: 'RU' }).click();
    const card = page.getByTestId('licences-card');
    await card.getByText('Лицензий пока нет').waitFor();

    await card.getByTestId('add-licence').click();
    const form = card.getByTestId('licence-form');
    await form.locator('input[name="number"]').fill('(42)-420077-СТОУР');
    await form.locator('input[name="issuedOn"]').fill('2021-06-15');
    await form
      .locator('input[name="issuedBy"]')
      .fill('Сибирское межрегиональное управление Росприроднадзора');
    await form.locator('input[name="hazardClasses"][value="4"]').check();
    await form.locator('input[name="permanent"]').check();
    await form.locator('textarea[name="fkko"]').fill('61110001404\n6 11 300 01 39 4');
    // no activity ticked: the browser says so beside the boxes, and nothing is sent
    await form.getByRole('button', { name: 'Внести' }).click();
    await form
      .getByTestId('activities')
      .locator('.field-error', { hasText: 'Отметьте хотя бы один вид работ' })
      .waitFor();
    assert.equal(
      await form.locator('input[name="activities"][aria-invalid="true"]').count(),
      6,
      'each activity box is marked',
    );
    assert.deepEqual(posted, []);
    await page.setViewportSize({ width: 375, height: 812 });
    await page.screenshot({ path: join(results, 'licences-form-375.png'), fullPage: true });
    await page.setViewportSize({ width: 1366, height: 768 });

    await form.locator('input[name="activities"][value="transport"]').check();
    await form.locator('input[name="activities"][value="utilisation"]').check();
    await form.getByRole('button', { name: 'Внести' }).click();
    await card
      .getByTestId('licence-notice')
      .filter({ hasText: 'Лицензия № (42)-420077-СТОУР внесена.' })
      .waitFor();
    // the notice is worded anew on a switch of language, not left in the one it was made in
    await page.locator('.lang-btn', { hasText: 'EN' }).click();
    await card
      .getByTestId('licence-notice')
      .filter({ hasText: 'Licence No. (42)-420077-СТОУР recorded.' })
      .waitFor();
    await page.locator('.lang-btn', { hasText: 'RU' }).click();
    await card
      .getByTestId('licence-notice')
      .filter({ hasText: 'Лицензия № (42)-420077-СТОУР внесена.' })
      .waitFor();
    const row = card.getByTestId('licences-table').locator('tr[data-licence]');
    await row.first().waitFor();
    assert.equal(await row.count(), 1);
    const text = (await row.textContent()) ?? '';
    assert.match(text, /\(42\)-420077-СТОУР/);
    assert.match(text, /Сибирское межрегиональное управление Росприроднадзора/);
    assert.match(text, /бессрочная/);
    assert.match(text, /транспортирование, утилизация; классы опасности IV/);
    assert.match(text, /коды ФККО: 6 11 100 01 40 4; 6 11 300 01 39 4/);

    // the same number again: the server's refusal stands beside the number
    await card.getByTestId('add-licence').click();
    await form.locator('input[name="number"]').fill('(42)-420077-СТОУР');
    await form.locator('input[name="issuedOn"]').fill('2022-01-10');
    await form.locator('input[name="issuedBy"]').fill('Росприроднадзор');
    await form.locator('input[name="activities"][value="collection"]').check();
    await form.locator('input[name="hazardClasses"][value="3"]').check();
    await form.locator('input[name="validUntil"]').fill('2030-12-31');
    await form.getByRole('button', { name: 'Внести' }).click();
    await form.locator('.field-invalid .field-error', { hasText: 'уже занято' }).waitFor();
    assert.equal(await form.locator('input[name="number"][aria-invalid="true"]').count(), 1);
    await form.getByRole('button', { name: 'Отмена' }).click();

    // the deal's checks read it: the GRES's own transport licence is no longer missing
    const deals = (await page.evaluate(async () => (await fetch('/api/v1/deals')).json())) as {
      items: { id: string; consumerId: string }[];
    };
    const ashSlag = deals.items.find((d) => d.consumerId === 'dorstroy-yug')!;
    await page.goto(`${base}/#/deals/${ashSlag.id}`);
    await page
      .getByTestId('deal-licences')
      .getByTestId('licence-warning')
      .filter({ hasText: 'Не хватает лицензий: 1' })
      .waitFor();

    // in English, and on a phone
    await page.goto(`${base}/#/organisation`);
    await page.locator('.lang-btn', { hasText: 'EN' }).click();
    await card.getByRole('heading', { name: 'Waste licences' }).waitFor();
    await row.filter({ hasText: 'transport, utilisation; hazard classes IV' }).waitFor();
    assert.match((await row.textContent()) ?? '', /permanent/);
    await page.setViewportSize({ width: 375, height: 812 });
    const [scrollWidth, innerWidth] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      window.innerWidth,
    ]);
    assert.ok(scrollWidth <= innerWidth, `${scrollWidth} px wide in ${innerWidth}`);
    await page.screenshot({
      path: join(results, 'licences-organisation-en-375.png'),
      fullPage: true,
    });
    await page.locator('.lang-btn', { hasText: 'RU' }).click();
    await page.setViewportSize({ width: 1366, height: 768 });

    // struck off after the confirmation
    const id = await row.getAttribute('data-licence');
    await card.getByTestId(`remove-licence-${id}`).click();
    await card.getByText('Снять лицензию № (42)-420077-СТОУР с учёта?').waitFor();
    await card.getByTestId(`remove-licence-${id}-confirm`).click();
    await card
      .getByTestId('licence-notice')
      .filter({ hasText: 'Лицензия № (42)-420077-СТОУР снята с учёта.' })
      .waitFor();
    await card.getByText('Лицензий пока нет').waitFor();
    assert.deepEqual(foreign, []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await page.context().close();
  }
});

test('my organisation: an observer reads the licences card without a form', {
  skip,
  timeout: 60_000,
}, async () => {
  const { page, pageErrors } = await watchedPage();
  try {
    await logIn(page, 'analyst@minprom.example', 'demo-analyst-2026');
    await page.goto(`${base}/#/organisation`);
    const card = page.getByTestId('licences-card');
    await card.getByText('Лицензии вносит и снимает с учёта администратор организации').waitFor();
    await card.getByText('Лицензий пока нет').waitFor();
    assert.equal(await card.getByTestId('add-licence').count(), 0);
    assert.equal(await card.getByTestId('licence-form').count(), 0);
    assert.deepEqual(pageErrors, []);
  } finally {
    await page.context().close();
  }
});

test('a participant page shows its waste licences to anyone, without a login, in both languages', {
  skip,
  timeout: 60_000,
}, async () => {
  const { page, pageErrors } = await watchedPage();
  try {
    await page.goto(`${base}/#/participants/tsement-tom`);
    const card = page.getByTestId('licences-card');
    await card.locator('[data-licence]').first().waitFor();
    assert.match((await card.textContent()) ?? '', /ДЕМО-0001[\s\S]*утилизация/);
    assert.equal(await card.getByTestId('add-licence').count(), 0);
    await page.locator('.lang-btn', { hasText: 'EN' }).click();
    await card.getByText('Waste licences').first().waitFor();
    assert.match((await card.textContent()) ?? '', /ДЕМО-0001[\s\S]*utilisation/);
    await page.screenshot({ path: join(results, 'licences-participant-en.png'), fullPage: true });
    assert.deepEqual(pageErrors, []);
  } finally {
    await page.context().close();
  }
});
