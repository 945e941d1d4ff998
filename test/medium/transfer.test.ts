// Import and export of the registry: for each format, export then import gives the same
// registry; a file with one bad row changes nothing and names the row — on both dialects.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { seedExample } from '../../src/example/seed.ts';
import { journalHeadSeq, listEvents } from '../../src/journal/index.ts';
import {
  type Actor,
  type DomainError,
  systemActor,
  WHOLE_FILE,
  wordIn,
} from '../../src/model/index.ts';
import type { Platform } from '../../src/platform.ts';
import type { RegistrySnapshot } from '../../src/registry/index.ts';
import { collectSnapshot, parseCsv, writeCsv } from '../../src/registry/transfer/index.ts';
import { eachDialect, sqliteDatabase, type TestDatabase } from './dialects.ts';
import { organisationInput } from './fixtures.ts';

const formats = ['json', 'csv', 'xlsx', 'geojson'] as const;
const sitesOnly = (s: RegistrySnapshot) => ({ ...s, organisations: [], memberships: [] });

const journalHead = (p: Platform) => journalHeadSeq(p.store);

for (const d of await eachDialect()) {
  describe(`registry import/export on ${d.name}`, { skip: d.skip }, () => {
    let source: TestDatabase;
    let src: Platform;
    let original: RegistrySnapshot;
    before(async () => {
      source = await d.make();
      src = await source.open();
      await seedExample(src);
      original = await collectSnapshot(src.store);
    });
    after(async () => {
      await src?.close();
      await source?.drop();
    });

    for (const format of formats) {
      test(`${format}: export, import into an empty registry, export again: the same registry`, async () => {
        const target = await d.make();
        const dst = await target.open();
        try {
          const bytes = await src.transfer.exportRegistry(systemActor, format);
          if (format === 'geojson') {
            // GeoJSON carries sites only: their organisations come first, from JSON.
            await dst.transfer.importRegistry(
              systemActor,
              await src.transfer.exportRegistry(systemActor, 'json'),
              'json',
            );
            await dst.store.db.deleteFrom('site').execute();
          }
          const r = await dst.transfer.importRegistry(systemActor, bytes, format);
          assert.equal(r.counts.sites, original.sites.length);
          const copy = await collectSnapshot(dst.store);
          assert.deepEqual(copy, original);
          if (format === 'geojson') assert.deepEqual(sitesOnly(copy).sites, original.sites);
          // Importing the same file again changes nothing.
          await dst.transfer.importRegistry(systemActor, bytes, format);
          assert.deepEqual(await collectSnapshot(dst.store), original);
        } finally {
          await dst.close();
          await target.drop();
        }
      });
    }

    test('M3: a dry run writes nothing and says per row what the import would do; applying it does exactly that', async () => {
      const target = await d.make();
      const dst = await target.open();
      try {
        const bytes = await src.transfer.exportRegistry(systemActor, 'csv');
        const head = await journalHead(dst);
        const dry = await dst.transfer.importRegistry(systemActor, bytes, 'csv', { dryRun: true });
        assert.equal(dry.applied, false);
        assert.deepEqual(dry.changes.organisations, {
          created: original.organisations.length,
          updated: 0,
          unchanged: 0,
        });
        assert.equal(dry.changes.sites.created, original.sites.length);
        assert.equal(dry.changes.memberships.created, original.memberships.length);
        assert.equal(
          dry.rows.length,
          original.organisations.length + original.sites.length + original.memberships.length,
        );
        assert.equal(await journalHead(dst), head, 'no journal event');
        assert.deepEqual((await collectSnapshot(dst.store)).organisations, [], 'nothing written');
        // applying with the preview: the same counts, one journal event
        const done = await dst.transfer.importRegistry(systemActor, bytes, 'csv', {
          expect: dry.preview,
        });
        assert.equal(done.applied, true);
        assert.deepEqual(done.changes, dry.changes);
        assert.equal(await journalHead(dst), head + 1);
        assert.deepEqual(await collectSnapshot(dst.store), original);
        // the same file again: everything unchanged; one edited name: one update
        const again = await dst.transfer.importRegistry(systemActor, bytes, 'csv', {
          dryRun: true,
        });
        assert.deepEqual(again.changes.organisations, {
          created: 0,
          updated: 0,
          unchanged: original.organisations.length,
        });
        const t = parseCsv(bytes.toString('utf8'));
        const name = t.header.indexOf('Наименование');
        const rows = t.rows.map((r) => [...r.cells]);
        rows[0][name] = 'Новое имя';
        const edited = await dst.transfer.importRegistry(
          systemActor,
          Buffer.from(writeCsv(t.header, rows)),
          'csv',
          { dryRun: true },
        );
        assert.equal(edited.changes.organisations.updated, 1);
        const updated = edited.rows.find((r) => r.change === 'updated');
        assert.equal(updated?.line, 2, 'the row named by its line in the file');
        assert.deepEqual(updated?.fields, ['name'], 'the preview names the field that changes');
        assert.ok(edited.rows.every((r) => (r.change === 'updated') === (r.fields !== undefined)));
        // a preview taken before another change is refused, not applied
        await dst.transfer.importRegistry(
          systemActor,
          Buffer.from(writeCsv(t.header, rows)),
          'csv',
        );
        const headNow = await journalHead(dst);
        await assert.rejects(
          dst.transfer.importRegistry(systemActor, bytes, 'csv', { expect: again.preview }),
          (e: DomainError) => e.status === 409,
        );
        assert.equal(await journalHead(dst), headNow, 'the stale preview wrote nothing');
      } finally {
        await dst.close();
        await target.drop();
      }
    });

    test('labels beside codes: an import reads the code or, when it is empty, the word in either language', async () => {
      const target = await d.make();
      const dst = await target.open();
      try {
        const en = (await src.transfer.exportRegistry(systemActor, 'csv', 'en')).toString('utf8');
        const t = parseCsv(en);
        assert.equal(t.header[0], 'Record');
        const kind = t.header.indexOf('Kind');
        const kindLabel = t.header.indexOf('Kind (label)');
        const role = t.header.indexOf('Role');
        const roleLabel = t.header.indexOf('Role (label)');
        assert.equal(kindLabel, kind + 1, 'the word right after its code');
        const rows = t.rows.map((r) => [...r.cells]);
        const org = rows.find((r) => r[0] === 'organisation')!;
        assert.match(org[kindLabel], /^[A-Z]/, 'an English word');
        // blank every code: the words alone carry the round trip
        for (const r of rows) {
          if (r[kindLabel]) r[kind] = '';
          if (r[roleLabel]) r[role] = '';
        }
        // and a Russian word in an English file works as well
        const ru = parseCsv(
          (await src.transfer.exportRegistry(systemActor, 'csv')).toString('utf8'),
        );
        const ruOrg = ru.rows.find((r) => r.cells[0] === 'organisation' && r.cells[1] === org[1])!;
        org[kindLabel] = ruOrg.cells[ru.header.indexOf('Вид (название)')];
        await dst.transfer.importRegistry(
          systemActor,
          Buffer.from(writeCsv(t.header, rows)),
          'csv',
        );
        assert.deepEqual(await collectSnapshot(dst.store), original);
      } finally {
        await dst.close();
        await target.drop();
      }
    });

    test('xlsx for Excel users: typed dates, widths, autofilter, bold frozen header, no JSON in cells', async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await src.transfer.exportRegistry(systemActor, 'xlsx')) as never);
      const members = wb.getWorksheet('Членство')!;
      const header = members.getRow(1).values as unknown[];
      const joined = members.getRow(2).getCell(header.indexOf('Вступила'));
      assert.ok(joined.value instanceof Date, 'a date cell');
      assert.match(String(joined.numFmt), /yyyy/);
      assert.ok(members.autoFilter, 'an autofilter');
      assert.equal(members.getRow(1).font?.bold, true);
      assert.equal(members.views[0]?.state, 'frozen');
      const orgs = wb.getWorksheet('Организации')!;
      assert.ok(
        orgs.columns.every((c) => (c.width ?? 0) >= 10),
        'every column has a width',
      );
      for (const ws of wb.worksheets)
        ws.eachRow((row) =>
          row.eachCell((cell) =>
            assert.ok(!/^(\{|\[\{)/.test(String(cell.value)), `JSON in ${ws.name}`),
          ),
        );
      const provenance = wb.getWorksheet('Происхождение данных')!;
      assert.deepEqual((provenance.getRow(1).values as unknown[]).slice(1, 4), [
        'Организация',
        'Поле',
        'Поле (название)',
      ]);
      assert.ok(provenance.rowCount > 1);
    });

    test('geojson properties carry the agglomeration and the organisation kind', async () => {
      const doc = JSON.parse(
        (await src.transfer.exportRegistry(systemActor, 'geojson')).toString('utf8'),
      );
      const p = doc.features[0].properties;
      assert.ok('agglomeration' in p && 'organisationKind' in p);
      assert.ok(
        doc.features.some(
          (f: { properties: { agglomeration: string | null } }) =>
            f.properties.agglomeration === 'kemerovo',
        ),
      );
    });

    test('an older CSV with provenance as JSON in one cell is still read', async () => {
      const target = await d.make();
      const dst = await target.open();
      try {
        const t = parseCsv(
          (await src.transfer.exportRegistry(systemActor, 'csv')).toString('utf8'),
        );
        const header = [...t.header, 'Происхождение данных'];
        const id = t.header.indexOf('Идентификатор');
        const rows = t.rows
          .filter((r) => r.cells[0] !== 'provenance')
          .map((r) => {
            const o = original.organisations.find((x) => x.id === r.cells[id]);
            return [
              ...r.cells,
              r.cells[0] === 'organisation' && o ? JSON.stringify(o.provenance) : '',
            ];
          });
        await dst.transfer.importRegistry(systemActor, Buffer.from(writeCsv(header, rows)), 'csv');
        assert.deepEqual(await collectSnapshot(dst.store), original);
      } finally {
        await dst.close();
        await target.drop();
      }
    });

    test("a file from before the VAT regime leaves a recorded organisation's regime; a file with it sets it", async () => {
      const target = await d.make();
      const dst = await target.open();
      try {
        const json = await src.transfer.exportRegistry(systemActor, 'json');
        await dst.transfer.importRegistry(systemActor, json, 'json');
        const id = original.organisations[0].id;
        await dst.registry.updateOrganisation(systemActor, id, { vatRegime: 'usn_5' });
        const older = JSON.parse(json.toString('utf8'));
        for (const o of older.organisations) delete o.vatRegime;
        await dst.transfer.importRegistry(systemActor, Buffer.from(JSON.stringify(older)), 'json');
        const regimeOf = async () =>
          (await collectSnapshot(dst.store)).organisations.find((o) => o.id === id)?.vatRegime;
        assert.equal(await regimeOf(), 'usn_5');
        // a CSV with the column (the words beside the codes too) sets it back
        const csv = await src.transfer.exportRegistry(systemActor, 'csv');
        assert.match(
          csv.toString('utf8'),
          /Режим НДС;"Режим НДС \(название\)"|Режим НДС;Режим НДС \(название\)/,
        );
        const head = await journalHeadSeq(dst.store);
        await dst.transfer.importRegistry(systemActor, csv, 'csv');
        assert.equal(await regimeOf(), 'general');
        // the change is journaled as one through the profile (the open deals tell it), and only
        // for the organisation whose regime changed
        const changes = await listEvents(dst.store, {
          afterSeq: head,
          type: 'organisation.vat-regime-changed',
        });
        assert.deepEqual(
          changes.map((e) => e.payload),
          [
            {
              organisationId: id,
              name: original.organisations[0].name,
              nameEn: original.organisations[0].nameEn ?? null,
              from: 'usn_5',
              to: 'general',
            },
          ],
        );
      } finally {
        await dst.close();
        await target.drop();
      }
    });

    test('csv: the file is what Russian Excel opens (BOM, semicolons, decimal comma)', async () => {
      const text = (await src.transfer.exportRegistry(systemActor, 'csv')).toString('utf8');
      assert.ok(text.startsWith('\uFEFF'));
      const t = parseCsv(text);
      assert.equal(t.header[0], 'Запись');
      const lat = t.header.indexOf('Широта');
      const site = t.rows.find((r) => r.cells[0] === 'site')!;
      assert.match(site.cells[lat], /^\d+,\d+$/);
    });

    async function expectNothingChanged(
      bytes: Buffer,
      format: (typeof formats)[number],
      expected: Array<{ line?: number; field: string }>,
    ) {
      const before = await collectSnapshot(src.store);
      const head = await journalHead(src);
      await assert.rejects(
        src.transfer.importRegistry(systemActor, bytes, format),
        (e: DomainError) => {
          assert.equal(e.status, 400);
          for (const x of expected) {
            assert.ok(
              e.fields.some((f) => f.line === x.line && f.field === x.field),
              `line ${x.line} field ${x.field} named in ${JSON.stringify(e.fields)}`,
            );
          }
          return true;
        },
      );
      assert.deepEqual(await collectSnapshot(src.store), before, 'the registry is unchanged');
      assert.equal(await journalHead(src), head, 'no journal event');
    }

    test('csv with one bad row: nothing applied, the row and field named', async () => {
      const t = parseCsv((await src.transfer.exportRegistry(systemActor, 'csv')).toString('utf8'));
      const inn = t.header.indexOf('ИНН');
      const name = t.header.indexOf('Наименование');
      const rows = t.rows.map((r) => [...r.cells]);
      rows[3][inn] = '4200000000';
      rows[0][name] = 'Переименовано, но не сохранится';
      await expectNothingChanged(Buffer.from(writeCsv(t.header, rows)), 'csv', [
        { line: 5, field: 'inn' },
      ]);
    });

    test('json with a site of an unknown organisation: nothing applied', async () => {
      const doc = JSON.parse(
        (await src.transfer.exportRegistry(systemActor, 'json')).toString('utf8'),
      );
      doc.sites[2].organisationId = 'no-such-organisation';
      doc.organisations[0].employees = 999_999;
      await expectNothingChanged(Buffer.from(JSON.stringify(doc)), 'json', [
        { line: 3, field: 'organisationId' },
      ]);
    });

    test('xlsx with a bad coordinate: nothing applied, the sheet row named', async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await src.transfer.exportRegistry(systemActor, 'xlsx')) as never);
      const sheet = wb.getWorksheet('Площадки')!;
      const header = sheet.getRow(1).values as unknown[];
      sheet.getRow(4).getCell(header.indexOf('Широта')).value = 123.5;
      await expectNothingChanged(Buffer.from(await wb.xlsx.writeBuffer()), 'xlsx', [
        { line: 4, field: 'lat' },
      ]);
    });

    test('a file that is no workbook, given as xlsx: nothing applied, one plain message', async () => {
      await expectNothingChanged(Buffer.from('not a workbook;at all\r\n'), 'xlsx', [
        { field: WHOLE_FILE },
      ]);
      await assert.rejects(
        src.transfer.importRegistry(systemActor, Buffer.from('PK\u0003\u0004 cut short'), 'xlsx'),
        (e: DomainError) => {
          const [problem] = e.fields;
          // what to do, not the zip library's own English (a user walk found it on the RU page)
          assert.equal(problem.field, WHOLE_FILE);
          const [ru, en] = [wordIn(problem.message, 'ru'), wordIn(problem.message, 'en')];
          assert.match(ru, /^файл не является книгой Excel \(\.xlsx\)/);
          assert.match(en, /^the file is not an Excel workbook \(\.xlsx\)/);
          assert.doesNotMatch(ru + en, /zip|central directory/i);
          return true;
        },
      );
    });

    test('membership history is not rewritten by a file', async () => {
      const doc = JSON.parse(
        (await src.transfer.exportRegistry(systemActor, 'json')).toString('utf8'),
      );
      const ended = doc.memberships.findIndex((m: { leftOn: string | null }) => m.leftOn !== null);
      doc.memberships[ended].leftOn = null;
      doc.memberships[0].joinedOn = '2001-01-01';
      await expectNothingChanged(Buffer.from(JSON.stringify(doc)), 'json', [
        { line: ended + 1, field: 'leftOn' },
        { line: 1, field: 'joinedOn' },
      ]);
    });

    test('geojson that is not a FeatureCollection is refused', async () => {
      await expectNothingChanged(Buffer.from('{"type":"Point","coordinates":[86,55]}'), 'geojson', [
        { field: 'type' },
      ]);
    });

    // last: it leaves an application in the source registry
    test("the operator's export is the registry: no applicant, no rejected application", async () => {
      const anonymous: Actor = {
        kind: 'anonymous',
        id: 'anonymous',
        organisationId: null,
        role: null,
      };
      const apply = (email: string) =>
        src.registry.submitApplication(anonymous, {
          organisation: organisationInput(),
          admin: { email, name: 'Заявитель', password: 'applicant-pass-1' },
          consent: true,
        });
      const pending = await apply('pending@export.example');
      const rejected = await apply('rejected@export.example');
      await src.registry.decideApplication(systemActor, rejected.id, false, { note: 'test' });
      const applicants = [pending, rejected].map((a) => a.organisationId);
      for (const format of ['json', 'csv'] as const) {
        const text = (await src.transfer.exportRegistry(systemActor, format)).toString('utf8');
        for (const id of applicants) assert.ok(!text.includes(id), `${format} names ${id}`);
      }
      const doc = JSON.parse((await src.transfer.exportRegistry(systemActor, 'json')).toString());
      assert.equal(doc.organisations.length, original.organisations.length);
    });
  });
}

describe('registry export safety', () => {
  test('text Excel would run as a formula is defused in CSV, and read back as written', async () => {
    const db = sqliteDatabase();
    const p = await db.open();
    try {
      await p.registry.createOrganisation(systemActor, {
        ...organisationInput(),
        id: 'formula-co',
        name: '=HYPERLINK("http://evil.example","x")',
        description: '@SUM(1+1)',
      });
      await p.registry.addMembership(systemActor, 'formula-co', {
        role: 'niche',
        joinedOn: '2020-01-01',
      });
      const csv = (await p.transfer.exportRegistry(systemActor, 'csv')).toString('utf8');
      assert.ok(csv.includes(`'=HYPERLINK`), 'the name starts with an apostrophe');
      assert.ok(!/;=HYPERLINK/.test(csv) && !/;"=HYPERLINK/.test(csv));
      const other = sqliteDatabase();
      const q = await other.open();
      try {
        await q.transfer.importRegistry(systemActor, Buffer.from(csv), 'csv');
        const back = (await collectSnapshot(q.store)).organisations.find(
          (o) => o.id === 'formula-co',
        );
        assert.equal(back?.name, '=HYPERLINK("http://evil.example","x")');
        assert.equal(back?.description, '@SUM(1+1)');
      } finally {
        await q.close();
        await other.drop();
      }
    } finally {
      await p.close();
      await db.drop();
    }
  });

  test('visitors export the public directory only; applicants stay out', async () => {
    const db = sqliteDatabase();
    const p = await db.open();
    try {
      await p.registry.createOrganisation(systemActor, { ...organisationInput(), id: 'member-co' });
      await p.registry.addMembership(systemActor, 'member-co', {
        role: 'core',
        joinedOn: '2020-01-01',
      });
      await p.registry.createOrganisation(systemActor, {
        ...organisationInput(),
        id: 'secret-applicant',
      });
      const visitor = {
        kind: 'anonymous' as const,
        id: 'anonymous',
        organisationId: null,
        role: null,
      };
      const publicJson = (await p.transfer.exportRegistry(visitor, 'json')).toString('utf8');
      assert.ok(publicJson.includes('member-co'));
      assert.ok(!publicJson.includes('secret-applicant'));
      assert.ok(
        (await p.transfer.exportRegistry(systemActor, 'json'))
          .toString('utf8')
          .includes('secret-applicant'),
      );
    } finally {
      await p.close();
      await db.drop();
    }
  });
});
