// The Decree 779 section of the Assessment page in Chromium against the Kuzbass example: the
// members' rows with their territory (monotown estimates marked), the ministry and the operator
// named apart, not counted; a member declares its year's purchases, its previous period's output
// and a contract made off the platform in the form and sees them counted; both languages; no
// horizontal overflow at 1366 and 768 px.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { base, logIn, results, skip, startServerAndBrowser, watchedPage } from './harness.ts';

startServerAndBrowser('dc-e2e-decree-');

const tom = { email: 'sales@tsement-tom.example', password: 'demo-cement-2026' };

test('Decree 779: rows per member in both languages; a declaration entered in the form appears', {
  skip,
  timeout: 240_000,
}, async () => {
  const { context, page, foreign, pageErrors } = await watchedPage();
  try {
    await logIn(page, tom.email, tom.password);
    await page.goto(`${base}/#/assessment`);
    const section = page.getByTestId('decree-section');
    const members = section.getByTestId('decree-members');
    await members.waitFor();
    assert.ok((await members.locator('tbody tr').count()) >= 20);
    const own = members.locator('tr[data-member="tsement-tom"]');
    assert.match((await own.textContent()) ?? '', /моногород/);
    assert.match((await own.textContent()) ?? '', /оценка/);
    assert.match((await own.textContent()) ?? '', /нет данных/);
    // another member's sums are hidden from this member
    assert.match(
      (await members.locator('tr[data-member="myski-gres"]').textContent()) ?? '',
      /скрыто/,
    );
    assert.equal(await section.getByTestId('decree-checks').locator('tbody tr').count(), 3);
    // the counts say what they count: «4 из 31 участника», «все 31 участник»
    const contracts = (await section.locator('tr[data-check="contracts"]').textContent()) ?? '';
    assert.match(contracts, /\d+ из \d+ участник(а|ов)?[\s\S]*все \d+ участник/);
    // the ministry and the operator are no participants: named apart, not in the rows
    assert.equal(await members.locator('tr[data-member="minprom-kuzbass"]').count(), 0);
    assert.equal(await members.locator('tr[data-member="kuzbass-technopark"]').count(), 0);
    assert.match(
      (await section.getByTestId('decree-not-counted').textContent()) ?? '',
      /Министерство промышленности и торговли Кузбасса — орган власти/,
    );
    // the Myski GRES' deal with DorStroy, agreed last year, is in force this year
    assert.doesNotMatch(
      (await section.locator('tr[data-check="contracts"]').textContent()) ?? '',
      /Мысковская ГРЭС/,
    );
    const output = section.locator('tr[data-check="without_output"]');
    assert.match(
      (await output.textContent()) ?? '',
      /Участники без промышленной продукции в предыдущем периоде[\s\S]*нет данных у \d+ участник/,
    );

    // the year's purchases
    const purchases = section.getByTestId('decree-purchases-form');
    await purchases.locator('input[name="purchasesRub"]').fill('1 250 000,50');
    await purchases.locator('button[type="submit"]').click();
    const mine = section.getByTestId('decree-my-declarations');
    await mine.waitFor();
    // the member's own row shows the figure once the check is read again
    let row = '';
    for (let i = 0; i < 50 && !/1\s250\s000,50/.test(row); i++) {
      await page.waitForTimeout(200);
      row = (await own.textContent()) ?? '';
    }
    assert.match(row, /1\s250\s000,50/);
    assert.match((await mine.textContent()) ?? '', /1\s250\s000,50/);

    // the previous period's output: none, organising it in the cluster
    const outputForm = section.getByTestId('decree-output-form');
    await outputForm.locator('select[name="output"]').selectOption('organising');
    await outputForm.locator('button[type="submit"]').click();
    for (let i = 0; i < 50 && !/организует в кластере/.test(row); i++) {
      await page.waitForTimeout(200);
      row = (await own.textContent()) ?? '';
    }
    assert.match(row, /нет, организует в кластере/);
    await mine.getByText(/Промышленная продукция в \d{4} году: Не выпускали, организуем/).waitFor();

    // a supply contract with the GRES made off the platform
    const before = Number(
      ((await section.getByTestId('decree-transactions').textContent()) ?? '').match(
        /из (\d+)/,
      )?.[1] ?? 0,
    );
    const tie = section.getByTestId('decree-tie-form');
    await tie.locator('select[name="partner"]').selectOption('myski-gres');
    await tie.locator('input[name="valueRub"]').fill('300000');
    await tie.locator('button[type="submit"]').click();
    await mine.locator('tbody tr').nth(2).waitFor();
    assert.match((await mine.textContent()) ?? '', /поставка/);
    assert.match((await mine.textContent()) ?? '', /300\s000,00/);
    await section
      .getByTestId('decree-transactions')
      .getByText(new RegExp(`из ${before + 1} `))
      .waitFor();

    for (const width of [1366, 768]) {
      await page.setViewportSize({ width, height: 900 });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px at ${width}`);
      await section.screenshot({ path: join(results, `decree-${width}.png`) });
    }

    await page.locator('.lang-btn', { hasText: /^EN$/ }).click();
    await page.getByText('Check against Government Decree 779').waitFor();
    assert.match((await own.textContent()) ?? '', /monotown/);
    assert.match((await own.textContent()) ?? '', /estimate/);
    assert.match((await members.locator('thead').textContent()) ?? '', /Purchases in the year/);
    assert.match((await mine.textContent()) ?? '', /supply/);
    await section.screenshot({ path: join(results, 'decree-en.png') });

    assert.deepEqual(foreign, []);
    assert.deepEqual(pageErrors, []);
  } finally {
    // what the page showed last, to look at when a step fails
    await page.screenshot({ path: join(results, 'decree-last.png'), fullPage: true });
    await context.close();
  }
});
