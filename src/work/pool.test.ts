import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { threadId } from 'node:worker_threads';
import { DeadlineExceeded, PoolSaturated, WorkPool } from './pool.ts';
import type { TestTask } from './test-tasks.ts';

const tasks = new URL('./test-tasks.ts', import.meta.url);
const inAMinute = () => Date.now() + 60_000;

/** Deadlines that pass when the test says so, in the order the tasks were accepted. */
function handTimers() {
  const fires: Array<() => void> = [];
  return {
    timer: (fire: () => void) => {
      fires.push(fire);
      return () => {};
    },
    pass: (k: number) => fires[k](),
  };
}

/** A task that holds its thread until `release()`; `started` says whether it ever ran. */
function blocker() {
  const flags = new SharedArrayBuffer(8);
  const view = new Int32Array(flags);
  return {
    task: { kind: 'block', flags } satisfies TestTask,
    started: () => Atomics.load(view, 0) === 1,
    /** resolves once the task is running in a thread (polled: no duration is asserted) */
    running: async () => {
      while (Atomics.load(view, 0) === 0) await sleep(5);
    },
    release: () => {
      Atomics.store(view, 1, 1);
      Atomics.notify(view, 1);
    },
  };
}

test('a task runs in a worker thread; the pool starts no thread before the first task', async () => {
  const pool = new WorkPool({ threads: 1 });
  try {
    assert.equal(pool.threads, 0, 'lazy: no thread yet');
    const out = await pool.run<{ value: unknown; threadId: number }>(
      tasks,
      { kind: 'echo', value: { a: [1, 2] } } satisfies TestTask,
      inAMinute(),
    );
    assert.deepEqual(out.value, { a: [1, 2] });
    assert.notEqual(out.threadId, threadId, 'not the calling thread');
    assert.equal(pool.threads, 1);
  } finally {
    await pool.close();
  }
});

test('a running task is cancelled at its deadline by ending its thread; the pool goes on', async () => {
  const deadlines = handTimers();
  const pool = new WorkPool({ threads: 1, timer: deadlines.timer });
  try {
    const b = blocker();
    // never released: only the deadline can end it
    const cancelled = assert.rejects(pool.run(tasks, b.task, inAMinute()), DeadlineExceeded);
    await b.running();
    deadlines.pass(0);
    await cancelled;
    assert.equal(pool.pending, 0);
    const out = await pool.run<{ value: unknown }>(
      tasks,
      { kind: 'echo', value: 'after' } satisfies TestTask,
      inAMinute(),
    );
    assert.equal(out.value, 'after', 'a new thread took over');
  } finally {
    await pool.close();
  }
});

test('by the real clock too, a task held past its deadline is cancelled', async () => {
  const pool = new WorkPool({ threads: 1 });
  try {
    // never released, queued or running when 100 ms have passed: either way it is cancelled
    await assert.rejects(pool.run(tasks, blocker().task, Date.now() + 100), DeadlineExceeded);
    assert.equal(pool.pending, 0);
  } finally {
    await pool.close();
  }
});

test('a task still queued at its deadline is dropped without ever starting', async () => {
  const deadlines = handTimers();
  const pool = new WorkPool({ threads: 1, timer: deadlines.timer });
  try {
    const first = blocker();
    const firstDone = pool.run(tasks, first.task, inAMinute());
    await first.running();
    const queued = blocker();
    const dropped = assert.rejects(pool.run(tasks, queued.task, inAMinute()), DeadlineExceeded);
    deadlines.pass(1);
    await dropped;
    first.release();
    assert.equal(await firstDone, 'released', 'the running task was left alone');
    const after = await pool.run<{ value: unknown }>(
      tasks,
      { kind: 'echo', value: 1 } satisfies TestTask,
      inAMinute(),
    );
    assert.equal(after.value, 1);
    assert.equal(queued.started(), false, 'the dropped task never ran');
  } finally {
    await pool.close();
  }
});

test('by the injected clock, a task past its deadline is refused before any thread starts', async () => {
  const pool = new WorkPool({ threads: 1, now: () => 1_000_000 });
  await assert.rejects(
    pool.run(tasks, { kind: 'echo', value: 1 } satisfies TestTask, 1_000_000),
    DeadlineExceeded,
  );
  assert.equal(pool.threads, 0);
  await pool.close();
});

test('Retry-After is the earliest deadline in flight, by the injected clock', async () => {
  let now = Date.now();
  const pool = new WorkPool({ threads: 1, now: () => now });
  try {
    assert.equal(pool.retryAfterSeconds(), 1, 'nothing in flight');
    const b = blocker();
    const done = pool.run(tasks, b.task, now + 10_500);
    const later = blocker();
    const queued = pool.run(tasks, later.task, now + 30_000);
    await b.running();
    assert.equal(pool.retryAfterSeconds(), 11);
    now += 10_000;
    assert.equal(pool.retryAfterSeconds(), 1, 'rounded up, never 0');
    b.release();
    later.release();
    assert.equal(await done, 'released');
    assert.equal(await queued, 'released');
  } finally {
    await pool.close();
  }
});

test('beyond the threads and the queue, a task is refused at once', async () => {
  const pool = new WorkPool({ threads: 1, maxQueue: 1 });
  try {
    const running = blocker();
    const waiting = blocker();
    const a = pool.run(tasks, running.task, inAMinute());
    const b = pool.run(tasks, waiting.task, inAMinute());
    await running.running();
    await assert.rejects(
      pool.run(tasks, { kind: 'echo', value: 1 } satisfies TestTask, inAMinute()),
      PoolSaturated,
    );
    running.release();
    waiting.release();
    assert.deepEqual(await Promise.all([a, b]), ['released', 'released']);
  } finally {
    await pool.close();
  }
});

test("a task's error reaches the caller with its message", async () => {
  const pool = new WorkPool({ threads: 1 });
  try {
    await assert.rejects(
      pool.run(tasks, { kind: 'fail', message: 'no such listing' } satisfies TestTask, inAMinute()),
      /no such listing/,
    );
  } finally {
    await pool.close();
  }
});

test('a closed pool starts again on the next task', async () => {
  const pool = new WorkPool({ threads: 1 });
  await pool.run(tasks, { kind: 'echo', value: 1 } satisfies TestTask, inAMinute());
  await pool.close();
  assert.equal(pool.threads, 0);
  const out = await pool.run<{ value: unknown }>(
    tasks,
    { kind: 'echo', value: 2 } satisfies TestTask,
    inAMinute(),
  );
  assert.equal(out.value, 2);
  await pool.close();
});

test('with no threads, a task runs in the calling thread on a copy of its data', async () => {
  const pool = new WorkPool({ threads: 0 });
  const value = { a: 1 };
  const out = await pool.run<{ value: { a: number }; threadId: number }>(
    tasks,
    { kind: 'echo', value } satisfies TestTask,
    inAMinute(),
  );
  assert.equal(out.threadId, threadId);
  assert.deepEqual(out.value, value);
  assert.notEqual(out.value, value, 'a copy, as a thread would get');
  assert.equal(pool.threads, 0);
});
