/**
 * Russian company identifiers and their checksums (Federal Tax Service rules):
 * INN (10 digits for legal entities, 12 for individuals), OGRN (13) / OGRNIP (15),
 * KPP (9, format only), OKVED (class.subclass.group, format only).
 */
const digits = (s: string) => [...s].map(Number);

function innCheck(d: number[], weights: number[]): number {
  const sum = weights.reduce((acc, w, i) => acc + w * d[i], 0);
  return (sum % 11) % 10;
}

export function isValidInn(inn: string): boolean {
  if (!/^\d{10}$|^\d{12}$/.test(inn)) return false;
  const d = digits(inn);
  if (d.length === 10) return innCheck(d, [2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[9];
  return (
    innCheck(d, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[10] &&
    innCheck(d, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[11]
  );
}

export function isValidOgrn(ogrn: string): boolean {
  if (/^\d{13}$/.test(ogrn)) {
    return Number((BigInt(ogrn.slice(0, 12)) % 11n) % 10n) === Number(ogrn[12]);
  }
  if (/^\d{15}$/.test(ogrn)) {
    return Number((BigInt(ogrn.slice(0, 14)) % 13n) % 10n) === Number(ogrn[14]);
  }
  return false;
}

/** KPP: 4 digits tax office, 2 characters reason (digits or A-Z), 3 digits. */
export const isValidKpp = (kpp: string) => /^\d{4}[\dA-Z]{2}\d{3}$/.test(kpp);

/** OKVED 2: "05", "05.1", "05.10", "05.10.1", "05.10.11". */
export const isValidOkved = (code: string) => /^\d{2}(\.\d{1,2}(\.\d{1,2})?)?$/.test(code);

/** Completes a 9-digit INN body with its check digit (used to generate example identifiers). */
export function completeInn10(body9: string): string {
  const d = digits(body9);
  return body9 + innCheck(d, [2, 4, 10, 3, 5, 9, 4, 6, 8]);
}

/** Completes a 12-digit OGRN body with its check digit. */
export function completeOgrn13(body12: string): string {
  return body12 + String((BigInt(body12) % 11n) % 10n);
}
