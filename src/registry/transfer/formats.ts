import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { type FieldProblem, wordIssue } from '../../model/index.ts';
import { messages } from '../messages.ts';
import {
  MembershipRecord,
  OrganisationRecord,
  type RegistrySnapshot,
  SiteRecord,
  type TransferFormat,
} from '../schema.ts';
import { type Column, type Section, sectionNames, sections } from './columns.ts';
import { csvNumber, parseCsv, readNumber, writeCsv } from './csv.ts';

const schemas: Record<Section, z.ZodType> = {
  organisations: OrganisationRecord,
  sites: SiteRecord,
  memberships: MembershipRecord,
};
const nullable = new Set(['closedOn', 'leftOn']);

export interface DecodedRegistry {
  snapshot: Partial<RegistrySnapshot>;
  problems: FieldProblem[];
}

// ---------- encoding ----------

/**
 * Text that Excel would run as a formula (=, +, -, @, tab, CR first) gets a leading
 * apostrophe, so an opened export never executes anything; it is taken off on import.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const defuse = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);
const restore = (text: string) =>
  text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;

function cellText(col: Column, v: unknown): string {
  if (v === undefined || v === null) return '';
  if (col.type === 'number') return csvNumber(v as number);
  if (col.type === 'boolean') return v ? 'да' : 'нет';
  if (col.type === 'json') return JSON.stringify(v);
  return String(v);
}

const flatColumns = (): Column[] => {
  const seen = new Map<string, Column>();
  for (const s of sectionNames)
    for (const col of sections[s].columns) if (!seen.has(col.key)) seen.set(col.key, col);
  return [...seen.values()];
};

export async function encodeRegistry(s: RegistrySnapshot, format: TransferFormat): Promise<Buffer> {
  if (format === 'json') {
    return Buffer.from(
      `${JSON.stringify({ format: 'digicluster-registry', version: 1, ...s }, null, 2)}\n`,
    );
  }
  if (format === 'geojson') {
    const names = new Map(s.organisations.map((o) => [o.id, o.name]));
    const features = s.sites.map((site) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [site.lon, site.lat] },
      properties: {
        id: site.id,
        organisationId: site.organisationId,
        organisationName: names.get(site.organisationId) ?? null,
        name: site.name,
        kind: site.kind,
        address: site.address ?? null,
        closedOn: site.closedOn,
        nameEn: site.nameEn ?? null,
        addressEn: site.addressEn ?? null,
      },
    }));
    return Buffer.from(`${JSON.stringify({ type: 'FeatureCollection', features }, null, 2)}\n`);
  }
  if (format === 'csv') {
    const cols = flatColumns();
    const rows: string[][] = [];
    for (const name of sectionNames) {
      const keys = new Set(sections[name].columns.map((c) => c.key));
      for (const rec of records(s, name)) {
        rows.push([
          sections[name].record,
          ...cols.map((col) => {
            if (!keys.has(col.key)) return '';
            const text = cellText(col, rec[col.key]);
            return col.type === 'text' ? defuse(text) : text;
          }),
        ]);
      }
    }
    return Buffer.from(writeCsv(['Запись', ...cols.map((c) => c.label)], rows));
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'digicluster';
  for (const name of sectionNames) {
    const { columns, label } = sections[name];
    const ws = wb.addWorksheet(label);
    ws.addRow(columns.map((c) => c.label));
    ws.getRow(1).font = { bold: true };
    for (const rec of records(s, name)) {
      ws.addRow(
        columns.map((c) =>
          c.type === 'number' ? (rec[c.key] ?? null) : cellText(c, rec[c.key]) || null,
        ),
      );
    }
    ws.columns.forEach((col) => {
      col.width = 18;
    });
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------- decoding ----------

function fromCell(
  col: Column,
  raw: unknown,
  problems: FieldProblem[],
  at: { line: number; section: string },
): unknown {
  if (raw instanceof Date) raw = raw.toISOString().slice(0, 10);
  if (raw && typeof raw === 'object' && 'text' in (raw as object))
    raw = (raw as { text: string }).text;
  if (raw && typeof raw === 'object' && 'result' in (raw as object))
    raw = (raw as { result: unknown }).result;
  if (typeof raw === 'number' || typeof raw === 'boolean') {
    if (col.type === 'text') return String(raw);
    return raw;
  }
  const s = raw === null || raw === undefined ? '' : String(raw);
  if (s.trim() === '')
    return nullable.has(col.key) ? null : col.type === 'boolean' ? false : undefined;
  switch (col.type) {
    case 'number': {
      const n = readNumber(s);
      return Number.isNaN(n) ? s : n;
    }
    case 'boolean':
      return /^(да|true|1|yes)$/i.test(s.trim());
    case 'json':
      try {
        return JSON.parse(s);
      } catch {
        problems.push({ ...at, field: col.key, message: messages.notJson() });
        return undefined;
      }
    default:
      return restore(s.trim());
  }
}

/** Excel shows INN and KPP as numbers and drops a leading zero (regions 01-09): put it back. */
function restoreLeadingZeros(rec: Record<string, unknown>) {
  for (const [key, lengths] of [
    ['inn', [10, 12]],
    ['kpp', [9]],
  ] as const) {
    const v = rec[key];
    if (typeof v === 'number') rec[key] = String(v);
    const s = rec[key];
    if (typeof s === 'string' && /^\d+$/.test(s) && lengths.some((n) => n === s.length + 1))
      rec[key] = `0${s}`;
  }
}

function validate(name: Section, line: number, value: unknown, out: DecodedRegistry) {
  if (name === 'organisations' && value && typeof value === 'object')
    restoreLeadingZeros(value as Record<string, unknown>);
  const r = schemas[name].safeParse(value);
  if (r.success) {
    out.snapshot[name] ??= [];
    out.snapshot[name].push(r.data as never);
  } else
    for (const i of r.error.issues) {
      out.problems.push({
        line,
        section: name,
        field: i.path.map(String).join('.') || '(row)',
        message: wordIssue(i),
      });
    }
}

/** A section's records as plain field maps, for writing them column by column. */
const records = (s: RegistrySnapshot, name: Section): Array<Record<string, unknown>> =>
  s[name].map((r) => ({ ...r }));

/** Maps a header cell (the Russian label or the machine key) to its column. */
function columnFor(header: string, columns: Column[]): Column | undefined {
  const h = header.trim().toLowerCase();
  return columns.find((c) => c.key.toLowerCase() === h || c.label.toLowerCase() === h);
}

function decodeCsv(text: string, out: DecodedRegistry) {
  const table = parseCsv(text);
  const recordCol = table.header.findIndex((h) => /^(запись|record)$/i.test(h));
  if (recordCol < 0) {
    out.problems.push({
      line: 1,
      section: 'file',
      field: 'Запись',
      message: messages.needsRecordColumn(),
    });
    return;
  }
  for (const row of table.rows) {
    const kind = row.cells[recordCol]?.trim().toLowerCase();
    const name = sectionNames.find((s) => sections[s].record === kind);
    if (!name) {
      out.problems.push({
        line: row.line,
        section: 'file',
        field: 'Запись',
        message: messages.unknownRecord({ kind }),
      });
      continue;
    }
    const rec: Record<string, unknown> = {};
    const at = { line: row.line, section: name };
    table.header.forEach((h, i) => {
      const col = columnFor(h, sections[name].columns);
      if (col) rec[col.key] = fromCell(col, row.cells[i], out.problems, at);
    });
    validate(name, row.line, rec, out);
  }
}

async function decodeXlsx(bytes: Buffer, out: DecodedRegistry) {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as never);
  } catch (e) {
    out.problems.push({
      line: 0,
      section: 'file',
      field: '(file)',
      message: messages.notXlsx({ reason: (e as Error).message }),
    });
    return;
  }
  for (const name of sectionNames) {
    const { columns, label } = sections[name];
    const ws = wb.worksheets.find((w) => w.name === label || w.name.toLowerCase() === name);
    if (!ws) continue;
    const header: Array<Column | undefined> = [];
    ws.getRow(1).eachCell({ includeEmpty: true }, (cell, i) => {
      header[i] = columnFor(String(cell.value ?? ''), columns);
    });
    out.snapshot[name] ??= [];
    ws.eachRow((row, line) => {
      if (line === 1) return;
      const rec: Record<string, unknown> = {};
      const at = { line, section: name };
      header.forEach((col, i) => {
        if (col) rec[col.key] = fromCell(col, row.getCell(i).value, out.problems, at);
      });
      if (Object.values(rec).every((v) => v === undefined || v === null || v === false)) return;
      validate(name, line, rec, out);
    });
  }
}

function decodeJson(text: string, format: 'json' | 'geojson', out: DecodedRegistry) {
  // biome-ignore lint/suspicious/noExplicitAny: an untrusted document, checked field by field below
  let doc: any;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    out.problems.push({
      line: 0,
      section: 'file',
      field: '(file)',
      message: messages.notJsonBecause({ reason: (e as Error).message }),
    });
    return;
  }
  if (format === 'geojson') {
    if (doc?.type !== 'FeatureCollection' || !Array.isArray(doc.features)) {
      out.problems.push({
        line: 0,
        section: 'file',
        field: 'type',
        message: messages.notGeoJson(),
      });
      return;
    }
    out.snapshot.sites = [];
    // biome-ignore lint/suspicious/noExplicitAny: an untrusted feature, validated by SiteRecord
    doc.features.forEach((f: any, i: number) => {
      const [lon, lat] =
        f?.geometry?.type === 'Point' ? f.geometry.coordinates : [undefined, undefined];
      const p = f?.properties ?? {};
      validate(
        'sites',
        i + 1,
        {
          id: p.id,
          organisationId: p.organisationId,
          name: p.name,
          kind: p.kind,
          address: p.address ?? undefined,
          closedOn: p.closedOn ?? null,
          nameEn: p.nameEn ?? undefined,
          addressEn: p.addressEn ?? undefined,
          lat,
          lon,
        },
        out,
      );
    });
    return;
  }
  for (const name of sectionNames) {
    if (doc?.[name] === undefined) continue;
    if (!Array.isArray(doc[name])) {
      out.problems.push({ line: 0, section: name, field: name, message: messages.expectedList() });
      continue;
    }
    out.snapshot[name] = [];
    for (const [i, rec] of (doc[name] as unknown[]).entries()) validate(name, i + 1, rec, out);
  }
}

/** Reads a registry file; every bad row is reported with its line (or position) and field. */
export async function decodeRegistry(
  bytes: Buffer,
  format: TransferFormat,
): Promise<DecodedRegistry> {
  const out: DecodedRegistry = { snapshot: {}, problems: [] };
  if (format === 'xlsx') await decodeXlsx(bytes, out);
  else if (format === 'csv') decodeCsv(bytes.toString('utf8'), out);
  else decodeJson(bytes.toString('utf8'), format, out);
  return out;
}

export function formatFromFileName(name: string): TransferFormat | undefined {
  const ext = name.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (ext === 'json' || ext === 'csv' || ext === 'xlsx' || ext === 'geojson') return ext;
  return undefined;
}
