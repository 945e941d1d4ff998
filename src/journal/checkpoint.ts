// Signed checkpoints: the journal head signed with an Ed25519 key kept outside the database,
// so that someone who can write the database (delete the newest rows with the head, re-hash the
// whole chain) cannot rewrite anything before a checkpoint a member keeps without it showing.
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Reader } from '../store/index.ts';
import { canonicalJson } from './canonical.ts';
import { ChainChecker, GENESIS_HASH } from './chain.ts';
import { eventRows, readHead } from './repository.ts';

/** What is signed: the head's sequence number and hash, and when it was signed. */
export interface CheckpointBody {
  seq: number;
  hash: string;
  at: string;
}

export interface Checkpoint extends CheckpointBody {
  /** the signer's public key: base64 of its SPKI DER */
  publicKey: string;
  /** base64 Ed25519 signature over `signedBytes(body)` */
  signature: string;
}

// A fixed prefix keeps a checkpoint signature from being valid for any other use of the key.
const DOMAIN = 'digicluster journal checkpoint v1\n';

function signedBytes(body: CheckpointBody): Buffer {
  return Buffer.from(DOMAIN + canonicalJson({ seq: body.seq, hash: body.hash, at: body.at }));
}

export function publicKeyText(key: KeyObject): string {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return pub.export({ format: 'der', type: 'spki' }).toString('base64');
}

/**
 * Reads the private key from `file`, creating it (mode 0600) when absent. Never stored in the
 * database: whoever controls the database must not control the key.
 */
export function loadOrCreateSigningKey(file: string): { key: KeyObject; created: boolean } {
  if (!existsSync(file)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    mkdirSync(dirname(file), { recursive: true });
    try {
      // 'wx': two processes creating the key at once must not overwrite each other's key
      writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), {
        mode: 0o600,
        flag: 'wx',
      });
      return { key: privateKey, created: true };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  return { key: readSigningKey(file), created: false };
}

export function readSigningKey(file: string): KeyObject {
  const key = createPrivateKey(readFileSync(file));
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${file} is not an Ed25519 key`);
  return key;
}

/**
 * A trusted public key from a file: a PEM public key, the PEM private key it belongs to, or the
 * base64 `publicKey` line a checkpoint prints (what a member copies).
 */
export function readTrustedPublicKey(file: string): string {
  const text = readFileSync(file, 'utf8').trim();
  const key = !text.includes('-----BEGIN')
    ? createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' })
    : text.includes('PRIVATE KEY')
      ? createPrivateKey(text)
      : createPublicKey(text);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${file} is not an Ed25519 key`);
  return publicKeyText(key);
}

export async function makeCheckpoint(
  reader: Reader,
  key: KeyObject,
  now = new Date(),
): Promise<Checkpoint> {
  const head = (await readHead(reader)) ?? { seq: 0, hash: GENESIS_HASH };
  return makeCheckpointBody(head, key, now);
}

/** Signs a given head (pure; `makeCheckpoint` reads the head from the database). */
export function makeCheckpointBody(
  head: { seq: number; hash: string },
  key: KeyObject,
  now: Date,
): Checkpoint {
  const body = { seq: head.seq, hash: head.hash, at: now.toISOString() };
  return {
    ...body,
    publicKey: publicKeyText(key),
    signature: sign(null, signedBytes(body), key).toString('base64'),
  };
}

/** Parses a kept checkpoint; throws naming what is malformed. */
export function parseCheckpoint(text: string): Checkpoint {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new Error('the checkpoint is not JSON (save the output of `journal checkpoint --json`)');
  }
  const c = v as Partial<Checkpoint> | null;
  if (
    !c ||
    typeof c !== 'object' ||
    !Number.isSafeInteger(c.seq) ||
    (c.seq as number) < 0 ||
    typeof c.hash !== 'string' ||
    !/^[0-9a-f]{64}$/.test(c.hash) ||
    typeof c.at !== 'string' ||
    typeof c.publicKey !== 'string' ||
    typeof c.signature !== 'string'
  )
    throw new Error('the checkpoint lacks seq, hash, at, publicKey or signature');
  return {
    seq: c.seq as number,
    hash: c.hash,
    at: c.at,
    publicKey: c.publicKey,
    signature: c.signature,
  };
}

export type CheckpointVerdict = { ok: true } | { ok: false; seq: number | null; reason: string };

/** Only the signature and the signer: whether `trustedKey` (base64 SPKI) signed this body. */
export function checkpointSignatureValid(cp: Checkpoint, trustedKey: string): CheckpointVerdict {
  if (cp.publicKey !== trustedKey)
    return {
      ok: false,
      seq: null,
      reason: 'the checkpoint was signed by another key than the trusted one',
    };
  let good = false;
  try {
    const key = createPublicKey({
      key: Buffer.from(cp.publicKey, 'base64'),
      format: 'der',
      type: 'spki',
    });
    good = verify(null, signedBytes(cp), key, Buffer.from(cp.signature, 'base64'));
  } catch {
    good = false;
  }
  return good
    ? { ok: true }
    : { ok: false, seq: null, reason: 'the checkpoint signature is not valid' };
}

/**
 * Checks a kept checkpoint against the database: a valid signature by the trusted key, an
 * intact chain from event 1 up to the checkpoint's event, and that event's hash equal to the
 * signed one. A re-hashed chain changes that hash; deleted newest rows below it leave it
 * missing; an edit before it breaks the chain or that hash.
 */
export async function verifyCheckpoint(
  reader: Reader,
  cp: Checkpoint,
  trustedKey: string,
  pageSize = 5000,
): Promise<CheckpointVerdict> {
  const signature = checkpointSignatureValid(cp, trustedKey);
  if (!signature.ok) return signature;
  if (cp.seq === 0) return { ok: true };
  const checker = new ChainChecker();
  let after: number | undefined;
  let last: { seq: number; hash: string } | null = null;
  while (!last || last.seq < cp.seq) {
    const rows = await eventRows(reader, { afterSeq: after, limit: pageSize });
    for (const row of rows) {
      if (row.seq > cp.seq) break;
      if (!checker.push(row)) {
        const bad = checker.finish(null);
        if (!bad.ok)
          return { ok: false, seq: bad.seq, reason: `${bad.reason} (before the checkpoint)` };
      }
      last = { seq: row.seq, hash: row.hash };
    }
    if (rows.length < pageSize || !rows.length) break;
    after = rows[rows.length - 1].seq;
  }
  if (!last || last.seq < cp.seq) {
    const missing = (last?.seq ?? 0) + 1;
    return {
      ok: false,
      seq: missing,
      reason: `event ${missing} is missing: the journal ends at ${last?.seq ?? 0}, the checkpoint is at ${cp.seq}`,
    };
  }
  if (last.hash !== cp.hash)
    return {
      ok: false,
      seq: cp.seq,
      reason: `event ${cp.seq} has another hash than the checkpoint signed: the journal was rewritten at or before it`,
    };
  return { ok: true };
}
