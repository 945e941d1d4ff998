import { loadConfig } from '../config.ts';
import { verifyJournal } from '../journal/index.ts';
import { openPlatform } from '../platform.ts';

export async function journalVerify(): Promise<number> {
  const platform = await openPlatform(loadConfig());
  try {
    const verdict = await verifyJournal(platform.store);
    if (verdict.ok) {
      console.log(`journal intact: ${verdict.count} events, head at ${verdict.headSeq}`);
      return 0;
    }
    console.error(`journal broken at event ${verdict.seq}: ${verdict.reason}`);
    return 1;
  } finally {
    await platform.close();
  }
}
