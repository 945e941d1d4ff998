// `digicluster match FILE [--json] [--engine auto|highs|network-simplex] [--time-limit S]`
// `digicluster match --cluster [--json] [--time-limit S] [--factors FILE]`
//
// Imports only the engine and node:fs: this path must start fast, so no
// server, database or web code may be pulled in from here.
import { readFileSync } from 'node:fs';
import {
  EngineInputError,
  type SolveOptions,
  type SolveResult,
  solve,
} from '../exchange/engine/solve/index.ts';
import type { Plan } from '../exchange/schema.ts';
import { decimalNumber } from './args.ts';

const USAGE =
  'usage: digicluster match FILE [--json] [--engine auto|highs|network-simplex] [--time-limit S]\n       digicluster match --cluster [--json] [--time-limit S] [--factors FILE]\n         FILE of --factors: a JSON object, factor key → value (keys of data/reference/factors.json)';
const ENGINES = ['auto', 'highs', 'network-simplex'] as const;

interface MatchArgs {
  file: string;
  cluster: boolean;
  json: boolean;
  /** --factors FILE: overrides of the factors table for a cluster plan */
  factors?: Record<string, number>;
  options: SolveOptions;
}

class UsageError extends Error {}

function parseArgs(args: string[]): MatchArgs {
  let file: string | undefined;
  let json = false;
  let cluster = false;
  let factors: Record<string, number> | undefined;
  const options: SolveOptions = {};
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    const [flag, inline] = a.startsWith('--') ? a.split('=', 2) : [a, undefined];
    const value = () => {
      const v = inline ?? args[++k];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--json') json = true;
    else if (flag === '--cluster') cluster = true;
    else if (flag === '--factors') factors = readFactors(value());
    else if (flag === '--engine') {
      const v = value();
      if (!(ENGINES as readonly string[]).includes(v)) {
        throw new UsageError(`--engine must be one of ${ENGINES.join(', ')}, got "${v}"`);
      }
      options.engine = v as (typeof ENGINES)[number];
    } else if (flag === '--time-limit') {
      const v = decimalNumber(value());
      if (!(v > 0) || !Number.isFinite(v))
        throw new UsageError('--time-limit must be a positive number of seconds');
      options.timeLimitSeconds = v;
    } else if (flag.startsWith('-')) throw new UsageError(`unknown option ${flag}`);
    else if (file === undefined) file = a;
    else throw new UsageError(`unexpected argument "${a}"`);
  }
  if (cluster && file !== undefined) throw new UsageError('--cluster takes no FILE');
  if (factors && !cluster) throw new UsageError('--factors goes with --cluster');
  if (!cluster && file === undefined) throw new UsageError('missing FILE');
  return { file: file ?? '', cluster, json, options, ...(factors ? { factors } : {}) };
}

/** The overrides of `--factors FILE`: a JSON object of factor key → finite number. */
function readFactors(path: string): Record<string, number> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UsageError(`--factors ${path}: ${(e as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new UsageError('--factors FILE must hold a JSON object of factor key → value');
  for (const [k, v] of Object.entries(data))
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new UsageError(`--factors: the value of ${k} must be a number`);
  return data as Record<string, number>;
}

const num = (v: number) =>
  v.toLocaleString('en-US', { maximumFractionDigits: 3, useGrouping: false });

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows
    .map((r) =>
      r.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '),
    )
    .join('\n');
}

function summary(r: SolveResult): string {
  const lines = [
    `status     ${r.status}${r.message ? ` — ${r.message}` : ''}`,
    `objective  ${num(r.objective)}`,
    `engine     ${r.engine}${r.mipGap ? `, gap ${(r.mipGap * 100).toPrecision(3)}%` : ''}`,
  ];
  if (r.openLinks.length) {
    lines.push(`open links ${r.openLinks.map((l) => `${l.supply}→${l.demand}`).join(', ')}`);
  }
  if (r.flows.length) {
    const rows = [
      ['supply', 'demand', 'quantity', 'delivered', 'value', 'avoided disposal', 'transport'],
    ];
    for (const f of r.flows) {
      rows.push([
        f.supply,
        f.demand,
        num(f.quantity),
        num(f.delivered),
        num(f.value),
        num(f.avoidedDisposal),
        num(f.transport),
      ]);
    }
    lines.push('', table(rows));
  } else if (r.status !== 'infeasible') lines.push('', 'no flows: nothing is worth shipping');
  return lines.join('\n');
}

const rub = (kopecks: number) =>
  (kopecks / 100).toLocaleString('en-US', { minimumFractionDigits: 2, useGrouping: false });

/** A cluster plan as text: its money in roubles from the kopecks it carries. */
function clusterSummary(plan: Plan): string {
  const r = plan.plan;
  const lines = [
    `status     ${r.status}${r.message ? ` — ${r.message}` : ''}`,
    `objective  ${rub(r.objectiveKopecks)} RUB/yr`,
    `engine     ${r.engine}${r.mipGap ? `, gap ${(r.mipGap * 100).toPrecision(3)}%` : ''}`,
  ];
  if (r.flows.length) {
    const rows = [
      [
        'supply',
        'demand',
        'quantity',
        'delivered',
        'today',
        'replaces',
        'value RUB',
        'avoided disposal RUB',
        'transport RUB',
        'net benefit RUB',
        'trade RUB',
        't CO2e',
      ],
    ];
    for (const f of r.flows)
      rows.push([
        f.supply,
        f.demand,
        num(f.quantity),
        num(f.delivered),
        f.counterfactual ?? '-',
        `${f.substitute ?? '-'}${f.substituteCredited === false && f.substitute ? ' (no credit)' : ''}`,
        rub(f.valueKopecks),
        rub(f.avoidedDisposalKopecks),
        rub(f.transportKopecks),
        rub(f.savingsKopecks),
        rub(f.tradeValueKopecks ?? 0),
        num(f.co2eAvoidedT),
      ]);
    lines.push('', table(rows));
  } else if (r.status !== 'infeasible') lines.push('', 'no flows: nothing is worth shipping');
  return lines.join('\n');
}

/** The internal reuse pairs, apart from the flows: never an exchange with oneself. */
function internalSummary(plan: Plan): string {
  const pairs = plan.internalReuse?.pairs ?? [];
  if (!pairs.length) return '';
  const rows = [['internal reuse: supply', 'demand', 'quantity', 'unit']];
  for (const p of pairs) rows.push([p.supply, p.demand, num(p.quantity), p.unit]);
  return `\n${table(rows)}\n(${plan.internalReuse?.note})\n`;
}

/** Runs the match command; returns the exit code (2 bad input, 1 infeasible). */
export async function runMatch(args: string[]): Promise<number> {
  let parsed: MatchArgs;
  let input: unknown;
  try {
    parsed = parseArgs(args);
    if (parsed.cluster) return await matchCluster(parsed);
    input = JSON.parse(readFileSync(parsed.file, 'utf8'));
  } catch (e) {
    const msg = e instanceof UsageError ? `${e.message}\n${USAGE}` : (e as Error).message;
    process.stderr.write(`digicluster match: ${msg}\n`);
    return 2;
  }
  let result: SolveResult;
  try {
    result = await solve(input, parsed.options);
  } catch (e) {
    if (e instanceof EngineInputError || e instanceof RangeError) {
      process.stderr.write(`digicluster match: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (parsed.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else process.stdout.write(`${summary(result)}\n`);
  if (result.status === 'infeasible') {
    process.stderr.write(`digicluster match: infeasible: ${result.message}\n`);
    return 1;
  }
  return 0;
}

/**
 * Plans over the live listings in the database (the platform loads only in this branch,
 * so `match FILE` stays light). Dropped links and other warnings go to stderr.
 */
async function matchCluster(parsed: MatchArgs): Promise<number> {
  const [{ loadConfig }, { openPlatform }, { systemActor, DomainError }] = await Promise.all([
    import('../config.ts'),
    import('../platform.ts'),
    import('../model/index.ts'),
  ]);
  const platform = await openPlatform(loadConfig());
  try {
    let plan: Plan;
    try {
      plan = await platform.exchange.plan(systemActor, {
        timeLimitSeconds: parsed.options.timeLimitSeconds,
        ...(parsed.factors ? { factors: parsed.factors } : {}),
      });
    } catch (e) {
      // a refused request (an unknown factor key): its message, exit 2
      if (e instanceof DomainError && e.status === 400) {
        process.stderr.write(`digicluster match: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
    for (const w of plan.warnings)
      process.stderr.write(`digicluster match: warning: ${w.message}\n`);
    if (parsed.json) process.stdout.write(`${JSON.stringify(plan)}\n`);
    else {
      process.stdout.write(
        `${clusterSummary(plan)}\n` +
          `\nlistings   ${plan.counts.offers} offers, ${plan.counts.requests} requests, ${plan.counts.links} candidate links\n` +
          Object.entries(plan.impact)
            .flatMap(([k, f]) =>
              !f || !('formula' in f)
                ? []
                : 'valueKopecks' in f
                  ? [`${k.padEnd(16)} ${rub(f.valueKopecks)} RUB/yr  (${f.formula})`]
                  : [`${k.padEnd(16)} ${num(f.value)} ${f.unit}  (${f.formula})`],
            )
            .join('\n') +
          '\n' +
          internalSummary(plan),
      );
    }
    if (plan.plan.status === 'infeasible') {
      process.stderr.write(`digicluster match: infeasible: ${plan.plan.message}\n`);
      return 1;
    }
    return 0;
  } finally {
    await platform.close();
  }
}
