// The plan's run form as the API's request: the robustness analysis is asked for in runs and
// a percentage, and the server's schema (loaded lazily) bounds both. Pure.
import { parseNumber } from '../../shell/numbers.ts';
import type { PlanRequestBody } from '../api.ts';

export interface RunInput {
  robust: boolean;
  runs: string;
  /** ± percent the volumes vary by */
  variation: string;
}

export interface Bounds {
  runs: { min: number; max: number };
  /** a share (0.5), shown and typed as a percentage (50) */
  variation: { min: number; max: number };
}

export interface RunProblem {
  field: 'runs' | 'variation';
  /** out of the bounds, or (bounds unknown) not a number at all */
  key: 'errRuns' | 'errVariation' | 'errNumber';
  params?: { min: number; max: number };
}

/** Whole percent, as the form shows a share: 0.5 → 50. */
const percent = (share: number) => Math.round(share * 10000) / 100;

const within = (n: number | undefined, b: { min: number; max: number } | undefined) =>
  n !== undefined && Number.isFinite(n) && (!b || (n >= b.min && n <= b.max));

/**
 * The request, or the boxes that are wrong. Without the bounds (their chunk failed to load)
 * only numbers are asked for, and the server says the rest.
 */
export function runRequest(
  input: RunInput,
  bounds: Bounds | null,
): { request: PlanRequestBody } | { problems: RunProblem[] } {
  if (!input.robust) return { request: {} };
  const runs = parseNumber(input.runs);
  const typed = parseNumber(input.variation);
  const share = typed === undefined ? undefined : typed / 100;
  const problems: RunProblem[] = [];
  if (!within(runs, bounds?.runs) || !Number.isInteger(runs))
    problems.push(
      bounds
        ? { field: 'runs', key: 'errRuns', params: bounds.runs }
        : { field: 'runs', key: 'errNumber' },
    );
  if (!within(share, bounds?.variation))
    problems.push(
      bounds
        ? {
            field: 'variation',
            key: 'errVariation',
            params: { min: percent(bounds.variation.min), max: percent(bounds.variation.max) },
          }
        : { field: 'variation', key: 'errNumber' },
    );
  if (problems.length || runs === undefined || share === undefined) return { problems };
  return { request: { robustness: { runs, variation: share, seed: 1 } } };
}
