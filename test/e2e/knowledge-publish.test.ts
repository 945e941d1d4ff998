// Publishing knowledge in Chromium against a real server seeded with the Kuzbass example: a
// researcher of the coal-chemistry institute opens the publish form from the knowledge search,
// sends it once without a title (the field says so, nothing typed is lost), then with one, lands
// on the new asset's page and finds it by a search in another word form; the form's labels in
// both languages. An observer and a guest see no publish button. The search's organisation
// filter is a choice by name, in the page's language.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { base, logIn, skip, startServerAndBrowser, watchedPage } from './harness.ts';

startServerAndBrowser('dc-e2e-knp-');

const language = (page: Page, lang: 'RU' | 'EN') =>
  page.locator('.lang-btn', { hasText: new RegExp(`^${lang}$`) }).click();

/** The error message shown beside a form field (by the field's name). */
const fieldError = (page: Page, name: string) =>
  page.locator('.field', { has: page.locator(`[name="${name}"]`) }).locator('.field-error');

test('a researcher publishes a knowledge asset: a field error first, then its page and the search', {
  skip,
  timeout: 180_000,
}, async () => {
  const { context, page, foreign, pageErrors } = await watchedPage();
  try {
    await logIn(page, 'researcher@frc-ccc.example', 'demo-science-2026');
    await page.goto(`${base}/#/knowledge`);
    await page.getByTestId('publish-link').click();
    const form = page.getByTestId('publish-form');
    await form.waitFor();
    assert.match(page.url(), /#\/knowledge\/new$/);
    // the organisation's name in quotes once (a name with its own quotes gets none more)
    assert.match(
      (await page.locator('p.lead').textContent()) ?? '',
      /^От имени организации «ФИЦ угля и углехимии СО РАН»\. Запись/,
    );
    assert.match(
      (await form.textContent()) ?? '',
      /Что публикуем.*Знание.*Профиль эксперта.*Проект НИОКР/s,
    );

    // everything but the title
    await page.selectOption('[name="type"]', 'method');
    await page.selectOption('[name="trl"]', '5');
    await page.fill('[name="textRu"]', 'Брикеты из угольного шлама на гуматном связующем.');
    await page.fill('[name="authors"]', 'И. С. Лебедев\nМ. В. Орлова');
    await page.getByTestId('publish-submit').click();
    await fieldError(page, 'titleRu').waitFor();
    assert.match(
      (await fieldError(page, 'titleRu').textContent()) ?? '',
      /Нужно название — на русском или на английском/,
    );
    assert.equal(await page.locator('[name="titleRu"]').getAttribute('aria-invalid'), 'true');
    // the focus on the field to mend, nothing typed lost, nothing sent
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('name')),
      'titleRu',
    );
    assert.equal(await page.inputValue('[name="type"]'), 'method');
    assert.equal(await page.inputValue('[name="trl"]'), '5');
    assert.equal(
      await page.inputValue('[name="textRu"]'),
      'Брикеты из угольного шлама на гуматном связующем.',
    );
    assert.equal(await page.inputValue('[name="authors"]'), 'И. С. Лебедев\nМ. В. Орлова');
    assert.match(page.url(), /#\/knowledge\/new$/);

    // with a title: the new asset's page
    await page.fill('[name="titleRu"]', 'Брикетирование угольного шлама с гуматным связующим');
    assert.equal(await fieldError(page, 'titleRu').count(), 0, 'typing clears the error');
    await page.getByTestId('publish-submit').click();
    await page.getByTestId('asset-title').waitFor();
    assert.match(page.url(), /#\/knowledge\/asset\/[^/]+$/);
    const id = decodeURIComponent(page.url().split('/').pop() ?? '');
    assert.equal(
      await page.getByTestId('asset-title').textContent(),
      'Брикетирование угольного шлама с гуматным связующим',
    );
    assert.match((await page.locator('main').textContent()) ?? '', /Методика.*УГТ 5/s);
    assert.match(
      (await page.getByTestId('asset-authors').textContent()) ?? '',
      /Лебедев, М. В. Орлова/,
    );

    // found by the search, in another word form
    await page.goto(`${base}/#/knowledge`);
    await page.getByTestId('knowledge-query').fill('брикетированием шламов');
    await page.getByTestId('knowledge-search').click();
    await page
      .getByTestId('knowledge-results')
      .locator(`a[href="#/knowledge/asset/${encodeURIComponent(id)}"]`)
      .waitFor();

    // the form in English: its labels and its error
    await language(page, 'EN');
    await page.getByTestId('publish-link').getByText('Publish…').waitFor();
    await page.getByTestId('publish-link').click();
    await form.waitFor();
    const en = (await form.textContent()) ?? '';
    assert.match(en, /What to publish.*Knowledge asset.*Expertise profile.*R&D project/s);
    assert.match(
      en,
      /Kind of knowledge.*Readiness level \(TRL\).*Title in Russian.*Title in English/s,
    );
    await page.getByTestId('publish-submit').click();
    await fieldError(page, 'titleRu').getByText('A title is needed').waitFor();
    assert.match((await fieldError(page, 'type').textContent()) ?? '', /Choose one from the list/);
    // an expertise profile: the competences from the vocabulary, in English
    await page.locator('[name="kind"][value="profile"]').check();
    await page.getByText("Expert's full name").waitFor();
    assert.ok(
      (await page.locator('[name="competences.0.competence"] option').allTextContents()).includes(
        'Coal preparation',
      ),
    );
    // on a tablet and a phone, in both languages, each kind's form fits the width
    for (const lang of ['EN', 'RU'] as const) {
      await language(page, lang);
      for (const width of [768, 375]) {
        await page.setViewportSize({ width, height: 800 });
        for (const kind of ['asset', 'profile', 'project'] as const) {
          await page.locator(`[name="kind"][value="${kind}"]`).check();
          if (kind === 'project' && (await page.locator('[name="partners.0.role"]').count()) === 0)
            await page.getByText(lang === 'EN' ? '+ Participant' : '+ Участник').click();
          const wide = await page.evaluate(() => [
            document.documentElement.scrollWidth,
            document.documentElement.clientWidth,
          ]);
          assert.ok(wide[0] <= wide[1], `${lang} ${kind} at ${width} px: ${wide[0]} > ${wide[1]}`);
        }
      }
    }

    assert.deepEqual(foreign, []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('an observer and a guest see no publish button; the form tells an observer why', {
  skip,
  timeout: 120_000,
}, async () => {
  const { context, page, pageErrors } = await watchedPage();
  try {
    await page.goto(`${base}/#/knowledge`);
    await page.getByTestId('knowledge-results').waitFor();
    assert.equal(await page.getByTestId('publish-link').count(), 0, 'a guest');

    await logIn(page, 'analyst@minprom.example', 'demo-analyst-2026');
    await page.goto(`${base}/#/knowledge`);
    await page.getByTestId('knowledge-results').waitFor();
    assert.equal(await page.getByTestId('publish-link').count(), 0, 'an observer');
    await page.goto(`${base}/#/knowledge/new`);
    await page.getByText('Наблюдатель только читает').waitFor();
    assert.equal(await page.getByTestId('publish-form').count(), 0);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('the search filters by an organisation chosen by its name, in both languages', {
  skip,
  timeout: 120_000,
}, async () => {
  const { context, page, pageErrors } = await watchedPage();
  try {
    const results = page.getByTestId('knowledge-results');
    const card = (id: string) => results.locator(`a[href="#/knowledge/${id}"]`);
    for (const lang of ['RU', 'EN'] as const) {
      await page.goto(`${base}/#/knowledge`);
      await language(page, lang);
      await results.waitFor();
      await card('asset/ka-ash-slag-processing').waitFor();
      const select = page.getByTestId('knowledge-organisation');
      const label = lang === 'RU' ? 'Организация' : 'Organisation';
      assert.equal(
        await page.locator('.filters label', { has: select }).locator('span').textContent(),
        label,
      );
      // the empty choice first, then the names, not the codes
      const options = await select.locator('option').allTextContents();
      assert.equal(options[0], lang === 'RU' ? 'Все организации' : 'All organisations');
      assert.ok(!options.includes('frc-ccc'));
      await select.selectOption({
        label:
          lang === 'RU'
            ? 'ФИЦ угля и углехимии СО РАН'
            : 'Federal Research Center of Coal and Coal Chemistry SB RAS',
      });
      assert.equal(await select.inputValue(), 'frc-ccc');
      await card('asset/ka-ash-slag-processing').waitFor({ state: 'detached' });
      await card('asset/ka-sorbents').waitFor();
      await card('profile/kx-orlova').waitFor();
      assert.equal(await page.locator('.state-error').count(), 0);
      // all organisations again
      await select.selectOption('');
      await card('asset/ka-ash-slag-processing').waitFor();
    }
    await language(page, 'RU');
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('a search with more than a page of records says how many and shows the rest on demand', {
  skip,
  timeout: 120_000,
}, async () => {
  const { context, page, pageErrors } = await watchedPage();
  try {
    await logIn(page, 'ecologist@myski-gres.example', 'demo-myski-2026');
    for (const lang of ['RU', 'EN'] as const) {
      await page.goto(`${base}/#/knowledge`);
      await language(page, lang);
      // afresh: the same address keeps the page and the records it has shown
      await page.reload();
      const results = page.getByTestId('knowledge-results');
      await results.waitFor();
      const cards = results.locator('.card');
      const count = page.getByTestId('knowledge-count');
      const said = (await count.textContent()) ?? '';
      const m =
        lang === 'RU'
          ? /^Найдено: (\d+), показаны первые 20$/.exec(said)
          : /^Found: (\d+), the first 20 shown$/.exec(said);
      assert.ok(m, said);
      const total = Number(m[1]);
      assert.ok(total > 20 && total <= 40, `${total}: the example has between one and two pages`);
      assert.equal(await cards.count(), 20);
      await page.getByTestId('knowledge-more').click();
      await page.getByTestId('knowledge-more').waitFor({ state: 'detached' });
      assert.equal(await cards.count(), total);
      assert.equal(
        await count.textContent(),
        lang === 'RU' ? `Найдено: ${total}` : `Found: ${total}`,
      );
      // no record twice
      const links = await cards
        .locator('a.strong-link')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.equal(new Set(links).size, total);
    }
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});
