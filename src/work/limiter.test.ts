import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MemoryHeavyLimiter } from './limiter.ts';

test('an actor holds at most `limit` slots; others are not affected', async () => {
  const now = 1_000_000;
  const limiter = new MemoryHeavyLimiter(2, () => now);
  const a1 = await limiter.acquire('user:a', now + 30_000);
  const a2 = await limiter.acquire('user:a', now + 12_300);
  assert.ok(a1.ok && a2.ok);
  const refused = await limiter.acquire('user:a', now + 30_000);
  // a slot frees by the earliest deadline held, at the latest: 12.3 s, rounded up
  assert.deepEqual(refused, { ok: false, limit: 2, retryAfterSeconds: 13 });
  assert.ok((await limiter.acquire('apikey:a', now + 30_000)).ok, 'an API key is its own actor');
  assert.ok((await limiter.acquire('user:b', now + 30_000)).ok);
  assert.equal(limiter.heldBy('user:a'), 2);
});

test('a released slot is free again; releasing twice frees one slot only', async () => {
  const limiter = new MemoryHeavyLimiter(1, () => 0);
  const first = await limiter.acquire('user:a', 60_000);
  assert.ok(first.ok);
  assert.equal((await limiter.acquire('user:a', 60_000)).ok, false);
  await first.release();
  const second = await limiter.acquire('user:a', 60_000);
  assert.ok(second.ok);
  await first.release();
  assert.equal(limiter.heldBy('user:a'), 1, 'the stale release left the new slot alone');
  assert.equal((await limiter.acquire('user:a', 60_000)).ok, false);
});

test('a slot whose release got lost frees itself at its deadline', async () => {
  let now = 0;
  const limiter = new MemoryHeavyLimiter(1, () => now);
  assert.ok((await limiter.acquire('user:a', 5_000)).ok);
  now = 4_999;
  const refused = await limiter.acquire('user:a', now + 5_000);
  assert.deepEqual(refused, { ok: false, limit: 1, retryAfterSeconds: 1 });
  now = 5_000;
  assert.ok((await limiter.acquire('user:a', now + 5_000)).ok);
});
