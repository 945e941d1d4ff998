import type { Migration } from 'kysely/migration';
import * as exchange from './2026-11-29-02-exchange.ts';
import * as keysAndMoney from './2026-11-29-03-exchange-keys-and-money.ts';
import * as matchLifecycle from './2026-11-29-07-exchange-match-lifecycle.ts';
import * as honestImpact from './2026-11-29-10-exchange-honest-impact.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-29-02-exchange': exchange,
  '2026-11-29-03-exchange-keys-and-money': keysAndMoney,
  '2026-11-29-07-exchange-match-lifecycle': matchLifecycle,
  '2026-11-29-10-exchange-honest-impact': honestImpact,
};
