import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { packetSizeGuard } from './mqtt-guard.ts';

/** An MQTT fixed header: a type byte and the remaining length as MQTT's variable-length integer. */
function header(bodyLength: number): number[] {
  const length: number[] = [];
  let n = bodyLength;
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    length.push(byte);
  } while (n > 0);
  return [0x30, ...length];
}

/** A whole packet: its header and a body of that length. */
const packet = (bodyLength: number) =>
  Uint8Array.from([...header(bodyLength), ...new Uint8Array(bodyLength).fill(7)]);

/** The bytes cut into chunks at the given points, as a socket may deliver them. */
function chunks(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const c of [...at, bytes.length]) {
    if (c > from) out.push(bytes.subarray(from, c));
    from = c;
  }
  return out;
}

const joined = (parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

test('packets within the limit pass however the stream is cut; the first one over it is caught', () => {
  const max = 300;
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max }), { minLength: 1, maxLength: 8 }),
      fc.option(fc.integer({ min: max + 1, max: 100_000 })),
      fc.array(fc.nat(), { maxLength: 12 }),
      (lengths, over, cuts) => {
        const stream = joined([...lengths.map(packet), ...(over === null ? [] : [packet(over)])]);
        const fits = packetSizeGuard(max);
        const results = chunks(stream, cuts).map((c) => fits(c));
        assert.equal(results.every(Boolean), over === null);
      },
    ),
    { numRuns: 300 },
  );
});

test('a length announced before its body arrives is enough to be caught; five length bytes are malformed', () => {
  const fits = packetSizeGuard(256 * 1024);
  // CONNECT announcing 200 MB, nothing of its body sent yet
  assert.equal(fits(Uint8Array.from(header(200 * 1024 * 1024))), false);
  assert.equal(packetSizeGuard(1000)(Uint8Array.from([0x10, 0xff, 0xff, 0xff, 0xff, 0x01])), false);
  // an empty PINGREQ, then a small PUBLISH
  const ok = packetSizeGuard(1000);
  assert.equal(ok(Uint8Array.from([0xc0, 0x00])), true);
  assert.equal(ok(packet(999)), true);
});
