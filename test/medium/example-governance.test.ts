// The example's governance history (data/kuzbass/governance.json) as the seed leaves it, on
// SQLite and PostgreSQL: a charter under keystone control, past decisions with ballots (an
// instant runoff, the admission of a member from another region, a rejected leader change, a
// veto), open votes relative to the seeding day, and results the journal's ballots reproduce.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedExample } from '../../src/example/seed.ts';
import {
  type CastBallot,
  type DelegationSpan,
  GovernanceService,
  type Proposal,
  tally,
  tallyInputFor,
} from '../../src/governance/index.ts';
import { listEvents } from '../../src/journal/index.ts';
import { type Actor, systemActor } from '../../src/model/index.ts';
import type { Platform } from '../../src/platform.ts';
import { registryQueries } from '../../src/registry/index.ts';
import { eachDialect, type TestDatabase } from './dialects.ts';

const reader: Actor = { ...systemActor, kind: 'user', id: 'u-reader' };

for (const d of await eachDialect()) {
  describe(`the example's governance on ${d.name}`, { skip: d.skip }, () => {
    let db: TestDatabase;
    let p: Platform;
    // a seeding day far from the data's dates: the open votes follow it
    const day = new Date('2029-02-28T23:30:00Z');
    let gov: GovernanceService;
    let all: Proposal[];

    before(async () => {
      db = await d.make();
      p = await db.open();
      await seedExample(p, { clock: () => day });
      gov = new GovernanceService(p.store, () => day);
      all = await gov.listProposals(reader);
    });
    after(async () => {
      await p?.close();
      await db?.drop();
    });

    test('a charter under keystone control and the keystone of the registry', async () => {
      const { current } = await gov.charter(reader);
      assert.equal(current?.control, 'keystone');
      assert.equal(current?.keystoneOrganisationId, 'kuzbass-technopark');
      const keystone = await registryQueries.findOrganisation(p.store, 'kuzbass-technopark');
      assert.equal(keystone?.role, 'keystone');
      const terms = await gov.keystones(reader);
      assert.deepEqual(
        terms.map((k) => [k.organisationId, k.until]),
        [['kuzbass-technopark', null]],
      );
    });

    test('past decisions: an instant runoff, an admission from another region, a leader change, a veto', async () => {
      const decided = all.filter((x) => x.status !== 'open');
      assert.ok(decided.length >= 4, `${decided.length} decisions`);
      const irv = decided.find((x) => x.method === 'irv');
      assert.ok((irv?.result?.rounds?.length ?? 0) >= 2, 'IRV rounds');
      assert.equal(irv?.status, 'adopted');
      const admission = decided.find((x) => x.type === 'admit_member');
      assert.equal(admission?.status, 'adopted');
      const admitted = await registryQueries.findOrganisation(
        p.store,
        admission?.subjectOrganisationId ?? '',
      );
      assert.equal(admitted?.status, 'member');
      assert.notEqual(admitted?.region, 'Кемеровская область — Кузбасс', 'from another region');
      const membership = (await registryQueries.findMemberships(p.store, admitted?.id ?? '')).find(
        (m) => m.leftOn === null,
      );
      assert.ok(
        membership && membership.joinedOn > (admission?.decidedAt ?? '').slice(0, 10),
        'the membership starts after the decision',
      );
      const change = decided.find((x) => x.type === 'change_keystone');
      assert.equal(change?.status, 'rejected');
      assert.ok((change?.result?.turnout ?? 0) > 0);
      assert.ok(decided.some((x) => x.status === 'vetoed' && x.veto?.reason));
      for (const x of decided.filter((y) => y.decidedBy === 'vote'))
        assert.ok(x.result && x.result.turnout > 0 && x.result.turnout <= 1, `${x.title}: turnout`);
    });

    test('open votes are live on the seeding day, with ballots and a discussion', async () => {
      const open = all.filter((x) => x.status === 'open');
      assert.ok(open.length >= 2);
      for (const x of open) {
        assert.ok(x.opensAt < day.toISOString() && x.closesAt > day.toISOString(), x.title);
        const view = await gov.getProposal(reader, x.id);
        assert.ok(view.ballots > 0, `${x.title}: ballots`);
      }
      assert.ok(
        (await Promise.all(open.map((x) => gov.getProposal(reader, x.id)))).some(
          (v) => v.messages.length > 0,
        ),
      );
    });

    test("the journal's ballots reproduce every published result", async () => {
      const events = await listEvents(p.store, { afterSeq: 0, limit: 100_000 });
      const ballots = new Map<string, Map<string, CastBallot>>();
      const spans = new Map<string, DelegationSpan>();
      const published: Proposal[] = [];
      for (const e of events) {
        if (e.type === 'ballot.cast') {
          const b = e.payload as CastBallot;
          ballots.set(b.proposalId, (ballots.get(b.proposalId) ?? new Map()).set(b.voter, b));
        } else if (e.type === 'delegation.created' || e.type === 'delegation.revoked') {
          const s = e.payload as DelegationSpan & { id: string };
          spans.set(s.id, s);
        } else if (e.type === 'proposal.decided') published.push(e.payload as Proposal);
      }
      assert.equal(published.length, all.filter((x) => x.decidedBy === 'vote').length);
      for (const x of published)
        assert.deepEqual(
          tally(
            tallyInputFor(
              x,
              [...(ballots.get(x.id)?.values() ?? [])],
              [...spans.values()],
              x.electorate ?? [],
            ),
          ),
          x.result,
          x.title,
        );
    });
  });
}
