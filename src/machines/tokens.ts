// Device tokens: `dcd_` + 32 random bytes, shown once. The platform keeps their sha256 (high
// entropy makes a slow hash unnecessary) and, for an external Mosquitto's password file,
// the form `mosquitto_passwd` writes ($7$: PBKDF2-HMAC-SHA512, 101 rounds, 12-byte salt).
import { createHash, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';
import { DEVICE_TOKEN_PREFIX } from './schema.ts';

export const newDeviceToken = () =>
  `${DEVICE_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export function mosquittoHash(token: string, salt = randomBytes(12), iterations = 101): string {
  const hash = pbkdf2Sync(token, salt, iterations, 64, 'sha512');
  return `$7$${iterations}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** Whether `token` hashes to the stored sha256 `hash`, in constant time. */
export function tokenMatches(token: string, hash: string): boolean {
  const a = Buffer.from(tokenHash(token), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
