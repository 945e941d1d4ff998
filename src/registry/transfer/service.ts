import { inTransaction, recordEvent } from '../../journal/index.ts';
import {
  type Actor,
  actorRef,
  type FieldProblem,
  invalid,
  requireOperator,
} from '../../model/index.ts';
import type { Reader, Store, Tx } from '../../store/index.ts';
import { placeSite } from '../engine/index.ts';
import { inPublicDirectory } from '../policy.ts';
import { regionOutline } from '../reference.ts';
import { findMemberships, findOrganisations, findSites, organisationToRow } from '../repository.ts';
import type { Organisation, RegistrySnapshot, TransferFormat } from '../schema.ts';
import { decodeRegistry, encodeRegistry } from './formats.ts';

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The registry as records, in a stable order; `include` picks the organisations (default: all). */
export async function collectSnapshot(
  reader: Reader,
  include: (o: Organisation) => boolean = () => true,
): Promise<RegistrySnapshot> {
  const [allOrgs, allSites, allMemberships] = await Promise.all([
    findOrganisations(reader),
    findSites(reader),
    findMemberships(reader),
  ]);
  const orgs = allOrgs.filter(include);
  const ids = new Set(orgs.map((o) => o.id));
  const sites = allSites.filter((x) => ids.has(x.organisationId));
  const memberships = allMemberships.filter((x) => ids.has(x.organisationId));
  return {
    organisations: orgs.map(({ status: _s, role: _r, createdAt: _c, ...o }) => o).sort(byId),
    sites: sites
      .map(({ agglomeration: _a, nearestCity: _n, inRegion: _i, ...s }) => ({
        ...s,
        address: s.address,
      }))
      .sort(byId),
    memberships: memberships.map((m) => ({ ...m })).sort(byId),
  };
}

export interface ImportResult {
  applied: true;
  counts: { organisations: number; sites: number; memberships: number };
}

/** Import and export of the registry in JSON, CSV (Excel), XLSX and GeoJSON. */
export class TransferService {
  constructor(
    private readonly store: Store,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** What the caller may see of the registry: the public directory, or everything for the operator. */
  async exportRegistry(actor: Actor, format: TransferFormat): Promise<Buffer> {
    return encodeRegistry(
      await collectSnapshot(this.store, (o) => inPublicDirectory(actor, o)),
      format,
    );
  }

  /**
   * Validates every row first; then applies all rows in one transaction (one journal event),
   * or none, reporting each bad row with its line and field.
   */
  async importRegistry(actor: Actor, bytes: Buffer, format: TransferFormat): Promise<ImportResult> {
    requireOperator(actor);
    const { snapshot, problems } = await decodeRegistry(bytes, format);
    if (problems.length)
      throw invalid(`${problems.length} problem(s) in the file; nothing was imported`, problems);
    const s: RegistrySnapshot = {
      organisations: snapshot.organisations ?? [],
      sites: snapshot.sites ?? [],
      memberships: snapshot.memberships ?? [],
    };
    if (!s.organisations.length && !s.sites.length && !s.memberships.length) {
      throw invalid('The file holds no organisations, sites or memberships', [
        { field: '(file)', message: 'empty' },
      ]);
    }
    return inTransaction(this.store, async (tx) => {
      await this.crossCheck(tx, s);
      await this.apply(tx, s);
      const counts = {
        organisations: s.organisations.length,
        sites: s.sites.length,
        memberships: s.memberships.length,
      };
      await recordEvent(
        tx,
        {
          actor: actorRef(actor),
          organisationId: null,
          type: 'registry.imported',
          payload: { format, counts, records: s },
        },
        this.clock(),
      );
      return { applied: true as const, counts };
    });
  }

  /** Rules that span rows or the database: unique ids and identifiers, references that exist. */
  private async crossCheck(tx: Tx, s: RegistrySnapshot): Promise<void> {
    const problems: FieldProblem[] = [];
    const dup = <T extends { id: string }>(rows: T[], section: string) => {
      const seen = new Set<string>();
      rows.forEach((r, i) => {
        if (seen.has(r.id))
          problems.push({ line: i + 1, section, field: 'id', message: `${r.id} appears twice` });
        seen.add(r.id);
      });
    };
    dup(s.organisations, 'organisations');
    dup(s.sites, 'sites');
    dup(s.memberships, 'memberships');
    const existing = await tx.db.selectFrom('organisation').select(['id', 'inn', 'ogrn']).execute();
    const known = new Set([...existing.map((o) => o.id), ...s.organisations.map((o) => o.id)]);
    for (const key of ['inn', 'ogrn'] as const) {
      const owner = new Map(existing.map((o) => [o[key], o.id]));
      s.organisations.forEach((o, i) => {
        const other = owner.get(o[key]);
        if (other && other !== o.id)
          problems.push({
            line: i + 1,
            section: 'organisations',
            field: key,
            message: `already registered for ${other}`,
          });
        owner.set(o[key], o.id);
      });
    }
    const existingSites = new Map(
      (await tx.db.selectFrom('site').select(['id', 'organisation_id']).execute()).map((r) => [
        r.id,
        r.organisation_id,
      ]),
    );
    s.sites.forEach((site, i) => {
      if (!known.has(site.organisationId))
        problems.push({
          line: i + 1,
          section: 'sites',
          field: 'organisationId',
          message: `unknown organisation ${site.organisationId}`,
        });
      const owner = existingSites.get(site.id);
      if (owner && owner !== site.organisationId)
        problems.push({
          line: i + 1,
          section: 'sites',
          field: 'id',
          message: `site ${site.id} belongs to ${owner}`,
        });
    });
    // Membership history is not rewritten by a file: an existing membership keeps its
    // organisation and dates; an import may only end one that is still open.
    const existingMemberships = new Map(
      (await tx.db.selectFrom('membership').selectAll().execute()).map((r) => [r.id, r]),
    );
    s.memberships.forEach((m, i) => {
      const was = existingMemberships.get(m.id);
      if (!was) return;
      const at = { line: i + 1, section: 'memberships' };
      if (was.organisation_id !== m.organisationId)
        problems.push({
          ...at,
          field: 'organisationId',
          message: `membership ${m.id} belongs to ${was.organisation_id}`,
        });
      if (was.joined_on !== m.joinedOn)
        problems.push({
          ...at,
          field: 'joinedOn',
          message: `membership ${m.id} began on ${was.joined_on}; history is not rewritten`,
        });
      if (was.left_on !== null && was.left_on !== m.leftOn)
        problems.push({
          ...at,
          field: 'leftOn',
          message: `membership ${m.id} ended on ${was.left_on}; history is not rewritten`,
        });
    });
    s.memberships.forEach((m, i) => {
      if (!known.has(m.organisationId))
        problems.push({
          line: i + 1,
          section: 'memberships',
          field: 'organisationId',
          message: `unknown organisation ${m.organisationId}`,
        });
    });
    const open = new Map<string, string>();
    for (const m of await tx.db
      .selectFrom('membership')
      .select(['id', 'organisation_id'])
      .where('left_on', 'is', null)
      .execute())
      open.set(m.organisation_id, m.id);
    s.memberships.forEach((m, i) => {
      const other = open.get(m.organisationId);
      if (m.leftOn === null && other && other !== m.id) {
        problems.push({
          line: i + 1,
          section: 'memberships',
          field: 'leftOn',
          message: `${m.organisationId} has an open membership ${other} already`,
        });
      }
      if (m.leftOn === null) open.set(m.organisationId, m.id);
      else if (other === m.id) open.delete(m.organisationId);
    });
    if (problems.length)
      throw invalid(`${problems.length} problem(s) in the file; nothing was imported`, problems);
  }

  private async apply(tx: Tx, s: RegistrySnapshot): Promise<void> {
    const now = this.clock().toISOString();
    for (const o of s.organisations) {
      const current = await tx.db
        .selectFrom('organisation')
        .select(['status', 'created_at'])
        .where('id', '=', o.id)
        .executeTakeFirst();
      const row = organisationToRow({
        ...o,
        status: (current?.status as never) ?? 'applicant',
        createdAt: current?.created_at ?? now,
      });
      if (current)
        await tx.db.updateTable('organisation').set(row).where('id', '=', o.id).execute();
      else await tx.db.insertInto('organisation').values(row).execute();
    }
    const outline = regionOutline();
    for (const site of s.sites) {
      const place = placeSite(site, outline);
      const row = {
        organisation_id: site.organisationId,
        name: site.name,
        kind: site.kind,
        lat: site.lat,
        lon: site.lon,
        address: site.address ?? null,
        agglomeration: place.agglomeration,
        nearest_city: place.nearestCity,
        in_region: place.inRegion ? 1 : 0,
        closed_on: site.closedOn,
      };
      const exists = await tx.db
        .selectFrom('site')
        .select('id')
        .where('id', '=', site.id)
        .executeTakeFirst();
      if (exists) await tx.db.updateTable('site').set(row).where('id', '=', site.id).execute();
      else
        await tx.db
          .insertInto('site')
          .values({ id: site.id, ...row })
          .execute();
    }
    const touched = new Set<string>();
    for (const m of s.memberships) {
      const row = {
        organisation_id: m.organisationId,
        role: m.role,
        joined_on: m.joinedOn,
        left_on: m.leftOn,
        note: m.note ?? null,
      };
      const exists = await tx.db
        .selectFrom('membership')
        .select('id')
        .where('id', '=', m.id)
        .executeTakeFirst();
      if (exists) await tx.db.updateTable('membership').set(row).where('id', '=', m.id).execute();
      else
        await tx.db
          .insertInto('membership')
          .values({ id: m.id, ...row })
          .execute();
      touched.add(m.organisationId);
    }
    // An organisation's status follows its memberships: open one → member, only ended ones → former.
    for (const id of touched) {
      const ms = await tx.db
        .selectFrom('membership')
        .select('left_on')
        .where('organisation_id', '=', id)
        .execute();
      const status = ms.some((m) => m.left_on === null) ? 'member' : 'former';
      await tx.db.updateTable('organisation').set({ status }).where('id', '=', id).execute();
    }
  }
}
