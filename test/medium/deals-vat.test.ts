// VAT on deliveries recorded before deals posted it (migration 2026-12-01-28) on SQLite and
// PostgreSQL: `down` takes the example's deliveries back to their postings without VAT; `up`
// gives each the rate of its date, its VAT and adjusting lines, so that every organisation's
// books end as if VAT had been posted with the delivery, and journals each change so that
// `journal verify --state` and the hash chain still hold.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Migrator } from 'kysely/migration';
import {
  stateReaders as dealStates,
  dealsQueries,
  postingLines,
  vatKopecks,
  vatRateOn,
  vatRates,
} from '../../src/deals/index.ts';
import { seedExample } from '../../src/example/seed.ts';
import { journalHeadSeq, listEvents, verifyJournal, verifyState } from '../../src/journal/index.ts';
import { systemActor } from '../../src/model/index.ts';
import { allMigrations, type Platform } from '../../src/platform.ts';
import { eachDialect, type TestDatabase } from './dialects.ts';

const dialects = await eachDialect();
const BEFORE = '2026-11-30-27-minute-blocks';

for (const d of dialects) {
  describe(`VAT on earlier deliveries on ${d.name}`, { skip: d.skip }, () => {
    let db: TestDatabase;
    let p: Platform;
    before(async () => {
      db = await d.make();
      p = await db.open();
      await seedExample(p);
    });
    after(async () => {
      await p?.close();
      await db?.drop();
    });

    const books = () => p.deals.trialBalance(systemActor, { asOf: '2099-12-31' });
    const lots = () => p.deals.listDeliveries(systemActor);

    test('down leaves postings without VAT; up posts VAT on each as if it had been there', async () => {
      const posted = await books();
      const recorded = await lots();
      const declared = recorded.filter((x) => x.confirms === null && x.amountKopecks !== 0);
      assert.ok(declared.length > 0, 'the example records deliveries');
      assert.ok(posted.accounts.some((a) => a.account === 'vat_payable'));
      // as recorded now: the rate of the date, VAT rounded once, and the lines of the rule
      for (const x of declared) {
        const rate = vatRateOn(x.deliveredOn, vatRates())!.ratePct;
        assert.equal(x.vatRatePct, rate);
        assert.equal(x.vatKopecks, vatKopecks(x.amountKopecks, rate));
        assert.equal(x.amountWithVatKopecks, x.amountKopecks + x.vatKopecks);
      }

      const migrator = new Migrator({
        db: p.store.db,
        provider: { getMigrations: async () => allMigrations().migrations },
      });
      const down = await migrator.migrateTo(BEFORE);
      assert.equal(down.error, undefined, String(down.error));
      const without = await books();
      assert.ok(!without.accounts.some((a) => a.account.startsWith('vat_')));
      assert.equal(without.totalDebit, without.totalCredit);
      for (const x of await lots()) assert.ok(!('vatKopecks' in x), x.id);
      // the postings as the rule gives them at no VAT
      const one = declared[0];
      // read as stored: the deal page's reads need the tables of later migrations (licences)
      const deal = (await dealsQueries.findDeals(p.store)).find((d) => d.id === one.dealId)!;
      const noVat = postingLines({
        providerId: deal.providerId,
        consumerId: deal.consumerId,
        priceKopecksPerUnit: deal.priceKopecksPerUnit,
        transportKopecksPerUnit: deal.transportKopecksPerUnit,
        transportPaidBy: deal.transport.paidBy,
        quantity: one.quantity,
        vatRatePct: 0,
      });
      const ledger = await p.deals.dealLedger(systemActor, one.dealId);
      assert.deepEqual(
        ledger.lines
          .filter((l) => l.deliveryId === one.id)
          .map(({ organisationId, account, debit, credit }) => ({
            organisationId,
            account,
            debit,
            credit,
          })),
        noVat,
      );

      const seqBefore = await journalHeadSeq(p.store);
      const up = await migrator.migrateToLatest();
      assert.equal(up.error, undefined, String(up.error));
      // every organisation's books as posted with VAT, account by account
      assert.deepEqual(await books(), posted);
      assert.deepEqual(
        (await lots())
          .map((x) => [x.id, x.vatRatePct, x.vatKopecks, x.amountWithVatKopecks])
          .sort(),
        recorded.map((x) => [x.id, x.vatRatePct, x.vatKopecks, x.amountWithVatKopecks]).sort(),
      );
      // one system event per delivery, carrying its new state; the chain and the state hold
      const events = await listEvents(p.store, { afterSeq: seqBefore, limit: 5000 });
      assert.equal(events.length, recorded.length);
      assert.ok(events.every((e) => e.type === 'delivery.vat-posted' && e.actor === 'system'));
      const state = await verifyState(p.store, dealStates);
      assert.equal(state.differences, 0, JSON.stringify(state.first));
      const chain = await verifyJournal(p.store);
      assert.equal(chain.ok, true, JSON.stringify(chain));
      // a second run changes nothing (the migration is recorded; its rows are skipped anyway)
      const again = await migrator.migrateToLatest();
      assert.equal(again.error, undefined);
      assert.deepEqual(await books(), posted);
    });
  });
}
