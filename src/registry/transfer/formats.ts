import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { Provenance } from '../../model/common.ts';
import {
  defuseFormula,
  type FieldProblem,
  fieldRules,
  type Lang,
  restoreFormula,
  WHOLE_FILE,
  wordIssue,
} from '../../model/index.ts';
import { messages } from '../messages.ts';
import {
  MembershipRecord,
  OrganisationRecord,
  type RegistrySnapshot,
  SiteRecord,
  type TransferFormat,
} from '../schema.ts';
import {
  type Column,
  headerOf,
  type RecordSection,
  type Section,
  sectionNames,
  sections,
} from './columns.ts';
import { csvNumber, parseCsv, readNumber, writeCsv } from './csv.ts';
import {
  agglomerationWords,
  codeOf,
  organisationKindWords,
  siteKindWords,
  wordFor,
} from './labels.ts';

const schemas: Record<RecordSection, z.ZodType> = {
  organisations: OrganisationRecord,
  sites: SiteRecord,
  memberships: MembershipRecord,
};
const recordSections: RecordSection[] = ['organisations', 'sites', 'memberships'];
const nullable = new Set(['closedOn', 'leftOn']);

export interface DecodedRegistry {
  snapshot: Partial<RegistrySnapshot>;
  problems: FieldProblem[];
  /** the line (or position) of each record of `snapshot`, section by section */
  lines: Partial<Record<RecordSection, number[]>>;
}

// ---------- encoding ----------

// Text that Excel would run as a formula gets a leading apostrophe (model/cells.ts), taken off on import.
const defuse = defuseFormula;
const restore = restoreFormula;

const yesNo = { ru: ['да', 'нет'], en: ['yes', 'no'] } as const;

function cellText(col: Column, rec: Record<string, unknown>, lang: Lang): string {
  const v = col.type === 'label' ? rec[col.of ?? ''] : rec[col.key];
  if (v === undefined || v === null) return '';
  if (col.type === 'number') return csvNumber(v as number);
  if (col.type === 'boolean') return v ? yesNo[lang][0] : yesNo[lang][1];
  if (col.type === 'json') return JSON.stringify(v);
  if (col.type === 'label') return wordFor(col.vocabulary ?? {}, v, lang);
  return String(v);
}

/** The columns a file carries (older, read-only ones left out). */
const written = (name: Section) => sections[name].columns.filter((c) => !c.legacy);

/** The CSV's columns: every section's, once each by key, in order of first appearance. */
const flatColumns = (): Column[] => {
  const seen = new Map<string, Column>();
  for (const s of sectionNames)
    for (const col of written(s)) if (!seen.has(col.key)) seen.set(col.key, col);
  return [...seen.values()];
};

/** An organisation's provenance as rows of its own: field, status, source, note. */
function provenanceRows(s: RegistrySnapshot): Array<Record<string, unknown>> {
  return s.organisations.flatMap((o) =>
    Object.entries(o.provenance ?? {}).map(([field, p]) => ({
      organisationId: o.id,
      field,
      status: p.kind,
      source: p.key,
      note: p.note,
      noteEn: p.noteEn,
    })),
  );
}

/** A site's territory objects as flat cells (a file's cells hold no JSON). */
function flatSite(site: SiteRecord): Record<string, unknown> {
  const { specialTerritory, territoryProvenance: p, ...rest } = site;
  return {
    ...rest,
    specialTerritoryKind: specialTerritory?.kind,
    specialTerritoryName: specialTerritory?.name,
    territoryStatus: p?.kind,
    territorySource: p?.key,
    territoryNote: p?.note,
    territoryNoteEn: p?.noteEn,
  };
}

/** The flat cells folded back into the site's objects (absent ones left for the schema's defaults). */
function foldSite(rec: Record<string, unknown>): Record<string, unknown> {
  const {
    specialTerritoryKind: kind,
    specialTerritoryName: name,
    territoryStatus,
    territorySource,
    territoryNote,
    territoryNoteEn,
    ...rest
  } = rec;
  const given = (v: unknown) => v !== undefined && v !== null && v !== '';
  const out: Record<string, unknown> = { ...rest };
  if (given(kind) || given(name)) out.specialTerritory = { kind, name };
  if (given(territoryStatus))
    out.territoryProvenance = Object.fromEntries(
      Object.entries({
        kind: territoryStatus,
        key: territorySource,
        note: territoryNote,
        noteEn: territoryNoteEn,
      }).filter(([, v]) => given(v)),
    );
  return out;
}

/** A section's records as plain field maps, for writing them column by column. */
const records = (s: RegistrySnapshot, name: Section): Array<Record<string, unknown>> =>
  name === 'provenance'
    ? provenanceRows(s)
    : name === 'sites'
      ? s.sites.map(flatSite)
      : s[name].map((r) => ({ ...r }));

export interface ExportContext {
  /** the language of headers and of the words beside the codes */
  lang: Lang;
  /** each site's agglomeration (derived, so not part of the records): GeoJSON carries it */
  agglomerations?: ReadonlyMap<string, string | null>;
}

/** An Excel date: a typed cell (UTC midnight, so the day is the same everywhere). */
const excelDate = (iso: unknown) =>
  typeof iso === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : null;

export async function encodeRegistry(
  s: RegistrySnapshot,
  format: TransferFormat,
  context: ExportContext = { lang: 'ru' },
): Promise<Buffer> {
  const { lang } = context;
  if (format === 'json') {
    return Buffer.from(
      `${JSON.stringify({ format: 'digicluster-registry', version: 1, ...s }, null, 2)}\n`,
    );
  }
  if (format === 'geojson') {
    const orgs = new Map(s.organisations.map((o) => [o.id, o]));
    const features = s.sites.map((site) => {
      const org = orgs.get(site.organisationId);
      const agglomeration = context.agglomerations?.get(site.id) ?? null;
      return {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [site.lon, site.lat] },
        properties: {
          id: site.id,
          organisationId: site.organisationId,
          organisationName: org?.name ?? null,
          organisationNameEn: org?.nameEn ?? null,
          organisationKind: org?.kind ?? null,
          organisationKindLabel: org ? wordFor(organisationKindWords, org.kind, lang) : null,
          name: site.name,
          kind: site.kind,
          kindLabel: wordFor(siteKindWords, site.kind, lang),
          agglomeration,
          agglomerationLabel: agglomeration
            ? wordFor(agglomerationWords, agglomeration, lang)
            : null,
          address: site.address ?? null,
          closedOn: site.closedOn,
          nameEn: site.nameEn ?? null,
          addressEn: site.addressEn ?? null,
          monotown: site.monotown,
          specialTerritory: site.specialTerritory,
          territoryProvenance: site.territoryProvenance,
        },
      };
    });
    return Buffer.from(`${JSON.stringify({ type: 'FeatureCollection', features }, null, 2)}\n`);
  }
  if (format === 'csv') {
    const cols = flatColumns();
    const rows: string[][] = [];
    for (const name of sectionNames) {
      const own = new Map(written(name).map((c) => [c.key, c]));
      for (const rec of records(s, name)) {
        rows.push([
          sections[name].record,
          ...cols.map((flat) => {
            const col = own.get(flat.key);
            if (!col) return '';
            const text = cellText(col, rec, lang);
            return col.type === 'text' ? defuse(text) : text;
          }),
        ]);
      }
    }
    return Buffer.from(writeCsv([recordHeader[lang], ...cols.map((c) => headerOf(c, lang))], rows));
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'digicluster';
  for (const name of sectionNames) {
    const columns = written(name);
    const ws = wb.addWorksheet(sections[name].label[lang]);
    ws.columns = columns.map((c) => ({
      header: headerOf(c, lang),
      key: c.key,
      width: widthOf(c, lang),
      style: c.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : {},
    }));
    ws.getRow(1).font = { bold: true };
    for (const rec of records(s, name)) {
      ws.addRow(
        columns.map((c) =>
          c.type === 'number'
            ? (rec[c.key] ?? null)
            : c.type === 'date'
              ? excelDate(rec[c.key])
              : cellText(c, rec, lang) || null,
        ),
      );
    }
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const recordHeader = { ru: 'Запись', en: 'Record' } as const;

/** A column wide enough for its header and its usual content, within reason. */
function widthOf(c: Column, lang: Lang): number {
  const usual: Partial<Record<string, number>> = {
    name: 40,
    nameEn: 36,
    description: 60,
    address: 40,
    note: 50,
    region: 30,
    website: 28,
    id: 22,
    organisationId: 22,
    modelledOn: 30,
    source: 12,
  };
  const byType = c.type === 'date' ? 12 : c.type === 'number' ? 12 : c.type === 'label' ? 22 : 14;
  return Math.min(60, Math.max(headerOf(c, lang).length + 4, usual[c.key] ?? byType));
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
    if (col.type === 'text' || col.type === 'code') return String(raw);
    if (col.type === 'label') return undefined;
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
    case 'code':
      // the code, or a word for it in either language; anything else goes to the schema as is
      return codeOf(col.vocabulary ?? {}, s) ?? s.trim();
    case 'label':
      return codeOf(col.vocabulary ?? {}, s) ?? undefined;
    default:
      return restore(s.trim());
  }
}

/** What a file decodes to, and the provenance rows that join their organisations at the end. */
interface Decoding extends DecodedRegistry {
  provenance: Array<{ line: number; rec: Record<string, unknown> }>;
  /** every organisation id the file names, valid row or not */
  organisationIds: Set<string>;
}

/** A row's fields: each cell through its column; a word fills its code when the code is empty. */
function rowRecord(
  cells: Array<{ col: Column | undefined; value: unknown }>,
  out: Decoding,
  at: { line: number; section: string },
): Record<string, unknown> {
  const rec: Record<string, unknown> = {};
  const words: Array<[string, unknown]> = [];
  for (const { col, value } of cells) {
    if (!col) continue;
    const v = fromCell(col, value, out.problems, at);
    if (col.type === 'label') words.push([col.of ?? '', v]);
    else rec[col.key] = v;
  }
  for (const [key, v] of words) if (rec[key] === undefined && v !== undefined) rec[key] = v;
  return rec;
}

/** A row of a section: records are checked by their schema, provenance waits for its organisation. */
function take(name: Section, line: number, rec: Record<string, unknown>, out: Decoding) {
  if (name === 'provenance') out.provenance.push({ line, rec });
  else {
    if (name === 'organisations' && typeof rec.id === 'string') out.organisationIds.add(rec.id);
    validate(name, line, name === 'sites' ? foldSite(rec) : rec, out);
  }
}

/** Provenance rows into their organisations' `provenance`, each checked like the JSON form. */
function joinProvenance(out: Decoding) {
  const orgs = new Map((out.snapshot.organisations ?? []).map((o) => [o.id, o]));
  for (const { line, rec } of out.provenance) {
    const at = { line, section: 'provenance' };
    const id = typeof rec.organisationId === 'string' ? rec.organisationId : '';
    const field = typeof rec.field === 'string' ? rec.field : '';
    if (!field) {
      out.problems.push({ ...at, field: 'field', message: fieldRules.required() });
      continue;
    }
    const entry = Provenance.safeParse({
      kind: rec.status,
      key: rec.source,
      note: rec.note,
      noteEn: rec.noteEn,
    });
    if (!entry.success) {
      for (const i of entry.error.issues)
        out.problems.push({
          ...at,
          field: i.path[0] === 'kind' ? 'status' : i.path.map(String).join('.') || 'status',
          message: wordIssue(i),
        });
      continue;
    }
    const org = orgs.get(id);
    if (org) org.provenance = { ...org.provenance, [field]: entry.data };
    else if (!out.organisationIds.has(id))
      out.problems.push({
        ...at,
        field: 'organisationId',
        message: messages.unknownOrganisation({ id }),
      });
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

function validate(name: RecordSection, line: number, value: unknown, out: DecodedRegistry) {
  if (name === 'organisations' && value && typeof value === 'object')
    restoreLeadingZeros(value as Record<string, unknown>);
  const r = schemas[name].safeParse(value);
  if (r.success) {
    out.snapshot[name] ??= [];
    out.snapshot[name].push(r.data as never);
    out.lines[name] ??= [];
    out.lines[name].push(line);
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

/** Maps a header cell (the machine key, or the Russian or English header) to its column. */
function columnFor(header: string, columns: Column[]): Column | undefined {
  const h = header.trim().toLowerCase();
  return columns.find(
    (c) =>
      c.key.toLowerCase() === h || c.label.ru.toLowerCase() === h || c.label.en.toLowerCase() === h,
  );
}

function decodeCsv(text: string, out: Decoding) {
  // an empty file is said to be one, not asked for a column it could not have
  if (!text.replace(/^\uFEFF/, '').trim()) {
    out.problems.push({
      line: 1,
      section: 'file',
      field: WHOLE_FILE,
      message: messages.emptyFile(),
    });
    return;
  }
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
    const at = { line: row.line, section: name };
    const rec = rowRecord(
      table.header.map((h, i) => ({
        col: columnFor(h, sections[name].columns),
        value: row.cells[i],
      })),
      out,
      at,
    );
    take(name, row.line, rec, out);
  }
}

async function decodeXlsx(bytes: Buffer, out: Decoding) {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as never);
  } catch {
    out.problems.push({ section: 'file', field: WHOLE_FILE, message: messages.notXlsx() });
    return;
  }
  for (const name of sectionNames) {
    const { columns, label } = sections[name];
    const ws = wb.worksheets.find(
      (w) => w.name === label.ru || w.name === label.en || w.name.toLowerCase() === name,
    );
    if (!ws) continue;
    const header: Array<Column | undefined> = [];
    ws.getRow(1).eachCell({ includeEmpty: true }, (cell, i) => {
      header[i] = columnFor(String(cell.value ?? ''), columns);
    });
    if (name !== 'provenance') out.snapshot[name] ??= [];
    ws.eachRow((row, line) => {
      if (line === 1) return;
      const at = { line, section: name };
      const rec = rowRecord(
        // the header is sparse (cells count from 1): every index, holes included
        Array.from(header, (col, i) => ({ col, value: col ? row.getCell(i).value : undefined })),
        out,
        at,
      );
      if (Object.values(rec).every((v) => v === undefined || v === null || v === false)) return;
      take(name, line, rec, out);
    });
  }
}

/**
 * Where the JSON breaks, in the reader's words: the parser's own English sentence ("Expected
 * double-quoted property name in JSON at position 32") is turned into a line and a character.
 */
function jsonProblem(body: string, parserMessage: string) {
  const at = /position (\d+)/.exec(parserMessage);
  if (at) {
    const before = body.slice(0, Number(at[1]));
    const line = before.split('\n').length;
    return messages.notJsonAt({ line, column: before.length - before.lastIndexOf('\n') });
  }
  return /end of JSON/i.test(parserMessage) ? messages.notJsonEnds() : messages.notJson();
}

function decodeJson(text: string, format: 'json' | 'geojson', out: Decoding) {
  // biome-ignore lint/suspicious/noExplicitAny: an untrusted document, checked field by field below
  let doc: any;
  const body = text.replace(/^\uFEFF/, '');
  try {
    doc = JSON.parse(body);
  } catch (e) {
    out.problems.push({
      section: 'file',
      field: WHOLE_FILE,
      message: jsonProblem(body, (e as Error).message),
    });
    return;
  }
  if (format === 'geojson') {
    if (doc?.type !== 'FeatureCollection' || !Array.isArray(doc.features)) {
      out.problems.push({
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
          monotown: p.monotown ?? undefined,
          specialTerritory: p.specialTerritory ?? undefined,
          territoryProvenance: p.territoryProvenance ?? undefined,
          lat,
          lon,
        },
        out,
      );
    });
    return;
  }
  for (const name of recordSections) {
    if (doc?.[name] === undefined) continue;
    if (!Array.isArray(doc[name])) {
      out.problems.push({ section: name, field: name, message: messages.expectedList() });
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
  const out: Decoding = {
    snapshot: {},
    problems: [],
    lines: {},
    provenance: [],
    organisationIds: new Set(),
  };
  if (format === 'xlsx') await decodeXlsx(bytes, out);
  else if (format === 'csv') decodeCsv(bytes.toString('utf8'), out);
  else decodeJson(bytes.toString('utf8'), format, out);
  joinProvenance(out);
  return { snapshot: out.snapshot, problems: out.problems, lines: out.lines };
}

export function formatFromFileName(name: string): TransferFormat | undefined {
  const ext = name.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (ext === 'json' || ext === 'csv' || ext === 'xlsx' || ext === 'geojson') return ext;
  return undefined;
}
