import { existsSync } from 'node:fs';
import { loadConfig } from '../config.ts';
import { verifyJournal } from '../journal/index.ts';
import { openStore } from '../store/index.ts';

/** Checks the chain read-only: no migration runs and no database is created. */
export async function journalVerify(): Promise<number> {
  const config = loadConfig();
  if (!config.databaseUrl && !existsSync(config.sqliteFile)) {
    console.error(`no database at ${config.sqliteFile} (set SQLITE_FILE or DATABASE_URL)`);
    return 2;
  }
  const store = openStore({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile });
  try {
    const verdict = await verifyJournal(store);
    if (verdict.ok) {
      console.log(`journal intact: ${verdict.count} events, head at ${verdict.headSeq}`);
      return 0;
    }
    console.error(`journal broken at event ${verdict.seq}: ${verdict.reason}`);
    return 1;
  } finally {
    await store.close();
  }
}
