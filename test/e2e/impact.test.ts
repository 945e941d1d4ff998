// The Impact page in Chromium against a real server seeded with the Kuzbass example (whose
// history saves a plan, agrees deals and records deliveries): the three levels side by side, a
// row per month and per organisation, the formula — in Russian and in English; a member's page
// names only its own organisation.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { base, logIn, results, skip, startServerAndBrowser, watchedPage } from './harness.ts';

startServerAndBrowser('dc-e2e-impact-');

const operator = { email: 'operator@digicluster.example', password: 'operator-demo-2026' };
const tom = { email: 'sales@tsement-tom.example', password: 'demo-cement-2026' };

test('impact: three levels with content, rows per month and organisation, in both languages', {
  skip,
  timeout: 180_000,
}, async () => {
  const { context, page, foreign, pageErrors } = await watchedPage();
  try {
    await logIn(page, operator.email, operator.password);
    await page.locator('.topbar a[href="#/impact"]').click();
    await page.getByTestId('impact-levels').waitFor();
    for (const level of ['identified', 'contracted', 'delivered']) {
      const card = page.getByTestId(`impact-level-${level}`);
      const diverted = (await card.getByTestId('impact-diverted').textContent()) ?? '';
      assert.match(diverted, /[1-9]/, `${level}: tonnes diverted`);
      // whole tonnes from 100 up, as the plan writes volumes (user walk: «1 060 900,0 т»)
      if (Number(diverted.replace(/[^\d,]/g, '').replace(',', '.')) >= 100)
        assert.doesNotMatch(diverted, /,\d/, `${level}: «${diverted}»`);
    }
    // the net benefit is an estimate: in millions as the plan writes it, not to the kopeck
    const report = (await (await page.request.get(`${base}/api/v1/impact`)).json()) as {
      levels: Array<{ level: string; cluster: { netBenefitKopecks: number } }>;
    };
    for (const l of report.levels) {
      const shown = (await page
        .getByTestId(`impact-level-${l.level}`)
        .getByTestId('impact-benefit')
        .textContent())!;
      const rub = l.cluster.netBenefitKopecks / 100;
      const expected =
        Math.abs(rub) >= 1e6
          ? `${(rub / 1e6).toFixed(1).replace('.', ',')}млн₽`
          : `${Math.round(rub)}₽`;
      assert.equal(
        shown.replace(/[\s\u00a0\u202f]/g, '').replace('\u2212', '-'),
        expected,
        `${l.level}: «${shown}»`,
      );
    }
    assert.ok((await page.getByTestId('impact-month-row').count()) >= 1, 'a row per month');
    // months named as every date on the pages is, not «2025-12»
    for (const month of await page
      .getByTestId('impact-month-row')
      .locator('td:first-child')
      .allTextContents())
      assert.match(month, /^[а-я]{3,5}\.? \d{4} г\.$/, `a month: «${month}»`);
    assert.ok((await page.getByTestId('impact-org-row').count()) >= 1, 'a row per organisation');
    // units in the headers are written as units, not upper-cased
    const unitHeads = page.locator('th.unit-head');
    assert.equal(
      await unitHeads.first().evaluate((el) => getComputedStyle(el).textTransform),
      'none',
    );
    assert.ok((await unitHeads.allInnerTexts()).includes('т CO2e'));
    // money in millions, as the cards write it: «12,3», not «12 345 678» whole roubles
    assert.ok((await unitHeads.allInnerTexts()).includes('млн\u00a0₽'));
    for (const row of await page.getByTestId('impact-month-row').all()) {
      const money = await row.locator('td:nth-child(3n+4)').allTextContents();
      for (const m of money) assert.match(m, /^(−?\d[\d\u00a0\u202f]*,\d|—)$/, `money: «${m}»`);
    }
    await page.getByRole('heading', { name: 'Формула' }).waitFor();
    await page.getByRole('heading', { name: 'Выявлено' }).waitFor();
    // the operator sees every holder: nothing is measured from an agglomeration centre
    assert.equal(await page.getByTestId('impact-from-centre').count(), 0);
    await page.screenshot({ path: join(results, 'impact-ru.png'), fullPage: true });

    await page.locator('.lang-btn', { hasText: 'EN' }).click();
    await page.getByRole('heading', { name: 'Identified' }).waitFor();
    await page.getByRole('heading', { name: 'Formula' }).waitFor();
    assert.ok((await page.getByTestId('impact-month-row').count()) >= 1);
    for (const month of await page
      .getByTestId('impact-month-row')
      .locator('td:first-child')
      .allTextContents())
      assert.match(month, /^[A-Z][a-z]{2,3} \d{4}$/, `a month: "${month}"`);
    assert.ok((await page.getByTestId('impact-org-row').count()) >= 1);
    assert.match((await page.getByTestId('impact-formula').textContent()) ?? '', /Diverted t =/);
    await page.screenshot({ path: join(results, 'impact-en.png'), fullPage: true });

    // a member: the cluster's totals, and rows of its own organisation only
    const member = await watchedPage();
    try {
      await logIn(member.page, tom.email, tom.password);
      await member.page.goto(`${base}/#/impact`);
      await member.page.getByTestId('impact-levels').waitFor();
      const rows = member.page.getByTestId('impact-org-row');
      await rows.first().waitFor();
      const names = new Set(
        (await rows.locator('td:first-child').allTextContents()).map((s) => s.trim()),
      );
      assert.equal(names.size, 1, `one organisation: ${[...names].join(', ')}`);
      assert.match([...names][0]!, /Томь|Tom/);
      // flows with the demo's anonymous holders are measured from their centres for Tom, and
      // the page says why its «Выявлено» totals are not the operator's
      assert.match(
        (await member.page
          .getByTestId('impact-level-identified')
          .getByTestId('impact-from-centre')
          .textContent()) ?? '',
        /^Потоков с участниками, скрывшими имя: \d+\. .*от центра агломерации/,
      );
      await member.page.screenshot({ path: join(results, 'impact-member.png'), fullPage: true });
      assert.deepEqual(member.foreign, []);
      assert.deepEqual(member.pageErrors, []);
    } finally {
      await member.context.close();
    }

    // the ministry, with no shares of its own: the table says why it is empty
    const ministry = await watchedPage();
    try {
      await logIn(ministry.page, 'analyst@minprom.example', 'demo-analyst-2026');
      await ministry.page.goto(`${base}/#/impact`);
      await ministry.page
        .getByTestId('impact-organisations')
        .getByText('У вашей организации нет своих долей в реестре')
        .waitFor();
      assert.deepEqual(ministry.pageErrors, []);
    } finally {
      await ministry.context.close();
    }
    assert.deepEqual(foreign, []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('assessment: the sustainability section shows its indicators with value, target and source, in both languages', {
  skip,
  timeout: 180_000,
}, async () => {
  const { context, page, foreign, pageErrors } = await watchedPage();
  try {
    await logIn(page, operator.email, operator.password);
    await page.goto(`${base}/#/assessment`);
    // the operator's language is kept from the test above: Russian first
    await page.locator('.lang-btn', { hasText: 'RU' }).click();
    const section = page.getByTestId('sustainability');
    await section.getByText('Индекс баланса', { exact: true }).waitFor();
    await section.getByTestId('sustainability-row').first().waitFor();
    assert.equal(await section.getByTestId('sustainability-row').count(), 10);
    // the seeded deliveries give the environmental part a value; deep processing is no data
    assert.match(
      (await section.getByTestId('sustainability-environmental').textContent()) ?? '',
      /\d/,
    );
    assert.match((await section.textContent()) ?? '', /нет данных/);
    await section.screenshot({ path: join(results, 'sustainability-ru.png') });
    await page.locator('.lang-btn', { hasText: 'EN' }).click();
    await section.getByText('Balance index', { exact: true }).waitFor();
    assert.match((await section.textContent()) ?? '', /no data/);
    await section.screenshot({ path: join(results, 'sustainability-en.png') });
    assert.deepEqual(foreign, []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});
