import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { LocalEventBell } from './bell.ts';

test('rings coalesce into one call per listener, after the ringing code has returned', async () => {
  const bell = new LocalEventBell(60_000);
  const calls: string[] = [];
  const offA = bell.onRing(() => calls.push('a'));
  const offB = bell.onRing(() => {
    calls.push('b');
    throw new Error('a listener failing does not stop the others');
  });
  bell.ring();
  bell.ring();
  bell.ring();
  assert.deepEqual(calls, [], 'never inside the writer');
  await sleep(5);
  assert.deepEqual(calls.sort(), ['a', 'b']);
  offA();
  offB();
  bell.ring();
  await sleep(5);
  assert.equal(calls.length, 2, 'an unsubscribed listener hears nothing');
});

test('the poll interval calls listeners without rings, only while someone listens', async () => {
  const bell = new LocalEventBell(10);
  let calls = 0;
  const off = bell.onRing(() => {
    calls += 1;
  });
  // waits for three polls (a busy machine may delay timers, so no deadline but the test's)
  while (calls < 3) await sleep(10);
  off();
  const after = calls;
  await sleep(50);
  assert.equal(calls, after);
  assert.throws(() => new LocalEventBell(0), RangeError);
});
