import { useMemo } from 'react';
import { dictionary, useFormat, useLocale, useT } from '../i18n/index.ts';
import type {
  LegalStatus,
  ListingSide,
  ListingStatus,
  ListingVisibility,
  MatchDecision,
  MaterialUnit,
  TransportMode,
} from '../shell/types.ts';

/** Names of the exchange's enumerations and units in both languages. */
export const exchangeLabelsDict = dictionary(
  {
    'side:offer': 'Предложение',
    'side:request': 'Запрос',
    'status:draft': 'черновик',
    'status:active': 'активно',
    'status:expired': 'истекло',
    'status:withdrawn': 'снято',
    'vis:public': 'открыто всем',
    'vis:members': 'для участников',
    'vis:anonymous': 'анонимно',
    'mode:road': 'автотранспорт',
    'mode:rail': 'железная дорога',
    'mode:pipeline': 'трубопровод',
    'mode:wire': 'электросеть',
    'legal:waste': 'Отход',
    'legal:secondary_resource': 'Вторичный ресурс',
    'legal:secondary_raw_material': 'Вторичное сырьё',
    'legal:by_product': 'Побочный продукт',
    'decision:pending': 'ожидает',
    'decision:accepted': 'принято',
    'decision:declined': 'отклонено',
    'match:proposed': 'предложено',
    'match:accepted': 'согласовано',
    'match:declined': 'отклонено',
    'unit:t': 'т',
    'unit:m3': 'м³',
    'unit:thousand_m3': 'тыс. м³',
    'unit:MWh': 'МВт·ч',
    'unit:GJ': 'ГДж',
    'unit:Gcal': 'Гкал',
    perYear: '{unit}/год',
    rubPerUnit: '₽/{unit}',
    hazardClass: '{n} класс опасности',
    hazardShort: '{n} кл.',
  },
  {
    'side:offer': 'Offer',
    'side:request': 'Request',
    'status:draft': 'draft',
    'status:active': 'active',
    'status:expired': 'expired',
    'status:withdrawn': 'withdrawn',
    'vis:public': 'public',
    'vis:members': 'members only',
    'vis:anonymous': 'anonymous',
    'mode:road': 'road',
    'mode:rail': 'rail',
    'mode:pipeline': 'pipeline',
    'mode:wire': 'power line',
    'legal:waste': 'Waste',
    'legal:secondary_resource': 'Secondary resource',
    'legal:secondary_raw_material': 'Secondary raw material',
    'legal:by_product': 'By-product',
    'decision:pending': 'pending',
    'decision:accepted': 'accepted',
    'decision:declined': 'declined',
    'match:proposed': 'proposed',
    'match:accepted': 'agreed',
    'match:declined': 'declined',
    'unit:t': 't',
    'unit:m3': 'm³',
    'unit:thousand_m3': 'thousand m³',
    'unit:MWh': 'MWh',
    'unit:GJ': 'GJ',
    'unit:Gcal': 'Gcal',
    perYear: '{unit}/yr',
    rubPerUnit: 'RUB/{unit}',
    hazardClass: 'hazard class {n}',
    hazardShort: 'cl. {n}',
  },
);

export const sides: readonly ListingSide[] = ['offer', 'request'];
export const listingStatuses: readonly ListingStatus[] = [
  'draft',
  'active',
  'expired',
  'withdrawn',
];
export const visibilities: readonly ListingVisibility[] = ['public', 'members', 'anonymous'];
export const transportModes: readonly TransportMode[] = ['road', 'rail', 'pipeline', 'wire'];
export const legalStatuses: readonly LegalStatus[] = [
  'waste',
  'secondary_resource',
  'secondary_raw_material',
  'by_product',
];
export const units: readonly MaterialUnit[] = ['t', 'm3', 'thousand_m3', 'MWh', 'GJ', 'Gcal'];

const roman = ['0', 'I', 'II', 'III', 'IV', 'V'];

/** One colour per transport mode, on the map and in the legend. */
export const modeColours: Record<TransportMode, string> = {
  road: '#c0652b',
  rail: '#2e6da4',
  pipeline: '#6a8d2f',
  wire: '#8e44ad',
};

export function useExchangeLabels() {
  const t = useT(exchangeLabelsDict);
  const fmt = useFormat();
  const { locale } = useLocale();
  return useMemo(() => {
    const unit = (u: string) => {
      const key = `unit:${u}` as const;
      return key in exchangeLabelsDict.ru ? t(key as keyof typeof exchangeLabelsDict.ru) : u;
    };
    /** 200 000 т/год — a yearly quantity in the locale's number format */
    const perYear = (n: number, u: string) =>
      `${n >= 100 ? fmt.integer(n) : fmt.decimal(n, 2)} ${t('perYear', { unit: unit(u) })}`;
    return {
      side: (s: ListingSide) => t(`side:${s}`),
      status: (s: ListingStatus) => t(`status:${s}`),
      visibility: (v: ListingVisibility) => t(`vis:${v}`),
      mode: (m: TransportMode) => t(`mode:${m}`),
      legal: (l: LegalStatus) => t(`legal:${l}`),
      decision: (d: MatchDecision) => t(`decision:${d}`),
      match: (s: 'proposed' | 'accepted' | 'declined') => t(`match:${s}`),
      unit,
      perYear,
      quantity: (n: number, u: string) =>
        `${n >= 100 ? fmt.integer(n) : fmt.decimal(n, 2)} ${unit(u)}`,
      rubPerUnit: (n: number, u: string) =>
        `${fmt.decimal(n, 2)} ${t('rubPerUnit', { unit: unit(u) })}`,
      /** roubles a year, in millions from a million up: «12,3 млн ₽» */
      rub: (n: number) =>
        Math.abs(n) >= 1e6
          ? `${fmt.decimal(n / 1e6, 1)} ${locale === 'ru' ? 'млн ₽' : 'mln RUB'}`
          : `${fmt.integer(n)} ${locale === 'ru' ? '₽' : 'RUB'}`,
      hazard: (n: number) => t('hazardClass', { n: roman[n] ?? String(n) }),
      hazardShort: (n: number) => t('hazardShort', { n: roman[n] ?? String(n) }),
    };
  }, [t, fmt, locale]);
}
