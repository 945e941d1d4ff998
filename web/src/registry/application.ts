// The membership application form's values, body and checks. The rules are the server's own
// (ApplicationInput, loaded lazily, worded by its catalogues); the form adds only boxes left
// empty, counts that are not numbers, the consent box and the first site's own checks. Pure.
import { regionRecorded } from '../../../src/model/places.ts';
import type { RequestBody } from '../shell/api.ts';
import type { components } from '../shell/api-types.ts';
import { type Issues, type SchemaCheck, withSchemaProblems } from '../shell/issues.ts';
import { parseNumber } from '../shell/numbers.ts';
import { isOneOf, membershipRoles, organisationKinds, vatRegimes } from '../shell/vocabulary.ts';
import type { applicantDict } from './applicantDict.ts';
import type { registryDict } from './dict.ts';
import type { siteFormDict } from './site-form/dict.ts';
import {
  coordinateText,
  type SiteValue,
  siteBody,
  siteKinds,
  validateSite,
} from './site-form/site.ts';

type RegistryKey = keyof (typeof registryDict)['ru'];
type ApplicantKey = keyof (typeof applicantDict)['ru'];
type SiteFormKey = keyof (typeof siteFormDict)['ru'];
export type ApplicationIssues = Issues<RegistryKey | ApplicantKey | SiteFormKey>;
export type ApplicationBody = RequestBody<'/api/v1/applications', 'post'>;
export type ReapplicationBody = RequestBody<'/api/v1/application-status/{token}/reapply', 'post'>;
/** A body as the form builds it: the consent is what the box says (the server takes only `true`). */
export type ApplicationDraft = Omit<ApplicationBody, 'consent'> & { consent: boolean };
export type ReapplicationDraft = Omit<ReapplicationBody, 'consent'> & { consent: boolean };

/** The form's boxes, named by their path in the API's body. */
export function blankApplication(homeRegion: string) {
  return {
    'organisation.name': '',
    'organisation.nameEn': '',
    // chosen by the applicant: a preset kind would be sent unread
    'organisation.kind': '',
    'organisation.inn': '',
    'organisation.ogrn': '',
    'organisation.kpp': '',
    'organisation.okved': '',
    'organisation.vatRegime': 'general',
    'organisation.region': homeRegion,
    'organisation.employees': '',
    'organisation.knowledgeWorkers': '',
    'organisation.website': '',
    'organisation.description': '',
    requestedRole: 'niche',
    motivation: '',
    'admin.name': '',
    'admin.email': '',
    'admin.password': '',
    /** 'yes' when the consent box (152-FZ) is ticked */
    consent: '',
  };
}
export type ApplicationValues = ReturnType<typeof blankApplication>;
export type ApplicationKey = keyof ApplicationValues;

const required: ApplicationKey[] = [
  'organisation.name',
  'organisation.kind',
  'organisation.inn',
  'organisation.ogrn',
  'organisation.okved',
  'organisation.region',
  'organisation.employees',
  'organisation.knowledgeWorkers',
  'admin.name',
  'admin.email',
  'admin.password',
];
const counts: ApplicationKey[] = ['organisation.employees', 'organisation.knowledgeWorkers'];

const opt = (s: string) => (s.trim() ? s.trim() : undefined);
const count = (s: string) => parseNumber(s) ?? Number.NaN;

/** The organisation's part of the body, without its identifiers (they never change on reapplying). */
function organisationPart(v: ApplicationValues) {
  const kind = v['organisation.kind'];
  const vat = v['organisation.vatRegime'];
  return {
    name: v['organisation.name'].trim(),
    nameEn: opt(v['organisation.nameEn']),
    kind: isOneOf(organisationKinds, kind) ? kind : 'other',
    kpp: opt(v['organisation.kpp']),
    okved: v['organisation.okved'].trim(),
    vatRegime: isOneOf(vatRegimes, vat) ? vat : 'general',
    region: regionRecorded(v['organisation.region']),
    employees: count(v['organisation.employees']),
    knowledgeWorkers: count(v['organisation.knowledgeWorkers']),
    website: opt(v['organisation.website']),
    description: opt(v['organisation.description']),
  };
}

/** The body: text trimmed, empty options left out, counts parsed (NaN when not a number), the first site. */
export function applicationBody(v: ApplicationValues, site: SiteValue): ApplicationDraft {
  const role = v.requestedRole;
  return {
    organisation: {
      ...organisationPart(v),
      inn: v['organisation.inn'].trim(),
      ogrn: v['organisation.ogrn'].trim(),
    },
    site: siteBody(site),
    requestedRole: isOneOf(membershipRoles, role) ? role : undefined,
    motivation: opt(v.motivation),
    admin: {
      name: v['admin.name'].trim(),
      email: v['admin.email'].trim(),
      password: v['admin.password'],
    },
    consent: v.consent === 'yes',
  };
}

/** Applying again: the same organisation (its INN and OGRN and its admin stay), the rest as the form says. */
export function reapplicationBody(v: ApplicationValues, site: SiteValue): ReapplicationDraft {
  const role = v.requestedRole;
  return {
    organisation: organisationPart(v),
    site: siteBody(site),
    requestedRole: isOneOf(membershipRoles, role) ? role : undefined,
    motivation: opt(v.motivation),
    consent: v.consent === 'yes',
  };
}

/**
 * Every problem by form box (the site's as `site.name`, `site.lat`…); `check` is the server's
 * schema (absent if it failed to load). `again`: applying again, where the identifiers and the
 * admin are not the form's to check.
 */
export function validateApplication(
  v: ApplicationValues,
  site: SiteValue,
  check?: SchemaCheck,
  again = false,
): ApplicationIssues {
  const own: ApplicationIssues = {};
  const skipped = again ? /^(admin\.|organisation\.(inn|ogrn)$)/ : /^$/;
  for (const k of required) if (!skipped.test(k) && !v[k].trim()) own[k] = { key: 'errRequired' };
  if (own['organisation.kind']) own['organisation.kind'] = { key: 'errChooseKind' };
  for (const k of counts)
    if (!own[k] && Number.isNaN(parseNumber(v[k]))) own[k] = { key: 'errNumber' };
  if (v.consent !== 'yes') own.consent = { key: 'errConsent' };
  for (const [k, issue] of Object.entries(validateSite(site))) own[`site.${k}`] = issue;
  return check ? withSchemaProblems(own, check(applicationBody(v, site))) : own;
}

/** The form's boxes from what a rejected application said (its status link gives it back). */
export function valuesFromApplication(
  a: components['schemas']['ApplicationStatusView']['reapply'] & object,
  locale: string,
): { values: ApplicationValues; site: SiteValue } {
  const o = a.organisation;
  const text = (n: number | string | undefined | null) => (n == null ? '' : String(n));
  const values: ApplicationValues = {
    'organisation.name': o.name,
    'organisation.nameEn': text(o.nameEn),
    'organisation.kind': o.kind,
    'organisation.inn': o.inn,
    'organisation.ogrn': o.ogrn,
    'organisation.kpp': text(o.kpp),
    'organisation.okved': o.okved,
    'organisation.vatRegime': o.vatRegime,
    'organisation.region': o.region,
    'organisation.employees': text(o.employees),
    'organisation.knowledgeWorkers': text(o.knowledgeWorkers),
    'organisation.website': text(o.website),
    'organisation.description': text(o.description),
    requestedRole: a.requestedRole,
    motivation: text(a.motivation),
    'admin.name': '',
    'admin.email': a.contactEmail,
    'admin.password': '',
    // consent is asked again: each application is its own
    consent: '',
  };
  const s = a.site;
  const kind = s?.kind ?? 'plant';
  const site: SiteValue = {
    name: s?.name ?? '',
    nameEn: text(s?.nameEn),
    kind: isOneOf(siteKinds, kind) ? kind : 'other',
    address: text(s?.address),
    lat: s ? coordinateText(s.lat, locale) : '',
    lon: s ? coordinateText(s.lon, locale) : '',
    monotown: s?.monotown ?? false,
    specialKind: s?.specialTerritory?.kind ?? '',
    specialName: s?.specialTerritory?.name ?? '',
  };
  return { values, site };
}
