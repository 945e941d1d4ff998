// Every page fits a 1366 px laptop and a 768 px tablet in both languages: nothing overflows
// sideways (the review checks for "Safe to open to the region"), and at 1366 px each table's
// key columns are in view without scrolling sideways (M6). Each page is also saved as a
// screenshot in test-results/pages/, to be looked at.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { base, browser, results, skip, startServerAndBrowser } from './harness.ts';

startServerAndBrowser('dc-e2e-layout-');

/**
 * The columns a user must see on each table page without scrolling sideways, by the column's
 * key (its header button's `data-sort`), so the same names hold in both languages.
 */
const keyColumns: Record<string, { table: string; columns: string[] }> = {
  participants: { table: 'participants-table', columns: ['name', 'kind', 'role', 'status'] },
  marketplace: {
    table: 'listings-table',
    columns: ['side', 'what', 'quantity', 'legal', 'holder', 'status'],
  },
  plan: { table: 'flows-table', columns: ['flow', 'ends', 'quantity', 'savings', 'co2e'] },
  organisation: { table: 'users-table', columns: ['name', 'email', 'role', 'status'] },
  'knowledge/potential': {
    table: 'gaps-organisations',
    columns: ['competence', 'organisation', 'demanded', 'present', 'demands'],
  },
};

/** Panels opened by a button before the page is measured, by the button's test id. */
const opened: Record<string, { button: string; shows: string }> = {
  'knowledge/profile/kx-gromov': { button: 'ask-development', shows: 'development-learn' },
  'knowledge/project/kp-ash-to-concrete': { button: 'ask-help', shows: 'helpers' },
};

const pages = [
  '',
  'participants',
  'participants/tsement-tom',
  'apply',
  'admin/applications',
  'organisation',
  'account',
  'data',
  'marketplace',
  'marketplace/new',
  'plan',
  'matches',
  'knowledge',
  'knowledge/asset/ka-ash-slag-processing',
  'knowledge/profile/kx-gromov',
  'knowledge/project/kp-ash-to-concrete',
  'knowledge/potential',
  'governance',
  'governance/new',
  'deals',
  'deals/ledger',
  'flows',
];

for (const width of [1366, 768])
  for (const lang of ['ru', 'en'] as const)
    test(`M6: every page fits ${width} px in ${lang === 'ru' ? 'Russian' : 'English'}${width === 1366 ? ', key columns in view' : ', tables as cards'}`, {
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
        if (path === 'governance')
          await page.getByTestId('decided-proposals').locator('.gov-proposal').first().waitFor();
        if (path === 'deals') await page.getByTestId('deal-row').first().waitFor();
        if (path === 'deals/ledger') await page.getByTestId('tb-row').first().waitFor();
        if (path === 'flows') await page.getByTestId('sankey-link').first().waitFor();
        const key = keyColumns[path];
        if (key) {
          if (path === 'plan') await page.getByTestId('run-plan').click();
          await page.getByTestId(key.table).locator('tbody tr').first().waitFor();
        }
        const panel = opened[path];
        if (panel) {
          await page.getByTestId(panel.button).click();
          await page.getByTestId(panel.shows).waitFor();
        }
        if (key && width === 768) {
          // on a tablet the table is cards: nothing in it scrolls sideways either
          const [inner, box] = await page.evaluate((table) => {
            const el = document.querySelector(`[data-testid="${table}"]`)?.closest('.table-scroll');
            return [el?.scrollWidth ?? 0, el?.clientWidth ?? 0];
          }, key.table);
          assert.ok(inner <= box + 1, `#/${path}: the table is ${inner} px wide in ${box}`);
        }
        if (key && width === 1366) {
          // each key header lies inside the window and inside its scroll box's visible part
          const misplaced = await page.evaluate(
            ({ table, columns }) =>
              columns.flatMap((c) => {
                const th = document
                  .querySelector(`[data-testid="${table}"] [data-sort="${c}"]`)
                  ?.closest('th');
                if (!th) return [`${c}: no such column`];
                const r = th.getBoundingClientRect();
                const box = th.closest('.table-scroll')?.getBoundingClientRect();
                const right = Math.min(window.innerWidth, box?.right ?? window.innerWidth);
                const left = Math.max(0, box?.left ?? 0);
                return r.right <= right + 1 && r.left >= left - 1
                  ? []
                  : [`${c}: ${Math.round(r.left)}–${Math.round(r.right)} outside ${left}–${right}`];
              }),
            key,
          );
          assert.deepEqual(misplaced, [], `#/${path}: key columns in view`);
        }
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
      // a proposal's page (its id is made by the seed): an open vote, and a decided one with its rounds
      for (const [section, name] of [
        ['open-proposals', 'governance-open'],
        ['decided-proposals', 'governance-decided'],
      ]) {
        await page.goto(`${base}/#/governance`);
        await page.getByTestId(section).locator('.gov-proposal a').first().click();
        await page.getByTestId('proposal-title').waitFor();
        await page.getByTestId('discussion').waitFor();
        await page.waitForLoadState('networkidle');
        const [scrollWidth, innerWidth] = await page.evaluate(() => [
          document.documentElement.scrollWidth,
          window.innerWidth,
        ]);
        assert.ok(scrollWidth <= innerWidth, `${name}: ${scrollWidth} px wide in ${innerWidth}`);
        await page.screenshot({
          path: join(folder, `${width}-${lang}-${name}.png`),
          fullPage: true,
        });
      }
      // a deal's page (its id is made by the seed): an active one, with its deliveries
      await page.goto(`${base}/#/deals`);
      await page.locator('[data-testid="deal-row"][data-state="active"] a').first().click();
      await page.getByTestId('delivery-row').first().waitFor();
      await page.waitForLoadState('networkidle');
      const [dealWidth, dealWindow] = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        window.innerWidth,
      ]);
      assert.ok(dealWidth <= dealWindow, `deal: ${dealWidth} px wide in ${dealWindow}`);
      await page.screenshot({ path: join(folder, `${width}-${lang}-deal.png`), fullPage: true });
      assert.deepEqual(errors, []);
      await context.close();
    });
