// The match lifecycle through HTTP, on SQLite and PostgreSQL: a declined pair is not proposed
// again until a listing's terms change; withdrawing or changing a listing closes its open
// proposals (each with an event carrying the match); conflicts name no id and no hidden party.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { seedExample } from '../../src/example/seed.ts';
import { type MatchProposal, MatchRecord, matchRecord } from '../../src/exchange/index.ts';
import { insertMatch, updateMatch } from '../../src/exchange/repository.ts';
import { savedPlanFlows } from '../../src/exchange/saved-flows.ts';
import { canonicalJson, inTransaction, listEvents } from '../../src/journal/index.ts';
import { systemActor } from '../../src/model/index.ts';
import { wordQuantity } from '../../src/model/wording.ts';
import type { Platform } from '../../src/platform.ts';
import { registryQueries } from '../../src/registry/index.ts';
import { buildServer } from '../../src/server/app.ts';
import { eachDialect, type TestDatabase } from './dialects.ts';
import { signedIn } from './fixtures.ts';

for (const d of await eachDialect()) {
  describe(`match lifecycle through HTTP on ${d.name}`, { skip: d.skip }, () => {
    let db: TestDatabase;
    let p: Platform;
    let app: FastifyInstance;
    const cookies = new Map<string, string>();
    before(async () => {
      db = await d.make();
      p = await db.open();
      await seedExample(p);
      app = await buildServer(p);
    });
    after(async () => {
      await app?.close();
      await p?.close();
      await db?.drop();
    });

    /** A session cookie of a member (the operator: `operator`) of the organisation. */
    async function login(organisationId: string): Promise<string> {
      const known = cookies.get(organisationId);
      if (known) return known;
      const [operatorOrg] = await registryQueries.findOrganisations(p.store, {
        kind: 'platform_operator',
      });
      const org = organisationId === 'operator' ? operatorOrg.id : organisationId;
      const cookie = (
        await signedIn(p, org, {
          email: `${organisationId}@lifecycle.example`,
          name: `tester of ${organisationId}`,
          role: organisationId === 'operator' ? 'operator_admin' : 'org_admin',
          password: 'password-for-tests',
        })
      ).cookie;
      cookies.set(organisationId, cookie);
      return cookie;
    }

    const call = async (
      who: string,
      method: 'GET' | 'POST' | 'PATCH',
      url: string,
      payload?: Record<string, unknown>,
      lang = 'en',
    ) => {
      const res = await app.inject({
        method,
        url,
        headers: { cookie: await login(who), 'accept-language': lang },
        ...(payload === undefined ? {} : { payload }),
      });
      return { status: res.statusCode, body: JSON.parse(res.body), text: res.body };
    };
    const ok = async (...args: Parameters<typeof call>) => {
      const r = await call(...args);
      assert.ok(r.status < 300, `${args[1]} ${args[2]}: ${r.status} ${r.text}`);
      return r.body;
    };
    const savePlan = () => ok('operator', 'POST', '/api/v1/exchange/plans', {});
    const matchesOf = (who: string): Promise<MatchProposal[]> => ok(who, 'GET', '/api/v1/matches');
    const pairOf = (m: { supply: { listingId: string }; demand: { listingId: string } }) =>
      `${m.supply.listingId}→${m.demand.listingId}`;
    /** Both holders of a named-holder proposal between two organisations. */
    const holdersOf = (m: MatchProposal) => ({
      supply: m.supply.organisationId!,
      demand: m.demand.organisationId!,
    });
    /** A match's latest event carries it as stored. */
    const latestEventIs = async (id: string, type: string) => {
      const events = (await listEvents(p.store, { limit: 10_000 })).filter(
        (e) => e.type.startsWith('match.') && (e.payload as { id?: string }).id === id,
      );
      const latest = events.at(-1)!;
      assert.equal(latest.type, type);
      assert.equal(canonicalJson(latest.payload), canonicalJson(await matchRecord(p.store, id)));
      return MatchRecord.parse(latest.payload);
    };

    test('H2 decline memory: a declined pair is not proposed again until a price changes', async () => {
      const plan = await savePlan();
      const created = (await matchesOf('operator')).filter((m) => m.planId === plan.id);
      assert.ok(created.length > 0);
      assert.deepEqual(
        plan.proposals,
        { created: created.length, alreadyOpen: 0, declinedBefore: 0, noRoom: 0, superseded: 0 },
        'the saving says how many proposals it sent',
      );
      const proposals = created.filter(
        (m) =>
          m.planId === plan.id &&
          m.demand.organisationId &&
          m.supply.organisationId &&
          m.supply.organisationId !== m.demand.organisationId,
      );
      // a request with a price, so that the buyer can change it (proposals come in no set
      // order, and some requests are free: e.g. the rare-earth and rubber-crumb ones)
      let m: MatchProposal | undefined;
      for (const x of proposals) {
        const request = await ok('operator', 'GET', `/api/v1/listings/${x.demand.listingId}`);
        if (request.priceKopecksPerUnit > 0) {
          m = x;
          break;
        }
      }
      assert.ok(m, 'a proposal to a priced request');
      const buyer = holdersOf(m).demand;
      const declined = await ok(buyer, 'POST', `/api/v1/matches/${m.id}/decline`, {});
      assert.equal(declined.status, 'declined');
      await latestEventIs(m.id, 'match.declined');

      const again = await savePlan();
      assert.ok(
        again.plan.flows.some(
          (f: { supply: string; demand: string }) => `${f.supply}→${f.demand}` === pairOf(m),
        ),
        'the new plan still has the flow: only the proposal is held back',
      );
      const afterDecline = (await matchesOf(buyer)).filter((x) => pairOf(x) === pairOf(m));
      assert.deepEqual(
        afterDecline.map((x) => x.status),
        ['declined'],
        'no new proposal for the declined pair',
      );
      const saved = (await listEvents(p.store, { limit: 10_000, type: 'plan.saved' })).at(-1)!;
      assert.ok(
        (saved.payload as { declinedBefore: string[] }).declinedBefore.includes(pairOf(m)),
        'the plan.saved event says why the pair was not proposed',
      );
      const event = saved.payload as {
        matches: unknown[];
        alreadyOpen: string[];
        declinedBefore: string[];
        noRoom: string[];
        superseded: string[];
      };
      assert.deepEqual(
        again.proposals,
        {
          created: event.matches.length,
          alreadyOpen: event.alreadyOpen.length,
          declinedBefore: event.declinedBefore.length,
          noRoom: event.noRoom.length,
          superseded: event.superseded.length,
        },
        'the answer counts the proposals it sent, not the flows',
      );
      assert.ok(
        again.proposals.alreadyOpen > 0,
        "the first plan's open proposals are not sent again",
      );
      assert.equal(
        again.proposals.created,
        (await matchesOf('operator')).filter((x) => x.planId === again.id).length,
      );
      // a change outside the terms (a note) does not bring it back
      await ok(buyer, 'PATCH', `/api/v1/listings/${m.demand.listingId}`, { note: 'reworded' });
      await savePlan();
      assert.equal((await matchesOf(buyer)).filter((x) => pairOf(x) === pairOf(m)).length, 1);

      const listing = await ok(buyer, 'GET', `/api/v1/listings/${m.demand.listingId}`);
      assert.ok(listing.priceKopecksPerUnit > 0);
      await ok(buyer, 'PATCH', `/api/v1/listings/${m.demand.listingId}`, {
        priceKopecksPerUnit: listing.priceKopecksPerUnit + 100,
      });
      const third = await savePlan();
      const back = (await matchesOf(buyer)).filter((x) => pairOf(x) === pairOf(m));
      assert.deepEqual(back.map((x) => x.status).sort(), ['declined', 'proposed']);
      assert.equal(back.find((x) => x.status === 'proposed')!.planId, third.id);
    });

    test('H3 withdrawing a listing closes its open proposals, each with its event; accepting one is a 409 without ids', async () => {
      await savePlan();
      const m = (await matchesOf('operator')).find(
        (x) =>
          x.status === 'proposed' &&
          x.supply.organisationId &&
          x.demand.organisationId &&
          x.supply.organisationId !== x.demand.organisationId,
      )!;
      assert.ok(m, 'an open proposal');
      const { supply, demand } = holdersOf(m);
      const open = (await matchesOf(supply)).filter(
        (x) => x.status === 'proposed' && x.supply.listingId === m.supply.listingId,
      );
      await ok(supply, 'POST', `/api/v1/listings/${m.supply.listingId}/withdraw`, {});
      for (const x of open) {
        const closed = await latestEventIs(x.id, 'match.closed');
        assert.equal(closed.status, 'closed');
        assert.equal(closed.closedReason, 'listing_withdrawn');
        assert.equal(closed.closedSide, 'supply');
      }
      const seen = (await matchesOf(demand)).find((x) => x.id === m.id)!;
      assert.equal(seen.status, 'closed');
      assert.equal(seen.closedReason, 'listing_withdrawn');
      assert.equal(seen.closedSide, 'supply');
      for (const lang of ['en', 'ru']) {
        const r = await call(demand, 'POST', `/api/v1/matches/${m.id}/accept`, {}, lang);
        assert.equal(r.status, 409, r.text);
        const { instance: _url, ...answer } = r.body;
        const text = JSON.stringify(answer);
        for (const id of [m.id, m.supply.listingId, m.demand.listingId, supply, demand])
          assert.ok(!text.includes(id), `${id} in ${text}`);
        assert.match(r.body.detail, lang === 'en' ? /This match is closed/ : /Совпадение закрыто/);
      }
    });

    test("H3 changing a listing's terms closes its open proposals; an agreed match stays", async () => {
      await savePlan();
      const mine = (await matchesOf('operator')).filter(
        (x) =>
          x.status === 'proposed' &&
          x.supply.organisationId &&
          x.demand.organisationId &&
          x.supply.organisationId !== x.demand.organisationId,
      );
      const [agreed] = mine;
      const changed = mine.find(
        (x) =>
          x.supply.listingId !== agreed?.supply.listingId &&
          x.demand.listingId !== agreed?.demand.listingId,
      );
      assert.ok(agreed && changed, 'two open proposals');
      for (const side of ['supply', 'demand'] as const)
        await ok(agreed[side].organisationId!, 'POST', `/api/v1/matches/${agreed.id}/accept`, {});
      const holder = changed.demand.organisationId!;
      const listing = await ok(holder, 'GET', `/api/v1/listings/${changed.demand.listingId}`);
      await ok(holder, 'PATCH', `/api/v1/listings/${changed.demand.listingId}`, {
        quantityPerYear: listing.quantityPerYear + 1,
      });
      const closed = await latestEventIs(changed.id, 'match.closed');
      assert.equal(closed.closedReason, 'listing_changed');
      const after = await ok('operator', 'GET', `/api/v1/matches/${agreed.id}`);
      assert.equal(after.status, 'accepted');
    });

    test("remaining quantity: own listings show quantity minus agreed, another party's none", async () => {
      const all = await matchesOf('operator');
      const agreed = all.find((x) => x.status === 'accepted')!;
      assert.ok(agreed);
      const supplier = agreed.supply.organisationId!;
      const view = await ok(supplier, 'GET', `/api/v1/matches/${agreed.id}`);
      const taken = all
        .filter((x) => x.status === 'accepted' && x.supply.listingId === agreed.supply.listingId)
        .reduce((s, x) => s + x.quantity, 0);
      assert.equal(view.supply.remaining, Math.max(0, view.supply.quantityPerYear - taken));
      assert.equal(view.demand.remaining, null, "another party's agreements are not summed");
      assert.equal(view.demand.quantityPerYear, null);
    });

    test('L1 on agreement both sides see the counterparty and whom to write to; the inbox counts what waits for you', async () => {
      const all = await matchesOf('operator');
      const agreed = all.find((x) => x.status === 'accepted')!;
      const { supply, demand } = holdersOf(agreed);
      const bySupplier = await ok(supply, 'GET', `/api/v1/matches/${agreed.id}`);
      const byBuyer = await ok(demand, 'GET', `/api/v1/matches/${agreed.id}`);
      assert.equal(bySupplier.counterparty.organisationId, demand);
      assert.equal(byBuyer.counterparty.organisationId, supply);
      assert.ok(byBuyer.counterparty.name && byBuyer.counterparty.inn);
      // L1: whom to write to, the supplier's first active admin
      const admins = (await p.users.listUsers(systemActor, supply))
        .filter((u) => u.role === 'org_admin' && u.status === 'active')
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.email.localeCompare(b.email));
      assert.equal(byBuyer.counterparty.contactEmail, admins[0].email);
      assert.equal(byBuyer.counterparty.contactName, admins[0].name);
      const open = all.find((x) => x.status === 'proposed' && x.demand.organisationId)!;
      assert.equal(open.counterparty, null);
      const who = open.demand.organisationId!;
      const waiting = (await matchesOf(who)).filter(
        (x) => x.status === 'proposed' && x.yourSides.some((s) => x[s].decision === 'pending'),
      ).length;
      const inbox = await ok(who, 'GET', '/api/v1/matches/inbox');
      assert.equal(inbox.awaitingYou, waiting);
      assert.ok(waiting > 0);
      await ok(who, 'POST', `/api/v1/matches/${open.id}/decline`, {});
      assert.equal((await ok(who, 'GET', '/api/v1/matches/inbox')).awaitingYou, waiting - 1);
      assert.equal((await ok('operator', 'GET', '/api/v1/matches/inbox')).awaitingYou, 0);
    });

    test("a match beyond its offer's room: the holder reads the quantities with their unit, in RU and EN", async () => {
      await savePlan();
      const all = await matchesOf('operator');
      // an offer no earlier test agreed on: proposals come in no set order, and an agreed
      // match of the same offer would add its quantity to `taken`
      const agreedOffers = new Set(
        all.filter((x) => x.status === 'accepted').map((x) => x.supply.listingId),
      );
      const m = all.find(
        (x) =>
          x.status === 'proposed' &&
          x.supply.organisationId &&
          x.demand.organisationId &&
          x.supply.organisationId !== x.demand.organisationId &&
          !x.supply.listingId.startsWith('l-anon-') &&
          !agreedOffers.has(x.supply.listingId),
      );
      assert.ok(m, 'an open proposal between two named holders, on an offer not yet agreed');
      const { supply, demand } = holdersOf(m);
      const offer = await ok(supply, 'GET', `/api/v1/listings/${m.supply.listingId}`);
      // another agreed match (of an earlier plan, say) already takes the offer's whole quantity
      const stored = await matchRecord(p.store, m.id);
      assert.ok(stored);
      await inTransaction(p.store, (tx) =>
        insertMatch(tx, {
          ...stored,
          id: `${m.id}-full`,
          status: 'accepted',
          supplyDecision: 'accepted',
          demandDecision: 'accepted',
          flow: { ...stored.flow, quantity: offer.quantityPerYear },
        }),
      );
      await ok(demand, 'POST', `/api/v1/matches/${m.id}/accept`, {});
      const q = (n: number, lang: 'ru' | 'en') => wordQuantity(n, offer.unit, lang);
      const [limit, taken, own] = [
        offer.quantityPerYear,
        offer.quantityPerYear,
        stored.flow.quantity,
      ];
      for (const lang of ['ru', 'en'] as const) {
        const r = await call(supply, 'POST', `/api/v1/matches/${m.id}/accept`, {}, lang);
        assert.equal(r.status, 409, r.text);
        assert.equal(r.body.code, 'exchange.yourQuantityTaken');
        assert.equal(
          r.body.detail,
          lang === 'ru'
            ? `В вашем объявлении — ${q(limit, 'ru')} в год; ваши согласованные совпадения уже берут ${q(taken, 'ru')}, а это требует ещё ${q(own, 'ru')}`
            : `Your listing has ${q(limit, 'en')} a year; your agreed matches already take ${q(taken, 'en')}, and this one needs ${q(own, 'en')}`,
        );
        // the unit is there, in the reader's language; the params keep the bare figures
        assert.match(
          r.body.detail,
          lang === 'ru'
            ? /\u00a0(т|м³|тыс\. м³|МВт·ч|ГДж|Гкал) в год;/
            : /\u00a0(t|m³|thousand m³|MWh|GJ|Gcal) a year;/,
        );
        assert.deepEqual(r.body.params, { limit, taken, own, unit: offer.unit });
      }
    });

    test('F3 a conflict never names the hidden anonymous holder that left', async () => {
      await savePlan();
      const m = (await matchesOf('operator')).find(
        // an anonymous offer to a named buyer (which one is planned depends on the true sites)
        (x) =>
          x.status === 'proposed' &&
          x.supply.listingId.startsWith('l-anon-') &&
          !x.demand.listingId.startsWith('l-anon-'),
      );
      assert.ok(m, 'an open proposal from an anonymous offer');
      const buyer = m.demand.organisationId!;
      const seen = await ok(buyer, 'GET', `/api/v1/matches/${m.id}`);
      assert.equal(seen.supply.organisationId, null, 'hidden before the conflict');
      const holder = m.supply.organisationId!;
      const hidden = (await registryQueries.findOrganisation(p.store, holder))!;
      const [membership] = await p.store.db
        .selectFrom('membership')
        .selectAll()
        .where('organisation_id', '=', holder)
        .where('left_on', 'is', null)
        .execute();
      await p.registry.endMembership(systemActor, membership.id, {
        leftOn: new Date().toISOString().slice(0, 10),
      });
      for (const lang of ['en', 'ru']) {
        const r = await call(buyer, 'POST', `/api/v1/matches/${m.id}/accept`, {}, lang);
        assert.equal(r.status, 409, r.text);
        // (the URL it answers, `instance`, is the caller's own)
        const { instance: _url, ...answer } = r.body;
        const text = JSON.stringify(answer);
        for (const leak of [holder, hidden.name, hidden.nameEn, hidden.inn, m.id].filter(Boolean))
          assert.ok(!text.includes(leak as string), `${leak} in ${text}`);
        assert.match(
          r.body.detail,
          lang === 'en'
            ? /The other party is no longer a member/
            : /Другая сторона больше не участник/,
        );
      }
      const again = await ok(buyer, 'GET', `/api/v1/matches/${m.id}`);
      assert.equal(again.supply.organisationId, null, 'still hidden after the conflict');
    });

    test('an agreement closes the open proposals of its listings that no longer fit (listing_full), each with its event', async () => {
      await savePlan();
      const all = await matchesOf('operator');
      // what agreed matches already take of each listing
      const taken = new Map<string, number>();
      for (const x of all)
        if (x.status === 'accepted') {
          taken.set(x.supply.listingId, (taken.get(x.supply.listingId) ?? 0) + x.quantity);
          taken.set(x.demand.listingId, (taken.get(x.demand.listingId) ?? 0) + x.delivered);
        }
      // an open proposal between two named members whose live listings both have room left;
      // the match agreed below is a scaled copy of it, a quarter of that room, so that the
      // test does not hang on which proposals earlier tests (in random order) agreed
      let base: MatchProposal | undefined;
      let room = { supply: 0, demand: 0 };
      for (const x of all) {
        if (x.status !== 'proposed' || !x.supply.organisationId || !x.demand.organisationId)
          continue;
        if (x.supply.organisationId === x.demand.organisationId) continue;
        // both still members (an earlier test ended one's membership: its people only read)
        const members = await Promise.all(
          [x.supply.organisationId, x.demand.organisationId].map(
            async (id) => (await registryQueries.findOrganisation(p.store, id))?.status,
          ),
        );
        if (members.some((status) => status !== 'member')) continue;
        const offer = await ok('operator', 'GET', `/api/v1/listings/${x.supply.listingId}`);
        const request = await ok('operator', 'GET', `/api/v1/listings/${x.demand.listingId}`);
        if (offer.status !== 'active' || request.status !== 'active') continue;
        room = {
          supply: offer.quantityPerYear - (taken.get(offer.id) ?? 0),
          demand: request.quantityPerYear - (taken.get(request.id) ?? 0),
        };
        if (room.supply > 1 && room.demand > 1) {
          base = x;
          break;
        }
      }
      assert.ok(base, 'an open proposal between members whose listings have room left');
      const stored = (await matchRecord(p.store, base.id))!;
      const scaled = (id: string, k: number, createdAt: string): MatchRecord => ({
        ...stored,
        id,
        createdAt,
        supplyDecision: 'pending',
        demandDecision: 'pending',
        flow: {
          ...stored.flow,
          quantity: stored.flow.quantity * k,
          delivered: stored.flow.delivered * k,
        },
      });
      const ratio = Math.min(
        room.demand / stored.flow.delivered,
        room.supply / stored.flow.quantity,
      );
      // the proposal to agree: the latest of its pair
      const a = scaled(`${base.id}-a`, ratio / 4, new Date().toISOString());
      const left = {
        supply: room.supply - a.flow.quantity,
        demand: room.demand - a.flow.delivered,
      };
      // two proposals of an older plan on the same listings: one needs more than will be left
      // of the request, one fits
      const older = '2026-01-01T00:00:00.000Z';
      const tooBig = scaled(`${base.id}-too-big`, (left.demand + 1) / stored.flow.delivered, older);
      const fits = scaled(`${base.id}-fits`, ratio / 4, older);
      await inTransaction(p.store, async (tx) => {
        await insertMatch(tx, a);
        await insertMatch(tx, tooBig);
        await insertMatch(tx, fits);
      });
      const { supply, demand } = holdersOf(base);
      await ok(supply, 'POST', `/api/v1/matches/${a.id}/accept`, {});
      await ok(demand, 'POST', `/api/v1/matches/${a.id}/accept`, {});
      const closed = await latestEventIs(tooBig.id, 'match.closed');
      assert.equal(closed.closedReason, 'listing_full');
      const seen = await ok(demand, 'GET', `/api/v1/matches/${tooBig.id}`);
      assert.equal(seen.status, 'closed');
      assert.equal(seen.closedReason, 'listing_full');
      assert.equal((await ok('operator', 'GET', `/api/v1/matches/${fits.id}`)).status, 'proposed');
      // what waits for the buyer no longer counts the closed one
      const inbox = await ok(demand, 'GET', '/api/v1/matches/inbox');
      const waiting = (await matchesOf(demand)).filter(
        (x) => x.status === 'proposed' && x.yourSides.some((s) => x[s].decision === 'pending'),
      );
      assert.equal(inbox.awaitingYou, waiting.length);
      assert.ok(!waiting.some((x) => x.id === tooBig.id));
    });

    test("a listing's quantity cannot go below what its agreed matches take (400 on the field, in RU and EN)", async () => {
      const all = await matchesOf('operator');
      // an agreed request still on the exchange, changed by the operator for its holder (an
      // earlier test ended a holder's membership: its people only read)
      let agreed: MatchProposal | undefined;
      let listing: { quantityPerYear: number; unit: string } | undefined;
      for (const x of all) {
        if (x.status !== 'accepted' || x.supply.organisationId === x.demand.organisationId)
          continue;
        const l = await ok('operator', 'GET', `/api/v1/listings/${x.demand.listingId}`);
        if (l.status === 'active') {
          agreed = x;
          listing = l;
          break;
        }
      }
      assert.ok(agreed && listing, 'an agreed match on a live request');
      const holder = 'operator';
      const id = agreed.demand.listingId;
      const taken = all
        .filter((x) => x.status === 'accepted' && x.demand.listingId === id)
        .reduce((sum, x) => sum + x.delivered, 0);
      for (const lang of ['ru', 'en'] as const) {
        const r = await call(
          holder,
          'PATCH',
          `/api/v1/listings/${id}`,
          {
            quantityPerYear: taken / 2,
          },
          lang,
        );
        assert.equal(r.status, 400, r.text);
        const [e] = r.body.errors;
        assert.equal(e.field, 'quantityPerYear');
        assert.equal(e.code, 'exchange.quantityBelowAgreed');
        const figure = wordQuantity(taken, listing.unit, lang);
        assert.equal(
          e.message,
          lang === 'ru'
            ? `не меньше ${figure}: столько в год уже берут согласованные совпадения объявления`
            : `at least ${figure}: the listing's agreed matches already take that much a year`,
        );
      }
      assert.equal(
        (await ok(holder, 'GET', `/api/v1/listings/${id}`)).quantityPerYear,
        listing.quantityPerYear,
        'nothing changed',
      );
      // exactly what is agreed is allowed
      const r = await ok(holder, 'PATCH', `/api/v1/listings/${id}`, { quantityPerYear: taken });
      assert.equal(r.quantityPerYear, taken);
    });

    test('the identified impact leaves out a declined pair and the flows of a withdrawn listing', async () => {
      await savePlan();
      const identified = async () =>
        (await ok('operator', 'GET', '/api/v1/impact?level=identified')).levels[0].records;
      /** each pair's latest proposal: the one that says whether the pair is on the table */
      const latestOf = async () => {
        const latest = new Map<string, MatchProposal>();
        const all = await matchesOf('operator');
        for (const x of [...all].sort((u, v) => u.createdAt.localeCompare(v.createdAt)))
          latest.set(pairOf(x), x);
        return { all, latest };
      };
      const before = await identified();
      const open = [...(await latestOf()).latest.values()].find(
        (x) =>
          x.status === 'proposed' &&
          x.demand.decision === 'pending' &&
          x.supply.organisationId &&
          x.demand.organisationId &&
          x.supply.organisationId !== x.demand.organisationId,
      );
      assert.ok(open, "an open proposal, its pair's latest, awaiting the buyer");
      // the operator declines for the buyer (an earlier test ended a holder's membership)
      await ok('operator', 'POST', `/api/v1/matches/${open.id}/decline`, { side: 'demand' });
      assert.equal(await identified(), before - 1, 'the declined pair is off the table');

      // an offer with proposals and no agreed match: its pairs on the table go with it
      const { all: now, latest } = await latestOf();
      const agreedOffers = new Set(
        now.filter((x) => x.status === 'accepted').map((x) => x.supply.listingId),
      );
      const offer = now.find(
        (x) =>
          x.status === 'proposed' &&
          x.supply.organisationId &&
          !agreedOffers.has(x.supply.listingId),
      )!.supply;
      const onTable = [...latest.values()].filter(
        (x) => x.supply.listingId === offer.listingId && x.status === 'proposed',
      ).length;
      assert.ok(onTable > 0);
      const mid = await identified();
      // the operator withdraws it (an earlier test ended a holder's membership: its people only read)
      await ok('operator', 'POST', `/api/v1/listings/${offer.listingId}/withdraw`, {});
      assert.equal(await identified(), mid - onTable, 'its pairs are off the table');
    });

    test('a newer plan replaces an unanswered proposal whose figures it changes (superseded); an answered one stands', async () => {
      const first = await savePlan();
      const unanswered = (await matchesOf('operator')).filter(
        (x) =>
          x.status === 'proposed' &&
          x.supply.decision === 'pending' &&
          x.demand.decision === 'pending' &&
          x.supply.organisationId &&
          x.demand.organisationId &&
          x.supply.organisationId !== x.demand.organisationId &&
          // the plan's own proposal, at its figures (an older one the plan could not replace,
          // its listing full, stays open at other figures)
          first.plan.flows.some(
            (f: { supply: string; demand: string; quantity: number; savingsKopecks: number }) =>
              `${f.supply}→${f.demand}` === pairOf(x) &&
              f.quantity === x.quantity &&
              f.savingsKopecks === x.savingsKopecks,
          ),
      );
      // two pairs with no other proposal open or agreed: what an older plan proposed saves a
      // rouble more than this plan says (as when a tariff has changed since). Only the figures
      // change, not the volumes: the engine keeps the proposed volumes where it can, so a volume
      // changed here would pull the plan towards it, and of equally near plans the one it picks
      // may leave the pair out altogether (nothing then replaces it; the saving proposes no
      // pair). A real change of volume is walked in e2e/superseded.test.ts.
      // Nor may an agreed match take room on either listing: an earlier test agreed one taking
      // an offer's whole quantity, and a proposal beside it is not made (noRoom), nor replaced.
      const all = await matchesOf('operator');
      const agreedOn = new Set(
        all
          .filter((y) => y.status === 'accepted')
          .flatMap((y) => [y.supply.listingId, y.demand.listingId]),
      );
      const once = unanswered.filter(
        (x) =>
          !agreedOn.has(x.supply.listingId) &&
          !agreedOn.has(x.demand.listingId) &&
          all.filter(
            (y) => pairOf(y) === pairOf(x) && (y.status === 'proposed' || y.status === 'accepted'),
          ).length === 1,
      );
      assert.ok(once.length >= 2, `two unanswered proposals of the plan: ${once.length}`);
      const [stale, answered] = once;
      const stored = await Promise.all([stale, answered].map((m) => matchRecord(p.store, m.id)));
      await inTransaction(p.store, async (tx) => {
        for (const m of stored) {
          await updateMatch(tx, {
            ...m!,
            flow: { ...m!.flow, savingsKopecks: m!.flow.savingsKopecks + 100 },
          });
        }
      });
      // one side has answered the other: it agreed to those figures, so it stands
      await ok('operator', 'POST', `/api/v1/matches/${answered.id}/accept`, { side: 'supply' });

      const second = await savePlan();
      assert.ok(second.proposals.superseded >= 1, `superseded: ${second.proposals.superseded}`);
      const closed = await latestEventIs(stale.id, 'match.closed');
      assert.equal(closed.closedReason, 'superseded');
      assert.equal(closed.closedSide, undefined);
      const seen = await ok(holdersOf(stale).demand, 'GET', `/api/v1/matches/${stale.id}`);
      assert.equal(seen.status, 'closed');
      assert.equal(seen.closedReason, 'superseded');
      const pair = (await matchesOf('operator')).filter((x) => pairOf(x) === pairOf(stale));
      const fresh = pair.find((x) => x.status === 'proposed');
      assert.ok(fresh, 'the pair proposed anew');
      assert.equal(fresh.planId, second.id);
      const flow = second.plan.flows.find(
        (f: { supply: string; demand: string }) => `${f.supply}→${f.demand}` === pairOf(stale),
      );
      assert.equal(fresh.quantity, flow.quantity, "the newer plan's volume");
      assert.equal(fresh.savingsKopecks, flow.savingsKopecks, "the newer plan's saving");
      // (a pair may hold records closed or declined by earlier tests: only the open ones count)
      const onTable = (x: { status: string }) => x.status === 'proposed' || x.status === 'accepted';
      assert.deepEqual(
        pair.filter(onTable).map((x) => x.id),
        [fresh.id],
      );
      assert.equal(pair.find((x) => x.id === stale.id)?.status, 'closed');
      const event = (await listEvents(p.store, { limit: 10_000, type: 'plan.saved' })).at(-1)!;
      assert.ok(
        (event.payload as { superseded: string[] }).superseded.includes(stale.id),
        'the saving names the replaced proposal',
      );

      const kept = (await matchesOf('operator')).filter((x) => pairOf(x) === pairOf(answered));
      assert.deepEqual(
        kept.filter(onTable).map((x) => [x.id, x.status]),
        [[answered.id, 'proposed']],
      );
      assert.ok(!kept.some((x) => x.planId === second.id), 'the answered pair not proposed anew');
      // the replaced pair stays on the table of the identified impact
      const flows = await savedPlanFlows(p.store, systemActor);
      assert.ok(
        flows.some((f) => `${f.flow.supply}→${f.flow.demand}` === pairOf(stale)),
        'the replaced pair on the impact table',
      );

      // the same plan once more changes no volume: nothing replaced
      const third = await savePlan();
      assert.equal(third.proposals.superseded, 0);
      assert.equal(third.proposals.created, 0);
    });

    test('a member that leaves: the exchange withdraws its listings and closes their proposals (journal subscriber)', async () => {
      await savePlan();
      // match ids are random: pick by what the test needs, a proposal whose offer's holder
      // is still a member (an earlier test ended one holder's membership)
      let m: MatchProposal | undefined;
      let open: Awaited<ReturnType<typeof registryQueries.findMemberships>>[number] | undefined;
      for (const x of await matchesOf('operator')) {
        if (x.status !== 'proposed' || !x.supply.organisationId || !x.demand.organisationId)
          continue;
        const memberships = await registryQueries.findMemberships(p.store, x.supply.organisationId);
        open = memberships.find((ms) => !ms.leftOn);
        if (open) {
          m = x;
          break;
        }
      }
      assert.ok(m && open, 'a proposal between named holders, its offer held by a member');
      const leaver = m.supply.organisationId!;
      await ok(leaver, 'POST', `/api/v1/memberships/${open.id}/end`, {
        leftOn: new Date().toISOString().slice(0, 10),
      });
      const subscriptions = await p.startSubscriptions();
      try {
        await subscriptions.catchUp();
      } finally {
        await subscriptions.stop();
      }
      const listing = await ok('operator', 'GET', `/api/v1/listings/${m.supply.listingId}`);
      assert.equal(listing.status, 'withdrawn');
      const closed = await latestEventIs(m.id, 'match.closed');
      assert.equal(closed.closedReason, 'listing_withdrawn');
      const events = (await listEvents(p.store, { limit: 10_000 })).filter(
        (e) =>
          e.type === 'listing.withdrawn' &&
          (e.payload as { id?: string }).id === m.supply.listingId,
      );
      assert.equal(events.length, 1, 'one withdrawal event, carrying the listing');
      // back as a member: an old membership.ended delivered again (at least once) withdraws nothing
      await p.registry.addMembership(systemActor, leaver, {
        role: 'core',
        joinedOn: new Date().toISOString().slice(0, 10),
      });
      const withdrawn = await inTransaction(p.store, (tx) =>
        p.exchange.withdrawListingsOfFormer(tx, leaver),
      );
      assert.equal(withdrawn, 0);
    });
  });
}
