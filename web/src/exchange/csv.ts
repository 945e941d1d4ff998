import type { Locale } from '../i18n/index.ts';

/**
 * A table as CSV for Excel: in Russian UTF-8 with BOM, «;» separators and a decimal comma;
 * in English the plain form. Numbers stay numbers (no group separators) so Excel can sum them.
 */
export function toCsv(rows: Array<Array<string | number | null | undefined>>, locale: Locale) {
  const sep = locale === 'ru' ? ';' : ',';
  const cell = (v: string | number | null | undefined) => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') {
      const s = String(Math.round(v * 1000) / 1000);
      return locale === 'ru' ? s.replace('.', ',') : s;
    }
    return /[";,\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  return `\uFEFF${rows.map((r) => r.map(cell).join(sep)).join('\r\n')}\r\n`;
}

/** Offers the text as a file download. */
export function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
