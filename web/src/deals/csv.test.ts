import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toCsv } from '../exchange/csv.ts';
import type { Delivery } from './api.ts';
import { deliveriesCsvRows, trialBalanceCsvRows } from './csv.ts';

const lot = (over: Partial<Delivery>): Delivery =>
  ({
    id: 'd1',
    dealId: 'x',
    deliveredOn: '2026-02-01',
    quantity: 50,
    unit: 't',
    amountKopecks: 1_800_000,
    vatRatePct: 22,
    vatKopecks: 396_000,
    amountWithVatKopecks: 2_196_000,
    confirms: null,
    ...over,
  }) as Delivery;

const ruWords = {
  number: '№',
  date: 'Дата',
  declaredBy: 'Заявил',
  confirms: 'Подтверждение поставки №',
  quantity: 'Количество',
  unit: 'Единица',
  net: 'Сумма без НДС, ₽',
  rate: 'Ставка НДС, %',
  noVat: 'без НДС',
  vat: 'НДС, ₽',
  gross: 'Сумма с НДС, ₽',
  total: 'Итого',
  side: (d: Delivery) =>
    d.declaredBy === 'provider' ? 'поставщик — Мысковская ГРЭС' : 'потребитель — Томь-Цемент',
  unitName: (u: string) => (u === 't' ? 'т' : u),
};

test('the deliveries CSV: who declared each lot, confirmations without money, a total of the lots', () => {
  const list = [
    lot({ declaredBy: 'provider' }),
    // the consumer's word on lot 1: no amounts, and not counted again
    lot({
      id: 'd2',
      declaredBy: 'consumer',
      quantity: 49.5,
      amountKopecks: 0,
      vatKopecks: 0,
      amountWithVatKopecks: 0,
      confirms: 'd1',
    }),
    lot({
      id: 'd3',
      deliveredOn: '2025-12-31',
      declaredBy: 'provider',
      quantity: 10.25,
      amountKopecks: 1_000,
      vatRatePct: 20,
      vatKopecks: 200,
      amountWithVatKopecks: 1_200,
    }),
    // a seller exempt from VAT (УСН): the rate's cell says so, not 0
    lot({
      id: 'd4',
      deliveredOn: '2026-03-01',
      declaredBy: 'provider',
      quantity: 1,
      amountKopecks: 500,
      vatRatePct: 0,
      vatExempt: true,
      vatKopecks: 0,
      amountWithVatKopecks: 500,
    }),
  ];
  const order = new Map([
    ['d1', 1],
    ['d2', 2],
    ['d3', 3],
    ['d4', 4],
  ]);
  assert.equal(
    toCsv(deliveriesCsvRows(list, order, ruWords), 'ru'),
    '\uFEFF№;Дата;Заявил;Подтверждение поставки №;Количество;Единица;"Сумма без НДС, ₽";"Ставка НДС, %";"НДС, ₽";"Сумма с НДС, ₽"\r\n' +
      '1;2026-02-01;поставщик — Мысковская ГРЭС;;50;т;18000;22;3960;21960\r\n' +
      '2;2026-02-01;потребитель — Томь-Цемент;1;49,5;т;;;;\r\n' +
      '3;2025-12-31;поставщик — Мысковская ГРЭС;;10,25;т;10;20;2;12\r\n' +
      '4;2026-03-01;поставщик — Мысковская ГРЭС;;1;т;5;без НДС;0;5\r\n' +
      'Итого;;;;61,25;т;18015;;3962;21977\r\n',
  );
});

test('the deliveries CSV of a gate-fee deal: the sums the supplier pays, as the ledger posts them', () => {
  const rows = deliveriesCsvRows(
    [
      lot({
        amountKopecks: -28_800_000,
        vatKopecks: -6_336_000,
        amountWithVatKopecks: -35_136_000,
      }),
    ],
    new Map([['d1', 1]]),
    ruWords,
    { gateFee: true },
  );
  assert.deepEqual(rows[1]?.slice(6), [288_000, 22, 63_360, 351_360]);
  assert.deepEqual(rows[2]?.slice(6), [288_000, null, 63_360, 351_360]);
});

test('the trial balance CSV: named accounts, roubles, a total', () => {
  const rows = trialBalanceCsvRows(
    {
      asOf: '2026-12-31',
      unit: 'kopeck',
      accounts: [
        { organisationId: 'p', account: 'vat_payable', debit: 0, credit: 396_050 },
        { organisationId: 'p', account: 'receivable', debit: 396_050, credit: 0 },
      ],
      totalDebit: 396_050,
      totalCredit: 396_050,
    },
    {
      organisation: 'Organisation',
      account: 'Account',
      debit: 'Debit, RUB',
      credit: 'Credit, RUB',
      total: 'Total',
      accountName: (a) => (a === 'vat_payable' ? 'Output VAT payable' : 'Receivable'),
      organisationName: (id) => id.toUpperCase(),
    },
  );
  assert.equal(
    toCsv(rows, 'en'),
    '\uFEFFOrganisation,Account,"Debit, RUB","Credit, RUB"\r\n' +
      'P,Output VAT payable,0,3960.5\r\n' +
      'P,Receivable,3960.5,0\r\n' +
      'Total,,3960.5,3960.5\r\n',
  );
});
