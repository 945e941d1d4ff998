// The ministry's report from the Assessment page in Chromium: the analyst (an observer) sees
// «Скачать отчёт: PDF · HTML · XLSX» in the page's header, in the page's language, and the PDF
// link downloads a file (playwright's download event) that is a PDF; a guest sees no links.
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { base, logIn, results, skip, startServerAndBrowser, watchedPage } from './harness.ts';

startServerAndBrowser('dc-e2e-report-');

test('the analyst downloads the report from the Assessment page', {
  skip,
  timeout: 180_000,
}, async () => {
  const { context, page, foreign, pageErrors } = await watchedPage();
  try {
    // a guest: the page asks to log in, no report links
    await page.goto(`${base}/#/assessment`);
    await page.locator('main').waitFor();
    assert.equal(await page.getByTestId('report-links').count(), 0);

    await logIn(page, 'analyst@minprom.example', 'demo-analyst-2026');
    await page.goto(`${base}/#/assessment`);
    const links = page.getByTestId('report-links');
    await links.waitFor();
    assert.equal(
      (await links.textContent())?.replace(/\s+/g, ' ').trim(),
      'Скачать отчёт: PDF · HTML · XLSX',
    );
    assert.ok(await page.locator('.page-header').getByTestId('report-links').isVisible());
    await page.screenshot({ path: join(results, 'report-links-ru.png') });

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      links.locator('a[data-format="pdf"]').click(),
    ]);
    assert.match(download.suggestedFilename(), /^digicluster-assessment-\d{4}-\d{2}-\d{2}\.pdf$/);
    const file = join(results, 'report-download.pdf');
    await download.saveAs(file);
    assert.ok(statSync(file).size > 0);
    assert.equal(readFileSync(file).subarray(0, 5).toString(), '%PDF-');

    // in English: the words and the links' language follow the page
    await page.locator('.lang-btn', { hasText: /^EN$/ }).click();
    await page.getByText('Download the report:').waitFor();
    assert.match(
      (await links.locator('a[data-format="xlsx"]').getAttribute('href')) ?? '',
      /format=xlsx&lang=en$/,
    );
    // the HTML report on a phone: as wide as the screen, its tables scrolling inside it
    const htmlHref = await links.locator('a[data-format="html"]').getAttribute('href');
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    for (const lang of ['en', 'ru']) {
      // it is a download: the file as the phone opens it from its downloads
      const answer = await phone.request.get(
        new URL(htmlHref!.replace(/lang=\w+/, `lang=${lang}`), base).href,
      );
      assert.equal(answer.status(), 200);
      await phone.setContent(await answer.text());
      await phone.locator('h1').waitFor();
      const [scrollWidth, innerWidth] = await phone.evaluate(() => [
        document.documentElement.scrollWidth,
        window.innerWidth,
      ]);
      assert.ok(scrollWidth <= innerWidth, `${lang}: ${scrollWidth} > ${innerWidth}`);
      await phone.screenshot({ path: join(results, `report-html-390-${lang}.png`) });
    }
    await phone.close();
    assert.deepEqual(foreign, []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});
