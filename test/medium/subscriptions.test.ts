// The journal-cursor subscription on SQLite and PostgreSQL: catch-up on start, a process killed
// between a commit and its handling, at-least-once with idempotent effects, writes by another
// process picked up, and one handler per subscriber across processes (the lease).
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  EVENT_PARKED,
  EVENT_REPLAYED,
  journalHeadSeq,
  listEvents,
  ReplayRefused,
  recordEvent,
  replayParked,
  type Subscriber,
  type SubscriptionLogEntry,
  Subscriptions,
} from '../../src/journal/index.ts';
import { openPlatform, type Platform } from '../../src/platform.ts';
import type { Store } from '../../src/store/index.ts';
import { eachDialect, type TestDatabase } from './dialects.ts';
import { createEffectTable, effectSubscriber, effects, record } from './subscriptions-support.ts';

const childScript = fileURLToPath(new URL('./subscriptions-child.ts', import.meta.url));

/** Polls `check` until it holds; fails with `what` after `timeoutMs` (generous: no timing claim). */
async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function cursor(store: Store, name: string) {
  const row = await store.db
    .selectFrom('journal_subscriber')
    .select(['cursor_seq', 'lease_owner'])
    .where('name', '=', name)
    .executeTakeFirst();
  return row ? { seq: Number(row.cursor_seq), owner: row.lease_owner } : undefined;
}

const caughtUp = async (store: Store, name: string) =>
  (await cursor(store, name))?.seq === (await journalHeadSeq(store));

/** Each handled event's seq, asserting none was handled twice. */
function onceEach(rows: { seq: number }[]): number[] {
  const seqs = rows.map((r) => r.seq);
  assert.equal(new Set(seqs).size, seqs.length, `an event was handled twice: ${seqs.join(',')}`);
  return seqs;
}

function child(args: string[], env: Record<string, string>) {
  const proc: ChildProcess = spawn(process.execPath, ['--import', 'tsx', childScript, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stdout?.on('data', (c) => {
    out += c;
  });
  proc.stderr?.on('data', (c) => {
    err += c;
  });
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    proc.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    proc,
    exited,
    stderr: () => err,
    /** the first stdout line starting with `word`, once printed */
    line: async (word: string) => {
      let found: string | undefined;
      await waitFor(`the child to print "${word}" (stderr: ${err})`, async () => {
        found = out.split('\n').find((l) => l.startsWith(`${word} `));
        return found !== undefined || proc.exitCode !== null;
      });
      if (found === undefined) throw new Error(`child exited early: ${err}`);
      return found.slice(word.length + 1);
    },
  };
}

for (const d of await eachDialect()) {
  describe(`journal subscriptions on ${d.name}`, { skip: d.skip }, () => {
    let db: TestDatabase;
    let p: Platform;
    const runners: Subscriptions[] = [];
    const logs: SubscriptionLogEntry[] = [];
    const log = (e: SubscriptionLogEntry) => logs.push(e);
    /** A runner over `store`, stopped after the file; faster retries than the defaults. */
    async function run(
      store: Store,
      subs: Subscriber[],
      owner: string,
      leaseMs = 30_000,
      maxAttempts = 1000,
    ) {
      const r = new Subscriptions(store, subs, {
        owner,
        log,
        leaseMs,
        retryMs: 50,
        maxRetryMs: 400,
        maxAttempts,
      });
      runners.push(r);
      await r.start();
      return r;
    }

    before(async () => {
      db = await d.make();
      p = await db.open();
      await createEffectTable(p.store);
    });
    after(async () => {
      for (const r of runners) await r.stop();
      await p?.close();
      await db?.drop();
    });

    test('catch-up on start: events written before it are handled in order, once', async () => {
      const a = await record(p.store, 'catchup.a', [1, 2, 3]);
      const b = await record(p.store, 'catchup.b', [1, 2]);
      a.push(...(await record(p.store, 'catchup.a', [4, 5])));
      const seenByAll: number[] = [];
      const subs: Subscriber[] = [
        effectSubscriber('catchup-a', ['catchup.a'], 'first'),
        { name: 'catchup-all', types: 'all', handle: async (_tx, e) => void seenByAll.push(e.seq) },
      ];
      const r = await run(p.store, subs, 'first');
      await waitFor('the catch-up', async () =>
        (await Promise.all(subs.map((s) => caughtUp(p.store, s.name)))).every(Boolean),
      );
      assert.deepEqual(onceEach(await effects(p.store, 'catchup-a')), a);
      const all = (await listEvents(p.store, { limit: 5000 })).map((e) => e.seq);
      assert.deepEqual(seenByAll, all, 'every event, in order, once');
      assert.ok(b.every((s) => seenByAll.includes(s)));

      // a restart resumes from the cursors: nothing is handled again
      await r.stop();
      const again = await run(
        p.store,
        [effectSubscriber('catchup-a', ['catchup.a'], 'second')],
        'second',
      );
      await again.catchUp();
      assert.deepEqual(onceEach(await effects(p.store, 'catchup-a')), a);
      await again.stop();
    });

    test('a commit in this process wakes the runner without a poll; a reaction reaches the next subscriber', async () => {
      // a platform whose poll interval is a minute: only the after-commit ring can wake it
      const slow = await openPlatform({
        databaseUrl: db.env.DATABASE_URL || undefined,
        sqliteFile: db.env.SQLITE_FILE,
        sessionTtlHours: 1,
        journalPollMs: 60_000,
      });
      try {
        // the modules' own subscribers run, none failing
        const modules = (await slow.startSubscriptions({ log })).status();
        assert.ok(modules.some((st) => st.name === 'exchange.withdraw-listings-of-former-members'));
        assert.deepEqual(
          modules.filter((st) => st.failures > 0),
          [],
        );
        // the first reacts by recording an event, which the second handles: a chain of modules
        const chain: Subscriber = {
          name: 'poke-chain',
          types: ['poke.start'],
          handle: (tx, e) =>
            recordEvent(tx, {
              actor: 'system',
              organisationId: null,
              type: 'poke.next',
              payload: { n: (e.payload as { n: number }).n },
            }).then(() => {}),
        };
        await run(
          slow.store,
          [chain, effectSubscriber('poke-next', ['poke.next'], 'slow')],
          'slow',
        );
        await record(slow.store, 'poke.start', [7]);
        await waitFor(
          'the chained reaction',
          async () => (await effects(slow.store, 'poke-next')).length > 0,
          10_000,
        );
        const [effect] = await effects(slow.store, 'poke-next');
        assert.equal(effect.n, 7);
        const [next] = await listEvents(slow.store, { type: 'poke.next' });
        assert.equal(effect.seq, next.seq);
      } finally {
        for (const r of runners.splice(0)) await r.stop();
        await slow.close();
      }
    });

    test('a process killed between its commit and the handling loses nothing', async () => {
      const count = 6;
      const blockAt = 3;
      const c = child(['crash', String(count), String(blockAt)], db.env);
      try {
        const blockedSeq = Number(await c.line('blocked'));
        const committed = (await c.line('committed')).split(',').map(Number);
        assert.equal(committed.length, count);
        // the child handled and committed the events before the one it blocks on
        const early = await effects(p.store, 'crash-sub');
        assert.deepEqual(
          early.map((e) => e.n),
          [1, 2],
        );
        assert.equal((await cursor(p.store, 'crash-sub'))?.seq, committed[blockAt - 2]);
        assert.equal(blockedSeq, committed[blockAt - 1]);
        c.proc.kill('SIGKILL');
        assert.equal((await c.exited).signal, 'SIGKILL');
      } finally {
        c.proc.kill('SIGKILL');
      }
      // the dead child still holds the lease (1.5 s): a fresh runner waits for it, then takes over
      await run(p.store, [effectSubscriber('crash-sub', ['crash.ping'], 'parent')], 'parent');
      await waitFor('the takeover', () => caughtUp(p.store, 'crash-sub'));
      const rows = await effects(p.store, 'crash-sub');
      onceEach(rows);
      assert.deepEqual(
        rows.map((e) => [e.n, e.runner]),
        [
          [1, 'child'],
          [2, 'child'],
          [3, 'parent'],
          [4, 'parent'],
          [5, 'parent'],
          [6, 'parent'],
        ],
      );
      assert.ok(
        logs.some((l) => l.level === 'warn' && /took over the lease that child/.test(l.message)),
      );
    });

    test('a failing handler rolls back, keeps its cursor, is retried; others go on', async () => {
      const seqs = await record(p.store, 'flaky.ping', [1, 2, 3, 4]);
      let failing = true;
      const attempts = new Map<number, number>();
      const flaky = effectSubscriber('flaky', ['flaky.ping'], 'main', (e) => {
        attempts.set(e.seq, (attempts.get(e.seq) ?? 0) + 1);
        // thrown after the effect was written: the rollback must take the row away
        if ((e.payload as { n: number }).n === 2 && failing) throw new Error('not today');
      });
      const r = await run(
        p.store,
        [flaky, effectSubscriber('steady', ['flaky.ping'], 'main')],
        'main',
      );
      await waitFor('three attempts on event 2', async () => (attempts.get(seqs[1]) ?? 0) >= 3);
      await waitFor('the steady subscriber', () => caughtUp(p.store, 'steady'));
      assert.deepEqual(onceEach(await effects(p.store, 'steady')), seqs);
      // the cursor sits just before the failing event; nothing after it was handled
      assert.equal((await cursor(p.store, 'flaky'))?.seq, seqs[0]);
      assert.deepEqual(onceEach(await effects(p.store, 'flaky')), [seqs[0]]);
      assert.ok(
        logs.some((l) => l.subscriber === 'flaky' && l.level === 'error' && l.seq === seqs[1]),
      );
      const status = r.status().find((s) => s.name === 'flaky')!;
      assert.ok(
        status.failures >= 3 && /not today/.test(status.lastError ?? ''),
        JSON.stringify(status),
      );

      failing = false;
      await waitFor('the flaky subscriber to recover', () => caughtUp(p.store, 'flaky'));
      assert.deepEqual(onceEach(await effects(p.store, 'flaky')), seqs, 'each effect once');
      assert.ok((attempts.get(seqs[1]) ?? 0) >= 4, 'handled more than once, recorded once');
      assert.equal(r.status().find((s) => s.name === 'flaky')?.failures, 0);
    });

    test('a poison event is parked after five failed attempts, journaled and logged; later events go on', async () => {
      const seqs = await record(p.store, 'poison.ping', [1, 2, 3]);
      const attempts = new Map<number, number>();
      const sub = effectSubscriber('poisoned', ['poison.ping'], 'main', (e) => {
        attempts.set(e.seq, (attempts.get(e.seq) ?? 0) + 1);
        // its effect is written first: parking must leave none of it
        if ((e.payload as { n: number }).n === 2) throw new Error('never handled');
      });
      const r = await run(p.store, [sub], 'main', 30_000, 5);
      await waitFor('the poisoned subscriber to move on', () => caughtUp(p.store, 'poisoned'));
      // a later event, recorded after the parking, is handled too
      const later = await record(p.store, 'poison.ping', [4]);
      await r.catchUp();
      await waitFor('the later event', () => caughtUp(p.store, 'poisoned'));
      assert.deepEqual(onceEach(await effects(p.store, 'poisoned')), [seqs[0], seqs[2], later[0]]);
      assert.equal(attempts.get(seqs[1]), 5, 'tried five times, then parked');
      const parked = (await listEvents(p.store, { limit: 5000 })).filter(
        (e) => e.type === EVENT_PARKED,
      );
      assert.equal(parked.length, 1);
      assert.deepEqual(parked[0].payload, {
        subscriber: 'poisoned',
        seq: seqs[1],
        type: 'poison.ping',
        attempts: 5,
        error: 'never handled',
      });
      assert.ok(
        logs.some(
          (l) =>
            l.level === 'error' &&
            l.subscriber === 'poisoned' &&
            l.seq === seqs[1] &&
            /parked event/.test(l.message),
        ),
      );
      assert.equal(r.status().find((s) => s.name === 'poisoned')?.failures, 0);
      await r.stop();

      // the operator replays it: refused while the cause stays (nothing written), then handled
      // once it is mended, journaled; never twice, never an event that was not parked
      const before = await listEvents(p.store, { limit: 5000 });
      await assert.rejects(replayParked(p.store, [sub], 'poisoned', seqs[1]), /never handled/);
      assert.equal((await listEvents(p.store, { limit: 5000 })).length, before.length);
      assert.deepEqual(onceEach(await effects(p.store, 'poisoned')), [seqs[0], seqs[2], later[0]]);
      const mended = effectSubscriber('poisoned', ['poison.ping'], 'main');
      const done = await replayParked(p.store, [mended], 'poisoned', seqs[1]);
      assert.equal(done.type, EVENT_REPLAYED);
      assert.deepEqual(done.payload, { subscriber: 'poisoned', seq: seqs[1], type: 'poison.ping' });
      assert.deepEqual(
        onceEach(await effects(p.store, 'poisoned')).sort((a, b) => a - b),
        [seqs[0], seqs[1], seqs[2], later[0]],
      );
      await assert.rejects(
        replayParked(p.store, [mended], 'poisoned', seqs[1]),
        (e) => e instanceof ReplayRefused && /replayed to poisoned already/.test(e.message),
      );
      await assert.rejects(
        replayParked(p.store, [mended], 'poisoned', seqs[0]),
        (e) => e instanceof ReplayRefused && /has not parked event/.test(e.message),
      );
      await assert.rejects(
        replayParked(p.store, [mended], 'nobody', seqs[1]),
        (e) => e instanceof ReplayRefused && /no subscriber nobody/.test(e.message),
      );
    });

    test('a write by another process is picked up by a running runner', async (t) => {
      await run(p.store, [effectSubscriber('cli-sub', ['cli.ping'], 'server')], 'server');
      const c = child(['write', 'cli.ping', '3'], db.env);
      const committedAt = Number(await c.line('committed'));
      assert.equal((await c.exited).code, 0, c.stderr());
      await waitFor('the CLI events', async () => (await effects(p.store, 'cli-sub')).length === 3);
      t.diagnostic(`handled ${Date.now() - committedAt} ms after the other process committed`);
      assert.deepEqual(
        (await effects(p.store, 'cli-sub')).map((e) => e.n),
        [1, 2, 3],
      );
    });

    test('two processes on one database: one handler at a time, a handover on stop', async () => {
      // the other platform runs in a child process, as a second server would; both write, so
      // each one's runner is woken by its own commits and would handle them but for the lease
      const tens = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
      const one = await run(p.store, [effectSubscriber('leased', ['lease.ping'], 'one')], 'one');
      const c = child(['runner', 'leased', 'lease.ping', 'two', '30000', '10'], db.env);
      try {
        await c.line('started');
        for (const n of tens) await record(p.store, 'lease.ping', [n]);
        await c.line('wrote');
        await waitFor('the events', () => caughtUp(p.store, 'leased'));
        const first = await effects(p.store, 'leased');
        assert.deepEqual(
          first.map((e) => e.n).sort((x, y) => (x ?? 0) - (y ?? 0)),
          [...tens, ...tens.map((n) => 1000 + n)],
        );
        onceEach(first);
        assert.equal(c.proc.exitCode, null, 'the other process is still running');
        const holders = new Set(first.map((e) => e.runner));
        assert.equal(holders.size, 1, 'only the lease holder handled');
        const holder = [...holders][0];
        assert.equal((await cursor(p.store, 'leased'))?.owner, holder);

        // the holder stops and hands its lease back: the other takes over at its next look
        if (holder === 'two') {
          c.proc.kill('SIGTERM');
          assert.equal((await c.exited).code, 0, c.stderr());
        } else await one.stop();
        await record(p.store, 'lease.ping', [11, 12]);
        await waitFor('the handover', () => caughtUp(p.store, 'leased'));
        const rows = await effects(p.store, 'leased');
        onceEach(rows);
        const other = holder === 'one' ? 'two' : 'one';
        assert.deepEqual(
          rows.slice(20).map((e) => [e.n, e.runner]),
          [
            [11, other],
            [12, other],
          ],
        );
      } finally {
        c.proc.kill('SIGKILL');
        await c.exited;
      }
    });

    test('with a lease that keeps changing hands, no event is handled twice', async (t) => {
      // a 1 ms lease: every look may take it over, so only the row lock keeps them apart; both
      // processes write at once, and each one's commits wake its own runner straight away
      const c = child(['runner', 'contended', 'contend.ping', 'two', '1', '30'], db.env);
      try {
        await c.line('started');
        await run(p.store, [effectSubscriber('contended', ['contend.ping'], 'one')], 'one', 1);
        for (let i = 1; i <= 30; i++) await record(p.store, 'contend.ping', [i]);
        await c.line('wrote');
        await waitFor('the contended events', () => caughtUp(p.store, 'contended'));
        const rows = await effects(p.store, 'contended');
        onceEach(rows);
        assert.equal(rows.length, 60);
        assert.equal(c.proc.exitCode, null, 'the other process is still running');
        const by = (who: string) => rows.filter((r) => r.runner === who).length;
        t.diagnostic(`handled by this process ${by('one')}, by the other ${by('two')}`);
      } finally {
        c.proc.kill('SIGKILL');
        await c.exited;
      }
    });
  });
}
