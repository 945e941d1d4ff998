import type { Kysely } from 'kysely';

// The match lifecycle: each proposal keeps the terms of both listings it was made on (so a
// declined pair is not proposed again until one of them changes), and a proposal closed by a
// withdrawn or changed listing keeps why and when. Null on proposals made before.
const columns = ['supply_terms', 'demand_terms', 'closed_reason', 'closed_side', 'closed_at'];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of columns)
    await db.schema.alterTable('exchange_match').addColumn(column, 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of [...columns].reverse())
    await db.schema.alterTable('exchange_match').dropColumn(column).execute();
}
