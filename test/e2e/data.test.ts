// The Data page's import as the operator uses it: a CSV is checked first (a dry run showing
// what is new, changed and unchanged), applied with one button, and the result says what
// changed (M3); a bad file is reported once, in Russian, with sections and fields as people
// call them (M2).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseCsv, writeCsv } from '../../src/registry/transfer/csv.ts';
import { base, logIn, results, skip, startServerAndBrowser, tmp, watchedPage } from './harness.ts';

startServerAndBrowser('dc-e2e-data-');

test('M2 M3: the operator uploads a CSV, sees the preview, applies it and sees what changed; errors in Russian with labels', {
  skip,
  timeout: 120_000,
}, async () => {
  const { context, page, pageErrors } = await watchedPage();
  await logIn(page, 'operator@digicluster.example', 'operator-demo-2026');
  const exported = await (
    await page.request.get(`${base}/api/v1/registry/export?format=csv`)
  ).text();
  const t = parseCsv(exported);
  const col = (h: string) => t.header.indexOf(h);
  const rows = t.rows.map((r) => [...r.cells]);
  // one organisation renamed, one site added
  const org = rows.find((r) => r[0] === 'organisation')!;
  org[col('Наименование')] = `${org[col('Наименование')]} (переименовано)`;
  const site = [...rows.find((r) => r[0] === 'site')!];
  site[col('Идентификатор')] = 'e2e-new-site';
  site[col('Наименование')] = 'Новая площадка из файла';
  rows.push(site);
  const file = join(tmp, 'edited.csv');
  writeFileSync(file, writeCsv(t.header, rows));

  await page.goto(`${base}/#/data`);
  const form = page.getByTestId('import-form');
  await form.locator('input[type="file"]').setInputFiles(file);
  await form.locator('button[type="submit"]').click();
  const preview = page.getByTestId('import-preview');
  await preview.waitFor();
  const count = async (table: string, section: string, what: string) =>
    (
      await page
        .getByTestId(table)
        .locator(`tr[data-section="${section}"] [data-testid="${what}"]`)
        .textContent()
    )?.trim();
  assert.equal(await count('import-preview-counts', 'organisations', 'updated'), '1');
  assert.equal(await count('import-preview-counts', 'organisations', 'created'), '0');
  assert.equal(await count('import-preview-counts', 'sites', 'created'), '1');
  const unchanged = Number(await count('import-preview-counts', 'sites', 'unchanged'));
  assert.ok(unchanged > 30, `${unchanged} sites unchanged`);
  assert.equal(await preview.getByTestId('import-rows').locator('tbody tr').count(), 2);
  // the changed record names the column that changes, as the file heads it; a new one none
  assert.deepEqual(
    (await preview.getByTestId('change-fields').allTextContents()).map((x) => x.trim()),
    ['Наименование'],
  );
  // nothing written yet
  const before = await (await page.request.get(`${base}/api/v1/registry/export?format=csv`)).text();
  assert.ok(!before.includes('e2e-new-site'), 'the preview wrote nothing');

  await page.getByTestId('import-apply').click();
  await page.getByTestId('import-result').waitFor();
  assert.equal(await count('import-result-counts', 'organisations', 'updated'), '1');
  assert.equal(await count('import-result-counts', 'sites', 'created'), '1');
  assert.equal(await count('import-result-counts', 'sites', 'unchanged'), String(unchanged));
  const after = await (await page.request.get(`${base}/api/v1/registry/export?format=csv`)).text();
  assert.ok(after.includes('e2e-new-site'), 'applied');
  await page.screenshot({ path: join(results, 'data-import-result.png'), fullPage: true });

  // M2: a bad latitude, reported once, in Russian, with the section and field as people call them
  const bad = rows.map((r) => [...r]);
  bad.find((r) => r[0] === 'site')![col('Широта')] = '123,5';
  const badFile = join(tmp, 'bad.csv');
  writeFileSync(badFile, writeCsv(t.header, bad));
  await form.locator('input[type="file"]').setInputFiles(badFile);
  await form.locator('button[type="submit"]').click();
  const errors = page.getByTestId('import-errors');
  await errors.locator('tbody tr').first().waitFor();
  const cells = (await errors.locator('tbody tr').first().locator('td').allTextContents()).map(
    (c) => c.trim(),
  );
  assert.equal(cells[1], 'Площадки');
  assert.match(cells[2], /^Широта/);
  assert.equal(cells[3], 'не больше 90');
  assert.equal(await errors.locator('.alert').count(), 1, 'one failure message');

  // a file broken as a whole: named once, in the table, with no line, and no placeholder field
  const cut = join(tmp, 'cut.json');
  writeFileSync(cut, '{"organisations": [');
  await form.locator('input[type="file"]').setInputFiles(cut);
  await form.locator('button[type="submit"]').click();
  await errors.getByText('файл обрывается раньше, чем документ').first().waitFor();
  assert.equal(
    (await errors.locator('.alert').textContent())?.trim(),
    'Ошибок в файле: 1; ничего не импортировано',
  );
  const whole = (await errors.locator('tbody tr').first().locator('td').allTextContents()).map(
    (c) => c.trim(),
  );
  assert.deepEqual(whole, ['—', 'Файл', '', 'неверный JSON: файл обрывается раньше, чем документ']);
  assert.deepEqual(pageErrors, []);
  await context.close();
});
