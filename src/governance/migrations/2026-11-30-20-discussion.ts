import type { Kysely } from 'kysely';

// Governance's discussion: each proposal's thread of messages, numbered in the order they were
// posted (the message as JSON in `data`).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('governance_message')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('governance_proposal.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('posted_at', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('governance_message_proposal')
    .on('governance_message')
    .unique()
    .columns(['proposal_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('governance_message').ifExists().execute();
}
