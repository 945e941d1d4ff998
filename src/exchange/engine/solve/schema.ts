// The engine's own input format: unit-free, validated once here so the solvers can trust it.
import { z } from 'zod';

// zod 4's z.number() already rejects NaN and ±Infinity, so every field below is finite.
const quantity = z.number().min(0, 'must be ≥ 0');

export const supplySchema = z.object({
  id: z.string().min(1, 'must be a non-empty string'),
  quantity,
  minQuantity: quantity.default(0),
  disposalCost: z.number().default(0),
  properties: z.record(z.string(), z.number()).default({}),
});

export const limitSchema = z
  .object({ min: z.number().optional(), max: z.number().optional() })
  .refine((l) => l.min !== undefined || l.max !== undefined, 'needs min or max')
  .refine((l) => l.min === undefined || l.max === undefined || l.min <= l.max, 'min exceeds max');

export const demandSchema = z.object({
  id: z.string().min(1, 'must be a non-empty string'),
  quantity,
  minQuantity: quantity.default(0),
  value: z.number().default(0),
  limits: z.record(z.string(), limitSchema).default({}),
});

export const linkSchema = z.object({
  supply: z.string(),
  demand: z.string(),
  cost: z.number().default(0),
  yield: z.number().gt(0, 'must be > 0').default(1),
  /**
   * What one delivered unit over this link is worth in units of the demand's value: 1 unless
   * the delivered material is valued against the demand's reference (a fuel by its calorific
   * value against the coal the price refers to).
   */
  valueFactor: z.number().gt(0, 'must be > 0').default(1),
  capacity: quantity.optional(),
  /**
   * What the link must carry at least: a flow its two sides already agreed (the exchange gives
   * an agreed match this as both minimum and capacity, so the plan keeps it as it is).
   */
  minQuantity: quantity.default(0),
  fixedCost: quantity.optional(),
});

export const problemSchema = z.object({
  supplies: z.array(supplySchema),
  demands: z.array(demandSchema),
  links: z.array(linkSchema),
});

/** A validated problem, defaults applied. */
export type Problem = z.infer<typeof problemSchema>;
/** What callers may pass: defaults may be omitted. */
export type ProblemInput = z.input<typeof problemSchema>;
export type Supply = z.infer<typeof supplySchema>;
export type Demand = z.infer<typeof demandSchema>;
export type Link = z.infer<typeof linkSchema>;

/** What one shipped unit over a link earns: its delivered value + the supply's disposal − cost. */
export const linkMargin = (l: Link, s: Supply, d: Demand): number =>
  l.yield * l.valueFactor * d.value + s.disposalCost - l.cost;

export type EngineName = 'network-simplex' | 'highs';

/** A flow of an earlier plan: its link and the units it shipped. */
export interface KeptFlow {
  supply: string;
  demand: string;
  quantity: number;
}

export interface SolveOptions {
  /** Wall-clock budget for one solve; default 60 s. */
  timeLimitSeconds?: number;
  /** 'auto' picks the network simplex for pure transport instances. */
  engine?: 'auto' | EngineName;
  /**
   * Flows to stay near: of the optimal plans, the one that moves the least volume away from
   * them (Σ |x − kept|; nearest.ts), and of those the one the links' tie weights pick, so the
   * same whatever the order of the listings. Given empty, only the tie weights pick. Problems
   * without fixed costs only; the optimum is the same. Absent: the solver's first optimum.
   */
  keep?: readonly KeptFlow[];
}

export interface Flow {
  supply: string;
  demand: string;
  /** Shipped units x. */
  quantity: number;
  /** yield · x, what the demand receives. */
  delivered: number;
  /** delivered · value factor of the link · value of the demand. */
  value: number;
  /** x · disposal cost of the supply. */
  avoidedDisposal: number;
  /** x · link cost. */
  transport: number;
}

export interface SolveResult {
  status: 'optimal' | 'time_limit' | 'infeasible';
  objective: number;
  /** Relative MIP gap; 0 for a proven LP optimum, null when unknown. */
  mipGap: number | null;
  flows: Flow[];
  openLinks: { supply: string; demand: string }[];
  shadowPrices: { supplies: Record<string, number>; demands: Record<string, number> };
  engine: EngineName;
  message?: string;
}
