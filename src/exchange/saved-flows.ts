// The flows of saved plans as other modules read them (the deals' impact ledger counts them at
// the level "identified"): each with both holders' organisations, its plan and when it was
// computed, and the offer listing's legal status. The ids are for aggregation only: a reader
// that passes them on to someone must not name a holder hidden from that viewer. The figures
// are those the viewer may see — a leg touching a holder hidden from it computed from the
// holder's agglomeration centre (issue #8), as `GET /exchange/plans/{id}` shows them.
// A flow no longer on the table is left out: one whose offer or request was withdrawn, or
// whose pair's latest proposal was declined or closed (a later plan may propose it anew
// once a listing's terms change; then that proposal is the latest).
import { type Actor, isOperator } from '../model/index.ts';
import type { Reader } from '../store/index.ts';
import { maskPlan } from './engine/plan.ts';
import { viewerOptions } from './reference.ts';
import { findListings, findPlans, pairStatuses } from './repository.ts';
import type { PlanFlow } from './schema.ts';
import { holderShown, revealedTo } from './visibility.ts';

export interface SavedPlanFlow {
  planId: string;
  /** ISO 8601: when the plan was computed */
  planComputedAt: string;
  providerId: string;
  consumerId: string;
  /** the offer listing's legal status; null: not stated or the listing is gone */
  legalStatus: string | null;
  /** the flow's figures as the viewer may see them */
  flow: PlanFlow;
  /** a holder on the flow is hidden from the viewer: its legs measured from the centre */
  fromCentre: boolean;
}

/** The flows of every saved plan, oldest plan first, with figures as `viewer` may see them. */
export async function savedPlanFlows(reader: Reader, viewer: Actor): Promise<SavedPlanFlow[]> {
  const plans = await findPlans(reader);
  if (!plans.length) return [];
  const listings = await findListings(reader, {
    ids: plans.flatMap((p) => p.document.plan.flows.flatMap((f) => [f.supply, f.demand])),
  });
  const byId = new Map(listings.map((l) => [l.id, l]));
  const pair = (supply: string, demand: string) => `${supply}\u0000${demand}`;
  // proposals come oldest first: the last one of a pair is its latest; a pair with an open
  // or agreed proposal is on the table whatever the order of proposals made the same instant
  // (a plan that supersedes one closes the old and opens the new at its saving time)
  const statuses = await pairStatuses(reader);
  const latest = new Map(statuses.map((x) => [pair(x.supplyListingId, x.demandListingId), x]));
  const open = new Set(
    statuses
      .filter((x) => x.status === 'proposed' || x.status === 'accepted')
      .map((x) => pair(x.supplyListingId, x.demandListingId)),
  );
  const offTheTable = (supply: string, demand: string) => {
    const key = pair(supply, demand);
    const status = open.has(key) ? undefined : latest.get(key)?.status;
    return (
      status === 'declined' ||
      status === 'closed' ||
      byId.get(supply)?.status === 'withdrawn' ||
      byId.get(demand)?.status === 'withdrawn'
    );
  };
  const revealed = isOperator(viewer) ? new Set<string>() : await revealedTo(reader, viewer);
  const shown = (listingId: string) => {
    const l = byId.get(listingId);
    // a listing no longer stored: its holder stays as hidden as it was for anyone else
    return isOperator(viewer) || (!!l && holderShown(l, viewer, revealed));
  };
  const out: SavedPlanFlow[] = [];
  for (const p of plans) {
    const doc = p.document;
    const masked = maskPlan(doc, shown, (id) => byId.get(id), viewerOptions(doc.factors));
    doc.plan.flows.forEach((f, i) => {
      const providerId = f.from.organisationId;
      const consumerId = f.to.organisationId;
      if (!providerId || !consumerId || offTheTable(f.supply, f.demand)) return;
      out.push({
        planId: p.id,
        planComputedAt: doc.computedAt,
        providerId,
        consumerId,
        legalStatus: byId.get(f.supply)?.legalStatus ?? null,
        flow: masked.plan.flows[i] ?? f,
        fromCentre: !shown(f.supply) || !shown(f.demand),
      });
    });
  }
  return out;
}
