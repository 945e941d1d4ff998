// Seeded instance generators for the allocation benchmark, in the engine format.
import type { ProblemInput } from '../src/exchange/engine/solve/index.ts';
import { mulberry32 as rng } from '../src/exchange/engine/solve/random.ts';

const round2 = (v: number) => Math.round(v * 100) / 100;

/** Unbalanced transport with fractional money: a real exchange round. */
function transport(
  seed: number,
  supplies: number,
  demands: number,
  linksOf: (r: () => number, i: number) => number[],
): ProblemInput {
  const r = rng(seed);
  return {
    supplies: Array.from({ length: supplies }, (_, i) => ({
      id: `s${i}`,
      quantity: round2(50 + r() * 950),
      disposalCost: round2(r() * 300),
    })),
    demands: Array.from({ length: demands }, (_, j) => ({
      id: `d${j}`,
      quantity: round2(50 + r() * 950),
      value: round2(200 + r() * 600),
    })),
    links: Array.from({ length: supplies }, (_, i) =>
      linksOf(r, i).map((j) => ({ supply: `s${i}`, demand: `d${j}`, cost: round2(r() * 1000) })),
    ).flat(),
  };
}

export function denseTransport(seed: number, size: number): ProblemInput {
  return transport(seed, size, size, () => Array.from({ length: size }, (_, j) => j));
}

/** Each supply linked to `degree` distinct random demands. */
export function sparseTransport(seed: number, size: number, degree: number): ProblemInput {
  return transport(seed, size, size, (r) => {
    const picked = new Set<number>();
    while (picked.size < degree) picked.add(Math.floor(r() * size));
    return [...picked].sort((a, b) => a - b);
  });
}

/** Every link carries a fixed charge, so the plan must also choose which routes to open. */
export function fixedCharge(seed: number, size: number): ProblemInput {
  const r = rng(seed);
  const base = denseTransport(seed, size);
  return {
    ...base,
    links: base.links.map((l) => ({
      ...l,
      capacity: round2(100 + r() * 500),
      fixedCost: round2(5000 + r() * 45000),
    })),
  };
}
