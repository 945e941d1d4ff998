// Organisations, sites, memberships, applications and the material taxonomy: access checks,
// rules and journal events. Every event carries the full new state of what it changes;
// `organisation.vat-regime-changed` { organisationId, name, nameEn, from, to } follows
// `organisation.updated` when the VAT regime changed (its open deals tell the counterpart).
import { createHash, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { inTransaction, type JournalEntry, listEvents, recordEvent } from '../journal/index.ts';
import { clusterDay, latestDay } from '../model/days.ts';
import {
  type Actor,
  actorRef,
  conflict,
  type FieldProblem,
  invalid,
  type Lang,
  notFound,
  parseInput,
  requireOperator,
  requireOrganisationRole,
  systemActor,
} from '../model/index.ts';
import type { Reader, Store, Tx } from '../store/index.ts';
import { placeSite } from './engine/index.ts';
import { newId, slugId } from './ids.ts';
import { messages, rules } from './messages.ts';
import { hashPassword } from './passwords.ts';
import { inPublicDirectory } from './policy.ts';
import { fkkoCatalogue, regionOutline } from './reference.ts';
import * as repo from './repository.ts';
import {
  AdmissionDecision,
  type Application,
  ApplicationInput,
  type ApplicationReceipt,
  type ApplicationStatusView,
  type DuplicateAnswer,
  DuplicateAnswerNote,
  type DuplicateApplication,
  type Material,
  MaterialInput,
  type MaterialUse,
  type Membership,
  MembershipEnd,
  MembershipInput,
  type Organisation,
  OrganisationInput,
  OrganisationPatch,
  type QualityProperty,
  ReapplicationInput,
  RejectionDecision,
  type Site,
  SiteInput,
  SitePatch,
  Taxonomy,
  VAT_REGIME_CHANGED,
  vatRegimeChange,
  type WasteLicence,
  WasteLicenceInput,
} from './schema.ts';
import { requireFreeEmail } from './users.ts';

/** An application as parsed (defaults applied). */
type ParsedApplication = z.output<typeof ApplicationInput>;
/** Today as the cluster counts it (Kemerovo): the default day of a closing, removal or joining. */
const today = (now: Date) => clusterDay(now.getTime());
/** Federal Law 89-FZ «On production and consumption waste», which licenses waste activity. */
const WASTE_LAW_DAY = '1998-06-24';
/** A status link's token: 32 random bytes, shown once; only its sha256 is kept (high entropy: no slow hash needed). */
const newStatusToken = () => randomBytes(32).toString('base64url');
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** A site as an application gives it back to be edited (the derived fields left out). */
const siteInputOf = (s: Site) => ({
  name: s.name,
  kind: s.kind,
  lat: s.lat,
  lon: s.lon,
  ...(s.address !== undefined ? { address: s.address } : {}),
  monotown: s.monotown,
  specialTerritory: s.specialTerritory,
  territoryProvenance: s.territoryProvenance,
});
/** Statuses the public directory shows: only these may be named in a conflict with an applicant. */
const isPublic = (status: string) => status === 'member' || status === 'former';

/** Organisations, sites, memberships, applications and the material taxonomy: every change with its journal event. */
/** How many repeated applications the operator's list shows, newest first. */
export const DUPLICATES_LISTED = 500;

export class RegistryService {
  constructor(
    private readonly store: Store,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private event(
    tx: Tx,
    actor: Actor,
    organisationId: string | null,
    type: string,
    payload: unknown,
  ) {
    return recordEvent(tx, { actor: actorRef(actor), organisationId, type, payload }, this.clock());
  }

  // --- the member directory (reads) ---

  /** The directory as the caller may see it: members and former members; applicants to themselves and the operator. */
  async listOrganisations(
    actor: Actor,
    filter: repo.OrganisationFilter = {},
  ): Promise<Organisation[]> {
    return (await repo.findOrganisations(this.store, filter)).filter((o) =>
      inPublicDirectory(actor, o),
    );
  }

  async getOrganisation(actor: Actor, id: string): Promise<Organisation> {
    const o = await repo.findOrganisation(this.store, id);
    if (!o || !inPublicDirectory(actor, o)) throw notFound(messages.organisationNotFound({ id }));
    return o;
  }

  /** Sites of the organisations the caller may see. */
  async listSites(actor: Actor, filter: { agglomeration?: string } = {}): Promise<Site[]> {
    const shown = await this.directoryIds(actor);
    return (await repo.findSites(this.store, filter)).filter((s) => shown.has(s.organisationId));
  }

  async sitesOf(actor: Actor, organisationId: string): Promise<Site[]> {
    await this.getOrganisation(actor, organisationId);
    return repo.findSites(this.store, { organisationId });
  }

  /** Membership history, of one organisation or all, as far as the caller may see them. */
  async listMemberships(actor: Actor, organisationId?: string): Promise<Membership[]> {
    const shown = await this.directoryIds(actor);
    if (organisationId && !shown.has(organisationId))
      throw notFound(messages.organisationNotFound({ id: organisationId }));
    return (await repo.findMemberships(this.store, organisationId)).filter((m) =>
      shown.has(m.organisationId),
    );
  }

  async listApplications(actor: Actor, status?: string): Promise<Application[]> {
    requireOperator(actor);
    return repo.findApplications(this.store, status);
  }

  /**
   * The applications answered as usual though they repeat hidden records (F8), the newest
   * DUPLICATES_LISTED first,
   * each with the organisations now holding what it repeats: the operator settles them by
   * e-mail, since the applicant's status link stays "pending".
   */
  async listDuplicateApplications(actor: Actor): Promise<DuplicateApplication[]> {
    requireOperator(actor);
    const events: JournalEntry[] = [];
    for (;;) {
      const page = await listEvents(this.store, {
        type: 'application.duplicate',
        afterSeq: events.at(-1)?.seq ?? 0,
        limit: 5000,
      });
      events.push(...page);
      if (page.length < 5000) break;
    }
    const answers = await this.duplicateAnswers(this.store);
    const out: DuplicateApplication[] = [];
    // the newest ones: a flood of repeats (they are cheap to send) must not make the list slow
    for (const e of events.reverse().slice(0, DUPLICATES_LISTED)) {
      const {
        application: a,
        organisation: o,
        duplicates,
      } = e.payload as {
        application: Application;
        organisation: { inn: string; ogrn: string };
        duplicates: string;
      };
      const repeats = duplicates.split(', ') as DuplicateApplication['repeats'];
      const holders = new Set<string>();
      if (repeats.includes('organisation.id')) holders.add(a.organisationId);
      for (const key of ['inn', 'ogrn'] as const) {
        const owner = repeats.includes(`organisation.${key}`)
          ? await repo.identifierOwner(this.store, key, o[key])
          : undefined;
        if (owner) holders.add(owner.id);
      }
      const user = repeats.includes('admin.email')
        ? await repo.userRowByEmail(this.store, a.contactEmail ?? '')
        : undefined;
      if (user?.organisation_id) holders.add(user.organisation_id);
      const existing: DuplicateApplication['existing'] = [];
      for (const id of holders) {
        const held = await repo.findOrganisation(this.store, id);
        if (held)
          existing.push({ organisationId: id, organisationName: held.name, status: held.status });
      }
      out.push({
        answered: answers.get(e.seq) ?? null,
        seq: e.seq,
        submittedAt: a.submittedAt,
        organisationName: a.organisationName,
        inn: o.inn,
        ogrn: o.ogrn,
        contactName: a.contactName ?? '',
        contactEmail: a.contactEmail ?? '',
        motivation: a.motivation,
        repeats,
        existing,
      });
    }
    return out;
  }

  /**
   * The operator records how it settled a repeated application (it answers the applicant by
   * e-mail, since the status link stays "pending"): a journal event, so that the list marks it
   * and the queue counts only those still waiting. Recorded once; 404 for a number that is not
   * a repeated application.
   */
  async answerDuplicateApplication(
    actor: Actor,
    seq: number,
    input: unknown,
  ): Promise<DuplicateAnswer> {
    requireOperator(actor);
    const { note } = parseInput(DuplicateAnswerNote, input);
    return inTransaction(this.store, async (tx) => {
      const [e] = await listEvents(tx, { afterSeq: seq - 1, limit: 1 });
      if (e?.seq !== seq || e.type !== 'application.duplicate')
        throw notFound(messages.duplicateNotFound({ seq }));
      if ((await this.duplicateAnswers(tx)).has(seq))
        throw conflict(messages.duplicateAnswered({ seq }));
      const recorded = await this.event(tx, actor, null, 'application.duplicate-answered', {
        seq,
        note,
      });
      return { at: recorded.at, by: await this.operatorName(tx, actorRef(actor)), note };
    });
  }

  /** Each answered repeated application's answer, by the number of its journal event. */
  private async duplicateAnswers(reader: Reader): Promise<Map<number, DuplicateAnswer>> {
    const answers = new Map<number, DuplicateAnswer>();
    for (let after = 0; ; ) {
      const page = await listEvents(reader, {
        type: 'application.duplicate-answered',
        afterSeq: after,
        limit: 5000,
      });
      for (const e of page) {
        const { seq, note } = e.payload as { seq: number; note: string };
        if (!answers.has(seq))
          answers.set(seq, { at: e.at, by: await this.operatorName(reader, e.actor), note });
      }
      if (page.length < 5000) break;
      after = page[page.length - 1].seq;
    }
    return answers;
  }

  /** A journal actor as the operators know each other: a user's name, else its reference. */
  private async operatorName(reader: Reader, ref: string): Promise<string> {
    return (await repo.userRow(reader, ref))?.name ?? ref;
  }

  listMaterials(): Promise<Material[]> {
    return repo.findMaterials(this.store);
  }

  async getMaterial(id: string): Promise<Material> {
    const m = (await repo.findMaterials(this.store)).find((x) => x.id === id);
    if (!m) throw notFound(messages.materialNotFound({ id }));
    return m;
  }

  listProperties(): Promise<QualityProperty[]> {
    return repo.findProperties(this.store);
  }

  listUses(): Promise<MaterialUse[]> {
    return repo.findUses(this.store);
  }

  /** Ids of the organisations the caller may see in the directory. */
  private async directoryIds(actor: Actor): Promise<Set<string>> {
    return new Set((await this.listOrganisations(actor)).map((o) => o.id));
  }

  // --- organisations ---

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
    const fields: FieldProblem[] = [];
    for (const key of ['inn', 'ogrn'] as const) {
      const value = o[key];
      if (value && (await repo.identifierTaken(tx, key, value, exceptId)))
        fields.push({ field: `${fieldPrefix}${key}`, message: messages.identifierRegistered() });
    }
    if (fields.length) throw conflict(messages.identifiersTaken(), fields);
  }

  private async insertOrganisation(
    tx: Tx,
    input: OrganisationInput,
    status: Organisation['status'],
    fieldPrefix = '',
  ): Promise<Organisation> {
    const o = parseInput(OrganisationInput, input);
    const id = o.id ?? slugId(o.nameEn ?? o.name);
    if (await repo.organisationExists(tx, id))
      throw conflict(messages.organisationIdTaken({ id }), [
        { field: `${fieldPrefix}id`, message: messages.alreadyTaken() },
      ]);
    await this.uniqueIdentifiers(tx, o, undefined, fieldPrefix);
    const organisation = { ...o, id, status, createdAt: this.clock().toISOString() };
    await repo.insertOrganisation(tx, repo.organisationToRow(organisation));
    return { ...organisation, role: null };
  }

  /** Direct registration by the operator (applications go through submitApplication). */
  async createOrganisation(actor: Actor, input: OrganisationInput): Promise<Organisation> {
    requireOperator(actor);
    return inTransaction(this.store, async (tx) => {
      const o = await this.insertOrganisation(tx, input, 'applicant');
      await this.event(tx, actor, o.id, 'organisation.registered', o);
      return o;
    });
  }

  async updateOrganisation(actor: Actor, id: string, patch: unknown): Promise<Organisation> {
    const p = parseInput(OrganisationPatch, patch);
    requireOrganisationRole(actor, id, 'org_admin');
    return inTransaction(this.store, async (tx) => {
      const current = await repo.findOrganisation(tx, id);
      if (!current) throw notFound(messages.organisationNotFound({ id }));
      const next = {
        ...current,
        ...p,
        website: p.website === '' ? undefined : (p.website ?? current.website),
      };
      if (next.knowledgeWorkers > next.employees)
        throw invalid(messages.invalidOrganisation(), [
          { field: 'knowledgeWorkers', message: rules.knowledgeWithinStaff() },
        ]);
      await this.uniqueIdentifiers(tx, p, id);
      await repo.updateOrganisation(tx, repo.organisationToRow(next));
      await this.event(tx, actor, id, 'organisation.updated', next);
      const changed = vatRegimeChange(next, current.vatRegime);
      if (changed) await this.event(tx, actor, id, VAT_REGIME_CHANGED, changed);
      return next;
    });
  }

  // --- sites ---

  async addSite(actor: Actor, organisationId: string, input: unknown): Promise<Site> {
    const s = parseInput(SiteInput, input);
    requireOrganisationRole(actor, organisationId, 'member');
    return inTransaction(this.store, async (tx) => {
      if (!(await repo.organisationExists(tx, organisationId)))
        throw notFound(messages.organisationNotFound({ id: organisationId }));
      const id = s.id ?? slugId(s.name);
      if (await repo.findSite(tx, id))
        throw conflict(messages.siteIdTaken({ id }), [
          { field: 'id', message: messages.alreadyTaken() },
        ]);
      const place = placeSite(s, regionOutline());
      const site: Site = { ...s, id, organisationId, ...place, closedOn: null };
      await repo.insertSite(tx, repo.siteToRow(site, place));
      await this.event(tx, actor, organisationId, 'site.added', site);
      return site;
    });
  }

  async updateSite(actor: Actor, siteId: string, patch: unknown): Promise<Site> {
    const p = parseInput(SitePatch, patch);
    return inTransaction(this.store, async (tx) => {
      const current = await repo.findSite(tx, siteId);
      if (!current) throw notFound(messages.siteNotFound({ id: siteId }));
      requireOrganisationRole(actor, current.organisationId, 'member');
      const moved = { ...current, ...p };
      // a changed flag is the organisation's own statement now, no longer the source's or estimate's
      const restated =
        p.territoryProvenance === undefined &&
        ((p.monotown !== undefined && p.monotown !== current.monotown) ||
          (p.specialTerritory !== undefined &&
            JSON.stringify(p.specialTerritory) !== JSON.stringify(current.specialTerritory)));
      if (restated) moved.territoryProvenance = null;
      const place = placeSite(moved, regionOutline());
      const next: Site = { ...moved, ...place };
      await repo.updateSite(tx, repo.siteToRow(next, place));
      await this.event(tx, actor, current.organisationId, 'site.updated', next);
      return next;
    });
  }

  async closeSite(actor: Actor, siteId: string, closedOn?: string): Promise<Site> {
    return inTransaction(this.store, async (tx) => {
      const current = await repo.findSite(tx, siteId);
      if (!current) throw notFound(messages.siteNotFound({ id: siteId }));
      requireOrganisationRole(actor, current.organisationId, 'member');
      if (current.closedOn)
        throw conflict(messages.siteClosed({ id: siteId, closedOn: current.closedOn }));
      const next: Site = { ...current, closedOn: closedOn ?? today(this.clock()) };
      await repo.updateSite(tx, repo.siteToRow(next, next));
      await this.event(tx, actor, current.organisationId, 'site.closed', next);
      return next;
    });
  }

  // --- waste licences (89-ФЗ art. 9) ---

  /** An organisation's waste licences on the register, as far as the caller may see it. */
  async licencesOf(actor: Actor, organisationId: string): Promise<WasteLicence[]> {
    await this.getOrganisation(actor, organisationId);
    return repo.findLicences(this.store, { organisationIds: [organisationId] });
  }

  /** Records a waste licence: the organisation's admin or the operator. */
  async addLicence(actor: Actor, organisationId: string, input: unknown): Promise<WasteLicence> {
    const l = parseInput(WasteLicenceInput, input);
    requireOrganisationRole(actor, organisationId, 'org_admin');
    const problems: FieldProblem[] = [];
    // a licence not yet issued would read as not in force in every deal's check; none was
    // issued before the law that licenses waste activity (89-ФЗ of 24 June 1998)
    if (l.issuedOn > latestDay(this.clock()))
      problems.push({ field: 'issuedOn', message: rules.issuedNotYet() });
    else if (l.issuedOn < WASTE_LAW_DAY)
      problems.push({ field: 'issuedOn', message: rules.issuedBeforeLaw() });
    // the annex lists codes of the catalogue, of the classes the licence covers (a code's last
    // digit is its class)
    const catalogue = fkkoCatalogue();
    l.fkko.forEach((code, i) => {
      const entry = catalogue.get(code);
      if (!entry)
        problems.push({ field: `fkko.${i}`, message: rules.fkkoNotInCatalogue({ code }) });
      else if (!l.hazardClasses.includes(entry.hazardClass))
        problems.push({
          field: `fkko.${i}`,
          message: rules.fkkoClassNotLicensed({ code, hazardClass: entry.hazardClass }),
        });
    });
    if (problems.length) throw invalid(messages.invalidLicence(), problems);
    return inTransaction(this.store, async (tx) => {
      if (!(await repo.organisationExists(tx, organisationId)))
        throw notFound(messages.organisationNotFound({ id: organisationId }));
      const held = await repo.findLicences(tx, { organisationIds: [organisationId] });
      if (held.some((h) => h.number === l.number))
        throw conflict(messages.licenceNumberTaken({ number: l.number }), [
          { field: 'number', message: messages.alreadyTaken() },
        ]);
      const licence: WasteLicence = {
        id: newId(),
        organisationId,
        number: l.number,
        issuedOn: l.issuedOn,
        issuedBy: l.issuedBy,
        activities: l.activities,
        hazardClasses: [...l.hazardClasses].sort(),
        fkko: l.fkko,
        validUntil: l.validUntil,
        provenance: l.provenance,
        recordedAt: this.clock().toISOString(),
        removedOn: null,
      };
      await repo.insertLicence(tx, repo.licenceToRow(licence));
      await this.event(tx, actor, organisationId, 'licence.added', licence);
      return licence;
    });
  }

  /** Strikes a licence off the register (kept, with the date, for the record). */
  async removeLicence(actor: Actor, licenceId: string, removedOn?: string): Promise<WasteLicence> {
    return inTransaction(this.store, async (tx) => {
      const current = await repo.findLicence(tx, licenceId);
      if (!current) throw notFound(messages.licenceNotFound({ id: licenceId }));
      requireOrganisationRole(actor, current.organisationId, 'org_admin');
      if (current.removedOn)
        throw conflict(messages.licenceRemoved({ id: licenceId, removedOn: current.removedOn }));
      // a removal is a fact (a future one would hide the licence from today's checks at once)
      // and comes after the issue
      const on = removedOn ?? today(this.clock());
      const wrong =
        on > latestDay(this.clock())
          ? rules.removedNotYet()
          : on < current.issuedOn
            ? rules.validBeforeIssued()
            : null;
      if (wrong) throw invalid(messages.invalidLicence(), [{ field: 'removedOn', message: wrong }]);
      const next: WasteLicence = { ...current, removedOn: on };
      await repo.updateLicence(tx, repo.licenceToRow(next));
      await this.event(tx, actor, current.organisationId, 'licence.removed', next);
      return next;
    });
  }

  // --- memberships ---

  /** Opens (or records a past) membership and sets the organisation's status to follow it. */
  private async startMembership(
    tx: Tx,
    organisationId: string,
    m: MembershipInput,
    leftOn: string | null = null,
  ): Promise<{ membership: Membership; organisation: Organisation }> {
    const open = await repo.openMembershipId(tx, organisationId);
    if (open && !leftOn)
      throw conflict(messages.alreadyMember({ organisationId, membershipId: open }));
    const membership: Membership = {
      id: newId(),
      organisationId,
      role: m.role,
      joinedOn: m.joinedOn,
      leftOn,
      ...(m.note !== undefined ? { note: m.note } : {}),
      ...(m.noteEn !== undefined ? { noteEn: m.noteEn } : {}),
    };
    await repo.insertMembership(tx, membership);
    await repo.setOrganisationStatus(tx, organisationId, leftOn && !open ? 'former' : 'member');
    const organisation = await repo.findOrganisation(tx, organisationId);
    if (!organisation) throw notFound(messages.organisationNotFound({ id: organisationId }));
    return { membership, organisation };
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
      throw invalid(messages.invalidMembership(), [
        { field: 'leftOn', message: messages.notBeforeJoined({ joinedOn: m.joinedOn }) },
      ]);
    return inTransaction(this.store, async (tx) => {
      if (!(await repo.organisationExists(tx, organisationId)))
        throw notFound(messages.organisationNotFound({ id: organisationId }));
      const started = await this.startMembership(tx, organisationId, m, leftOn ?? null);
      await this.event(tx, actor, organisationId, 'membership.started', started);
      return started.membership;
    });
  }

  /** An organisation is never deleted: its membership ends. The operator, or the organisation's own admin (leaving). */
  async endMembership(actor: Actor, membershipId: string, input: unknown): Promise<Membership> {
    const e = parseInput(MembershipEnd, input);
    return inTransaction(this.store, async (tx) => {
      const current = await repo.findMembership(tx, membershipId);
      if (!current) throw notFound(messages.membershipNotFound({ id: membershipId }));
      requireOrganisationRole(actor, current.organisationId, 'org_admin');
      if (current.leftOn)
        throw conflict(messages.membershipEnded({ id: membershipId, leftOn: current.leftOn }));
      if (e.leftOn < current.joinedOn)
        throw invalid(messages.invalidMembership(), [
          { field: 'leftOn', message: messages.notBeforeJoined({ joinedOn: current.joinedOn }) },
        ]);
      return this.closeMembership(tx, actor, current, e.leftOn, e.note);
    });
  }

  /** Ends a current membership (the organisation becomes former and loses its API keys). */
  private async closeMembership(
    tx: Tx,
    actor: Actor,
    current: Membership,
    leftOn: string,
    newNote: string | undefined,
  ): Promise<Membership> {
    const note = newNote ?? current.note;
    const membership: Membership = {
      ...current,
      leftOn,
      ...(note !== undefined ? { note } : {}),
    };
    await repo.updateMembership(tx, membership);
    await repo.setOrganisationStatus(tx, current.organisationId, 'former');
    const organisation = await repo.findOrganisation(tx, current.organisationId);
    await this.event(tx, actor, current.organisationId, 'membership.ended', {
      membership,
      organisation,
    });
    await this.revokeApiKeysOf(tx, actor, current.organisationId);
    return membership;
  }

  /**
   * Carries out governance's adopted admission or expulsion (its `membership.decided`, inside
   * the subscriber's transaction): an admission admits the organisation's pending application,
   * or starts a membership; an expulsion ends the current one. Idempotent: an organisation
   * already in (or out) is left as it is.
   */
  async applyMembershipDecision(
    tx: Tx,
    d: { action: 'admit' | 'expel'; organisationId: string; proposalId: string; on: string },
  ): Promise<void> {
    const note = `governance: ${d.proposalId}`;
    const open = await repo.openMembershipId(tx, d.organisationId);
    if (d.action === 'expel') {
      const current = open ? await repo.findMembership(tx, open) : undefined;
      if (!current) return;
      // never before it began
      const leftOn = [current.joinedOn, d.on].sort()[1] ?? d.on;
      await this.closeMembership(tx, systemActor, current, leftOn, note);
      return;
    }
    if (open || !(await repo.organisationExists(tx, d.organisationId))) return;
    const pending = (await repo.findApplications(tx, 'pending')).find(
      (a) => a.organisationId === d.organisationId,
    );
    if (pending) {
      await this.settleApplication(tx, systemActor, pending.id, true, { joinedOn: d.on, note });
      return;
    }
    const started = await this.startMembership(tx, d.organisationId, {
      role: 'niche',
      joinedOn: d.on,
      note,
    });
    await this.event(tx, systemActor, d.organisationId, 'membership.started', started);
  }

  /**
   * An organisation that stops being a member loses its API keys for good (F15): a key
   * refused while it was former must not work again after a re-admission. Each revocation
   * is its own event, as when an admin revokes a key.
   */
  /**
   * Moves the keystone role from one organisation's current membership to another's (governance's
   * `keystone.changed`, inside its subscriber's transaction): the former keystone becomes core.
   * Idempotent: a membership already in its new role is left as it is.
   */
  async transferKeystoneRole(tx: Tx, from: string | null, to: string): Promise<void> {
    const open = await repo.openMemberships(tx);
    const moves: Array<[string, 'core' | 'keystone']> = [];
    if (from && from !== to) moves.push([from, 'core']);
    moves.push([to, 'keystone']);
    for (const [organisationId, role] of moves) {
      const id = open.get(organisationId);
      const current = id ? await repo.findMembership(tx, id) : undefined;
      if (!current || current.role === role) continue;
      const membership: Membership = { ...current, role };
      await repo.updateMembership(tx, membership);
      const organisation = await repo.findOrganisation(tx, organisationId);
      await this.event(tx, systemActor, organisationId, 'membership.role-changed', {
        membership,
        organisation,
      });
    }
  }

  private async revokeApiKeysOf(tx: Tx, actor: Actor, organisationId: string): Promise<void> {
    const at = this.clock().toISOString();
    for (const key of await repo.apiKeysOf(tx, organisationId)) {
      if (key.revokedAt) continue;
      await repo.revokeApiKeyRow(tx, key.id, at);
      await this.event(tx, actor, organisationId, 'apikey.revoked', { ...key, revokedAt: at });
    }
  }

  /**
   * No enumeration (F8): an application may be refused at a field only for what the public
   * directory shows (the id, INN or OGRN of a member or former member). A registered e-mail,
   * or the id or identifiers of an applicant or rejected organisation, are not said: the
   * caller gets the ordinary answer, and the operator finds the duplicate in the journal.
   * Returns what is duplicated, or null.
   */
  private async hiddenDuplicate(tx: Tx, a: ParsedApplication): Promise<string | null> {
    const o = parseInput(OrganisationInput, a.organisation);
    const id = o.id ?? slugId(o.nameEn ?? o.name);
    const hidden: string[] = [];
    const fields: FieldProblem[] = [];
    const holder = await repo.findOrganisation(tx, id);
    if (holder && isPublic(holder.status))
      fields.push({ field: 'organisation.id', message: messages.alreadyTaken() });
    else if (holder) hidden.push('organisation.id');
    for (const key of ['inn', 'ogrn'] as const) {
      const value = o[key];
      const owner = value ? await repo.identifierOwner(tx, key, value) : undefined;
      if (owner && isPublic(owner.status))
        fields.push({ field: `organisation.${key}`, message: messages.identifierRegistered() });
      else if (owner) hidden.push(`organisation.${key}`);
    }
    if (fields.length) throw conflict(messages.identifiersTaken(), fields);
    if (await repo.userIdByEmail(tx, a.admin.email.toLowerCase())) hidden.push('admin.email');
    return hidden.length ? hidden.join(', ') : null;
  }

  /**
   * The answer a new application gets, for one that duplicates hidden records; only a journal
   * event and a status link are written. The link is real and shows "pending" (it never
   * changes: the operator settles the duplicate out of band), so neither the answer nor the
   * status page tells a duplicate from a new applicant (F8).
   */
  private async recordDuplicateApplication(
    actor: Actor,
    a: ParsedApplication,
    duplicates: string,
    passwordHash: string,
  ): Promise<ApplicationReceipt> {
    const o = parseInput(OrganisationInput, a.organisation);
    const now = this.clock().toISOString();
    const application: Application = {
      id: newId(),
      organisationId: o.id ?? slugId(o.nameEn ?? o.name),
      organisationName: o.name,
      contactName: a.admin.name,
      contactEmail: a.admin.email.toLowerCase(),
      requestedRole: a.requestedRole,
      motivation: a.motivation ?? null,
      status: 'pending',
      submittedAt: now,
      decidedAt: null,
      decisionNote: null,
      grantedRole: null,
      consentedAt: now,
    };
    const statusToken = newStatusToken();
    await inTransaction(this.store, async (tx) => {
      await repo.insertStatusToken(tx, {
        token_hash: sha256(statusToken),
        application_id: null,
        organisation_name: o.name,
        submitted_at: now,
        duplicate_email: a.admin.email.toLowerCase(),
        duplicate_password_hash: passwordHash,
      });
      await this.event(tx, actor, null, 'application.duplicate', {
        application,
        organisation: o,
        site: a.site ?? null,
        duplicates,
      });
    });
    return { ...application, statusToken };
  }

  /** A site an applicant gives: kept with the organisation (hidden with it until admitted). Its id is always made here. */
  private async placeApplicantSite(
    tx: Tx,
    organisationId: string,
    input: z.output<typeof SiteInput>,
    replacing?: Site,
  ): Promise<Site> {
    const { id: _given, ...s } = input;
    const place = placeSite(s, regionOutline());
    const site: Site = {
      ...s,
      id: replacing?.id ?? slugId(s.name),
      organisationId,
      ...place,
      closedOn: null,
    };
    if (replacing) await repo.updateSite(tx, repo.siteToRow(site, place));
    else await repo.insertSite(tx, repo.siteToRow(site, place));
    return site;
  }

  /** A new status link for an application; the token goes back to the applicant once. */
  private async issueStatusToken(
    tx: Tx,
    application: { id: string; organisationName: string; submittedAt: string },
  ): Promise<string> {
    const token = newStatusToken();
    await repo.insertStatusToken(tx, {
      token_hash: sha256(token),
      application_id: application.id,
      organisation_name: application.organisationName,
      submitted_at: application.submittedAt,
    });
    return token;
  }

  // --- applications ---

  /** Anyone may apply: the organisation (status applicant) and its first admin (pending) wait for the operator. */
  /** `lang`: the language the applicant applied in, the admin's first (their page's) */
  async submitApplication(
    actor: Actor,
    input: unknown,
    lang: Lang = 'ru',
  ): Promise<ApplicationReceipt> {
    const a = parseInput(ApplicationInput, input);
    // The cheap checks first (F4): a conflict with a public member costs no argon2 hash.
    // The transaction below checks again, since another applicant may come first.
    const duplicate = await inTransaction(this.store, (tx) => this.hiddenDuplicate(tx, a));
    // hashed either way, so the time taken does not tell a duplicate from a new applicant
    const passwordHash = await hashPassword(a.admin.password);
    if (duplicate) return this.recordDuplicateApplication(actor, a, duplicate, passwordHash);
    return inTransaction(this.store, async (tx) => {
      await requireFreeEmail(tx, a.admin.email, 'admin.email');
      const organisation = await this.insertOrganisation(
        tx,
        a.organisation,
        'applicant',
        'organisation.',
      );
      const now = this.clock().toISOString();
      const applicationId = newId();
      await repo.insertApplication(tx, {
        id: applicationId,
        organisation_id: organisation.id,
        requested_role: a.requestedRole,
        motivation: a.motivation ?? null,
        status: 'pending',
        submitted_at: now,
        decided_at: null,
        decision_note: null,
        consented_at: now,
        granted_role: null,
      });
      const admin: repo.UserTable = {
        id: newId(),
        organisation_id: organisation.id,
        email: a.admin.email.toLowerCase(),
        name: a.admin.name,
        role: 'org_admin',
        locale: lang,
        status: 'pending',
        password_hash: passwordHash,
        created_at: now,
      };
      await repo.insertUser(tx, admin);
      const site = a.site ? await this.placeApplicantSite(tx, organisation.id, a.site) : null;
      const [application] = await repo.findApplications(tx, undefined, applicationId);
      const statusToken = await this.issueStatusToken(tx, application);
      await this.event(tx, actor, organisation.id, 'application.submitted', {
        application,
        organisation,
        admin: repo.userFromRow(admin),
        site,
      });
      return { ...application, statusToken };
    });
  }

  /** An application as its status link shows it (no login: the token is the proof). */
  async applicationStatus(token: string): Promise<ApplicationStatusView> {
    const link = await repo.statusTokenRow(this.store, sha256(token));
    if (!link) throw notFound(messages.statusLinkNotFound());
    const [app] = link.application_id
      ? await repo.findApplications(this.store, undefined, link.application_id)
      : [];
    if (!app)
      // a link given for a duplicate (F8): pending, as a new application would be
      return {
        organisationName: link.organisation_name,
        status: 'pending',
        submittedAt: link.submitted_at,
        decidedAt: null,
        decisionNote: null,
        grantedRole: null,
        superseded: false,
        reapply: null,
      };
    const superseded = (await repo.latestApplicationId(this.store, app.organisationId)) !== app.id;
    const organisation = await repo.findOrganisation(this.store, app.organisationId);
    let reapply: ApplicationStatusView['reapply'] = null;
    if (app.status === 'rejected' && !superseded && organisation?.status === 'rejected') {
      const { status: _s, role: _r, createdAt: _c, ...fields } = organisation;
      const site = (await repo.findSites(this.store, { organisationId: app.organisationId })).find(
        (x) => !x.closedOn,
      );
      reapply = {
        organisation: fields,
        site: site ? siteInputOf(site) : null,
        requestedRole: app.requestedRole,
        motivation: app.motivation,
        contactEmail: app.contactEmail ?? '',
      };
    }
    return {
      organisationName: app.organisationName,
      status: app.status,
      submittedAt: app.submittedAt,
      decidedAt: app.decidedAt,
      decisionNote: app.decisionNote,
      grantedRole: app.grantedRole,
      superseded,
      reapply,
    };
  }

  /**
   * Applying again after a rejection, through the rejected application's status link: a new
   * application of the same organisation (its INN and OGRN stay its own), whose admin waits
   * again with their password. No public form is involved, so nothing tells a stranger that
   * an INN belongs to a rejected organisation (F8). No password is hashed (F4).
   */
  async reapply(actor: Actor, token: string, input: unknown): Promise<ApplicationReceipt> {
    const r = parseInput(ReapplicationInput, input);
    return inTransaction(this.store, async (tx) => {
      const link = await repo.statusTokenRow(tx, sha256(token));
      if (!link) throw notFound(messages.statusLinkNotFound());
      const previous = link.application_id
        ? await repo.findApplicationRow(tx, link.application_id)
        : undefined;
      // a duplicate's link answers as a pending application would
      if (previous?.status !== 'rejected') throw conflict(messages.applicationNotRejected());
      if ((await repo.latestApplicationId(tx, previous.organisation_id)) !== previous.id)
        throw conflict(messages.applicationSuperseded());
      const current = await repo.findOrganisation(tx, previous.organisation_id);
      if (!current) throw notFound(messages.organisationNotFound({ id: previous.organisation_id }));
      if (current.status !== 'rejected') throw conflict(messages.applicationNotRejected());
      const now = this.clock().toISOString();
      await repo.updateOrganisation(
        tx,
        repo.organisationToRow({
          ...r.organisation,
          id: current.id,
          inn: current.inn,
          ogrn: current.ogrn,
          status: 'applicant',
          createdAt: current.createdAt,
        }),
      );
      const applicationId = newId();
      await repo.insertApplication(tx, {
        id: applicationId,
        organisation_id: current.id,
        requested_role: r.requestedRole,
        motivation: r.motivation ?? null,
        status: 'pending',
        submitted_at: now,
        decided_at: null,
        decision_note: null,
        consented_at: now,
        granted_role: null,
      });
      const users = await repo.reopenDisabledUsers(tx, current.id);
      const before = (await repo.findSites(tx, { organisationId: current.id })).find(
        (x) => !x.closedOn,
      );
      const site = r.site ? await this.placeApplicantSite(tx, current.id, r.site, before) : null;
      const [application] = await repo.findApplications(tx, undefined, applicationId);
      const statusToken = await this.issueStatusToken(tx, application);
      await this.event(tx, actor, current.id, 'application.resubmitted', {
        application,
        organisation: await repo.findOrganisation(tx, current.id),
        users,
        site,
        previousApplicationId: previous.id,
      });
      return { ...application, statusToken };
    });
  }

  async decideApplication(
    actor: Actor,
    applicationId: string,
    admit: boolean,
    input: unknown = {},
  ): Promise<Application> {
    const d = admit ? parseInput(AdmissionDecision, input) : parseInput(RejectionDecision, input);
    requireOperator(actor);
    return inTransaction(this.store, (tx) =>
      this.settleApplication(tx, actor, applicationId, admit, d),
    );
  }

  private async settleApplication(
    tx: Tx,
    actor: Actor,
    applicationId: string,
    admit: boolean,
    d: z.infer<typeof AdmissionDecision>,
  ): Promise<Application> {
    const app = await repo.findApplicationRow(tx, applicationId);
    if (!app) throw notFound(messages.applicationNotFound({ id: applicationId }));
    if (app.status !== 'pending')
      throw conflict(messages.applicationDecided({ id: applicationId, status: app.status }));
    const now = this.clock();
    const role = d.role ?? (app.requested_role as Membership['role']);
    await repo.decideApplicationRow(tx, applicationId, {
      status: admit ? 'admitted' : 'rejected',
      decidedAt: now.toISOString(),
      note: d.note ?? null,
      ...(admit ? { grantedRole: role } : {}),
    });
    let membership: Membership | null = null;
    if (admit) {
      membership = (
        await this.startMembership(tx, app.organisation_id, {
          role,
          joinedOn: d.joinedOn ?? today(now),
          note: d.note,
        })
      ).membership;
    } else {
      await repo.setOrganisationStatus(tx, app.organisation_id, 'rejected');
      await this.revokeApiKeysOf(tx, actor, app.organisation_id);
    }
    const users = await repo.settlePendingUsers(
      tx,
      app.organisation_id,
      admit ? 'active' : 'disabled',
    );
    const [application] = await repo.findApplications(tx, undefined, applicationId);
    await this.event(
      tx,
      actor,
      app.organisation_id,
      admit ? 'application.admitted' : 'application.rejected',
      {
        application,
        organisation: await repo.findOrganisation(tx, app.organisation_id),
        membership,
        users,
      },
    );
    return application;
  }

  // --- the material taxonomy ---

  private checkFkko(m: Material): void {
    const catalogue = fkkoCatalogue();
    const fields: FieldProblem[] = (m.fkko ?? [])
      .map((code, i) => ({ code, i }))
      .filter(({ code }) => !catalogue.get(code))
      .map(({ code, i }) => ({ field: `fkko.${i}`, message: messages.notInFkko({ code }) }));
    if (m.waste && (m.fkko ?? []).length === 0)
      fields.push({ field: 'fkko', message: messages.wasteNeedsFkko() });
    if (fields.length) throw invalid(messages.invalidMaterial({ id: m.id }), fields);
  }

  /** Properties and uses a material names that the taxonomy does not hold. */
  private unknownReferences(
    m: { properties?: string[]; uses?: string[] },
    properties: Set<string>,
    uses: Set<string>,
    prefix: string,
  ): FieldProblem[] {
    return [
      ...(m.properties ?? [])
        .filter((p) => !properties.has(p))
        .map((id) => ({ field: `${prefix}properties`, message: messages.unknownProperty({ id }) })),
      ...(m.uses ?? [])
        .filter((u) => !uses.has(u))
        .map((id) => ({ field: `${prefix}uses`, message: messages.unknownUse({ id }) })),
    ];
  }

  /** Defines (or redefines) the whole taxonomy in one change, as the seed and an import do. */
  async defineTaxonomy(actor: Actor, input: unknown): Promise<void> {
    const t = parseInput(Taxonomy, input);
    requireOperator(actor);
    const properties = new Set(t.properties.map((p) => p.id));
    const uses = new Set(t.uses.map((u) => u.id));
    const fields = t.materials.flatMap((m, i) =>
      this.unknownReferences(m, properties, uses, `materials.${i}.`),
    );
    if (fields.length) throw invalid(messages.invalidTaxonomy(), fields);
    for (const m of t.materials) this.checkFkko(m as Material);
    await inTransaction(this.store, async (tx) => {
      await repo.replaceTaxonomy(tx, t);
      await this.event(tx, actor, null, 'taxonomy.defined', t);
    });
  }

  /** Adds or replaces one material. */
  async defineMaterial(actor: Actor, input: unknown): Promise<Material> {
    const m = parseInput(MaterialInput, input) as Material;
    requireOperator(actor);
    this.checkFkko(m);
    return inTransaction(this.store, async (tx) => {
      const properties = new Set((await repo.findProperties(tx)).map((p) => p.id));
      const uses = new Set((await repo.findUses(tx)).map((u) => u.id));
      const fields = this.unknownReferences(m, properties, uses, '');
      if (fields.length) throw invalid(messages.invalidMaterial({ id: m.id }), fields);
      await repo.replaceMaterial(tx, m);
      await this.event(tx, actor, null, 'material.defined', m);
      return m;
    });
  }
}
