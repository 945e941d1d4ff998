import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { journalHeadSeq } from '../journal/index.ts';
import { systemActor, type UserRole } from '../model/index.ts';
import type { Platform } from '../platform.ts';

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
 * Seeds the taxonomy and the Kuzbass example through the same services as any user,
 * so its history stands in the journal like everything else.
 */
export async function seedExample(
  platform: Platform,
): Promise<{ organisations: number; sites: number; users: number; listings: number }> {
  const { registry, users, exchange } = platform;
  await registry.defineTaxonomy(systemActor, readJson('taxonomy/materials.json'));
  const orgs: ExampleOrganisation[] = readJson('kuzbass/organisations.json');
  let sites = 0;
  let people = 0;
  for (const o of orgs) {
    const { sites: oSites = [], memberships = [], users: oUsers = [], ...fields } = o;
    await registry.createOrganisation(systemActor, fields as never);
    for (const m of [...memberships].sort((a, b) => a.joinedOn.localeCompare(b.joinedOn))) {
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
  // The exchange's listings, active at once so the demo plan is meaningful.
  const listings: Array<Record<string, unknown>> = readJson('kuzbass/listings.json');
  for (const l of listings) await exchange.createListing(systemActor, { ...l, status: 'active' });
  await (await import('../knowledge/index.ts')).seedKnowledge(platform.knowledge);
  return { organisations: orgs.length, sites, users: people, listings: listings.length };
}
