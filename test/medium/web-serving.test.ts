// The web app's files as the server hands them out: the app's page for a path a person opens,
// 404 for a file that is not there. An old build's code file, asked for by a tab opened before
// a redeploy, must not come back as the app's page (a browser refuses it as a script and the
// app goes blank; the page's 404 lets the app say it was updated).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../src/platform.ts';
import { buildServer } from '../../src/server/app.ts';
import { sqliteDatabase, type TestDatabase } from './dialects.ts';

let db: TestDatabase;
let p: Platform;
let app: FastifyInstance;
let webDir: string;

before(async () => {
  webDir = mkdtempSync(join(tmpdir(), 'digicluster-web-'));
  mkdirSync(join(webDir, 'assets'));
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>digicluster</title>');
  writeFileSync(join(webDir, 'assets', 'index-abc123.js'), 'export const app = 1;');
  db = sqliteDatabase();
  p = await db.open();
  app = await buildServer(p, { webDir });
});
after(async () => {
  await app?.close();
  await p?.close();
  await db?.drop();
  rmSync(webDir, { recursive: true, force: true });
});

const get = (url: string) => app.inject({ url, headers: { 'accept-language': 'en' } });

test('the app page for the root and for a path a person opens', async () => {
  for (const url of ['/', '/some/page', '/index.html']) {
    const r = await get(url);
    assert.equal(r.statusCode, 200, url);
    assert.match(String(r.headers['content-type']), /^text\/html/, url);
    assert.match(r.body, /<title>digicluster<\/title>/, url);
  }
});

test('a file of the build is served as itself, with the immutable cache of hashed assets', async () => {
  const r = await get('/assets/index-abc123.js');
  assert.equal(r.statusCode, 200);
  assert.match(String(r.headers['content-type']), /javascript/);
  assert.equal(r.body, 'export const app = 1;');
  assert.match(String(r.headers['cache-control']), /immutable/);
});

test('a missing file is 404, never the app page', async () => {
  for (const url of [
    '/assets/DealsRoute-wEQTiNV0.js',
    '/assets/DealsRoute-vzgKa-Sd.css',
    '/assets/gone',
    '/favicon.ico',
    '/assets/index-abc123.js.map?x=1',
  ]) {
    const r = await get(url);
    assert.equal(r.statusCode, 404, url);
    assert.doesNotMatch(r.body, /<title>digicluster/, url);
    assert.match(String(r.headers['content-type']), /^application\/problem\+json/, url);
    assert.match(JSON.parse(r.body).detail, /GET/, url);
  }
});
