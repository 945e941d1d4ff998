// An admitted member serves itself in Chromium (issue 9, user walk H1, L5, L6, L11): the profile,
// a site placed on the offline map and used by a listing, the account's password, the operator's
// reset link, an invitation that logs in, and a fresh organisation leaving the cluster. This file
// starts its own server, so changing the demo admin's password here touches no other test.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { completeInn10, completeOgrn13 } from '../../src/model/index.ts';
import {
  answer,
  callApi as api,
  base,
  browser,
  logIn,
  logOut,
  results,
  skip,
  startServerAndBrowser,
  watchedPage,
} from './harness.ts';

const operator = { email: 'operator@digicluster.example', password: 'operator-demo-2026' };

/** The operator logged in, in a browser context of its own (Russian, a laptop's screen). */
async function asOperator() {
  const op = await browser!.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU' });
  const opPage = await op.newPage();
  await logIn(opPage, operator.email, operator.password);
  return { op, opPage };
}
const tom = { email: 'sales@tsement-tom.example', password: 'demo-cement-2026' };

startServerAndBrowser('dc-e2e-member-');

test('a member serves itself: profile, sites, account, reset link, leaving', {
  skip,
  timeout: 300_000,
}, async (t) => {
  const { context, page, foreign, pageErrors } = await watchedPage();
  const siteName = `Площадка приёмки ${Date.now() % 100000}`;
  let siteId = '';

  await t.test('L6: logging in returns to the page the user came from', async () => {
    await page.goto(`${base}/#/matches`);
    await page.locator('.topbar a[href="#/login"]').click();
    await page.waitForURL(/#\/login$/);
    await page.fill('input[name="email"]', tom.email);
    await page.fill('input[name="password"]', tom.password);
    await page.press('input[name="password"]', 'Enter');
    await page.locator('.user .user-name').waitFor();
    await page.waitForURL(/#\/matches$/);
  });

  await t.test('the admin edits the profile: a refusal at the box, then a good save', async () => {
    await page.goto(`${base}/#/organisation`);
    const form = page.getByTestId('profile-form');
    await form.waitFor();
    const employees = form.locator('input[name="employees"]');
    const original = await employees.inputValue();
    // fewer employees than knowledge workers: the server refuses at the knowledge workers' box
    await employees.fill('1');
    await form.getByRole('button', { name: 'Сохранить профиль' }).click();
    const refused = form.locator('.field-invalid', {
      has: page.locator('input[name="knowledgeWorkers"]'),
    });
    await refused.waitFor();
    assert.match((await refused.locator('.field-error').textContent()) ?? '', /больше/);
    await page.screenshot({ path: join(results, 'member-profile-refused.png') });
    await employees.fill(original);
    await form.locator('textarea[name="description"]').fill('Цемент и приём золы-уноса.');
    // the VAT regime its deliveries charge: offered in words, saved as the code
    const vat = form.locator('select[name="vatRegime"]');
    assert.equal(await vat.inputValue(), 'general');
    assert.deepEqual(await vat.locator('option').allTextContents(), [
      'НДС по общей ставке, с вычетом',
      'УСН без НДС',
      'УСН, НДС 5 %',
      'УСН, НДС 7 %',
    ]);
    await vat.selectOption({ label: 'УСН без НДС' });
    await form.getByRole('button', { name: 'Сохранить профиль' }).click();
    await page.getByTestId('profile-saved').waitFor();
    const org = await api(page, 'GET', '/organisations/tsement-tom');
    assert.equal(org.body.description, 'Цемент и приём золы-уноса.');
    assert.equal(String(org.body.employees), original.replace(/\s/g, ''));
    assert.equal(org.body.vatRegime, 'usn_exempt');
    await page.reload();
    await form.waitFor();
    assert.equal(await vat.inputValue(), 'usn_exempt');
    // back to the general regime, as the rest of the walk expects
    const back = await api(page, 'PATCH', '/organisations/tsement-tom', { vatRegime: 'general' });
    assert.equal(back.status, 200, JSON.stringify(back.body));
  });

  await t.test(
    'the profile names every bad box at once; a cleared website is removed',
    async () => {
      await page.goto(`${base}/#/organisation`);
      const form = page.getByTestId('profile-form');
      await form.waitFor();
      const box = (name: string) => form.locator(`[name="${name}"]`);
      const before = {
        name: await box('name').inputValue(),
        employees: await box('employees').inputValue(),
        knowledgeWorkers: await box('knowledgeWorkers').inputValue(),
      };
      await box('name').fill('');
      await box('employees').fill('-5');
      await box('knowledgeWorkers').fill('много');
      await box('website').fill('не сайт');
      await form.getByRole('button', { name: 'Сохранить профиль' }).click();
      const invalid = form.locator('.field-invalid');
      await invalid.nth(3).waitFor();
      const named = await invalid
        .locator('input')
        .evaluateAll((els) => els.map((e) => e.getAttribute('name')).sort());
      assert.deepEqual(named, ['employees', 'knowledgeWorkers', 'name', 'website']);
      // nothing was saved, and what was typed stays
      assert.equal(await box('website').inputValue(), 'не сайт');
      const kept = await api(page, 'GET', '/organisations/tsement-tom');
      assert.equal(kept.body.website ?? '', '');
      for (const [k, v] of Object.entries(before)) await box(k).fill(v);
      await box('website').fill('https://tsement-tom.example');
      await form.getByRole('button', { name: 'Сохранить профиль' }).click();
      await page.getByTestId('profile-saved').waitFor();
      assert.equal(
        (await api(page, 'GET', '/organisations/tsement-tom')).body.website,
        'https://tsement-tom.example',
      );
      await box('website').fill('');
      await form.getByRole('button', { name: 'Сохранить профиль' }).click();
      await page.getByTestId('profile-saved').waitFor();
      assert.equal((await api(page, 'GET', '/organisations/tsement-tom')).body.website, undefined);
      assert.equal(await box('website').inputValue(), '');
    },
  );

  await t.test(
    'my organisation: typed work in any of its forms asks before leaving; saved or cancelled, none',
    async () => {
      const tab = await context.newPage();
      const asked: string[] = [];
      tab.on('dialog', (d) => {
        asked.push(d.message());
        answer(d, 'stay');
      });
      const leave = async () => {
        await tab.locator('a.nav-link', { hasText: 'Биржа' }).click();
        await tab.waitForTimeout(300);
      };
      const question = 'Изменения не сохранены. Уйти со страницы и потерять их?';
      await tab.goto(`${base}/#/organisation`);
      // a site placed by a click on the map alone is work too; cancelled, it holds none
      await tab.getByTestId('add-site').click();
      const siteForm = tab.getByTestId('site-form');
      const map = siteForm.locator('.site-form-map');
      await tab.waitForFunction(() => document.querySelector('.site-form-map path'));
      const box = await map.boundingBox();
      assert.ok(box);
      await map.click({ position: { x: box.width * 0.45, y: box.height * 0.45 } });
      assert.notEqual(await siteForm.locator('input[name="lat"]').inputValue(), '');
      await leave();
      assert.deepEqual(asked, [question]);
      await siteForm.getByRole('button', { name: 'Отмена' }).click();
      await siteForm.waitFor({ state: 'detached' });
      await leave();
      await tab.waitForURL(/#\/marketplace$/);
      assert.equal(asked.length, 1, 'a cancelled site asks nothing');
      await tab.goto(`${base}/#/organisation`);
      const profile = tab.getByTestId('profile-form');
      const description = profile.locator('textarea[name="description"]');
      await description.waitFor();
      const saved = await description.inputValue();
      await description.fill(`${saved} Дополнение.`);
      await leave();
      assert.deepEqual(asked, [question, question]);
      assert.match(tab.url(), /#\/organisation$/);
      assert.equal(await description.inputValue(), `${saved} Дополнение.`);
      // logging out would lose it too: asked first, and «stay» keeps the session and the text
      await tab.locator('.user button').click();
      await tab.waitForTimeout(300);
      assert.equal(asked.length, 3);
      await tab.locator('.user .user-name').waitFor();
      assert.equal(await description.inputValue(), `${saved} Дополнение.`);
      // a site begun and cancelled holds nothing; the profile still does
      await tab.getByTestId('add-site').click();
      await siteForm.locator('input[name="name"]').fill('Черновик площадки');
      await siteForm.getByRole('button', { name: 'Отмена' }).click();
      await siteForm.waitFor({ state: 'detached' });
      await leave();
      assert.equal(asked.length, 4, 'the profile still asks');
      // saved (nothing changed in the end): the page goes without a question
      await description.fill(saved);
      await profile.getByRole('button', { name: 'Сохранить профиль' }).click();
      await tab.getByTestId('profile-saved').waitFor();
      await tab.locator('a.nav-link', { hasText: 'Биржа' }).click();
      await tab.waitForURL(/#\/marketplace$/);
      assert.equal(asked.length, 4);
      await tab.close();
    },
  );

  await t.test('H1: a site placed by a click on the offline map', async () => {
    await page.getByTestId('add-site').click();
    const form = page.getByTestId('site-form');
    await form.locator('input[name="name"]').fill(siteName);
    await form.locator('input[name="nameEn"]').fill(`${siteName} (EN)`);
    const map = form.locator('.site-form-map');
    await map.waitFor();
    await page.waitForFunction(() => document.querySelector('.site-form-map path'));
    const box = await map.boundingBox();
    assert.ok(box);
    await map.click({ position: { x: box.width * 0.45, y: box.height * 0.45 } });
    const lat = await form.locator('input[name="lat"]').inputValue();
    const lon = await form.locator('input[name="lon"]').inputValue();
    assert.match(lat, /^5\d,\d{5}$/, `latitude from the click: ${lat}`);
    assert.match(lon, /^8\d,\d{5}$/, `longitude from the click: ${lon}`);
    await page.screenshot({ path: join(results, 'member-site-placed.png'), fullPage: true });
    await form.getByRole('button', { name: 'Сохранить площадку' }).click();
    await page.getByTestId('site-notice').waitFor();
    const sites = await api(page, 'GET', '/organisations/tsement-tom/sites');
    const site = sites.body.find((s: { name: string }) => s.name === siteName);
    assert.ok(site, 'the site is stored');
    siteId = site.id;
    assert.equal(site.inRegion, true);
    assert.ok(Math.abs(site.lat - Number(lat.replace(',', '.'))) < 1e-4);
    assert.equal(site.nameEn, `${siteName} (EN)`);
    const row = page.getByTestId('sites-table').locator(`tr[data-site="${siteId}"]`);
    await row.waitFor();
    // the English pages name it in English
    await page.locator('.lang-btn[lang="en"]').click();
    await row.getByText(`${siteName} (EN)`).waitFor();
    await page.locator('.lang-btn[lang="ru"]').click();
    await row.getByText(siteName, { exact: true }).waitFor();
  });

  await t.test('the new site is on the participant page and in the listing form', async () => {
    await page.goto(`${base}/#/participants/tsement-tom`);
    await page.getByText(siteName).first().waitFor();
    await page.goto(`${base}/#/marketplace/new`);
    const select = page.locator('select[name="siteId"]');
    await select.locator(`option[value="${siteId}"]`).waitFor({ state: 'attached' });
    await select.selectOption(siteId);
    assert.equal(await select.inputValue(), siteId);
  });

  await t.test(
    'closing the site asks first, then the listing form no longer offers it',
    async () => {
      await page.goto(`${base}/#/organisation`);
      const row = page.getByTestId('sites-table').locator(`tr[data-site="${siteId}"]`);
      await row.getByTestId(`close-site-${siteId}`).click();
      // asked in place: nothing is closed yet
      await row.locator('.confirm-question').waitFor();
      assert.equal(
        (await api(page, 'GET', '/organisations/tsement-tom/sites')).body.find(
          (s: { id: string }) => s.id === siteId,
        ).closedOn,
        null,
      );
      await row.getByTestId(`close-site-${siteId}-confirm`).click();
      await row.locator('.badge', { hasText: 'закрыта' }).waitFor();
      await page.goto(`${base}/#/marketplace/new`);
      const select = page.locator('select[name="siteId"]');
      await select.locator('option[value="tsement-tom-plant"]').waitFor({ state: 'attached' });
      assert.equal(await select.locator(`option[value="${siteId}"]`).count(), 0);
    },
  );

  const newPassword = 'cement-new-pass-2026';
  await t.test('the account page: change the password, then log in with the new one', async () => {
    // at 768 px the name is hidden: the menu has the account instead
    await page.setViewportSize({ width: 768, height: 900 });
    await page.locator('.menu-toggle').click();
    await page.locator('#main-nav a[href="#/account"]').click();
    await page.waitForURL(/#\/account$/);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${base}/#/organisation`);
    await page.getByTestId('account-link').click();
    await page.waitForURL(/#\/account$/);
    const form = page.getByTestId('password-form');
    await form.locator('input[name="currentPassword"]').fill('not-my-password');
    await form.locator('input[name="newPassword"]').fill(newPassword);
    await form.locator('input[name="repeatPassword"]').fill(newPassword);
    await form.getByRole('button', { name: 'Сменить пароль' }).click();
    const currentBox = form.locator('.field', {
      has: page.locator('input[name="currentPassword"]'),
    });
    await form
      .locator('.field-invalid', { has: page.locator('input[name="currentPassword"]') })
      .waitFor();
    // the banner names the field as the form does, not by its name in the API
    const banner = (await form.getByRole('alert').textContent()) ?? '';
    assert.match(banner, /Текущий пароль неверен/);
    assert.doesNotMatch(banner, /currentPassword/);
    // the current password again as the new one: refused before it is sent
    await form.locator('input[name="currentPassword"]').fill(tom.password);
    // correcting the box takes its refusal away
    assert.equal(await form.getByRole('alert').count(), 0);
    assert.doesNotMatch((await currentBox.getAttribute('class')) ?? '', /field-invalid/);
    await form.locator('input[name="newPassword"]').fill(tom.password);
    await form.locator('input[name="repeatPassword"]').fill(tom.password);
    await form.getByRole('button', { name: 'Сменить пароль' }).click();
    assert.match(
      (await form
        .locator('.field-invalid', { has: page.locator('input[name="newPassword"]') })
        .textContent()) ?? '',
      /Совпадает с текущим паролем/,
    );
    await form.locator('input[name="newPassword"]').fill(newPassword);
    await form.locator('input[name="repeatPassword"]').fill(newPassword);
    await form.getByRole('button', { name: 'Сменить пароль' }).click();
    await form.getByRole('status').waitFor();
    // end the other sessions: none are left after the change
    await page.getByTestId('end-other-sessions').click();
    await page.getByTestId('end-other-sessions-confirm').click();
    assert.match(
      (await page.getByTestId('sessions-ended').textContent()) ?? '',
      /Других сеансов не было/,
    );
    await page.screenshot({ path: join(results, 'member-account.png'), fullPage: true });
    await logOut(page);
    await page.goto(`${base}/#/login`);
    await page.fill('input[name="email"]', tom.email);
    await page.fill('input[name="password"]', tom.password);
    await page.press('input[name="password"]', 'Enter');
    await page.getByRole('alert').waitFor();
    await logIn(page, tom.email, newPassword);
  });

  await t.test(
    'the operator issues a reset link; it sets a password once and ends the sessions',
    async () => {
      const { op, opPage } = await asOperator();
      await opPage.goto(`${base}/#/participants/tsement-tom`);
      await opPage.locator('a[href="#/organisation/tsement-tom"]').click();
      const users = opPage.getByTestId('users-table');
      await users.waitFor();
      await opPage.getByTestId(`reset-${tom.email}`).click();
      await opPage.getByTestId(`reset-${tom.email}-confirm`).click();
      const shown = opPage.getByTestId('reset-link');
      await shown.waitFor();
      const link = (await shown.locator('code').textContent()) ?? '';
      assert.match(link, /#\/reset\/[\w-]{40,}$/);
      assert.match((await shown.textContent()) ?? '', /действует до/);
      await opPage.screenshot({ path: join(results, 'member-operator-reset.png'), fullPage: true });
      await op.close();

      const other = await browser!.newContext({
        viewport: { width: 768, height: 900 },
        locale: 'ru-RU',
      });
      const resetPage = await other.newPage();
      await resetPage.goto(link);
      const form = resetPage.getByTestId('reset-form');
      await form.locator('input[name="password"]').fill('cement-reset-2026');
      await form.locator('input[name="repeatPassword"]').fill('cement-reset-2026');
      await form.getByRole('button', { name: 'Сохранить пароль' }).click();
      await resetPage.getByTestId('reset-done').waitFor();
      // the second time the link opens nothing
      await resetPage.goto(`${base}/#/`);
      await resetPage.goto(link);
      await form.locator('input[name="password"]').fill('cement-twice-2026');
      await form.locator('input[name="repeatPassword"]').fill('cement-twice-2026');
      await form.getByRole('button', { name: 'Сохранить пароль' }).click();
      assert.match(
        (await resetPage.getByRole('alert').textContent()) ?? '',
        /неизвестна, уже использована или устарела/,
      );
      await other.close();
      // Tom's own session ended with the reset; the reset password logs in
      const me = await api(page, 'GET', '/auth/me');
      assert.equal(me.body.user, null);
      await logIn(page, tom.email, 'cement-reset-2026');
    },
  );

  await t.test(
    'the operator is asked before leaving an organisation without its admin, and may cancel',
    async () => {
      const { op, opPage } = await asOperator();
      const listed = await api(opPage, 'GET', '/organisations/tsement-tom/users');
      const admins = listed.body.filter(
        (u: { role: string; status: string }) => u.role === 'org_admin' && u.status === 'active',
      );
      assert.deepEqual(
        admins.map((u: { email: string }) => u.email),
        [tom.email],
        'Tom is the one admin',
      );
      await opPage.goto(`${base}/#/organisation/tsement-tom`);
      await opPage.getByTestId('users-table').waitFor();
      // disabling asks, and says the organisation is left without an admin
      await opPage.getByTestId(`disable-${tom.email}`).click();
      const question = opPage.locator('.confirm-question', { hasText: tom.email });
      await question.waitFor();
      assert.match((await question.textContent()) ?? '', /последний активный администратор/);
      await opPage.getByRole('alertdialog').getByRole('button', { name: 'Отмена' }).click();
      // so does a role that is no admin's; cancelled, the box shows the role again
      const role = opPage.getByTestId(`role-${tom.email}`);
      await role.selectOption('member');
      const demote = opPage.getByTestId('demote-last-admin');
      await demote.waitFor();
      assert.match((await demote.textContent()) ?? '', /«сотрудник».*последний активный/);
      await demote.getByRole('button', { name: 'Отмена' }).click();
      await demote.waitFor({ state: 'detached' });
      assert.equal(await role.inputValue(), 'org_admin');
      const after = await api(opPage, 'GET', '/organisations/tsement-tom/users');
      const still = after.body.find((u: { email: string }) => u.email === tom.email);
      assert.deepEqual([still.role, still.status], ['org_admin', 'active'], 'nothing changed');
      await op.close();
    },
  );

  await t.test(
    "the admin invites a colleague, changes the invitee's role, withdraws the invitation",
    async () => {
      await page.goto(`${base}/#/organisation`);
      const users = page.getByTestId('users-table');
      await users.waitFor();
      // a monospaced column's header is set as the others
      const headerFonts = await users
        .locator('thead th')
        .evaluateAll((ths) => ths.map((th) => getComputedStyle(th).fontFamily));
      assert.equal(new Set(headerFonts).size, 1, headerFonts.join(' | '));
      // the admin's own role is not a box: an admin does not demote themselves here
      assert.equal(await page.getByTestId(`role-${tom.email}`).count(), 0);
      const form = page.locator('form.inline-form', { has: page.locator('input[name="email"]') });
      const email = `colleague-${Date.now() % 100000}@tsement-tom.example`;
      // a one-letter name: the refusal names the box as the form does, «Имя»
      await form.locator('input[name="name"]').fill('К');
      await form.locator('input[name="email"]').fill(email);
      await form.getByRole('button', { name: 'Пригласить' }).click();
      const refusal = (await form.getByRole('alert').textContent()) ?? '';
      assert.match(refusal, /Имя/);
      assert.doesNotMatch(refusal, /Название/);
      await form.locator('input[name="name"]').fill('Коллега Проверочный');
      await form.getByRole('button', { name: 'Пригласить' }).click();
      await page.getByTestId('invitation-link').waitFor();
      const role = page.getByTestId(`role-${email}`);
      await role.waitFor();
      assert.equal(await role.inputValue(), 'member');
      await role.selectOption('observer');
      await page.waitForFunction(async (address) => {
        const me = await (await fetch('/api/v1/auth/me')).json();
        const list = await (
          await fetch(`/api/v1/organisations/${me.user.organisationId}/users`)
        ).json();
        return list.find((u: { email: string }) => u.email === address)?.role === 'observer';
      }, email);
      await page.screenshot({ path: join(results, 'member-users.png'), fullPage: true });
      await page.getByTestId(`withdraw-${email}`).click();
      await page.getByTestId(`withdraw-${email}-confirm`).click();
      await users.locator('tr', { hasText: email }).waitFor({ state: 'detached' });
      const me = await api(page, 'GET', '/auth/me');
      const left = await api(page, 'GET', `/organisations/${me.body.user.organisationId}/users`);
      assert.ok(!left.body.some((u: { email: string }) => u.email === email));
    },
  );

  await t.test(
    'L11 and leaving: a fresh organisation joins by invitation, then leaves',
    async () => {
      const { op, opPage } = await asOperator();
      const n = String(Date.now() % 10_000_000).padStart(7, '0');
      const created = await api(opPage, 'POST', '/organisations', {
        id: `leaver-${n}`,
        name: `ООО «Уходящий ${n}»`,
        kind: 'waste_processor',
        inn: completeInn10(`42${n}`),
        ogrn: completeOgrn13(`11242${n}`),
        okved: '38.32',
        region: 'Кемеровская область — Кузбасс',
        employees: 20,
        knowledgeWorkers: 3,
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const orgId = created.body.id as string;
      const joined = await api(opPage, 'POST', `/organisations/${orgId}/memberships`, {
        role: 'niche',
        joinedOn: '2026-01-15',
      });
      assert.equal(joined.status, 201, JSON.stringify(joined.body));
      const invited = await api(opPage, 'POST', `/organisations/${orgId}/invitations`, {
        email: `admin-${n}@leaver.example`,
        name: 'Администратор',
        role: 'org_admin',
      });
      assert.equal(invited.status, 201, JSON.stringify(invited.body));
      await op.close();

      const fresh = await browser!.newContext({
        viewport: { width: 1366, height: 768 },
        locale: 'ru-RU',
      });
      const p = await fresh.newPage();
      // a link that is no invitation says so, and offers no password box
      await p.goto(`${base}/#/invitation/${'x'.repeat(43)}`);
      await p
        .getByRole('alert')
        .filter({ hasText: /Приглашение неизвестно/ })
        .waitFor();
      assert.equal(await p.locator('input[name="password"]').count(), 0);
      await p.goto(`${base}/#/invitation/${invited.body.token}`);
      // the page says whom it invites, where and as what; the name the admin gave is filled in
      const invitedFor = (await p.getByTestId('invitation-for').textContent()) ?? '';
      assert.match(invitedFor, new RegExp(`admin-${n}@leaver\\.example`));
      assert.match(invitedFor, new RegExp(`ООО «Уходящий ${n}»`));
      assert.match(invitedFor, /администратор организации/);
      assert.equal(await p.locator('input[name="name"]').inputValue(), 'Администратор');
      await p.fill('input[name="password"]', 'leaver-pass-2026');
      await p.getByRole('button', { name: /Активировать|Сохранить|Принять/ }).click();
      // logged in straight away: the header names the user, the API knows the session
      await p.locator('.user .user-name', { hasText: 'Администратор' }).waitFor();
      assert.equal((await api(p, 'GET', '/auth/me')).body.user.email, `admin-${n}@leaver.example`);
      // a site and a published listing, to see what leaving does to them
      const site = await api(p, 'POST', `/organisations/${orgId}/sites`, {
        name: 'Цех приёмки',
        kind: 'plant',
        lat: 55.35,
        lon: 86.1,
      });
      assert.equal(site.status, 201, JSON.stringify(site.body));
      const key = await api(p, 'POST', `/organisations/${orgId}/api-keys`, { name: 'шлюз' });
      assert.equal(key.status, 201);
      const listing = await api(p, 'POST', '/listings', {
        siteId: site.body.id,
        side: 'offer',
        materialId: 'fly-ash',
        quantityPerYear: 5000,
        unit: 't',
        availableFrom: '2026-01-01',
        availableTo: '2028-12-31',
        quality: { sio2: 58, loi: 11 },
        disposalCostKopecksPerUnit: 30000,
        transportModes: ['road'],
        legalStatus: 'waste',
        fkko: '6 11 111 12 40 5',
        visibility: 'public',
        status: 'active',
      });
      assert.equal(listing.status, 201, JSON.stringify(listing.body));

      await p.locator('a[href="#/organisation"]').first().click();
      const card = p.getByTestId('membership-card');
      await card.waitFor();
      assert.match((await card.textContent()) ?? '', /API-ключи организации будут отозваны/);
      await p.screenshot({ path: join(results, 'member-leave-before.png'), fullPage: true });
      await card.locator('input[name="leaveNote"]').fill('Переезд в другой регион');
      await card.getByTestId('leave-cluster').click();
      await card.locator('.confirm-question', { hasText: 'Отменить выход нельзя' }).waitFor();
      await card.getByTestId('leave-cluster-confirm').click();
      await card.getByTestId('membership-state').filter({ hasText: 'вышла из кластера' }).waitFor();
      await p.screenshot({ path: join(results, 'member-leave-after.png'), fullPage: true });
      const org = await api(p, 'GET', `/organisations/${orgId}`);
      assert.equal(org.body.status, 'former');
      const keys = await api(p, 'GET', `/organisations/${orgId}/api-keys`);
      // a former member's admin reads as an observer: the keys are no longer its to list
      assert.ok(
        keys.status === 403 || keys.body.every((k: { revokedAt: string | null }) => k.revokedAt),
      );
      // the users can no longer change the sites
      const moved = await api(p, 'PATCH', `/sites/${site.body.id}`, { name: 'Цех приёмки 2' });
      assert.equal(moved.status, 403);
      assert.equal(await p.getByTestId('add-site').count(), 0);
      // what the confirmation says of listings: the exchange withdraws them (a journal
      // subscriber on membership.ended), so the marketplace offers nothing nobody delivers
      await p.waitForFunction(async (id) => {
        const r = await fetch(`/api/v1/listings/${id}`);
        return r.ok && (await r.json()).status === 'withdrawn';
      }, listing.body.id);
      await fresh.close();
    },
  );

  assert.deepEqual(foreign, [], 'no request left the server');
  assert.deepEqual(pageErrors, [], 'no script error');
  await context.close();
});
