// Pure: where a grant received from another organisation stands, and which day of it the
// grantee's page reads.
import type { ListedGrant } from './api.ts';

type Window = Pick<ListedGrant, 'from' | 'to' | 'revokedAt'>;

const DAY_MS = 86_400_000;

type GrantState = 'active' | 'revoked' | 'ended' | 'upcoming';

/** Where a grant stands at `now`: revoked, over, not begun, or in force. */
export function grantState(g: Window, now: number): GrantState {
  if (g.revokedAt) return 'revoked';
  if (Date.parse(g.to) <= now) return 'ended';
  if (Date.parse(g.from) > now) return 'upcoming';
  return 'active';
}

/** The day a grantee sees of a grant: the 24 h before now, or before the grant's end. */
export function lastDayOf(g: Window, now: number): { from: string; to: string } {
  const to = Math.min(now, Date.parse(g.to));
  const from = Math.max(Date.parse(g.from), to - DAY_MS);
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}
