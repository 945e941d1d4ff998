// Pure: VAT (НДС) on a delivery's settlement. Prices and sums of a deal are without VAT; each
// posting adds VAT at the rate in force on the delivery's date, from a dated table (the deals
// module's reference data, data/reference/vat-rates.json, read by deals/reference.ts):
//
//   rate(date)  = the rate of the table's latest row whose `from` ≤ date
//   VAT         = net × rate / 100, rounded half away from zero to the kopeck, once per posting
//                 (exact in integer arithmetic: no float error on any safe amount)
//   with VAT    = net + VAT
//
// The sign follows the net amount (a gate fee, negative, carries negative VAT).
//
// Who charges what follows the seller's VAT regime (src/model/vocabulary.ts `vatRegimes`):
// the general regime charges the table's standard rate, УСН at 5 % or 7 % that rate, an exempt
// УСН seller none («без НДС»). Only a buyer on the general regime deducts the VAT it pays; for
// any other the VAT is part of what the purchase costs it (Tax Code art. 170 p. 2, 171).
import { z } from 'zod';
import type { vatRegimes } from '../../model/vocabulary.ts';

export type VatRegimeName = (typeof vatRegimes)[number];

/** What a seller under `regime` charges on a sale when the standard rate is `standardPct`. */
export function saleVatRate(
  regime: VatRegimeName,
  standardPct: number,
): { ratePct: number; exempt: boolean } {
  switch (regime) {
    case 'general':
      return { ratePct: standardPct, exempt: false };
    case 'usn_5':
      return { ratePct: 5, exempt: false };
    case 'usn_7':
      return { ratePct: 7, exempt: false };
    case 'usn_exempt':
      return { ratePct: 0, exempt: true };
  }
}

/** Whether a buyer under `regime` deducts the VAT it pays (НДС к вычету): the general regime only. */
export const deductsInputVat = (regime: VatRegimeName): boolean => regime === 'general';

export const VatRateRow = z
  .strictObject({
    from: z.iso.date().describe('the first day the rate applies to (a delivery on or after it)'),
    ratePct: z.number().min(0).max(100).describe('% of the price without VAT'),
    /** the law that sets the rate, or where it was read */
    source: z.string().min(1),
    status: z.enum(['sourced', 'estimate']),
    /** how an estimate was made (required for estimates) */
    basis: z.string().min(1).optional(),
  })
  .refine((r) => r.status === 'sourced' || r.basis !== undefined, {
    message: 'an estimate says its basis',
    path: ['basis'],
  })
  .meta({ id: 'VatRateRow' });
export type VatRateRow = z.infer<typeof VatRateRow>;

/** The table: rows in ascending `from`, no two on one day. */
export const VatRateTable = z
  .array(VatRateRow)
  .min(1)
  .refine((rows) => rows.every((r, i) => i === 0 || rows[i - 1].from < r.from), {
    message: 'rows in ascending order of `from`, one per day',
  });
export type VatRateTable = z.infer<typeof VatRateTable>;

/** The row in force on `date` (YYYY-MM-DD), or undefined before the table's first row. */
export function vatRateOn(date: string, table: readonly VatRateRow[]): VatRateRow | undefined {
  let found: VatRateRow | undefined;
  for (const r of table) if (r.from <= date) found = r;
  return found;
}

/** VAT on a net amount in kopecks at `ratePct` %, rounded half away from zero to the kopeck. */
export function vatKopecks(netKopecks: number, ratePct: number): number {
  if (!Number.isSafeInteger(netKopecks)) throw new RangeError(`${netKopecks} is not whole kopecks`);
  // the rate in hundredths of a per cent, so that 22 % and 12.5 % are exact integers
  const rate = BigInt(Math.round(ratePct * 100));
  const net = BigInt(Math.abs(netKopecks));
  const vat = Number((net * rate * 2n + 10_000n) / 20_000n);
  if (!Number.isSafeInteger(vat))
    throw new RangeError(`VAT on ${netKopecks} is beyond exact arithmetic`);
  return netKopecks < 0 && vat !== 0 ? -vat : vat;
}
