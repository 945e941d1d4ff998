// The regional ministry's analyst (an observer: reads, never trades) in Chromium against the
// seeded Kuzbass example: the matches, plan, deals and flows pages say what an observer can see
// and where, in Russian and in English, not what a trading member should do; the Deals page
// offers no trial balance (the API refuses it to an observer).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  base,
  logIn,
  logOut,
  results,
  skip,
  startServerAndBrowser,
  watchedPage,
} from './harness.ts';

startServerAndBrowser('dc-e2e-observer-');

const analyst = { email: 'analyst@minprom.example', password: 'demo-analyst-2026' };

test('observer: matches, plan, deals and flows pages speak to an observer in both languages', {
  skip,
  timeout: 180_000,
}, async () => {
  const { context, page, foreign, pageErrors } = await watchedPage();
  try {
    await logIn(page, analyst.email, analyst.password);
    for (const lang of ['ru', 'en'] as const) {
      await page.locator('.lang-btn', { hasText: lang.toUpperCase() }).click();
      const words =
        lang === 'ru'
          ? {
              empty: /совпадений не предлагали/,
              where: /«Эффект»/,
              run: /«Рассчитать план»/,
              noDeals: /^У вашей организации сделок нет/,
              reads: /Наблюдатель читает сделки своей организации/,
              noFlows: /^По сделкам вашей организации поставок нет/,
            }
          : {
              empty: /No matches were proposed/,
              where: /Impact page/,
              run: /“Run the plan”/,
              noDeals: /^Your organisation has no deals/,
              reads: /An observer reads its own organisation's deals/,
              noFlows: /^No deliveries under your organisation's deals/,
            };

      // matches: no tabs of decisions, the observer's own empty state with where to look
      await page.goto(`${base}/#/matches`);
      const matches = page.getByTestId('matches-observer');
      await matches.waitFor();
      const text = (await matches.textContent()) ?? '';
      assert.match(text, words.empty);
      assert.match(text, words.where);
      assert.equal(await page.locator('[role="tab"]').count(), 0, 'no decision tabs');
      const lead = (await page.locator('.page-header').textContent()) ?? '';
      assert.doesNotMatch(lead, /Примите или отклоните|Accept or decline your side/);
      assert.doesNotMatch(text, /сохранит план|saves an exchange plan/);
      assert.equal(await matches.locator('a[href="#/impact"]').count(), 1);
      assert.equal(await matches.locator('a[href="#/plan"]').count(), 1);
      await page.screenshot({ path: join(results, `observer-matches-${lang}.png`) });

      // the link leads to the cluster's impact, which the observer reads
      await matches.locator('a[href="#/impact"]').click();
      await page.waitForURL(/#\/impact$/);

      // plan: the observer's empty state; it may run a plan but not save one
      await page.goto(`${base}/#/plan`);
      const plan = page.getByTestId('plan-observer');
      await plan.waitFor();
      const planText = (await plan.textContent()) ?? '';
      assert.match(planText, words.run);
      assert.match(planText, words.where);
      assert.equal(await plan.locator('a[href="#/impact"]').count(), 1);
      await page.screenshot({ path: join(results, `observer-plan-${lang}.png`) });

      // deals: what an observer reads and where the cluster's totals are; no trial balance
      // (GET /api/v1/ledger/trial-balance answers an observer 403) and no form to open a deal
      await page.goto(`${base}/#/deals`);
      const deals = page.getByTestId('deals-observer');
      await deals.waitFor();
      const dealsText = (await deals.textContent()) ?? '';
      assert.match(dealsText, words.noDeals);
      assert.match(dealsText, words.reads);
      assert.match(dealsText, words.where);
      assert.equal(await deals.locator('a[href="#/impact"]').count(), 1);
      assert.equal(await page.getByTestId('ledger-link').count(), 0, 'no trial balance button');
      assert.equal(await page.getByTestId('new-deal').count(), 0);
      assert.equal(await page.locator('select[name="state"]').count(), 0, 'nothing to filter');
      await page.screenshot({ path: join(results, `observer-deals-${lang}.png`) });

      // flows: its organisation's deliveries (a ministry has none), and where the totals are
      await page.goto(`${base}/#/flows`);
      const flows = page.getByTestId('flows-observer');
      await flows.waitFor();
      const flowsText = (await flows.textContent()) ?? '';
      assert.match(flowsText, words.noFlows);
      assert.match(flowsText, words.where);
      assert.equal(await flows.locator('a[href="#/impact"]').count(), 1);
      assert.equal(await page.getByTestId('flow-row').count(), 0);
      assert.equal(await page.locator('select[name="material"]').count(), 0, 'nothing to filter');
      await page.screenshot({ path: join(results, `observer-flows-${lang}.png`) });
      await flows.locator('a[href="#/impact"]').click();
      await page.waitForURL(/#\/impact$/);
    }

    // its organisation's page: who may invite users is said inside the users' card, not
    // between cards (user walk)
    await page.goto(`${base}/#/organisation`);
    const usersCard = page.locator('section.card', { has: page.getByTestId('users-table') });
    await usersCard
      .getByText('Inviting users and managing keys is for the organisation admin.')
      .waitFor();
    assert.equal(await page.locator('main > p.note').count(), 0);

    // a member's empty plan page keeps its own words (the observer's are for observers)
    await logOut(page);
    await logIn(page, 'ecologist@myski-gres.example', 'demo-myski-2026');
    await page.goto(`${base}/#/plan`);
    await page.locator('.state-empty').waitFor();
    assert.equal(await page.getByTestId('plan-observer').count(), 0);
    // ... and its deals and flows: the trial balance offered, its own deliveries drawn
    await page.goto(`${base}/#/deals`);
    await page.getByTestId('deal-row').first().waitFor();
    assert.equal(await page.getByTestId('ledger-link').count(), 1);
    assert.equal(await page.getByTestId('deals-observer').count(), 0);
    await page.getByTestId('ledger-link').click();
    await page.getByTestId('tb-row').first().waitFor();
    await page.goto(`${base}/#/flows`);
    await page.getByTestId('flow-row').first().waitFor();
    assert.equal(await page.getByTestId('flows-observer').count(), 0);

    assert.deepEqual(pageErrors, []);
    assert.deepEqual(foreign, []);
  } finally {
    await context.close();
  }
});
