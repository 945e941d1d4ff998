// All of governance's SQL, reads and writes, over its own tables only (members come through
// the registry's public reads), and the mapping between its rows and its records.
import type { Reader, Tx } from '../store/index.ts';
import type {
  CastBallot,
  Charter,
  DelegationRecord,
  KeystoneTerm,
  Proposal,
  ProposalMessage,
} from './schema.ts';

export interface GovernanceCharterTable {
  version: number;
  adopted_at: string;
  /** the Charter as JSON */
  data: string;
}
export interface GovernanceProposalTable {
  id: string;
  status: string;
  closes_at: string;
  created_at: string;
  /** the Proposal as JSON */
  data: string;
}
export interface GovernanceBallotTable {
  proposal_id: string;
  voter: string;
  cast_at: string;
  /** the CastBallot as JSON */
  data: string;
}
export interface GovernanceDelegationTable {
  id: string;
  from_organisation_id: string;
  to_organisation_id: string;
  topic: string;
  created_at: string;
  revoked_at: string | null;
}
export interface GovernanceKeystoneTable {
  since: string;
  organisation_id: string;
  until: string | null;
  proposal_id: string | null;
}

export interface GovernanceMessageTable {
  id: string;
  proposal_id: string;
  /** 1, 2, … within the proposal's thread */
  seq: number;
  posted_at: string;
  /** the ProposalMessage as JSON */
  data: string;
}

declare module '../store/database.ts' {
  interface Database {
    governance_charter: GovernanceCharterTable;
    governance_proposal: GovernanceProposalTable;
    governance_ballot: GovernanceBallotTable;
    governance_delegation: GovernanceDelegationTable;
    governance_keystone: GovernanceKeystoneTable;
    governance_message: GovernanceMessageTable;
  }
}

// --- the charter ---

export async function charterHistory(reader: Reader): Promise<Charter[]> {
  const rows = await reader.db
    .selectFrom('governance_charter')
    .select('data')
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => JSON.parse(r.data) as Charter);
}

export async function currentCharter(reader: Reader): Promise<Charter | undefined> {
  const r = await reader.db
    .selectFrom('governance_charter')
    .select('data')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r && (JSON.parse(r.data) as Charter);
}

export async function findCharter(reader: Reader, version: number): Promise<Charter | undefined> {
  const r = await reader.db
    .selectFrom('governance_charter')
    .select('data')
    .where('version', '=', version)
    .executeTakeFirst();
  return r && (JSON.parse(r.data) as Charter);
}

export async function insertCharter(tx: Tx, c: Charter): Promise<void> {
  await tx.db
    .insertInto('governance_charter')
    .values({ version: c.version, adopted_at: c.adoptedAt, data: JSON.stringify(c) })
    .execute();
}

// --- proposals ---

export async function findProposal(reader: Reader, id: string): Promise<Proposal | undefined> {
  const r = await reader.db
    .selectFrom('governance_proposal')
    .select('data')
    .where('id', '=', id)
    .executeTakeFirst();
  return r && (JSON.parse(r.data) as Proposal);
}

export async function findProposals(
  reader: Reader,
  f: { status?: 'open' | 'decided' } = {},
): Promise<Proposal[]> {
  let q = reader.db.selectFrom('governance_proposal').select('data').orderBy('created_at', 'desc');
  if (f.status === 'open') q = q.where('status', '=', 'open');
  if (f.status === 'decided') q = q.where('status', '<>', 'open');
  return (await q.execute()).map((r) => JSON.parse(r.data) as Proposal);
}

export async function insertProposal(tx: Tx, p: Proposal): Promise<void> {
  await tx.db
    .insertInto('governance_proposal')
    .values({
      id: p.id,
      status: p.status,
      closes_at: p.closesAt,
      created_at: p.createdAt,
      data: JSON.stringify(p),
    })
    .execute();
}

export async function updateProposal(tx: Tx, p: Proposal): Promise<void> {
  await tx.db
    .updateTable('governance_proposal')
    .set({ status: p.status, closes_at: p.closesAt, data: JSON.stringify(p) })
    .where('id', '=', p.id)
    .execute();
}

/** Open proposals whose close time has come (`at` included). */
export async function dueProposalIds(reader: Reader, at: string): Promise<string[]> {
  const rows = await reader.db
    .selectFrom('governance_proposal')
    .select('id')
    .where('status', '=', 'open')
    .where('closes_at', '<=', at)
    .orderBy('closes_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

// --- the discussion ---

export async function findMessages(reader: Reader, proposalId: string): Promise<ProposalMessage[]> {
  const rows = await reader.db
    .selectFrom('governance_message')
    .select('data')
    .where('proposal_id', '=', proposalId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => JSON.parse(r.data) as ProposalMessage);
}

export async function findMessage(
  reader: Reader,
  id: string,
): Promise<ProposalMessage | undefined> {
  const r = await reader.db
    .selectFrom('governance_message')
    .select('data')
    .where('id', '=', id)
    .executeTakeFirst();
  return r && (JSON.parse(r.data) as ProposalMessage);
}

/** Appends a message to its proposal's thread (the unique number keeps concurrent posts apart). */
export async function insertMessage(tx: Tx, m: ProposalMessage): Promise<void> {
  const last = await tx.db
    .selectFrom('governance_message')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('proposal_id', '=', m.proposalId)
    .executeTakeFirst();
  await tx.db
    .insertInto('governance_message')
    .values({
      id: m.id,
      proposal_id: m.proposalId,
      seq: Number(last?.seq ?? 0) + 1,
      posted_at: m.postedAt,
      data: JSON.stringify(m),
    })
    .execute();
}

/** Records a decision on a proposal still open; false when another request decided it first. */
export async function updateOpenProposal(tx: Tx, p: Proposal): Promise<boolean> {
  const r = await tx.db
    .updateTable('governance_proposal')
    .set({ status: p.status, closes_at: p.closesAt, data: JSON.stringify(p) })
    .where('id', '=', p.id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// --- ballots ---

export async function findBallots(reader: Reader, proposalId: string): Promise<CastBallot[]> {
  const rows = await reader.db
    .selectFrom('governance_ballot')
    .select('data')
    .where('proposal_id', '=', proposalId)
    .orderBy('voter')
    .execute();
  return rows.map((r) => JSON.parse(r.data) as CastBallot);
}

export async function allBallotWeights(reader: Reader): Promise<CastBallot[]> {
  const rows = await reader.db.selectFrom('governance_ballot').select('data').execute();
  return rows.map((r) => JSON.parse(r.data) as CastBallot);
}

/** One ballot per organisation and proposal: a new one replaces the old while the vote is open. */
export async function putBallot(tx: Tx, b: CastBallot): Promise<void> {
  await tx.db
    .deleteFrom('governance_ballot')
    .where('proposal_id', '=', b.proposalId)
    .where('voter', '=', b.voter)
    .execute();
  await tx.db
    .insertInto('governance_ballot')
    .values({
      proposal_id: b.proposalId,
      voter: b.voter,
      cast_at: b.castAt,
      data: JSON.stringify(b),
    })
    .execute();
}

// --- delegations ---

const delegationFromRow = (r: GovernanceDelegationTable): DelegationRecord => ({
  id: r.id,
  from: r.from_organisation_id,
  to: r.to_organisation_id,
  topic: r.topic as DelegationRecord['topic'],
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

export async function findDelegations(
  reader: Reader,
  f: { organisationId?: string; activeOnly?: boolean } = {},
): Promise<DelegationRecord[]> {
  let q = reader.db.selectFrom('governance_delegation').selectAll().orderBy('created_at');
  if (f.organisationId) {
    const o = f.organisationId;
    q = q.where((eb) =>
      eb.or([eb('from_organisation_id', '=', o), eb('to_organisation_id', '=', o)]),
    );
  }
  if (f.activeOnly) q = q.where('revoked_at', 'is', null);
  return (await q.execute()).map(delegationFromRow);
}

export async function findDelegation(
  reader: Reader,
  id: string,
): Promise<DelegationRecord | undefined> {
  const r = await reader.db
    .selectFrom('governance_delegation')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return r && delegationFromRow(r);
}

export async function insertDelegation(tx: Tx, d: DelegationRecord): Promise<void> {
  await tx.db
    .insertInto('governance_delegation')
    .values({
      id: d.id,
      from_organisation_id: d.from,
      to_organisation_id: d.to,
      topic: d.topic,
      created_at: d.createdAt,
      revoked_at: d.revokedAt,
    })
    .execute();
}

export async function revokeDelegation(tx: Tx, id: string, at: string): Promise<void> {
  await tx.db
    .updateTable('governance_delegation')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .execute();
}

// --- the keystone's history ---

export async function keystoneHistory(reader: Reader): Promise<KeystoneTerm[]> {
  const rows = await reader.db
    .selectFrom('governance_keystone')
    .selectAll()
    .orderBy('since', 'desc')
    .execute();
  return rows.map((r) => ({
    organisationId: r.organisation_id,
    since: r.since,
    until: r.until,
    proposalId: r.proposal_id,
  }));
}

export async function closeKeystoneTerm(tx: Tx, until: string): Promise<void> {
  await tx.db
    .updateTable('governance_keystone')
    .set({ until })
    .where('until', 'is', null)
    .execute();
}

export async function insertKeystoneTerm(tx: Tx, t: KeystoneTerm): Promise<void> {
  await tx.db
    .insertInto('governance_keystone')
    .values({
      since: t.since,
      organisation_id: t.organisationId,
      until: t.until,
      proposal_id: t.proposalId,
    })
    .execute();
}
