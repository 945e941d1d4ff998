// Input checks beyond the schema: references, duplicates and blend compatibility.
// Every problem names the item it concerns so a user can find it in their file.
import { type Problem, type ProblemInput, problemSchema } from './schema.ts';

export interface InputIssue {
  /** e.g. "supply s1", "demand d2", "link s1→d2", "links[3]". */
  item: string;
  message: string;
}

/** Largest |margin × flow| or fixed cost the engines accept (RUB per year in the platform's use). */
export const MAX_MAGNITUDE = 1e15;

export class EngineInputError extends Error {
  readonly issues: InputIssue[];
  constructor(issues: InputIssue[]) {
    // One line that names the items: the CLI prints exactly this.
    const shown = issues.slice(0, 5).map((i) => `${i.item}: ${i.message}`);
    const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
    super(`invalid input: ${shown.join('; ')}${more}`);
    this.name = 'EngineInputError';
    this.issues = issues;
  }
}

const collectionItem: Record<string, string> = {
  supplies: 'supply',
  demands: 'demand',
  links: 'link',
};

/** Names the element a zod path points at, using its id when the raw input has one. */
function itemName(raw: unknown, path: PropertyKey[]): { item: string; rest: PropertyKey[] } {
  const [collection, index, ...rest] = path;
  if (typeof collection !== 'string' || typeof index !== 'number') {
    return { item: path.length ? String(path[0]) : 'problem', rest: path.slice(1) };
  }
  const el = (raw as Record<string, unknown[]>)[collection]?.[index] as
    | Record<string, unknown>
    | undefined;
  const kind = collectionItem[collection] ?? collection;
  if (el && kind === 'link' && typeof el.supply === 'string' && typeof el.demand === 'string') {
    return { item: `link ${el.supply}→${el.demand} (links[${index}])`, rest };
  }
  if (el && typeof el.id === 'string' && el.id) return { item: `${kind} ${el.id}`, rest };
  return { item: `${collection}[${index}]`, rest };
}

export const linkName = (l: { supply: string; demand: string }) => `link ${l.supply}→${l.demand}`;

/** Parses and checks a problem; throws EngineInputError listing every problem found. */
export function validateProblem(raw: unknown): Problem {
  const parsed = problemSchema.safeParse(raw);
  if (!parsed.success) {
    throw new EngineInputError(
      parsed.error.issues.map((issue) => {
        const { item, rest } = itemName(raw, issue.path);
        const field = rest.length ? `${rest.map(String).join('.')}: ` : '';
        return { item, message: `${field}${issue.message}` };
      }),
    );
  }
  const p = parsed.data;
  const issues: InputIssue[] = [];
  for (const [kind, list] of [
    ['supply', p.supplies],
    ['demand', p.demands],
  ] as const) {
    const seen = new Set<string>();
    for (const x of list) {
      if (seen.has(x.id)) issues.push({ item: `${kind} ${x.id}`, message: 'duplicate id' });
      seen.add(x.id);
      if (x.minQuantity > x.quantity) {
        issues.push({
          item: `${kind} ${x.id}`,
          message: `minQuantity ${x.minQuantity} exceeds quantity ${x.quantity}`,
        });
      }
    }
  }
  // Pairs are keyed by index, not by joined strings: 200k links make string
  // keys a visible share of a CLI run.
  const sIndex = new Map(p.supplies.map((s, i) => [s.id, i]));
  const dIndex = new Map(p.demands.map((d, j) => [d.id, j]));
  const limited = p.demands.map((d) => Object.keys(d.limits));
  const seenLinks = new Set<number>();
  for (const l of p.links) {
    const i = sIndex.get(l.supply);
    const j = dIndex.get(l.demand);
    if (i === undefined)
      issues.push({ item: linkName(l), message: `unknown supply "${l.supply}"` });
    if (j === undefined)
      issues.push({ item: linkName(l), message: `unknown demand "${l.demand}"` });
    if (i === undefined || j === undefined) continue;
    const key = i * p.demands.length + j;
    if (seenLinks.has(key)) issues.push({ item: linkName(l), message: 'duplicate link' });
    seenLinks.add(key);
    const s = p.supplies[i];
    const d = p.demands[j];
    // Floating-point solvers lose exactness (and HiGHS fails) when a link's margin times
    // its flow runs past ~1e15: such figures are input errors, not plans.
    const margin =
      Math.abs(l.yield * l.valueFactor * d.value) + Math.abs(s.disposalCost) + Math.abs(l.cost);
    const flow = Math.min(s.quantity, l.capacity ?? Number.POSITIVE_INFINITY, d.quantity / l.yield);
    if (margin * flow > MAX_MAGNITUDE || (l.fixedCost ?? 0) > MAX_MAGNITUDE) {
      issues.push({
        item: linkName(l),
        message: `money × quantity reaches ${(margin * flow).toExponential(1)}, beyond ${MAX_MAGNITUDE.toExponential(0)}: check the units`,
      });
    }
    if (l.minQuantity > flow * (1 + 1e-9)) {
      issues.push({
        item: linkName(l),
        message: `minQuantity ${l.minQuantity} exceeds what the link can carry (${flow})`,
      });
    }
    for (const prop of limited[j]) {
      if (!(prop in s.properties)) {
        issues.push({
          item: linkName(l),
          message: `demand ${l.demand} limits "${prop}" but supply ${s.id} does not carry it`,
        });
      }
    }
  }
  if (issues.length) throw new EngineInputError(issues);
  return p;
}

function missingProperties(props: Record<string, number>, limits: Record<string, unknown>) {
  return Object.keys(limits).filter((prop) => !(prop in props));
}

/**
 * For planning over live listings: a supply that does not report a property the
 * demand limits cannot be proven to fit, so its link is dropped rather than the
 * whole plan refused. Other problems still surface in validateProblem.
 */
export function dropInvalidLinks(problem: ProblemInput): {
  problem: ProblemInput;
  warnings: string[];
} {
  const supplies = new Map(problem.supplies.map((s) => [s.id, s]));
  const demands = new Map(problem.demands.map((d) => [d.id, d]));
  const warnings: string[] = [];
  const links = problem.links.filter((l) => {
    const s = supplies.get(l.supply);
    const d = demands.get(l.demand);
    if (!s || !d) return true;
    const missing = missingProperties(s.properties ?? {}, d.limits ?? {});
    if (missing.length === 0) return true;
    warnings.push(
      `${linkName(l)} dropped: supply ${s.id} does not report ${missing.map((m) => `"${m}"`).join(', ')} limited by demand ${d.id}`,
    );
    return false;
  });
  return { problem: { ...problem, links }, warnings };
}
