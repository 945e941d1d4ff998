// A second process on the test's database (SQLITE_FILE or DATABASE_URL):
//   write TYPE COUNT           records COUNT events, one transaction each, like a CLI command
//   crash COUNT BLOCK_AT       runs subscriber `crash-sub` (batches of one, 1.5 s lease) and
//                              commits COUNT `crash.ping` events in one transaction; the handler
//                              writes its effect and, on the event with n = BLOCK_AT, prints
//                              "blocked SEQ" and never returns, so the test can kill it there.
//   runner NAME TYPE OWNER LEASE_MS [COUNT]
//                              runs one subscriber (effects by OWNER) until SIGTERM, which
//                              stops it as the server does (handing the lease back); with
//                              COUNT, also records COUNT events of TYPE (n = 1001, 1002, ...).
import { Subscriptions } from '../../src/journal/index.ts';
import { openPlatform } from '../../src/platform.ts';
import { effectSubscriber, record } from './subscriptions-support.ts';

const [mode, ...args] = process.argv.slice(2);
const platform = await openPlatform({
  databaseUrl: process.env.DATABASE_URL || undefined,
  sqliteFile: process.env.SQLITE_FILE,
  sessionTtlHours: 1,
});
const range = (count: number) => Array.from({ length: count }, (_, i) => i + 1);

if (mode === 'write') {
  const [type, count] = [args[0], Number(args[1])];
  for (const n of range(count)) await record(platform.store, type, [n]);
  console.log(`committed ${Date.now()}`);
  await platform.close();
} else if (mode === 'crash') {
  const [count, blockAt] = [Number(args[0]), Number(args[1])];
  const runner = new Subscriptions(
    platform.store,
    [
      effectSubscriber('crash-sub', ['crash.ping'], 'child', async (event) => {
        if ((event.payload as { n: number }).n !== blockAt) return;
        console.log(`blocked ${event.seq}`);
        await new Promise(() => {});
      }),
    ],
    { owner: 'child', leaseMs: 1500, batchSize: 1, log: () => {} },
  );
  await runner.start();
  const seqs = await record(platform.store, 'crash.ping', range(count));
  console.log(`committed ${seqs.join(',')}`);
  // the handler blocks on event BLOCK_AT: this process waits there until it is killed (the
  // bell's timer is unref'd, so like a server it keeps itself alive)
  setInterval(() => {}, 60_000);
} else if (mode === 'runner') {
  const [name, type, owner, leaseMs] = [args[0], args[1], args[2], Number(args[3])];
  const runner = new Subscriptions(platform.store, [effectSubscriber(name, [type], owner)], {
    owner,
    leaseMs,
    retryMs: 50,
    log: (e) => console.error(`${e.level}: ${e.message}`),
  });
  await runner.start();
  const alive = setInterval(() => {}, 60_000);
  process.once('SIGTERM', async () => {
    clearInterval(alive);
    await runner.stop();
    await platform.close();
    process.exit(0);
  });
  console.log('started 1');
  const count = Number(args[4] ?? 0);
  for (const n of range(count)) await record(platform.store, type, [1000 + n]);
  if (count) console.log(`wrote ${count}`);
} else {
  console.error(`unknown mode ${mode}`);
  process.exit(2);
}
