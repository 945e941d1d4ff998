// Knowledge in Chromium against a real server seeded with the Kuzbass example: a search in
// Russian finds the ash-and-slag technology in another case form, its page opens, and "who can
// help" on a project and on a listing names people and organisations with their reasons.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { base, skip, startServerAndBrowser, watchedPage } from './harness.ts';

startServerAndBrowser('dc-e2e-kn-');

test('knowledge: search in Russian, open an asset, ask who can help', {
  skip,
  timeout: 180_000,
}, async () => {
  const { context, page, foreign, pageErrors } = await watchedPage();
  try {
    await page.goto(`${base}/#/knowledge`);
    await page.getByTestId('knowledge-results').waitFor();
    await page.getByTestId('knowledge-query').fill('золошлаковыми отходами');
    await page.getByTestId('knowledge-search').click();
    const first = page.getByTestId('knowledge-results').locator('.card a').first();
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="knowledge-results"] .card a')
          ?.textContent?.includes('Переработка золошлаковых отходов') ?? false,
    );
    assert.match((await first.textContent()) ?? '', /Переработка золошлаковых отходов/);

    await first.click();
    await page.getByTestId('asset-title').waitFor();
    assert.match((await page.getByTestId('asset-title').textContent()) ?? '', /золошлаковых/);
    assert.match((await page.locator('main').textContent()) ?? '', /УГТ 6/);

    // who can help with the ash project: people and organisations, each with reasons
    await page.goto(`${base}/#/knowledge/project/kp-ash-to-concrete`);
    await page.getByTestId('ask-help').click();
    const helpers = page.getByTestId('helpers');
    await helpers.waitFor();
    const text = (await helpers.textContent()) ?? '';
    assert.match(text, /компетенция «Утилизация золошлаковых отходов»/);
    assert.ok((await helpers.locator(':scope > li').count()) > 0);

    // and on a listing of the exchange: the plant's fly ash
    await page.goto(`${base}/#/marketplace/l-ash-myski`);
    await page.getByTestId('ask-help').click();
    await page.getByTestId('helpers').waitFor();
    assert.match((await page.getByTestId('helpers').textContent()) ?? '', /работали с/);

    // in English too
    await page.locator('.lang-btn', { hasText: /^EN$/ }).click();
    await page.goto(`${base}/#/knowledge`);
    await page.getByTestId('knowledge-query').fill('coal slurries');
    await page.getByTestId('knowledge-search').click();
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="knowledge-results"] .card a')
          ?.textContent?.includes('Coal-water fuel') ?? false,
    );
    // nothing found: the empty state
    await page.getByTestId('knowledge-query').fill('qwzx');
    await page.getByTestId('knowledge-search').click();
    await page.getByText('Nothing found').waitFor();

    assert.deepEqual(foreign, []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});
