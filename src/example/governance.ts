// The example's governance history (data/kuzbass/governance.json), seeded through the
// governance service with its clock set to each moment: the founding charter, delegations,
// past decisions with their ballots and discussions (one IRV vote, the admission of a member
// from another region, a budget by consent, a rejected leader change, a vetoed project) and
// open votes placed relative to the seeding day, so the demo always has live votes.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GovernanceService } from '../governance/index.ts';
import { type Actor, systemActor } from '../model/index.ts';
import type { Platform } from '../platform.ts';

const file = fileURLToPath(new URL('../../data/kuzbass/governance.json', import.meta.url));
const DAY = 24 * 3600_000;

interface Timed {
  at?: string;
  daysAgo?: number;
}
interface ExampleProposal {
  type: string;
  method?: string;
  author: string;
  coSponsors?: string[];
  title: string;
  titleEn?: string;
  body?: string;
  bodyEn?: string;
  candidates?: string[];
  candidatesEn?: string[];
  subjectOrganisationId?: string;
  amountKopecks?: number;
  opensAt?: string;
  closesAt?: string;
  opensDaysAgo?: number;
  closesInDays?: number;
  ballots: Array<Record<string, unknown> & { voter: string }>;
  messages: Array<Timed & { org: string; text: string }>;
  veto?: { at: string; reason: string };
  /** an admission: the day the admitted member's membership starts (after the decision) */
  joinsOn?: string;
}
interface ExampleGovernance {
  actorPrefix: string;
  charter: Record<string, unknown> & { adoptedAt: string; keystoneOrganisationId?: string };
  delegations: Array<{ from: string; to: string; topic: string; at: string }>;
  proposals: ExampleProposal[];
}

export const exampleGovernance = (): ExampleGovernance => JSON.parse(readFileSync(file, 'utf8'));

/** Memberships the example's admissions start: organisation id → the day it joins. */
export function admittedByDecision(): Map<string, string> {
  return new Map(
    exampleGovernance()
      .proposals.filter((p) => p.type === 'admit_member' && p.subjectOrganisationId && p.joinsOn)
      .map((p) => [p.subjectOrganisationId as string, p.joinsOn as string]),
  );
}

/**
 * Seeds the history. `admit(org)` starts the membership an adopted admission grants (the
 * registry's subscriber would do so at once; the seed gives it the data's date).
 */
export async function seedGovernance(
  platform: Platform,
  day: Date,
  admit: (organisationId: string) => Promise<void>,
): Promise<{ proposals: number }> {
  const data = exampleGovernance();
  let now = new Date(data.charter.adoptedAt);
  const gov = new GovernanceService(platform.store, () => now);
  const member = (org: string, role: Actor['role'] = 'org_admin'): Actor => ({
    kind: 'user',
    id: `${data.actorPrefix}${org}`,
    organisationId: org,
    role,
  });
  const { adoptedAt: _adopted, ...charter } = data.charter;
  await gov.foundCharter(systemActor, charter);
  for (const d of data.delegations) {
    now = new Date(d.at);
    await gov.delegate(member(d.from), { to: d.to, topic: d.topic });
  }
  for (const p of data.proposals) {
    const opens = p.opensAt
      ? new Date(p.opensAt)
      : new Date(day.getTime() - (p.opensDaysAgo ?? 1) * DAY);
    const closes = p.closesAt
      ? new Date(p.closesAt)
      : new Date(day.getTime() + (p.closesInDays ?? 7) * DAY);
    // ballots spread evenly over the time the vote was open (until a veto, or the seeding day)
    const end = Math.min(
      closes.getTime(),
      day.getTime(),
      p.veto ? Date.parse(p.veto.at) : Number.POSITIVE_INFINITY,
    );
    now = opens;
    const proposal = await gov.createProposal(member(p.author), {
      type: p.type,
      title: p.title,
      ...(p.titleEn ? { titleEn: p.titleEn } : {}),
      body: p.body ?? '',
      ...(p.bodyEn ? { bodyEn: p.bodyEn } : {}),
      coSponsors: p.coSponsors ?? [],
      closesAt: closes.toISOString(),
      ...(p.method ? { method: p.method } : {}),
      ...(p.candidates ? { candidates: p.candidates } : {}),
      ...(p.candidatesEn ? { candidatesEn: p.candidatesEn } : {}),
      ...(p.subjectOrganisationId ? { subjectOrganisationId: p.subjectOrganisationId } : {}),
      ...(p.amountKopecks !== undefined ? { amountKopecks: p.amountKopecks } : {}),
    });
    const step = (end - opens.getTime()) / (p.ballots.length + 2);
    const actions: Array<{ at: number; run: () => Promise<unknown> }> = [
      ...p.ballots.map(({ voter, ...ballot }, i) => ({
        at: opens.getTime() + (i + 1) * step,
        run: () => gov.castBallot(member(voter), proposal.id, ballot),
      })),
      ...p.messages.map((m) => ({
        at: m.at ? Date.parse(m.at) : day.getTime() - (m.daysAgo ?? 0) * DAY,
        run: () => gov.postMessage(member(m.org, 'member'), proposal.id, { text: m.text }),
      })),
    ];
    if (p.veto) {
      const veto = p.veto;
      const keystone = data.charter.keystoneOrganisationId ?? '';
      actions.push({
        at: Date.parse(veto.at),
        run: () =>
          gov.veto(member(keystone, 'operator_admin'), proposal.id, { reason: veto.reason }),
      });
    }
    for (const a of actions.sort((x, y) => x.at - y.at)) {
      now = new Date(Math.floor(a.at));
      await a.run();
    }
    if (!p.veto && closes <= day) {
      now = closes;
      const decided = await gov.closeProposal(systemActor, proposal.id);
      if (decided.status === 'adopted' && p.type === 'admit_member' && p.subjectOrganisationId)
        await admit(p.subjectOrganisationId);
    }
  }
  return { proposals: data.proposals.length };
}
