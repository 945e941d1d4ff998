import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  checkpointSignatureValid,
  loadOrCreateSigningKey,
  makeCheckpointBody,
  parseCheckpoint,
  publicKeyText,
} from './checkpoint.ts';

test('a checkpoint verifies with its key only, and any change to what it signs breaks it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'digicluster-key-'));
  try {
    const file = join(dir, 'sub', 'key.pem');
    const made = loadOrCreateSigningKey(file);
    assert.equal(made.created, true);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const again = loadOrCreateSigningKey(file);
    assert.equal(again.created, false);
    assert.equal(publicKeyText(again.key), publicKeyText(made.key));

    const cp = makeCheckpointBody({ seq: 7, hash: 'a'.repeat(64) }, made.key, new Date(0));
    const trusted = publicKeyText(made.key);
    assert.deepEqual(checkpointSignatureValid(cp, trusted), { ok: true });
    assert.deepEqual(parseCheckpoint(JSON.stringify(cp)), cp);
    for (const changed of [{ seq: 6 }, { hash: 'b'.repeat(64) }, { at: new Date(1).toISOString() }])
      assert.match(
        String(
          (checkpointSignatureValid({ ...cp, ...changed }, trusted) as { reason: string }).reason,
        ),
        /signature is not valid/,
      );
    // a forger's own key signs fine, but it is not the trusted one
    const other = generateKeyPairSync('ed25519').privateKey;
    const forged = makeCheckpointBody({ seq: 7, hash: 'a'.repeat(64) }, other, new Date(0));
    assert.match(
      String((checkpointSignatureValid(forged, trusted) as { reason: string }).reason),
      /another key/,
    );
    assert.throws(() => parseCheckpoint('{"seq":1}'), /lacks/);
    assert.throws(() => parseCheckpoint('seq 1'), /not JSON/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
