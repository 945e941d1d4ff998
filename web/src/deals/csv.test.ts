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

test('the deliveries CSV says without and with VAT, with the rate and a total', () => {
  const rows = deliveriesCsvRows(
    [
      lot({}),
      lot({
        id: 'd2',
        deliveredOn: '2025-12-31',
        amountKopecks: -1_000,
        vatRatePct: 20,
        vatKopecks: -200,
        amountWithVatKopecks: -1_200,
      }),
    ],
    {
      date: 'Дата',
      quantity: 'Количество',
      unit: 'Единица',
      net: 'Сумма без НДС, ₽',
      rate: 'Ставка НДС, %',
      vat: 'НДС, ₽',
      gross: 'Сумма с НДС, ₽',
      total: 'Итого',
    },
  );
  assert.equal(
    toCsv(rows, 'ru'),
    '\uFEFFДата;Количество;Единица;"Сумма без НДС, ₽";"Ставка НДС, %";"НДС, ₽";"Сумма с НДС, ₽"\r\n' +
      '2026-02-01;50;t;18000;22;3960;21960\r\n' +
      '2025-12-31;50;t;-10;20;-2;-12\r\n' +
      'Итого;;;17990;;3958;21948\r\n',
  );
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
