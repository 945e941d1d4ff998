import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ApiError, answer, compact, problemOf } from './api.ts';

const response = (status: number) => new Response(null, { status });

describe('problemOf', () => {
  test('a problem+json body is kept, with the answer’s status', () => {
    const p = problemOf(400, {
      title: 'Неверные данные',
      status: 400,
      detail: 'Неверные данные',
      code: 'common.invalidInput',
      errors: [{ field: 'inn', label: 'ИНН', code: 'registry.rule.inn', message: 'неверный ИНН' }],
    });
    assert.equal(p.status, 400);
    assert.equal(p.code, 'common.invalidInput');
    assert.equal(p.errors?.[0].label, 'ИНН');
  });

  test('anything else is a problem without words, code http', () => {
    assert.deepEqual(problemOf(502, '<html>Bad gateway</html>'), {
      title: '',
      status: 502,
      code: 'http',
    });
    assert.deepEqual(problemOf(500, undefined), { title: '', status: 500, code: 'http' });
    assert.deepEqual(problemOf(500, [1]), { title: '', status: 500, code: 'http' });
  });
});

describe('answer', () => {
  test('an OK answer is its data', async () => {
    assert.deepEqual(await answer(Promise.resolve({ data: { a: 1 }, response: response(200) })), {
      a: 1,
    });
  });

  test('a refusal is an ApiError carrying the problem', async () => {
    const err = await answer(
      Promise.resolve({
        error: { title: 'Forbidden', detail: 'Нет доступа', code: 'common.forbidden' },
        response: response(403),
      }),
    ).catch((e: unknown) => e);
    assert.ok(err instanceof ApiError);
    assert.equal(err.status, 403);
    assert.equal(err.message, 'Нет доступа');
    assert.equal(err.problem.code, 'common.forbidden');
  });

  test('no answer at all is a network ApiError, status 0', async () => {
    const err = await answer(Promise.reject(new TypeError('Failed to fetch'))).catch(
      (e: unknown) => e,
    );
    assert.ok(err instanceof ApiError);
    assert.equal(err.status, 0);
    assert.equal(err.problem.code, 'network');
  });
});

test('fieldErrors: the first message of each field', () => {
  const e = new ApiError({
    title: '',
    status: 400,
    errors: [
      { field: 'inn', message: 'first' },
      { field: 'inn', message: 'second' },
      { message: 'no field' },
      { field: 'ogrn', message: 'other' },
    ],
  });
  assert.deepEqual(e.fieldErrors(), { inn: 'first', ogrn: 'other' });
});

test('compact leaves out empty and missing values, keeps zero', () => {
  assert.deepEqual(compact({ a: '', b: undefined, c: 'x', d: 0 }), { c: 'x', d: 0 });
});
