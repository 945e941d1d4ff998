import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { journalHeadSeq } from '../journal/index.ts';
import { systemActor, type UserRole } from '../model/index.ts';
import type { Platform } from '../platform.ts';
import { admittedByDecision, seedGovernance } from './governance.ts';

const dataDir = fileURLToPath(new URL('../../data/', import.meta.url));
const readJson = (path: string) => JSON.parse(readFileSync(`${dataDir}${path}`, 'utf8'));

export interface DemoLogin {
  email: string;
  password: string;
  role: UserRole;
  organisation: string;
}

interface ExampleOrganisation {
  id: string;
  sites?: unknown[];
  memberships?: Array<{
    role: string;
    joinedOn: string;
    leftOn?: string;
    note?: string;
    noteEn?: string;
  }>;
  users?: Array<{ email: string; name: string; role: UserRole; password: string }>;
  [field: string]: unknown;
}

/** The demo logins of the example, to print at start. */
export function demoLogins(): DemoLogin[] {
  const orgs: ExampleOrganisation[] = readJson('kuzbass/organisations.json');
  return orgs.flatMap((o) =>
    (o.users ?? []).map((u) => ({
      email: u.email,
      password: u.password,
      role: u.role,
      organisation: o.id,
    })),
  );
}

export async function isEmpty(platform: Platform): Promise<boolean> {
  return (await journalHeadSeq(platform.store)) === 0;
}

/**
 * The example's availability windows are written as of this date: every window holds it. The
 * seed moves each window by whole months from it to the seeding day, so that the demo plans
 * alike whenever it is seeded (data/kuzbass/README.md, "Availability windows").
 */
export const EXAMPLE_REFERENCE_DATE = '2026-06-01';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const daysInMonth = (year: number, month: number) =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * An ISO date moved by whole months: the last day of a month stays the last day of its month
 * (2026-10-31 + 1 month = 2026-11-30), any other day keeps its number, capped at the month's end.
 */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = daysInMonth(year, month);
  const day = d === daysInMonth(y, m) ? last : Math.min(d, last);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Whole months from the reference date's month to the month of `day` (UTC, as the exchange counts days). */
export function monthsFromReference(day: Date): number {
  const [ry, rm] = EXAMPLE_REFERENCE_DATE.split('-').map(Number);
  return day.getUTCFullYear() * 12 + day.getUTCMonth() - (ry * 12 + rm - 1);
}

export type ExampleListing = Record<string, unknown> & {
  id: string;
  quantityPerYear: number;
  visibility?: string;
  availableFrom: string;
  availableTo: string;
};

/**
 * The example's listings as seeded on `day`: each window moved from the reference date to the
 * seeding month. Anonymous listings come last, in the order of their ids, so that the order in
 * which listings are created (their createdAt) does not put one next to its holder's other
 * listings (security review F9).
 */
export function exampleListings(day: Date = new Date()): ExampleListing[] {
  const months = monthsFromReference(day);
  const listings: ExampleListing[] = readJson('kuzbass/listings.json');
  const moved = listings.map((l) => ({
    ...l,
    availableFrom: addMonths(l.availableFrom, months),
    availableTo: addMonths(l.availableTo, months),
  }));
  const anonymous = (l: ExampleListing) => l.visibility === 'anonymous';
  return [
    ...moved.filter((l) => !anonymous(l)),
    ...moved.filter(anonymous).sort((a, b) => a.id.localeCompare(b.id)),
  ];
}

export interface SeedOptions {
  /** the seeding day (default: now); the listings' windows are moved to its month */
  clock?: () => Date;
  /** the governance history (default true); without it the admitted members join as listed */
  governance?: boolean;
  /**
   * the operator saves a plan over the example's listings last (default false): the impact
   * ledger then has flows at the level «identified» and the members' inboxes proposals; the
   * demo and the served example do, tests that count proposals from an empty inbox do not
   */
  plan?: boolean;
}

/**
 * Seeds the taxonomy and the Kuzbass example through the same services as any user,
 * so its history stands in the journal like everything else.
 */
export async function seedExample(
  platform: Platform,
  options: SeedOptions = {},
): Promise<{ organisations: number; sites: number; users: number; listings: number }> {
  const { registry, users, exchange } = platform;
  const clock = options.clock ?? (() => new Date());
  await registry.defineTaxonomy(systemActor, readJson('taxonomy/materials.json'));
  const orgs: ExampleOrganisation[] = readJson('kuzbass/organisations.json');
  // a membership that a decision of the governance history grants starts after that decision
  const admitted = admittedByDecision();
  const byDecision = (id: string, m: { joinedOn: string; leftOn?: string }) =>
    admitted.get(id) === m.joinedOn && !m.leftOn;
  const join = async (id: string) => {
    for (const m of orgs.find((o) => o.id === id)?.memberships ?? [])
      if (byDecision(id, m))
        await registry.addMembership(systemActor, id, {
          role: m.role,
          joinedOn: m.joinedOn,
          note: m.note,
          noteEn: m.noteEn,
        });
  };
  let sites = 0;
  let people = 0;
  for (const o of orgs) {
    const { sites: oSites = [], memberships = [], users: oUsers = [], ...fields } = o;
    await registry.createOrganisation(systemActor, fields as never);
    for (const m of [...memberships].sort((a, b) => a.joinedOn.localeCompare(b.joinedOn))) {
      if (byDecision(o.id, m)) continue;
      await registry.addMembership(
        systemActor,
        o.id,
        { role: m.role, joinedOn: m.joinedOn, note: m.note, noteEn: m.noteEn },
        m.leftOn,
      );
    }
    for (const s of oSites) {
      await registry.addSite(systemActor, o.id, s);
      sites++;
    }
    for (const u of oUsers) {
      await users.createUser(systemActor, o.id, u);
      people++;
    }
  }
  // demo waste licences (labelled: numbers «ДЕМО-…», provenance estimate), so that the deals'
  // licence checks show one deal covered and one not
  const demoLicences: { licences: ({ organisationId: string } & Record<string, unknown>)[] } =
    readJson('kuzbass/licences.json');
  for (const { organisationId, ...l } of demoLicences.licences)
    await registry.addLicence(systemActor, organisationId, l);
  if (options.governance ?? true) await seedGovernance(platform, clock(), join);
  else for (const id of admitted.keys()) await join(id);
  // The exchange's listings, active at once and within their windows on the seeding day, so the
  // demo plan is meaningful whenever it is seeded.
  const listings = exampleListings(clock());
  for (const l of listings) await exchange.createListing(systemActor, { ...l, status: 'active' });
  await (await import('../knowledge/index.ts')).seedKnowledge(platform.knowledge);
  // the smart plant: devices, and telemetry history up to the seeding clock
  await (await import('./plant.ts')).seedPlant(platform, clock());
  // deals in every state, with deliveries over the twelve months before the seeding day
  await (await import('../deals/index.ts')).seedDeals(
    platform.store,
    readJson('kuzbass/deals.json'),
    clock(),
  );
  if (options.plan) await exchange.savePlan(systemActor, {});
  return { organisations: orgs.length, sites, users: people, listings: listings.length };
}
