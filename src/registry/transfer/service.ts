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
import { messages } from '../messages.ts';
import { inPublicDirectory } from '../policy.ts';
import { regionOutline } from '../reference.ts';
import * as repo from '../repository.ts';
import { findMemberships, findOrganisations, findSites } from '../repository.ts';
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
    if (problems.length) throw invalid(messages.fileProblems({ count: problems.length }), problems);
    const s: RegistrySnapshot = {
      organisations: snapshot.organisations ?? [],
      sites: snapshot.sites ?? [],
      memberships: snapshot.memberships ?? [],
    };
    if (!s.organisations.length && !s.sites.length && !s.memberships.length) {
      throw invalid(messages.fileEmpty(), [{ field: '(file)', message: messages.empty() }]);
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
          problems.push({
            line: i + 1,
            section,
            field: 'id',
            message: messages.appearsTwice({ id: r.id }),
          });
        seen.add(r.id);
      });
    };
    dup(s.organisations, 'organisations');
    dup(s.sites, 'sites');
    dup(s.memberships, 'memberships');
    const existing = await repo.allIdentifiers(tx);
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
            message: messages.identifierOf({ id: other }),
          });
        owner.set(o[key], o.id);
      });
    }
    const existingSites = await repo.siteOwners(tx);
    s.sites.forEach((site, i) => {
      const at = { line: i + 1, section: 'sites' };
      if (!known.has(site.organisationId))
        problems.push({
          ...at,
          field: 'organisationId',
          message: messages.unknownOrganisation({ id: site.organisationId }),
        });
      const owner = existingSites.get(site.id);
      if (owner && owner !== site.organisationId)
        problems.push({
          ...at,
          field: 'id',
          message: messages.siteBelongs({ id: site.id, organisationId: owner }),
        });
    });
    // Membership history is not rewritten by a file: an existing membership keeps its
    // organisation and dates; an import may only end one that is still open.
    const existingMemberships = new Map((await findMemberships(tx)).map((m) => [m.id, m]));
    s.memberships.forEach((m, i) => {
      const at = { line: i + 1, section: 'memberships' };
      if (!known.has(m.organisationId))
        problems.push({
          ...at,
          field: 'organisationId',
          message: messages.unknownOrganisation({ id: m.organisationId }),
        });
      const was = existingMemberships.get(m.id);
      if (!was) return;
      if (was.organisationId !== m.organisationId)
        problems.push({
          ...at,
          field: 'organisationId',
          message: messages.membershipBelongs({ id: m.id, organisationId: was.organisationId }),
        });
      if (was.joinedOn !== m.joinedOn)
        problems.push({
          ...at,
          field: 'joinedOn',
          message: messages.membershipBegan({ id: m.id, joinedOn: was.joinedOn }),
        });
      if (was.leftOn !== null && was.leftOn !== m.leftOn)
        problems.push({
          ...at,
          field: 'leftOn',
          message: messages.membershipEndedOn({ id: m.id, leftOn: was.leftOn }),
        });
    });
    const open = await repo.openMemberships(tx);
    s.memberships.forEach((m, i) => {
      const other = open.get(m.organisationId);
      if (m.leftOn === null && other && other !== m.id) {
        problems.push({
          line: i + 1,
          section: 'memberships',
          field: 'leftOn',
          message: messages.openMembershipExists({
            organisationId: m.organisationId,
            membershipId: other,
          }),
        });
      }
      if (m.leftOn === null) open.set(m.organisationId, m.id);
      else if (other === m.id) open.delete(m.organisationId);
    });
    if (problems.length) throw invalid(messages.fileProblems({ count: problems.length }), problems);
  }

  private async apply(tx: Tx, s: RegistrySnapshot): Promise<void> {
    const now = this.clock().toISOString();
    for (const o of s.organisations) {
      const current = await repo.organisationStatus(tx, o.id);
      const row = repo.organisationToRow({
        ...o,
        status: (current?.status as Organisation['status'] | undefined) ?? 'applicant',
        createdAt: current?.createdAt ?? now,
      });
      if (current) await repo.updateOrganisation(tx, row);
      else await repo.insertOrganisation(tx, row);
    }
    const outline = regionOutline();
    const sites = await repo.siteOwners(tx);
    for (const site of s.sites) {
      const row = repo.siteToRow(site, placeSite(site, outline));
      if (sites.has(site.id)) await repo.updateSite(tx, row);
      else await repo.insertSite(tx, row);
    }
    const memberships = new Set((await findMemberships(tx)).map((m) => m.id));
    const touched = new Set<string>();
    for (const m of s.memberships) {
      if (memberships.has(m.id)) await repo.updateMembership(tx, m);
      else await repo.insertMembership(tx, m);
      touched.add(m.organisationId);
    }
    // An organisation's status follows its memberships: open one → member, only ended ones → former.
    for (const id of touched) {
      const open = (await findMemberships(tx, id)).some((m) => m.leftOn === null);
      await repo.setOrganisationStatus(tx, id, open ? 'member' : 'former');
    }
  }
}
