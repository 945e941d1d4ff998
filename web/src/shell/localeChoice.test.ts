import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type ChoiceStorage,
  confirmPending,
  dropPending,
  localeAtStart,
  markPending,
  PENDING_FOR_MS,
  PENDING_KEY,
} from './localeChoice.ts';

/** localStorage's contract over a Map (node has no localStorage; the browser path is e2e). */
function storage(): ChoiceStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      map.set(k, String(v));
    },
    removeItem: (k) => {
      map.delete(k);
    },
  };
}

const anna = { id: 'u-anna', locale: 'ru' as const };

test('a page start without a pending choice follows the account', () => {
  const s = storage();
  assert.deepEqual(localeAtStart(s, anna, 1000), { locale: 'ru', resend: false });
});

test('a choice just made and not yet confirmed wins over the account and is saved again', () => {
  const s = storage();
  markPending(s, anna.id, 'en', 1000);
  assert.deepEqual(localeAtStart(s, anna, 1500), { locale: 'en', resend: true });
  // still pending until the server confirms
  assert.ok(s.map.has(PENDING_KEY));
  confirmPending(s, anna.id, 'en');
  assert.equal(s.map.has(PENDING_KEY), false);
  assert.deepEqual(localeAtStart(s, anna, 1600), { locale: 'ru', resend: false });
});

test('a confirmation of an older click leaves the newer choice pending', () => {
  const s = storage();
  markPending(s, anna.id, 'en', 1000);
  markPending(s, anna.id, 'ru', 1100);
  confirmPending(s, anna.id, 'en');
  assert.ok(s.map.has(PENDING_KEY));
  assert.deepEqual(localeAtStart(s, { ...anna, locale: 'en' }, 1200), {
    locale: 'ru',
    resend: true,
  });
});

test('the account already saying the chosen language ends the pending choice', () => {
  const s = storage();
  markPending(s, anna.id, 'en', 1000);
  assert.deepEqual(localeAtStart(s, { ...anna, locale: 'en' }, 1100), {
    locale: 'en',
    resend: false,
  });
  assert.equal(s.map.has(PENDING_KEY), false);
});

test("another user's or an old pending choice gives way to the account", () => {
  const s = storage();
  markPending(s, 'u-boris', 'en', 1000);
  assert.deepEqual(localeAtStart(s, anna, 1100), { locale: 'ru', resend: false });
  assert.equal(s.map.has(PENDING_KEY), false);
  markPending(s, anna.id, 'en', 1000);
  assert.deepEqual(localeAtStart(s, anna, 1000 + PENDING_FOR_MS + 1), {
    locale: 'ru',
    resend: false,
  });
  assert.equal(s.map.has(PENDING_KEY), false);
});

test('a damaged entry or a storage that refuses reads as nothing pending', () => {
  const s = storage();
  s.map.set(PENDING_KEY, '{not json');
  assert.deepEqual(localeAtStart(s, anna, 1000), { locale: 'ru', resend: false });
  s.map.set(PENDING_KEY, JSON.stringify({ userId: anna.id, locale: 'de', at: 1000 }));
  assert.deepEqual(localeAtStart(s, anna, 1000), { locale: 'ru', resend: false });
  const refusing: ChoiceStorage = {
    getItem: () => {
      throw new Error('denied');
    },
    setItem: () => {
      throw new Error('denied');
    },
    removeItem: () => {
      throw new Error('denied');
    },
  };
  markPending(refusing, anna.id, 'en', 1000);
  dropPending(refusing);
  assert.deepEqual(localeAtStart(refusing, anna, 1000), { locale: 'ru', resend: false });
});
