// The membership application form's values, body and checks. The rules are the server's own
// (ApplicationInput, loaded lazily, worded by its catalogues); the form adds only boxes left
// empty and counts that are not numbers. Pure.
import type { RequestBody } from '../shell/api.ts';
import { type Issues, type SchemaCheck, withSchemaProblems } from '../shell/issues.ts';
import { parseNumber } from '../shell/numbers.ts';
import { isOneOf, membershipRoles, organisationKinds } from '../shell/vocabulary.ts';
import type { registryDict } from './dict.ts';

type RegistryKey = keyof (typeof registryDict)['ru'];
export type ApplicationIssues = Issues<RegistryKey>;
export type ApplicationBody = RequestBody<'/api/v1/applications', 'post'>;

/** The form's boxes, named by their path in the API's body. */
export function blankApplication(homeRegion: string) {
  return {
    'organisation.name': '',
    'organisation.nameEn': '',
    'organisation.kind': 'waste_processor',
    'organisation.inn': '',
    'organisation.ogrn': '',
    'organisation.kpp': '',
    'organisation.okved': '',
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
  };
}
export type ApplicationValues = ReturnType<typeof blankApplication>;
export type ApplicationKey = keyof ApplicationValues;

const required: ApplicationKey[] = [
  'organisation.name',
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

/** The body: text trimmed, empty options left out, counts parsed (NaN when not a number). */
export function applicationBody(v: ApplicationValues): ApplicationBody {
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  const count = (s: string) => parseNumber(s) ?? Number.NaN;
  const kind = v['organisation.kind'];
  const role = v.requestedRole;
  return {
    organisation: {
      name: v['organisation.name'].trim(),
      nameEn: opt(v['organisation.nameEn']),
      kind: isOneOf(organisationKinds, kind) ? kind : 'other',
      inn: v['organisation.inn'].trim(),
      ogrn: v['organisation.ogrn'].trim(),
      kpp: opt(v['organisation.kpp']),
      okved: v['organisation.okved'].trim(),
      region: v['organisation.region'].trim(),
      employees: count(v['organisation.employees']),
      knowledgeWorkers: count(v['organisation.knowledgeWorkers']),
      website: opt(v['organisation.website']),
      description: opt(v['organisation.description']),
    },
    requestedRole: isOneOf(membershipRoles, role) ? role : undefined,
    motivation: opt(v.motivation),
    admin: {
      name: v['admin.name'].trim(),
      email: v['admin.email'].trim(),
      password: v['admin.password'],
    },
  };
}

/** Every problem by form box; `check` is the server's schema (absent if it failed to load). */
export function validateApplication(v: ApplicationValues, check?: SchemaCheck): ApplicationIssues {
  const own: ApplicationIssues = {};
  for (const k of required) if (!v[k].trim()) own[k] = { key: 'errRequired' };
  for (const k of counts)
    if (!own[k] && Number.isNaN(parseNumber(v[k]))) own[k] = { key: 'errNumber' };
  return check ? withSchemaProblems(own, check(applicationBody(v))) : own;
}
