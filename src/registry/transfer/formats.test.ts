// A broken JSON file is reported where it breaks, in the reader's words, not in the parser's
// English sentence.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wordIn } from '../../model/errors.ts';
import { decodeRegistry } from './formats.ts';

test('a broken JSON file names the line and character of its error, or that it is cut short', async () => {
  const broken = await decodeRegistry(
    Buffer.from('{\n  "organisations": [\n    {id: 1}\n  ]\n}'),
    'json',
  );
  assert.equal(broken.problems.length, 1);
  const message = JSON.stringify(broken.problems[0].message);
  assert.doesNotMatch(message, /Expected|position/);
  assert.match(message, /notJsonAt/);
  assert.match(message, /"line":3/);
  assert.match(message, /"column":6/);
  const cut = await decodeRegistry(Buffer.from('{"organisations": ['), 'json');
  assert.match(JSON.stringify(cut.problems[0].message), /notJsonEnds/);
});

test('an empty CSV file is said to be empty, not asked for a «Запись» column (user walk)', async () => {
  for (const text of ['', '\uFEFF', ' \r\n\n']) {
    const empty = await decodeRegistry(Buffer.from(text), 'csv');
    assert.equal(empty.problems.length, 1, JSON.stringify(text));
    const message = JSON.stringify(empty.problems[0].message);
    assert.match(message, /emptyFile/);
    assert.doesNotMatch(message, /needsRecordColumn/);
  }
  const headless = await decodeRegistry(Buffer.from('id;name\n1;x\n'), 'csv');
  assert.match(JSON.stringify(headless.problems[0].message), /needsRecordColumn/);
  // each language names the column as its own export heads it (a user walk read «Запись» in English)
  assert.match(wordIn(headless.problems[0].message, 'en'), /^the header needs a "Record" column/);
  assert.match(wordIn(headless.problems[0].message, 'ru'), /^в заголовке нужен столбец «Запись»/);
});
