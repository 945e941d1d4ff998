import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DomainError } from '../model/index.ts';
import { MemoryLoginLimiter as LoginLimiter } from './login-limiter.ts';

test('five failed logins for one e-mail lock it for the window, then it opens again', () => {
  const l = new LoginLimiter(5, 1000);
  for (let i = 0; i < 5; i++) {
    l.check('a@b.ru', '1.1.1.1', i);
    l.fail('a@b.ru', '1.1.1.1', i);
  }
  assert.throws(
    () => l.check('A@b.ru', '2.2.2.2', 10),
    (e: DomainError) => e.status === 429,
  );
  l.check('other@b.ru', '1.1.1.1', 10);
  l.check('a@b.ru', '1.1.1.1', 1005);
});

test('the limiter forgets what has aged out once it holds many keys', () => {
  const l = new LoginLimiter(5, 1000);
  for (let i = 0; i <= 10_001; i++) l.fail(`guess${i}@x.ru`, '9.9.9.9', 0);
  assert.ok(l.size > 10_000);
  l.fail('late@x.ru', '8.8.8.8', 5000);
  assert.ok(l.size <= 3, `${l.size} keys left`);
});
