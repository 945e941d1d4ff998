// The engine's entry point: validate, pick the solver, solve.
import { solveWithHighs } from './highs-solve.ts';
import { nearestOptimum } from './nearest.ts';
import type { SolveOptions, SolveResult } from './schema.ts';
import { isPureTransport, solveTransport } from './transport.ts';
import { validateProblem } from './validate.ts';

export const DEFAULT_TIME_LIMIT_SECONDS = 60;

/**
 * Solves an allocation problem. Throws EngineInputError for malformed input;
 * an infeasible problem is a normal result with status 'infeasible'.
 */
export async function solve(input: unknown, options: SolveOptions = {}): Promise<SolveResult> {
  const problem = validateProblem(input);
  const seconds = options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS;
  if (!(seconds > 0)) throw new RangeError('timeLimitSeconds must be > 0');
  const deadlineMs = Date.now() + seconds * 1000;
  const engine = options.engine ?? 'auto';
  const pure = isPureTransport(problem);
  if (engine === 'network-simplex' && !pure) {
    throw new RangeError(
      'the network simplex handles pure transport only (yield 1, no limits, no minimums, no fixed costs)',
    );
  }
  // the network simplex finds the nearest optimum itself (transport.ts nearestOnFace)
  if (engine === 'network-simplex' || (engine === 'auto' && pure))
    return solveTransport(problem, deadlineMs, options.keep);
  const first = await solveWithHighs(problem, deadlineMs);
  const lp = problem.links.every((l) => l.fixedCost === undefined);
  if (options.keep === undefined || first.status !== 'optimal' || !lp) return first;
  return nearestOptimum(problem, first, options.keep, deadlineMs);
}
