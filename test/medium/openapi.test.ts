// The OpenAPI document as clients see it: every sum of money is an integer number of kopecks.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../src/platform.ts';
import { buildServer } from '../../src/server/app.ts';
import { sqliteDatabase, type TestDatabase } from './dialects.ts';

let db: TestDatabase;
let p: Platform;
let app: FastifyInstance;
before(async () => {
  db = sqliteDatabase();
  p = await db.open();
  app = await buildServer(p);
});
after(async () => {
  await app?.close();
  await p?.close();
  await db?.drop();
});

type Schema = { [k: string]: unknown };

/** Every property of every schema in the document, with where it was found. */
function* properties(node: unknown, path: string): Generator<[string, string, Schema]> {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const [i, x] of node.entries()) yield* properties(x, `${path}[${i}]`);
    return;
  }
  const o = node as Schema;
  if (o.properties && typeof o.properties === 'object')
    for (const [name, schema] of Object.entries(o.properties as Schema))
      yield [name, `${path}.properties.${name}`, schema as Schema];
  for (const [k, v] of Object.entries(o)) yield* properties(v, `${path}.${k}`);
}

/** The schema a property really has: through $ref and a nullable anyOf. */
function resolve(doc: Schema, s: Schema): Schema[] {
  if (typeof s.$ref === 'string') {
    const target = s.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((n, key) => (n as Schema)[key], doc);
    return resolve(doc, target as Schema);
  }
  const alternatives = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (alternatives) return alternatives.flatMap((a) => resolve(doc, a));
  return [s];
}

test('every *Kopecks field of the API is an integer within the safe range', async () => {
  const doc = (await app.inject({ url: '/api/openapi.json' })).json() as Schema;
  let found = 0;
  for (const [name, where, schema] of properties(doc, '#')) {
    if (!/Kopecks/.test(name)) continue;
    for (const s of resolve(doc, schema)) {
      if (s.type === 'null') continue;
      found++;
      if (s.type === 'object' && s.additionalProperties) {
        // a record of sums (e.g. factorsKopecks): its values are kopecks
        const values = resolve(doc, s.additionalProperties as Schema);
        for (const v of values)
          assert.equal(v.type, 'integer', `${where}: values ${JSON.stringify(v)}`);
        continue;
      }
      assert.equal(s.type, 'integer', `${where}: ${JSON.stringify(s)}`);
      assert.ok(
        typeof s.maximum === 'number' && s.maximum <= Number.MAX_SAFE_INTEGER,
        `${where}: a maximum within Number.MAX_SAFE_INTEGER`,
      );
    }
  }
  assert.ok(found >= 10, `${found} money fields found: the walk sees the document`);
});
