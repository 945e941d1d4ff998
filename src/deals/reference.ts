import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FactorTable } from '../exchange/index.ts';
import {
  type TransactionCostConfig,
  transactionCostConfigFrom,
  VatRateTable,
} from './engine/index.ts';

let config: TransactionCostConfig | undefined;
let vat: VatRateTable | undefined;

const dataFile = (name: string): unknown =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`../../data/reference/${name}`, import.meta.url)), 'utf8'),
  );

/**
 * The standard VAT rate by the day it applies from (data/reference/vat-rates.json: the deals
 * module's reference data, each row with its source), validated and read once.
 */
export function vatRates(): VatRateTable {
  vat ??= VatRateTable.parse((dataFile('vat-rates.json') as { rates: unknown }).rates);
  return vat;
}

/**
 * The territorial counterfactual's assumptions (data/reference/transaction-costs.json), validated
 * with the exchange's factor-table schema and read once.
 */
export function transactionCostConfig(): TransactionCostConfig {
  config ??= transactionCostConfigFrom(
    FactorTable.parse((dataFile('transaction-costs.json') as { factors: unknown }).factors),
  );
  return config;
}
