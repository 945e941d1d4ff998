import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { transportFrom, type Valuation, valuationFrom } from './engine/candidates.ts';
import { FactorTable } from './engine/factors.ts';
import { emissionFactorsFrom } from './engine/impact.ts';
import { RailNetwork } from './engine/rail.ts';
import type { ViewerOptions } from './engine/viewer.ts';
import type { PlanFactor } from './schema.ts';

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

let sources: { en: Record<string, string>; ru: Record<string, string> } | undefined;

/**
 * The citations of the bracketed codes the factors' sources cite (factors.json `sources`, in
 * English, and `sourcesRu`, in Russian).
 */
export function factorSources(): { en: Record<string, string>; ru: Record<string, string> } {
  const citations = z.record(z.string(), z.string());
  sources ??= {
    en: citations.parse(data('factors.json').sources),
    ru: citations.parse(data('factors.json').sourcesRu),
  };
  return sources;
}

/**
 * The citations a plan's factors cite (source or basis), by code, in English and in Russian: a
 * reader sees what [TR1] is.
 */
export function citedSources(used: readonly PlanFactor[]): {
  factorSources: Record<string, string>;
  factorSourcesRu: Record<string, string>;
} {
  const all = factorSources();
  const codes = [
    ...new Set(
      used.flatMap((f) =>
        [...`${f.source} ${f.basis ?? ''}`.matchAll(/\[([A-Z0-9]+)\]/g)].map((m) => m[1]),
      ),
    ),
  ].sort();
  const cited = (table: Record<string, string>) =>
    Object.fromEntries(codes.flatMap((c) => (table[c] ? [[c, table[c]]] : [])));
  return { factorSources: cited(all.en), factorSourcesRu: cited(all.ru) };
}

/** The rail-distance table (data/reference/rail-distances.json), validated and read once. */
export function railNetwork(): RailNetwork {
  rail ??= RailNetwork.parse(data('rail-distances.json'));
  return rail;
}

let valuation: Valuation | undefined;

/** How delivered units are valued against their requests' prices, by the table. */
export function exchangeValuation(): Valuation {
  valuation ??= valuationFrom(factorTable());
  return valuation;
}

let viewerDefaults: ViewerOptions | undefined;

/**
 * The factors a viewer's figures are computed with: those the plan lists it was computed with
 * (overrides included), else — a plan saved before plans listed them, or a match — the table's.
 */
export function viewerOptions(used?: readonly PlanFactor[]): ViewerOptions {
  if (!used?.length) {
    viewerDefaults ??= {
      transport: transportFrom(factorTable(), railNetwork()),
      emissions: emissionFactorsFrom(factorTable()),
    };
    return viewerDefaults;
  }
  const own: FactorTable = { ...factorTable() };
  for (const { key, overridden: _, ...entry } of used) own[key] = entry;
  return { transport: transportFrom(own, railNetwork()), emissions: emissionFactorsFrom(own) };
}
