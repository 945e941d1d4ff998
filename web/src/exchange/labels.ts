import { useMemo } from 'react';
import { contractQuantity } from '../../../src/model/quantities.ts';
import {
  dictionary,
  intlLocale,
  type Locale,
  useFormat,
  useLocale,
  useT,
  withMinus,
} from '../i18n/index.ts';
import type {
  Counterfactual,
  LegalStatus,
  ListingSide,
  ListingStatus,
  ListingVisibility,
  MatchDecision,
  Substitute,
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
    'cf:landfilled': 'размещается на полигоне',
    'cf:dumped': 'размещается в собственном отвале',
    'cf:stored': 'хранится на площадке',
    'cf:vented': 'выбрасывается в атмосферу',
    'cf:flared': 'сжигается на факеле',
    'cf:sold': 'продаётся на рынке',
    'cf:used_internally': 'используется самой организацией',
    'cf:not_produced': 'не производится без покупателя',
    'cf:not_stated': 'не указано',
    'sub:clinker': 'цементный клинкер',
    'sub:gbfs': 'гранулированный доменный шлак',
    'sub:natural-aggregate': 'природный щебень и гравий',
    'sub:natural-sand': 'природный песок',
    'sub:clay': 'глина',
    'sub:primary-coal': 'добытый уголь',
    'sub:natural-gas': 'природный газ',
    'sub:heat-coal-boiler': 'тепло угольной котельной',
    'sub:heat-gas-boiler': 'тепло газовой котельной',
    'sub:purchased-electricity': 'покупная электроэнергия',
    'sub:none': 'ничего',
    'sub:resale': 'перепродажа (посредник)',
    'decision:pending': 'ожидает',
    'decision:accepted': 'принято',
    'decision:declined': 'отклонено',
    'decision:unanswered': 'без ответа',
    'match:proposed': 'предложено',
    'match:accepted': 'согласовано',
    'match:declined': 'отклонено',
    'match:closed': 'закрыто',
    'unit:t': 'т',
    'unit:m3': 'м³',
    'unit:thousand_m3': 'тыс. м³',
    'unit:million_m3': 'млн м³',
    'unit:MWh': 'МВт·ч',
    'unit:GJ': 'ГДж',
    'unit:Gcal': 'Гкал',
    'punit:%': '%',
    'punit:% vol': '% об.',
    'punit:Bq/kg': 'Бк/кг',
    'punit:MJ/kg': 'МДж/кг',
    'punit:g/t': 'г/т',
    'punit:kcal/kg': 'ккал/кг',
    'punit:mg/l': 'мг/л',
    'punit:mm': 'мм',
    'punit:°C': '°C',
    perYear: '{unit}/\u2060год',
    rubPerUnit: '₽/\u2060{unit}',
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
    'cf:landfilled': 'landfilled',
    'cf:dumped': 'dumped on own dump',
    'cf:stored': 'stored on site',
    'cf:vented': 'vented',
    'cf:flared': 'flared',
    'cf:sold': 'sold on the market',
    'cf:used_internally': 'used internally',
    'cf:not_produced': 'not produced without a taker',
    'cf:not_stated': 'not stated',
    'sub:clinker': 'cement clinker',
    'sub:gbfs': 'granulated blast-furnace slag',
    'sub:natural-aggregate': 'natural aggregate',
    'sub:natural-sand': 'natural sand',
    'sub:clay': 'clay',
    'sub:primary-coal': 'mined coal',
    'sub:natural-gas': 'natural gas',
    'sub:heat-coal-boiler': 'heat from a coal boiler',
    'sub:heat-gas-boiler': 'heat from a gas boiler',
    'sub:purchased-electricity': 'purchased electricity',
    'sub:none': 'nothing',
    'sub:resale': 'resale (intermediary)',
    'decision:pending': 'pending',
    'decision:accepted': 'accepted',
    'decision:declined': 'declined',
    'decision:unanswered': 'no answer',
    'match:proposed': 'proposed',
    'match:accepted': 'agreed',
    'match:declined': 'declined',
    'match:closed': 'closed',
    'unit:t': 't',
    'unit:m3': 'm³',
    'unit:thousand_m3': 'thousand m³',
    'unit:million_m3': 'million m³',
    'unit:MWh': 'MWh',
    'unit:GJ': 'GJ',
    'unit:Gcal': 'Gcal',
    'punit:%': '%',
    'punit:% vol': '% vol',
    'punit:Bq/kg': 'Bq/kg',
    'punit:MJ/kg': 'MJ/kg',
    'punit:g/t': 'g/t',
    'punit:kcal/kg': 'kcal/kg',
    'punit:mg/l': 'mg/l',
    'punit:mm': 'mm',
    'punit:°C': '°C',
    perYear: '{unit}/\u2060yr',
    rubPerUnit: 'RUB/\u2060{unit}',
    hazardClass: 'hazard class {n}',
    hazardShort: 'cl. {n}',
  },
);

const roman = ['0', 'I', 'II', 'III', 'IV', 'V'];

/** Between a number and its unit: the two never part at a line break. */
export const NBSP = '\u00a0';
// A unit's slash is followed by U+2060 (word joiner) in the dictionaries: browsers break lines
// after a slash, and «т/год» split over two lines on a phone; toCsv drops it from files.

/** One colour per transport mode, on the map and in the legend. */
export const modeColours: Record<TransportMode, string> = {
  road: '#c0652b',
  rail: '#2e6da4',
  pipeline: '#6a8d2f',
  wire: '#8e44ad',
};

/**
 * A computed figure (a plan's volume, a sum): whole units from 100 up, where a fraction of a
 * tonne is noise and «16 666,667» reads like millions; up to two decimals below, where they
 * matter (0,35 т). Entered figures keep their decimals (`enteredQuantity`); exports keep the
 * full value.
 */
export function computedAmount(n: number, locale: Locale): string {
  return withMinus(
    new Intl.NumberFormat(intlLocale(locale), {
      maximumFractionDigits: Math.abs(n) >= 100 ? 0 : 2,
    }).format(n),
  );
}

/**
 * Roubles of a price in kopecks: whole roubles as they are, else to the kopeck with both digits
 * («350», «1 200,50»; «1 200,5» reads as a misprint).
 */
export function roublesOf(kopecks: number, locale: Locale): string {
  const digits = kopecks % 100 === 0 ? 0 : 2;
  return withMinus(
    new Intl.NumberFormat(intlLocale(locale), {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(kopecks / 100),
  );
}

export function useExchangeLabels() {
  const t = useT(exchangeLabelsDict);
  const fmt = useFormat();
  const { locale } = useLocale();
  return useMemo(() => {
    const unit = (u: string) => {
      const key = `unit:${u}` as const;
      return key in exchangeLabelsDict.ru ? t(key as keyof typeof exchangeLabelsDict.ru) : u;
    };
    /** a quality property's unit, as the taxonomy gives it («kcal/kg»), in the user's language */
    const propertyUnit = (u: string | undefined) => {
      if (!u) return '';
      const key = `punit:${u}` as const;
      return key in exchangeLabelsDict.ru ? t(key as keyof typeof exchangeLabelsDict.ru) : u;
    };
    const amount = (n: number) => computedAmount(n, locale);
    /** a quantity someone entered: never rounded to a different figure (5 000,5 stays so) */
    const entered = (n: number) => fmt.decimal(n, 3);
    /**
     * A volume read by its scale word (user walk M7): 30 000 thousand m³ is «30 млн м³»,
     * “30 million m³”; a smaller one keeps its own unit.
     */
    const scaled = (n: number, u: string): [string, string] => {
      if (u === 'thousand_m3' && Math.abs(n) >= 1000) return [amount(n / 1000), unit('million_m3')];
      if (u === 'm3' && Math.abs(n) >= 1e6) return [amount(n / 1e6), unit('million_m3')];
      return [amount(n), unit(u)];
    };
    /** 200 000 т/год — a yearly quantity as entered (a listing's), in the locale's number format */
    const perYear = (n: number, u: string) => {
      const [value, scaledUnit] = scaled(n, u);
      const shown = scaledUnit === unit(u) ? entered(n) : value;
      return `${shown}${NBSP}${t('perYear', { unit: scaledUnit })}`;
    };
    /**
     * 16 666 т/год — a yearly quantity a plan computed, as the deal from its match will state
     * it (contractQuantity: whole units from 100 up, rounded down)
     */
    const computedPerYear = (n: number, u: string) => {
      const [value, scaledUnit] = scaled(contractQuantity(n), u);
      return `${value}${NBSP}${t('perYear', { unit: scaledUnit })}`;
    };
    const mln = locale === 'ru' ? `млн${NBSP}₽` : `mln${NBSP}RUB`;
    return {
      side: (s: ListingSide) => t(`side:${s}`),
      status: (s: ListingStatus) => t(`status:${s}`),
      visibility: (v: ListingVisibility) => t(`vis:${v}`),
      mode: (m: TransportMode) => t(`mode:${m}`),
      legal: (l: LegalStatus) => t(`legal:${l}`),
      counterfactual: (c: Counterfactual) => t(`cf:${c}`),
      substitute: (s: Substitute) => t(`sub:${s}`),
      decision: (d: MatchDecision | 'unanswered') => t(`decision:${d}`),
      match: (s: 'proposed' | 'accepted' | 'declined' | 'closed') => t(`match:${s}`),
      unit,
      propertyUnit,
      /** a quality value with its unit: «24 %», «5 500 ккал/кг» */
      withPropertyUnit: (text: string, u: string | undefined) =>
        u ? `${text}${NBSP}${propertyUnit(u)}` : text,
      perYear,
      computedPerYear,
      quantity: (n: number, u: string) => scaled(n, u).join(NBSP),
      /** a quantity as entered (a listing's, a lot's), all its decimals up to three */
      enteredQuantity: (n: number, u: string) => `${entered(n)}${NBSP}${unit(u)}`,
      /** a price per unit, from the API's kopecks: «350 ₽/т», «1 200,50 ₽/т» (roublesOf) */
      kopecksPerUnit: (kopecks: number, u: string) =>
        `${roublesOf(kopecks, locale)}${NBSP}${t('rubPerUnit', { unit: unit(u) })}`,
      /** money (the API's kopecks) in roubles, in millions from a million up, one decimal: «12,0 млн ₽» */
      money: (kopecks: number) => {
        const rub = kopecks / 100;
        return Math.abs(rub) >= 1e6
          ? `${fmt.fixed(rub / 1e6, 1)}${NBSP}${mln}`
          : `${fmt.integer(rub)}${NBSP}${locale === 'ru' ? '₽' : 'RUB'}`;
      },
      /** millions of roubles (from kopecks) without the unit (the column header names it), one decimal */
      millions: (kopecks: number) => fmt.fixed(kopecks / 100 / 1e6, 1),
      hazard: (n: number) => t('hazardClass', { n: roman[n] ?? String(n) }),
      /** an FKKO entry's physical state in the user's language (the catalogue's own is Russian) */
      fkkoState: (e: { physicalState: string; physicalStateEn?: string }) =>
        locale === 'en' && e.physicalStateEn ? e.physicalStateEn : e.physicalState,
      /**
       * An FKKO entry's block: in English ours, in Russian the catalogue's words in sentence
       * case (the catalogue writes block names in capitals).
       */
      fkkoBlock: (e: { blockName: string; blockNameEn?: string }) =>
        locale === 'en' && e.blockNameEn
          ? e.blockNameEn
          : e.blockName.charAt(0) + e.blockName.slice(1).toLocaleLowerCase('ru'),
      hazardShort: (n: number) => t('hazardShort', { n: roman[n] ?? String(n) }),
    };
  }, [t, fmt, locale]);
}
