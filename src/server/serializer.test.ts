// The compiled serializer writes what zod's encoding writes: the same fields kept, the same
// dropped, the same failures, on the shapes our schemas use.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { z } from 'zod';
import { createSerializerCompiler, serializerSchema } from './serializer.ts';

const compile = (schema: z.ZodType, checkAgainstZod = false) =>
  createSerializerCompiler({ checkAgainstZod })({
    schema,
    method: 'GET',
    url: '/test',
    httpStatus: '200',
  });

const viaZod = (schema: z.ZodType, data: unknown) =>
  JSON.parse(JSON.stringify(z.encode(schema, data as never)));

function same(schema: z.ZodType, data: unknown) {
  const text = compile(schema)(data);
  assert.deepEqual(JSON.parse(text), viaZod(schema, data));
  return JSON.parse(text);
}

const Kind = z.enum(['mine', 'plant']).meta({ id: 'TestKind' });
const Limit = z.object({ min: z.number().optional(), max: z.number().optional() });
const Entry = z.object({ code: z.string(), hazardClass: z.number().int() });
const Thing = z
  .object({
    id: z.string().regex(/^[a-z-]+$/),
    name: z.string(),
    nameEn: z.string().optional(),
    kind: Kind,
    role: Kind.nullable(),
    note: z.string().nullable(),
    lat: z.number().nullable(),
    entry: Entry.nullable(),
    quality: z.record(z.string(), z.union([z.number(), Limit])),
    tags: z.array(z.string()),
    visibility: z.enum(['public', 'members']).default('members'),
    default: z.string().optional().describe('a field whose name is a keyword'),
    count: z.number().int(),
    flag: z.boolean(),
  })
  .meta({ id: 'TestThing' });

const thing = {
  id: 'a-thing',
  name: 'Разрез «Южный»\n"quoted" \\ and \u2028',
  kind: 'mine',
  role: null,
  note: 'нет',
  lat: 53.7,
  entry: { code: '6 11 100 01 40 4', hazardClass: 4, secret: 'dropped' },
  quality: { ash: 12.5, sulphur: { max: 1, unknown: 3 } },
  tags: ['a', 'b'],
  visibility: 'public',
  default: 'kept',
  count: 3,
  flag: false,
  internal: 'dropped',
  password_hash: 'dropped',
};

describe('compiled serializer', () => {
  test('keeps the schema fields and drops the others, at every depth', () => {
    const out = same(z.array(Thing), [thing, { ...thing, role: 'plant', entry: null, lat: null }]);
    assert.equal(out[0].internal, undefined);
    assert.equal(out[0].password_hash, undefined);
    assert.deepEqual(out[0].entry, { code: '6 11 100 01 40 4', hazardClass: 4 });
    assert.deepEqual(out[0].quality, { ash: 12.5, sulphur: { max: 1 } });
    assert.equal(out[0].default, 'kept');
    assert.equal(out[1].role, 'plant');
    assert.equal(out[1].entry, null);
  });

  test('an absent optional field stays absent; an undefined one too', () => {
    const out = same(Thing, { ...thing, nameEn: undefined, default: undefined });
    assert.ok(!('nameEn' in out));
    assert.ok(!('default' in out));
    assert.equal(same(Thing, { ...thing, nameEn: 'Yuzhny' }).nameEn, 'Yuzhny');
  });

  test('a missing required field fails as zod fails, and a default is not filled in', () => {
    const { name: _n, ...noName } = thing;
    assert.throws(() => z.encode(Thing, noName as never));
    assert.throws(() => compile(Thing)(noName), /name/);
    const { visibility: _v, ...noVisibility } = thing;
    assert.throws(() => z.encode(Thing, noVisibility as never));
    assert.throws(() => compile(Thing)(noVisibility), /visibility/);
  });

  test('nullable and union fields are written by type, with no validator per value', () => {
    const schema = serializerSchema(Thing);
    assert.ok(!JSON.stringify(schema).includes('anyOf'), JSON.stringify(schema));
    assert.ok(!JSON.stringify(schema).includes('"default":"members"'));
  });

  test('dates leave as ISO strings, as the type provider documents', () => {
    const schema = z.object({ at: z.date() });
    const at = new Date('2026-06-15T10:00:00.000Z');
    assert.deepEqual(JSON.parse(compile(schema)({ at })), { at: '2026-06-15T10:00:00.000Z' });
  });

  test('a recursive schema compiles and writes what zod writes', () => {
    interface Node {
      name: string;
      child: Node | null;
    }
    const Node: z.ZodType<Node> = z.object({
      name: z.string(),
      get child() {
        return Node.nullable();
      },
    });
    same(Node, { name: 'a', child: { name: 'b', child: null, extra: 1 } });
  });

  test('the check mode fails an answer zod refuses, naming the route', () => {
    assert.throws(
      () => compile(Thing, true)({ ...thing, kind: 'castle' }),
      (e: Error & { method?: string; url?: string }) =>
        e.message === "Response doesn't match the schema" &&
        e.method === 'GET' &&
        e.url === '/test',
    );
    assert.equal(JSON.parse(compile(Thing, true)(thing)).name, thing.name);
  });
});
