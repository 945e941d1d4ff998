import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseCsv, readNumber, writeCsv } from './csv.ts';

test('writes BOM, semicolons and CRLF; quotes what needs it', () => {
  const text = writeCsv(
    ['a', 'b'],
    [
      ['x;y', 'say "hi"'],
      ['line\nbreak', '1,5'],
    ],
  );
  assert.ok(text.startsWith('\uFEFFa;b\r\n'));
  assert.ok(text.includes('"x;y";"say ""hi"""'));
});

test('reads back what it writes, with physical line numbers', () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(fc.string({ maxLength: 8 }), { minLength: 3, maxLength: 3 }), {
        maxLength: 6,
      }),
      (rows) => {
        const data = rows.map((r) => [`k${r[0]}`, r[1], r[2]]);
        const t = parseCsv(writeCsv(['h1', 'h2', 'h3'], data));
        assert.deepEqual(t.header, ['h1', 'h2', 'h3']);
        assert.deepEqual(
          t.rows.map((r) => r.cells),
          data.filter((r) => r.some((c) => c.trim() !== '')),
        );
      },
    ),
  );
  const t = parseCsv('a;b\r\n1;"two\nlines"\r\n3;4\r\n');
  assert.deepEqual(
    t.rows.map((r) => r.line),
    [2, 4],
  );
});

test('reads the plain comma form and numbers either way', () => {
  const t = parseCsv('id,lat\nx,55.39\n');
  assert.deepEqual(t.rows[0].cells, ['x', '55.39']);
  assert.equal(readNumber('55,3911'), 55.3911);
  assert.equal(readNumber('1 200'), 1200);
  assert.equal(readNumber(''), undefined);
  assert.ok(Number.isNaN(readNumber('abc')));
});
