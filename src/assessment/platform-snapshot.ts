// The cluster snapshot built from the platform's own data: organisations from the registry,
// ties from what members did on the platform (deals agreed, and matches agreed without a deal; knowledge asked for, licensed
// and shared in projects; delegations and co-sponsored proposals), decisions and the keystone's
// history from governance. Read through other modules' public surfaces and the journal, never
// their tables. Events whose payload does not read as expected are skipped, never guessed at.
import { z } from 'zod';
import { DealsService } from '../deals/index.ts';
import { agreedMatches } from '../exchange/index.ts';
import { governanceQueries } from '../governance/index.ts';
import { type JournalEntry, listEvents } from '../journal/index.ts';
import { clusterDayOf } from '../model/days.ts';
import { systemActor } from '../model/index.ts';
import { registryQueries } from '../registry/index.ts';
import type { Reader, Store } from '../store/index.ts';
import { declaredTies } from './declared.ts';
import type { roles, SnapshotInput } from './engine/index.ts';
import { sustainabilityFromPlatform } from './sustainability-from-platform.ts';

type Tie = NonNullable<SnapshotInput['ties']>[number];
type Decision = NonNullable<SnapshotInput['decisions']>[number];

/** Every event of one type, in journal order. */
export async function eventsOf(reader: Reader, type: string): Promise<JournalEntry[]> {
  const out: JournalEntry[] = [];
  for (;;) {
    const page = await listEvents(reader, { type, afterSeq: out.at(-1)?.seq ?? 0, limit: 5000 });
    out.push(...page);
    if (page.length < 5000) return out;
  }
}

const pair = z.object({ fromOrganisationId: z.string(), toOrganisationId: z.string() });
const assetAsked = pair.extend({ assetId: z.string() });
const consultationAsked = pair.extend({ profileId: z.string() });
const licence = z.object({ assetId: z.string(), licensorId: z.string(), licenseeId: z.string() });
const project = z.object({
  organisationId: z.string(),
  participants: z.array(z.object({ organisationId: z.string() })).default([]),
});
const delegation = z.object({ from: z.string(), to: z.string() });
const proposal = z.object({
  authorOrganisationId: z.string(),
  coSponsors: z.array(z.string()).default([]),
});

/**
 * Ties of one event type, read by its payload schema. With `subjectOf`, one tie per pair and
 * subject — the first: asking for the same asset again (a reminder) is no new tie, else a member
 * could raise the cluster's knowledge figures by clicking.
 */
async function tiesFrom<T extends z.ZodType>(
  reader: Reader,
  type: string,
  schema: T,
  layer: Tie['layer'],
  ends: (payload: z.infer<T>) => [string, string][],
  subjectOf?: (payload: z.infer<T>) => string,
): Promise<Tie[]> {
  const out: Tie[] = [];
  const seen = new Set<string>();
  for (const e of await eventsOf(reader, type)) {
    const r = schema.safeParse(e.payload);
    if (!r.success) continue;
    for (const [source, target] of ends(r.data)) {
      if (source === target) continue;
      if (subjectOf) {
        const key = JSON.stringify([source, target, subjectOf(r.data)]);
        if (seen.has(key)) continue;
        seen.add(key);
      }
      out.push({ source, target, layer, onPlatform: true, at: clusterDayOf(e.at), event: type });
    }
  }
  return out;
}

export async function platformSnapshot(store: Store): Promise<SnapshotInput> {
  const all = await registryQueries.findOrganisations(store, {});
  const memberships = await registryQueries.findMemberships(store);
  const ever = new Set(memberships.map((m) => m.organisationId));
  const organisations = all.filter((o) => ever.has(o.id) || o.status === 'member');
  const ids = new Set(organisations.map((o) => o.id));
  const sites = await registryQueries.findSites(store, {});
  const agglomerationOf = new Map<string, string | null>();
  for (const s of sites)
    if (!agglomerationOf.get(s.organisationId))
      agglomerationOf.set(s.organisationId, s.agglomeration ?? null);
  const roleOf = new Map<string, (typeof roles)[number]>();
  for (const m of memberships) if (m.leftOn === null) roleOf.set(m.organisationId, m.role);
  // membership history: the first day in, and the last day out once no membership is open
  const joinedOf = new Map<string, string>();
  const leftOf = new Map<string, string | null>();
  for (const m of memberships) {
    const joined = clusterDayOf(m.joinedOn);
    if (!joinedOf.has(m.organisationId) || joined < (joinedOf.get(m.organisationId) ?? ''))
      joinedOf.set(m.organisationId, joined);
    const left = leftOf.get(m.organisationId);
    if (m.leftOn === null) leftOf.set(m.organisationId, null);
    else if (left !== null && (left === undefined || clusterDayOf(m.leftOn) > left))
      leftOf.set(m.organisationId, clusterDayOf(m.leftOn));
  }

  // Exchange ties: every deal that reached agreement (agreed, active, completed, or terminated
  // after it), valued at its contracted price × quantity and dated by its agreement; an agreed
  // match counts only while no deal carries it (a deal opens from each, so counting both would
  // tie the pair twice).
  const ties: Tie[] = [];
  const deals = (await new DealsService(store).listDeals(systemActor)).items;
  const carried = new Set<string>();
  for (const d of deals) {
    if (!d.agreedAt) continue;
    if (d.matchId) carried.add(d.matchId);
    ties.push({
      source: d.providerId,
      target: d.consumerId,
      layer: 'exchange',
      value: Math.abs(d.priceKopecksPerUnit * d.quantity) / 100,
      onPlatform: true,
      at: clusterDayOf(d.agreedAt),
      event: 'deal.agreed',
    });
  }
  for (const a of await agreedMatches(store))
    if (!carried.has(a.id))
      ties.push({
        source: a.supply.organisationId,
        target: a.demand.organisationId,
        layer: 'exchange',
        value: a.valueKopecks / 100,
        onPlatform: true,
        at: clusterDayOf(a.agreedAt),
        event: 'match.agreed',
      });
  const askedFor = (p: z.infer<typeof pair>): [string, string][] => [
    [p.fromOrganisationId, p.toOrganisationId],
  ];
  ties.push(
    ...(await tiesFrom(
      store,
      'knowledge.asset.requested',
      assetAsked,
      'knowledge',
      askedFor,
      (a) => a.assetId,
    )),
    ...(await tiesFrom(
      store,
      'knowledge.consultation.requested',
      consultationAsked,
      'knowledge',
      askedFor,
      (c) => c.profileId,
    )),
    ...(await tiesFrom(
      store,
      'knowledge.licence.granted',
      licence,
      'knowledge',
      (l) => [[l.licensorId, l.licenseeId]],
      (l) => l.assetId,
    )),
    ...(await tiesFrom(store, 'knowledge.project.created', project, 'knowledge', (p) =>
      p.participants.map((x): [string, string] => [p.organisationId, x.organisationId]),
    )),
    ...(await tiesFrom(store, 'delegation.created', delegation, 'governance', (d) => [
      [d.from, d.to],
    ])),
    ...(await tiesFrom(store, 'proposal.opened', proposal, 'governance', (p) =>
      p.coSponsors.map((c): [string, string] => [p.authorOrganisationId, c]),
    )),
  );

  // ties the organisations declare as made off the platform: the place of transactions measured
  ties.push(...(await declaredTies(store)));

  // a vote that adopted or rejected is a decision by member vote; one without quorum is none
  const decided = z.object({ status: z.enum(['adopted', 'rejected']) });
  const founded = z.object({ proposalId: z.null() });
  const decisions: Decision[] = [
    ...(await eventsOf(store, 'proposal.decided'))
      .filter((e) => decided.safeParse(e.payload).success)
      .map((e): Decision => ({ at: clusterDayOf(e.at), by: 'member_vote' })),
    ...(await eventsOf(store, 'proposal.vetoed')).map(
      (e): Decision => ({ at: clusterDayOf(e.at), by: 'keystone_veto' }),
    ),
    // a charter founded by the operator, not voted (later versions come from decided proposals)
    ...(await eventsOf(store, 'charter.adopted'))
      .filter((e) => founded.safeParse(e.payload).success)
      .map((e): Decision => ({ at: clusterDayOf(e.at), by: 'operator' })),
  ].sort((a, b) => a.at.localeCompare(b.at));

  // a read, not the service's: reading the snapshot must not close votes as a side effect
  const keystones = (await governanceQueries.keystoneHistory(store))
    .filter((k) => ids.has(k.organisationId))
    .map((k) => ({
      organisation: k.organisationId,
      from: clusterDayOf(k.since),
      ...(k.until ? { to: clusterDayOf(k.until) } : {}),
    }));

  return {
    organisations: organisations.map((o) => ({
      id: o.id,
      kind: o.kind,
      region: o.region,
      agglomeration: agglomerationOf.get(o.id) ?? null,
      ...(roleOf.has(o.id) ? { role: roleOf.get(o.id) } : {}),
      ...(joinedOf.has(o.id) ? { joined: joinedOf.get(o.id) } : {}),
      ...(leftOf.get(o.id) ? { left: leftOf.get(o.id) as string } : {}),
      employees: o.employees,
      knowledgeWorkers: o.knowledgeWorkers,
      name: o.name,
      ...(o.nameEn ? { nameEn: o.nameEn } : {}),
    })),
    // a tie to an organisation the registry no longer lists cannot be placed: left out
    ties: ties.filter((t) => ids.has(t.source) && ids.has(t.target)),
    decisions,
    keystones,
    // the sustainability characteristic's three parts (a part without data left out: no data)
    sustainability: Object.fromEntries(
      Object.entries((await sustainabilityFromPlatform(store)).parts).filter(([, v]) => v !== null),
    ),
  };
}
