import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FactorTable } from './engine/factors.ts';
import { RailNetwork } from './engine/rail.ts';

const data = (name: string) =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`../../data/reference/${name}`, import.meta.url)), 'utf8'),
  );

let table: FactorTable | undefined;
let rail: RailNetwork | undefined;

/** The exchange's factors (data/reference/factors.json), validated and read once. */
export function factorTable(): FactorTable {
  table ??= FactorTable.parse(data('factors.json').factors);
  return table;
}

/** The rail-distance table (data/reference/rail-distances.json), validated and read once. */
export function railNetwork(): RailNetwork {
  rail ??= RailNetwork.parse(data('rail-distances.json'));
  return rail;
}
