// Passwords are hashed with argon2id (deliberately slow and memory-hard). The count of hashes
// made lets a test show that a refused request cost none (F4), without timing anything.
import argon2 from 'argon2';

let made = 0;

export function hashPassword(password: string): Promise<string> {
  made += 1;
  return argon2.hash(password, { type: argon2.argon2id });
}

/** Checks a password against its hash; a malformed hash is a mismatch, not an error. */
export const verifyPassword = (hash: string, password: string): Promise<boolean> =>
  argon2.verify(hash, password).catch(() => false);

/** How many hashes this process has made. */
export const passwordHashesMade = () => made;
