// Pure: the table of factors every exchange figure is computed with (transport, emissions,
// substitutes, counterfactuals, prices). Each factor carries its value, unit, source and
// year; one with no source on record is an estimate and says on what basis. The table lives
// in data/reference/factors.json (read by exchange/reference.ts); a plan request may
// override any value by its key, never add one.
import { z } from 'zod';
import { listingLimits } from '../limits.ts';

export const FactorEntry = z
  .strictObject({
    value: z.number().finite(),
    unit: z.string().min(1),
    /** the reference key(s) of shared/domain (e.g. "[TR1] via [SC]") or a plain citation */
    source: z.string().min(1),
    /** the same source for a Russian reader (codes and citations as in `source`) */
    sourceRu: z.string().min(1).optional(),
    /** the year the figure refers to */
    year: z.int().min(1990).max(2100),
    status: z.enum(['sourced', 'estimate']),
    /** how an estimate was made (required for estimates) */
    basis: z.string().min(1).optional(),
    /** the same basis for a Russian reader */
    basisRu: z.string().min(1).optional(),
  })
  .refine((f) => f.status === 'sourced' || f.basis !== undefined, {
    message: 'an estimate says its basis',
    path: ['basis'],
  })
  .refine((f) => f.basisRu === undefined || f.basis !== undefined, {
    message: 'a Russian basis translates the basis',
    path: ['basisRu'],
  })
  .meta({ id: 'FactorEntry' });
export type FactorEntry = z.infer<typeof FactorEntry>;

/** Dotted keys, e.g. "transport.rail.handlingRubPerT", grouped by their first segment. */
export const FactorKey = z.string().regex(/^[a-z][a-zA-Z0-9-]*(\.[a-zA-Z0-9-]+)+$/);

export const FactorTable = z.record(FactorKey, FactorEntry);
export type FactorTable = z.infer<typeof FactorTable>;

/** Per-plan overrides: a key of the table and its new value (in the table's unit). */
export const FactorOverrides = z
  .record(FactorKey, z.number().finite())
  .describe('factor key → value in the unit of the factors table; unknown keys are refused')
  .meta({ id: 'FactorOverrides' });
export type FactorOverrides = z.infer<typeof FactorOverrides>;

/** The keys of `overrides` that the table does not have (an override never adds a factor). */
export function unknownFactorKeys(table: FactorTable, overrides: FactorOverrides): string[] {
  return Object.keys(overrides).filter((k) => !(k in table));
}

/**
 * Factors the engine divides by or that are physical constants: an override must keep them
 * above zero (a zero speed, wagon load or calorific value has no meaning, and would be
 * blamed on the listings by the solver).
 */
const positiveFactor =
  /(speedKmh|circuity|wagonLoadT|stepKm|densityKgPerM3|lhvMj|Efficiency|gjPer|ncvKcalPerKg)$/;

export type OverrideProblem = 'negative' | 'notPositive' | 'coalCalorific';

/**
 * What is wrong with each override, by key: no factor is negative (a price, a rate, an
 * emission factor), those above are positive, and the reference coal's calorific value lies
 * where a coal's can. An override may still be any what-if within these.
 */
export function overrideProblems(overrides: FactorOverrides): Array<[string, OverrideProblem]> {
  const out: Array<[string, OverrideProblem]> = [];
  for (const [key, value] of Object.entries(overrides)) {
    if (key === 'energy.coal.ncvKcalPerKg') {
      // the coal a price refers to lies where a request's own calorific basis may
      const { min, max } = listingLimits.calorificKcalPerKg;
      if (value < min || value > max) out.push([key, 'coalCalorific']);
    } else if (positiveFactor.test(key)) {
      if (!(value > 0)) out.push([key, 'notPositive']);
    } else if (value < 0) out.push([key, 'negative']);
  }
  return out;
}

/** The table with the given values replaced; each overridden entry says so in its source. */
export function withOverrides(table: FactorTable, overrides: FactorOverrides = {}): FactorTable {
  const unknown = unknownFactorKeys(table, overrides);
  if (unknown.length) throw new RangeError(`unknown factor keys: ${unknown.join(', ')}`);
  const out: FactorTable = { ...table };
  for (const [k, value] of Object.entries(overrides))
    out[k] = {
      ...table[k],
      value,
      source: `overridden in the plan request (table: ${table[k].source})`,
      ...(table[k].sourceRu
        ? { sourceRu: `задано в запросе плана (в таблице: ${table[k].sourceRu})` }
        : {}),
    };
  return out;
}

/** The value of a factor that must exist (a missing key is a programming error). */
export function factor(table: FactorTable, key: string): number {
  const f = table[key];
  if (!f) throw new RangeError(`no factor ${key}`);
  return f.value;
}

/** The entries under a group, e.g. `group(t, 'substitutes')` → { clinker: …, gbfs: … }. */
export function group(table: FactorTable, prefix: string): Record<string, FactorEntry> {
  const p = `${prefix}.`;
  return Object.fromEntries(
    Object.entries(table)
      .filter(([k]) => k.startsWith(p))
      .map(([k, v]) => [k.slice(p.length), v]),
  );
}
