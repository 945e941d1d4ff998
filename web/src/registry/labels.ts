import { useMemo } from 'react';
import { regionIn, regionRecorded, townIn } from '../../../src/model/places.ts';
import {
  agglomerationWords,
  organisationKindWords,
  organisationStatusWords,
  roleWords,
  siteKindWords,
  type Vocabulary,
  vatRegimeWords,
} from '../../../src/model/vocabulary.ts';
import { dictionary, type Locale, useLocale, useT } from '../i18n/index.ts';
import type {
  Agglomeration,
  MembershipRole,
  OrganisationKind,
  OrganisationStatus,
} from '../shell/types.ts';

/** The example's home region, as organisations record it. */
export const HOME_REGION = 'Кемеровская область — Кузбасс';

/** A region in the user's language (the shared place names of src/model/places.ts). */
export const regionName = (region: string, locale: Locale): string => regionIn(region, locale);

/**
 * A region box's text after the reader switched language: a region the place list knows, in
 * either language, in the new one; anything else as typed. Saved, it goes back to Russian
 * (`regionRecorded`).
 */
export const regionBoxIn = (text: string, locale: Locale): string =>
  regionIn(regionRecorded(text), locale);

/** A town (known by the map's English name) in the user's language. */
export const townName = (name: string, locale: Locale): string => townIn(name, locale);

/** One colour per kind, grouped by family: extraction browns, processing oranges, energy reds, knowledge blues. */
export const kindColours: Record<OrganisationKind, string> = {
  open_pit: '#7a4e2d',
  underground_mine: '#3f2a1d',
  preparation_plant: '#b5651d',
  power_plant: '#c0392b',
  coke_chemical: '#8e44ad',
  chemical: '#d35490',
  construction_materials: '#4f6d7a',
  construction: '#6b8e9b',
  waste_processor: '#27ae60',
  logistics: '#f1c40f',
  university: '#2e86de',
  research_institute: '#1abc9c',
  regional_government: '#34495e',
  platform_operator: '#0b3d91',
  service_provider: '#e67e22',
  other: '#b8bfc6',
};

/** Names of the registry's enumerations in the user's language (src/model/vocabulary.ts). */
export function useLabels() {
  const { locale } = useLocale();
  const t = useT(labelsDict);
  return useMemo(() => {
    const say = (words: Vocabulary, code: string) => words[code]?.[locale] ?? code;
    return {
      kind: (k: OrganisationKind) => say(organisationKindWords, k),
      role: (r: MembershipRole | null) => (r ? say(roleWords, r) : t('noRole')),
      status: (s: OrganisationStatus) => say(organisationStatusWords, s),
      agglomeration: (a: Agglomeration | null) =>
        a ? say(agglomerationWords, a) : t('noAgglomeration'),
      siteKind: (k: string) => say(siteKindWords, k),
      /** an organisation's VAT regime in words: «УСН без НДС» */
      vatRegime: (r: string) => say(vatRegimeWords, r),
    };
  }, [locale, t]);
}

const labelsDict = dictionary(
  { noRole: 'Без роли', noAgglomeration: 'Вне агломераций' },
  { noRole: 'No role', noAgglomeration: 'Outside the agglomerations' },
);
