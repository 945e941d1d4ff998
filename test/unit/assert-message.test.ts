// The preload of scripts/test.mjs (test/assert-message.mjs): a failed assert.ok without a
// message is worded from the call's own source lines, as Node words it, and everything else
// is left to Node's assert.
import assert, { AssertionError } from 'node:assert/strict';
import { test } from 'node:test';
import '../assert-message.mjs';

const zero = Number('0');
const falsy =
  (code: string, actual: unknown = zero) =>
  (e: unknown) =>
    e instanceof AssertionError &&
    e.generatedMessage &&
    e.message === `The expression evaluated to a falsy value:\n\n  ${code}\n` &&
    e.actual === actual &&
    e.expected === true;

test('a falsy value without a message: the message quotes the call', () => {
  assert.throws(() => assert.ok(zero), falsy('assert.ok(zero)'));
});

test('a call over several lines is quoted whole, as far as its brackets close', () => {
  const words: string = 'a string long enough that the call cannot stay on one line';
  assert.throws(
    () =>
      assert.ok(
        zero === 1 || words.length === zero || words === 'another long string, longer',
        undefined,
      ),
    falsy(
      "assert.ok(\n  zero === 1 || words.length === zero || words === 'another long string, longer',\n  undefined,\n)",
      false,
    ),
  );
});

test("the error's stack starts at the test's own call, not in the preload", () => {
  try {
    assert.ok(zero);
    assert.fail('assert.ok(0) passed');
  } catch (e) {
    const frame = String((e as Error).stack)
      .split('\n')
      .find((l) => l.trimStart().startsWith('at '));
    assert.match(frame ?? '', /assert-message\.test\.ts:\d+:\d+/, String((e as Error).stack));
  }
});

test("a message given, an Error given, a truthy value and no value are Node's own", () => {
  assert.equal(assert.ok(1), undefined);
  assert.throws(
    () => assert.ok(zero, 'the reason'),
    (e: unknown) =>
      e instanceof AssertionError && e.message === 'the reason' && !e.generatedMessage,
  );
  const own = new RangeError('own');
  assert.throws(
    () => assert.ok(zero, own),
    (e: unknown) => e === own,
  );
  assert.throws(
    () => (assert.ok as () => void)(),
    (e: unknown) => e instanceof AssertionError && /No value argument passed/.test(e.message),
  );
});
