// The figures of a deal page that are read together: its progress (delivered and remaining add
// up to the contract as shown), and measured quality written and read in the page's words. Pure.
import { decimalMarkOf } from '../i18n/locale.ts';
import type { QualityProperty } from '../shell/types.ts';
import type { Delivery } from './api.ts';

/** Lots are entered to three decimals at most (a kilogram of a tonne): a figure shown so. */
const thousandths = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Delivered and remaining as the page shows them: delivered rounded once, to the thousandth a
 * lot is entered in, and remaining the contract less that shown figure, so that the two read
 * together add up to the contract (85 012,5 + 14 987,5 = 100 000, where rounding each apart
 * gave 85 013 + 14 988). Past the contract nothing remains.
 */
export function shownProgress(
  contracted: number,
  delivered: number,
): { delivered: number; remaining: number } {
  const shown = thousandths(delivered);
  return { delivered: shown, remaining: Math.max(0, thousandths(contracted - shown)) };
}

type Lang = 'ru' | 'en';

/**
 * The words a measured value may be written with, for one property: its name in either
 * language, its symbol and its id, compared without case.
 */
const wordsOf = (p: QualityProperty) =>
  [p.name.ru, p.name.en, p.symbol, p.id].map((w) => w.trim().toLocaleLowerCase('ru'));

/**
 * Reads the property a person named (its name, symbol or id) as its id, among the deal's
 * properties; a word that names none of them but is written as an id (`loi`) is taken as one,
 * for the server to judge; anything else is not a property (undefined).
 */
export function propertyResolver(
  properties: readonly QualityProperty[],
): (word: string) => string | undefined {
  return (word) => {
    const w = word.trim().toLocaleLowerCase('ru');
    const named = properties.find((p) => wordsOf(p).includes(w));
    if (named) return named.id;
    return /^[a-z][a-z0-9_-]*$/.test(w) ? w : undefined;
  };
}

/** Two examples in the page's words and number format: «Зольность = 4,5; Влажность общая = 0,6». */
export function qualityPlaceholder(properties: readonly QualityProperty[], lang: Lang): string {
  const mark = decimalMarkOf(lang);
  const examples = ['4.5', '0.6'];
  return properties
    .slice(0, 2)
    .map((p, i) => `${p.name[lang]} = ${examples[i].replace('.', mark)}`)
    .join('; ');
}

type VatRegime = NonNullable<Delivery['sellerVatRegime']>;

/**
 * The seller's VAT regime when it changed after the deal's last lot (the latest recorded one
 * that says what it was charged under), else null: the next lots follow the new regime, so the
 * terms say so. The seller is the provider, or of a gate fee (a negative price) the consumer.
 */
export function vatRegimeChange(
  priceKopecksPerUnit: number,
  regimes: { provider: VatRegime; consumer: VatRegime },
  lots: readonly Pick<Delivery, 'recordedAt' | 'confirms' | 'sellerVatRegime'>[],
): { from: VatRegime; to: VatRegime } | null {
  const charged = lots.filter((l) => !l.confirms && l.sellerVatRegime);
  if (charged.length === 0) return null;
  const last = charged.reduce((a, b) => (b.recordedAt > a.recordedAt ? b : a));
  const now = regimes[priceKopecksPerUnit >= 0 ? 'provider' : 'consumer'];
  const was = last.sellerVatRegime!;
  return was === now ? null : { from: was, to: now };
}
