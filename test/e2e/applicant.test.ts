// The applicant's journey in Chromium (issue 9; user walk H1, H5, H6, L2, L11): apply with a
// first site placed by clicking the offline map, follow the status link, be rejected (the
// operator confirms), apply again from the status page, be admitted in a granted role, and
// see the site on the organisation's participant page. Each page is looked at in both
// languages at 1366 and 768 px (no sideways overflow) and saved in test-results/applicant/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { completeInn10, completeOgrn13 } from '../../src/model/index.ts';
import { base, logIn, results, skip, startServerAndBrowser, watchedPage } from './harness.ts';

const operator = { email: 'operator@digicluster.example', password: 'operator-demo-2026' };
const folder = join(results, 'applicant');

startServerAndBrowser('dc-e2e-applicant-');

/** The page at 1366 and 768 px in Russian and English: nothing overflows sideways; saved to look at. */
async function look(page: Page, name: string) {
  mkdirSync(folder, { recursive: true });
  for (const lang of ['en', 'ru'] as const) {
    await page.locator('.lang-btn', { hasText: lang.toUpperCase() }).click();
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    for (const width of [1366, 768]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(150);
      const [scrollWidth, innerWidth] = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        window.innerWidth,
      ]);
      assert.ok(scrollWidth <= innerWidth, `${name}: ${scrollWidth} px wide in ${innerWidth}`);
      await page.screenshot({ path: join(folder, `${name}-${width}-${lang}.png`), fullPage: true });
    }
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

test("the applicant's journey: apply with a site on the map, rejected, again, admitted", {
  skip,
  timeout: 300_000,
}, async (t) => {
  const { page, foreign, pageErrors } = await watchedPage();
  const desk = await watchedPage();
  const op = desk.page;
  const suffix = String(Date.now()).slice(-7);
  const name = `ООО «Сорбция ${suffix}»`;
  const siteName = `Цех сорбентов ${suffix}`;
  let statusUrl = '';

  await t.test(
    'H1 L11 an anonymous visitor applies, placing the first site on the map',
    async () => {
      await page.goto(`${base}/#/apply`);
      const form = page.getByTestId('apply-form');
      await form.locator('[name="organisation.name"]').fill(name);
      await form.locator('[name="organisation.nameEn"]').fill(`Sorbtsiya ${suffix} LLC`);
      // nothing is chosen for the applicant: the box asks
      assert.equal(await form.locator('[name="organisation.kind"]').inputValue(), '');
      await form.locator('[name="organisation.kind"]').selectOption('waste_processor');
      await form.locator('[name="organisation.inn"]').fill(completeInn10(`42${suffix}`));
      await form.locator('[name="organisation.ogrn"]').fill(completeOgrn13(`10242${suffix}`));
      await form.locator('[name="organisation.okved"]').fill('38.32');
      // a small processor on the simplified regime, exempt from VAT
      await form.locator('[name="organisation.vatRegime"]').selectOption({ label: 'УСН без НДС' });
      await form.locator('[name="organisation.employees"]').fill('40');
      await form.locator('[name="organisation.knowledgeWorkers"]').fill('6');
      await form.locator('[name="organisation.website"]').fill('sorbcia.example');
      await form.locator('[name="admin.name"]').fill('Олег Сорбов');
      await form.locator('[name="admin.email"]').fill(`oleg-${suffix}@sorbcia.example`);
      await form.locator('[name="admin.password"]').fill('sorbcia-pass-2026');
      await form.locator('[name="site.name"]').fill(siteName);
      await form.locator('[name="site.kind"]').selectOption('plant');
      // the map has its accessible name; a click places the site and fills the coordinates
      const map = page.getByRole('application', { name: /щёлкните, чтобы поставить площадку/ });
      await map.waitFor();
      await map.click();
      await page.locator('path.site-form-marker').waitFor();
      const lat = await form.locator('[name="site.lat"]').inputValue();
      const lon = await form.locator('[name="site.lon"]').inputValue();
      assert.match(lat, /^5\d,\d{5}$/, 'a latitude in Kuzbass, with the decimal comma');
      assert.match(lon, /^8\d,\d{5}$/);
      // the marker follows typed coordinates
      const before = await page.locator('path.site-form-marker').boundingBox();
      await form.locator('[name="site.lat"]').fill('53,75');
      await form.locator('[name="site.lon"]').fill('87,12');
      await page.waitForFunction((y) => {
        const box = document.querySelector('path.site-form-marker')?.getBoundingClientRect();
        return box && Math.abs(box.y - y) > 2;
      }, before?.y ?? 0);
      await form.locator('[name="site.lat"]').fill(lat);
      await form.locator('[name="site.lon"]').fill(lon);
      await form.locator('button[type="submit"]').click();
      // the consent is required, and a website without its scheme is refused at its field
      await form.locator('[name="consent"][aria-invalid="true"]').waitFor();
      await form.locator('[name="organisation.website"][aria-invalid="true"]').waitFor();
      assert.match(
        (await form
          .locator('.field-invalid', { has: page.locator('[name="organisation.website"]') })
          .textContent()) ?? '',
        /https:\/\//,
      );
      await form.locator('[name="organisation.website"]').fill('https://sorbcia.example');
      await form.locator('[name="consent"]').check();
      // the region box offers the home region in the reader's language and follows a switch
      // (the body records it in Russian: application.test.ts)
      const region = form.locator('[name="organisation.region"]');
      assert.equal(await region.inputValue(), 'Кемеровская область — Кузбасс');
      await page.locator('.lang-btn', { hasText: 'EN' }).click();
      // the box is re-worded by an effect of the switch, a render after the page's language
      // is set: wait for it rather than read it at once
      const regionReads = (text: string) =>
        page.waitForFunction(
          (t) =>
            document.querySelector<HTMLInputElement>('[name="organisation.region"]')?.value === t,
          text,
        );
      await regionReads('Kemerovo Oblast – Kuzbass');
      await look(page, 'apply-form');
      await regionReads('Кемеровская область — Кузбасс');
      await form.locator('button[type="submit"]').click();
      const done = page.getByTestId('application-done');
      await done.waitFor();
      statusUrl = (await page.getByTestId('status-link').textContent()) ?? '';
      assert.match(statusUrl, /#\/application\/[A-Za-z0-9_-]{40,}$/);
      assert.match(
        (await done.textContent()) ?? '',
        /Заявка ООО «Сорбция \d+» принята к рассмотрению/,
      );
      // in English, the English name the applicant gave
      await page.locator('.lang-btn', { hasText: 'EN' }).click();
      await done.filter({ hasText: `The application of “Sorbtsiya ${suffix} LLC”` }).waitFor();
      await look(page, 'apply-success');
    },
  );

  await t.test('H5 the success page leads to the status page: pending', async () => {
    await page.getByTestId('open-status').click();
    await page.locator('[data-testid="application-status"][data-status="pending"]').waitFor();
    assert.match((await page.getByTestId('application-status').textContent()) ?? '', /Сорбция/);
    await look(page, 'status-pending');
    // a wrong link is a page that says so, not an error
    await page.goto(`${base}/#/application/${'x'.repeat(43)}`);
    await page.locator('h1', { hasText: 'Заявка не найдена' }).waitFor();
    // so is a link cut short (the API refuses its form, 400, before looking it up)
    await page.goto(`${base}/#/application/abc`);
    await page.locator('h1', { hasText: 'Заявка не найдена' }).waitFor();
    assert.equal(await page.locator('.state-error').count(), 0);
    await page.goBack();
    await page.goBack();
  });

  await t.test('H6 the operator rejects, confirming first; the status page shows it', async () => {
    await logIn(op, operator.email, operator.password);
    await op.goto(`${base}/#/admin/applications`);
    const card = op.getByTestId('application').filter({ hasText: suffix });
    await card.waitFor();
    await card.getByTestId('application-site').getByText(siteName).waitFor();
    // a rejection without a reason is not asked about: the note's box says what it needs
    await card.getByTestId('reject').click();
    await card.locator('.field-error', { hasText: 'Напишите причину отказа' }).waitFor();
    assert.equal(await card.getByRole('alertdialog').count(), 0);
    assert.equal(
      await card.locator('input[name="note"]').evaluate((el) => el === document.activeElement),
      true,
    );
    await card.locator('input[name="note"]').fill('Уточните численность работников');
    await card.getByTestId('reject').click();
    // nothing is rejected yet: the question is asked in place, and admitting waits for it
    await card.getByRole('alertdialog').waitFor();
    assert.equal(await card.getByTestId('reject-confirm').isVisible(), true);
    assert.equal(await card.locator('button[type="submit"]').isDisabled(), true);
    await look(op, 'admission-confirm-reject');
    await op.locator('.lang-btn', { hasText: 'RU' }).click();
    await card.getByTestId('reject-confirm').click();
    await op.locator('.alert-success').waitFor();
    await page.goto(statusUrl);
    await page.reload();
    await page.locator('[data-testid="application-status"][data-status="rejected"]').waitFor();
    assert.equal(
      await page.getByTestId('status-note').textContent(),
      'Уточните численность работников',
    );
    await look(page, 'status-rejected');
  });

  await t.test('H6 the applicant applies again from the status page, prefilled', async () => {
    await page.getByTestId('apply-again').click();
    const form = page.getByTestId('apply-form');
    await form.waitFor();
    assert.equal(await form.locator('[name="organisation.name"]').inputValue(), name);
    assert.equal(await form.locator('[name="site.name"]').inputValue(), siteName);
    assert.equal(await form.locator('[name="organisation.inn"]').getAttribute('readonly'), '');
    await page.locator('path.site-form-marker').waitFor();
    await form.locator('[name="organisation.employees"]').fill('45');
    await form.locator('[name="consent"]').check();
    await look(page, 'apply-again');
    await form.locator('button[type="submit"]').click();
    await page.getByTestId('application-done').waitFor();
    statusUrl = (await page.getByTestId('status-link').textContent()) ?? '';
    await page.getByTestId('open-status').click();
    await page.locator('[data-testid="application-status"][data-status="pending"]').waitFor();
  });

  await t.test(
    'L2 the operator admits it in a role; the accepted tab shows the role granted',
    async () => {
      await op.goto(`${base}/#/admin/applications`);
      await op.reload();
      const card = op.getByTestId('application').filter({ hasText: suffix });
      await card.waitFor();
      await card.locator('select[name="role"]').selectOption('core');
      await card.locator('button[type="submit"]').click();
      await op.locator('.alert-success').waitFor();
      await op.getByRole('tab', { name: 'Приняты' }).click();
      const admitted = op.getByTestId('application').filter({ hasText: suffix });
      await admitted.getByTestId('granted-role').getByText('Ядро').waitFor();
      await look(op, 'admission-admitted-tab');
    },
  );

  await t.test('the status shows admitted, and the participant page lists the site', async () => {
    await page.reload();
    await page.locator('[data-testid="application-status"][data-status="admitted"]').waitFor();
    assert.match((await page.getByTestId('application-status').textContent()) ?? '', /Ядро/);
    await look(page, 'status-admitted');
    const members = (await (await fetch(`${base}/api/v1/organisations`)).json()) as Array<{
      id: string;
      name: string;
      vatRegime: string;
    }>;
    const org = members.find((o) => o.name === name);
    assert.ok(org, 'the organisation is in the public directory');
    assert.equal(org.vatRegime, 'usn_exempt', 'the regime the application stated');
    await page.goto(`${base}/#/participants/${org.id}`);
    await page.getByText(siteName).first().waitFor();
    assert.equal(await page.getByTestId('participant-vat-regime').textContent(), 'УСН без НДС');
    await page.locator('path.site-marker').first().waitFor();
  });

  await t.test('a repeated application reaches the operator, not a dead end', async () => {
    // someone applies for another organisation with the admitted admin's e-mail: answered as
    // a new application (F8), listed for the operator with what it repeats
    const other = `ООО «Сорбция-2 ${suffix}»`;
    const r = await fetch(`${base}/api/v1/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        organisation: {
          name: other,
          kind: 'waste_processor',
          inn: completeInn10(`43${suffix}`),
          ogrn: completeOgrn13(`10243${suffix}`),
          okved: '38.32',
          region: 'Кемеровская область — Кузбасс',
          employees: 5,
          knowledgeWorkers: 1,
        },
        admin: {
          email: `oleg-${suffix}@sorbcia.example`,
          name: 'Олег Сорбов',
          password: 'another-pass-2026',
        },
        consent: true,
      }),
    });
    assert.equal(r.status, 201, await r.text());
    await op.goto(`${base}/#/admin/applications`);
    await op.reload();
    // the tab counts them before it is opened
    const countBefore = Number(await op.getByTestId('duplicates-count').textContent());
    assert.ok(countBefore >= 1, String(countBefore));
    await op.getByRole('tab', { name: /^Повторные/ }).click();
    const card = op.getByTestId('duplicate-application').filter({ hasText: other });
    await card.waitFor();
    assert.equal(await card.getByTestId('duplicate-repeats').textContent(), 'Электронная почта');
    assert.match(
      (await card.getByTestId('duplicate-existing').textContent()) ?? '',
      new RegExp(`Сорбция ${suffix}`),
    );
    assert.equal(await card.getByTestId('duplicate-state').textContent(), 'Ждёт ответа');
    await look(op, 'admission-duplicates');
    // the operator answered by e-mail and records how: without a note it says what is missing
    const form = card.getByTestId('duplicate-answer-form');
    await form.getByRole('button', { name: 'Отметить отвеченной' }).click();
    await form.getByText('Напишите, как ответили заявителю').waitFor();
    await form.locator('input[name="note"]').fill('Написали: почта уже у «Сорбции», войдите с ней');
    await form.getByRole('button', { name: 'Отметить отвеченной' }).click();
    await card.getByTestId('duplicate-answer').waitFor();
    assert.equal(await card.getByTestId('duplicate-state').textContent(), 'Отвечено');
    assert.match(
      (await card.getByTestId('duplicate-answer').textContent()) ?? '',
      /почта уже у «Сорбции».*Оператор/,
    );
    // the tab counts only those still waiting
    const counter = op.getByTestId('duplicates-count');
    if (countBefore === 1) await counter.waitFor({ state: 'detached' });
    else assert.equal(Number(await counter.textContent()), countBefore - 1);
    await look(op, 'admission-duplicate-answered');
  });

  await t.test(
    'the admitted applicant logs in from the status page and lands on its organisation',
    async () => {
      await page.goto(statusUrl);
      await page.getByTestId('status-login').click();
      await page.fill('input[name="email"]', `oleg-${suffix}@sorbcia.example`);
      await page.fill('input[name="password"]', 'sorbcia-pass-2026');
      await page.press('input[name="password"]', 'Enter');
      await page.waitForURL((u) => u.hash === '#/organisation');
      await page.locator('h1', { hasText: name }).waitFor();
    },
  );

  assert.deepEqual(foreign, [], 'no request left the server');
  assert.deepEqual(desk.foreign, []);
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(desk.pageErrors, []);
});
