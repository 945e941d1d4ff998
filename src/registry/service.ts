import argon2 from 'argon2';
import { inTransaction, recordEvent } from '../journal/index.ts';
import {
  type Actor,
  actorRef,
  conflict,
  invalid,
  notFound,
  parseInput,
  requireOperator,
  requireOrganisationRole,
} from '../model/index.ts';
import type { Store, Tx } from '../store/index.ts';
import { placeSite } from './engine/index.ts';
import { newId, slugId } from './ids.ts';
import { fkkoCatalogue, regionOutline } from './reference.ts';
import {
  findApplications,
  findOrganisation,
  findSite,
  materialToRow,
  membershipFromRow,
  organisationToRow,
} from './repository.ts';
import {
  AdmissionDecision,
  ApplicationInput,
  type Material,
  MaterialInput,
  type Membership,
  MembershipEnd,
  MembershipInput,
  type Organisation,
  OrganisationInput,
  OrganisationPatch,
  type Site,
  SiteInput,
  SitePatch,
  Taxonomy,
} from './schema.ts';
import { requireFreeEmail } from './users.ts';

const today = (now: Date) => now.toISOString().slice(0, 10);

/** Organisations, sites, memberships, applications and the material taxonomy: every change with its journal event. */
export class RegistryService {
  constructor(
    private readonly store: Store,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * INN and OGRN belong to one organisation. The answer names the field, never the other
   * organisation: the public application form must not tell who has registered or applied.
   */
  private async uniqueIdentifiers(
    tx: Tx,
    o: { inn?: string; ogrn?: string },
    exceptId?: string,
    fieldPrefix = '',
  ) {
    const fields = [];
    for (const key of ['inn', 'ogrn'] as const) {
      const value = o[key];
      if (!value) continue;
      let q = tx.db.selectFrom('organisation').select('id').where(key, '=', value);
      if (exceptId) q = q.where('id', '!=', exceptId);
      const other = await q.executeTakeFirst();
      if (other)
        fields.push({
          field: `${fieldPrefix}${key}`,
          message: 'already registered; contact the cluster operator',
        });
    }
    if (fields.length) throw conflict('An organisation with these identifiers exists', fields);
  }

  private async insertOrganisation(
    tx: Tx,
    input: OrganisationInput,
    status: Organisation['status'],
    fieldPrefix = '',
  ) {
    const o = parseInput(OrganisationInput, input);
    const id = o.id ?? slugId(o.nameEn ?? o.name);
    if (
      await tx.db.selectFrom('organisation').select('id').where('id', '=', id).executeTakeFirst()
    ) {
      throw conflict(`Organisation ${id} exists`, [
        { field: `${fieldPrefix}id`, message: 'already taken' },
      ]);
    }
    await this.uniqueIdentifiers(tx, o, undefined, fieldPrefix);
    const organisation = { ...o, id, status, createdAt: this.clock().toISOString() };
    await tx.db.insertInto('organisation').values(organisationToRow(organisation)).execute();
    return organisation;
  }

  /** Direct registration by the operator (applications go through submitApplication). */
  async createOrganisation(actor: Actor, input: OrganisationInput): Promise<Organisation> {
    requireOperator(actor);
    return inTransaction(this.store, async (tx) => {
      const o = await this.insertOrganisation(tx, input, 'applicant');
      await recordEvent(
        tx,
        {
          actor: actorRef(actor),
          organisationId: o.id,
          type: 'organisation.registered',
          payload: o,
        },
        this.clock(),
      );
      return { ...o, role: null };
    });
  }

  async updateOrganisation(actor: Actor, id: string, patch: unknown): Promise<Organisation> {
    const p = parseInput(OrganisationPatch, patch);
    requireOrganisationRole(actor, id, 'org_admin');
    return inTransaction(this.store, async (tx) => {
      const current = await findOrganisation(tx, id);
      if (!current) throw notFound(`Organisation ${id} does not exist`);
      const next = { ...current, ...p };
      if (next.knowledgeWorkers > next.employees) {
        throw invalid('Invalid organisation', [
          { field: 'knowledgeWorkers', message: 'cannot exceed employees' },
        ]);
      }
      await this.uniqueIdentifiers(tx, p, id);
      const { role: _role, ...rest } = next;
      await tx.db
        .updateTable('organisation')
        .set(organisationToRow(rest))
        .where('id', '=', id)
        .execute();
      await recordEvent(
        tx,
        {
          actor: actorRef(actor),
          organisationId: id,
          type: 'organisation.updated',
          payload: { id, changes: p },
        },
        this.clock(),
      );
      return next;
    });
  }

  async addSite(actor: Actor, organisationId: string, input: unknown): Promise<Site> {
    const s = parseInput(SiteInput, input);
    requireOrganisationRole(actor, organisationId, 'member');
    return inTransaction(this.store, async (tx) => {
      if (!(await findOrganisation(tx, organisationId)))
        throw notFound(`Organisation ${organisationId} does not exist`);
      const id = s.id ?? slugId(s.name);
      if (await findSite(tx, id))
        throw conflict(`Site ${id} exists`, [{ field: 'id', message: 'already taken' }]);
      const place = placeSite(s, regionOutline());
      const site: Site = { ...s, id, organisationId, ...place, closedOn: null };
      await tx.db
        .insertInto('site')
        .values({
          id,
          organisation_id: organisationId,
          name: s.name,
          kind: s.kind,
          lat: s.lat,
          lon: s.lon,
          address: s.address ?? null,
          agglomeration: place.agglomeration,
          nearest_city: place.nearestCity,
          in_region: place.inRegion ? 1 : 0,
          closed_on: null,
        })
        .execute();
      await recordEvent(
        tx,
        { actor: actorRef(actor), organisationId, type: 'site.added', payload: site },
        this.clock(),
      );
      return site;
    });
  }

  async updateSite(actor: Actor, siteId: string, patch: unknown): Promise<Site> {
    const p = parseInput(SitePatch, patch);
    return inTransaction(this.store, async (tx) => {
      const current = await findSite(tx, siteId);
      if (!current) throw notFound(`Site ${siteId} does not exist`);
      requireOrganisationRole(actor, current.organisationId, 'member');
      const moved = { ...current, ...p };
      const place = placeSite(moved, regionOutline());
      const next: Site = { ...moved, ...place };
      await tx.db
        .updateTable('site')
        .set({
          name: next.name,
          kind: next.kind,
          lat: next.lat,
          lon: next.lon,
          address: next.address ?? null,
          agglomeration: place.agglomeration,
          nearest_city: place.nearestCity,
          in_region: place.inRegion ? 1 : 0,
        })
        .where('id', '=', siteId)
        .execute();
      await recordEvent(
        tx,
        {
          actor: actorRef(actor),
          organisationId: current.organisationId,
          type: 'site.updated',
          payload: { id: siteId, changes: p, ...place },
        },
        this.clock(),
      );
      return next;
    });
  }

  async closeSite(actor: Actor, siteId: string, closedOn?: string): Promise<Site> {
    return inTransaction(this.store, async (tx) => {
      const current = await findSite(tx, siteId);
      if (!current) throw notFound(`Site ${siteId} does not exist`);
      requireOrganisationRole(actor, current.organisationId, 'member');
      if (current.closedOn) throw conflict(`Site ${siteId} was closed on ${current.closedOn}`);
      const on = closedOn ?? today(this.clock());
      await tx.db.updateTable('site').set({ closed_on: on }).where('id', '=', siteId).execute();
      await recordEvent(
        tx,
        {
          actor: actorRef(actor),
          organisationId: current.organisationId,
          type: 'site.closed',
          payload: { id: siteId, closedOn: on },
        },
        this.clock(),
      );
      return { ...current, closedOn: on };
    });
  }

  private async startMembership(
    tx: Tx,
    organisationId: string,
    m: MembershipInput,
    leftOn: string | null = null,
  ) {
    const open = await tx.db
      .selectFrom('membership')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where('left_on', 'is', null)
      .executeTakeFirst();
    if (open && !leftOn)
      throw conflict(`Organisation ${organisationId} is a member already (membership ${open.id})`);
    const row = {
      id: newId(),
      organisation_id: organisationId,
      role: m.role,
      joined_on: m.joinedOn,
      left_on: leftOn,
      note: m.note ?? null,
    };
    await tx.db.insertInto('membership').values(row).execute();
    await tx.db
      .updateTable('organisation')
      .set({ status: leftOn && !open ? 'former' : 'member' })
      .where('id', '=', organisationId)
      .execute();
    return membershipFromRow(row);
  }

  /** Admits an organisation directly (the operator), or records a past membership with its end date (the example's history). */
  async addMembership(
    actor: Actor,
    organisationId: string,
    input: unknown,
    leftOn?: string,
  ): Promise<Membership> {
    const m = parseInput(MembershipInput, input);
    requireOperator(actor);
    if (leftOn && leftOn < m.joinedOn)
      throw invalid('Invalid membership', [
        { field: 'leftOn', message: 'must not be before joinedOn' },
      ]);
    return inTransaction(this.store, async (tx) => {
      if (!(await findOrganisation(tx, organisationId)))
        throw notFound(`Organisation ${organisationId} does not exist`);
      const membership = await this.startMembership(tx, organisationId, m, leftOn ?? null);
      await recordEvent(
        tx,
        { actor: actorRef(actor), organisationId, type: 'membership.started', payload: membership },
        this.clock(),
      );
      return membership;
    });
  }

  /** An organisation is never deleted: its membership ends. The operator, or the organisation's own admin (leaving). */
  async endMembership(actor: Actor, membershipId: string, input: unknown): Promise<Membership> {
    const e = parseInput(MembershipEnd, input);
    return inTransaction(this.store, async (tx) => {
      const row = await tx.db
        .selectFrom('membership')
        .selectAll()
        .where('id', '=', membershipId)
        .executeTakeFirst();
      if (!row) throw notFound(`Membership ${membershipId} does not exist`);
      requireOrganisationRole(actor, row.organisation_id, 'org_admin');
      if (row.left_on) throw conflict(`Membership ${membershipId} ended on ${row.left_on}`);
      if (e.leftOn < row.joined_on)
        throw invalid('Invalid membership end', [
          { field: 'leftOn', message: `must not be before ${row.joined_on}` },
        ]);
      const note = e.note ?? row.note;
      await tx.db
        .updateTable('membership')
        .set({ left_on: e.leftOn, note })
        .where('id', '=', membershipId)
        .execute();
      await tx.db
        .updateTable('organisation')
        .set({ status: 'former' })
        .where('id', '=', row.organisation_id)
        .execute();
      const membership = membershipFromRow({ ...row, left_on: e.leftOn, note });
      await recordEvent(
        tx,
        {
          actor: actorRef(actor),
          organisationId: row.organisation_id,
          type: 'membership.ended',
          payload: membership,
        },
        this.clock(),
      );
      return membership;
    });
  }

  /** Anyone may apply: the organisation (status applicant) and its first admin (pending) wait for the operator. */
  async submitApplication(actor: Actor, input: unknown) {
    const a = parseInput(ApplicationInput, input);
    const passwordHash = await argon2.hash(a.admin.password, { type: argon2.argon2id });
    return inTransaction(this.store, async (tx) => {
      await requireFreeEmail(tx, a.admin.email, 'admin.email');
      const o = await this.insertOrganisation(tx, a.organisation, 'applicant', 'organisation.');
      const now = this.clock().toISOString();
      const application = {
        id: newId(),
        organisation_id: o.id,
        requested_role: a.requestedRole,
        motivation: a.motivation ?? null,
        status: 'pending',
        submitted_at: now,
        decided_at: null,
        decision_note: null,
      };
      await tx.db.insertInto('application').values(application).execute();
      const userId = newId();
      await tx.db
        .insertInto('app_user')
        .values({
          id: userId,
          organisation_id: o.id,
          email: a.admin.email.toLowerCase(),
          name: a.admin.name,
          role: 'org_admin',
          locale: 'ru',
          status: 'pending',
          password_hash: passwordHash,
          created_at: now,
        })
        .execute();
      const payload = {
        application: {
          id: application.id,
          requestedRole: a.requestedRole,
          motivation: a.motivation,
        },
        organisation: o,
        admin: { id: userId, email: a.admin.email.toLowerCase(), name: a.admin.name },
      };
      await recordEvent(
        tx,
        { actor: actorRef(actor), organisationId: o.id, type: 'application.submitted', payload },
        this.clock(),
      );
      return (await findApplications(tx, undefined, application.id))[0];
    });
  }

  async decideApplication(
    actor: Actor,
    applicationId: string,
    admit: boolean,
    input: unknown = {},
  ) {
    const d = parseInput(AdmissionDecision, input);
    requireOperator(actor);
    return inTransaction(this.store, async (tx) => {
      const app = await tx.db
        .selectFrom('application')
        .selectAll()
        .where('id', '=', applicationId)
        .executeTakeFirst();
      if (!app) throw notFound(`Application ${applicationId} does not exist`);
      if (app.status !== 'pending')
        throw conflict(`Application ${applicationId} is ${app.status} already`);
      const now = this.clock();
      await tx.db
        .updateTable('application')
        .set({
          status: admit ? 'admitted' : 'rejected',
          decided_at: now.toISOString(),
          decision_note: d.note ?? null,
        })
        .where('id', '=', applicationId)
        .execute();
      let membership: Membership | null = null;
      if (admit) {
        membership = await this.startMembership(tx, app.organisation_id, {
          role: d.role ?? (app.requested_role as Membership['role']),
          joinedOn: d.joinedOn ?? today(now),
          note: d.note,
        });
        await tx.db
          .updateTable('app_user')
          .set({ status: 'active' })
          .where('organisation_id', '=', app.organisation_id)
          .where('status', '=', 'pending')
          .execute();
      } else {
        await tx.db
          .updateTable('organisation')
          .set({ status: 'rejected' })
          .where('id', '=', app.organisation_id)
          .execute();
        await tx.db
          .updateTable('app_user')
          .set({ status: 'disabled' })
          .where('organisation_id', '=', app.organisation_id)
          .where('status', '=', 'pending')
          .execute();
      }
      await recordEvent(
        tx,
        {
          actor: actorRef(actor),
          organisationId: app.organisation_id,
          type: admit ? 'application.admitted' : 'application.rejected',
          payload: { applicationId, membership, note: d.note ?? null },
        },
        now,
      );
      return (await findApplications(tx, undefined, applicationId))[0];
    });
  }

  private checkFkko(m: Material): void {
    const catalogue = fkkoCatalogue();
    const fields = (m.fkko ?? [])
      .map((code, i) => ({ code, i }))
      .filter(({ code }) => !catalogue.get(code))
      .map(({ code, i }) => ({
        field: `fkko.${i}`,
        message: `${code} is not in the FKKO catalogue of 2026-03-25`,
      }));
    if (m.waste && (m.fkko ?? []).length === 0)
      fields.push({ field: 'fkko', message: 'a waste needs at least one FKKO code' });
    if (fields.length) throw invalid(`Invalid material ${m.id}`, fields);
  }

  /** Defines (or redefines) the whole taxonomy in one change, as the seed and an import do. */
  async defineTaxonomy(actor: Actor, input: unknown): Promise<void> {
    const t = parseInput(Taxonomy, input);
    requireOperator(actor);
    const propertyIds = new Set(t.properties.map((p) => p.id));
    const useIds = new Set(t.uses.map((u) => u.id));
    const fields = t.materials.flatMap((m, i) => [
      ...(m.properties ?? [])
        .filter((p) => !propertyIds.has(p))
        .map((p) => ({ field: `materials.${i}.properties`, message: `unknown property ${p}` })),
      ...(m.uses ?? [])
        .filter((u) => !useIds.has(u))
        .map((u) => ({ field: `materials.${i}.uses`, message: `unknown use ${u}` })),
    ]);
    if (fields.length) throw invalid('Invalid taxonomy', fields);
    for (const m of t.materials) this.checkFkko(m as Material);
    await inTransaction(this.store, async (tx) => {
      await tx.db.deleteFrom('material').execute();
      await tx.db.deleteFrom('material_use').execute();
      await tx.db.deleteFrom('quality_property').execute();
      for (const p of t.properties) {
        await tx.db
          .insertInto('quality_property')
          .values({
            id: p.id,
            name_ru: p.name.ru,
            name_en: p.name.en,
            symbol: p.symbol,
            unit: p.unit,
          })
          .execute();
      }
      for (const u of t.uses)
        await tx.db
          .insertInto('material_use')
          .values({ id: u.id, name_ru: u.name.ru, name_en: u.name.en })
          .execute();
      for (const m of t.materials)
        await tx.db
          .insertInto('material')
          .values(materialToRow(m as Material))
          .execute();
      await recordEvent(
        tx,
        { actor: actorRef(actor), organisationId: null, type: 'taxonomy.defined', payload: t },
        this.clock(),
      );
    });
  }

  /** Adds or replaces one material. */
  async defineMaterial(actor: Actor, input: unknown): Promise<Material> {
    const m = parseInput(MaterialInput, input) as Material;
    requireOperator(actor);
    this.checkFkko(m);
    return inTransaction(this.store, async (tx) => {
      const props = new Set(
        (await tx.db.selectFrom('quality_property').select('id').execute()).map((r) => r.id),
      );
      const uses = new Set(
        (await tx.db.selectFrom('material_use').select('id').execute()).map((r) => r.id),
      );
      const fields = [
        ...(m.properties ?? [])
          .filter((p) => !props.has(p))
          .map((p) => ({ field: 'properties', message: `unknown property ${p}` })),
        ...(m.uses ?? [])
          .filter((u) => !uses.has(u))
          .map((u) => ({ field: 'uses', message: `unknown use ${u}` })),
      ];
      if (fields.length) throw invalid(`Invalid material ${m.id}`, fields);
      await tx.db.deleteFrom('material').where('id', '=', m.id).execute();
      await tx.db.insertInto('material').values(materialToRow(m)).execute();
      await recordEvent(
        tx,
        { actor: actorRef(actor), organisationId: null, type: 'material.defined', payload: m },
        this.clock(),
      );
      return m;
    });
  }
}
