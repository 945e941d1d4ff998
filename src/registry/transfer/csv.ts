/**
 * CSV as Russian Excel reads and writes it: UTF-8 with BOM, `;` between fields, decimal
 * comma; reads that and the plain form (`,` separated, decimal point) back. Pure.
 */
export interface CsvTable {
  header: string[];
  /** data rows with the physical line each starts on (the header is line 1) */
  rows: Array<{ line: number; cells: string[] }>;
}

export function parseCsv(text: string): CsvTable {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.slice(0, src.search(/\r?\n|$/));
  const sep = firstLine.split(';').length >= firstLine.split(',').length ? ';' : ',';
  const records: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      cells.push(cell);
      records.push({ line: startLine, cells });
      cells = [];
      cell = '';
      line++;
      startLine = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length) {
    cells.push(cell);
    records.push({ line: startLine, cells });
  }
  const nonEmpty = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [head, ...rows] = nonEmpty;
  return { header: (head?.cells ?? []).map((h) => h.trim()), rows };
}

const needsQuotes = /[";\n\r]/;

export function writeCsv(header: string[], rows: string[][]): string {
  const esc = (v: string) =>
    needsQuotes.test(v) || v.startsWith(' ') ? `"${v.replace(/"/g, '""')}"` : v;
  return `\uFEFF${[header, ...rows].map((r) => r.map(esc).join(';')).join('\r\n')}\r\n`;
}

/** Writes a number with a decimal comma, no grouping, full precision. */
export const csvNumber = (n: number) => String(n).replace('.', ',');

/** Reads "55,3911", "55.3911" or "1 200" (spaces, incl. non-breaking, as Excel groups thousands). */
export function readNumber(s: string): number | undefined {
  const t = s
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(',', '.');
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : Number.NaN;
}
