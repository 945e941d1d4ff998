import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FactorTable } from '../exchange/index.ts';
import { type TransactionCostConfig, transactionCostConfigFrom } from './engine/index.ts';

let config: TransactionCostConfig | undefined;

/**
 * The territorial counterfactual's assumptions (data/reference/transaction-costs.json), validated
 * with the exchange's factor-table schema and read once.
 */
export function transactionCostConfig(): TransactionCostConfig {
  config ??= transactionCostConfigFrom(
    FactorTable.parse(
      JSON.parse(
        readFileSync(
          fileURLToPath(new URL('../../data/reference/transaction-costs.json', import.meta.url)),
          'utf8',
        ),
      ).factors,
    ),
  );
  return config;
}
