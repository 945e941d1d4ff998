// Every page fits a 1366 px laptop and a 768 px tablet in both languages: nothing overflows
// sideways (the review checks for "Safe to open to the region"), and at 1366 px each table's
// key columns are in view without scrolling sideways (M6). Each page is also saved as a
// screenshot in test-results/pages/, to be looked at. On a 375 px phone the plant page and the
// matches keep their buttons, tabs and cards on screen and their figures apart.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { base, browser, logIn, results, skip, startServerAndBrowser } from './harness.ts';

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
  'knowledge/new',
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
      await logIn(page, 'operator@digicluster.example', 'operator-demo-2026');
      await page.locator('.lang-btn', { hasText: lang.toUpperCase() }).click();
      const overview = lang === 'ru' ? 'Кластер на карте' : 'The cluster on the map';
      await page.locator('h1', { hasText: overview }).waitFor();
      const folder = join(results, 'pages');
      mkdirSync(folder, { recursive: true });
      for (const path of pages) {
        await page.goto(`${base}/#/${path}`);
        await page.locator('h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        // a page still saying «Загрузка…» would be measured and saved half-drawn
        await page.locator('.state-loading').first().waitFor({ state: 'detached' });
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

/** Whether two boxes share any area (touching edges do not count). */
type Box = { left: number; top: number; right: number; bottom: number };
const intersects = (a: Box, b: Box) =>
  a.left < b.right - 0.5 &&
  b.left < a.right - 0.5 &&
  a.top < b.bottom - 0.5 &&
  b.top < a.bottom - 0.5;

for (const lang of ['ru', 'en'] as const)
  test(`a phone (375 px) in ${lang === 'ru' ? 'Russian' : 'English'}: the plant's rule buttons, the matches' tabs and cards stay on screen, nothing overlaps`, {
    skip,
    timeout: 120_000,
  }, async () => {
    const width = 375;
    const folder = join(results, 'pages');
    mkdirSync(folder, { recursive: true });
    const open = async (email: string, password: string) => {
      const context = await browser!.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      await logIn(page, email, password);
      await page.locator('.lang-btn', { hasText: lang.toUpperCase() }).click();
      return { context, page };
    };
    const fits = async (page: Page, what: string) => {
      const [scrollWidth, innerWidth] = await page.evaluate(() => [
        document.scrollingElement?.scrollWidth ?? 0,
        window.innerWidth,
      ]);
      assert.ok(scrollWidth <= innerWidth, `${what}: ${scrollWidth} px wide in ${innerWidth}`);
    };
    /** Each element of `locator` lies wholly inside the window's width. */
    const onScreen = async (locator: Locator, what: string) => {
      const n = await locator.count();
      assert.ok(n > 0, `${what}: on the page`);
      for (let i = 0; i < n; i++) {
        const box = await locator.nth(i).boundingBox();
        assert.ok(box, `${what}: shown`);
        assert.ok(
          box.x >= 0 && box.x + box.width <= width + 0.5,
          `${what}: ${Math.round(box.x)}–${Math.round(box.x + box.width)} px in ${width}`,
        );
      }
    };

    // the plant's alarm rules: save, add and restore under the rules, all within reach
    const plant = await open('dispatcher@cof-yuzhnaya.example', 'demo-plant-2026');
    await plant.page.goto(`${base}/#/plant`);
    await plant.page.getByTestId('rule-add').waitFor();
    await plant.page.waitForLoadState('networkidle');
    await fits(plant.page, '#/plant');
    for (const button of ['rules-save', 'rule-add', 'rules-restore'])
      await onScreen(plant.page.getByTestId(button), button);
    await plant.page.screenshot({
      path: join(folder, `${width}-${lang}-plant.png`),
      fullPage: true,
    });
    await plant.context.close();

    // the organisation page, the directory, governance and a plan's warnings fit the phone: an
    // org admin's and the operator's organisation page (its sites, its users), governance with
    // an org admin's «propose» button, and the plan with its warnings open
    const admin = await open('researcher@frc-ccc.example', 'demo-science-2026');
    for (const path of ['organisation', 'governance']) {
      await admin.page.goto(`${base}/#/${path}`);
      await admin.page.locator('h1').first().waitFor();
      await admin.page.waitForLoadState('networkidle');
      await admin.page.locator('.state-loading').first().waitFor({ state: 'detached' });
      if (path === 'organisation') await admin.page.getByTestId('sites-table').waitFor();
      if (path === 'governance') {
        await onScreen(admin.page.locator('.page-actions .btn'), 'propose');
        // the charter's answers take the card's width, not a word's beside their terms
        const charter = admin.page.getByTestId('charter');
        await charter.locator('dd').first().waitFor();
        const card = (await charter.boundingBox())?.width ?? 0;
        for (const dd of await charter.locator('.gov-facts > dd').all()) {
          const w = (await dd.boundingBox())?.width ?? 0;
          assert.ok(
            w >= card * 0.7,
            `a charter answer ${Math.round(w)} px wide in ${Math.round(card)}`,
          );
        }
      }
      await fits(admin.page, `#/${path} (an org admin)`);
    }
    // a request's «end user» box: its hint wraps under it, on screen and clear of the next box
    await admin.page.goto(`${base}/#/marketplace/new`);
    await admin.page.locator('input[name="side"][value="request"]').check();
    const endUse = admin.page.locator('label.check', {
      has: admin.page.locator('input[name="endUse"]'),
    });
    await onScreen(endUse.locator('.hint'), 'the end-user hint');
    const hint = (await endUse.locator('.hint').boundingBox())!;
    const next = (await admin.page.locator('input[name="mustTakeMin"]').boundingBox())!;
    assert.ok(
      !intersects(
        { left: hint.x, top: hint.y, right: hint.x + hint.width, bottom: hint.y + hint.height },
        { left: next.x, top: next.y, right: next.x + next.width, bottom: next.y + next.height },
      ),
      'the end-user hint clear of the next box',
    );
    await fits(admin.page, '#/marketplace/new (a request)');
    await admin.context.close();
    const operator = await open('operator@digicluster.example', 'operator-demo-2026');
    const { page } = operator;
    await page.goto(`${base}/#/organisation`);
    await page.getByTestId('sites-table').locator('tbody tr').first().waitFor();
    await page.getByTestId('users-table').locator('tbody tr').first().waitFor();
    await page.waitForLoadState('networkidle');
    await fits(page, '#/organisation');
    await page.screenshot({
      path: join(folder, `${width}-${lang}-organisation.png`),
      fullPage: true,
    });
    // the directory's cards: a kind's words («Обогатительная фабрика») keep clear of the role badge
    await page.goto(`${base}/#/participants`);
    await page.getByTestId('participants-table').locator('tbody tr').first().waitFor();
    await page.waitForLoadState('networkidle');
    await fits(page, '#/participants');
    const cards: Array<{ name: string; kind: Box[]; role: Box | null }> = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="participants-table"] tbody tr')].map((tr) => {
        // the kind's text line by line: a line running past its cell shows only here
        const range = document.createRange();
        const kind = tr.querySelector('.kind');
        if (kind) range.selectNodeContents(kind);
        return {
          name: tr.querySelector('td')?.textContent ?? '',
          kind: kind ? [...range.getClientRects()].map((r) => r.toJSON()) : [],
          role:
            tr.querySelector('.badge[class*="role-"]')?.getBoundingClientRect().toJSON() ?? null,
        };
      }),
    );
    assert.ok(cards.length > 0, 'participant cards');
    for (const card of cards)
      for (const line of card.kind)
        assert.ok(
          !card.role || !intersects(line, card.role),
          `${card.name}: the kind under the role`,
        );
    // a participant's page: its membership history and its streams (a long «available to»
    // beside each) within the phone, as cards, not a page scrolled sideways
    await page.goto(`${base}/#/participants/myski-gres`);
    await page.getByTestId('listings-offer').locator('tr').first().waitFor();
    await page.waitForLoadState('networkidle');
    await fits(page, '#/participants/myski-gres');
    await onScreen(page.locator('main section.card'), 'a card of the participant page');
    // no card label standing over nothing (a membership without a note showed «NOTE» alone)
    const bareLabels = await page.evaluate(
      () =>
        [...document.querySelectorAll('.table-cards td[data-label]')].filter(
          (td) => (td as HTMLElement).offsetParent !== null && !td.textContent?.trim(),
        ).length,
    );
    assert.equal(bareLabels, 0, 'empty cells shown with their label');
    await page.screenshot({
      path: join(folder, `${width}-${lang}-participant.png`),
      fullPage: true,
    });
    // the plan's warnings, open: each link to a listing whole on screen
    await page.goto(`${base}/#/plan`);
    await page.getByTestId('run-plan').click();
    await page.getByTestId('flows-table').locator('tbody tr').first().waitFor();
    await page.getByTestId('plan-warnings').locator('summary').click();
    await page.getByTestId('warning-link').first().waitFor();
    await fits(page, '#/plan, its warnings open');
    await onScreen(page.getByTestId('warning-link'), "a warning's link");
    await page.screenshot({ path: join(folder, `${width}-${lang}-plan.png`), fullPage: true });
    await operator.context.close();

    // the matches of a plant with proposals (a plan run makes them)
    const matches = await open('ecologist@myski-gres.example', 'demo-myski-2026');
    const planned = await matches.page.evaluate(() =>
      fetch('/api/v1/exchange/plans', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      }).then((r) => r.status),
    );
    assert.equal(planned, 201);
    await matches.page.goto(`${base}/#/matches`);
    await matches.page.getByTestId('matches-table').locator('tbody tr').first().waitFor();
    await matches.page.waitForLoadState('networkidle');
    await fits(matches.page, '#/matches');
    await onScreen(matches.page.getByRole('tab'), 'a tab');
    // in each card the savings' figure, its "a year" and the quantity's lines keep apart
    // (no named functions inside: tsx would wrap them in a helper the page does not have)
    const overlaps: Array<{ savings: Box | null; perYear: Box | null; quantityLines: Box[] }> =
      await matches.page.evaluate(() =>
        [...document.querySelectorAll('[data-testid="matches-table"] tbody tr')].map((tr) => {
          // the quantity's text line by line: a line running past its cell shows only here
          const range = document.createRange();
          const quantity = tr.querySelector('[data-testid="match-quantity"]');
          if (quantity) range.selectNodeContents(quantity);
          return {
            savings:
              tr.querySelector('[data-testid="match-savings"]')?.getBoundingClientRect().toJSON() ??
              null,
            perYear:
              tr
                .querySelector('[data-testid="match-per-year"]')
                ?.getBoundingClientRect()
                .toJSON() ?? null,
            quantityLines: quantity ? [...range.getClientRects()].map((r) => r.toJSON()) : [],
          };
        }),
      );
    assert.ok(overlaps.length > 0, 'match cards');
    for (const [i, card] of overlaps.entries()) {
      assert.ok(card.savings && card.perYear, `card ${i}: the savings and "a year"`);
      assert.ok(card.quantityLines.length > 0, `card ${i}: the quantity`);
      assert.ok(!intersects(card.perYear, card.savings), `card ${i}: "a year" over the savings`);
      for (const line of card.quantityLines) {
        assert.ok(!intersects(line, card.savings), `card ${i}: the quantity over the savings`);
        assert.ok(!intersects(line, card.perYear), `card ${i}: the quantity over "a year"`);
      }
    }
    // a unit is never split after its slash («т/» at a line's end, «год» on the next)
    const splitUnits = await matches.page.evaluate(() => {
      const split: string[] = [];
      const walker = document.createTreeWalker(
        document.querySelector('main')!,
        NodeFilter.SHOW_TEXT,
      );
      const range = document.createRange();
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (
          let i = text.indexOf('/');
          i >= 0 && i < text.length - 1;
          i = text.indexOf('/', i + 1)
        ) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const slash = range.getBoundingClientRect();
          range.setStart(node, i + 1);
          range.setEnd(node, i + 2);
          const next = range.getBoundingClientRect();
          if (slash.height > 0 && next.height > 0 && next.top > slash.top + 2)
            split.push(text.slice(Math.max(0, i - 12), i + 8));
        }
      }
      return split;
    });
    assert.deepEqual(splitUnits, [], '#/matches: units split after their slash');
    await matches.page.screenshot({
      path: join(folder, `${width}-${lang}-matches.png`),
      fullPage: true,
    });
    await matches.context.close();

    // on a 1280 px desktop the matches' table fits its box: no «scrolls sideways» hint
    const desktop = await browser!.newContext({ viewport: { width: 1280, height: 800 } });
    const wide = await desktop.newPage();
    await logIn(wide, 'ecologist@myski-gres.example', 'demo-myski-2026');
    await wide.locator('.lang-btn', { hasText: lang.toUpperCase() }).click();
    await wide.goto(`${base}/#/matches`);
    await wide.getByTestId('matches-table').locator('tbody tr').first().waitFor();
    await wide.waitForLoadState('networkidle');
    const [inner, box] = await wide.evaluate(() => {
      const el = document.querySelector('[data-testid="matches-table"]')?.closest('.table-scroll');
      return [el?.scrollWidth ?? 0, el?.clientWidth ?? 0];
    });
    assert.ok(inner <= box, `#/matches at 1280 px: the table is ${inner} px wide in ${box}`);
    assert.equal(
      await wide.locator('.scroll-hint').count(),
      0,
      '#/matches at 1280 px: a scroll hint',
    );
    // the header's name of the user reads as the header's text, not as a default blue link
    // (its style sat in a page's lazily loaded sheet), and the narrow-only «Account» is hidden
    const [decoration, colour] = await wide
      .getByTestId('account-link')
      .evaluate((a) => [getComputedStyle(a).textDecorationLine, getComputedStyle(a).color]);
    assert.equal(decoration, 'none');
    assert.notEqual(colour, 'rgb(0, 0, 238)');
    assert.equal(await wide.locator('.nav .nav-narrow-only').first().isVisible(), false);
    await desktop.close();
  });
