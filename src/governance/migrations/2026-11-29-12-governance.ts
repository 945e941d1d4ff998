import type { Kysely } from 'kysely';

// Governance's tables: the charter's versions, proposals, ballots, delegations and the
// keystone's history. Each record's fields as JSON in `data`, the ones it is looked up by beside.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('governance_charter')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('adopted_at', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('governance_proposal')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('governance_proposal_status')
    .on('governance_proposal')
    .column('status')
    .execute();
  await db.schema
    .createTable('governance_ballot')
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('governance_proposal.id'))
    .addColumn('voter', 'text', (c) => c.notNull())
    .addColumn('cast_at', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('governance_ballot_pk', ['proposal_id', 'voter'])
    .execute();
  await db.schema
    .createTable('governance_delegation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('from_organisation_id', 'text', (c) => c.notNull())
    .addColumn('to_organisation_id', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createIndex('governance_delegation_from')
    .on('governance_delegation')
    .column('from_organisation_id')
    .execute();
  await db.schema
    .createTable('governance_keystone')
    .addColumn('since', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('until', 'text')
    .addColumn('proposal_id', 'text')
    .addPrimaryKeyConstraint('governance_keystone_pk', ['since', 'organisation_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'governance_keystone',
    'governance_delegation',
    'governance_ballot',
    'governance_proposal',
    'governance_charter',
  ])
    await db.schema.dropTable(t).ifExists().execute();
}
