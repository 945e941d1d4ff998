// Opens the produced XLSX with exceljs: the headings in the form's order, «нет данных» where
// the platform has no data (never 0), received and transferred equal to the deliveries.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import {
  type BalanceDeal,
  type BalanceDelivery,
  form2tpColumns,
  form2tpHeadings,
  form2tpRows,
} from './engine/balance.ts';
import { form2tpLeadHeadings, form2tpXlsx, NO_DATA_RU } from './form-2tp.ts';
import { Form2tpFigureRow } from './schema.ts';

const deals: BalanceDeal[] = [
  {
    id: 'ash-1',
    providerId: 'tpp',
    consumerId: 'cement',
    material: 'fly-ash',
    unit: 't',
    fkko: '61110001495',
    contractedQuantity: 500,
  },
  {
    id: 'ash-2',
    providerId: 'tpp',
    consumerId: 'roads',
    material: 'fly-ash',
    unit: 't',
    fkko: '61110001495',
    contractedQuantity: 300,
  },
  {
    id: 'slag-1',
    providerId: 'tpp',
    consumerId: 'cement',
    material: 'slag',
    unit: 't',
    fkko: '61120001215',
    contractedQuantity: 100,
  },
];
const deliveries: BalanceDelivery[] = [
  { id: 'a', dealId: 'ash-1', date: '2026-01-10', quantity: 120.5 },
  { id: 'b', dealId: 'ash-1', date: '2026-05-10', quantity: 130.25 },
  { id: 'c', dealId: 'ash-2', date: '2026-06-01', quantity: 80 },
  { id: 'd', dealId: 'slag-1', date: '2026-07-01', quantity: 40, purpose: 'burial' },
  { id: 'e', dealId: 'ash-1', date: '2027-01-02', quantity: 999 },
];

test('the XLSX: headings in order, received/transferred from the deliveries, no data never 0', async () => {
  const rows = form2tpRows(
    deals,
    deliveries,
    [{ organisationId: 'tpp', fkko: '61110001495', year: 2026, generatedT: 900, stockStartT: 50 }],
    2026,
  );
  const bytes = await form2tpXlsx(rows, {
    year: 2026,
    organisationNames: { tpp: 'ТЭЦ', cement: 'Цементный завод', roads: 'Дорстрой' },
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const ws = wb.worksheets[0];
  assert.equal(ws.name, '2-ТП (отходы) 2026');
  const header = (ws.getRow(1).values as unknown[]).slice(1);
  assert.deepEqual(header, [
    ...form2tpLeadHeadings,
    ...form2tpColumns.map((c) => form2tpHeadings[c].ru),
  ]);
  assert.equal(header[form2tpLeadHeadings.length], 'Наличие отходов на начало отчётного года');
  assert.equal(header.at(-1), 'Наличие отходов на конец отчётного года');
  const numbers = (ws.getRow(2).values as unknown[]).slice(1 + form2tpLeadHeadings.length);
  assert.deepEqual(
    numbers,
    form2tpColumns.map((_, i) => String(i + 1)),
  );

  const col = (c: (typeof form2tpColumns)[number]) =>
    form2tpLeadHeadings.length + form2tpColumns.indexOf(c) + 1;
  const byKey = new Map<string, ExcelJS.Row>();
  for (let i = 3; i <= ws.rowCount; i++) {
    const r = ws.getRow(i);
    byKey.set(`${r.getCell(1).value}|${r.getCell(3).value}`, r);
  }
  // expected figures from the deliveries themselves (2026 only)
  const inYear = deliveries.filter((d) => d.date.startsWith('2026'));
  const sum = (f: (d: BalanceDelivery, deal: BalanceDeal) => boolean) =>
    inYear.reduce((s, d) => {
      const deal = deals.find((x) => x.id === d.dealId)!;
      return f(d, deal) ? s + d.quantity : s;
    }, 0);

  const cementAsh = byKey.get('Цементный завод|61110001495')!;
  assert.equal(
    cementAsh.getCell(col('receivedT')).value,
    sum((_, deal) => deal.consumerId === 'cement' && deal.fkko === '61110001495'),
  );
  assert.equal(cementAsh.getCell(col('receivedT')).value, 250.75);
  assert.equal(cementAsh.getCell(col('generatedT')).value, NO_DATA_RU);
  assert.equal(cementAsh.getCell(col('stockEndT')).value, NO_DATA_RU);

  const tppAsh = byKey.get('ТЭЦ|61110001495')!;
  assert.equal(
    tppAsh.getCell(col('transferredUtilisationT')).value,
    sum((d, deal) => deal.providerId === 'tpp' && deal.fkko === '61110001495' && !d.purpose),
  );
  assert.equal(tppAsh.getCell(col('transferredUtilisationT')).value, 330.75);
  assert.equal(tppAsh.getCell(col('generatedT')).value, 900, 'from the import');
  assert.equal(tppAsh.getCell(col('stockStartT')).value, 50);
  assert.equal(tppAsh.getCell(col('receivedT')).value, NO_DATA_RU);
  assert.equal(tppAsh.getCell(col('neutralisedT')).value, NO_DATA_RU);

  assert.equal(tppAsh.getCell(4).value, '5', 'hazard class: the last digit of the FKKO code');
  const tppSlag = byKey.get('ТЭЦ|61120001215')!;
  assert.equal(tppSlag.getCell(col('transferredBurialT')).value, 40);
  assert.equal(tppSlag.getCell(col('transferredUtilisationT')).value, NO_DATA_RU);
  assert.equal(tppSlag.getCell(col('transferredT')).value, NO_DATA_RU, 'a total is never partial');

  // nowhere a 0 the platform did not measure: every numeric cell is a delivery sum or an import
  for (let i = 3; i <= ws.rowCount; i++)
    for (const c of form2tpColumns) assert.notEqual(ws.getRow(i).getCell(col(c)).value, 0, c);
  assert.equal(ws.rowCount, 2 + 5, 'cement ash and slag, roads ash, tpp ash and slag');
});

test('2-TP: an «in which» column is never more than its whole', () => {
  const row = { fkko: '6 11 100 01 40 4', utilisedT: 10, utilisedAfterProcessingT: 11 };
  const r = Form2tpFigureRow.safeParse(row);
  assert.equal(r.success, false);
  assert.deepEqual(r.error?.issues[0]?.path, ['utilisedAfterProcessingT']);
  assert.equal(Form2tpFigureRow.safeParse({ ...row, utilisedAfterProcessingT: 10 }).success, true);
});

test('2-TP workbook: a name that Excel would run as a formula is written as text', async () => {
  const rows = form2tpRows(
    [],
    [],
    [{ organisationId: 'evil', fkko: '61110001495', year: 2026, generatedT: 1 }],
    2026,
  );
  const bytes = await form2tpXlsx(rows, {
    year: 2026,
    organisationNames: { evil: '=HYPERLINK("http://x","y")' },
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const cell = wb.worksheets[0].getRow(3).getCell(1);
  assert.equal(cell.value, '\'=HYPERLINK("http://x","y")');
  assert.equal(cell.formula, undefined);
});
