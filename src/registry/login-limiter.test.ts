import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DomainError } from '../model/index.ts';
import { MemoryLoginLimiter as LoginLimiter } from './login-limiter.ts';

const refused = (e: DomainError) => e.status === 429;

test('failures of one e-mail from one address back off exponentially; other pairs are untouched', () => {
  const l = new LoginLimiter({ free: 3, baseMs: 1000, maxMs: 8000, forgetMs: 60_000 });
  for (let i = 0; i < 3; i++) {
    l.check('a@b.ru', '1.1.1.1', i);
    l.fail('a@b.ru', '1.1.1.1', i);
  }
  // third failure at t=2: wait 1 s
  assert.throws(() => l.check('A@b.ru', '1.1.1.1', 10), refused);
  l.check('a@b.ru', '1.1.1.1', 1002);
  l.fail('a@b.ru', '1.1.1.1', 1002); // fourth: 2 s
  assert.throws(() => l.check('a@b.ru', '1.1.1.1', 2500), refused);
  l.check('a@b.ru', '1.1.1.1', 3002);
  // the victim's own address and other e-mails from the attacker's address pass
  l.check('a@b.ru', '2.2.2.2', 10);
  l.check('other@b.ru', '1.1.1.1', 10);
  // the wait is capped
  for (let i = 0; i < 20; i++) l.fail('a@b.ru', '1.1.1.1', 10_000);
  l.check('a@b.ru', '1.1.1.1', 18_000);
  // success clears the pair
  l.succeed('a@b.ru', '1.1.1.1');
  l.fail('a@b.ru', '1.1.1.1', 18_001);
  l.check('a@b.ru', '1.1.1.1', 18_002);
});

test('the limiter forgets what has aged out once it holds many pairs', () => {
  const l = new LoginLimiter({ forgetMs: 1000 });
  for (let i = 0; i <= 10_001; i++) l.fail(`guess${i}@x.ru`, '9.9.9.9', 0);
  assert.ok(l.size > 10_000);
  l.fail('late@x.ru', '8.8.8.8', 5000);
  assert.ok(l.size <= 3, `${l.size} keys left`);
});
