// Foreign keys from the exchange's tables to the registry's organisations and sites, and money
// in integer kopecks: listing prices in bigint columns (out of the JSON), each match's savings
// in a bigint column, and every stored figure of the release before (roubles as floats)
// converted (see legacy.ts). Upgrades a database in place on both dialects:
// PostgreSQL alters its tables; SQLite, which cannot add a foreign key to a table, rebuilds
// them (create, copy, drop, rename, index) in one transaction.
import { type Kysely, SqliteAdapter, sql } from 'kysely';
import { messageByCode } from '../../model/messages.ts';
import '../messages.ts'; // the exchange's message codes, to word warnings back for `down`
import {
  downgradeFlow,
  downgradeListingData,
  downgradePlanDocument,
  upgradeFlow,
  upgradeListingData,
  upgradePlanDocument,
} from './legacy.ts';

// biome-ignore lint/suspicious/noExplicitAny: migrations see the tables as they are at this step
type Db = Kysely<any>;
type Row = Record<string, unknown>;

const PAGE = 500;
const kopecks = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** Every row of a table in id order, a page at a time (saved plans can be large). */
async function* rowsOf(db: Db, table: string): AsyncGenerator<Row> {
  let after: string | null = null;
  for (;;) {
    let q = db.selectFrom(table).selectAll().orderBy('id').limit(PAGE);
    if (after !== null) q = q.where('id', '>', after);
    const rows = (await q.execute()) as Row[];
    yield* rows;
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1].id as string;
  }
}

// --- the rows, converted one way or the other ---

const upListing = (r: Row): Row => {
  const { data, money } = upgradeListingData(JSON.parse(r.data as string));
  return {
    ...r,
    data: JSON.stringify(data),
    disposal_cost_kopecks_per_unit: money.disposalCostKopecksPerUnit,
    price_kopecks_per_unit: money.priceKopecksPerUnit,
  };
};
const upPlan = (r: Row): Row => ({
  ...r,
  data: JSON.stringify(upgradePlanDocument(JSON.parse(r.data as string))),
});
const upMatch = (r: Row): Row => {
  const flow = upgradeFlow(JSON.parse(r.flow as string));
  return { ...r, flow: JSON.stringify(flow), savings_kopecks: flow.savingsKopecks };
};

const downListing = (r: Row): Row => {
  const { disposal_cost_kopecks_per_unit, price_kopecks_per_unit, ...rest } = r;
  const data = downgradeListingData(JSON.parse(r.data as string), {
    disposalCostKopecksPerUnit: kopecks(disposal_cost_kopecks_per_unit),
    priceKopecksPerUnit: kopecks(price_kopecks_per_unit),
  });
  return { ...rest, data: JSON.stringify(data) };
};
const english = (w: { code: string; params: Record<string, string | number> }) =>
  messageByCode(w.code, w.params)?.text('en') ?? w.code;
const downPlan = (r: Row): Row => ({
  ...r,
  data: JSON.stringify(downgradePlanDocument(JSON.parse(r.data as string), english)),
});
const downMatch = (r: Row): Row => {
  const { savings_kopecks: _s, ...rest } = r;
  return { ...rest, flow: JSON.stringify(downgradeFlow(JSON.parse(r.flow as string))) };
};

/** Refuses, naming them, rows that the new foreign keys would refuse (none a service writes). */
async function requireNoOrphans(db: Db): Promise<void> {
  const orphans = await sql<{ what: string; id: string; ref: string }>`
    select 'listing' as what, l.id, l.organisation_id as ref from exchange_listing l
      where not exists (select 1 from organisation o where o.id = l.organisation_id)
    union all
    select 'listing site', l.id, l.site_id from exchange_listing l
      where not exists (select 1 from site s where s.id = l.site_id)
    union all
    select 'match', m.id, m.supply_organisation_id from exchange_match m
      where not exists (select 1 from organisation o where o.id = m.supply_organisation_id)
    union all
    select 'match', m.id, m.demand_organisation_id from exchange_match m
      where not exists (select 1 from organisation o where o.id = m.demand_organisation_id)
    union all
    select 'plan', p.id, p.organisation_id from exchange_plan p
      where p.organisation_id is not null
        and not exists (select 1 from organisation o where o.id = p.organisation_id)`.execute(db);
  if (orphans.rows.length)
    throw new Error(
      `exchange rows refer to records that do not exist: ${orphans.rows
        .slice(0, 10)
        .map((o) => `${o.what} ${o.id} → ${o.ref}`)
        .join(', ')}`,
    );
}

// --- the tables ---

interface Shape {
  /** foreign keys and money columns of this migration */
  keysAndMoney: boolean;
}

async function createListingTable(db: Db, name: string, s: Shape) {
  let t = db.schema
    .createTable(name)
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('material_id', 'text')
    .addColumn('use_id', 'text')
    .addColumn('fkko', 'text')
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('available_from', 'text', (c) => c.notNull())
    .addColumn('available_to', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull());
  if (s.keysAndMoney)
    t = t
      .addColumn('disposal_cost_kopecks_per_unit', 'bigint')
      .addColumn('price_kopecks_per_unit', 'bigint')
      .addForeignKeyConstraint(
        'exchange_listing_organisation_fk',
        ['organisation_id'],
        'organisation',
        ['id'],
      )
      .addForeignKeyConstraint('exchange_listing_site_fk', ['site_id'], 'site', ['id']);
  await t.execute();
}

async function createPlanTable(db: Db, name: string, s: Shape) {
  let t = db.schema
    .createTable(name)
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text')
    .addColumn('data', 'text', (c) => c.notNull());
  if (s.keysAndMoney)
    t = t.addForeignKeyConstraint(
      'exchange_plan_organisation_fk',
      ['organisation_id'],
      'organisation',
      ['id'],
    );
  await t.execute();
}

async function createMatchTable(
  db: Db,
  name: string,
  refs: { plan: string; listing: string },
  s: Shape,
) {
  let t = db.schema
    .createTable(name)
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references(`${refs.plan}.id`))
    .addColumn('supply_listing_id', 'text', (c) => c.notNull().references(`${refs.listing}.id`))
    .addColumn('demand_listing_id', 'text', (c) => c.notNull().references(`${refs.listing}.id`))
    .addColumn('supply_organisation_id', 'text', (c) => c.notNull())
    .addColumn('demand_organisation_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('supply_decision', 'text', (c) => c.notNull())
    .addColumn('supply_decided_at', 'text')
    .addColumn('supply_decided_by', 'text')
    .addColumn('demand_decision', 'text', (c) => c.notNull())
    .addColumn('demand_decided_at', 'text')
    .addColumn('demand_decided_by', 'text')
    .addColumn('flow', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull());
  if (s.keysAndMoney)
    t = t
      .addColumn('savings_kopecks', 'bigint', (c) => c.notNull())
      .addForeignKeyConstraint(
        'exchange_match_supply_organisation_fk',
        ['supply_organisation_id'],
        'organisation',
        ['id'],
      )
      .addForeignKeyConstraint(
        'exchange_match_demand_organisation_fk',
        ['demand_organisation_id'],
        'organisation',
        ['id'],
      );
  await t.execute();
}

/** The indexes of 2026-11-29-02 (dropped with a rebuilt table), and this step's. */
const indexes02: Array<[string, string, string]> = [
  ['exchange_listing_organisation', 'exchange_listing', 'organisation_id'],
  ['exchange_listing_status', 'exchange_listing', 'status'],
  ['exchange_match_supply_organisation_id', 'exchange_match', 'supply_organisation_id'],
  ['exchange_match_demand_organisation_id', 'exchange_match', 'demand_organisation_id'],
  ['exchange_match_plan_id', 'exchange_match', 'plan_id'],
];
/** For the quantity check of a match and the foreign keys' lookups. */
const indexes03: Array<[string, string, string]> = [
  ['exchange_match_supply_listing_id', 'exchange_match', 'supply_listing_id'],
  ['exchange_match_demand_listing_id', 'exchange_match', 'demand_listing_id'],
];

async function createIndexes(db: Db, list: Array<[string, string, string]>) {
  for (const [name, table, column] of list)
    await db.schema.createIndex(name).on(table).column(column).execute();
}

/**
 * SQLite: builds the exchange's three tables anew under `*_next` names in the given shape,
 * copies every row converted, drops the old tables and renames the new ones (SQLite rewrites
 * the references between them on rename), then indexes them.
 */
async function rebuildSqlite(
  db: Db,
  s: Shape,
  convert: { listing: (r: Row) => Row; plan: (r: Row) => Row; match: (r: Row) => Row },
) {
  await createListingTable(db, 'exchange_listing_next', s);
  await createPlanTable(db, 'exchange_plan_next', s);
  await createMatchTable(
    db,
    'exchange_match_next',
    { plan: 'exchange_plan_next', listing: 'exchange_listing_next' },
    s,
  );
  for (const [table, f] of [
    ['exchange_listing', convert.listing],
    ['exchange_plan', convert.plan],
    ['exchange_match', convert.match],
  ] as const)
    for await (const row of rowsOf(db, table))
      await db.insertInto(`${table}_next`).values(f(row)).execute();
  // children first, so that no dropped table is still referred to
  for (const table of ['exchange_match', 'exchange_plan', 'exchange_listing'])
    await db.schema.dropTable(table).execute();
  for (const table of ['exchange_listing', 'exchange_plan', 'exchange_match'])
    await db.schema.alterTable(`${table}_next`).renameTo(table).execute();
  await createIndexes(db, s.keysAndMoney ? [...indexes02, ...indexes03] : indexes02);
  const broken = await sql`pragma foreign_key_check`.execute(db);
  if (broken.rows.length)
    throw new Error(`foreign keys broken after the rebuild: ${JSON.stringify(broken.rows)}`);
}

/** PostgreSQL: each table converted row by row where it is. */
async function convertInPlace(db: Db, table: string, f: (r: Row) => Row) {
  for await (const row of rowsOf(db, table)) {
    const { id, ...next } = f(row);
    await db.updateTable(table).set(next).where('id', '=', id).execute();
  }
}

const isSqlite = (db: Db) => db.getExecutor().adapter instanceof SqliteAdapter;

/** SQLite's migrations run outside a transaction (Kysely); this one must not stop half-way. */
const atomically = (db: Db, work: (db: Db) => Promise<void>) =>
  isSqlite(db) ? db.transaction().execute(work) : work(db);

export async function up(db: Db): Promise<void> {
  await atomically(db, async (db) => {
    await requireNoOrphans(db);
    if (isSqlite(db)) {
      await rebuildSqlite(
        db,
        { keysAndMoney: true },
        { listing: upListing, plan: upPlan, match: upMatch },
      );
      return;
    }
    await db.schema
      .alterTable('exchange_listing')
      .addColumn('disposal_cost_kopecks_per_unit', 'bigint')
      .addColumn('price_kopecks_per_unit', 'bigint')
      .execute();
    await db.schema.alterTable('exchange_match').addColumn('savings_kopecks', 'bigint').execute();
    await convertInPlace(db, 'exchange_listing', upListing);
    await convertInPlace(db, 'exchange_plan', upPlan);
    await convertInPlace(db, 'exchange_match', upMatch);
    await db.schema
      .alterTable('exchange_match')
      .alterColumn('savings_kopecks', (c) => c.setNotNull())
      .execute();
    const keys: Array<[string, string, string, string]> = [
      ['exchange_listing', 'exchange_listing_organisation_fk', 'organisation_id', 'organisation'],
      ['exchange_listing', 'exchange_listing_site_fk', 'site_id', 'site'],
      ['exchange_plan', 'exchange_plan_organisation_fk', 'organisation_id', 'organisation'],
      [
        'exchange_match',
        'exchange_match_supply_organisation_fk',
        'supply_organisation_id',
        'organisation',
      ],
      [
        'exchange_match',
        'exchange_match_demand_organisation_fk',
        'demand_organisation_id',
        'organisation',
      ],
    ];
    for (const [table, name, column, target] of keys)
      await db.schema
        .alterTable(table)
        .addForeignKeyConstraint(name, [column], target, ['id'])
        .execute();
    await createIndexes(db, indexes03);
  });
}

export async function down(db: Db): Promise<void> {
  await atomically(db, async (db) => {
    if (isSqlite(db)) {
      await rebuildSqlite(
        db,
        { keysAndMoney: false },
        { listing: downListing, plan: downPlan, match: downMatch },
      );
      return;
    }
    for (const [name] of indexes03) await db.schema.dropIndex(name).execute();
    for (const [table, name] of [
      ['exchange_listing', 'exchange_listing_organisation_fk'],
      ['exchange_listing', 'exchange_listing_site_fk'],
      ['exchange_plan', 'exchange_plan_organisation_fk'],
      ['exchange_match', 'exchange_match_supply_organisation_fk'],
      ['exchange_match', 'exchange_match_demand_organisation_fk'],
    ])
      await db.schema.alterTable(table).dropConstraint(name).execute();
    await convertInPlace(db, 'exchange_listing', downListing);
    await convertInPlace(db, 'exchange_plan', downPlan);
    await convertInPlace(db, 'exchange_match', downMatch);
    await db.schema
      .alterTable('exchange_listing')
      .dropColumn('disposal_cost_kopecks_per_unit')
      .dropColumn('price_kopecks_per_unit')
      .execute();
    await db.schema.alterTable('exchange_match').dropColumn('savings_kopecks').execute();
  });
}
