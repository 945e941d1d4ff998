import { createHash } from 'node:crypto';
import { inTransaction, journalHeadSeq, recordEvent } from '../../journal/index.ts';
import {
  type Actor,
  actorRef,
  conflict,
  type FieldProblem,
  invalid,
  type Lang,
  requireOperator,
  WHOLE_FILE,
} from '../../model/index.ts';
import type { Reader, Store, Tx } from '../../store/index.ts';
import { placeSite } from '../engine/index.ts';
import { messages } from '../messages.ts';
import { inPublicDirectory } from '../policy.ts';
import { regionOutline } from '../reference.ts';
import * as repo from '../repository.ts';
import { findMemberships, findOrganisations, findSites } from '../repository.ts';
import {
  type Organisation,
  type RegistrySnapshot,
  type TransferFormat,
  VAT_REGIME_CHANGED,
  type VatRegimeChanged,
  vatRegimeChange,
} from '../schema.ts';
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

export type Change = 'created' | 'updated' | 'unchanged';
type Section = 'organisations' | 'sites' | 'memberships';
type Tally = Record<Change, number>;

export interface ImportResult {
  /** false for a dry run: nothing was written */
  applied: boolean;
  counts: { organisations: number; sites: number; memberships: number };
  /** per section, how many records the file creates, updates or leaves as they are */
  changes: Record<Section, Tally>;
  /** each record of the file, with what the import does to it */
  rows: Array<{
    section: Section;
    line: number;
    id: string;
    name: string | null;
    change: Change;
    /** an updated record: its fields whose values change, in the record's order */
    fields?: string[];
  }>;
  /**
   * The registry's state and the file the preview was made from: applying with it commits
   * exactly what was previewed, or refuses when the registry has changed since.
   */
  preview: string;
}

export interface ImportOptions {
  /** check and compare only; write nothing */
  dryRun?: boolean;
  /** the `preview` of a dry run: apply only if nothing has changed since */
  expect?: string;
}

/** A record as canonical JSON (keys sorted, undefined left out), to tell changed from unchanged. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`)
      .join(',')}}`;
  return JSON.stringify(v ?? null);
}

/** The fields whose values differ between a record as stored and as a file has it. */
function changedFields(was: object, now: object): string[] {
  const a = was as Record<string, unknown>;
  const b = now as Record<string, unknown>;
  // an absent field differs from a null one, as in `canonical` of the whole record
  const value = (v: unknown) => (v === undefined ? 'undefined' : canonical(v));
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (k) => value(a[k]) !== value(b[k]),
  );
}

/** Import and export of the registry in JSON, CSV (Excel), XLSX and GeoJSON. */
export class TransferService {
  constructor(
    private readonly store: Store,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * What the caller may see of the registry: the public directory, or for the operator every
   * organisation but the applications in admissions; headers and the words beside the codes
   * in `lang`.
   */
  async exportRegistry(actor: Actor, format: TransferFormat, lang: Lang = 'ru'): Promise<Buffer> {
    // the registry, not admissions: an application pending or rejected is no record of it (a
    // file has no column that would tell it from a member); one the operator registered is
    const applying = new Set(
      (await repo.findApplications(this.store, 'pending')).map((a) => a.organisationId),
    );
    const snapshot = await collectSnapshot(
      this.store,
      (o) => o.status !== 'rejected' && !applying.has(o.id) && inPublicDirectory(actor, o),
    );
    const agglomerations =
      format === 'geojson'
        ? new Map((await findSites(this.store)).map((x) => [x.id, x.agglomeration]))
        : undefined;
    return encodeRegistry(snapshot, format, { lang, agglomerations });
  }

  /**
   * Validates every row first; then applies all rows in one transaction (one journal event),
   * or none, reporting each bad row with its line and field. A dry run says what each row
   * would do and writes nothing; applying with its `preview` refuses if anything changed since.
   */
  async importRegistry(
    actor: Actor,
    bytes: Buffer,
    format: TransferFormat,
    options: ImportOptions = {},
  ): Promise<ImportResult> {
    requireOperator(actor);
    const { snapshot, problems, lines } = await decodeRegistry(bytes, format);
    if (problems.length) throw invalid(messages.fileProblems({ count: problems.length }), problems);
    const s: RegistrySnapshot = {
      organisations: snapshot.organisations ?? [],
      sites: snapshot.sites ?? [],
      memberships: snapshot.memberships ?? [],
    };
    if (!s.organisations.length && !s.sites.length && !s.memberships.length) {
      throw invalid(messages.fileEmpty(), [{ field: WHOLE_FILE, message: messages.empty() }]);
    }
    const fileHash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
    return inTransaction(this.store, async (tx) => {
      const head = await journalHeadSeq(tx);
      const preview = `${head}-${fileHash}`;
      if (options.expect !== undefined && options.expect !== preview)
        throw conflict(messages.importStale());
      await this.crossCheck(tx, s, lines);
      const { changes, rows } = await this.compare(tx, s, lines);
      const counts = {
        organisations: s.organisations.length,
        sites: s.sites.length,
        memberships: s.memberships.length,
      };
      if (options.dryRun) return { applied: false, counts, changes, rows, preview };
      const regimes = await this.apply(tx, s);
      await recordEvent(
        tx,
        {
          actor: actorRef(actor),
          organisationId: null,
          type: 'registry.imported',
          payload: { format, counts, changes, records: s },
        },
        this.clock(),
      );
      // a regime the file changed is told as a change through the profile is
      for (const changed of regimes)
        await recordEvent(
          tx,
          {
            actor: actorRef(actor),
            organisationId: changed.organisationId,
            type: VAT_REGIME_CHANGED,
            payload: changed,
          },
          this.clock(),
        );
      return { applied: true, counts, changes, rows, preview };
    });
  }

  /** What the import does to each record: creates it, changes it, or finds it as it is. */
  private async compare(
    tx: Tx,
    s: RegistrySnapshot,
    lines: Partial<Record<Section, number[]>>,
  ): Promise<Pick<ImportResult, 'changes' | 'rows'>> {
    const now = await collectSnapshot(tx);
    const changes = {} as ImportResult['changes'];
    const rows: ImportResult['rows'] = [];
    for (const section of ['organisations', 'sites', 'memberships'] as const) {
      const was = new Map<string, object>(now[section].map((r) => [r.id, r]));
      const tally: Tally = { created: 0, updated: 0, unchanged: 0 };
      s[section].forEach((r, i) => {
        const old = was.get(r.id);
        const fields = old === undefined ? [] : changedFields(old, r);
        const change: Change =
          old === undefined ? 'created' : fields.length ? 'updated' : 'unchanged';
        tally[change]++;
        rows.push({
          section,
          line: lines[section]?.[i] ?? i + 1,
          id: r.id,
          name: 'name' in r ? r.name : null,
          change,
          ...(fields.length ? { fields } : {}),
        });
      });
      changes[section] = tally;
    }
    return { changes, rows };
  }

  /** Rules that span rows or the database: unique ids and identifiers, references that exist. */
  private async crossCheck(
    tx: Tx,
    s: RegistrySnapshot,
    lines: Partial<Record<Section, number[]>>,
  ): Promise<void> {
    const found: FieldProblem[] = [];
    // each problem at the row's own line in the file (CSV and XLSX lines, JSON positions)
    const problems = {
      push: (p: FieldProblem) =>
        found.push({
          ...p,
          line: lines[p.section as Section]?.[(p.line ?? 1) - 1] ?? p.line,
        }),
    };
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
    if (found.length) throw invalid(messages.fileProblems({ count: found.length }), found);
  }

  /** Writes the file's records; returns the recorded organisations whose VAT regime it changed. */
  private async apply(tx: Tx, s: RegistrySnapshot): Promise<VatRegimeChanged[]> {
    const now = this.clock().toISOString();
    const regimes: VatRegimeChanged[] = [];
    for (const o of s.organisations) {
      const current = await repo.organisationStatus(tx, o.id);
      const recorded = current?.vatRegime as Organisation['vatRegime'] | undefined;
      // a file without the column (from before it) leaves a recorded regime as it is
      const vatRegime = o.vatRegime ?? recorded ?? 'general';
      const row = repo.organisationToRow({
        ...o,
        vatRegime,
        status: (current?.status as Organisation['status'] | undefined) ?? 'applicant',
        createdAt: current?.createdAt ?? now,
      });
      if (current) await repo.updateOrganisation(tx, row);
      else await repo.insertOrganisation(tx, row);
      const changed = vatRegimeChange({ ...o, vatRegime }, recorded);
      if (changed) regimes.push(changed);
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
    return regimes;
  }
}
