// A site as a form holds it: the boxes' text, the body the API takes (SiteInput) and the
// form's own checks. The rules are the server's (SiteInput, loaded lazily by the caller);
// here only boxes left empty and coordinates that are not numbers. Pure.
import type { components } from '../../shell/api-types.ts';
import { type Issues, type SchemaCheck, withSchemaProblems } from '../../shell/issues.ts';
import { parseNumber } from '../../shell/numbers.ts';
import { isOneOf } from '../../shell/vocabulary.ts';
import type { siteFormDict } from './dict.ts';

/** The body of a new site, as the server's SiteInput schema takes it. */
export type SiteBody = components['schemas']['SiteCreateInput'];
export type SiteKind = NonNullable<SiteBody['kind']>;

/** The site kinds of the server's SiteInput (src/registry/schema.ts), through the generated API types. */
export { siteCreateKindValues as siteKinds } from '../../shell/api-types.ts';

import { siteCreateKindValues } from '../../shell/api-types.ts';

/** A site's boxes as typed: coordinates are text, so «53,75» and a half-typed «53,» survive. */
export interface SiteValue {
  name: string;
  /** the name in English, shown on the English pages ('' for none) */
  nameEn: string;
  kind: SiteKind;
  address: string;
  lat: string;
  lon: string;
  /** the site lies in a single-industry town on the Government's list */
  monotown: boolean;
  /** the special territory's kind ('' for none) and its name */
  specialKind: '' | SpecialTerritoryKind;
  specialName: string;
}
export type SiteKey = keyof SiteValue;
export const siteKeys: readonly SiteKey[] = [
  'name',
  'nameEn',
  'kind',
  'address',
  'lat',
  'lon',
  'monotown',
  'specialKind',
  'specialName',
];
export type SpecialTerritoryKind = NonNullable<SiteBody['specialTerritory']>['kind'];
export const specialTerritoryKinds: readonly SpecialTerritoryKind[] = ['tor', 'oez', 'other'];

export const blankSite = (kind: SiteKind = 'plant'): SiteValue => ({
  name: '',
  nameEn: '',
  kind,
  address: '',
  lat: '',
  lon: '',
  monotown: false,
  specialKind: '',
  specialName: '',
});

type SiteDictKey = keyof (typeof siteFormDict)['ru'];
export type SiteIssues = Issues<SiteDictKey>;

/** A coordinate as typed (decimal comma or point); undefined when empty, NaN when not a number. */
export const coordinate = (text: string): number | undefined => parseNumber(text);

/** A point when both coordinates are numbers in range, else null (the map shows no marker). */
export function pointOf(v: Pick<SiteValue, 'lat' | 'lon'>): { lat: number; lon: number } | null {
  const lat = coordinate(v.lat);
  const lon = coordinate(v.lon);
  if (lat === undefined || lon === undefined || Number.isNaN(lat) || Number.isNaN(lon)) return null;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return { lat, lon };
}

/** A coordinate as the form writes it after a click on the map: 5 decimals (about a metre), the locale's decimal sign. */
export function coordinateText(n: number, locale: string): string {
  const s = n.toFixed(5);
  return locale === 'ru' ? s.replace('.', ',') : s;
}

/**
 * The body: text trimmed, an empty address or English name left out, coordinates parsed (NaN
 * when not a number).
 */
export function siteBody(v: SiteValue): SiteBody {
  const address = v.address.trim();
  return {
    name: v.name.trim(),
    ...(v.nameEn.trim() ? { nameEn: v.nameEn.trim() } : {}),
    kind: isOneOf(siteCreateKindValues, v.kind) ? v.kind : 'other',
    lat: coordinate(v.lat) ?? Number.NaN,
    lon: coordinate(v.lon) ?? Number.NaN,
    ...(address ? { address } : {}),
    monotown: v.monotown,
    specialTerritory: v.specialKind ? { kind: v.specialKind, name: v.specialName.trim() } : null,
  };
}

/** A site's boxes from the site as the API gives it (the form's starting value). */
export function siteValueOf(
  s: Pick<SiteBody, 'name' | 'nameEn' | 'kind' | 'address' | 'monotown' | 'specialTerritory'> & {
    lat: number;
    lon: number;
  },
  locale: string,
): SiteValue {
  return {
    name: s.name,
    nameEn: s.nameEn ?? '',
    kind: s.kind ?? 'other',
    address: s.address ?? '',
    lat: coordinateText(s.lat, locale),
    lon: coordinateText(s.lon, locale),
    monotown: s.monotown ?? false,
    specialKind: s.specialTerritory?.kind ?? '',
    specialName: s.specialTerritory?.name ?? '',
  };
}

/**
 * Every problem by box (`name`, `kind`, `address`, `lat`, `lon`): the form's own first, then
 * the server's schema (`check`, absent when its chunk failed to load; the server checks again).
 */
export function validateSite(v: SiteValue, check?: SchemaCheck): SiteIssues {
  const own: SiteIssues = {};
  if (!v.name.trim()) own.name = { key: 'siteErrRequired' };
  if (v.specialKind && !v.specialName.trim()) own.specialName = { key: 'siteErrSpecialName' };
  for (const k of ['lat', 'lon'] as const) {
    const n = coordinate(v[k]);
    if (n === undefined) own[k] = { key: 'siteErrCoordinates' };
    // each box's example its own: a longitude's is not a latitude
    else if (Number.isNaN(n)) own[k] = { key: k === 'lat' ? 'siteErrNumber' : 'siteErrLonNumber' };
  }
  // the server names the territory's name `specialTerritory.name`: the box is specialName
  const placed = check
    ? (body: unknown) =>
        check(body).map((p) =>
          p.field.startsWith('specialTerritory') ? { ...p, field: 'specialName' } : p,
        )
    : undefined;
  return placed ? withSchemaProblems(own, placed(siteBody(v))) : own;
}

/** Whether anything was typed into the site's boxes (an optional site left alone is no site). */
export const siteTouched = (v: SiteValue) =>
  [v.name, v.address, v.lat, v.lon].some((s) => s.trim() !== '');
