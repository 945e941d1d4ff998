// The Assessment page in Chromium against a server seeded with the Kuzbass example: the nine
// characteristics with their form and evidence, the trajectory, the territorial baseline; a
// member answers the readiness questionnaire and the cluster's summary shows it; both
// languages; no horizontal overflow at 1366 and 768 px.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { base, logIn, results, skip, startServerAndBrowser, watchedPage } from './harness.ts';

startServerAndBrowser('dc-e2e-assess-');

const tom = { email: 'sales@tsement-tom.example', password: 'demo-cement-2026' };

test('assessment: placement with evidence, readiness answered, territorial baseline', {
  skip,
  timeout: 240_000,
}, async () => {
  const { context, page, foreign, pageErrors } = await watchedPage();
  try {
    await logIn(page, tom.email, tom.password);
    await page.goto(`${base}/#/assessment`);
    const table = page.getByTestId('characteristics');
    await table.waitFor();
    assert.equal(await table.locator('tbody tr').count(), 9);
    const geography =
      (await table.locator('tr[data-characteristic="geography"]').textContent()) ?? '';
    assert.match(geography, /Географический фактор/);
    assert.match(geography, /Доля связей между агломерациями/);
    assert.match(
      (await page.getByTestId('overall-form').textContent()) ?? '',
      /кластер|экосистема|Нет данных/,
    );
    await page.getByTestId('territory-table').waitFor();
    assert.ok((await page.getByTestId('territory-table').locator('tbody tr').count()) >= 8);
    assert.match((await page.getByTestId('territory-table').textContent()) ?? '', /оценка/);

    // the member answers; the summary counts its organisation
    await page
      .getByTestId('readiness-form')
      .locator('select[data-dimension="connectivity"]')
      .selectOption('3');
    await page
      .getByTestId('readiness-form')
      .locator('select[data-dimension="strategy"]')
      .selectOption('4');
    await page.getByTestId('readiness-form').locator('button[type="submit"]').click();
    await page.getByTestId('readiness-form').locator('.alert-success').waitFor();
    await page.getByTestId('readiness-table').waitFor();
    assert.match((await page.getByTestId('readiness-table').textContent()) ?? '', /Связность/);

    for (const width of [1366, 768]) {
      await page.setViewportSize({ width, height: 900 });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px at ${width}`);
      await page.screenshot({ path: join(results, `assessment-${width}.png`), fullPage: true });
      await page
        .locator('.assessment-radar')
        .screenshot({ path: join(results, `assessment-radar-${width}.png`) });
    }

    await page.locator('.lang-btn', { hasText: /^EN$/ }).click();
    await page.getByText('Geographic factor').first().waitFor();
    assert.match((await page.getByTestId('readiness-table').textContent()) ?? '', /Connectivity/);
    assert.match((await page.getByTestId('territory-table').textContent()) ?? '', /Coal mining/);
    await page.screenshot({ path: join(results, 'assessment-en.png'), fullPage: true });

    assert.deepEqual(foreign, []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});
