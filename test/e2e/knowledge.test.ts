// Knowledge in Chromium against a real server seeded with the Kuzbass example: a search in
// Russian finds the ash-and-slag technology in another case form, its page opens (materials by
// their taxonomy names, authors and licence in English in the English UI), "who can help" on a
// project and on a listing names people and organisations with their reasons, and the human
// potential page shows gaps, the courses closing them and the openings in both languages.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { base, logIn, skip, startServerAndBrowser, watchedPage } from './harness.ts';

startServerAndBrowser('dc-e2e-kn-');

test('knowledge: search in Russian, open an asset, ask who can help', {
  skip,
  timeout: 180_000,
}, async () => {
  const { context, page, foreign, pageErrors } = await watchedPage();
  try {
    // a visitor opening a record only members read: not found, no id named, a way to log in
    await page.goto(`${base}/#/knowledge/asset/ka-composite-fillers`);
    const refusal = page.locator('.state-error');
    await refusal.getByText('Не найдено').waitFor();
    const said = (await refusal.textContent()) ?? '';
    assert.match(said, /Такого знания нет, или оно вам не открыто/);
    assert.doesNotMatch(said, /ka-composite-fillers/);
    // (once the page knows no one is logged in: the session is asked for as the page opens)
    await refusal.locator('a[href="#/login"]').waitFor();
    await page.goto(`${base}/#/knowledge`);
    await page.getByTestId('knowledge-results').waitFor();
    await page.getByTestId('knowledge-query').fill('золошлаковыми отходами');
    await page.getByTestId('knowledge-search').click();
    const first = page.getByTestId('knowledge-results').locator('.card a').first();
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="knowledge-results"] .card a')
          ?.textContent?.includes('Переработка золошлаковых отходов') ?? false,
    );
    assert.match((await first.textContent()) ?? '', /Переработка золошлаковых отходов/);

    // a query of signs alone: said so, the records listed without a relevance
    await page.getByTestId('knowledge-query').fill('%_');
    await page.getByTestId('knowledge-search').click();
    await page.getByTestId('knowledge-no-words').waitFor();
    assert.doesNotMatch(
      (await page.getByTestId('knowledge-results').textContent()) ?? '',
      /релевантность/,
    );
    // the box stops at the API's length
    await page.getByTestId('knowledge-query').fill('а'.repeat(600));
    assert.equal((await page.getByTestId('knowledge-query').inputValue()).length, 500);
    await page.getByTestId('knowledge-query').fill('золошлаковыми отходами');
    await page.getByTestId('knowledge-search').click();
    await page.getByTestId('knowledge-no-words').waitFor({ state: 'detached' });

    // the search is in the address: Back from a record brings it back
    assert.match(decodeURIComponent(page.url()), /#\/knowledge\?q=золошлаковыми\+отходами/);
    await first.click();
    await page.getByTestId('asset-title').waitFor();
    await page.goBack();
    assert.equal(await page.getByTestId('knowledge-query').inputValue(), 'золошлаковыми отходами');
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="knowledge-results"] .card a')
          ?.textContent?.includes('Переработка золошлаковых отходов') ?? false,
    );
    await first.click();
    await page.getByTestId('asset-title').waitFor();
    assert.match((await page.getByTestId('asset-title').textContent()) ?? '', /золошлаковых/);
    assert.match((await page.locator('main').textContent()) ?? '', /УГТ 6/);
    // the taxonomy's names, not the material ids
    await page.getByTestId('asset-materials').getByText('Зола-унос', { exact: false }).waitFor();
    assert.doesNotMatch((await page.getByTestId('asset-materials').textContent()) ?? '', /fly-ash/);

    // who can help with the ash project: people and organisations, each with reasons
    await page.goto(`${base}/#/knowledge/project/kp-ash-to-concrete`);
    // participants by their names, not their ids
    await page
      .getByText('Кузбасский государственный технический университет', { exact: false })
      .first()
      .waitFor();
    // the competences it needs, by their names
    await page
      .getByTestId('project-competences')
      .getByText('Утилизация золошлаковых отходов', { exact: false })
      .waitFor();
    assert.doesNotMatch(
      (await page.getByTestId('project-competences').textContent()) ?? '',
      /ash-utilisation/,
    );
    // its budget as accounts write money, to the kopeck (data/kuzbass: 45 000 000 ₽)
    assert.match(
      (await page.getByTestId('project-budget').textContent()) ?? '',
      /^45\s000\s000,00\s₽$/,
    );
    await page.getByTestId('ask-help').click();
    const helpers = page.getByTestId('helpers');
    await helpers.waitFor();
    const text = (await helpers.textContent()) ?? '';
    assert.match(text, /компетенция «Утилизация золошлаковых отходов»/);
    assert.ok((await helpers.locator(':scope > li').count()) > 0);

    // and on a listing of the exchange: the plant's fly ash
    await page.goto(`${base}/#/marketplace/l-ash-myski`);
    await page.getByTestId('ask-help').click();
    await page.getByTestId('helpers').waitFor();
    assert.match((await page.getByTestId('helpers').textContent()) ?? '', /работали с/);
    // on an anonymous listing the page says the holder is hidden and ranks by competence alone
    await page.goto(`${base}/#/marketplace/l-anon-fly-ash-1`);
    await page.getByTestId('ask-help').click();
    await page.getByTestId('helpers').waitFor();
    assert.match(
      (await page.getByTestId('help-holder-hidden').textContent()) ?? '',
      /Владелец объявления скрыт/,
    );
    assert.doesNotMatch((await page.getByTestId('helpers').textContent()) ?? '', /дополняет/);

    // in English too
    await page.locator('.lang-btn', { hasText: /^EN$/ }).click();
    await page.goto(`${base}/#/knowledge`);
    await page.getByTestId('knowledge-query').fill('coal slurries');
    await page.getByTestId('knowledge-search').click();
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="knowledge-results"] .card a')
          ?.textContent?.includes('Coal-water fuel') ?? false,
    );
    // the asset in English: its authors and licence terms in English, materials named
    await page.goto(`${base}/#/knowledge/asset/ka-ash-slag-processing`);
    await page.getByTestId('asset-authors').getByText('A. V. Sokolov', { exact: false }).waitFor();
    assert.match((await page.getByTestId('asset-licence').textContent()) ?? '', /Non-exclusive/);
    await page.getByTestId('asset-materials').getByText('fly ash', { exact: false }).waitFor();
    // nothing found: the empty state
    await page.goto(`${base}/#/knowledge`);
    await page.getByTestId('knowledge-query').fill('qwzx');
    await page.getByTestId('knowledge-search').click();
    await page.getByText('Nothing found').waitFor();

    assert.deepEqual(foreign, []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('human potential: gaps, the courses closing them and the openings, in both languages', {
  skip,
  timeout: 180_000,
}, async () => {
  const { context, page, foreign, pageErrors } = await watchedPage();
  try {
    // a member of the cluster: the plant's chief technologist's profile is for members
    await logIn(page, 'engineer@razrez-yuzhny.example', 'demo-engineer-2026');
    for (const lang of ['RU', 'EN'] as const) {
      const en = lang === 'EN';
      await page.goto(`${base}/#/knowledge`);
      await page.locator('.lang-btn', { hasText: new RegExp(`^${lang}$`) }).click();
      await page.getByTestId('potential-link').click();
      const gaps = page.getByTestId('gaps-organisations');
      await gaps.locator('tbody tr').first().waitFor();
      assert.match((await gaps.textContent()) ?? '', en ? /Data analysis/ : /Анализ данных/);
      // each cluster-wide gap says what is short: the level, or the people holding it
      const cluster = page.getByTestId('gaps-cluster');
      for (const row of await cluster.locator('tbody tr').all())
        assert.match(
          (await row.textContent()) ?? '',
          en
            ? /level short: \d asked, \d held|people short: \d+ of the \d+ needed/
            : /не хватает (уровня: нужен \d, есть \d|людей: \d+ из \d+ нужных)/,
        );
      const closing = page.getByTestId('closing-openings');
      await closing.locator(':scope > li').first().waitFor();
      assert.match(
        (await closing.textContent()) ?? '',
        en ? /(closes|narrows) the gap in «/ : /(закрывает|сокращает) дефицит компетенции «/,
      );
      const openings = page.getByTestId('openings');
      const course = openings.getByTestId('opening-ko-kemsu-flotation-course');
      await course.waitFor();
      assert.match(
        (await course.textContent()) ?? '',
        en ? /Flotation of coal slimes.*Course/s : /Флотация угольных шламов.*Курс/s,
      );
      const vacancy = openings.getByTestId('opening-ko-cof-flotation-vacancy');
      assert.match(
        (await vacancy.textContent()) ?? '',
        en ? /Process engineer, flotation section.*Vacancy/s : /Инженер-технолог.*Вакансия/s,
      );
      assert.ok((await openings.locator(':scope > .card').count()) >= 10);

      // one person's development: what they lack, and the vacancy of their own plant fits
      await page.goto(`${base}/#/knowledge/profile/kx-gromov`);
      await page.getByTestId('ask-development').click();
      const apply = page.getByTestId('development-apply');
      await apply.waitFor();
      assert.match(
        (await apply.textContent()) ?? '',
        en ? /Process engineer, flotation section/ : /Инженер-технолог флотационного отделения/,
      );
      await page.getByTestId('development-learn').waitFor();
    }
    assert.deepEqual(foreign, []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test("an organisation's own asset offers no request through the cluster; another's does", {
  skip,
  timeout: 120_000,
}, async () => {
  const { context, page, foreign, pageErrors } = await watchedPage();
  try {
    await logIn(page, 'ecologist@myski-gres.example', 'demo-myski-2026');
    // Myski GRES's own ash-dump data (a user walk could request it, and each click was a tie)
    await page.goto(`${base}/#/knowledge/asset/ka-ash-dump-data`);
    await page.getByTestId('asset-title').waitFor();
    await page.getByTestId('own-record').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Запросить знание' }).count(), 0);
    await page.goto(`${base}/#/knowledge/asset/ka-ash-slag-processing`);
    await page.getByTestId('asset-title').waitFor();
    await page.getByRole('button', { name: 'Запросить знание' }).waitFor();
    assert.equal(await page.getByTestId('own-record').count(), 0);
    assert.deepEqual(foreign, []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});
