import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FactorTable } from './engine/factors.ts';

const file = fileURLToPath(new URL('../../data/reference/factors.json', import.meta.url));

let table: FactorTable | undefined;

/** The exchange's factors (data/reference/factors.json), validated and read once. */
export function factorTable(): FactorTable {
  table ??= FactorTable.parse(JSON.parse(readFileSync(file, 'utf8')).factors);
  return table;
}
