// The Decree 779 section of the Assessment page in Chromium against the Kuzbass example: the
// members' rows with their territory (monotown estimates marked), the ministry and the operator
// named apart, not counted; a member declares its year's purchases, its previous period's output
// and a contract made off the platform in the form and sees them counted; both languages; no
// horizontal overflow at 1366 and 768 px.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { clusterYear } from '../../src/model/days.ts';
import { base, logIn, results, skip, startServerAndBrowser, watchedPage } from './harness.ts';

startServerAndBrowser('dc-e2e-decree-');

const tom = { email: 'sales@tsement-tom.example', password: 'demo-cement-2026' };

const analyst = { email: 'analyst@minprom.example', password: 'demo-analyst-2026' };
const myski = { email: 'ecologist@myski-gres.example', password: 'demo-myski-2026' };

test('Decree 779, nobody declared output: «—», not «0 участников», and the evidence says so', {
  skip,
  timeout: 120_000,
}, async () => {
  const { context, page, foreign, pageErrors } = await watchedPage();
  try {
    await logIn(page, analyst.email, analyst.password);
    await page.goto(`${base}/#/assessment`);
    const output = page.getByTestId('decree-section').locator('tr[data-check="without_output"]');
    await output.waitFor();
    const cells = output.locator('td');
    assert.match((await cells.nth(1).textContent()) ?? '', /нет данных у \d+ участник/);
    assert.equal(((await cells.nth(2).textContent()) ?? '').trim(), '—');
    assert.equal(((await cells.nth(4).textContent()) ?? '').trim(), 'деклараций о выпуске нет');
    await output.screenshot({ path: join(results, 'decree-no-output-ru-1366.png') });
    await page.locator('.lang-btn', { hasText: /^EN$/ }).click();
    await page.getByText('Check against Government Decree 779').waitFor();
    assert.equal(((await cells.nth(2).textContent()) ?? '').trim(), '—');
    assert.equal(((await cells.nth(4).textContent()) ?? '').trim(), 'no output declarations');
    for (const width of [1366, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await output.screenshot({ path: join(results, `decree-no-output-en-${width}.png`) });
    }
    await page.locator('.lang-btn', { hasText: /^RU$/ }).click();
    assert.deepEqual(foreign, []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('Decree 779 declarations: sums checked in the browser beside the field; the banner goes when the form is checked again; the table says what year a declaration is about', {
  skip,
  timeout: 180_000,
}, async () => {
  const { context, page, foreign, pageErrors } = await watchedPage();
  const year = clusterYear(Date.now());
  try {
    await logIn(page, myski.email, myski.password);
    await page.goto(`${base}/#/assessment`);
    const section = page.getByTestId('decree-section');
    const form = section.getByTestId('decree-purchases-form');
    const box = form.locator('input[name="purchasesRub"]');
    const banner = section.getByTestId('decree-declarations').locator('.alert-error');
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/assessment/declarations'))
        posts.push(r.url());
    });
    // a negative sum: worded beside the field, nothing sent
    await box.fill('-100');
    await form.locator('button[type="submit"]').click();
    await form.getByText('Сумма не может быть отрицательной', { exact: true }).waitFor();
    assert.equal(await box.getAttribute('aria-invalid'), 'true');
    assert.deepEqual(posts, [], 'the browser checks the sign: nothing is sent');
    // a third decimal: refused, not rounded to «100,56 ₽»
    await box.fill('100,555');
    await form.locator('button[type="submit"]').click();
    await form.getByText(/Не больше двух знаков после запятой/).waitFor();
    assert.deepEqual(posts, []);

    // the server refuses a one-letter partner name: its banner; then a sum the browser refuses
    // clears it (it spoke of the earlier input)
    const tie = section.getByTestId('decree-tie-form');
    await tie.locator('select[name="partner"]').selectOption('outside');
    await tie.locator('input[name="partnerName"]').fill('Я');
    await tie.locator('button[type="submit"]').click();
    await banner.waitFor();
    assert.equal(posts.length, 1);
    await box.fill('-5');
    await form.locator('button[type="submit"]').click();
    await form.getByText('Сумма не может быть отрицательной', { exact: true }).waitFor();
    await banner.waitFor({ state: 'detached' });
    assert.equal(posts.length, 1);

    // the declarations table: the year each is about, under a heading that says so
    await box.fill('100,55');
    await form.locator('button[type="submit"]').click();
    const mine = section.getByTestId('decree-my-declarations');
    await mine.waitFor();
    await section.getByTestId('decree-output-form').locator('button[type="submit"]').click();
    await mine.locator('tbody tr').nth(1).waitFor();
    assert.match((await mine.locator('thead').textContent()) ?? '', /Период \/ дата договора/);
    const purchasesRow = mine.locator('tbody tr', { hasText: 'Закупки организации за год' });
    assert.match((await purchasesRow.textContent()) ?? '', /100,55/);
    assert.match((await purchasesRow.textContent()) ?? '', new RegExp(`${year} год`));
    const outputRow = mine.locator('tr[data-declaration^="output-"]');
    assert.match((await outputRow.textContent()) ?? '', new RegExp(`${year - 1} год`));
    assert.doesNotMatch((await outputRow.textContent()) ?? '', new RegExp(`${year} год`));

    for (const width of [1366, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await box.fill('-1');
      await form.locator('button[type="submit"]').click();
      await form.getByText('Сумма не может быть отрицательной', { exact: true }).waitFor();
      await section
        .getByTestId('decree-declarations')
        .screenshot({ path: join(results, `decree-declarations-ru-${width}.png`) });
      await section
        .locator('tr[data-check="without_output"]')
        .screenshot({ path: join(results, `decree-output-ru-${width}.png`) });
    }
    await page.locator('.lang-btn', { hasText: /^EN$/ }).click();
    await page.getByText('Check against Government Decree 779').waitFor();
    await form.locator('button[type="submit"]').click();
    await form.getByText('A sum cannot be negative').waitFor();
    assert.match((await mine.locator('thead').textContent()) ?? '', /Period \/ contract date/);
    assert.match((await outputRow.textContent()) ?? '', new RegExp(`${year - 1}`));
    for (const width of [1366, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await section
        .getByTestId('decree-declarations')
        .screenshot({ path: join(results, `decree-declarations-en-${width}.png`) });
      await section
        .locator('tr[data-check="without_output"]')
        .screenshot({ path: join(results, `decree-output-en-${width}.png`) });
    }
    await page.locator('.lang-btn', { hasText: /^RU$/ }).click();
    assert.deepEqual(foreign, []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await page.screenshot({ path: join(results, 'decree-declarations-last.png'), fullPage: true });
    await context.close();
  }
});

test('Decree 779: rows per member in both languages; a declaration entered in the form appears', {
  skip,
  timeout: 240_000,
}, async () => {
  const { context, page, foreign, pageErrors } = await watchedPage();
  const year = clusterYear(Date.now());
  const declared: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/assessment/declarations'))
      declared.push(r.url());
  });
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
    // a date outside the year chosen is named, not sent (a user walk's 2019 vanished from view)
    const posted = declared.length;
    await tie.locator('select[name="partner"]').selectOption('myski-gres');
    await tie.locator('input[name="valueRub"]').fill('');
    await tie.locator('input[name="on"]').fill(`${year - 1}-12-31`);
    await tie.locator('button[type="submit"]').click();
    await tie.getByText(`Дата договора — в ${year} году`, { exact: false }).waitFor();
    assert.equal(declared.length, posted);
    // a contract declared without its value is counted as such, not as one worth 0 ₽
    await tie.locator('input[name="on"]').fill(`${year}-01-01`);
    await tie.locator('button[type="submit"]').click();
    for (let i = 0; i < 50 && !/без суммы: 1/.test(row); i++) {
      await page.waitForTimeout(200);
      row = (await own.textContent()) ?? '';
    }
    assert.match(row, /300\s000,00\s₽, без суммы: 1/);

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
    // an English page reads English thousands marks (a user walk saw «1,250,000.50» refused)
    await purchases.locator('input[name="purchasesRub"]').fill('1,250,000.75');
    await purchases.locator('button[type="submit"]').click();
    await mine.getByText(/1,250,000\.75/).waitFor();
    await section.screenshot({ path: join(results, 'decree-en.png') });

    assert.deepEqual(foreign, []);
    assert.deepEqual(pageErrors, []);
  } finally {
    // what the page showed last, to look at when a step fails
    await page.screenshot({ path: join(results, 'decree-last.png'), fullPage: true });
    await context.close();
  }
});
