// The example cluster's deal history (data/kuzbass/deals.json): deals in every state, opened,
// negotiated and delivered through the service as the parties would, dated relative to the
// seeding day — the last twelve months of deliveries end just before it, whenever it is seeded.
import type { Actor } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import type { DealAction, DealSide, DealTerms } from './schema.ts';
import { DealsService } from './service.ts';

export interface ExampleDeal {
  provider: string;
  consumer: string;
  material: string;
  fkko?: string;
  openedBy: DealSide;
  /** opened this many months (of 30 days) and 20 days before the seeding day */
  openedMonthsAgo: number;
  scheduleMonths: number;
  terms: Omit<DealTerms, 'schedule'>;
  path: Array<[DealSide, DealAction] | [DealSide, DealAction, Partial<DealTerms>]>;
  message?: string;
  deliveries?: {
    method: 'weighbridge' | 'belt_scale' | 'manual';
    /** each month's share of the contracted quantity, oldest first; the last ends 20 days before the seeding day */
    shares: number[];
    quality: Record<string, number>;
    outOfSpec?: { month: number; quality: Record<string, number> };
    /** the consumer confirms each lot by its own weighing the next day */
    consumerConfirms: boolean;
    /** the month (0-based) whose confirmation differs by 10 % */
    mismatchMonth?: number;
  };
  /** the consumer confirms completion after the last delivery */
  complete?: boolean;
}

const DAY = 86_400_000;
const isoDay = (t: Date) => t.toISOString().slice(0, 10);

/** Seeds the example's deals as of `now`; returns how many deals and deliveries it made. */
export async function seedDeals(
  store: Store,
  data: { deals: ExampleDeal[] },
  now: Date,
): Promise<{ deals: number; deliveries: number }> {
  let t = now;
  // records dated along the example's history; events journaled as they are written
  const deals = new DealsService(
    store,
    () => t,
    () => new Date(),
  );
  const party = (organisationId: string): Actor => ({
    kind: 'user',
    id: `example@${organisationId}`,
    organisationId,
    role: 'org_admin',
  });
  let deliveries = 0;
  for (const x of data.deals) {
    const actorOf = (side: DealSide) => party(side === 'provider' ? x.provider : x.consumer);
    const opened = new Date(now.getTime() - (x.openedMonthsAgo * 30 + 20) * DAY);
    t = opened;
    const to = new Date(opened.getTime() + x.scheduleMonths * 30 * DAY - DAY);
    const deal = await deals.createDeal(actorOf(x.openedBy), {
      providerId: x.provider,
      consumerId: x.consumer,
      material: x.material,
      ...(x.fkko ? { fkko: x.fkko } : {}),
      ...x.terms,
      schedule: { from: isoDay(opened), to: isoDay(to) },
    });
    let step = 0;
    for (const [side, action, terms] of x.path) {
      t = new Date(opened.getTime() + ++step * DAY);
      await deals.transition(actorOf(side), deal.id, {
        action,
        ...(terms ? { terms } : {}),
        ...(action === 'terminate' && x.message ? { message: x.message } : {}),
      });
    }
    const plan = x.deliveries;
    if (!plan) continue;
    const n = plan.shares.length;
    for (let i = 0; i < n; i++) {
      const on = new Date(now.getTime() - ((n - i) * 30 - 10) * DAY);
      const quantity = Math.round(x.terms.quantity * plan.shares[i] * 10) / 10;
      const quality = plan.outOfSpec?.month === i ? plan.outOfSpec.quality : plan.quality;
      t = new Date(on.getTime() + 12 * 3_600_000);
      const lot = await deals.recordDelivery(actorOf('provider'), deal.id, {
        deliveredOn: isoDay(on),
        quantity,
        quality,
        method: plan.method,
      });
      deliveries++;
      if (plan.consumerConfirms) {
        t = new Date(on.getTime() + DAY);
        const received =
          plan.mismatchMonth === i ? quantity * 0.9 : Math.round(quantity * 0.996 * 10) / 10;
        await deals.recordDelivery(actorOf('consumer'), deal.id, {
          deliveredOn: isoDay(on),
          quantity: Math.round(received * 10) / 10,
          quality,
          method: plan.method,
          confirms: lot.id,
        });
        deliveries++;
      }
    }
    if (x.complete) {
      t = new Date(now.getTime() - 19 * DAY);
      await deals.transition(actorOf('consumer'), deal.id, { action: 'complete' });
    }
  }
  return { deals: data.deals.length, deliveries };
}
