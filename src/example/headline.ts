// The demo's headline: the Kuzbass example seeded on a given day and planned over its live
// listings on that day, as the README's table shows it (`scripts/headline.ts` prints it and
// writes it into README.md; test/medium/headline.test.ts holds the README to it).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExchangeService, type Plan } from '../exchange/index.ts';
import { systemActor } from '../model/index.ts';
import { openPlatform, type Platform } from '../platform.ts';
import { EXAMPLE_REFERENCE_DATE, seedExample } from './seed.ts';

export const HEADLINE_START = '<!-- headline:start -->';
export const HEADLINE_END = '<!-- headline:end -->';

/** The day the README's figures are computed for: the example's reference date, at noon UTC. */
export const headlineDay = () => new Date(`${EXAMPLE_REFERENCE_DATE}T12:00:00Z`);

/**
 * The example seeded with its clock at `day` into a fresh database, then planned (as the
 * platform's operator sees it: every holder shown) with the exchange's clock at `day` too.
 * `open` gives the database (default: a temporary SQLite file, removed afterwards).
 */
export async function demoPlan(
  day: Date,
  open?: () => Promise<{ platform: Platform; drop: () => Promise<void> }>,
): Promise<Plan> {
  const { platform, drop } = await (open ?? temporarySqlite)();
  try {
    const clock = () => day;
    await seedExample(platform, { clock });
    return await new ExchangeService(platform.store, clock).plan(systemActor, {}, 'en');
  } finally {
    await platform.close();
    await drop();
  }
}

async function temporarySqlite() {
  const dir = mkdtempSync(join(tmpdir(), 'digicluster-headline-'));
  const platform = await openPlatform({
    sqliteFile: join(dir, 'demo.db'),
    sessionTtlHours: 1,
    workerThreads: 0,
  });
  return { platform, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** Words for the impact figures the table knows; any other figure is shown by its key. */
const labels: Record<string, string> = {
  divertedT: 'tonnage diverted from placement (storage and landfill)',
  co2eAvoidedT: 'CO2e avoided',
  transportCo2eT: 'CO2 of transport',
  netCo2eT: 'CO2e avoided, net of transport',
  baselineCost: 'cost without the exchange (all disposed, all bought new)',
  planCost: 'cost with the plan',
  savings: 'net economic benefit (what the optimiser maximises)',
  tradeValue: 'trade value of products sold between members (a transfer, not a saving)',
};

/** 1234567.8 → "1 234 568" (the README's thousands separator is a space). */
const grouped = (x: number, digits = 0) => {
  const [whole, fraction] = Math.abs(x).toFixed(digits).split('.');
  const sign = x < 0 && Number(x.toFixed(digits)) !== 0 ? '−' : '';
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')}${fraction ? `.${fraction}` : ''}`;
};

const perYear = (unit: string) => (unit.endsWith('/yr') ? unit : `${unit}/yr`);

/** The README's block, markers included: the day, the counts and every impact figure of the plan. */
export function headlineBlock(plan: Plan, day: Date): string {
  const date = day.toISOString().slice(0, 10);
  const rows: Array<[string, string, string]> = [
    ['offers live', grouped(plan.counts.offers), '`counts.offers`'],
    ['requests live', grouped(plan.counts.requests), '`counts.requests`'],
    ['candidate links', grouped(plan.counts.links), '`counts.links`'],
    ['flows in the plan', grouped(plan.plan.flows.length), '`plan.flows`'],
  ];
  for (const [key, figure] of Object.entries(plan.impact) as Array<[string, unknown]>) {
    const f = figure as { value?: number; unit?: string; valueKopecks?: number };
    const value =
      typeof f.valueKopecks === 'number'
        ? `${grouped(f.valueKopecks / 100 / 1e6, 1)} M RUB/yr`
        : typeof f.value === 'number'
          ? `${grouped(f.value)} ${perYear(f.unit ?? '')}`
          : undefined;
    if (value !== undefined) rows.push([labels[key] ?? key, value, `\`impact.${key}\``]);
  }
  // an organisation's own offer for its own request: reported apart, never in the totals above
  const internal = plan.internalReuse?.pairs ?? [];
  if (internal.length)
    rows.push([
      'internal reuse, apart from the totals (pairs, shipped)',
      `${internal.length}: ${internal.map((p) => `${grouped(p.quantity)} ${p.unit}/yr`).join(', ')}`,
      '`internalReuse.pairs`',
    ]);
  return [
    HEADLINE_START,
    `The demo's plan, computed for ${date}${date === EXAMPLE_REFERENCE_DATE ? " (the example's reference date)" : ''}: \`digicluster demo\`,`,
    'then `digicluster match --cluster`. The availability windows move with the seeding date',
    '([data/kuzbass/README.md](data/kuzbass/README.md)), so a demo seeded and planned on any day',
    'gives these figures. Written by `node --import tsx scripts/headline.ts --write`; a test',
    'fails while this table differs from what the script prints.',
    '',
    '| figure | value | field of the plan |',
    '|---|---|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    HEADLINE_END,
  ].join('\n');
}

/** The block as it stands in a README's text, markers included; undefined without markers. */
export function readmeBlock(readme: string): string | undefined {
  const start = readme.indexOf(HEADLINE_START);
  const end = readme.indexOf(HEADLINE_END);
  if (start < 0 || end < start) return undefined;
  return readme.slice(start, end + HEADLINE_END.length);
}

/** The README with its block replaced by `block`; throws when the README has no markers. */
export function withBlock(readme: string, block: string): string {
  const old = readmeBlock(readme);
  if (old === undefined) throw new Error(`README.md has no ${HEADLINE_END} block`);
  return readme.replace(old, () => block);
}
