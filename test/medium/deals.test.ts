// Deals against a real database, on SQLite and PostgreSQL: negotiation through the service and
// the API (409 out of turn, problem+json in both languages), concurrent moves of one deal by
// both parties leave exactly one winner, a deal opens by itself from an agreed match (once,
// even when the event comes again), deliveries flagged beyond the contract and out of spec and
// never lost, the ledger balancing per organisation, and `journal verify` catching tampering.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { type Deal, type DealsService, dealsModule } from '../../src/deals/index.ts';
import { quantityOverPeriod } from '../../src/deals/limits.ts';
import { findDeals, updateDeal } from '../../src/deals/repository.ts';
import { seedExample } from '../../src/example/seed.ts';
import type { AgreedMatch } from '../../src/exchange/index.ts';
import { inTransaction, listEvents } from '../../src/journal/index.ts';
import { clusterDay, latestDay } from '../../src/model/days.ts';
import { type Actor, DomainError, systemActor } from '../../src/model/index.ts';
import type { Platform } from '../../src/platform.ts';
import { buildServer } from '../../src/server/app.ts';
import { eachDialect, type TestDatabase } from './dialects.ts';
import { scheduleAhead, signedIn } from './fixtures.ts';

const cli = (args: string[], env: Record<string, string>) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['bin/digicluster.js', ...args],
      { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({
          status: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          stdout,
          stderr,
        }),
    );
  });

const rejectsWith =
  (status: number, fields: string[] = []) =>
  (e: unknown) => {
    assert.ok(e instanceof DomainError, String(e));
    assert.equal(e.status, status, `${e.message} ${JSON.stringify(e.fields)}`);
    for (const f of fields)
      assert.ok(
        e.fields.some((x) => x.field === f),
        `${f}: ${e.message} ${JSON.stringify(e.fields)}`,
      );
    return true;
  };

const user = (organisationId: string, role: Actor['role'] = 'member'): Actor => ({
  kind: 'user',
  id: `u-${organisationId}-${role}`,
  organisationId,
  role,
});

const PROVIDER = 'myski-gres';
const CONSUMER = 'tsement-tom';
const provider = user(PROVIDER);
const consumer = user(CONSUMER, 'org_admin');
const stranger = user('keramika-kuzbassa');

const dealBody = (over: Record<string, unknown> = {}) => ({
  providerId: PROVIDER,
  consumerId: CONSUMER,
  material: 'fly-ash',
  fkko: '6 11 100 01 40 4',
  quantity: 100,
  unit: 't',
  schedule: scheduleAhead,
  quality: { loi: { max: 5 } },
  priceKopecksPerUnit: 250_00,
  transport: { mode: 'road', paidBy: 'consumer' },
  transportKopecksPerUnit: 120_00,
  tolerancePct: 5,
  ...over,
});

for (const d of await eachDialect()) {
  describe(`deals on ${d.name}`, { skip: d.skip }, () => {
    let db: TestDatabase;
    let p: Platform;
    let x: DealsService;
    let app: FastifyInstance;
    const cookies = new Map<string, string>();
    before(async () => {
      db = await d.make();
      p = await db.open();
      await seedExample(p);
      x = p.deals;
      app = await buildServer(p);
      for (const [org, role] of [
        [PROVIDER, 'member'],
        [CONSUMER, 'member'],
        [CONSUMER, 'observer'],
      ] as const) {
        const s = await signedIn(p, org, {
          email: `${role}@${org}.deals.example`,
          name: 'Тест',
          role,
        });
        cookies.set(`${org}:${role}`, s.cookie);
      }
    });
    after(async () => {
      await app?.close();
      await p?.close();
      await db?.drop();
    });

    const http = async (
      who: string,
      method: 'GET' | 'POST',
      url: string,
      body?: unknown,
      lang = 'en',
    ) => {
      const r = await app.inject({
        method,
        url,
        headers: { cookie: cookies.get(who) ?? '', 'accept-language': lang },
        ...(body === undefined ? {} : { payload: body as object }),
      });
      return { status: r.statusCode, body: r.json(), type: r.headers['content-type'] };
    };

    /** A deal moved to `active` through the service. */
    async function activeDeal(over: Record<string, unknown> = {}): Promise<Deal> {
      const deal = await x.createDeal(consumer, dealBody(over));
      await x.transition(provider, deal.id, { action: 'offer' });
      await x.transition(consumer, deal.id, { action: 'accept' });
      await x.transition(provider, deal.id, { action: 'agree' });
      return (await x.transition(provider, deal.id, { action: 'activate' })).deal;
    }

    test('the seeded example has deals in every state, deliveries over the 12 months before the seeding day', async () => {
      const { items } = await x.listDeals(systemActor);
      assert.deepEqual([...new Set(items.map((i) => i.state))].sort(), [
        'accepted',
        'active',
        'agreed',
        'completed',
        'offered',
        'requested',
        'terminated',
      ]);
      const lots = await x.listDeliveries(systemActor);
      assert.ok(lots.length >= 20, `${lots.length} deliveries`);
      const today = new Date().toISOString().slice(0, 10);
      const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
      for (const l of lots)
        assert.ok(l.deliveredOn >= yearAgo && l.deliveredOn < today, l.deliveredOn);
      assert.ok(lots.some((l) => l.outOfSpec.length > 0) && lots.some((l) => l.mismatch));
      const books = await x.trialBalance(systemActor);
      assert.ok(books.totalDebit > 0);
      assert.equal(books.totalDebit, books.totalCredit);
    });

    test('a schedule longer than ten years is refused at its end, on opening and on a counter (user walk: 2099 was taken)', async () => {
      const today = clusterDay(Date.now());
      const year = Number(today.slice(0, 4));
      const tenOn = `${year + 10}${today.slice(4)}`;
      const dayAfter = new Date(Date.parse(`${tenOn}T00:00:00Z`) + 86_400_000)
        .toISOString()
        .slice(0, 10);
      await assert.rejects(
        x.createDeal(consumer, dealBody({ schedule: { from: today, to: '2099-12-31' } })),
        rejectsWith(400, ['schedule.to']),
      );
      await assert.rejects(
        x.createDeal(consumer, dealBody({ schedule: { from: today, to: dayAfter } })),
        rejectsWith(400, ['schedule.to']),
      );
      const r = await http(
        `${CONSUMER}:member`,
        'POST',
        '/api/v1/deals',
        dealBody({ schedule: { from: today, to: '2099-12-31' } }),
        'ru',
      );
      assert.equal(r.status, 400);
      const error = r.body.errors.find((e: { field: string }) => e.field === 'schedule.to');
      assert.match(error?.message ?? '', /не больше десяти лет/, JSON.stringify(r.body));
      // ten years to the day is a contract
      const deal = await x.createDeal(consumer, dealBody({ schedule: { from: today, to: tenOn } }));
      await assert.rejects(
        x.transition(provider, deal.id, {
          action: 'offer',
          terms: { schedule: { from: today, to: '2099-12-31' } },
        }),
        // a transition's body names the terms' path
        rejectsWith(400, ['terms.schedule.to']),
      );
    });

    test('a schedule wholly before today is refused on opening and on a counter that moves it, in both languages; a counter keeping an old schedule passes (user walk)', async () => {
      const today = clusterDay(Date.now());
      const past = { from: '2019-01-01', to: '2019-03-01' };
      await assert.rejects(
        x.createDeal(consumer, dealBody({ schedule: past })),
        rejectsWith(400, ['schedule.to']),
      );
      for (const [lang, words] of [
        ['en', /before today/],
        ['ru', /раньше сегодняшнего дня/],
      ] as const) {
        const r = await http(
          `${CONSUMER}:member`,
          'POST',
          '/api/v1/deals',
          dealBody({ schedule: past }),
          lang,
        );
        assert.equal(r.status, 400);
        const error = r.body.errors.find((e: { field: string }) => e.field === 'schedule.to');
        assert.match(error?.message ?? '', words, JSON.stringify(r.body));
      }
      // ending today is still a plan
      const deal = await x.createDeal(consumer, dealBody({ schedule: { from: today, to: today } }));
      await assert.rejects(
        x.transition(provider, deal.id, { action: 'offer', terms: { schedule: past } }),
        rejectsWith(400, ['schedule.to']),
      );
      // an old deal whose schedule has since run out is still negotiated on its price
      assert.ok(
        await inTransaction(p.store, (tx) =>
          updateDeal(tx, { ...deal, schedule: past }, deal.version),
        ),
      );
      const offered = await x.transition(provider, deal.id, {
        action: 'offer',
        terms: { schedule: past, priceKopecksPerUnit: 300_00 },
      });
      assert.equal(offered.deal.priceKopecksPerUnit, 300_00);
    });

    test('a deal on a listing: its holder the other side, its material and figures the terms; nothing else on it', async () => {
      // an offer of fly ash: the consumer asks for it, the terms are the listing's (its window
      // as the seed moved it to the seeding day)
      const ash = await p.exchange.getListing(systemActor, 'l-ash-myski');
      const dayBefore = clusterDay(Date.now());
      const asked = await x.createDeal(consumer, {
        listingId: 'l-ash-myski',
        priceKopecksPerUnit: 250_00,
      });
      // the seed's window began months ago: the deal covers it from the cluster's today on
      const from = asked.schedule.from;
      assert.ok(ash.availableFrom < dayBefore, ash.availableFrom);
      assert.ok([dayBefore, clusterDay(Date.now())].includes(from), from);
      assert.deepEqual(
        [asked.providerId, asked.consumerId, asked.material, asked.listingId, asked.state],
        [PROVIDER, CONSUMER, 'fly-ash', 'l-ash-myski', 'requested'],
      );
      assert.deepEqual(
        [asked.quantity, asked.unit, asked.schedule, asked.priceKopecksPerUnit],
        [
          quantityOverPeriod(200_000, from, ash.availableTo),
          't',
          { from, to: ash.availableTo },
          250_00,
        ],
      );
      // a request of any material for bricks: the provider offers, naming the material
      const offered = await x.createDeal(provider, {
        listingId: 'l-req-bricks-keramika',
        material: 'fly-ash',
      });
      assert.deepEqual(
        [offered.providerId, offered.consumerId, offered.material, offered.state],
        [PROVIDER, 'keramika-kuzbassa', 'fly-ash', 'offered'],
      );
      const bricks = await p.exchange.getListing(systemActor, 'l-req-bricks-keramika');
      assert.equal(offered.priceKopecksPerUnit, bricks.priceKopecksPerUnit);
      await assert.rejects(
        x.createDeal(provider, { listingId: 'l-req-bricks-keramika' }),
        rejectsWith(400, ['material']),
      );
      // a body naming another party or material is not on that listing
      await assert.rejects(
        x.createDeal(consumer, { listingId: 'l-ash-myski', consumerId: 'keramika-kuzbassa' }),
        rejectsWith(400, ['consumerId']),
      );
      await assert.rejects(
        x.createDeal(consumer, { listingId: 'l-ash-myski', material: 'bottom-slag' }),
        rejectsWith(400, ['material']),
      );
      // an anonymous listing names no holder to deal with; one's own listing is no deal
      await assert.rejects(
        x.createDeal(consumer, { listingId: 'l-anon-fly-ash-1' }),
        rejectsWith(400, ['listingId']),
      );
      await assert.rejects(
        x.createDeal(provider, { listingId: 'l-ash-myski' }),
        rejectsWith(400, ['listingId']),
      );
      const ru = await http(
        `${CONSUMER}:member`,
        'POST',
        '/api/v1/deals',
        { listingId: 'l-ash-myski', material: 'bottom-slag' },
        'ru',
      );
      assert.equal(ru.status, 400);
      assert.match(JSON.stringify(ru.body), /сделка по объявлению заключается с его владельцем/);
    });

    test('a negotiation from request to active; each move by its party only, journaled with the full deal', async () => {
      const deal = await x.createDeal(consumer, dealBody({ message: 'Нужна зола на 2026 год' }));
      assert.deepEqual([deal.state, deal.turn, deal.version], ['requested', 'provider', 1]);
      await assert.rejects(x.transition(consumer, deal.id, { action: 'offer' }), rejectsWith(409));
      await assert.rejects(x.transition(stranger, deal.id, { action: 'offer' }), rejectsWith(404));
      await assert.rejects(
        x.transition(user(CONSUMER, 'observer'), deal.id, { action: 'terminate' }),
        rejectsWith(403),
      );
      let v = await x.transition(provider, deal.id, {
        action: 'offer',
        terms: { priceKopecksPerUnit: 300_00 },
        message: 'Цена 300 ₽/т',
      });
      assert.deepEqual(
        [v.deal.state, v.deal.turn, v.deal.priceKopecksPerUnit],
        ['offered', 'consumer', 300_00],
      );
      await assert.rejects(x.transition(provider, deal.id, { action: 'agree' }), rejectsWith(409));
      await assert.rejects(
        x.transition(consumer, deal.id, { action: 'counter' }),
        rejectsWith(400, ['terms']),
      );
      v = await x.transition(consumer, deal.id, {
        action: 'counter',
        terms: { priceKopecksPerUnit: 270_00 },
      });
      assert.deepEqual([v.deal.state, v.deal.turn], ['requested', 'provider']);
      await x.transition(provider, deal.id, { action: 'offer' });
      await x.transition(consumer, deal.id, { action: 'accept' });
      v = await x.transition(provider, deal.id, { action: 'agree' });
      assert.equal(v.deal.state, 'agreed');
      assert.ok(v.deal.agreedAt);
      v = await x.transition(provider, deal.id, { action: 'activate' });
      assert.deepEqual([v.deal.state, v.deal.turn, v.deal.version], ['active', 'consumer', 7]);
      assert.equal(v.deal.priceKopecksPerUnit, 270_00);
      // both parties see the same deal
      const mine = await x.getDeal(consumer, deal.id);
      const theirs = await x.getDeal(provider, deal.id);
      assert.deepEqual(mine.deal, theirs.deal);
      assert.deepEqual(mine.allowed.sort(), ['complete', 'terminate']);
      assert.deepEqual(theirs.allowed, ['terminate']);
      assert.deepEqual(
        mine.transitions.map((t) => t.action),
        ['counter', 'offer', 'counter', 'offer', 'accept', 'agree', 'activate'],
      );
      const events = (await listEvents(p.store, { limit: 10_000 })).filter(
        (e) => (e.payload as { deal?: { id?: string } }).deal?.id === deal.id,
      );
      assert.deepEqual(
        events.map((e) => e.type),
        ['deal.created', ...Array(6).fill('deal.transitioned')],
      );
      assert.deepEqual((events.at(-1)!.payload as { deal: Deal }).deal, v.deal);
      assert.equal((await x.listMessages(provider, deal.id)).length, 2);
      await assert.rejects(x.listMessages(stranger, deal.id), rejectsWith(404));
    });

    test('the API: the list body as specified, 409 out of turn as problem+json in Russian and English', async () => {
      const created = await http(`${CONSUMER}:member`, 'POST', '/api/v1/deals', dealBody());
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const id = created.body.id;
      const list = await http(`${PROVIDER}:member`, 'GET', '/api/v1/deals?state=requested');
      assert.equal(list.status, 200);
      const item = list.body.items.find((i: { id: string }) => i.id === id);
      assert.deepEqual(Object.keys(item).sort(), [
        'consumerId',
        'createdAt',
        'id',
        'material',
        'priceKopecksPerUnit',
        'providerId',
        'quantity',
        'state',
        'transport',
        'turn',
        'unit',
      ]);
      assert.deepEqual(item.transport, { mode: 'road', paidBy: 'consumer' });
      assert.ok(list.body.items.every((i: { state: string }) => i.state === 'requested'));
      const outOfTurn = await http(
        `${CONSUMER}:member`,
        'POST',
        `/api/v1/deals/${id}/transitions`,
        {
          action: 'offer',
        },
      );
      assert.equal(outOfTurn.status, 409);
      assert.match(String(outOfTurn.type), /application\/problem\+json/);
      assert.match(outOfTurn.body.detail, /turn/);
      const ru = await http(
        `${CONSUMER}:member`,
        'POST',
        `/api/v1/deals/${id}/transitions`,
        { action: 'accept' },
        'ru',
      );
      assert.equal(ru.status, 409);
      assert.match(ru.body.detail, /[а-я]/);
      const offered = await http(`${PROVIDER}:member`, 'POST', `/api/v1/deals/${id}/transitions`, {
        action: 'offer',
      });
      assert.equal(offered.status, 200);
      assert.equal(offered.body.deal.state, 'offered');
      const msg = await http(`${PROVIDER}:member`, 'POST', `/api/v1/deals/${id}/messages`, {
        text: 'Протокол испытаний во вложении',
        attachments: [{ name: 'protocol.pdf', sha256: 'a'.repeat(64), sizeBytes: 123456 }],
      });
      assert.equal(msg.status, 201, JSON.stringify(msg.body));
      const thread = await http(`${CONSUMER}:observer`, 'GET', `/api/v1/deals/${id}/messages`);
      assert.equal(thread.body[0].attachments[0].sizeBytes, 123456);
      const bad = await http(`${PROVIDER}:member`, 'POST', `/api/v1/deals/${id}/messages`, {
        text: 'x',
        attachments: [{ name: 'a', sha256: 'nothex', sizeBytes: 1 }],
      });
      assert.equal(bad.status, 400);
      const tb = await http(`${CONSUMER}:observer`, 'GET', '/api/v1/ledger/trial-balance');
      assert.equal(tb.status, 403);
    });

    test('the API: an action the state forbids names the state and the action in words, the params keep the codes', async () => {
      const deal = await activeDeal();
      const refuse = (lang: string) =>
        http(
          `${PROVIDER}:member`,
          'POST',
          `/api/v1/deals/${deal.id}/transitions`,
          { action: 'offer', terms: { priceKopecksPerUnit: 1 } },
          lang,
        );
      const ru = await refuse('ru');
      assert.equal(ru.status, 409, JSON.stringify(ru.body));
      assert.equal(ru.body.code, 'deals.stateForbids');
      assert.equal(
        ru.body.detail,
        `Сделка ${deal.id} исполняется: действие «Предложить условия» сейчас невозможно`,
      );
      assert.equal(ru.body.params.state, 'active');
      assert.equal(ru.body.params.action, 'offer');
      const en = await refuse('en');
      assert.equal(en.body.detail, `Deal ${deal.id} is active: “Offer terms” is not possible now`);
      assert.equal(en.body.params.state, 'active');
      // a delivery against a deal not yet in execution: the state in words, the code in params
      const agreedOnly = await x.createDeal(consumer, dealBody());
      await x.transition(provider, agreedOnly.id, { action: 'offer' });
      await x.transition(consumer, agreedOnly.id, { action: 'accept' });
      await x.transition(provider, agreedOnly.id, { action: 'agree' });
      const early = await http(
        `${PROVIDER}:member`,
        'POST',
        `/api/v1/deals/${agreedOnly.id}/deliveries`,
        { deliveredOn: '2026-01-15', quantity: 10, method: 'weighbridge' },
        'ru',
      );
      assert.equal(early.status, 409, JSON.stringify(early.body));
      assert.equal(
        early.body.detail,
        `Поставки учитываются только по исполняемой сделке; сделка ${agreedOnly.id} согласована`,
      );
      assert.equal(early.body.params.state, 'agreed');
    });

    test("a deal counts in its material's unit: refused on opening and in a counter-offer", async () => {
      await assert.rejects(
        x.createDeal(consumer, dealBody({ unit: 'MWh' })),
        rejectsWith(400, ['unit']),
      );
      const deal = await x.createDeal(consumer, dealBody());
      await assert.rejects(
        x.transition(provider, deal.id, { action: 'offer', terms: { unit: 'MWh' } }),
        rejectsWith(400, ['unit']),
      );
      assert.equal((await x.getDeal(consumer, deal.id)).deal.unit, 't');
    });

    test('concurrent moves of one deal by both parties leave exactly one winner', async () => {
      for (let round = 0; round < 5; round++) {
        const deal = await x.createDeal(consumer, dealBody());
        await x.transition(provider, deal.id, { action: 'offer' });
        // the consumer accepts and counters while the provider terminates, all at once, each
        // on the version it saw (as the web app sends it)
        const moves = await Promise.allSettled([
          x.transition(consumer, deal.id, { action: 'accept', expectedVersion: 2 }),
          x.transition(provider, deal.id, { action: 'terminate', expectedVersion: 2 }),
          x.transition(consumer, deal.id, {
            action: 'counter',
            terms: { quantity: 90 },
            expectedVersion: 2,
          }),
        ]);
        const won = moves.filter((m) => m.status === 'fulfilled');
        assert.equal(won.length, 1, JSON.stringify(moves.map((m) => m.status)));
        for (const m of moves) if (m.status === 'rejected') assert.ok(rejectsWith(409)(m.reason));
        const after = await x.getDeal(consumer, deal.id);
        assert.equal(after.deal.version, 3);
        assert.equal(after.transitions.length, 3, 'opened, offered, and the one winner');
      }
      // the version column on its own (without the journal's lock): a second write at the same
      // expected version changes nothing
      const deal = await x.createDeal(consumer, dealBody());
      const moved = { ...deal, state: 'offered' as const, turn: 'consumer' as const, version: 2 };
      const [first, second] = await Promise.all([
        inTransaction(p.store, (tx) => updateDeal(tx, moved, 1)),
        inTransaction(p.store, (tx) => updateDeal(tx, { ...moved, priceKopecksPerUnit: 1 }, 1)),
      ]);
      assert.equal([first, second].filter(Boolean).length, 1, 'one write wins');
      assert.equal(
        (await x.getDeal(consumer, deal.id)).deal.priceKopecksPerUnit,
        first ? 250_00 : 1,
        "the winner's state stands",
      );
      // these writes went behind the journal: put the row back as its events say
      assert.ok(await inTransaction(p.store, (tx) => updateDeal(tx, deal, 2)));
    });

    test('deliveries: beyond the contract and out of spec flagged, never lost; mismatches flagged; ledger balances', async () => {
      const deal = await activeDeal();
      await assert.rejects(
        x.recordDelivery(stranger, deal.id, {
          deliveredOn: '2026-02-01',
          quantity: 1,
          method: 'manual',
        }),
        rejectsWith(404),
      );
      // a lot is a fact: a date after the latest day (tomorrow by UTC, the web form's max too)
      // is refused
      const latest = latestDay(new Date());
      const afterLatest = new Date(Date.parse(`${latest}T00:00:00Z`) + 86_400_000)
        .toISOString()
        .slice(0, 10);
      await assert.rejects(
        x.recordDelivery(provider, deal.id, {
          deliveredOn: afterLatest,
          quantity: 1,
          method: 'manual',
        }),
        (e: unknown) =>
          e instanceof DomainError && e.status === 400 && e.fields[0]?.field === 'deliveredOn',
      );
      assert.equal((await x.listDeliveries(provider, { dealId: deal.id })).length, 0);
      // a measured value out of its property's range (loss on ignition in %) is refused, worded
      for (const loi of [150, -3])
        await assert.rejects(
          x.recordDelivery(provider, deal.id, {
            deliveredOn: '2026-02-01',
            quantity: 1,
            method: 'manual',
            quality: { loi },
          }),
          (e: unknown) =>
            e instanceof DomainError &&
            e.status === 400 &&
            e.fields[0]?.field === 'quality.loi' &&
            e.fields[0]?.message.text('ru') === 'от 0 до 100 %',
        );
      assert.equal((await x.listDeliveries(provider, { dealId: deal.id })).length, 0);
      const first = await x.recordDelivery(provider, deal.id, {
        deliveredOn: '2026-02-01',
        quantity: 60.125,
        method: 'weighbridge',
        quality: { loi: 4.2 },
      });
      assert.equal(first.beyondContract, false);
      assert.deepEqual(first.outOfSpec, []);
      // 270 ₽/t was not negotiated here: 250 ₽/t × 60.125 t = 15 031.25 ₽ → 1 503 125 kopecks
      assert.equal(first.amountKopecks, 1_503_125);
      // without VAT; VAT at 22 % (a lot of 2026) on top, rounded once: 330 687.5 → 330 688
      assert.equal(first.vatRatePct, 22);
      assert.equal(first.vatKopecks, 330_688);
      assert.equal(first.amountWithVatKopecks, 1_503_125 + 330_688);
      const confirm = await x.recordDelivery(consumer, deal.id, {
        deliveredOn: '2026-02-01',
        quantity: 55,
        method: 'weighbridge',
        confirms: first.id,
      });
      assert.equal(confirm.mismatch, true, '60.125 vs 55: beyond 5 %');
      assert.equal(confirm.amountKopecks, 0, 'a confirmation posts nothing');
      const lot = {
        deliveredOn: '2026-03-01',
        quantity: 50,
        method: 'belt_scale',
        quality: { loi: 6.5 },
      };
      // typed past the contract plus tolerance: refused until the side says it means it
      await assert.rejects(
        x.recordDelivery(provider, deal.id, lot),
        (e: unknown) =>
          e instanceof DomainError &&
          e.status === 400 &&
          e.fields[0]?.field === 'quantity' &&
          e.fields[0]?.message.text('ru').replace(/\u00a0/g, ' ') ===
            'с этой партией поставлено будет 110,125 т при договоре на 100 т (допуск 5 %). ' +
              'Если так и есть, отметьте «Сверх договора: записать»',
      );
      assert.equal((await x.listDeliveries(provider, { dealId: deal.id })).length, 2);
      const second = await x.recordDelivery(provider, deal.id, {
        ...lot,
        acceptBeyondContract: true,
      });
      assert.equal(second.beyondContract, true, '110.125 t > 100 t + 5 %');
      assert.deepEqual(second.outOfSpec, ['loi']);
      const all = await x.listDeliveries(consumer, { dealId: deal.id });
      // all three kept; lots of one day recorded within the same millisecond come in id order
      assert.deepEqual(all.map((y) => y.id).sort(), [first.id, confirm.id, second.id].sort());
      assert.equal(all.find((y) => y.id === first.id)!.mismatch, true);
      const view = await x.getDeal(provider, deal.id);
      assert.equal(view.progress.delivered, 110.125);
      assert.equal(view.progress.beyondContract, true);
      assert.equal(view.progress.outOfSpecLots, 1);
      assert.equal(view.progress.mismatchLots, 2);
      // not before it is active; not by a third party
      const early = await x.createDeal(consumer, dealBody());
      await assert.rejects(
        x.recordDelivery(consumer, early.id, {
          deliveredOn: '2026-02-01',
          quantity: 1,
          method: 'manual',
        }),
        rejectsWith(409),
      );
      // the books: each member's own balance on their own, the operator's all
      const mine = await x.trialBalance(consumer);
      assert.ok(mine.accounts.length > 0);
      assert.ok(mine.accounts.every((a) => a.organisationId === CONSUMER));
      assert.equal(mine.totalDebit, mine.totalCredit);
      const purchases = mine.accounts.find((a) => a.account === 'purchases')!;
      assert.ok(purchases.debit >= 1_503_125 + 1_250_000);
      // the two lots' VAT (330 688 + 275 000) to recover, owed to the provider with the price
      const inputVat = mine.accounts.find((a) => a.account === 'vat_recoverable')!;
      assert.ok(inputVat.debit >= 330_688 + 275_000);
      const ledger = await x.dealLedger(provider, deal.id);
      const on = (account: string, side: 'debit' | 'credit') =>
        ledger.lines.filter((l) => l.account === account).reduce((s, l) => s + l[side], 0);
      assert.equal(on('receivable', 'debit'), 1_503_125 + 330_688 + 1_250_000 + 275_000);
      assert.equal(on('sales', 'credit'), 1_503_125 + 1_250_000);
      assert.equal(on('vat_payable', 'credit'), 330_688 + 275_000);
      const all2 = await x.trialBalance(systemActor, { asOf: '2026-02-15' });
      assert.equal(all2.totalDebit, all2.totalCredit);
      assert.ok(!all2.accounts.some((a) => a.debit === 1_503_125 + 1_250_000));
      const theirs = await x.trialBalance(provider);
      assert.ok(theirs.accounts.every((a) => a.organisationId === PROVIDER));
      assert.equal(theirs.totalDebit, theirs.totalCredit);
      await assert.rejects(x.trialBalance(user(CONSUMER, 'observer')), rejectsWith(403));
      // the HTTP body, integers
      const tb = await http(
        `${PROVIDER}:member`,
        'GET',
        '/api/v1/ledger/trial-balance?asOf=2026-12-31',
      );
      assert.equal(tb.status, 200);
      assert.equal(tb.body.unit, 'kopeck');
      assert.ok(Number.isInteger(tb.body.totalDebit) && tb.body.totalDebit === tb.body.totalCredit);
    });

    test("a delivery charges the seller's VAT regime; a buyer off the general regime books VAT as a cost", async () => {
      const regime = (id: string, vatRegime: string) =>
        p.registry.updateOrganisation(systemActor, id, { vatRegime });
      // 10 t at 250 ₽/t (250 000 kopecks), carriage 120 ₽/t paid by the consumer
      const lotOfNewDeal = async () => {
        const deal = await activeDeal();
        const lot = await x.recordDelivery(provider, deal.id, {
          deliveredOn: '2026-02-01',
          quantity: 10,
          method: 'weighbridge',
        });
        return { deal, lot };
      };
      try {
        // the provider on УСН, exempt: the lot is «без НДС»; the carrier still charges 22 %
        await regime(PROVIDER, 'usn_exempt');
        const { deal, lot: exempt } = await lotOfNewDeal();
        assert.deepEqual(
          [exempt.amountKopecks, exempt.vatRatePct, exempt.vatExempt, exempt.vatKopecks],
          [250_000, 0, true, 0],
        );
        assert.equal(exempt.amountWithVatKopecks, 250_000);
        assert.equal(exempt.sellerVatRegime, 'usn_exempt', 'the regime the lot was charged under');
        // each side reads its own books of the deal
        const books = async (dealId: string, org: string) =>
          Object.fromEntries(
            (await x.dealLedger(org === PROVIDER ? provider : consumer, dealId)).lines
              .filter((l) => l.organisationId === org)
              .map((l) => [l.account, l.debit - l.credit]),
          );
        const lines = (org: string) => books(deal.id, org);
        assert.deepEqual(await lines(PROVIDER), { receivable: 250_000, sales: -250_000 });
        assert.deepEqual(await lines(CONSUMER), {
          purchases: 250_000,
          payable: -250_000,
          transport_expense: 120_000,
          vat_recoverable: 26_400,
          carrier_payable: -146_400,
        });
        // the provider at 5 %, the consumer on УСН at 7 %: it deducts nothing, not even the carrier's
        await regime(PROVIDER, 'usn_5');
        await regime(CONSUMER, 'usn_7');
        const { deal: deal2, lot: reduced } = await lotOfNewDeal();
        // the deal tells both sides' regimes, as the registry holds them now
        assert.deepEqual((await x.getDeal(consumer, deal2.id)).vatRegimes, {
          provider: 'usn_5',
          consumer: 'usn_7',
        });
        assert.deepEqual(
          [reduced.vatRatePct, reduced.vatKopecks, 'vatExempt' in reduced],
          [5, 12_500, false],
        );
        const of = (org: string) => books(deal2.id, org);
        assert.deepEqual(await of(PROVIDER), {
          receivable: 262_500,
          sales: -250_000,
          vat_payable: -12_500,
        });
        assert.deepEqual(await of(CONSUMER), {
          purchases: 262_500,
          payable: -262_500,
          transport_expense: 146_400,
          carrier_payable: -146_400,
        });
        // through the API: the lot says «без НДС», the organisation its regime; a bad one is refused
        const lots = await http(
          `${CONSUMER}:member`,
          'GET',
          `/api/v1/deliveries?dealId=${deal.id}`,
        );
        assert.equal(lots.body.length, 1);
        assert.equal(lots.body[0].vatExempt, true);
        const org = await http(`${CONSUMER}:member`, 'GET', `/api/v1/organisations/${CONSUMER}`);
        assert.equal(org.body.vatRegime, 'usn_7');
        await assert.rejects(
          p.registry.updateOrganisation(systemActor, CONSUMER, { vatRegime: 'usn_10' }),
          (e: unknown) =>
            e instanceof DomainError && e.status === 400 && e.fields[0]?.field === 'vatRegime',
        );
      } finally {
        await regime(PROVIDER, 'general');
        await regime(CONSUMER, 'general');
      }
    });

    test("a party's new VAT regime is told in its open deals' threads, once, in both languages", async () => {
      const regime = (vatRegime: string) =>
        p.registry.updateOrganisation(systemActor, PROVIDER, { vatRegime });
      // the deals module's subscriber, handed the registry's event as the subscriptions would
      // (they run once per platform: the match test below starts them)
      const subscriber = dealsModule
        .subscribers(p)
        .find((s) => s.name === 'deals.tell-vat-regime-change')!;
      assert.deepEqual(subscriber.types, ['organisation.vat-regime-changed']);
      const changes = () =>
        listEvents(p.store, { type: 'organisation.vat-regime-changed', limit: 5000 });
      const tell = async () => {
        const change = (await changes()).at(-1)!;
        await inTransaction(p.store, (tx) => subscriber.handle(tx, change));
        return change;
      };
      const told = async (dealId: string) =>
        (await x.listMessages(consumer, dealId)).filter((m) => m.id.startsWith('msg-vat-'));
      try {
        const open = await activeDeal();
        const closed = await activeDeal();
        await x.transition(provider, closed.id, { action: 'terminate' });
        await regime('usn_7');
        const change = await tell();
        // the journal: the change with both regimes
        assert.deepEqual(change.payload, {
          organisationId: PROVIDER,
          name: 'АО «Мысковская ГРЭС»',
          nameEn: 'Myski GRES JSC',
          from: 'general',
          to: 'usn_7',
        });
        const [message, ...more] = await told(open.id);
        assert.deepEqual(more, []);
        assert.equal(message.side, null, 'the platform speaks, not a party');
        assert.equal(message.author, 'system');
        assert.equal(
          message.text,
          'АО «Мысковская ГРЭС» сменила режим НДС: был «НДС по общей ставке, с вычетом», стал ' +
            '«УСН, НДС 7 %». Лоты, внесённые с этого момента, считаются по новому режиму; ' +
            'внесённые раньше остаются как были.\n\nMyski GRES JSC changed its VAT regime from ' +
            '“VAT at the standard rate, input VAT deducted” to “Simplified regime, VAT 7 %”. Lots ' +
            'recorded from now on are charged under the new regime; lots recorded before stay as ' +
            'they were.',
        );
        assert.deepEqual(await told(closed.id), [], 'a closed deal is left alone');
        // the open ones are picked in SQL: a list of states
        const inStates = async (state: Deal['state'][]) =>
          (await findDeals(p.store, { organisationId: PROVIDER, state })).map((d) => d.id);
        assert.ok((await inStates(['terminated'])).includes(closed.id));
        assert.ok(!(await inStates(['terminated'])).includes(open.id));
        assert.ok((await inStates(['active', 'terminated'])).includes(open.id));
        assert.deepEqual(await inStates([]), []);
        assert.ok(
          (await listEvents(p.store, { afterSeq: change.seq, type: 'deal.message-posted' })).some(
            (e) => (e.payload as { message: { id: string } }).message.id === message.id,
          ),
          'the message journaled as the deal’s',
        );
        // the event again (at least once delivery): still one message
        await tell();
        assert.equal((await told(open.id)).length, 1);
        // the same regime again: no change journaled
        const before = (await changes()).length;
        await regime('usn_7');
        assert.equal((await changes()).length, before);
      } finally {
        await regime('general');
      }
    });

    test('a refused delivery names its fields as people see them, in Russian and English', async () => {
      const deal = await activeDeal();
      const tomorrowPlus = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
      const url = `/api/v1/deals/${deal.id}/deliveries`;
      const body = { deliveredOn: tomorrowPlus, quantity: -1, method: 'manual' };
      const ru = await http(`${PROVIDER}:member`, 'POST', url, body, 'ru');
      assert.equal(ru.status, 400);
      assert.match(ru.body.detail, /Количество/);
      assert.doesNotMatch(ru.body.detail, /quantity/);
      const en = await http(`${PROVIDER}:member`, 'POST', url, body, 'en');
      assert.match(en.body.detail, /Quantity/);
      // the quantity right, the date in the future: the date is named
      const future = await http(`${PROVIDER}:member`, 'POST', url, { ...body, quantity: 1 }, 'ru');
      assert.equal(future.status, 400);
      assert.match(future.body.detail, /Дата поставки/);
      // the delivery is what is wrong, not the deal's terms
      assert.match(future.body.detail, /^Неверные данные поставки/);
      assert.match(future.body.errors[0].message, /позже сегодняшней/);
      // nor before the deal existed and its schedule began: such a lot is not its lot, and
      // nothing reaches the deliveries or the books
      const before = await http(`${PROVIDER}:member`, 'GET', `/api/v1/deals/${deal.id}`);
      const early = await http(
        `${PROVIDER}:member`,
        'POST',
        url,
        { ...body, quantity: 1, deliveredOn: '2025-01-01' },
        'ru',
      );
      assert.equal(early.status, 400);
      assert.equal(early.body.errors[0].field, 'deliveredOn');
      assert.match(
        early.body.errors[0].message,
        /^партия по этой сделке датируется не ранее \d+ [а-я]+ \d{4} г\./,
      );
      const after = await http(`${PROVIDER}:member`, 'GET', `/api/v1/deals/${deal.id}`);
      assert.deepEqual(after.body.progress, before.body.progress);
    });

    test('deliveries from CSV (Russian Excel) and XLSX: all rows or none, bad rows named by line', async () => {
      const deal = await activeDeal({ quantity: 1000 });
      const post = (body: Buffer, format: string, type: string) =>
        app.inject({
          method: 'POST',
          url: `/api/v1/deals/${deal.id}/deliveries/import?format=${format}`,
          headers: { cookie: cookies.get(`${PROVIDER}:member`)!, 'content-type': type },
          payload: body,
        });
      const bad = await post(
        Buffer.from(
          '\uFEFFдата;количество;способ;качество.loi\r\n2026-03-01;12,5;weighbridge;4,1\r\n2026-03-02;-3;manual;\r\n',
        ),
        'csv',
        'text/csv',
      );
      assert.equal(bad.statusCode, 400, bad.body);
      assert.ok(
        bad.json().errors.some((e: { line?: number }) => e.line === 3),
        bad.body,
      );
      assert.equal(
        (await x.listDeliveries(provider, { dealId: deal.id })).length,
        0,
        'none written',
      );
      // a lot dated after tomorrow is named by its line, and nothing is written
      const later = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
      const future = await post(
        Buffer.from(
          `\uFEFFдата;количество;способ\r\n2026-03-01;12,5;weighbridge\r\n${later};3;manual\r\n`,
        ),
        'csv',
        'text/csv',
      );
      assert.equal(future.statusCode, 400, future.body);
      assert.ok(
        future
          .json()
          .errors.some(
            (e: { line?: number; field: string }) => e.line === 3 && e.field === 'deliveredOn',
          ),
        future.body,
      );
      assert.equal((await x.listDeliveries(provider, { dealId: deal.id })).length, 0);
      const ok = await post(
        Buffer.from(
          '\uFEFFдата;количество;способ;качество.loi\r\n2026-03-01;12,5;weighbridge;4,1\r\n2026-03-02;1 040,25;belt_scale;6\r\n',
        ),
        'csv',
        'text/csv',
      );
      assert.equal(ok.statusCode, 200, ok.body);
      const imported = ok.json().imported;
      assert.deepEqual(
        imported.map((d: { quantity: number; source: string }) => [d.quantity, d.source]),
        [
          [12.5, 'import'],
          [1040.25, 'import'],
        ],
      );
      assert.deepEqual(imported[1].outOfSpec, ['loi']);
      assert.equal(imported[1].beyondContract, true, '1052.75 > 1000 + 5 %');
      const { default: ExcelJS } = await import('exceljs');
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Поставки');
      ws.addRow(['deliveredOn', 'quantity', 'method', 'quality.loi']);
      ws.addRow(['2026-03-05', 7.25, 'manual', 3.9]);
      const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
      const fromXlsx = await post(
        xlsx,
        'xlsx',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      assert.equal(fromXlsx.statusCode, 200, fromXlsx.body);
      assert.equal(fromXlsx.json().imported[0].quantity, 7.25);
      assert.equal((await x.listDeliveries(provider, { dealId: deal.id })).length, 3);
      // a file that is no workbook at all: what to do, in the reader's language, and not the
      // zip library's own English
      for (const [lang, wording] of [
        ['ru', /^файл не является книгой Excel \(\.xlsx\)/],
        ['en', /^the file is not an Excel workbook \(\.xlsx\)/],
      ] as const) {
        const notBook = await app.inject({
          method: 'POST',
          url: `/api/v1/deals/${deal.id}/deliveries/import?format=xlsx`,
          headers: {
            cookie: cookies.get(`${PROVIDER}:member`)!,
            'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'accept-language': lang,
          },
          payload: Buffer.from('дата;количество\r\n2026-03-05;7\r\n'),
        });
        assert.equal(notBook.statusCode, 400, notBook.body);
        const [problem] = notBook.json().errors;
        assert.match(problem.message, wording);
        assert.doesNotMatch(problem.message, /zip|jszip|central directory/i);
      }
      assert.equal((await x.listDeliveries(provider, { dealId: deal.id })).length, 3);
    });

    test('an agreed match opens one deal, at requested with the provider to offer, even when the event comes again', async () => {
      const saved = await p.exchange.savePlan(user(CONSUMER), {});
      const matches = await p.exchange.listMatches(systemActor, { planId: saved.id! });
      // slimes to the boiler house: worth ×0.94 of the request's price by heat (plan valueBasis)
      const m = matches.find((y) => y.demand.listingId === 'l-req-fuel-teplo');
      assert.ok(m?.supply.organisationId && m.demand.organisationId, 'a proposal between holders');
      await p.exchange.decideMatch(user(m.supply.organisationId!), m.id, true);
      await p.exchange.decideMatch(user(m.demand.organisationId!), m.id, true);
      const subscriptions = await p.startSubscriptions();
      try {
        await subscriptions.catchUp();
      } finally {
        await subscriptions.stop();
      }
      const byMatch = async () =>
        (await x.listDeals(systemActor)).items.filter((i) => i.matchId === m.id);
      const opened = await byMatch();
      assert.equal(opened.length, 1);
      // `fromMatch` parts the list: the deals opened from matches (the Matches page's links)
      // and the others, together the whole list
      const all = (await x.listDeals(systemActor)).items;
      const holder = m.supply.organisationId!;
      const signed = await signedIn(p, holder, {
        email: `member@${holder}.match.example`,
        name: 'Тест',
        role: 'member',
      });
      cookies.set(`${holder}:member`, signed.cookie);
      const fromMatch = await http(`${holder}:member`, 'GET', '/api/v1/deals?fromMatch=true');
      assert.equal(fromMatch.status, 200);
      const mine = all.filter((i) => i.providerId === holder || i.consumerId === holder);
      const ids = fromMatch.body.items.map((i: { id: string }) => i.id);
      assert.ok(ids.includes(opened[0].id));
      assert.deepEqual(
        ids,
        mine.filter((i) => i.matchId).map((i) => i.id),
      );
      const [withMatch, without] = await Promise.all(
        ['true', 'false'].map((v) =>
          x.listDeals(systemActor, { fromMatch: v as 'true' | 'false' }),
        ),
      );
      assert.ok(withMatch.items.some((i) => i.id === opened[0].id));
      assert.ok(without.items.length > 0 && without.items.every((i) => !i.matchId));
      assert.equal(withMatch.items.length + without.items.length, all.length);
      const bad = await http(`${holder}:member`, 'GET', '/api/v1/deals?fromMatch=yes');
      assert.equal(bad.status, 400);
      assert.deepEqual(
        [opened[0].state, opened[0].turn, opened[0].providerId, opened[0].consumerId],
        ['requested', 'provider', m.supply.organisationId, m.demand.organisationId],
      );
      // the contract states the planned quantity in whole units, never above the plan's
      const q = opened[0].quantity;
      assert.ok(q <= m.quantity && m.quantity - q < 1, `${q} from ${m.quantity}`);
      assert.ok(m.quantity < 100 || Number.isInteger(q), String(q));
      const agreed = (await listEvents(p.store, { limit: 10_000 })).find(
        (e) => e.type === 'match.agreed' && (e.payload as AgreedMatch).id === m.id,
      )!;
      // it opens at the plan's value per shipped unit, not the request's price per delivered
      // unit of the reference material
      const figures = agreed.payload as AgreedMatch;
      assert.equal(figures.valueFactor, 0.94);
      const requestPrice = (await p.exchange.getListing(systemActor, 'l-req-fuel-teplo'))
        .priceKopecksPerUnit;
      assert.equal(
        opened[0].priceKopecksPerUnit,
        Math.round(requestPrice! * 0.94),
        'the request’s price × 0.94 (yield 1)',
      );
      assert.equal(
        opened[0].priceKopecksPerUnit,
        Math.round(figures.valueKopecks / figures.quantity),
      );
      // the event delivered again (at least once): still one deal
      const [handler] = dealsModule.subscribers(p);
      await inTransaction(p.store, (tx) => handler.handle(tx, agreed));
      assert.equal((await byMatch()).length, 1);
      // agreed at 01:30 in Kemerovo (18:30 UTC the day before): deliveries run from the
      // cluster's day, for a year (a user walk found the UTC day, before the deal existed)
      const late = { ...figures, id: `${m.id}-late`, agreedAt: '2026-12-07T18:30:00.000Z' };
      await inTransaction(p.store, (tx) => handler.handle(tx, { ...agreed, payload: late }));
      const [lateDeal] = (await x.listDeals(systemActor)).items.filter(
        (i) => i.matchId === late.id,
      );
      const { schedule } = (await x.getDeal(systemActor, lateDeal.id)).deal;
      assert.deepEqual(schedule, { from: '2026-12-08', to: '2027-12-07' });
    });

    test('digicluster deals --json prints the body of GET /api/v1/deals; bad arguments exit 2', async () => {
      const r = await cli(['deals', '--state', 'active', '--json'], db.env);
      assert.equal(r.status, 0, r.stderr);
      const api = await x.listDeals(systemActor, { state: 'active' });
      assert.ok(api.items.length > 0);
      assert.deepEqual(JSON.parse(r.stdout), api);
      const text = await cli(['deals'], db.env);
      assert.equal(text.status, 0, text.stderr);
      assert.equal(
        text.stdout.trim().split('\n').length,
        (await x.listDeals(systemActor)).items.length,
      );
      assert.equal((await cli(['deals', '--state', 'nonsense'], db.env)).status, 2);
      assert.equal((await cli(['deals', '--bogus'], db.env)).status, 2);
    });

    test('journal verify catches a tampered deal event, and --state a deal row changed behind the journal', async () => {
      const deal = await activeDeal();
      const clean = await cli(['journal', 'verify', '--state'], db.env);
      assert.equal(clean.status, 0, clean.stderr);
      const row = await p.store.db
        .updateTable('deal')
        .set({ state: 'completed' })
        .where('id', '=', deal.id)
        .executeTakeFirst();
      assert.equal(Number(row.numUpdatedRows), 1);
      await p.store.db
        .updateTable('deal')
        .set({ data: JSON.stringify({ ...deal, priceKopecksPerUnit: 1 }) })
        .where('id', '=', deal.id)
        .execute();
      const state = await cli(['journal', 'verify', '--state'], db.env);
      assert.equal(state.status, 1);
      assert.match(state.stderr, new RegExp(`deal ${deal.id}, field priceKopecksPerUnit`));
      await p.store.db
        .updateTable('deal')
        .set({ state: deal.state, data: JSON.stringify(deal) })
        .where('id', '=', deal.id)
        .execute();
      const ev = (await listEvents(p.store, { limit: 10_000 })).find(
        (e) => e.type === 'deal.transitioned' && (e.payload as { deal: Deal }).deal.id === deal.id,
      )!;
      const stored = await p.store.db
        .selectFrom('journal')
        .select('payload')
        .where('seq', '=', ev.seq)
        .executeTakeFirstOrThrow();
      const payload = JSON.parse(stored.payload);
      payload.deal.priceKopecksPerUnit = 1;
      await p.store.db
        .updateTable('journal')
        .set({ payload: JSON.stringify(payload) })
        .where('seq', '=', ev.seq)
        .execute();
      const broken = await cli(['journal', 'verify'], db.env);
      assert.equal(broken.status, 1);
      assert.match(broken.stderr, new RegExp(`journal broken at event ${ev.seq}`));
      await p.store.db
        .updateTable('journal')
        .set({ payload: stored.payload })
        .where('seq', '=', ev.seq)
        .execute();
    });
  });
}
