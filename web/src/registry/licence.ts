// A waste licence as the form holds it: the boxes' text, the body the API takes
// (WasteLicenceCreate) and the form's own checks; the server's schema (loaded lazily by the
// caller) adds its rules in its own words. Pure.
import type { components } from '../shell/api-types.ts';
import { wasteActivityInputValues } from '../shell/api-types.ts';
import { type Issues, type SchemaCheck, withSchemaProblems } from '../shell/issues.ts';
import type { licenceDict } from './licenceDict.ts';

export type LicenceBody = components['schemas']['WasteLicenceCreateInput'];
export type WasteLicence = components['schemas']['WasteLicence'];
export type WasteActivity = LicenceBody['activities'][number];

/** What a licence may cover, in the order of 89-ФЗ art. 9 (the server's vocabulary). */
export const wasteActivities: readonly WasteActivity[] = wasteActivityInputValues;
/** The hazard classes a licence covers: I–IV (class V needs none). */
export const licensedClasses = [1, 2, 3, 4] as const;

const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V'];
export const roman = (n: number) => ROMAN[n] ?? String(n);

export interface LicenceValue {
  number: string;
  issuedOn: string;
  issuedBy: string;
  activities: WasteActivity[];
  hazardClasses: number[];
  /** one code a line, as typed */
  fkko: string;
  validUntil: string;
  /** бессрочная: no last day */
  permanent: boolean;
}
export type LicenceKey = Exclude<keyof LicenceValue, 'permanent'>;

export const blankLicence = (): LicenceValue => ({
  number: '',
  issuedOn: '',
  issuedBy: '',
  activities: [],
  hazardClasses: [],
  fkko: '',
  validUntil: '',
  permanent: false,
});

type LicenceDictKey = keyof (typeof licenceDict)['ru'];
export type LicenceIssues = Issues<LicenceDictKey>;

/** A form field of a server's path: `fkko.2` and `activities.0` are their boxes. */
export const licenceField = (path: string) => path.split(/[.[]/)[0] ?? path;

const fkkoLines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** A line as an FKKO code «N NN NNN NN NN N» when it has its 11 digits (spaced or not), else null. */
export function fkkoCode(line: string): string | null {
  const digits = line.replace(/\s+/g, '');
  if (!/^\d{11}$/.test(digits)) return null;
  return `${digits[0]} ${digits.slice(1, 3)} ${digits.slice(3, 6)} ${digits.slice(6, 8)} ${digits.slice(8, 10)} ${digits[10]}`;
}

/** The body: text trimmed, codes spaced as the catalogue writes them, no last day when permanent. */
export function licenceBody(v: LicenceValue): LicenceBody {
  return {
    number: v.number.trim(),
    issuedOn: v.issuedOn,
    issuedBy: v.issuedBy.trim(),
    // in the vocabulary's order, whatever the order of the ticks
    activities: wasteActivities.filter((a) => v.activities.includes(a)),
    hazardClasses: [...v.hazardClasses].sort((a, b) => a - b),
    fkko: fkkoLines(v.fkko).map((l) => fkkoCode(l) ?? l),
    validUntil: v.permanent ? null : v.validUntil || null,
  };
}

/**
 * Every problem by box: the form's own first (boxes left empty, nothing ticked, a code that is
 * not 11 digits, the last day before the first), then the server's schema (`check`, absent when
 * its chunk failed to load; the server checks again).
 */
export function validateLicence(v: LicenceValue, check?: SchemaCheck): LicenceIssues {
  const own: LicenceIssues = {};
  if (!v.number.trim()) own.number = { key: 'errNumber' };
  if (!v.issuedOn) own.issuedOn = { key: 'errIssuedOn' };
  if (!v.issuedBy.trim()) own.issuedBy = { key: 'errIssuedBy' };
  if (v.activities.length === 0) own.activities = { key: 'errActivities' };
  if (v.hazardClasses.length === 0) own.hazardClasses = { key: 'errClasses' };
  if (!v.permanent) {
    if (!v.validUntil) own.validUntil = { key: 'errValidUntil' };
    else if (v.issuedOn && v.validUntil < v.issuedOn) own.validUntil = { key: 'errValidBefore' };
  }
  const seen = new Set<string>();
  for (const line of fkkoLines(v.fkko)) {
    const code = fkkoCode(line);
    if (!code) {
      own.fkko = { key: 'errFkko', params: { line } };
      break;
    }
    if (seen.has(code)) {
      own.fkko = { key: 'errFkkoTwice', params: { code } };
      break;
    }
    seen.add(code);
  }
  if (!check) return own;
  const problems = check(licenceBody(v)).map((p) => ({ ...p, field: licenceField(p.field) }));
  return withSchemaProblems(own, problems);
}

/** Whether a licence's last day is past (`today` a calendar day, YYYY-MM-DD). */
export const licenceExpired = (l: Pick<WasteLicence, 'validUntil'>, today: string) =>
  l.validUntil !== null && l.validUntil < today;
