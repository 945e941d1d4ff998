import type { Migration } from 'kysely/migration';
import * as deals from './2026-11-30-14-deals.ts';
import * as deliveries from './2026-11-30-15-deliveries-ledger.ts';
import * as form2tp from './2026-11-30-22-form-2tp.ts';
import * as devices from './2026-11-30-23-deal-devices.ts';
import * as vat from './2026-12-01-28-deals-vat.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-30-14-deals': deals,
  '2026-11-30-15-deliveries-ledger': deliveries,
  '2026-11-30-23-deal-devices': devices,
  '2026-11-30-22-form-2tp': form2tp,
  '2026-12-01-28-deals-vat': vat,
};
