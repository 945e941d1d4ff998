// Form 2-TP (waste) as XLSX: the rows of engine/balance.ts form2tpRows, one per organisation
// and FKKO code, with Russian headings in the form's column order and the columns numbered
// 1…17 under them; a cell without data says «нет данных», never 0. (Not in engine/: exceljs is
// a writer with node dependencies, and engines import only pure code.)
import ExcelJS from 'exceljs';
import { defuseFormula } from '../model/index.ts';
import { type Form2tpRow, form2tpColumns, form2tpHeadings } from './engine/balance.ts';

export const NO_DATA_RU = 'нет данных';

export interface Form2tpXlsxOptions {
  year: number;
  /** organisation id → name shown in the first column (the id when absent) */
  organisationNames?: Readonly<Record<string, string>>;
  /** FKKO code → the waste's name (empty when absent) */
  fkkoNames?: Readonly<Record<string, string>>;
}

/** The leading columns before the form's own, Russian. */
export const form2tpLeadHeadings = [
  'Организация',
  'Наименование вида отходов',
  'Код по ФККО',
  'Класс опасности',
];

/** The hazard class: the last digit of the 11-digit FKKO code ('' when not such a code). */
export function hazardClassOf(fkko: string): string {
  const digits = fkko.replace(/\s/g, '');
  return /^\d{11}$/.test(digits) ? digits.slice(-1) : '';
}

/** The workbook: sheet «2-ТП (отходы) YEAR» and a sheet on where each column comes from. */
export async function form2tpXlsx(
  rows: readonly Form2tpRow[],
  options: Form2tpXlsxOptions,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'digicluster';
  const ws = wb.addWorksheet(`2-ТП (отходы) ${options.year}`);
  const headings = [...form2tpLeadHeadings, ...form2tpColumns.map((c) => form2tpHeadings[c].ru)];
  ws.addRow(headings);
  // the form numbers its text columns with letters, its figures with digits
  const letters = [...'АБВГДЕ'].slice(0, form2tpLeadHeadings.length);
  ws.addRow([...letters, ...form2tpColumns.map((_, i) => String(i + 1))]);
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { wrapText: true, vertical: 'top' };
  for (const r of rows)
    ws.addRow([
      // names are members' own text: never a formula when the workbook is opened
      defuseFormula(options.organisationNames?.[r.organisationId] ?? r.organisationId),
      defuseFormula(options.fkkoNames?.[r.fkko] ?? ''),
      r.fkko,
      hazardClassOf(r.fkko),
      ...form2tpColumns.map((c) => r[c] ?? NO_DATA_RU),
    ]);
  ws.columns.forEach((col, i) => {
    col.width = i < form2tpLeadHeadings.length ? 28 : 16;
    if (i >= form2tpLeadHeadings.length) col.numFmt = '0.000';
  });
  ws.views = [{ state: 'frozen', ySplit: 2, xSplit: form2tpLeadHeadings.length }];

  const notes = wb.addWorksheet('Источники');
  notes.addRows([
    ['Графа', 'Откуда'],
    [
      'Нумерация граф',
      'порядковая в этой рабочей сводке, не номера граф бланка Росстата (приказ № 627 от 09.10.2020): переносите значения в бланк по названиям граф',
    ],
    [
      form2tpHeadings.receivedT.ru,
      'поставки на платформе, где организация — получатель, за год (тонны); плюс полученное вне платформы, если указано организацией',
    ],
    [
      'Передано другим организациям (по назначению)',
      'поставки на платформе, где организация — поставщик (по умолчанию — для утилизации); плюс переданное вне платформы, если указано',
    ],
    [
      'Итоги «всего» (передано, размещено)',
      'сумма граф по назначению, только если известны все; иначе «нет данных»',
    ],
    [
      form2tpHeadings.stockEndT.ru,
      'указано организацией, иначе рассчитано: начало + образовано + получено − обработано − утилизировано − обезврежено − передано − захоронено на своих объектах + утилизированное и обезвреженное из предварительно обработанного (оно уже выбыло как обработанное), только если все эти графы известны; если ничего не обработано, предварительно обработанного — 0',
    ],
    ['Прочие графы', `данные организации за год; если их нет — «${NO_DATA_RU}»`],
  ]);
  notes.getRow(1).font = { bold: true };
  notes.getColumn(1).width = 48;
  notes.getColumn(2).width = 120;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
