// A signed-in user's language choice not yet confirmed by the server. The choice is saved on the
// account by PATCH /api/v1/auth/me; a reload right after the click may ask GET /auth/me before
// that save lands and hear the old language. The choice is kept on this device until the
// server confirms it, and a page start prefers it (and saves it again). Only for a short while
// and only for the same user: the account's language stays the one that follows the user
// across devices.
import type { Locale } from '../i18n/index.ts';

export const PENDING_KEY = 'digicluster.locale.pending';
/** A choice older than this is no longer "just clicked": the account's language wins again. */
export const PENDING_FOR_MS = 5 * 60_000;

export type ChoiceStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

interface Pending {
  userId: string;
  locale: Locale;
  at: number;
}

function read(storage: ChoiceStorage): Pending | null {
  try {
    const raw = storage.getItem(PENDING_KEY);
    if (!raw) return null;
    const p = JSON.parse(raw) as Partial<Pending>;
    if (typeof p.userId !== 'string' || typeof p.at !== 'number') return null;
    if (p.locale !== 'ru' && p.locale !== 'en') return null;
    return { userId: p.userId, locale: p.locale, at: p.at };
  } catch {
    return null; // no storage (private mode) or a damaged entry: nothing pending
  }
}

/** Remembers that `userId` just chose `locale` and the server has not confirmed it yet. */
export function markPending(storage: ChoiceStorage, userId: string, locale: Locale, now: number) {
  try {
    storage.setItem(PENDING_KEY, JSON.stringify({ userId, locale, at: now }));
  } catch {
    // private mode: the choice lasts for this page only
  }
}

/** Forgets any pending choice (login, logout). */
export function dropPending(storage: ChoiceStorage) {
  try {
    storage.removeItem(PENDING_KEY);
  } catch {
    // nothing stored
  }
}

/**
 * The server saved `locale` for `userId`: the pending choice is done, unless a newer one (another
 * language clicked meanwhile) is still on its way.
 */
export function confirmPending(storage: ChoiceStorage, userId: string, locale: Locale) {
  const p = read(storage);
  if (p && p.userId === userId && p.locale === locale) dropPending(storage);
}

/**
 * The language a page start shows a signed-in user: a choice made on this device a moment ago
 * and not yet confirmed, else the account's. `resend` says the choice must be saved again (the
 * reload may have cancelled its request).
 */
export function localeAtStart(
  storage: ChoiceStorage,
  user: { id: string; locale: Locale },
  now: number,
): { locale: Locale; resend: boolean } {
  const p = read(storage);
  if (!p) return { locale: user.locale, resend: false };
  if (p.userId !== user.id || now - p.at > PENDING_FOR_MS || now < p.at) {
    // another user's, or too old to be the latest intent: the account decides
    dropPending(storage);
    return { locale: user.locale, resend: false };
  }
  if (p.locale === user.locale) {
    dropPending(storage); // the save landed after all
    return { locale: user.locale, resend: false };
  }
  return { locale: p.locale, resend: true };
}
