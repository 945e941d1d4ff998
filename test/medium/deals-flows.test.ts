// The Flows page's data and a deal's ledger through HTTP on the seeded Kuzbass example, on SQLite
// and PostgreSQL.
//
// "The Sankey is only a picture" (checks, Deals): every tonne the value chain draws is a tonne of
// the mass balance. For each kind of organisation, its outgoing links sum to what its
// organisations delivered (`out` of /api/v1/balance, tonnes) and its incoming links to what they
// received (`in`), in total and material by material; a material filter draws exactly that
// material's part of each link, and a period filter exactly the lots delivered in it.
//
// `GET /api/v1/deals/{id}/ledger`: the lines as posted (the ledger_line rows of the deal), the
// operator both parties', a party its own; another organisation 404, an observer 403.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import {
  type DealLedger,
  type DealSummary,
  type Delivery,
  type MassBalanceReport,
  postingLines,
  type ValueChainReport,
  vatRateOn,
  vatRates,
} from '../../src/deals/index.ts';
import { seedExample } from '../../src/example/seed.ts';
import type { Platform } from '../../src/platform.ts';
import { registryQueries } from '../../src/registry/index.ts';
import { buildServer } from '../../src/server/app.ts';
import { eachDialect, type TestDatabase } from './dialects.ts';
import { signedIn, signedInOperator } from './fixtures.ts';

const PROVIDER = 'myski-gres';
const CONSUMER = 'tsement-tom';
const STRANGER = 'keramika-kuzbassa';

/** Sums close enough: tonnes are decimals and summed in different orders. */
const near = (a: number, b: number, what: string) =>
  assert.ok(Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(b)), `${what}: ${a} ≠ ${b}`);

const kindOfNode = (id: string) => id.replace(/:return$/, '');

for (const d of await eachDialect()) {
  describe(`flows and the deal ledger on the example, on ${d.name}`, { skip: d.skip }, () => {
    let db: TestDatabase;
    let p: Platform;
    let app: FastifyInstance;
    const cookies = new Map<string, string>();
    let kind: Record<string, string> = {};

    before(async () => {
      db = await d.make();
      p = await db.open();
      await seedExample(p);
      app = await buildServer(p, { checkResponses: true });
      cookies.set('operator', (await signedInOperator(p, 'flw')).cookie);
      for (const [org, role] of [
        [PROVIDER, 'member'],
        [CONSUMER, 'member'],
        [CONSUMER, 'observer'],
        [STRANGER, 'member'],
      ] as const) {
        const s = await signedIn(p, org, {
          email: `${role}@${org}.flows.example`,
          name: 'Тест',
          role,
        });
        cookies.set(`${org}:${role}`, s.cookie);
      }
      kind = Object.fromEntries(
        (await registryQueries.findOrganisations(p.store)).map((o) => [o.id, o.kind]),
      );
    });
    after(async () => {
      await app?.close();
      await p?.close();
      await db?.drop();
    });

    const get = async <T>(who: string, url: string) => {
      const r = await app.inject({
        method: 'GET',
        url,
        headers: { cookie: cookies.get(who) ?? '' },
      });
      return { status: r.statusCode, body: r.json() as T };
    };

    /** Per kind: Σ outgoing and Σ incoming link tonnes (of one material when given). */
    const byKind = (v: ValueChainReport, material?: string) => {
      const sums = new Map<string, { out: number; in: number }>();
      const at = (k: string) => sums.get(k) ?? sums.set(k, { out: 0, in: 0 }).get(k)!;
      for (const l of v.links) {
        const t = material ? (l.materials[material] ?? 0) : l.valueT;
        at(kindOfNode(l.source)).out += t;
        at(kindOfNode(l.target)).in += t;
      }
      return sums;
    };

    test('the link values equal the mass balance summed by kind, in total and per material', async () => {
      const flows = await get<ValueChainReport>('operator', '/api/v1/flows');
      assert.equal(flows.status, 200, JSON.stringify(flows.body));
      const v = flows.body;
      assert.equal(v.scope, 'cluster');
      assert.ok(v.links.length >= 2, `the example draws links: ${v.links.length}`);
      assert.ok(v.materials.length >= 2, `materials: ${v.materials.join(', ')}`);
      const m = (await get<MassBalanceReport>('operator', '/api/v1/balance')).body;
      const tonnes = m.organisations.filter((o) => o.unit === 't');
      assert.ok(tonnes.some((o) => o.out > 0));
      const kinds = new Set(tonnes.map((o) => kind[o.organisationId]!));
      for (const material of [undefined, ...v.materials]) {
        const drawn = byKind(v, material);
        for (const k of kinds) {
          const of = tonnes.filter(
            (o) => kind[o.organisationId] === k && (!material || o.material === material),
          );
          const what = `${k}${material ? ` (${material})` : ''}`;
          near(
            drawn.get(k)?.out ?? 0,
            of.reduce((a, o) => a + o.out, 0),
            `${what} out`,
          );
          near(
            drawn.get(k)?.in ?? 0,
            of.reduce((a, o) => a + o.in, 0),
            `${what} in`,
          );
        }
      }
      // each link is the sum of its materials: nothing drawn that no material carries
      for (const l of v.links)
        near(
          Object.values(l.materials).reduce((a, t) => a + t, 0),
          l.valueT,
          `${l.source}→${l.target}`,
        );
    });

    test('a material filter draws that material of each link; a period filter the lots in it', async () => {
      const all = (await get<ValueChainReport>('operator', '/api/v1/flows')).body;
      for (const material of all.materials) {
        const r = await get<ValueChainReport>('operator', `/api/v1/flows?material=${material}`);
        assert.equal(r.status, 200);
        const expected = all.links
          .filter((l) => (l.materials[material] ?? 0) > 0)
          .map((l) => [l.source, l.target, l.materials[material]]);
        assert.deepEqual(
          r.body.links.map((l) => [l.source, l.target, l.valueT]),
          expected,
          material,
        );
        assert.deepEqual(r.body.materials, all.materials, 'the choices stay all materials');
      }

      // the period: the declared lots (not confirmations) of the deals, from the deliveries
      const deliveries = (await get<Delivery[]>('operator', '/api/v1/deliveries')).body.filter(
        (x) => x.confirms === null && x.unit === 't',
      );
      const deals = new Map(
        (await get<{ items: DealSummary[] }>('operator', '/api/v1/deals')).body.items.map((x) => [
          x.id,
          x,
        ]),
      );
      const days = [...new Set(deliveries.map((x) => x.deliveredOn))].sort();
      assert.ok(days.length >= 3, `the example delivers on several days: ${days.length}`);
      const from = days[Math.floor(days.length / 3)]!;
      const to = days[Math.floor((2 * days.length) / 3)]!;
      const r = await get<ValueChainReport>('operator', `/api/v1/flows?from=${from}&to=${to}`);
      assert.equal(r.status, 200);
      const expected = new Map<string, number>();
      for (const x of deliveries.filter((x) => x.deliveredOn >= from && x.deliveredOn <= to)) {
        const deal = deals.get(x.dealId)!;
        const key = `${kind[deal.providerId]}→${kind[deal.consumerId]}`;
        expected.set(key, (expected.get(key) ?? 0) + x.quantity);
      }
      const drawn = new Map<string, number>();
      for (const l of r.body.links) {
        const key = `${l.source}→${kindOfNode(l.target)}`;
        drawn.set(key, (drawn.get(key) ?? 0) + l.valueT);
      }
      assert.deepEqual([...drawn.keys()].sort(), [...expected.keys()].sort());
      for (const [key, t] of expected) near(drawn.get(key)!, t, key);
      assert.ok(
        r.body.links.reduce((a, l) => a + l.valueT, 0) <
          all.links.reduce((a, l) => a + l.valueT, 0),
        'the period leaves lots out',
      );
      // a period with no lots: an empty chain, not an error
      const none = await get<ValueChainReport>(
        'operator',
        '/api/v1/flows?from=1990-01-01&to=1990-12-31',
      );
      assert.deepEqual([none.status, none.body.links, none.body.nodes], [200, [], []]);
      assert.equal((await get('operator', '/api/v1/flows?from=yesterday')).status, 400);
    });

    test('a member sees its own deals drawn, equal to its own balance rows', async () => {
      const v = (await get<ValueChainReport>(`${PROVIDER}:member`, '/api/v1/flows')).body;
      assert.equal(v.scope, 'organisation');
      const m = (await get<MassBalanceReport>(`${PROVIDER}:member`, '/api/v1/balance')).body;
      const own = m.organisations.filter((o) => o.unit === 't');
      const out = v.links
        .filter((l) => l.source === kind[PROVIDER])
        .reduce((a, l) => a + l.valueT, 0);
      near(
        out,
        own.reduce((a, o) => a + o.out, 0),
        'own out',
      );
      assert.ok(out > 0);
    });

    test('GET /deals/{id}/ledger: the lines as posted; a party its own, the operator both; 404 and 403', async () => {
      const deals = (await get<{ items: DealSummary[] }>(`${PROVIDER}:member`, '/api/v1/deals'))
        .body.items;
      const deal = deals.find(
        (x) => x.consumerId === CONSUMER && (x.state === 'active' || x.state === 'completed'),
      );
      assert.ok(deal, 'the example has a delivered deal of Myski GRES and Tom Cement');
      const url = `/api/v1/deals/${deal.id}/ledger`;

      const posted = await p.store.db
        .selectFrom('ledger_line')
        .selectAll()
        .where('deal_id', '=', deal.id)
        .execute();
      assert.ok(posted.length >= 4, `the seeded deliveries posted lines: ${posted.length}`);
      const key = (l: { deliveryId: string; line: number }) => `${l.deliveryId}#${l.line}`;
      const rows = new Map(
        posted.map((r) => [
          `${r.posting_id}#${r.line}`,
          [r.organisation_id, r.account, Number(r.debit), Number(r.credit), r.posted_on],
        ]),
      );

      const op = await get<DealLedger>('operator', url);
      assert.equal(op.status, 200, JSON.stringify(op.body));
      assert.equal(op.body.scope, 'deal');
      assert.equal(op.body.lines.length, posted.length);
      for (const l of op.body.lines)
        assert.deepEqual(
          [l.organisationId, l.account, l.debit, l.credit, l.postedOn],
          rows.get(key(l)),
          key(l),
        );
      assert.equal(op.body.totalDebit, op.body.totalCredit, 'the deal posts balanced lines');
      const sorted = [...op.body.lines].sort(
        (a, b) => a.postedOn.localeCompare(b.postedOn) || key(a).localeCompare(key(b)),
      );
      assert.deepEqual(op.body.lines.map(key), sorted.map(key), 'in posting order');

      // the lines are what the posting rule gives for each declared lot, nothing more
      const lots = (await get<Delivery[]>('operator', `/api/v1/deliveries?dealId=${deal.id}`)).body;
      const full = (
        await get<{ deal: { transportKopecksPerUnit: number } }>(
          'operator',
          `/api/v1/deals/${deal.id}`,
        )
      ).body;
      for (const lot of lots.filter((x) => x.confirms === null)) {
        const expected = postingLines({
          providerId: deal.providerId,
          consumerId: deal.consumerId,
          priceKopecksPerUnit: deal.priceKopecksPerUnit,
          transportKopecksPerUnit: full.deal.transportKopecksPerUnit,
          transportPaidBy: deal.transport.paidBy,
          quantity: lot.quantity,
          vatRatePct: vatRateOn(lot.deliveredOn, vatRates())!.ratePct,
        });
        assert.deepEqual(
          op.body.lines
            .filter((l) => l.deliveryId === lot.id)
            .map((l) => ({
              organisationId: l.organisationId,
              account: l.account,
              debit: l.debit,
              credit: l.credit,
            })),
          expected,
          lot.id,
        );
      }
      for (const lot of lots.filter((x) => x.confirms !== null))
        assert.equal(
          op.body.lines.filter((l) => l.deliveryId === lot.id).length,
          0,
          'a confirmation posts nothing',
        );

      for (const org of [PROVIDER, CONSUMER]) {
        const mine = await get<DealLedger>(`${org}:member`, url);
        assert.equal(mine.status, 200);
        assert.equal(mine.body.scope, 'organisation');
        assert.deepEqual(
          mine.body.lines,
          op.body.lines.filter((l) => l.organisationId === org),
          `${org}: its own lines`,
        );
        assert.equal(
          mine.body.totalDebit,
          mine.body.totalCredit,
          `${org}'s books balance on their own`,
        );
      }
      assert.equal((await get(`${STRANGER}:member`, url)).status, 404);
      assert.equal((await get(`${CONSUMER}:observer`, url)).status, 403);
      assert.equal((await get('nobody', url)).status, 401);
      assert.equal((await get('operator', '/api/v1/deals/no-such-deal/ledger')).status, 404);
    });
  });
}
