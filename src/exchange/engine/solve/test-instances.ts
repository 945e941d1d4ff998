// Seeded random instances for the engine's tests (test helper; no production code imports it).

import { mulberry32 } from './random.ts';
import type { ProblemInput } from './schema.ts';

export const rng = mulberry32;

export interface TransportShape {
  supplies: number;
  demands: number;
  /** Probability that a supply–demand pair is linked. */
  density: number;
  /** Quantities and money with decimals rather than integers. */
  fractional: boolean;
  /** Share of links with a capacity. */
  capacitated: number;
  /** Draw money from a handful of values so many margins tie. */
  ties: boolean;
}

export function randomTransport(seed: number, shape: TransportShape): ProblemInput {
  const r = rng(seed);
  const num = (lo: number, hi: number) => {
    const v = lo + r() * (hi - lo);
    return shape.fractional ? Math.round(v * 1000) / 1000 : Math.round(v);
  };
  const money = (lo: number, hi: number) =>
    shape.ties ? lo + Math.floor(r() * 4) * ((hi - lo) / 4) : num(lo, hi);
  const supplies = Array.from({ length: shape.supplies }, (_, i) => ({
    id: `s${i}`,
    quantity: num(0, 1000),
    disposalCost: money(0, 300),
  }));
  const demands = Array.from({ length: shape.demands }, (_, j) => ({
    id: `d${j}`,
    quantity: num(0, 1000),
    value: money(0, 800),
  }));
  const links: ProblemInput['links'] = [];
  for (let i = 0; i < shape.supplies; i++) {
    for (let j = 0; j < shape.demands; j++) {
      if (r() >= shape.density) continue;
      const link: ProblemInput['links'][number] = {
        supply: `s${i}`,
        demand: `d${j}`,
        cost: money(0, 900),
      };
      if (r() < shape.capacitated) link.capacity = num(0, 600);
      links.push(link);
    }
  }
  return { supplies, demands, links };
}

export interface GeneralShape {
  supplies: number;
  demands: number;
  density: number;
  /** Share of demands with blend limits. */
  limits: number;
  /** Share of links with a yield other than 1. */
  yields: number;
  /** Share of supplies and demands with a minimum. */
  minimums: number;
  /** Share of links with a fixed cost. */
  fixedCosts: number;
  /** Largest minimum as a share of quantity (default 0.2, mostly feasible). */
  minShare?: number;
}

/** Blending, yields, minimums and fixed charges; minimums kept small so most are feasible. */
export function randomGeneral(seed: number, shape: GeneralShape): ProblemInput {
  const r = rng(seed);
  const round = (v: number) => Math.round(v * 100) / 100;
  const supplies = Array.from({ length: shape.supplies }, (_, i) => {
    const quantity = round(100 + r() * 900);
    return {
      id: `s${i}`,
      quantity,
      minQuantity: r() < shape.minimums ? round(quantity * r() * (shape.minShare ?? 0.2)) : 0,
      disposalCost: round(r() * 300),
      properties: { ash: round(5 + r() * 25), moisture: round(2 + r() * 14) },
    };
  });
  const demands = Array.from({ length: shape.demands }, (_, j) => {
    const quantity = round(100 + r() * 900);
    const limits: Record<string, { min?: number; max?: number }> = {};
    if (r() < shape.limits) {
      limits.ash = { max: round(10 + r() * 15) };
      if (r() < 0.5) limits.moisture = { min: round(2 + r() * 4), max: round(8 + r() * 8) };
    }
    return {
      id: `d${j}`,
      quantity,
      minQuantity: r() < shape.minimums ? round(quantity * r() * (shape.minShare ?? 0.2)) : 0,
      value: round(r() * 800),
      limits,
    };
  });
  const links: ProblemInput['links'] = [];
  for (let i = 0; i < shape.supplies; i++) {
    for (let j = 0; j < shape.demands; j++) {
      if (r() >= shape.density) continue;
      const link: ProblemInput['links'][number] = {
        supply: `s${i}`,
        demand: `d${j}`,
        cost: round(r() * 900),
      };
      if (r() < shape.yields) link.yield = round(0.5 + r());
      if (r() < 0.3) link.capacity = round(r() * 600);
      if (r() < shape.fixedCosts) link.fixedCost = round(r() * 20000);
      links.push(link);
    }
  }
  return { supplies, demands, links };
}
