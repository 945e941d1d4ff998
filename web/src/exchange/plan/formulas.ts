// The impact figures' formulas, notes and factor names as a reader of each language reads them
// (walk-through M1). The engine writes them in English (the API's language of record); the
// plan page shows them through this table, piece by piece ("a + b" as two pieces).
import type { Locale } from '../../i18n/index.ts';

type Words = { ru: string; en: string };

/** Every formula piece and note the engine writes (engine/impact.ts), in both languages. */
export const formulaWords: Readonly<Record<string, Words>> = {
  'Σ shipped t over flows from offers with legal status waste (mass units only)': {
    ru: 'Σ отгружено т по потокам от предложений со статусом «отход» (только массовые единицы)',
    en: 'Σ shipped t over flows from offers with legal status waste (mass units only)',
  },
  'Σ substitute replaced (delivered; a fuel replacing coal by its heat) × t CO2e per unit of it (end users only)':
    {
      ru: 'Σ замещённый продукт (поставлено; топливо вместо угля — по теплоте сгорания) × т CO2e на его единицу (только у конечных потребителей)',
      en: 'Σ substitute replaced (delivered; a fuel replacing coal by its heat) × t CO2e per unit of it (end users only)',
    },
  'Σ thousand m³ of vented gas × 1000 × CH4 % ÷ 100 × t CH4 per m³ × t CO2e per t CH4': {
    ru: 'Σ тыс. м³ газа, который сейчас выбрасывается × 1000 × доля CH4 % ÷ 100 × т CH4 на м³ × т CO2e на т CH4',
    en: 'Σ thousand m³ of vented gas × 1000 × CH4 % ÷ 100 × t CH4 per m³ × t CO2e per t CH4',
  },
  'no flow with a known emission factor': {
    ru: 'ни у одного потока нет известного коэффициента выбросов',
    en: 'no flow with a known emission factor',
  },
  'credits only from the baseline: methane only for gas vented today; a substitute only at the end user, and not for a material sold or used today; flows without a factor count zero':
    {
      ru: 'зачёт только от базовой линии: метан — только для газа, который сейчас выбрасывается; замещаемый продукт — только у конечного потребителя и не для материала, который уже продаётся или используется; потоки без коэффициента считаются нулём',
      en: 'credits only from the baseline: methane only for gas vented today; a substitute only at the end user, and not for a material sold or used today; flows without a factor count zero',
    },
  'Σ shipped t × route km × kg CO2 per t·km of the mode ÷ 1000': {
    ru: 'Σ отгружено т × км маршрута × кг CO2 на т·км вида транспорта ÷ 1000',
    en: 'Σ shipped t × route km × kg CO2 per t·km of the mode ÷ 1000',
  },
  'CO2e avoided − transport emissions': {
    ru: 'предотвращённые CO2e − выбросы транспорта',
    en: 'CO2e avoided − transport emissions',
  },
  'without the exchange: Σ offers quantity × disposal cost (landfilled, dumped or stored today) + Σ requests quantity × price of the substitute':
    {
      ru: 'без обмена: Σ объём предложений × стоимость размещения (то, что сейчас вывозится на полигон, в отвал или хранится) + Σ объём запросов × цена замещаемого продукта',
      en: 'without the exchange: Σ offers quantity × disposal cost (landfilled, dumped or stored today) + Σ requests quantity × price of the substitute',
    },
  'over the listings that have at least one candidate link': {
    ru: 'по объявлениям, у которых есть хотя бы одна возможная связь',
    en: 'over the listings that have at least one candidate link',
  },
  'baseline − net benefit': {
    ru: 'базовая линия − чистая выгода',
    en: 'baseline − net benefit',
  },
  "net benefit: Σ value (substitutes the takers no longer buy) + Σ avoided disposal − Σ suppliers' own cost − Σ sales forgone − Σ transport = Σ flows":
    {
      ru: 'чистая выгода: Σ ценность (замещаемые продукты, которые получатели больше не покупают) + Σ предотвращённое размещение − Σ собственные затраты поставщиков − Σ упущенные продажи − Σ транспорт = Σ по потокам',
      en: "net benefit: Σ value (substitutes the takers no longer buy) + Σ avoided disposal − Σ suppliers' own cost − Σ sales forgone − Σ transport = Σ flows",
    },
  'what the cluster as a whole gains; the price members agree is a transfer between them and not part of it':
    {
      ru: 'выигрыш кластера в целом; цена, о которой договорятся участники, — перевод денег между ними и сюда не входит',
      en: 'what the cluster as a whole gains; the price members agree is a transfer between them and not part of it',
    },
  'Σ shipped × listed sale price of the offer (marketable products) = Σ flows': {
    ru: 'Σ отгружено × цена продажи в предложении (товарная продукция) = Σ по потокам',
    en: 'Σ shipped × listed sale price of the offer (marketable products) = Σ flows',
  },
  'money that changes hands between members: a transfer, not a saving; offers without a listed price count zero':
    {
      ru: 'деньги, переходящие между участниками: перевод, а не экономия; предложения без цены считаются нулём',
      en: 'money that changes hands between members: a transfer, not a saving; offers without a listed price count zero',
    },
};

/** The names of the factors the figures list (engine/impact.ts), in both languages. */
const factorWords: Readonly<Record<string, Words>> = {
  flows: { ru: 'потоков', en: 'flows' },
  avoided: { ru: 'предотвращено', en: 'avoided' },
  transport: { ru: 'транспорт', en: 'transport' },
  baseline: { ru: 'базовая линия', en: 'baseline' },
  netBenefit: { ru: 'чистая выгода', en: 'net benefit' },
  value: { ru: 'ценность', en: 'value' },
  avoidedDisposal: { ru: 'предотвращённое размещение', en: 'avoided disposal' },
  supplierCost: { ru: 'затраты поставщиков', en: "suppliers' own cost" },
  forgoneSale: { ru: 'упущенные продажи', en: 'sales forgone' },
  disposal: { ru: 'размещение', en: 'disposal' },
  purchases: { ru: 'покупки', en: 'purchases' },
  trade: { ru: 'оборот', en: 'trade' },
  source: { ru: 'источник', en: 'source' },
  'CH4 t per m³': { ru: 'т CH4 на м³', en: 'CH4 t per m³' },
  't CO2e per t CH4': { ru: 'т CO2e на т CH4', en: 't CO2e per t CH4' },
  'methane source': { ru: 'источник (метан)', en: 'methane source' },
  'road kg CO2 per t·km': { ru: 'авто, кг CO2 на т·км', en: 'road kg CO2 per t·km' },
  'rail kg CO2 per t·km': { ru: 'ж/д, кг CO2 на т·км', en: 'rail kg CO2 per t·km' },
};

/** A formula or note in the reader's language; a piece the table lacks stays as written. */
export function formulaText(text: string, locale: Locale): { text: string; translated: boolean } {
  const pieces = text.split(' + ');
  const whole = formulaWords[text];
  if (whole) return { text: whole[locale], translated: true };
  const words = pieces.map((p) => formulaWords[p]);
  if (words.every(Boolean))
    return { text: words.map((w) => w![locale]).join(' + '), translated: true };
  return { text, translated: locale === 'en' };
}

/** A factor's name in the reader's language (`substitutes.<name>…` keys named by substitute). */
export function factorName(
  key: string,
  locale: Locale,
  substituteName: (code: string) => string,
): string {
  const known = factorWords[key];
  if (known) return known[locale];
  const sub = /^substitutes\.([a-z-]+)(?:\.tCo2PerUnit| source)$/.exec(key);
  if (sub) {
    const name = substituteName(sub[1]);
    if (key.endsWith(' source')) return locale === 'ru' ? `источник: ${name}` : `source: ${name}`;
    return locale === 'ru' ? `${name}, т CO2e на единицу` : `${name}, t CO2e per unit`;
  }
  return key;
}
