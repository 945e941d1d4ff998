import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalJson } from './canonical.ts';
import { ChainChecker, eventHash, GENESIS_HASH, type StoredEvent } from './chain.ts';

test('canonical JSON follows RFC 8785: sorted keys, no spaces, ECMAScript numbers', () => {
  assert.equal(
    canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: 1e21, y: 0.1, x: -0 } }),
    '{"a":[true,null,"x"],"b":1,"c":{"x":0,"y":0.1,"z":1e+21}}',
  );
  // RFC 8785 §3.2.3: keys sorted by UTF-16 code units
  assert.equal(
    canonicalJson({ '\u20ac': 1, '\r': 2, '\ud83d\ude00': 3, '1': 4, '\u00f6': 5 }),
    '{"\\r":2,"1":4,"ö":5,"€":1,"😀":3}',
  );
  assert.equal(canonicalJson({ a: undefined, b: 'ü\u2028' }), '{"b":"ü\u2028"}');
  assert.throws(() => canonicalJson({ a: Number.NaN }));
});

function chain(n: number): StoredEvent[] {
  const rows: StoredEvent[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const e = {
      seq,
      at: `2026-01-0${seq}T00:00:00.000Z`,
      actor: 'system',
      organisation: null,
      type: 't',
      payload: { seq },
    };
    const hash = eventHash(prev, e);
    rows.push({
      seq,
      at: e.at,
      actor: e.actor,
      organisation_id: null,
      type: e.type,
      payload: canonicalJson(e.payload),
      hash,
    });
    prev = hash;
  }
  return rows;
}

function check(rows: StoredEvent[], head: { seq: number; hash: string } | null) {
  const c = new ChainChecker();
  for (const r of rows) if (!c.push(r)) break;
  return c.finish(head);
}

test('an intact chain verifies; each kind of tampering names the first bad event', () => {
  const rows = chain(5);
  const head = { seq: 5, hash: rows[4].hash };
  assert.deepEqual(check(rows, head), { ok: true, count: 5, headSeq: 5 });
  const altered = rows.map((r) => (r.seq === 3 ? { ...r, payload: '{"seq":33}' } : r));
  assert.equal((check(altered, head) as { seq: number }).seq, 3);
  const withoutMiddle = rows.filter((r) => r.seq !== 2);
  assert.equal((check(withoutMiddle, head) as { seq: number }).seq, 2);
  const withoutNewest = rows.slice(0, 4);
  assert.equal((check(withoutNewest, head) as { seq: number }).seq, 5);
  const extra = chain(6);
  assert.equal((check(extra, head) as { seq: number }).seq, 6);
  const swapped = [rows[0], { ...rows[2], seq: 2 }, { ...rows[1], seq: 3 }, rows[3], rows[4]];
  assert.equal((check(swapped, head) as { seq: number }).seq, 2);
  assert.equal(check([], null).ok, true);
});
