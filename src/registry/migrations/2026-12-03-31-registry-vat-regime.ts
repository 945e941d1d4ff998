import type { Kysely } from 'kysely';

// An organisation's VAT regime (ОСНО or one of УСН's): what its sales charge and whether it
// deducts input VAT. Organisations recorded before are on the general regime, as the ledger
// had assumed of everyone.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('organisation')
    .addColumn('vat_regime', 'text', (c) => c.notNull().defaultTo('general'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('organisation').dropColumn('vat_regime').execute();
}
