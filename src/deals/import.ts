// Deliveries from a file: CSV (as Russian Excel writes it — `;`, decimal comma, BOM — or the
// plain form) or XLSX (the first sheet). One row a lot; the header names the columns, in
// Russian or English: deliveredOn | дата, quantity | количество, method | способ,
// declaredBy | сторона, confirms | подтверждает, and one `quality.<parameter>` |
// `качество.<parameter>` column per measured parameter. Pure apart from reading the workbook.
import ExcelJS from 'exceljs';
import { type FieldProblem, WHOLE_FILE } from '../model/index.ts';
import { parseCsv } from '../registry/index.ts';
import { messages } from './messages.ts';

export type DeliveryFileFormat = 'csv' | 'xlsx';

const columns: Record<string, string> = {
  deliveredon: 'deliveredOn',
  дата: 'deliveredOn',
  quantity: 'quantity',
  количество: 'quantity',
  method: 'method',
  способ: 'method',
  declaredby: 'declaredBy',
  сторона: 'declaredBy',
  confirms: 'confirms',
  подтверждает: 'confirms',
};

/** "1 200,5" or "1200.5" → 1200.5; empty → undefined; anything else → NaN. */
function readNumber(s: string): number | undefined {
  const t = s
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(',', '.');
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : Number.NaN;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'result' in (v as object))
    return cellText((v as { result: unknown }).result);
  return String(v);
}

/** One row as a delivery's fields (not yet validated), with its line. */
export interface DeliveryRow {
  line: number;
  fields: Record<string, unknown>;
}

function rowsFrom(header: string[], rows: Array<{ line: number; cells: string[] }>) {
  const out: DeliveryRow[] = [];
  const problems: FieldProblem[] = [];
  const keys = header.map((h) => {
    const k = h.trim().toLowerCase();
    const q = /^(quality|качество)\.(.+)$/.exec(k);
    return q ? { quality: h.trim().slice(h.indexOf('.') + 1) } : columns[k];
  });
  for (const r of rows) {
    const fields: Record<string, unknown> = { quality: {} };
    keys.forEach((key, i) => {
      const raw = (r.cells[i] ?? '').trim();
      if (!key || raw === '') return;
      if (typeof key === 'object') {
        (fields.quality as Record<string, unknown>)[key.quality] = readNumber(raw);
        return;
      }
      fields[key] = key === 'quantity' ? readNumber(raw) : raw;
    });
    out.push({ line: r.line, fields });
  }
  for (const required of ['deliveredOn', 'quantity', 'method'])
    if (!keys.includes(required))
      problems.push({
        line: 1,
        field: required,
        message: messages.columnMissing({ column: required }),
      });
  return { rows: out, problems };
}

/** The rows of a deliveries file, or the problems that stop reading it. */
export async function decodeDeliveries(
  bytes: Buffer,
  format: DeliveryFileFormat,
): Promise<{ rows: DeliveryRow[]; problems: FieldProblem[] }> {
  if (format === 'csv') {
    const t = parseCsv(bytes.toString('utf8'));
    return rowsFrom(t.header, t.rows);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as never);
  } catch {
    return { rows: [], problems: [{ field: WHOLE_FILE, message: messages.notXlsx() }] };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { rows: [], problems: [] };
  const header: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (cell, i) => {
    header[i - 1] = cellText(cell.value);
  });
  const rows: Array<{ line: number; cells: string[] }> = [];
  ws.eachRow((row, line) => {
    if (line === 1) return;
    const cells = Array.from(header, (_h, i) => cellText(row.getCell(i + 1).value));
    if (cells.some((c) => c.trim() !== '')) rows.push({ line, cells });
  });
  return rowsFrom(
    Array.from(header, (h) => h ?? ''),
    rows,
  );
}
