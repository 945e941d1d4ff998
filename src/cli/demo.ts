import { loadConfig } from '../config.ts';
import { isEmpty, seedExample } from '../example/seed.ts';
import { openPlatform, wipe } from '../platform.ts';

export async function demo(args: string[]): Promise<number> {
  const reset = args.includes('--reset');
  const platform = await openPlatform(loadConfig());
  try {
    if (reset) await wipe(platform);
    else if (!(await isEmpty(platform))) {
      console.error(
        'The database holds data already; use `digicluster demo --reset` to wipe it and seed the example.',
      );
      return 1;
    }
    const n = await seedExample(platform, { plan: true });
    console.log(
      `Seeded the Kuzbass example: ${n.organisations} organisations, ${n.sites} sites, ${n.users} users, ${n.listings} listings.`,
    );
    return 0;
  } finally {
    await platform.close();
  }
}
