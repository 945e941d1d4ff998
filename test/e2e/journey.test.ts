// A new member's whole way in, in Chromium (issue 9, "What must be shown"): apply with a first
// site placed on the offline map, be admitted, log in, add a second site on the map, publish an
// offer there and see the offer in a plan. Before issue 9 a new member could not add a site,
// so it could never list anything (user walk H1).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { completeInn10, completeOgrn13 } from '../../src/model/index.ts';
import {
  base,
  logIn,
  logOut,
  results,
  skip,
  startServerAndBrowser,
  watchedPage,
} from './harness.ts';

const operator = { email: 'operator@digicluster.example', password: 'operator-demo-2026' };

startServerAndBrowser('dc-e2e-journey-');

test('a new member: apply with a site, admitted, a second site on the map, an offer in the plan', {
  skip,
  timeout: 300_000,
}, async (t) => {
  const { page, foreign, pageErrors } = await watchedPage();
  const suffix = String(Date.now()).slice(-7);
  const name = `ООО «Закладка ${suffix}»`;
  const admin = { email: `admin-${suffix}@zakladka.example`, password: 'zakladka-pass-2026' };
  const firstSite = `Контора ${suffix}`;
  const secondSite = `Дробильный участок ${suffix}`;
  let organisationId = '';
  let secondSiteId = '';
  let listingId = '';

  /** Clicks the site form's map and checks that the click filled the coordinates. */
  async function placeOnMap(form: ReturnType<typeof page.getByTestId>, latName: string) {
    const map = form.locator('.site-form-map');
    await map.waitFor();
    await page.waitForFunction(() => document.querySelector('.site-form-map path'));
    const box = await map.boundingBox();
    assert.ok(box);
    await map.click({ position: { x: box.width * 0.5, y: box.height * 0.5 } });
    await page.locator('path.site-form-marker').waitFor();
    assert.match(await form.locator(`[name="${latName}"]`).inputValue(), /^5\d,\d{5}$/);
  }

  await t.test('an anonymous visitor applies with a first site placed on the map', async () => {
    await page.goto(`${base}/#/apply`);
    const form = page.getByTestId('apply-form');
    await form.locator('[name="organisation.name"]').fill(name);
    await form.locator('[name="organisation.nameEn"]').fill(`Zakladka ${suffix} LLC`);
    await form.locator('[name="organisation.kind"]').selectOption('waste_processor');
    await form.locator('[name="organisation.inn"]').fill(completeInn10(`42${suffix}`));
    await form.locator('[name="organisation.ogrn"]').fill(completeOgrn13(`10342${suffix}`));
    await form.locator('[name="organisation.okved"]').fill('38.32');
    await form.locator('[name="organisation.employees"]').fill('25');
    await form.locator('[name="organisation.knowledgeWorkers"]').fill('3');
    await form.locator('[name="admin.name"]').fill('Ирина Закладова');
    await form.locator('[name="admin.email"]').fill(admin.email);
    await form.locator('[name="admin.password"]').fill(admin.password);
    await form.locator('[name="site.name"]').fill(firstSite);
    await form.locator('[name="site.kind"]').selectOption('office');
    await placeOnMap(form, 'site.lat');
    await form.locator('[name="consent"]').check();
    await form.locator('button[type="submit"]').click();
    await page.getByTestId('application-done').waitFor();
    await page.getByTestId('open-status').click();
    await page.locator('[data-testid="application-status"][data-status="pending"]').waitFor();
  });

  await t.test('the operator admits it', async () => {
    await logIn(page, operator.email, operator.password);
    await page.goto(`${base}/#/admin/applications`);
    const card = page.getByTestId('application').filter({ hasText: suffix });
    await card.getByTestId('application-site').getByText(firstSite).waitFor();
    await card.locator('button[type="submit"]').click();
    await page.locator('.alert-success').waitFor();
    await logOut(page);
  });

  await t.test('its admin logs in and adds a second site by clicking the map', async () => {
    await logIn(page, admin.email, admin.password);
    await page.goto(`${base}/#/organisation`);
    await page.getByTestId('sites-table').getByText(firstSite).waitFor();
    await page.getByTestId('add-site').click();
    const form = page.getByTestId('site-form');
    await form.locator('input[name="name"]').fill(secondSite);
    await placeOnMap(form, 'lat');
    // then moved by typing, next to Shakhta Usinskaya, whose backfill request the offer serves
    await form.locator('input[name="lat"]').fill('53,7300');
    await form.locator('input[name="lon"]').fill('88,0400');
    await form.getByRole('button', { name: 'Сохранить площадку' }).click();
    await page.getByTestId('site-notice').waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).json());
    organisationId = me.actor.organisationId;
    assert.ok(organisationId, 'the admin belongs to the new organisation');
    const sites = await page.evaluate(
      async (id) => (await fetch(`/api/v1/organisations/${id}/sites`)).json(),
      organisationId,
    );
    assert.deepEqual(
      sites.map((s: { name: string }) => s.name).sort(),
      [secondSite, firstSite].sort(),
    );
    secondSiteId = sites.find((s: { name: string }) => s.name === secondSite).id;
    await page.screenshot({ path: join(results, 'journey-sites.png'), fullPage: true });
  });

  await t.test('it publishes an offer of host rock at the second site', async () => {
    await page.goto(`${base}/#/marketplace/new`);
    const form = page.getByTestId('listing-form');
    await form.locator('input[name="side"][value="offer"]').check();
    await form.locator('select[name="siteId"]').selectOption(secondSiteId);
    await form.locator('select[name="materialId"]').selectOption('host-rock');
    await form.locator('select[name="legalStatus"]').selectOption('waste');
    const fkko = form.locator('input[name="fkko"]');
    await fkko.fill('');
    await fkko.pressSequentially('2 11 221 11 20 5');
    await page.getByTestId('fkko-options').locator('[role="option"]').first().waitFor();
    await fkko.press('Enter');
    await form.locator('input[name="quantityPerYear"]').fill('40 000');
    await form.locator('input[name="quality.size"]').fill('30');
    await form.locator('input[name="disposalCostKopecksPerUnit"]').fill('900');
    await page.getByTestId('publish-new').click();
    await page.waitForURL(/#\/marketplace\/l-[^/]+$/);
    listingId = decodeURIComponent(page.url().split('/').pop() ?? '');
    const l = await page.evaluate(
      async (id) => (await fetch(`/api/v1/listings/${id}`)).json(),
      listingId,
    );
    assert.equal(l.status, 'active');
    assert.equal(l.siteId, secondSiteId);
  });

  await t.test('the plan ships the offer', async () => {
    await page.goto(`${base}/#/plan`);
    await page.getByTestId('run-plan').click();
    const row = page.getByTestId('flows-table').locator(`tr[data-flow^="${listingId}>"]`);
    await row.first().waitFor({ timeout: 60_000 });
    assert.match((await row.first().textContent()) ?? '', /Порода|порода/);
    await page.screenshot({ path: join(results, 'journey-plan.png'), fullPage: true });
  });

  assert.deepEqual(foreign, [], 'no request left the server');
  assert.deepEqual(pageErrors, []);
});
