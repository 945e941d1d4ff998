// The stored state of each exchange record, in the shape its latest event carries, so that a
// state check (`journal verify --state`) can compare the two: listing.* events carry the
// ListingRecord, match.accepted/declined the MatchRecord, plan.saved the PlanRecord (with the
// proposals it made, each a MatchRecord as created).
import type { Reader } from '../store/index.ts';
import { planRecord } from './plans.ts';
import { findListing, findMatch, findPlan } from './repository.ts';
import type { ListingRecord, MatchRecord, PlanRecord } from './schema.ts';

export const listingRecord = (reader: Reader, id: string): Promise<ListingRecord | undefined> =>
  findListing(reader, id);

export const matchRecord = (reader: Reader, id: string): Promise<MatchRecord | undefined> =>
  findMatch(reader, id);

export async function planRecordOf(reader: Reader, id: string): Promise<PlanRecord | undefined> {
  const p = await findPlan(reader, id);
  return p && planRecord(p, p.text, p.document);
}
