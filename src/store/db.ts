import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import { type Migration, Migrator, NO_MIGRATIONS } from 'kysely/migration';
import pg from 'pg';
import type { Database } from './database.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  close(): Promise<void>;
}

/** A unit of work: the transaction's query builder plus the dialect some statements depend on. */
export interface Tx {
  db: Transaction<Database>;
  dialect: Dialect;
}

/** Read-only access, inside a transaction or not. */
export interface Reader {
  db: Kysely<Database>;
  dialect: Dialect;
}

export interface StoreOptions {
  databaseUrl?: string;
  sqliteFile?: string;
}

/** Opens the store: PostgreSQL when a URL is given, otherwise one SQLite file in WAL mode. */
export function openStore(options: StoreOptions): Store {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle connection dropped by the server (restart, failover, admin) is an event, not a
    // crash: the pool replaces it on the next query. Without a listener Node would exit.
    pool.on('error', (error) => {
      process.emitWarning(`PostgreSQL connection lost: ${error.message}`);
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  const file = options.sqliteFile ?? ':memory:';
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/**
 * The SQLite connection as Kysely sees it, with its prepared statements kept by their text
 * (the 256 last used, up to 32 KiB of text each): Kysely prepares every query anew, and
 * preparing costs SQLite more than running a short query or a many-row insert of a few fixed
 * shapes (the telemetry writer's). Kysely runs one query at a time on the connection, so a
 * kept statement is never busy.
 */
function withStatementCache(sqlite: SQLite.Database) {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      let statement = kept.get(text);
      if (statement) kept.delete(text);
      else {
        statement = sqlite.prepare(text);
        // a long one-off statement (a many-row import) is not worth its memory
        if (text.length > 32_768) return statement;
        if (kept.size >= 256) kept.delete(kept.keys().next().value as string);
      }
      kept.set(text, statement);
      return statement;
    },
  };
}

export interface Migrations {
  /** every module's migrations by name; they run in name order */
  migrations: Record<string, Migration>;
  /**
   * Migrations whose work an older, larger migration already did: `{ new: old }` records
   * `new` as done wherever `old` is (a database made before a migration was split).
   */
  adopted?: Record<string, string>;
}

const MIGRATION_TABLE = 'kysely_migration';

/** Records adopted migrations as done where their predecessor ran (see `Migrations.adopted`). */
async function adopt(store: Store, adopted: Record<string, string>): Promise<void> {
  const tables = await store.db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === MIGRATION_TABLE)) return;
  const table = sql.table(MIGRATION_TABLE);
  const rows = await sql<{ name: string; timestamp: string }>`
    select name, timestamp from ${table}`.execute(store.db);
  const done = new Map(rows.rows.map((r) => [r.name, r.timestamp]));
  for (const [name, predecessor] of Object.entries(adopted)) {
    const at = done.get(predecessor);
    if (at !== undefined && !done.has(name))
      await sql`insert into ${table} (name, timestamp) values (${name}, ${at})`.execute(store.db);
  }
}

function migrator(store: Store, m: Migrations) {
  return new Migrator({
    db: store.db,
    provider: { getMigrations: async () => m.migrations },
    migrationTableName: MIGRATION_TABLE,
  });
}

export async function migrate(store: Store, m: Migrations): Promise<void> {
  await adopt(store, m.adopted ?? {});
  const { error, results } = await migrator(store, m).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}

/** Rolls every migration back and forward again: an empty database of the current schema. */
export async function resetSchema(store: Store, m: Migrations): Promise<void> {
  const { error } = await migrator(store, m).migrateTo(NO_MIGRATIONS);
  if (error) throw new Error(`rollback failed: ${String(error)}`);
  await migrate(store, m);
}
