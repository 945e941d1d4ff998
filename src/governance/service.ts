// Governance's service: the charter, proposals, ballots, delegations, vetoes and results.
// Access checks, journal events and transactions here; SQL in repository.ts; counting in engine/.
import { randomUUID } from 'node:crypto';
import { inTransaction, recordEvent } from '../journal/index.ts';
import { clusterDayOf } from '../model/days.ts';
import {
  type Actor,
  actorRef,
  conflict,
  DomainError,
  forbidden,
  invalid,
  isOperator,
  notFound,
  parseInput,
  requireLogin,
  requireOperator,
  systemActor,
} from '../model/index.ts';
import { registryQueries } from '../registry/index.ts';
import type { Reader, Store, Tx } from '../store/index.ts';
import {
  closesLoop,
  delegationsInForce,
  latestClose,
  MAX_VOTE_DAYS,
  participation,
  resolveDelegations,
  tally,
  tallyInputFor,
} from './engine/index.ts';
import { messages } from './messages.ts';
import * as repo from './repository.ts';
import {
  type BallotInput as BallotFields,
  BallotInput,
  type CastBallot,
  Charter,
  type CharterChange,
  CharterInput,
  DelegationInput,
  type DelegationRecord,
  MessageInput,
  type Proposal,
  ProposalInput,
  type ProposalMessage,
  type ProposalStatus,
  ProposalType,
  type TallyResult,
} from './schema.ts';

/** A proposal's title as its messages name it: Russian, and English where the proposal has it. */
const titled = (p: Pick<Proposal, 'title' | 'titleEn'>) => ({
  title: p.title,
  titleEn: p.titleEn || p.title,
});

const newId = (prefix: string) => `${prefix}-${randomUUID().replace(/-/g, '').slice(0, 12)}`;
const needsSubject = new Set(['admit_member', 'expel_member', 'change_keystone']);

/**
 * Each proposal with its subject organisation's name: members vote on admitting an applicant
 * the public directory does not list, so the proposal itself names it.
 */
async function withSubjectNames(reader: Reader, proposals: Proposal[]): Promise<Proposal[]> {
  const ids = new Set(proposals.flatMap((p) => p.subjectOrganisationId ?? []));
  const names = new Map<string, { name: string; nameEn?: string }>();
  for (const id of ids) {
    const o = await registryQueries.findOrganisation(reader, id);
    if (o) names.set(id, { name: o.name, ...(o.nameEn ? { nameEn: o.nameEn } : {}) });
  }
  return proposals.map((p) => {
    const n = p.subjectOrganisationId ? names.get(p.subjectOrganisationId) : undefined;
    return n ? { ...p, subjectName: n.name, ...(n.nameEn ? { subjectNameEn: n.nameEn } : {}) } : p;
  });
}

/** The member organisations that vote: current members, the platform operator aside. */
export async function electorateNow(reader: Reader): Promise<string[]> {
  const orgs = await registryQueries.findOrganisations(reader, { status: 'member' });
  return orgs
    .filter((o) => o.kind !== 'platform_operator')
    .map((o) => o.id)
    .sort();
}

/** A proposal's status from its tally: yes/no votes adopt on a `yes`, other votes on any winner. */
export function statusOf(
  p: Pick<Proposal, 'candidates' | 'method'>,
  r: TallyResult,
): ProposalStatus {
  if (r.status === 'no_quorum' || r.status === 'tie') return r.status;
  if (r.status === 'failed') return 'rejected';
  const yesNo =
    p.candidates.length === 2 && p.candidates.includes('yes') && p.candidates.includes('no');
  if (yesNo && r.winner !== 'yes') return 'rejected';
  return 'adopted';
}

/** An organisation that is a member now (the operator's organisation included). */
async function isCurrentMember(reader: Reader, id: string): Promise<boolean> {
  return (await registryQueries.findOrganisation(reader, id))?.status === 'member';
}

export class GovernanceService {
  constructor(
    private readonly store: Store,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private now = () => this.clock().toISOString();

  private event(
    tx: Tx,
    actor: Actor,
    organisationId: string | null,
    type: string,
    payload: unknown,
  ) {
    return recordEvent(tx, { actor: actorRef(actor), organisationId, type, payload }, this.clock());
  }

  /** A member organisation's user who may vote and propose (not an observer, not the operator). */
  private async requireVoter(reader: Reader, actor: Actor): Promise<string> {
    requireLogin(actor);
    const org = actor.organisationId;
    if (!org || isOperator(actor) || actor.member === false)
      throw forbidden(messages.membersOnly());
    if (actor.role === 'observer') throw forbidden(messages.observersDoNotVote());
    if (!(await electorateNow(reader)).includes(org)) throw forbidden(messages.membersOnly());
    return org;
  }

  // --- the charter and the keystone ---

  async charter(actor: Actor): Promise<{ current: Charter | null; history: Charter[] }> {
    requireLogin(actor);
    await this.closeDue();
    const history = await repo.charterHistory(this.store);
    return { current: history[0] ?? null, history };
  }

  async keystones(actor: Actor) {
    requireLogin(actor);
    await this.closeDue();
    return repo.keystoneHistory(this.store);
  }

  /** The founding charter (the operator, once); every later change is a decision. */
  async foundCharter(actor: Actor, input: unknown): Promise<Charter> {
    requireOperator(actor);
    const fields = parseInput(CharterInput, input);
    return inTransaction(this.store, async (tx) => {
      if (await repo.currentCharter(tx)) throw conflict(messages.charterExists());
      if (
        fields.keystoneOrganisationId &&
        !(await isCurrentMember(tx, fields.keystoneOrganisationId))
      )
        throw invalid(messages.invalidCharter(), [
          { field: 'keystoneOrganisationId', message: messages.unknownOrganisation() },
        ]);
      const charter: Charter = Charter.parse({
        ...fields,
        version: 1,
        adoptedAt: this.now(),
        proposalId: null,
      });
      await repo.insertCharter(tx, charter);
      await this.event(tx, actor, null, 'charter.adopted', charter);
      if (charter.keystoneOrganisationId)
        await this.startKeystoneTerm(tx, actor, null, charter.keystoneOrganisationId, null);
      return charter;
    });
  }

  private async startKeystoneTerm(
    tx: Tx,
    actor: Actor,
    from: string | null,
    to: string,
    proposalId: string | null,
  ) {
    const at = this.now();
    await repo.closeKeystoneTerm(tx, at);
    const term = { organisationId: to, since: at, until: null, proposalId };
    await repo.insertKeystoneTerm(tx, term);
    // the registry moves the keystone role on this event (its subscriber)
    await this.event(tx, actor, to, 'keystone.changed', { from, to, proposalId, term });
  }

  /** A new charter version from a passed decision; a new keystone moves the role too. */
  private async amendCharter(tx: Tx, actor: Actor, change: CharterChange, proposalId: string) {
    const current = await repo.currentCharter(tx);
    if (!current) return;
    const fields = CharterInput.safeParse({ ...current, ...change });
    if (!fields.success) return; // a change that no longer fits the charter leaves it as it is
    const next: Charter = Charter.parse({
      ...fields.data,
      version: current.version + 1,
      adoptedAt: this.now(),
      proposalId,
    });
    await repo.insertCharter(tx, next);
    await this.event(tx, actor, null, 'charter.adopted', next);
    if (
      next.keystoneOrganisationId &&
      next.keystoneOrganisationId !== current.keystoneOrganisationId
    )
      await this.startKeystoneTerm(
        tx,
        actor,
        current.keystoneOrganisationId,
        next.keystoneOrganisationId,
        proposalId,
      );
  }

  // --- proposals ---

  /**
   * Closes every open proposal whose close time has come: counts it and publishes its result
   * (`proposal.decided`, with the turnout), as `closeProposal` does, in the platform's name.
   * Every read and write of governance calls it first, so a vote closes by itself at its time
   * on the service's clock: the first request after the close sees the result; the server also
   * calls it every 30 s (`serve`), so a vote nobody looks at is decided within half a minute.
   */
  async closeDue(): Promise<Proposal[]> {
    const closed: Proposal[] = [];
    for (const id of await repo.dueProposalIds(this.store, this.now())) {
      try {
        closed.push(await this.closeProposal(systemActor, id));
      } catch (e) {
        // another request closed it first
        if (!(e instanceof DomainError && e.status === 409)) throw e;
      }
    }
    return closed;
  }

  async listProposals(actor: Actor, filter: { status?: 'open' | 'decided' } = {}) {
    requireLogin(actor);
    await this.closeDue();
    return withSubjectNames(this.store, await repo.findProposals(this.store, filter));
  }

  async getProposal(actor: Actor, id: string) {
    requireLogin(actor);
    await this.closeDue();
    const found = await repo.findProposal(this.store, id);
    if (!found) throw notFound(messages.proposalNotFound());
    const [p] = await withSubjectNames(this.store, [found]);
    const ballots = await repo.findBallots(this.store, id);
    const own = actor.organisationId;
    const mine = own ? (ballots.find((b) => b.voter === own) ?? null) : null;
    // the viewer's organisation's delegations on the proposal's topic, as the count will take
    // them: whom it handed its vote to, whose votes it carries (its own ties only)
    const inForce = own
      ? delegationsInForce(await repo.findDelegations(this.store), p.type, p.closesAt)
      : [];
    return {
      proposal: p,
      ballots: ballots.length,
      voters: ballots.map((b) => b.voter),
      mine,
      delegation: own
        ? {
            to: inForce.find((d) => d.from === own)?.to ?? null,
            from: inForce.filter((d) => d.to === own).map((d) => d.from),
          }
        : null,
      messages: await repo.findMessages(this.store, id),
    };
  }

  // --- the discussion ---

  /** A proposal's discussion, oldest first. */
  async listMessages(actor: Actor, proposalId: string): Promise<ProposalMessage[]> {
    requireLogin(actor);
    if (!(await repo.findProposal(this.store, proposalId)))
      throw notFound(messages.proposalNotFound());
    return repo.findMessages(this.store, proposalId);
  }

  /** A message in a proposal's thread, while its vote is open: any member's user, or the operator. */
  async postMessage(actor: Actor, proposalId: string, input: unknown): Promise<ProposalMessage> {
    requireLogin(actor);
    const { text } = parseInput(MessageInput, input);
    await this.closeDue();
    return inTransaction(this.store, async (tx) => {
      if (!isOperator(actor)) {
        const org = actor.organisationId;
        if (!org || actor.member === false || !(await isCurrentMember(tx, org)))
          throw forbidden(messages.membersOnly());
      }
      const p = await repo.findProposal(tx, proposalId);
      if (!p) throw notFound(messages.proposalNotFound());
      if (p.status !== 'open') throw conflict(messages.discussionClosed(titled(p)));
      const m: ProposalMessage = {
        id: newId('m'),
        proposalId,
        organisationId: actor.organisationId,
        authorUserId: actor.id,
        text,
        postedAt: this.now(),
      };
      await repo.insertMessage(tx, m);
      await this.event(tx, actor, actor.organisationId, 'proposal.message-posted', m);
      return m;
    });
  }

  async createProposal(actor: Actor, input: unknown): Promise<Proposal> {
    const fields = parseInput(ProposalInput, input);
    return inTransaction(this.store, async (tx) => {
      const author = await this.requireVoter(tx, actor);
      const charter = await repo.currentCharter(tx);
      if (!charter) throw conflict(messages.noCharter());
      const settings = { ...charter.defaults, ...(charter.byType[fields.type] ?? {}) };
      const method = fields.method ?? settings.method;
      const now = this.now();
      const opensAt = fields.opensAt ? new Date(fields.opensAt).toISOString() : now;
      const closesAt = new Date(fields.closesAt).toISOString();
      const problems: { field: string; message: ReturnType<typeof messages.invalidProposal> }[] =
        [];
      const closesBy = latestClose(opensAt);
      const opensBy = latestClose(now);
      if (closesAt <= opensAt || closesAt <= now)
        problems.push({ field: 'closesAt', message: messages.closesBeforeOpens() });
      else if (closesAt > closesBy)
        problems.push({
          field: 'closesAt',
          message: messages.voteTooLong({ days: MAX_VOTE_DAYS, latest: closesBy }),
        });
      if (opensAt > opensBy)
        problems.push({
          field: 'opensAt',
          message: messages.opensTooLate({ days: MAX_VOTE_DAYS, latest: opensBy }),
        });
      const members = await electorateNow(tx);
      if (needsSubject.has(fields.type)) {
        if (!fields.subjectOrganisationId)
          problems.push({ field: 'subjectOrganisationId', message: messages.subjectRequired() });
        else {
          const subject = await registryQueries.findOrganisation(tx, fields.subjectOrganisationId);
          const member = subject?.status === 'member';
          if (!subject)
            problems.push({
              field: 'subjectOrganisationId',
              message: messages.unknownOrganisation(),
            });
          else if (fields.type === 'admit_member' && member)
            problems.push({ field: 'subjectOrganisationId', message: messages.alreadyMember() });
          else if (
            (fields.type === 'expel_member' && !members.includes(subject.id)) ||
            (fields.type === 'change_keystone' && !member)
          )
            problems.push({
              field: 'subjectOrganisationId',
              message: messages.notCurrentMember(),
            });
          else if (
            fields.type === 'change_keystone' &&
            charter.control === 'keystone' &&
            charter.keystoneOrganisationId === subject.id
          )
            problems.push({ field: 'subjectOrganisationId', message: messages.alreadyKeystone() });
        }
      }
      if (fields.type === 'approve_budget' && fields.amountKopecks === undefined)
        problems.push({ field: 'amountKopecks', message: messages.amountRequired() });
      if (fields.type === 'change_charter' && !fields.charter)
        problems.push({ field: 'charter', message: messages.charterChangeRequired() });
      const candidates = method === 'consent' ? [] : (fields.candidates ?? ['yes', 'no']);
      if (
        method !== 'consent' &&
        (candidates.length < 2 || new Set(candidates).size !== candidates.length)
      )
        problems.push({ field: 'candidates', message: messages.candidatesNeeded() });
      // English words for the options the proposer wrote: one for each, or none (yes and no
      // have their own words in every language)
      const candidatesEn =
        fields.candidates && method !== 'consent' ? fields.candidatesEn : undefined;
      if (fields.candidatesEn && candidatesEn?.length !== candidates.length)
        problems.push({
          field: 'candidatesEn',
          message: messages.candidatesEnMismatch({ n: fields.candidates?.length ?? 0 }),
        });
      const coSponsors = [...new Set(fields.coSponsors.filter((c) => c !== author))];
      for (const c of coSponsors)
        if (!members.includes(c))
          problems.push({ field: 'coSponsors', message: messages.unknownOrganisation() });
      if (problems.length) throw invalid(messages.invalidProposal(), problems);
      const proposal: Proposal = {
        id: newId('p'),
        type: fields.type,
        title: fields.title,
        ...(fields.titleEn ? { titleEn: fields.titleEn } : {}),
        body: fields.body,
        ...(fields.bodyEn ? { bodyEn: fields.bodyEn } : {}),
        authorOrganisationId: author,
        authorUserId: actor.id,
        coSponsors,
        opensAt,
        closesAt,
        method,
        candidates,
        ...(candidatesEn?.length ? { candidatesEn } : {}),
        // the charter's quorum and threshold for this type: a proposer cannot lower them
        quorum: settings.quorum,
        threshold: settings.threshold,
        ...(settings.cap !== undefined ? { cap: settings.cap } : {}),
        // what a weighted count weighs: the charter's stakes now, not what ballots declare
        ...(method === 'weighted' ? { stakes: { ...(charter.stakes ?? {}) } } : {}),
        ...(fields.subjectOrganisationId
          ? { subjectOrganisationId: fields.subjectOrganisationId }
          : {}),
        ...(fields.charter ? { charter: fields.charter } : {}),
        ...(fields.amountKopecks !== undefined ? { amountKopecks: fields.amountKopecks } : {}),
        status: 'open',
        result: null,
        electorate: null,
        decidedBy: null,
        decidedAt: null,
        veto: null,
        createdAt: now,
      };
      await repo.insertProposal(tx, proposal);
      await this.event(tx, actor, author, 'proposal.opened', proposal);
      return proposal;
    });
  }

  /**
   * A ballot the proposal's method can count. Each method needs its answer: a choice, a ranking
   * of at least one option, a consent position. An approval ballot that approves none is an
   * abstention (as consent's `abstain`): it counts toward the quorum and not toward the
   * threshold (the engine's rule), so it is taken; the web app asks before it sends one.
   */
  private checkBallot(p: Proposal, b: BallotFields) {
    const fail = (field: string, message: ReturnType<typeof messages.invalidBallot>) => {
      throw invalid(messages.invalidBallot(), [{ field, message }]);
    };
    const known = (field: string, options: string[]) => {
      for (const o of options)
        if (!p.candidates.includes(o)) fail(field, messages.notAnOption({ option: o }));
      if (new Set(options).size !== options.length) fail(field, messages.optionTwice());
    };
    if (b.weight !== undefined) fail('weight', messages.stakeFromCharter());
    switch (p.method) {
      case 'plurality':
      case 'weighted':
        if (b.choice === undefined) fail('choice', messages.chooseOne());
        else known('choice', [b.choice]);
        break;
      case 'approval':
        if (b.approve === undefined) fail('approve', messages.ballotNeeds());
        else known('approve', b.approve);
        break;
      case 'irv':
        if (b.ranking === undefined || b.ranking.length === 0) fail('ranking', messages.rankOne());
        else known('ranking', b.ranking);
        break;
      case 'consent':
        if (b.position === undefined) fail('position', messages.choosePosition());
        break;
    }
  }

  /** An organisation's ballot, while the vote is open (a new one replaces its earlier one). */
  async castBallot(actor: Actor, proposalId: string, input: unknown): Promise<CastBallot> {
    requireLogin(actor);
    const fields = parseInput(BallotInput, input);
    await this.closeDue();
    return inTransaction(this.store, async (tx) => {
      const voter = await this.requireVoter(tx, actor);
      const p = await repo.findProposal(tx, proposalId);
      if (!p) throw notFound(messages.proposalNotFound());
      const now = this.now();
      if (now >= p.closesAt)
        throw conflict(messages.voteClosed({ ...titled(p), closesAt: p.closesAt }));
      if (p.status !== 'open') throw conflict(messages.alreadyDecided(titled(p)));
      if (now < p.opensAt)
        throw conflict(messages.voteNotOpen({ ...titled(p), opensAt: p.opensAt }));
      this.checkBallot(p, fields);
      const ballot: CastBallot = {
        ...fields,
        proposalId,
        voter,
        castBy: actorRef(actor),
        castAt: now,
      };
      await repo.putBallot(tx, ballot);
      await this.event(tx, actor, voter, 'ballot.cast', ballot);
      return ballot;
    });
  }

  /** Counts a closed vote with the engine, publishes the result and carries out a passed decision. */
  async closeProposal(actor: Actor, proposalId: string): Promise<Proposal> {
    requireLogin(actor);
    return inTransaction(this.store, async (tx) => {
      const p = await repo.findProposal(tx, proposalId);
      if (!p) throw notFound(messages.proposalNotFound());
      if (p.status !== 'open') throw conflict(messages.alreadyDecided(titled(p)));
      if (this.now() < p.closesAt)
        throw conflict(messages.notYetClosed({ ...titled(p), closesAt: p.closesAt }));
      const electorate = await electorateNow(tx);
      const ballots = await repo.findBallots(tx, proposalId);
      const spans = await repo.findDelegations(tx);
      const result = tally(tallyInputFor(p, ballots, spans, electorate));
      const decided: Proposal = {
        ...p,
        status: statusOf(p, result),
        result,
        electorate,
        decidedBy: 'vote',
        decidedAt: this.now(),
      };
      if (!(await repo.updateOpenProposal(tx, decided)))
        throw conflict(messages.alreadyDecided(titled(p)));
      await this.event(tx, actor, p.authorOrganisationId, 'proposal.decided', decided);
      if (decided.status === 'adopted') await this.carryOut(tx, actor, decided);
      return decided;
    });
  }

  private async carryOut(tx: Tx, actor: Actor, p: Proposal) {
    if (p.type === 'change_keystone' && p.subjectOrganisationId)
      await this.amendCharter(
        tx,
        actor,
        { control: 'keystone', keystoneOrganisationId: p.subjectOrganisationId },
        p.id,
      );
    if (p.type === 'change_charter' && p.charter)
      await this.amendCharter(tx, actor, p.charter, p.id);
    if ((p.type === 'admit_member' || p.type === 'expel_member') && p.subjectOrganisationId)
      // the registry admits or expels on this event (its subscriber)
      await this.event(tx, actor, p.subjectOrganisationId, 'membership.decided', {
        action: p.type === 'admit_member' ? 'admit' : 'expel',
        organisationId: p.subjectOrganisationId,
        proposalId: p.id,
        on: clusterDayOf(this.now()),
      });
  }

  /** The keystone's veto of an open proposal: only under keystone control, within the charter. */
  async veto(actor: Actor, proposalId: string, input: unknown): Promise<Proposal> {
    requireLogin(actor);
    const reason =
      typeof input === 'object' &&
      input !== null &&
      'reason' in input &&
      typeof input.reason === 'string'
        ? input.reason.trim()
        : '';
    await this.closeDue();
    return inTransaction(this.store, async (tx) => {
      const p = await repo.findProposal(tx, proposalId);
      if (!p) throw notFound(messages.proposalNotFound());
      const charter = await repo.currentCharter(tx);
      if (!charter) throw conflict(messages.noCharter());
      if (charter.control !== 'keystone') throw forbidden(messages.vetoUnderEtharchy());
      if (
        !actor.organisationId ||
        actor.organisationId !== charter.keystoneOrganisationId ||
        (actor.role !== 'org_admin' && actor.role !== 'operator_admin')
      )
        throw forbidden(messages.vetoKeystoneOnly());
      if (!charter.vetoTypes.includes(p.type)) throw forbidden(messages.vetoOutsideCharter());
      if (p.status !== 'open') throw conflict(messages.alreadyDecided(titled(p)));
      if (!reason)
        throw invalid(messages.invalidProposal(), [
          { field: 'reason', message: messages.vetoReasonRequired() },
        ]);
      const at = this.now();
      const vetoed: Proposal = {
        ...p,
        status: 'vetoed',
        decidedBy: 'veto',
        decidedAt: at,
        veto: { organisationId: actor.organisationId, reason, at, by: actorRef(actor) },
      };
      if (!(await repo.updateOpenProposal(tx, vetoed)))
        throw conflict(messages.alreadyDecided(titled(p)));
      await this.event(tx, actor, actor.organisationId, 'proposal.vetoed', vetoed);
      return vetoed;
    });
  }

  // --- delegations ---

  async listDelegations(actor: Actor): Promise<DelegationRecord[]> {
    requireLogin(actor);
    if (isOperator(actor)) return repo.findDelegations(this.store, { activeOnly: true });
    if (!actor.organisationId) return [];
    return repo.findDelegations(this.store, {
      organisationId: actor.organisationId,
      activeOnly: true,
    });
  }

  /** Delegates the organisation's vote on a topic; an earlier one on the same topic is revoked. */
  async delegate(actor: Actor, input: unknown): Promise<DelegationRecord> {
    const fields = parseInput(DelegationInput, input);
    return inTransaction(this.store, async (tx) => {
      const from = await this.requireVoter(tx, actor);
      if (fields.to === from)
        throw invalid(messages.invalidDelegation(), [
          { field: 'to', message: messages.selfDelegation() },
        ]);
      if (!(await electorateNow(tx)).includes(fields.to))
        throw invalid(messages.invalidDelegation(), [
          { field: 'to', message: messages.unknownOrganisation() },
        ]);
      const active = await repo.findDelegations(tx, { activeOnly: true });
      if (closesLoop(active, { from, to: fields.to, topic: fields.topic }, ProposalType.options))
        throw invalid(messages.invalidDelegation(), [
          { field: 'to', message: messages.delegationLoop() },
        ]);
      const now = this.now();
      for (const d of await repo.findDelegations(tx, { organisationId: from, activeOnly: true }))
        if (d.from === from && d.topic === fields.topic) {
          await repo.revokeDelegation(tx, d.id, now);
          await this.event(tx, actor, from, 'delegation.revoked', { ...d, revokedAt: now });
        }
      const d: DelegationRecord = {
        id: newId('d'),
        from,
        to: fields.to,
        topic: fields.topic,
        createdAt: now,
        revokedAt: null,
      };
      await repo.insertDelegation(tx, d);
      await this.event(tx, actor, from, 'delegation.created', d);
      return d;
    });
  }

  /** Revokes a delegation: it no longer counts for any vote that closes after now. */
  async revokeDelegation(actor: Actor, id: string): Promise<DelegationRecord> {
    requireLogin(actor);
    return inTransaction(this.store, async (tx) => {
      const d = await repo.findDelegation(tx, id);
      if (!d) throw notFound(messages.delegationNotFound());
      if (!isOperator(actor) && actor.organisationId !== d.from)
        throw forbidden(messages.ownDelegationsOnly());
      if (d.revokedAt) throw conflict(messages.delegationRevoked());
      const revoked = { ...d, revokedAt: this.now() };
      await repo.revokeDelegation(tx, id, revoked.revokedAt);
      await this.event(tx, actor, d.from, 'delegation.revoked', revoked);
      return revoked;
    });
  }

  // --- participation, for the assessment module ---

  async participation(actor: Actor) {
    requireLogin(actor);
    await this.closeDue();
    return this.participationFigures(this.store);
  }

  /** Turnout per decided proposal, HHI of authorship, vote vs veto, Gini of the votes' weights. */
  async participationFigures(reader: Reader) {
    const proposals = await repo.findProposals(reader);
    const spans = await repo.findDelegations(reader);
    const carried = new Map<string, number>();
    for (const p of proposals) {
      if (p.decidedBy !== 'vote' || !p.electorate) continue;
      const ballots = await repo.findBallots(reader, p.id);
      const input = tallyInputFor(p, ballots, spans, p.electorate);
      const r = resolveDelegations(
        p.electorate,
        new Set(input.ballots.map((b) => b.voter)),
        input.delegations ?? [],
      );
      for (const m of p.electorate)
        carried.set(m, (carried.get(m) ?? 0) + (r.carried.get(m)?.length ?? 0));
    }
    return participation(
      proposals.map((p) => ({
        proposalId: p.id,
        author: p.authorOrganisationId,
        turnout: p.result?.turnout ?? null,
        ...(p.decidedBy ? { decidedBy: p.decidedBy } : {}),
      })),
      [...carried.values()],
    );
  }
}
