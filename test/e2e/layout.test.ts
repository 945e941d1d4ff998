// Every page fits a 1366 px laptop and a 768 px tablet in both languages: nothing overflows
// sideways (the review checks for "Safe to open to the region"). Each page is also saved as a
// screenshot in test-results/pages/, to be looked at.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { base, browser, results, skip, startServerAndBrowser } from './harness.ts';

startServerAndBrowser('dc-e2e-layout-');

const pages = [
  '',
  'participants',
  'participants/tsement-tom',
  'apply',
  'admin/applications',
  'organisation',
  'data',
  'marketplace',
  'marketplace/new',
  'plan',
  'matches',
];

for (const width of [1366, 768])
  for (const lang of ['ru', 'en'] as const)
    test(`every page fits ${width} px in ${lang === 'ru' ? 'Russian' : 'English'}`, {
      skip,
      timeout: 120_000,
    }, async () => {
      const context = await browser!.newContext({
        viewport: { width, height: 900 },
        locale: lang === 'ru' ? 'ru-RU' : 'en-GB',
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${base}/#/login`);
      await page.fill('input[name="email"]', 'operator@digicluster.example');
      await page.fill('input[name="password"]', 'operator-demo-2026');
      await page.press('input[name="password"]', 'Enter');
      // on a tablet the user's name may be folded away: its element is there all the same
      await page.locator('.user .user-name').waitFor({ state: 'attached' });
      await page.locator('.lang-btn', { hasText: lang.toUpperCase() }).click();
      const overview = lang === 'ru' ? 'Кластер на карте' : 'The cluster on the map';
      await page.locator('h1', { hasText: overview }).waitFor();
      const folder = join(results, 'pages');
      mkdirSync(folder, { recursive: true });
      for (const path of pages) {
        await page.goto(`${base}/#/${path}`);
        await page.locator('h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        const [scrollWidth, innerWidth] = await page.evaluate(() => [
          document.documentElement.scrollWidth,
          window.innerWidth,
        ]);
        assert.ok(scrollWidth <= innerWidth, `#/${path}: ${scrollWidth} px wide in ${innerWidth}`);
        await page.screenshot({
          path: join(folder, `${width}-${lang}-${path.replaceAll('/', '-') || 'overview'}.png`),
          fullPage: true,
        });
      }
      assert.deepEqual(errors, []);
      await context.close();
    });
