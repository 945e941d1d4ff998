import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Actor, DomainError, wordIn } from '../model/index.ts';
import { actorKey, HeavyWork } from './heavy.ts';
import { MemoryHeavyLimiter } from './limiter.ts';
import { WorkPool } from './pool.ts';
import type { TestTask } from './test-tasks.ts';

const worker = new URL('./test-tasks.ts', import.meta.url);
const user = (id: string): Actor => ({ kind: 'user', id, organisationId: 'o', role: 'member' });

function blocker() {
  const flags = new SharedArrayBuffer(8);
  const view = new Int32Array(flags);
  return {
    task: { kind: 'block', flags } satisfies TestTask,
    running: async () => {
      while (Atomics.load(view, 0) === 0) await sleep(5);
    },
    release: () => {
      Atomics.store(view, 1, 1);
      Atomics.notify(view, 1);
    },
  };
}

const problemOf = (e: unknown) => {
  assert.ok(e instanceof DomainError, String(e));
  return e;
};

test('the deadline is the time limit from now (30 s unless given), capped', () => {
  const work = new HeavyWork({ heavyMaxSeconds: 60, workerThreads: 1 }, { now: () => 1_000 });
  assert.equal(work.deadline(), 1_000 + 30_000);
  assert.equal(work.deadline(2.5), 1_000 + 2_500);
  assert.equal(work.deadline(120), 1_000 + 60_000);
});

test('an actor beyond its limit gets 429 with Retry-After, worded by code; others go on', async () => {
  const work = new HeavyWork({ heavyPerActor: 1, workerThreads: 2 });
  try {
    const b = blocker();
    const first = work.run(user('a'), 20, async () => ({ worker, task: b.task }));
    await b.running();
    const refused = await work
      .run(user('a'), 20, async () => ({ worker, task: { kind: 'echo', value: 1 } }))
      .then(
        () => assert.fail('admitted beyond the limit'),
        (e) => problemOf(e),
      );
    assert.equal(refused.status, 429);
    assert.equal(refused.code, 'work.tooManyHeavy');
    assert.ok(refused.retryAfter! >= 1 && refused.retryAfter! <= 20, String(refused.retryAfter));
    assert.match(wordIn(refused.detail, 'en'), /You have 1 heavy requests/);
    assert.match(wordIn(refused.detail, 'ru'), /одновременно можно не больше 1;/);
    const other = await work.run<{ value: number }>(user('b'), 20, async () => ({
      worker,
      task: { kind: 'echo', value: 7 } satisfies TestTask,
    }));
    assert.equal(other.value, 7, 'another actor is not held up by the limit');
    b.release();
    assert.equal(await first, 'released');
    const again = await work.run<{ value: number }>(user('a'), 20, async () => ({
      worker,
      task: { kind: 'echo', value: 8 } satisfies TestTask,
    }));
    assert.equal(again.value, 8, 'the finished request gave its slot back');
  } finally {
    await work.close();
  }
});

test('work cancelled at its deadline is a 503 with Retry-After, and its slot is freed', async () => {
  const limiter = new MemoryHeavyLimiter(1);
  const work = new HeavyWork({ workerThreads: 1 }, { limiter });
  try {
    let seen = 0;
    const e = await work
      .run(user('a'), 0.1, async (deadline) => {
        seen = deadline;
        return { worker, task: blocker().task };
      })
      .then(
        () => assert.fail('a blocked task finished'),
        (x) => problemOf(x),
      );
    assert.ok(seen > 0, 'prepare got the deadline');
    assert.equal(e.status, 503);
    assert.equal(e.code, 'work.deadline');
    assert.ok(e.retryAfter !== undefined && e.retryAfter >= 1);
    assert.equal(limiter.heldBy(actorKey(user('a'))), 0);
  } finally {
    await work.close();
  }
});

test('a full pool is a 503 with Retry-After at once', async () => {
  const pool = new WorkPool({ threads: 1, maxQueue: 0 });
  const work = new HeavyWork({}, { pool });
  try {
    const b = blocker();
    const first = work.run(user('a'), 20, async () => ({ worker, task: b.task }));
    await b.running();
    const e = await work
      .run(user('b'), 20, async () => ({ worker, task: { kind: 'echo', value: 1 } }))
      .then(
        () => assert.fail('accepted beyond the pool'),
        (x) => problemOf(x),
      );
    assert.equal(e.status, 503);
    assert.equal(e.code, 'work.saturated');
    assert.ok(e.retryAfter! >= 1 && e.retryAfter! <= 20);
    b.release();
    await first;
  } finally {
    await work.close();
  }
});

test('a failure while preparing frees the slot and reaches the caller as it is', async () => {
  const limiter = new MemoryHeavyLimiter(1);
  const work = new HeavyWork({ workerThreads: 1 }, { limiter });
  await assert.rejects(
    work.run(user('a'), 5, async () => {
      throw new Error('database gone');
    }),
    /database gone/,
  );
  assert.equal(limiter.heldBy(actorKey(user('a'))), 0);
  await work.close();
});

test('users, API keys and the system are counted apart', () => {
  const keys = new Set([
    actorKey(user('x')),
    actorKey({ kind: 'apikey', id: 'x', organisationId: 'o', role: 'member' }),
    actorKey({ kind: 'system', id: 'system', organisationId: null, role: 'operator_admin' }),
  ]);
  assert.equal(keys.size, 3);
});

test('the process holds one HeavyWork: configured at boot, made again after close', async () => {
  const { closeWork, configureWork, heavyWork } = await import('./index.ts');
  configureWork({ workerThreads: 0, heavyPerActor: 3, heavyMaxSeconds: 10 });
  const work = heavyWork();
  assert.equal(heavyWork(), work, 'one per process');
  assert.equal(work.maxSeconds, 10);
  const out = await work.run<{ value: number }>(user('a'), 5, async () => ({
    worker,
    task: { kind: 'echo', value: 3 } satisfies TestTask,
  }));
  assert.equal(out.value, 3);
  await closeWork();
  assert.notEqual(heavyWork(), work, 'made again on use after close');
  configureWork({});
  assert.equal(heavyWork().maxSeconds, 120, 'the defaults');
  await closeWork();
});
