// Governance on SQLite and PostgreSQL, with an injected clock: the founding charter, votes that
// stop at the close, delegation, the keystone's veto under keystone control and none under
// etharchy, a leader change that moves the keystone role in the registry through an event, and
// a replay of the journal that reproduces every published result.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { seedExample } from '../../src/example/seed.ts';
import {
  type CastBallot,
  type DelegationSpan,
  GovernanceService,
  type Proposal,
  tally,
  tallyInputFor,
} from '../../src/governance/index.ts';
import { type JournalEntry, listEvents } from '../../src/journal/index.ts';
import { clusterDay } from '../../src/model/days.ts';
import { type Actor, DomainError, systemActor } from '../../src/model/index.ts';
import type { Platform } from '../../src/platform.ts';
import { registryQueries, SESSION_COOKIE } from '../../src/registry/index.ts';
import { buildServer } from '../../src/server/app.ts';
import { eachDialect, type TestDatabase } from './dialects.ts';
import { organisationInput } from './fixtures.ts';

const admin = (organisationId: string): Actor => ({
  kind: 'user',
  id: `u-${organisationId}`,
  organisationId,
  role: 'org_admin',
});
const operator: Actor = {
  ...systemActor,
  kind: 'user',
  id: 'u-operator',
  organisationId: 'kuzbass-technopark',
};

async function rejects(work: Promise<unknown>, code: string, status: number) {
  await assert.rejects(work, (e: unknown) => {
    assert.ok(e instanceof DomainError, String(e));
    assert.equal(e.detail.code, code);
    assert.equal(e.status, status);
    return true;
  });
}

/** Every event of the journal, paged. */
async function allEvents(p: Platform): Promise<JournalEntry[]> {
  const out: JournalEntry[] = [];
  for (;;) {
    const page = await listEvents(p.store, { afterSeq: out.at(-1)?.seq ?? 0, limit: 5000 });
    out.push(...page);
    if (page.length < 5000) return out;
  }
}

for (const d of await eachDialect()) {
  describe(`governance on ${d.name}`, { skip: d.skip }, () => {
    let db: TestDatabase;
    let p: Platform;
    let app: FastifyInstance;
    let now = new Date('2026-12-01T09:00:00.000Z');
    let gov: GovernanceService;
    let _subscriptions: unknown;
    const later = (hours: number) => new Date(now.getTime() + hours * 3600_000).toISOString();
    const advance = (hours: number) => {
      now = new Date(now.getTime() + hours * 3600_000);
    };

    before(async () => {
      db = await d.make();
      p = await db.open();
      await seedExample(p, { governance: false });
      gov = new GovernanceService(p.store, () => now);
      app = await buildServer(p);
    });
    after(async () => {
      await app?.close();
      await p?.close();
      await db?.drop();
    });

    test('the founding charter: the operator, once; keystone control needs a keystone', async () => {
      await rejects(
        gov.foundCharter(admin('razrez-yuzhny'), { control: 'etharchy' }),
        'access.operatorOnly',
        403,
      );
      await assert.rejects(
        gov.foundCharter(operator, { control: 'keystone' }),
        (e: unknown) => e instanceof DomainError && e.status === 400,
      );
      const c = await gov.foundCharter(operator, {
        control: 'keystone',
        keystoneOrganisationId: 'razrez-yuzhny',
        membershipRules: 'Участник — организация, признающая устав',
        defaults: { method: 'plurality', quorum: 0.1, threshold: 0.5 },
        byType: { admit_member: { method: 'plurality', quorum: 0.15, threshold: 0.6 } },
      });
      assert.equal(c.version, 1);
      await rejects(
        gov.foundCharter(operator, { control: 'etharchy' }),
        'governance.charterExists',
        409,
      );
      const keystones = await gov.keystones(operator);
      assert.deepEqual(
        keystones.map((k) => [k.organisationId, k.until]),
        [['razrez-yuzhny', null]],
      );
    });

    test('a proposal states what its type needs: a budget its amount, a new keystone another organisation', async () => {
      const refusedAt = async (input: Record<string, unknown>, field: string, code: string) =>
        assert.rejects(gov.createProposal(admin('myski-gres'), input), (e: unknown) => {
          assert.ok(e instanceof DomainError && e.status === 400, String(e));
          assert.deepEqual(
            e.fields.map((f) => [f.field, f.message.code]),
            [[field, code]],
          );
          return true;
        });
      await refusedAt(
        { type: 'approve_budget', title: 'Бюджет без суммы', closesAt: later(24) },
        'amountKopecks',
        'governance.amountRequired',
      );
      await refusedAt(
        {
          type: 'change_keystone',
          title: 'Ключевая — снова она же',
          subjectOrganisationId: 'razrez-yuzhny',
          closesAt: later(24),
        },
        'subjectOrganisationId',
        'governance.alreadyKeystone',
      );
    });

    let first: Proposal;
    test('votes count until the close and not after; a delegate carries the delegator', async () => {
      first = await gov.createProposal(admin('myski-gres'), {
        type: 'resolution',
        title: 'Общий регламент приёма золошлаковых отходов',
        closesAt: later(24),
      });
      assert.deepEqual(first.candidates, ['yes', 'no']);
      assert.equal(first.status, 'open');
      await gov.castBallot(admin('myski-gres'), first.id, { choice: 'yes' });
      await gov.castBallot(admin('tsement-tom'), first.id, { choice: 'no' });
      await gov.castBallot(admin('ekozola'), first.id, { choice: 'yes' });
      // a new ballot replaces the earlier one
      await gov.castBallot(admin('tsement-tom'), first.id, { choice: 'yes' });
      await gov.delegate(admin('kuzbass-teplo'), { to: 'myski-gres' });
      const revoked = await gov.delegate(admin('keramika-kuzbassa'), { to: 'tsement-tom' });
      await gov.revokeDelegation(admin('keramika-kuzbassa'), revoked.id);
      // each side sees its own delegation on the proposal: the delegator whom it handed its
      // vote to, the delegate whose vote it carries; a revoked one is gone
      assert.deepEqual((await gov.getProposal(admin('kuzbass-teplo'), first.id)).delegation, {
        to: 'myski-gres',
        from: [],
      });
      assert.deepEqual((await gov.getProposal(admin('myski-gres'), first.id)).delegation, {
        to: null,
        from: ['kuzbass-teplo'],
      });
      assert.deepEqual((await gov.getProposal(admin('tsement-tom'), first.id)).delegation, {
        to: null,
        from: [],
      });
      await rejects(
        gov.castBallot(admin('ekozola'), first.id, { choice: 'maybe' }),
        'governance.invalidBallot',
        400,
      );
      await rejects(gov.closeProposal(admin('ekozola'), first.id), 'governance.notYetClosed', 409);
      await rejects(
        gov.castBallot({ ...admin('ekozola'), role: 'observer' }, first.id, { choice: 'no' }),
        'governance.observersDoNotVote',
        403,
      );
      // a message in the discussion, journaled with its author
      const said = await gov.postMessage(admin('tsement-tom'), first.id, {
        text: '  Согласны, если регламент учтёт влажность золы  ',
      });
      assert.equal(said.text, 'Согласны, если регламент учтёт влажность золы');
      assert.equal(said.organisationId, 'tsement-tom');
      await gov.postMessage(operator, first.id, { text: 'Проект регламента приложен' });
      await rejects(
        gov.postMessage({ ...admin('shakhta-kondomskaya'), member: false }, first.id, {
          text: 'x',
        }),
        'governance.membersOnly',
        403,
      );
      await assert.rejects(
        gov.postMessage(admin('ekozola'), first.id, { text: '   ' }),
        (e: unknown) => e instanceof DomainError && e.status === 400,
      );
      const thread = (await gov.getProposal(admin('ekozola'), first.id)).messages;
      assert.deepEqual(
        thread.map((m) => [m.organisationId, m.authorUserId]),
        [
          ['tsement-tom', 'u-tsement-tom'],
          ['kuzbass-technopark', 'u-operator'],
        ],
      );
      const posted = await listEvents(p.store, { type: 'proposal.message-posted', afterSeq: 0 });
      assert.deepEqual(
        posted.map((e) => [e.actor, (e.payload as { id: string }).id]),
        thread.map((m) => [m.authorUserId, m.id]),
      );
      // one second before the close it is still open; at the close time it closes by itself
      now = new Date(Date.parse(first.closesAt) - 1000);
      assert.equal((await gov.getProposal(admin('ekozola'), first.id)).proposal.status, 'open');
      now = new Date(first.closesAt);
      await rejects(
        gov.castBallot(admin('cof-yuzhnaya'), first.id, { choice: 'no' }),
        'governance.voteClosed',
        409,
      );
      const decided = (await gov.getProposal(admin('ekozola'), first.id)).proposal;
      assert.equal(decided.status, 'adopted');
      assert.equal(decided.decidedAt, now.toISOString());
      const [published] = (
        await listEvents(p.store, { type: 'proposal.decided', afterSeq: 0 })
      ).filter((e) => (e.payload as Proposal).id === first.id);
      assert.equal(published.actor, 'system', 'closed by the platform at its time');
      assert.deepEqual((published.payload as Proposal).result, decided.result);
      await rejects(
        gov.postMessage(admin('ekozola'), first.id, { text: 'поздно' }),
        'governance.discussionClosed',
        409,
      );
      assert.equal(decided.decidedBy, 'vote');
      assert.deepEqual(decided.result?.rounds, [{ counts: { yes: 4, no: 0 } }]);
      const electorate = decided.electorate ?? [];
      assert.ok(
        !electorate.includes('kuzbass-technopark'),
        'the operator administers, it does not vote',
      );
      assert.equal(decided.result?.turnout, Math.round((4 / electorate.length) * 100) / 100);
      await rejects(
        gov.closeProposal(admin('ekozola'), first.id),
        'governance.alreadyDecided',
        409,
      );
    });

    test('under keystone control the keystone may veto within the charter, and the veto is recorded', async () => {
      const budget = await gov.createProposal(admin('ekozola'), {
        type: 'approve_budget',
        title: 'Бюджет пилотной линии',
        amountKopecks: 150_000_000,
        closesAt: later(48),
      });
      await rejects(
        gov.veto(admin('ekozola'), budget.id, { reason: 'no' }),
        'governance.vetoKeystoneOnly',
        403,
      );
      await rejects(
        gov.veto(operator, budget.id, { reason: 'no' }),
        'governance.vetoKeystoneOnly',
        403,
      );
      const vetoed = await gov.veto(admin('razrez-yuzhny'), budget.id, {
        reason: 'Нет источника финансирования',
      });
      assert.equal(vetoed.status, 'vetoed');
      assert.equal(vetoed.decidedBy, 'veto');
      assert.equal(vetoed.veto?.organisationId, 'razrez-yuzhny');
      const events = await listEvents(p.store, { type: 'proposal.vetoed' });
      assert.equal(events.length, 1);
      assert.equal((events[0].payload as Proposal).veto?.reason, 'Нет источника финансирования');
      await rejects(
        gov.castBallot(admin('myski-gres'), budget.id, { choice: 'yes' }),
        'governance.alreadyDecided',
        409,
      );
    });

    test('a passed leader change moves the keystone role in the registry through an event', async () => {
      const change = await gov.createProposal(admin('myski-gres'), {
        type: 'change_keystone',
        title: 'Передать роль ключевой организации ФИЦ УУХ СО РАН',
        subjectOrganisationId: 'frc-ccc',
        closesAt: later(24),
      });
      // the keystone's own replacement is outside its veto
      await rejects(
        gov.veto(admin('razrez-yuzhny'), change.id, { reason: 'no' }),
        'governance.vetoOutsideCharter',
        403,
      );
      for (const org of ['myski-gres', 'ekozola', 'tsement-tom', 'frc-ccc'])
        await gov.castBallot(admin(org), change.id, { choice: 'yes' });
      await gov.castBallot(admin('razrez-yuzhny'), change.id, { choice: 'no' });
      advance(25);
      const decided = await gov.closeProposal(operator, change.id);
      assert.equal(decided.status, 'adopted');
      const charter = await gov.charter(operator);
      assert.equal(charter.current?.version, 2);
      assert.equal(charter.current?.keystoneOrganisationId, 'frc-ccc');
      assert.equal(charter.current?.proposalId, change.id);
      assert.deepEqual(
        (await gov.keystones(operator)).map((k) => [
          k.organisationId,
          k.until === null,
          k.proposalId,
        ]),
        [
          ['frc-ccc', true, change.id],
          ['razrez-yuzhny', false, null],
        ],
      );
      const [event] = await listEvents(p.store, { type: 'keystone.changed', afterSeq: 0 }).then(
        (e) => e.slice(-1),
      );
      assert.deepEqual(
        [(event.payload as { from: string }).from, (event.payload as { to: string }).to],
        ['razrez-yuzhny', 'frc-ccc'],
      );
      // the registry's subscriber moves the role
      _subscriptions ??= await p.startSubscriptions(); // running from here on (closed with p)
      const roleOf = async (org: string) =>
        (await registryQueries.findMemberships(p.store, org)).find((m) => m.leftOn === null)?.role;
      for (let i = 0; i < 100 && (await roleOf('frc-ccc')) !== 'keystone'; i++)
        await new Promise((r) => setTimeout(r, 50));
      assert.equal(await roleOf('frc-ccc'), 'keystone');
      assert.equal(await roleOf('razrez-yuzhny'), 'core');
      assert.equal((await registryQueries.findOrganisation(p.store, 'frc-ccc'))?.role, 'keystone');
    });

    test('after a move to etharchy by decision no member has a veto', async () => {
      const move = await gov.createProposal(admin('ekozola'), {
        type: 'change_charter',
        title: 'Перейти к этархии',
        charter: { control: 'etharchy', keystoneOrganisationId: null },
        method: 'consent',
        closesAt: later(24),
      });
      await gov.castBallot(admin('ekozola'), move.id, { position: 'agree' });
      await gov.castBallot(admin('myski-gres'), move.id, { position: 'agree' });
      await gov.castBallot(admin('frc-ccc'), move.id, {
        position: 'abstain',
        reason: 'нейтрально',
      });
      advance(24);
      assert.equal((await gov.closeProposal(operator, move.id)).status, 'adopted');
      const charter = (await gov.charter(operator)).current;
      assert.equal(charter?.control, 'etharchy');
      assert.equal(charter?.version, 3);
      const next = await gov.createProposal(admin('ekozola'), {
        type: 'resolution',
        title: 'Совместный отчёт за год',
        method: 'consent',
        closesAt: later(24),
      });
      await rejects(
        gov.veto(admin('frc-ccc'), next.id, { reason: 'no' }),
        'governance.vetoUnderEtharchy',
        403,
      );
      await rejects(
        gov.veto(operator, next.id, { reason: 'no' }),
        'governance.vetoUnderEtharchy',
        403,
      );
      // a consent block stops a proposal
      await gov.castBallot(admin('ekozola'), next.id, { position: 'agree' });
      await gov.castBallot(admin('myski-gres'), next.id, { position: 'agree' });
      await gov.castBallot(admin('tsement-tom'), next.id, {
        position: 'block',
        reason: 'нет данных',
      });
      advance(24);
      const r = await gov.closeProposal(operator, next.id);
      assert.deepEqual(r.result?.rounds, [
        { counts: { agree: 3, abstain: 0, disagree: 0, block: 1 } },
      ]);
      assert.equal(r.status, 'rejected');
    });

    test('a proposal to admit an applicant names it, though the directory does not list it', async () => {
      const anon: Actor = { kind: 'anonymous', id: 'anonymous', organisationId: null, role: null };
      const application = await p.registry.submitApplication(anon, {
        organisation: organisationInput({ kind: 'waste_processor' }),
        admin: {
          email: 'boss@gov-applicant.example',
          name: 'Заявитель',
          password: 'applicant-pass-1',
        },
        consent: true,
      });
      const id = application.organisationId;
      await rejects(
        p.registry.getOrganisation(admin('myski-gres'), id),
        'registry.organisationNotFound',
        404,
      );
      const proposal = await gov.createProposal(admin('ekozola'), {
        type: 'admit_member',
        title: 'Принять заявителя',
        subjectOrganisationId: id,
        closesAt: later(24),
      });
      const seen = (await gov.listProposals(admin('myski-gres'))).find((x) => x.id === proposal.id);
      assert.equal(seen?.subjectName, application.organisationName);
      assert.match(seen?.subjectNameEn ?? '', /^Test open pit/);
    });

    test("quorum and threshold come from the charter for the proposal's type", async () => {
      const plain = await gov.createProposal(admin('ekozola'), {
        type: 'resolution',
        title: 'Общий день открытых дверей',
        closesAt: later(24),
        // a proposer cannot set its own: these are not fields of a proposal
        quorum: 0,
        threshold: 0,
      } as never);
      assert.deepEqual([plain.quorum, plain.threshold], [0.1, 0.5]);
      const admission = await gov.createProposal(admin('ekozola'), {
        type: 'admit_member',
        title: 'Принять ООО «Сибирь-Брикет» повторно',
        subjectOrganisationId: 'shakhta-kondomskaya',
        closesAt: later(24),
      });
      assert.deepEqual([admission.quorum, admission.threshold], [0.15, 0.6]);
      // the proposal names its subject to the electorate, in both languages where it has both
      const subject = await registryQueries.findOrganisation(p.store, 'shakhta-kondomskaya');
      const listed = (await gov.listProposals(admin('myski-gres'))).find(
        (x) => x.id === admission.id,
      );
      assert.equal(listed?.subjectName, subject?.name);
      assert.equal(listed?.subjectNameEn, subject?.nameEn ?? undefined);
      assert.equal(
        (await gov.getProposal(admin('myski-gres'), admission.id)).proposal.subjectName,
        subject?.name,
      );
      await rejects(
        gov.createProposal(admin('ekozola'), {
          type: 'admit_member',
          title: 'Принять участника',
          subjectOrganisationId: 'tsement-tom',
          closesAt: later(24),
        }),
        'governance.invalidProposal',
        400,
      );
      await rejects(
        gov.createProposal(admin('ekozola'), {
          type: 'expel_member',
          title: 'Исключить бывшего',
          subjectOrganisationId: 'shakhta-kondomskaya',
          closesAt: later(24),
        }),
        'governance.invalidProposal',
        400,
      );
      // 3 yes of 5 votes: 0.6 of the counted votes, enough with this type's threshold
      for (const org of ['ekozola', 'myski-gres', 'tsement-tom'])
        await gov.castBallot(admin(org), admission.id, { choice: 'yes' });
      for (const org of ['frc-ccc', 'dorstroy-yug'])
        await gov.castBallot(admin(org), admission.id, { choice: 'no' });
      const expel = await gov.createProposal(admin('myski-gres'), {
        type: 'expel_member',
        title: 'Исключить «Керамику Кузбасса» за неуплату взносов',
        subjectOrganisationId: 'keramika-kuzbassa',
        method: 'consent',
        closesAt: later(24),
      });
      for (const org of ['ekozola', 'myski-gres', 'tsement-tom'])
        await gov.castBallot(admin(org), expel.id, { position: 'agree' });
      advance(24);
      const closed = await gov.closeDue();
      const statusOfId = (id: string) => closed.find((c) => c.id === id)?.status;
      assert.deepEqual(
        [statusOfId(plain.id), statusOfId(admission.id), statusOfId(expel.id)],
        ['no_quorum', 'adopted', 'adopted'],
      );
      assert.deepEqual(await gov.closeDue(), [], 'nothing left to close');
      assert.equal((await gov.listProposals(operator, { status: 'open' })).length, 0);
      const decidedEvents = await listEvents(p.store, { type: 'membership.decided', afterSeq: 0 });
      assert.deepEqual(
        decidedEvents.map((ev) => (ev.payload as { action: string }).action).sort(),
        ['admit', 'expel'],
      );
      // the registry carries them out through its subscriber
      const open = async (org: string) =>
        (await registryQueries.findMemberships(p.store, org)).find((m) => m.leftOn === null);
      _subscriptions ??= await p.startSubscriptions(); // running from here on (closed with p)
      for (
        let i = 0;
        i < 200 && (!(await open('shakhta-kondomskaya')) || (await open('keramika-kuzbassa')));
        i++
      )
        await new Promise((r) => setTimeout(r, 50));
      const day = clusterDay(now.getTime());
      assert.equal((await open('shakhta-kondomskaya'))?.joinedOn, day);
      assert.equal(
        (await registryQueries.findOrganisation(p.store, 'shakhta-kondomskaya'))?.status,
        'member',
      );
      assert.equal(await open('keramika-kuzbassa'), undefined);
      const ended = (await registryQueries.findMemberships(p.store, 'keramika-kuzbassa')).at(-1);
      assert.equal(ended?.leftOn, day);
      assert.equal(
        (await registryQueries.findOrganisation(p.store, 'keramika-kuzbassa'))?.status,
        'former',
      );
      // the electorate follows: the admitted votes, the expelled no longer does
      const next = await gov.createProposal(admin('shakhta-kondomskaya'), {
        type: 'resolution',
        title: 'Первое предложение нового участника',
        closesAt: later(24),
      });
      await rejects(
        gov.castBallot(admin('keramika-kuzbassa'), next.id, { choice: 'yes' }),
        'governance.membersOnly',
        403,
      );
    });

    test("a weighted vote counts the charter's stakes, not a weight a ballot declares", async () => {
      const stakes = { 'myski-gres': 5, 'tsement-tom': 1, ekozola: 1 };
      const amend = await gov.createProposal(admin('ekozola'), {
        type: 'change_charter',
        title: 'Доли в фонде кластера',
        charter: { stakes },
        method: 'consent',
        closesAt: later(24),
      });
      for (const org of ['ekozola', 'myski-gres', 'frc-ccc', 'tsement-tom'])
        await gov.castBallot(admin(org), amend.id, { position: 'agree' });
      advance(24);
      assert.equal((await gov.closeProposal(operator, amend.id)).status, 'adopted');
      assert.deepEqual((await gov.charter(operator)).current?.stakes, stakes);
      const vote = await gov.createProposal(admin('tsement-tom'), {
        type: 'resolution',
        title: 'Общий склад золы',
        method: 'weighted',
        closesAt: later(24),
      });
      assert.deepEqual(vote.stakes, stakes, 'the proposal keeps the stakes it is counted by');
      // a stake a ballot declares is refused, in words, at its field
      await assert.rejects(
        gov.castBallot(admin('tsement-tom'), vote.id, { choice: 'yes', weight: 1e8 }),
        (e: unknown) => {
          assert.ok(e instanceof DomainError && e.status === 400);
          assert.deepEqual(
            e.fields.map((f) => [f.field, f.message.code]),
            [['weight', 'governance.stakeFromCharter']],
          );
          return true;
        },
      );
      await gov.castBallot(admin('tsement-tom'), vote.id, { choice: 'yes' });
      await gov.castBallot(admin('ekozola'), vote.id, { choice: 'yes' });
      await gov.castBallot(admin('myski-gres'), vote.id, { choice: 'no' });
      await gov.castBallot(admin('frc-ccc'), vote.id, { choice: 'yes' });
      advance(24);
      const r = await gov.closeProposal(operator, vote.id);
      // Myski's 5 and the 1 of Kuzbass Teplo, whose vote it carries (delegated above), against
      // 1 + 1 + 1 (the research centre: a member the charter names no stake for counts 1)
      assert.deepEqual(r.result?.rounds, [{ counts: { yes: 3, no: 6 } }]);
      assert.equal(r.result?.winner, 'no');
    });

    test('a handover that would close a loop is refused, naming why', async () => {
      const there = await gov.delegate(admin('ekozola'), { to: 'frc-ccc', topic: 'resolution' });
      try {
        await assert.rejects(gov.delegate(admin('frc-ccc'), { to: 'ekozola' }), (e: unknown) => {
          assert.ok(e instanceof DomainError && e.status === 400, String(e));
          assert.deepEqual(
            e.fields.map((f) => [f.field, f.message.code]),
            [['to', 'governance.delegationLoop']],
          );
          return true;
        });
        // on a topic the other hands nothing on, the same two make no loop
        const back = await gov.delegate(admin('frc-ccc'), {
          to: 'ekozola',
          topic: 'approve_budget',
        });
        await gov.revokeDelegation(admin('frc-ccc'), back.id);
      } finally {
        await gov.revokeDelegation(admin('ekozola'), there.id);
      }
    });

    test('replaying the journal reproduces every published result', async () => {
      const events = await allEvents(p);
      const ballots = new Map<string, Map<string, CastBallot>>();
      const spans = new Map<string, DelegationSpan>();
      const published: Proposal[] = [];
      for (const e of events) {
        if (e.type === 'ballot.cast') {
          const b = e.payload as CastBallot;
          const of = ballots.get(b.proposalId) ?? new Map();
          of.set(b.voter, b);
          ballots.set(b.proposalId, of);
        } else if (e.type === 'delegation.created' || e.type === 'delegation.revoked') {
          const s = e.payload as DelegationSpan & { id: string };
          spans.set(s.id, s);
        } else if (e.type === 'proposal.decided') published.push(e.payload as Proposal);
      }
      assert.ok(published.length >= 4);
      for (const decided of published) {
        const replayed = tally(
          tallyInputFor(
            decided,
            [...(ballots.get(decided.id)?.values() ?? [])],
            [...spans.values()],
            decided.electorate ?? [],
          ),
        );
        assert.deepEqual(replayed, decided.result, decided.title);
        const row = (await gov.listProposals(operator)).find((x) => x.id === decided.id);
        assert.deepEqual(row?.result, decided.result);
      }
    });

    test('participation figures', async () => {
      const f = await gov.participation(operator);
      const decided = (await gov.listProposals(operator, { status: 'decided' })).length;
      assert.equal(f.decided, decided);
      assert.equal(f.byVetoShare, 1 / decided);
      assert.ok(f.authorshipHhi !== null && f.authorshipHhi > 0 && f.authorshipHhi <= 1);
      assert.ok(f.voteWeightGini !== null && f.voteWeightGini > 0 && f.voteWeightGini < 1);
      assert.equal(f.turnout.length, decided - 1); // a vetoed proposal has no count
    });

    test('through HTTP: anonymous is refused, a member reads the charter and votes', async () => {
      const anon = await app.inject({ method: 'GET', url: '/api/v1/governance/charter' });
      assert.equal(anon.statusCode, 401);
      const u = await p.users.createUser(systemActor, 'ekozola', {
        email: 'governance@ekozola.example',
        name: 'Голосующий',
        role: 'org_admin',
        password: 'password-for-tests',
      });
      const cookie = `${SESSION_COOKIE}=${(await p.users.openSession(u.id)).token}`;
      const charter = await app.inject({
        method: 'GET',
        url: '/api/v1/governance/charter',
        headers: { cookie },
      });
      assert.equal(charter.statusCode, 200);
      assert.equal(charter.json().current.control, 'etharchy');
      const created = await app.inject({
        method: 'POST',
        url: '/api/v1/governance/proposals',
        headers: { cookie },
        payload: {
          type: 'resolution',
          title: 'Through HTTP',
          closesAt: new Date(Date.now() + 3600_000).toISOString(),
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      const vote = await app.inject({
        method: 'POST',
        url: `/api/v1/governance/proposals/${created.json().id}/ballot`,
        headers: { cookie, 'accept-language': 'ru' },
        payload: { choice: 'maybe' },
      });
      assert.equal(vote.statusCode, 400);
      assert.match(vote.body, /не из предложенных вариантов: maybe/);
      // a field too long is named by the form's words, not the API's («text», «request body»)
      const long = await app.inject({
        method: 'POST',
        url: `/api/v1/governance/proposals/${created.json().id}/messages`,
        headers: { cookie, 'accept-language': 'ru' },
        payload: { text: 'а'.repeat(4001) },
      });
      assert.equal(long.statusCode, 400, long.body);
      assert.equal(long.json().errors[0].label, 'Сообщение', long.body);
      const longBody = await app.inject({
        method: 'POST',
        url: '/api/v1/governance/proposals',
        headers: { cookie, 'accept-language': 'en' },
        payload: {
          type: 'resolution',
          title: 'Too long',
          body: 'x'.repeat(8001),
          closesAt: new Date(Date.now() + 3600_000).toISOString(),
        },
      });
      assert.equal(longBody.statusCode, 400, longBody.body);
      assert.equal(longBody.json().errors[0].label, 'Text of the proposal', longBody.body);
      assert.doesNotMatch(longBody.body, /request body/);
      // a title with its own quotes is named as written, in the reader's language
      // about 100 days ahead (a vote closes within a year), at 06:00 UTC: 13:00 in Kemerovo (UTC+7)
      const farDay = new Date(Date.now() + 100 * 86_400_000).toISOString().slice(0, 10);
      const farClose = `${farDay}T06:00:00Z`;
      const dayIn = (locale: string) =>
        new Intl.DateTimeFormat(locale, {
          day: 'numeric',
          month: 'long',
          year: 'numeric',
          timeZone: 'UTC',
        }).format(new Date(farClose));
      const quoted = await app.inject({
        method: 'POST',
        url: '/api/v1/governance/proposals',
        headers: { cookie },
        payload: {
          type: 'resolution',
          title: 'Договор с АО «Енисейский цемент»',
          titleEn: 'A contract with Yenisei Cement',
          closesAt: farClose,
        },
      });
      assert.equal(quoted.statusCode, 201, quoted.body);
      // the close is worded as a reader reads it, in the cluster's time; the params keep ISO
      for (const [lang, detail] of [
        [
          'ru',
          `Договор с АО «Енисейский цемент»: голосование закрывается ${dayIn('ru-RU')}, 13:00 (кемеровское время), итог подводится после этого`,
        ],
        [
          'en',
          `A contract with Yenisei Cement: the vote closes on ${dayIn('en-GB')}, 13:00 (Kemerovo time); the result is counted after that`,
        ],
      ] as const) {
        const early = await app.inject({
          method: 'POST',
          url: `/api/v1/governance/proposals/${quoted.json().id}/close`,
          headers: { cookie, 'accept-language': lang },
        });
        assert.equal(early.statusCode, 409, early.body);
        assert.equal(early.json().detail, detail);
        assert.equal(early.json().code, 'governance.notYetClosed');
        assert.equal(early.json().params.closesAt, `${farDay}T06:00:00.000Z`);
      }
      const ok = await app.inject({
        method: 'POST',
        url: `/api/v1/governance/proposals/${created.json().id}/ballot`,
        headers: { cookie },
        payload: { choice: 'yes' },
      });
      assert.equal(ok.statusCode, 200, ok.body);
      const view = await app.inject({
        method: 'GET',
        url: `/api/v1/governance/proposals/${created.json().id}`,
        headers: { cookie },
      });
      assert.equal(view.json().ballots, 1);
      assert.equal(view.json().mine.choice, 'yes');
    });

    test('an empty approval ballot is an abstention; the other methods refuse an empty ballot in words', async () => {
      const u = await p.users.createUser(systemActor, 'tsement-tom', {
        email: 'governance@tsement-tom.example',
        name: 'Голосующий',
        role: 'org_admin',
        password: 'password-for-tests',
      });
      const cookie = `${SESSION_COOKIE}=${(await p.users.openSession(u.id)).token}`;
      const closesAt = new Date(Date.now() + 3600_000).toISOString();
      const make = async (method: string) => {
        const r = await app.inject({
          method: 'POST',
          url: '/api/v1/governance/proposals',
          headers: { cookie },
          payload: {
            type: 'approve_project',
            title: `Empty ballot, ${method}`,
            method,
            ...(method === 'consent' ? {} : { candidates: ['Альфа', 'Бета'] }),
            closesAt,
          },
        });
        assert.equal(r.statusCode, 201, r.body);
        return r.json().id as string;
      };
      const vote = (id: string, payload: object, lang = 'ru') =>
        app.inject({
          method: 'POST',
          url: `/api/v1/governance/proposals/${id}/ballot`,
          headers: { cookie, 'accept-language': lang },
          payload,
        });
      const approval = await make('approval');
      const taken = await vote(approval, { approve: [] });
      assert.equal(taken.statusCode, 200, taken.body);
      assert.deepEqual(taken.json().approve, []);
      const view = await app.inject({
        method: 'GET',
        url: `/api/v1/governance/proposals/${approval}`,
        headers: { cookie },
      });
      assert.equal(view.json().ballots, 1);
      assert.deepEqual(view.json().mine.approve, []);
      // an approval ballot without the field at all is not an abstention but a malformed body
      assert.equal((await vote(approval, {})).statusCode, 400);

      const cases = [
        ['plurality', { choice: '' }, 'Выбор', 'Choice'],
        ['plurality', {}, 'Выбор', 'Choice'],
        ['irv', { ranking: [] }, 'Места вариантов', 'Ranking'],
        ['consent', {}, 'Позиция', 'Position'],
      ] as const;
      for (const [method, payload, ru, en] of cases) {
        const id = await make(method);
        for (const [lang, label] of [
          ['ru', ru],
          ['en', en],
        ] as const) {
          const r = await vote(id, payload, lang);
          assert.equal(r.statusCode, 400, r.body);
          const problem = r.json();
          assert.match(problem.detail, new RegExp(`: ${label}$`), problem.detail);
          assert.equal(problem.errors[0].label, label);
          assert.doesNotMatch(problem.errors[0].message, /\b(irv|consent|plurality)\b/);
        }
      }
      // the proposal's own fields by the names people see, not the API's
      const bad = await app.inject({
        method: 'POST',
        url: '/api/v1/governance/proposals',
        headers: { cookie, 'accept-language': 'ru' },
        payload: {
          type: 'approve_budget',
          title: 'Бюджет',
          amountKopecks: -100,
          closesAt: '2020-01-01T00:00:00Z',
        },
      });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().detail, 'Неверные данные: Сумма');
      const past = await app.inject({
        method: 'POST',
        url: '/api/v1/governance/proposals',
        headers: { cookie, 'accept-language': 'en' },
        payload: { type: 'resolution', title: 'Late', closesAt: '2020-01-01T00:00:00Z' },
      });
      assert.equal(past.statusCode, 400);
      assert.equal(past.json().detail, 'Invalid proposal: Closing of the vote');
      assert.equal(past.json().errors[0].field, 'closesAt');
      // a vote open past a year binds members who will not be there to count it (user walk)
      for (const [lang, words] of [
        ['en', /at most 365 days: it closes by/],
        ['ru', /не дольше 365 дней: оно закрывается не позже/],
      ] as const) {
        const far = await app.inject({
          method: 'POST',
          url: '/api/v1/governance/proposals',
          headers: { cookie, 'accept-language': lang },
          payload: { type: 'resolution', title: 'Far', closesAt: '2099-12-01T06:00:00Z' },
        });
        assert.equal(far.statusCode, 400);
        assert.equal(far.json().errors[0].field, 'closesAt');
        assert.match(far.json().errors[0].message, words);
      }
      const late = await app.inject({
        method: 'POST',
        url: '/api/v1/governance/proposals',
        headers: { cookie },
        payload: {
          type: 'resolution',
          title: 'Opens late',
          opensAt: new Date(Date.now() + 400 * 86_400_000).toISOString(),
          closesAt: new Date(Date.now() + 401 * 86_400_000).toISOString(),
        },
      });
      assert.equal(late.statusCode, 400);
      assert.deepEqual(
        late.json().errors.map((e: { field: string }) => e.field),
        ['opensAt'],
      );
      // options in English: kept in the options' order; one for each, or refused by its box
      const propose = (extra: object) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/governance/proposals',
          headers: { cookie, 'accept-language': 'ru' },
          payload: {
            type: 'approve_project',
            title: 'Площадка полигона',
            method: 'irv',
            candidates: ['Отвал', 'Промзона'],
            closesAt,
            ...extra,
          },
        });
      const named = await propose({ candidatesEn: ['Dump', 'Industrial zone'] });
      assert.equal(named.statusCode, 201, named.body);
      assert.deepEqual(named.json().candidatesEn, ['Dump', 'Industrial zone']);
      // ballots still name the options as written
      assert.equal(
        (await vote(named.json().id, { ranking: ['Промзона', 'Отвал'] })).statusCode,
        200,
      );
      const short = await propose({ candidatesEn: ['Dump'] });
      assert.equal(short.statusCode, 400, short.body);
      assert.equal(short.json().detail, 'Неверное предложение: Варианты по-английски');
      assert.match(short.json().errors[0].message, /каждый из вариантов \(2\)/);
      assert.equal((await propose({})).json().candidatesEn, undefined);
    });
  });
}
