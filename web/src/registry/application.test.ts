// The application form without a browser: its body and its checks, with the server's own
// schema as the browser loads it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { completeInn10, completeOgrn13 } from '../../../src/model/identifiers.ts';
import type { Issue } from '../shell/issues.ts';
import {
  type ApplicationValues,
  applicationBody,
  blankApplication,
  reapplicationBody,
  validateApplication,
} from './application.ts';
import { checkApplication } from './schemas.ts';
import type { SiteValue } from './site-form/site.ts';

const ru = (b: unknown) => checkApplication(b, 'ru');
const filled = (change: Partial<ApplicationValues> = {}): ApplicationValues => ({
  ...blankApplication('Кемеровская область — Кузбасс'),
  'organisation.name': 'ООО «Тест»',
  'organisation.kind': 'waste_processor',
  'organisation.inn': completeInn10('420000001'),
  'organisation.ogrn': completeOgrn13('102420000001'),
  'organisation.okved': '38.32',
  'organisation.employees': '1 200',
  'organisation.knowledgeWorkers': '18',
  'admin.name': 'Ирина Тестова',
  'admin.email': 'irina@test.example',
  'admin.password': 'applicant-pass-2026',
  consent: 'yes',
  ...change,
});
const site: SiteValue = {
  name: 'Промплощадка',
  nameEn: '',
  kind: 'plant',
  address: '',
  lat: '53,7557',
  lon: '87,1099',
  monotown: false,
  specialKind: '',
  specialName: '',
};
const codes = (issues: Record<string, Issue<string>>) =>
  Object.fromEntries(Object.entries(issues).map(([k, i]) => [k, 'key' in i ? i.key : i.code]));

describe('the application form', () => {
  test('the body: counts parsed, empty options left out, the nested shape of the API', () => {
    const b = applicationBody(filled({ 'organisation.kpp': ' ', motivation: ' Золошлаки ' }), site);
    assert.equal(b.organisation.employees, 1200);
    assert.equal(b.organisation.kpp, undefined);
    assert.equal(b.motivation, 'Золошлаки');
    assert.equal(b.requestedRole, 'niche');
    // the VAT regime: the general one unless chosen, a chosen one as its code
    assert.equal(b.organisation.vatRegime, 'general');
    assert.equal(
      applicationBody(filled({ 'organisation.vatRegime': 'usn_7' }), site).organisation.vatRegime,
      'usn_7',
    );
    // the region: the home region, offered in English to an English reader, recorded in Russian
    assert.equal(b.organisation.region, 'Кемеровская область — Кузбасс');
    assert.equal(
      applicationBody(filled({ 'organisation.region': 'Kemerovo Oblast – Kuzbass' }), site)
        .organisation.region,
      'Кемеровская область — Кузбасс',
    );
    assert.equal(b.admin.email, 'irina@test.example');
    assert.deepEqual(b.site, {
      name: 'Промплощадка',
      kind: 'plant',
      lat: 53.7557,
      lon: 87.1099,
      monotown: false,
      specialTerritory: null,
    });
    assert.equal(b.consent, true);
  });

  test('L11 consent is required, and a website needs its scheme', () => {
    const issues = validateApplication(
      filled({ consent: '', 'organisation.website': 'sorbcia.example' }),
      site,
      ru,
    );
    assert.deepEqual(codes(issues), {
      consent: 'errConsent',
      'organisation.website': 'registry.rule.website',
    });
    assert.deepEqual(
      validateApplication(filled({ 'organisation.website': 'https://sorbcia.example' }), site, ru),
      {},
    );
  });

  test('H1 the first site is asked for, in the site fieldset’s words and the server’s rules', () => {
    assert.deepEqual(
      codes(validateApplication(filled(), { ...site, name: '', lat: '', lon: '200' }, ru)),
      {
        'site.name': 'siteErrRequired',
        'site.lat': 'siteErrCoordinates',
        'site.lon': 'field.atMost',
      },
    );
  });

  test('H6 applying again: identifiers and the admin are not in the body', () => {
    const b = reapplicationBody(filled(), site);
    assert.equal('inn' in b.organisation, false);
    assert.equal('admin' in b, false);
    assert.deepEqual(
      codes(validateApplication(filled({ 'admin.password': '' }), site, undefined, true)),
      {},
    );
  });

  test('the kind of activity is chosen, not preset', () => {
    const blank = blankApplication('Кемеровская область — Кузбасс');
    assert.equal(blank['organisation.kind'], '');
    assert.equal(
      codes(validateApplication(filled({ 'organisation.kind': '' }), site, ru))[
        'organisation.kind'
      ],
      'errChooseKind',
    );
  });

  test('a complete application passes the server’s schema', () => {
    assert.deepEqual(validateApplication(filled(), site, ru), {});
  });

  test('empty boxes and counts that are not numbers are the form’s own words', () => {
    assert.deepEqual(
      codes(
        validateApplication(
          filled({ 'organisation.inn': '', 'organisation.employees': 'много' }),
          site,
          ru,
        ),
      ),
      { 'organisation.inn': 'errRequired', 'organisation.employees': 'errNumber' },
    );
  });

  test('identifiers, staff and the password are the schema’s rules, worded by the server', () => {
    const issues = validateApplication(
      filled({
        'organisation.inn': '4200000001',
        'organisation.knowledgeWorkers': '5000',
        'admin.password': 'aaaaaaaaaaaa',
      }),
      site,
      ru,
    );
    assert.deepEqual(codes(issues), {
      'organisation.inn': 'registry.rule.inn',
      'organisation.knowledgeWorkers': 'registry.rule.knowledgeWithinStaff',
      'admin.password': 'common.passwordVariety',
    });
    const inn = issues['organisation.inn'];
    assert.ok(inn && 'text' in inn && /ИНН/.test(inn.text));
  });

  test('without the schema only the form’s own checks run', () => {
    assert.deepEqual(validateApplication(filled({ 'organisation.inn': '4200000001' }), site), {});
  });
});
