// How the server delivers the web app and the API (issue 9, "Delivery"): compressed answers,
// immutable hashed assets and a revalidated index.html, an initial bundle under 200 kB
// gzipped, and an OpenAPI document whose every operation has an id and its problem answers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { base, skip, startServerAndBrowser } from './harness.ts';

startServerAndBrowser('dc-e2e-delivery-');

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { headers });

test('answers are compressed with brotli or gzip: the web app, its assets and the API', {
  skip,
}, async () => {
  const index = await (await get('/')).text();
  const entry = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(index)?.[1];
  assert.ok(entry, index);
  for (const path of ['/', entry, '/api/v1/organisations', '/api/openapi.json']) {
    // fetch decodes the body but keeps the header, which says what was sent
    const br = await get(path, { 'accept-encoding': 'br, gzip' });
    assert.equal(br.headers.get('content-encoding'), 'br', path);
    assert.match(br.headers.get('vary') ?? '', /accept-encoding/i, path);
    assert.ok((await br.text()).length > 0, path);
    const gz = await get(path, { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers.get('content-encoding'), 'gzip', path);
    await gz.arrayBuffer();
  }
});

test('hashed assets are cached for a year, immutable; index.html is revalidated', {
  skip,
}, async () => {
  const index = await get('/');
  assert.equal(index.headers.get('cache-control'), 'no-cache');
  const html = await index.text();
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  assert.ok(assets.length >= 2, html);
  for (const path of assets) {
    const r = await get(path);
    assert.equal(r.status, 200, path);
    assert.equal(r.headers.get('cache-control'), 'public, max-age=31536000, immutable', path);
    await r.arrayBuffer();
  }
  // a route of the app answers index.html, which must not be cached either
  const route = await get('/participants');
  assert.equal(route.headers.get('cache-control'), 'no-cache');
  await route.arrayBuffer();
});

test('the initial JavaScript stays under 200 kB gzipped', { skip }, async () => {
  const html = await (await get('/')).text();
  const scripts = [
    ...html.matchAll(/<script type="module" crossorigin src="([^"]+)"/g),
    ...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)"/g),
  ].map((m) => m[1]);
  let total = 0;
  for (const path of scripts)
    total += gzipSync(Buffer.from(await (await get(path)).arrayBuffer())).length;
  assert.ok(total > 10_000, `${scripts.join(', ')}: ${total} B`);
  assert.ok(total < 200_000, `initial JS is ${total} B gzipped`);
});

test('OpenAPI: every operation has a unique operationId and its problem answers; servers are given', {
  skip,
}, async () => {
  const doc = (await (await get('/api/openapi.json')).json()) as {
    servers?: { url: string }[];
    components: { schemas: Record<string, unknown>; responses: Record<string, unknown> };
    paths: Record<
      string,
      Record<
        string,
        { operationId?: string; security?: unknown[]; responses: Record<string, unknown> }
      >
    >;
  };
  assert.ok(doc.servers?.length, 'a servers entry');
  assert.ok(doc.components.schemas.Problem, 'a shared problem+json schema');
  const ids = new Set<string>();
  let operations = 0;
  for (const [path, item] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(item)) {
      operations++;
      const where = `${method.toUpperCase()} ${path}`;
      assert.match(op.operationId ?? '', /^[a-z][A-Za-z0-9]+$/, where);
      assert.ok(!ids.has(op.operationId ?? ''), `${where}: duplicate ${op.operationId}`);
      ids.add(op.operationId ?? '');
      for (const status of ['400', '404', '429'])
        assert.deepEqual(
          op.responses[status],
          { $ref: `#/components/responses/Problem${status}` },
          `${where} ${status}`,
        );
      if (op.security?.length !== 0) assert.ok(op.responses['401'] && op.responses['403'], where);
    }
  assert.ok(operations > 40, `${operations} operations`);
  for (const [name, response] of Object.entries(doc.components.responses))
    if (name.startsWith('Problem'))
      assert.deepEqual(
        (response as { content: unknown }).content,
        { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        name,
      );
  // what the Problem schema describes is what the server sends
  const missing = await get('/api/v1/no-such-route');
  assert.equal(missing.status, 404);
  assert.equal(missing.headers.get('content-type'), 'application/problem+json; charset=utf-8');
  await missing.arrayBuffer();
});
