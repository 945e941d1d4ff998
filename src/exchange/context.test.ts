import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type ExchangeContext, today } from './context.ts';

const at = (iso: string): ExchangeContext => ({
  store: undefined as never,
  clock: () => new Date(iso),
});

test("a listing's day ends at Kemerovo's midnight, not at UTC's", () => {
  // 23:30 in Kemerovo on the 2nd, then 00:30 on the 3rd (UTC+7)
  assert.equal(today(at('2026-12-02T16:30:00Z')), '2026-12-02');
  assert.equal(today(at('2026-12-02T17:30:00Z')), '2026-12-03');
});
