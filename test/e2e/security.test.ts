// The security review's browser-side findings against the real server and Chromium:
// F1 (stored XSS through names shown on the maps, and every other free-text field, the
// knowledge module's and the waste licences' included) and F12
// (security headers, a strict Content-Security-Policy, the API docs without violations).
// The harness fails every test on any CSP violation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { completeInn10, completeOgrn13 } from '../../src/model/index.ts';
import { scheduleAhead } from '../medium/fixtures.ts';
import {
  answer,
  base,
  browser,
  cspViolations,
  logIn,
  skip,
  startServerAndBrowser,
} from './harness.ts';

startServerAndBrowser('dc-e2e-sec-');

const operator = { email: 'operator@digicluster.example', password: 'operator-demo-2026' };
const tom = { email: 'sales@tsement-tom.example', password: 'demo-cement-2026' }; // org_admin
const engineer = { email: 'engineer@razrez-yuzhny.example', password: 'demo-engineer-2026' }; // member

/** Both ways a stored string becomes a script when it is put into HTML. */
const payload = `<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>`;
const planted = (prefix: string) => `${prefix} ${payload}`;
/** A licence number is at most 60 characters: the image half of the payload. */
const licenceNumber = 'Л-<img src=x onerror="window.__xss=1">';

/** A client of the API logged in as one user: the session cookie is carried by hand. */
async function as(who: { email: string; password: string } | null) {
  let cookie = '';
  if (who) {
    const r = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(who),
    });
    assert.equal(r.status, 200, `log in as ${who.email}`);
    cookie = (r.headers.get('set-cookie') ?? '').split(';')[0];
  }
  return async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const r = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    assert.ok(r.ok, `${method} ${path}: ${r.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
}

function application(id: string, n: number) {
  return {
    organisation: {
      id,
      name: planted(`Заявитель ${n}`),
      nameEn: planted(`Applicant ${n}`),
      kind: 'service_provider',
      inn: completeInn10(`77${String(n).padStart(2, '0')}12345`),
      ogrn: completeOgrn13(`102770${String(n).padStart(2, '0')}1234`),
      okved: '38.11',
      region: planted('Кемерово'),
      employees: 10,
      knowledgeWorkers: 2,
      website: planted('https://example.org/'),
      description: planted('Описание'),
      modelledOn: planted('Образец'),
    },
    motivation: planted('Мотивация'),
    admin: {
      email: `admin-${id}@xss.example`,
      name: planted('Админ'),
      password: 'Xss-test-pass-2026',
    },
    consent: true,
  };
}

/** Waits until the page shows each planted text, as text. */
async function shows(page: Page, ...prefixes: string[]) {
  for (const prefix of prefixes)
    await page.getByText(planted(prefix)).locator('visible=true').first().waitFor();
}

/** Asserts nothing planted ran on the page and no dialog opened. */
async function assertInert(page: Page, dialogs: string[], where: string) {
  // an onerror handler runs once the broken image fails: give it the time
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => '__xss' in window), false, where);
  assert.deepEqual(dialogs, [], `${where}: a dialog opened`);
}

test('F12 the web app and the API docs send a strict Content-Security-Policy and the usual headers', {
  skip,
}, async () => {
  for (const path of ['/', '/api/docs', '/api/v1/organisations', '/no-such-page']) {
    const r = await fetch(`${base}${path}`);
    assert.equal(r.status, 200, path);
    const csp = r.headers.get('content-security-policy') ?? '';
    const directives = new Map(
      csp.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    assert.deepEqual(directives.get('default-src'), ["'self'"], `${path}: ${csp}`);
    assert.deepEqual(directives.get('script-src'), ["'self'"], path);
    assert.deepEqual(directives.get('style-src'), ["'self'"], path);
    assert.deepEqual(directives.get('script-src-attr'), ["'none'"], path);
    assert.deepEqual(directives.get('object-src'), ["'none'"], path);
    assert.deepEqual(directives.get('frame-ancestors'), ["'none'"], path);
    assert.deepEqual(directives.get('base-uri'), ["'self'"], path);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https:|\*/, path);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff', path);
    assert.equal(r.headers.get('x-frame-options'), 'DENY', path);
    assert.equal(r.headers.get('referrer-policy'), 'no-referrer', path);
    await r.arrayBuffer();
  }
});

test('F12 L9 /api/docs renders the operations without a CSP violation, our title, no fastify logo or top bar', {
  skip,
}, async () => {
  const context = await browser!.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/api/docs`);
  // every module's group is listed (folded), and a group unfolds to its operations
  await page.locator('.swagger-ui .opblock-tag').first().waitFor();
  assert.ok(
    (await page.locator('.swagger-ui .opblock-tag').count()) >= 15,
    'the groups are listed',
  );
  for (const tag of ['organisations', 'deals', 'assessment']) {
    await page.locator(`.swagger-ui .opblock-tag[data-tag="${tag}"]`).click();
    await page.locator(`.swagger-ui #operations-tag-${tag} ~ div .opblock`).first().waitFor();
  }
  assert.ok((await page.locator('.swagger-ui .opblock').count()) > 10, 'the operations are listed');
  assert.match((await page.locator('.swagger-ui .info .title').textContent()) ?? '', /digicluster/);
  // L9: the stock top bar ("Explore") is gone, and the page reads our document
  assert.equal(await page.locator('.swagger-ui .topbar').count(), 0);
  assert.match(await page.title(), /digicluster/i);
  // the harness's own check runs after the test; say it here too, with the page still open
  await page.waitForTimeout(300);
  assert.deepEqual(cspViolations, []);
  assert.deepEqual(errors, []);
  await context.close();

  // on a phone the page is laid out at the phone's width (a viewport meta), not at 980 px
  const phone = await browser!.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
  });
  const onPhone = await phone.newPage();
  await onPhone.goto(`${base}/api/docs`);
  await onPhone.locator('.swagger-ui .opblock-tag').first().waitFor();
  assert.deepEqual(
    await onPhone.evaluate(() => [window.innerWidth, document.documentElement.scrollWidth]),
    [390, 390],
  );
  await phone.close();
});

test('F1 a script planted in every free-text field never runs, on any page that shows it', {
  skip,
  timeout: 240_000,
}, async (t) => {
  const sites: string[] = [];
  let listingId = '';
  let admitted = '';
  let proposalId = '';
  let vetoedId = '';

  await t.test('seeded through the API, each field by a user allowed to write it', async () => {
    const asTom = await as(tom);
    await asTom('PATCH', '/organisations/tsement-tom', {
      name: planted('Томь-Цемент'),
      nameEn: planted('Tom Cement'),
      description: planted('Описание'),
      website: planted('https://tsement-tom.example/'),
      provenance: { employees: { kind: 'estimate', note: planted('Оценка') } },
    });
    await asTom('POST', '/organisations/tsement-tom/sites', {
      id: 'xss-tom-site',
      name: planted('Склад'),
      kind: 'depot',
      lat: 55.45,
      lon: 86.05,
      address: planted('Адрес'),
    });
    sites.push('xss-tom-site');
    const listing = (await asTom('POST', '/listings', {
      siteId: 'xss-tom-site',
      side: 'offer',
      materialId: 'fly-ash',
      quantityPerYear: 5000,
      unit: 't',
      availableFrom: '2026-01-01',
      availableTo: '2028-12-31',
      quality: { loi: 4, sio2: 50 },
      transportModes: ['road'],
      legalStatus: 'by_product',
      byProductOf: planted('Процесс'),
      standard: planted('ТУ'),
      note: planted('Заметка'),
      provenance: { quantityPerYear: { kind: 'estimate', note: planted('Источник') } },
      visibility: 'members',
      status: 'active',
    })) as { id: string };
    listingId = listing.id;
    // a waste licence: its number (at most 60 characters: the image half) and its issuer
    await asTom('POST', '/organisations/tsement-tom/licences', {
      number: licenceNumber,
      issuedOn: '2020-01-15',
      issuedBy: planted('Росприроднадзор'),
      activities: ['utilisation'],
      hazardClasses: [4],
    });
    await asTom('POST', '/organisations/tsement-tom/api-keys', { name: planted('Ключ') });
    await asTom('POST', '/organisations/tsement-tom/invitations', {
      email: 'xss-invited@tsement-tom.example',
      name: planted('Приглашённый'),
    });
    const me = (await asTom('GET', '/auth/me')) as { user: { id: string } };
    await asTom('PATCH', `/users/${me.user.id}`, { name: planted('Продавец') });

    // governance: a proposal's titles, texts and options, a message, a veto's reason
    const week = new Date(Date.now() + 7 * 24 * 3600_000).toISOString();
    const proposal = (await asTom('POST', '/governance/proposals', {
      type: 'approve_project',
      method: 'approval',
      title: planted('Предложение'),
      titleEn: planted('Proposal'),
      body: planted('Текст'),
      bodyEn: planted('Text'),
      candidates: [planted('Вариант'), 'B'],
      closesAt: week,
    })) as { id: string };
    proposalId = proposal.id;
    await asTom('POST', `/governance/proposals/${proposalId}/messages`, {
      text: planted('Сообщение'),
    });
    const toVeto = (await asTom('POST', '/governance/proposals', {
      type: 'resolution',
      title: 'Резолюция под вето',
      closesAt: week,
    })) as { id: string };
    vetoedId = toVeto.id;

    const asEngineer = await as(engineer);
    await asEngineer('POST', '/organisations/razrez-yuzhny/sites', {
      id: 'xss-yuzhny-site',
      name: planted('Отвал'),
      kind: 'dump',
      lat: 53.7,
      lon: 87.3,
      address: planted('Адрес'),
    });
    sites.push('xss-yuzhny-site');

    const anonymous = await as(null);
    const first = (await anonymous('POST', '/applications', application('xss-applicant-a', 1))) as {
      id: string;
    };
    await anonymous('POST', '/applications', application('xss-applicant-b', 2));
    const asOperator = await as(operator);
    // the decision's note becomes the membership's note
    await asOperator('POST', `/applications/${first.id}/admit`, { note: planted('Решение') });
    admitted = 'xss-applicant-a';
    // a saved plan puts the planted names into the matches
    await asOperator('POST', '/exchange/plans', {});
    // the example's keystone is the operator's organisation: its administrator may veto
    await asOperator('POST', `/governance/proposals/${vetoedId}/veto`, {
      reason: planted('Вето'),
    });
  });

  const visit = async (
    who: { email: string; password: string } | null,
    run: (page: Page, dialogs: string[]) => Promise<void>,
  ) => {
    const context = await browser!.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      answer(d, 'stay');
    });
    if (who) await logIn(page, who.email, who.password);
    await run(page, dialogs);
    await context.close();
  };

  /** Hovers a map's markers and returns the text of each tooltip they opened. */
  const hoverAll = async (page: Page, selector: string) => {
    const shown: string[] = [];
    const markers = page.locator(selector);
    for (let i = 0; i < (await markers.count()); i++) {
      await markers.nth(i).hover({ force: true });
      const tip = page.locator('.leaflet-tooltip:not(.agg-label):not(.city-label)').last();
      await tip.waitFor();
      shown.push((await tip.textContent()) ?? '');
    }
    return shown;
  };

  await t.test(
    'a visitor: the overview map, its tooltips and popups, the participants',
    async () => {
      await visit(null, async (page, dialogs) => {
        await page.goto(`${base}/#/`);
        for (const s of sites) await page.locator(`path.site-marker[data-site="${s}"]`).waitFor();
        const tips = await hoverAll(
          page,
          sites.map((s) => `path.site-marker[data-site="${s}"]`).join(', '),
        );
        // the markup is shown as the text it is
        assert.equal(tips.length, 2);
        for (const tip of tips) assert.ok(tip.includes(payload), tip);
        await page.locator('path.site-marker[data-site="xss-tom-site"]').click({ force: true });
        assert.ok(((await page.locator('.site-popup').textContent()) ?? '').includes(payload));
        await assertInert(page, dialogs, 'overview');

        for (const path of [
          'participants',
          'participants/tsement-tom',
          `participants/${admitted}`,
        ]) {
          await page.goto(`${base}/#/${path}`);
          await page.getByText(payload, { exact: false }).locator('visible=true').first().waitFor();
          await assertInert(page, dialogs, path);
        }
        // the fields shown only there: the provenance note, the membership's note
        await page.goto(`${base}/#/participants/tsement-tom`);
        await page.getByText(`Оценка ${payload}`).locator('visible=true').first().waitFor();
        await page.goto(`${base}/#/participants/${admitted}`);
        await page.getByText(`Решение ${payload}`).locator('visible=true').first().waitFor();
        await assertInert(page, dialogs, 'provenance and membership notes');
        await page.goto(`${base}/#/participants/razrez-yuzhny`);
        await page.locator('path.site-marker[data-site="xss-yuzhny-site"]').waitFor();
        await hoverAll(page, 'path.site-marker[data-site="xss-yuzhny-site"]');
        await assertInert(page, dialogs, 'participants/razrez-yuzhny');

        // English names are shown only in English: the directory, the page and the map's popup
        await page.locator('.lang-btn', { hasText: 'EN' }).click();
        await page.goto(`${base}/#/participants/tsement-tom`);
        await page.getByText(`Tom Cement ${payload}`).locator('visible=true').first().waitFor();
        await page.locator('path.site-marker[data-site="xss-tom-site"]').click({ force: true });
        assert.ok(
          ((await page.locator('.site-popup strong').textContent()) ?? '').includes('Tom Cement'),
        );
        await page.goto(`${base}/#/participants`);
        await page.getByText(`Applicant 1 ${payload}`).locator('visible=true').first().waitFor();
        await assertInert(page, dialogs, 'participants in English');
      });
    },
  );

  await t.test(
    'the operator: admission queue, marketplace, listing, plan and its map',
    async () => {
      await visit(operator, async (page, dialogs) => {
        await page.goto(`${base}/#/admin/applications`);
        await shows(page, 'Заявитель 2', 'Мотивация', 'Админ');
        await assertInert(page, dialogs, 'admission queue');

        await page.goto(`${base}/#/marketplace`);
        await page.locator(`tr[data-listing="${listingId}"]`).waitFor();
        await assertInert(page, dialogs, 'marketplace');
        await page.goto(`${base}/#/marketplace/${listingId}`);
        await shows(page, 'Заметка', 'Процесс', 'ТУ');
        await assertInert(page, dialogs, 'listing');

        await page.goto(`${base}/#/plan`);
        await page.getByTestId('run-plan').click();
        await page
          .getByTestId('flows-table')
          .locator('tbody tr')
          .first()
          .waitFor({ timeout: 60_000 });
        await page.locator('path.flow-end').first().waitFor();
        const tips = await hoverAll(page, 'path.flow-end');
        assert.ok(
          tips.some((tip) => tip.includes(payload)),
          `a flow end of Tom Cement names it as text: ${tips.join(' | ')}`,
        );
        await assertInert(page, dialogs, 'plan');
      });
    },
  );

  await t.test('knowledge: assets, profiles, projects, courses and vacancies', async () => {
    const asTom = await as(tom);
    await asTom('POST', '/knowledge/assets', {
      id: 'ka-xss',
      type: 'lesson',
      titleRu: planted('Урок'),
      titleEn: planted('Lesson'),
      textRu: planted('Текст урока'),
      textEn: planted('Lesson text'),
      authors: [planted('Автор')],
      authorsEn: [planted('Author')],
      materialIds: ['fly-ash'],
      trl: 4,
      licenceTerms: planted('Лицензия'),
      licenceTermsEn: planted('Licence'),
      visibility: 'public',
    });
    await asTom('POST', '/knowledge/profiles', {
      id: 'kx-xss',
      personName: planted('Эксперт'),
      personNameEn: planted('Expert'),
      position: planted('Должность'),
      positionEn: planted('Position'),
      competences: [{ competence: 'construction-materials', level: 3 }],
      aboutRu: planted('О себе'),
      aboutEn: planted('About'),
      visibility: 'public',
    });
    await asTom('POST', '/knowledge/projects', {
      id: 'kp-xss',
      titleRu: planted('Проект'),
      titleEn: planted('Project'),
      goalRu: planted('Цель'),
      goalEn: planted('Goal'),
      participants: [
        { organisationId: 'tsement-tom', role: 'lead' },
        { organisationId: 'kuzstu', role: 'university' },
      ],
      budgetKopecks: 100_000_00,
      stages: [{ titleRu: planted('Этап'), titleEn: planted('Stage') }],
      competences: ['construction-materials'],
      visibility: 'public',
    });
    await asTom('POST', '/knowledge/openings', {
      id: 'ko-xss',
      kind: 'vacancy',
      titleRu: planted('Вакансия'),
      titleEn: planted('Vacancy'),
      textRu: planted('Описание вакансии'),
      textEn: planted('Vacancy text'),
      competences: [{ competence: 'construction-materials', level: 5 }],
    });
    await visit(null, async (page, dialogs) => {
      for (const lang of ['RU', 'EN'] as const) {
        const en = lang === 'EN';
        if (en) await page.locator('.lang-btn', { hasText: /^EN$/ }).click();
        await page.goto(`${base}/#/knowledge`);
        await page.getByTestId('knowledge-query').fill(en ? 'lesson' : 'урок');
        await page.getByTestId('knowledge-search').click();
        await shows(page, en ? 'Lesson' : 'Урок');
        await assertInert(page, dialogs, `knowledge search ${lang}`);
        await page.goto(`${base}/#/knowledge/asset/ka-xss`);
        await shows(
          page,
          ...(en
            ? ['Lesson', 'Lesson text', 'Author', 'Licence']
            : ['Урок', 'Текст урока', 'Автор', 'Лицензия']),
        );
        await assertInert(page, dialogs, `asset ${lang}`);
        await page.goto(`${base}/#/knowledge/profile/kx-xss`);
        await shows(page, ...(en ? ['Expert', 'About'] : ['Эксперт', 'О себе']));
        await page
          .getByText(en ? 'Position' : 'Должность', { exact: false })
          .first()
          .waitFor();
        await assertInert(page, dialogs, `profile ${lang}`);
        await page.goto(`${base}/#/knowledge/project/kp-xss`);
        await shows(page, ...(en ? ['Project', 'Stage'] : ['Проект', 'Этап']));
        await page
          .getByText(en ? 'Goal' : 'Цель', { exact: false })
          .first()
          .waitFor();
        await page.getByTestId('ask-help').click();
        await page.getByTestId('helpers').waitFor();
        await assertInert(page, dialogs, `project ${lang}`);
        await page.goto(`${base}/#/knowledge/potential`);
        await shows(
          page,
          ...(en ? ['Vacancy', 'Vacancy text'] : ['Вакансия', 'Описание вакансии']),
        );
        await assertInert(page, dialogs, `human potential ${lang}`);
      }
    });
  });

  await t.test(
    'Tom Cement: my organisation (users, keys, invitations, licences) and matches',
    async () => {
      await visit(tom, async (page, dialogs) => {
        await page.goto(`${base}/#/organisation`);
        await shows(page, 'Ключ', 'Приглашённый', 'Продавец', 'Росприроднадзор');
        await page.getByTestId('licences-table').getByText(licenceNumber).first().waitFor();
        await assertInert(page, dialogs, 'my organisation');
        await page.goto(`${base}/#/matches`);
        await page.locator('h1').waitFor();
        await page.waitForLoadState('networkidle');
        await assertInert(page, dialogs, 'matches');
      });
    },
  );

  await t.test(
    'Tom Cement: governance (proposals, options, discussion, veto) in both languages',
    async () => {
      await visit(tom, async (page, dialogs) => {
        await page.goto(`${base}/#/governance`);
        await shows(page, 'Предложение');
        await assertInert(page, dialogs, 'governance');
        await page.goto(`${base}/#/governance/${proposalId}`);
        await shows(page, 'Предложение', 'Текст', 'Вариант', 'Сообщение', 'Томь-Цемент');
        await assertInert(page, dialogs, 'a proposal');
        await page.goto(`${base}/#/governance/${vetoedId}`);
        await page.getByTestId('veto').waitFor();
        assert.ok(((await page.getByTestId('veto').textContent()) ?? '').includes(planted('Вето')));
        await assertInert(page, dialogs, 'a vetoed proposal');
        await page.locator('.lang-btn', { hasText: 'EN' }).click();
        // on the English page the member's Russian reason is marked as Russian, the rest not
        const reason = page.getByTestId('veto').locator('[lang="ru"]');
        await reason.waitFor();
        assert.equal(await reason.textContent(), planted('Вето'));
        assert.match((await page.getByTestId('veto').textContent()) ?? '', /^Veto: /);
        await page.goto(`${base}/#/governance/${proposalId}`);
        await shows(page, 'Proposal', 'Text', 'Вариант');
        await assertInert(page, dialogs, 'a proposal in English');
      });
    },
  );

  await t.test(
    'deals: messages, attachment names, quality parameters of terms and deliveries',
    async () => {
      // a quality parameter's name is at most 64 characters: the image half of the payload
      const key = 'q<img src=x onerror="window.__xss=1">';
      const asTom = await as(tom);
      const asMyski = await as({
        email: 'ecologist@myski-gres.example',
        password: 'demo-myski-2026',
      });
      const deal = (await asTom('POST', '/deals', {
        providerId: 'myski-gres',
        consumerId: 'tsement-tom',
        material: 'fly-ash',
        quantity: 100,
        unit: 't',
        schedule: scheduleAhead,
        quality: { [key]: { max: 5 } },
        priceKopecksPerUnit: 10000,
        message: planted('Запрос'),
      })) as { id: string };
      await asTom('POST', `/deals/${deal.id}/messages`, {
        text: planted('Переписка'),
        attachments: [{ name: planted('Файл'), sha256: 'a'.repeat(64), sizeBytes: 2048 }],
      });
      await asMyski('POST', `/deals/${deal.id}/transitions`, {
        action: 'offer',
        message: planted('Оферта'),
      });
      await asTom('POST', `/deals/${deal.id}/transitions`, { action: 'accept' });
      await asMyski('POST', `/deals/${deal.id}/transitions`, { action: 'agree' });
      await asMyski('POST', `/deals/${deal.id}/transitions`, { action: 'activate' });
      await asTom('POST', `/deals/${deal.id}/deliveries`, {
        deliveredOn: '2026-06-01',
        quantity: 10,
        method: 'manual',
        quality: { [key]: 7 },
      });
      await visit(tom, async (page, dialogs) => {
        await page.goto(`${base}/#/deals`);
        await page.getByTestId('deal-row').first().waitFor();
        await assertInert(page, dialogs, 'deals');
        await page.goto(`${base}/#/deals/${deal.id}`);
        await shows(page, 'Запрос', 'Переписка', 'Оферта');
        await page
          .getByText(`📎 ${planted('Файл')}`, { exact: false })
          .first()
          .waitFor();
        await page.getByTestId('deal-terms').getByText(key, { exact: false }).waitFor();
        await page.getByTestId('delivery-row').getByText(key, { exact: false }).first().waitFor();
        await assertInert(page, dialogs, 'a deal');
      });
    },
  );
});
