// Waste licences on the deal page, in Chromium against a server seeded with the Kuzbass
// example: «Мысковская ГРЭС» opens its ash-slag deal (class IV) with «ДорСтрой-Юг», which
// holds no licence on the platform, and sees the warning — the receiver's utilisation licence
// and its own transport licence missing — in Russian, then in English; its fly-ash deal with
// «Цемент Томь» (a demo licence) shows the licences found and no warning.
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
    const missing = card.locator('li[data-status="missing"]');
    assert.equal(await missing.count(), 2);
    assert.match(
      (await missing.first().textContent()) ?? '',
      /ДорСтрой-Юг.*нет лицензии на утилизацию отходов IV класса опасности/,
    );
    assert.match((await missing.nth(1).textContent()) ?? '', /транспортирование/);
    await page.screenshot({ path: join(results, 'licences-deal-ru.png'), fullPage: true });

    // English: the checks come again, worded in it
    await page.locator('.lang-btn', { hasText: 'EN' }).click();
    await card.getByTestId('licence-warning').filter({ hasText: 'Licences missing: 2' }).waitFor();
    await card
      .locator('li[data-status="missing"]', { hasText: 'no licence for utilisation' })
      .waitFor();
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
