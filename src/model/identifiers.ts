/**
 * Russian company identifiers and their checksums (Federal Tax Service rules):
 * INN (10 digits for legal entities, 12 for individuals), OGRN (13) / OGRNIP (15) with their
 * first digit and registration year,
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

/**
 * OGRN (13 digits: 1 or 5 · year · region · office · serial · check) or OGRNIP (15 digits: 3 ·
 * year · … · check), with the check digit and the year in range: the register of legal entities
 * began on 1 July 2002 and that of entrepreneurs on 1 January 2004, so an OGRN's year runs from
 * 02 and an OGRNIP's from 04, up to the current year.
 */
export function isValidOgrn(ogrn: string): boolean {
  return isValidOgrnIn(ogrn, new Date().getUTCFullYear());
}

/** `isValidOgrn` as of a given calendar year (the latest registration year allowed). */
export function isValidOgrnIn(ogrn: string, currentYear: number): boolean {
  const yearIn = (first: number) => {
    const year = 2000 + Number(ogrn.slice(1, 3));
    return year >= first && year <= currentYear;
  };
  if (/^[15]\d{12}$/.test(ogrn)) {
    return yearIn(2002) && Number((BigInt(ogrn.slice(0, 12)) % 11n) % 10n) === Number(ogrn[12]);
  }
  if (/^3\d{14}$/.test(ogrn)) {
    return yearIn(2004) && Number((BigInt(ogrn.slice(0, 14)) % 13n) % 10n) === Number(ogrn[14]);
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
