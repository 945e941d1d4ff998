// Opens a fresh database of each dialect for a test file: a temp SQLite file, and a new
// PostgreSQL database on 127.0.0.1:5432 (dropped afterwards). Without PostgreSQL the
// PostgreSQL half is skipped with its reason, except under CI=true, where it fails.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPlatform, type Platform } from '../../src/platform.ts';
import { onCI } from '../ci.ts';

export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  dialect: 'sqlite' | 'postgres';
  /** environment for a CLI child process pointing at this database */
  env: Record<string, string>;
  open(): Promise<Platform>;
  drop(): Promise<void>;
}

let pgReason: Promise<string | null> | undefined;

async function probe(timeoutMs: number): Promise<string | null> {
  const client = new pg.Client({
    connectionString: PG_ADMIN_URL,
    connectionTimeoutMillis: timeoutMs,
  });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (e) {
    return (e as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Why PostgreSQL cannot be used, or null when it can. A busy machine (two test files at
 * once, a blocked event loop) can make one connection attempt time out although the server
 * is up, so a timeout is retried for up to 30 s; a refused connection answers at once.
 */
export function postgresUnavailable(): Promise<string | null> {
  pgReason ??= (async () => {
    let last: string | null = null;
    for (let attempt = 0; attempt < 3; attempt++) {
      last = await probe(10_000);
      if (last === null) return null;
      if (!/timeout/i.test(last)) break;
    }
    return `PostgreSQL at ${PG_ADMIN_URL} is not reachable (${last})`;
  })();
  return pgReason;
}

export function sqliteDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'digicluster-test-'));
  const file = join(dir, 'test.db');
  return {
    dialect: 'sqlite',
    env: { SQLITE_FILE: file, DATABASE_URL: '' },
    open: () => openPlatform({ sqliteFile: file, sessionTtlHours: 1 }),
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function postgresDatabase(): Promise<TestDatabase> {
  const name = `dc_test_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    dialect: 'postgres',
    env: { DATABASE_URL: url.toString() },
    open: () => openPlatform({ databaseUrl: url.toString(), sessionTtlHours: 1 }),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * The dialects a medium test runs on: `skip` carries the reason when PostgreSQL is absent
 * outside CI; under CI its absence throws, failing the run.
 */
export async function eachDialect(): Promise<
  Array<{ name: 'sqlite' | 'postgres'; skip: string | false; make: () => Promise<TestDatabase> }>
> {
  const reason = await postgresUnavailable();
  if (reason && onCI()) throw new Error(`${reason}; CI needs it for the PostgreSQL suite`);
  return [
    { name: 'sqlite', skip: false, make: async () => sqliteDatabase() },
    { name: 'postgres', skip: reason ?? false, make: postgresDatabase },
  ];
}
