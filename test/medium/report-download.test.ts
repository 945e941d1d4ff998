// The ministry's report from the web app, on SQLite and PostgreSQL: GET /api/v1/assessment/report
// as PDF (pdftotext reads its Russian words back), HTML in the language asked, and its figures
// as XLSX (opened with exceljs: a sheet per section, a known figure, «нет данных», no cell
// that Excel would run as a formula), rendered in the worker pool. 401 for a guest; the ministry's observer gets the page's
// view: no network of ties, another organisation's Decree 779 figures «скрыто»; the operator
// every figure; a member its own.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { reportModel, reportXlsx } from '../../src/assessment/report/index.ts';
import { seedExample } from '../../src/example/seed.ts';
import type { Actor } from '../../src/model/index.ts';
import type { Platform } from '../../src/platform.ts';
import { buildServer } from '../../src/server/app.ts';
import { heavyWork } from '../../src/work/index.ts';
import { onCI } from '../ci.ts';
import { eachDialect, type TestDatabase } from './dialects.ts';

const poppler = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).error
  ? 'pdftotext (Debian poppler-utils) is not installed'
  : null;
if (poppler && onCI()) throw new Error(`${poppler}; CI needs it to read the PDF report`);

const logins = {
  analyst: ['analyst@minprom.example', 'demo-analyst-2026'],
  member: ['ecologist@razrez-yuzhny.example', 'demo-yuzhny-2026'],
  operator: ['operator@digicluster.example', 'operator-demo-2026'],
} as const;
type Who = keyof typeof logins;

const FORMULA_START = /^[=+\-@\t\r]/;

async function workbook(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(body).buffer);
  return wb;
}
/** Every cell's value of a sheet, row by row (1-based columns, as exceljs gives them). */
function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow((r) => {
    rows.push((r.values as unknown[]).slice(1));
  });
  return rows;
}

for (const d of await eachDialect()) {
  describe(`the report from the web app on ${d.name}`, { skip: d.skip || poppler || false }, () => {
    let db: TestDatabase;
    let p: Platform;
    let app: FastifyInstance;
    const cookie = {} as Record<Who, string>;
    const orgOf = {} as Record<Who, string>;
    const dir = mkdtempSync(join(tmpdir(), 'digicluster-report-'));

    const get = (who: Who | null, query: string, lang = 'ru') =>
      app.inject({
        url: `/api/v1/assessment/report?${query}`,
        headers: { 'accept-language': lang, ...(who ? { cookie: cookie[who] } : {}) },
      });

    before(async () => {
      db = await d.make();
      p = await db.open();
      await seedExample(p);
      app = await buildServer(p);
      for (const [who, [email, password]] of Object.entries(logins) as [
        Who,
        readonly [string, string],
      ][]) {
        const r = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email, password },
        });
        assert.equal(r.statusCode, 200, r.body);
        cookie[who] = String(r.headers['set-cookie']).split(';')[0] ?? '';
        const me = await app.inject({ url: '/api/v1/auth/me', headers: { cookie: cookie[who] } });
        orgOf[who] = JSON.parse(me.body).user.organisationId;
      }
    });
    after(async () => {
      await app?.close();
      await p?.close();
      await db?.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    test('a guest gets 401, a bad format 400', async () => {
      const r = await get(null, 'format=pdf');
      assert.equal(r.statusCode, 401);
      assert.match(String(r.headers['content-type']), /problem\+json/);
      assert.equal((await get('analyst', 'format=docx')).statusCode, 400);
    });

    test('the PDF for the ministry: a named file, Russian words read back, the network and others’ sums hidden', async () => {
      const r = await get('analyst', 'format=pdf');
      assert.equal(r.statusCode, 200, r.body.slice(0, 500));
      assert.equal(r.headers['content-type'], 'application/pdf');
      assert.match(
        String(r.headers['content-disposition']),
        /^attachment; filename="digicluster-assessment-\d{4}-\d{2}-\d{2}\.pdf"$/,
      );
      assert.equal(r.rawPayload.subarray(0, 5).toString(), '%PDF-');
      // rendered in the worker pool (a PDF takes pdfkit a second or more), not on the event loop
      assert.ok(heavyWork().pool.threads >= 1, 'the report was rendered in a worker thread');
      const file = join(dir, `${d.name}.pdf`);
      writeFileSync(file, r.rawPayload);
      const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout.replace(
        /\s+/g,
        ' ',
      );
      for (const words of [
        'Оценка кластера',
        '1. Место на шкале',
        '4. Устойчивость',
        'Проверка по постановлению Правительства № 779',
        'Кто с кем связан, видит только оператор платформы',
        'скрыто',
        'Суммы и партнёров другой организации видят только она и оператор.',
      ])
        assert.ok(text.includes(words), `"${words}" is not in the PDF's text`);
      assert.doesNotMatch(text, /Узлы — организации/);
      // the day assessed in words, as on the page, not as 2026-12-03
      assert.match(text, /балл \d из 2 \(на \d{1,2} [а-я]+ \d{4} г\., за \d+ мес\.\)/);
    });

    test('HTML in the language asked, else the request’s', async () => {
      const en = await get('analyst', 'format=html&lang=en', 'ru');
      assert.equal(en.statusCode, 200);
      assert.equal(en.headers['content-type'], 'text/html; charset=utf-8');
      assert.match(String(en.headers['content-disposition']), /digicluster-assessment-.*\.html"/);
      assert.match(en.body, /<html lang="en">/);
      assert.match(en.body, /<h2>1\. Placement<\/h2>/);
      assert.match(en.body, /the platform operator&#39;s to see/);
      assert.doesNotMatch(en.body, /Место на шкале|<svg/);
      const ru = await get('analyst', 'format=html');
      assert.match(ru.body, /<html lang="ru">/);
      assert.match(ru.body, /<h2>1\. Место на шкале<\/h2>/);
      const fromHeader = await get('analyst', 'format=html', 'en-GB,en;q=0.9');
      assert.match(fromHeader.body, /<html lang="en">/);
    });

    test('the XLSX: a sheet per section, the page’s figures as numbers, «нет данных», «скрыто»', async () => {
      const r = await get('analyst', 'format=xlsx');
      assert.equal(r.statusCode, 200);
      assert.equal(
        r.headers['content-type'],
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      assert.match(
        String(r.headers['content-disposition']),
        /filename="digicluster-assessment-\d{4}-\d{2}-\d{2}\.xlsx"/,
      );
      const wb = await workbook(r.rawPayload);
      assert.deepEqual(
        wb.worksheets.map((w) => w.name),
        [
          'Типология',
          'Траектория',
          'Устойчивость',
          'Готовность',
          'Территория',
          'Постановление 779',
          'Источники',
        ],
      );
      // the overall score, as GET /typology gives it to the web page, as a number with a format
      const placement = JSON.parse(
        (
          await app.inject({
            url: '/api/v1/assessment/typology',
            headers: { cookie: cookie.analyst },
          })
        ).body,
      );
      const typology = wb.getWorksheet('Типология')!;
      assert.equal(typology.getCell('C2').value, placement.overall.score);
      assert.equal(typology.getCell('C2').numFmt, '0.00');
      assert.match(
        String(typology.getCell('A2').value),
        /^В целом \(\d{1,2} [а-я]+ \d{4} г\., \d+ мес\.\)/,
      );
      // sustainability: value, target, unit, source; an indicator without data says so, not 0
      const sustainability = JSON.parse(
        (
          await app.inject({
            url: '/api/v1/assessment/sustainability',
            headers: { cookie: cookie.analyst },
          })
        ).body,
      );
      const rows = rowsOf(wb.getWorksheet('Устойчивость')!);
      assert.deepEqual(rows[0], [
        'Показатель',
        'Составляющая',
        'Значение',
        'Цель (оценка)',
        'Единица',
        'Источник',
      ]);
      sustainability.indicators.forEach(
        (i: { value: number | null; target: number | null }, k: number) => {
          const row = rows[k + 1] ?? [];
          assert.equal(row[2], i.value === null ? 'нет данных' : i.value);
          assert.equal(row[3], i.target === null ? 'нет данных' : i.target);
          assert.ok(String(row[5]).length > 0, 'each indicator names its source');
        },
      );
      assert.ok(
        sustainability.indicators.some((i: { value: number | null }) => i.value === null),
        'the example has an indicator without data',
      );
      // Decree 779: the checks, and another organisation's sums hidden from the ministry
      const decree = rowsOf(wb.getWorksheet('Постановление 779')!);
      assert.match(String(decree[1]?.[0]), /^Год \d{4}: /);
      assert.equal(decree[2]?.[0], 'Договор с другим участником у каждого');
      assert.equal(typeof decree[2]?.[2], 'number');
      const members = decree.filter((row) => row[2] === 'скрыто');
      assert.ok(members.length > 10, 'every member’s purchases are hidden from the ministry');
      assert.ok(
        decree.some((row) => String(row[0]).startsWith('Суммы и партнёров другой организации')),
      );
      assert.equal(wb.getWorksheet('Сеть'), undefined, 'the network is the operator’s');
      const sources = rowsOf(wb.getWorksheet('Источники')!);
      assert.ok(sources.length > 5);
      // the «Сформировано» row does not say it again; no file of the platform is named
      const generated = sources.find((row) => row[0] === 'Сформировано');
      assert.match(String(generated?.[1]), / — по данным платформы digicluster$/);
      for (const row of sources) assert.doesNotMatch(String(row[1]), /data\/|\.json/);
      // no text cell that Excel would run as a formula
      for (const ws of wb.worksheets)
        for (const row of rowsOf(ws))
          for (const v of row)
            if (typeof v === 'string') assert.doesNotMatch(v, FORMULA_START, `${ws.name}: ${v}`);
    });

    test('the operator sees the network and every sum; a member its own organisation’s', async () => {
      const op = await workbook((await get('operator', 'format=xlsx')).rawPayload);
      assert.ok(op.getWorksheet('Сеть'), 'the operator gets the network sheet');
      const opDecree = rowsOf(op.getWorksheet('Постановление 779')!);
      assert.ok(!opDecree.some((row) => row.includes('скрыто')));
      const opHtml = (await get('operator', 'format=html')).body;
      assert.match(opHtml, /<svg /);
      assert.match(opHtml, /Узлы — организации/);

      const mine = await workbook((await get('member', 'format=xlsx')).rawPayload);
      assert.equal(mine.getWorksheet('Сеть'), undefined);
      const own = (
        JSON.parse(
          (
            await app.inject({
              url: '/api/v1/assessment/decree-779',
              headers: { cookie: cookie.member },
            })
          ).body,
        ).members as { id: string; name: string; redacted: boolean }[]
      ).find((m) => m.id === orgOf.member);
      assert.ok(own && !own.redacted, 'the member is a participant of the check');
      const decree = rowsOf(mine.getWorksheet('Постановление 779')!);
      const ownRow = decree.find((row) => row[0] === own.name);
      assert.ok(ownRow, `${own.name} is in the sheet`);
      assert.notEqual(ownRow[2], 'скрыто');
      assert.equal(typeof ownRow[4], 'number');
      assert.ok(decree.some((row) => row[0] !== own.name && row[2] === 'скрыто'));
    });

    test('a name that Excel would run as a formula is written as text', async () => {
      const operator: Actor = {
        kind: 'user',
        id: 'op',
        organisationId: orgOf.operator,
        role: 'operator_admin',
      };
      const model = await reportModel(p.assessment, undefined, operator);
      const hostile = '=HYPERLINK("http://evil.example","x")';
      const first = model.decree779?.members[0];
      assert.ok(first && model.network?.nodes[0]);
      first.name = hostile;
      model.network.nodes[0]!.name = '+cmd|calc';
      const wb = await workbook(await reportXlsx(model, 'ru'));
      const all = wb.worksheets.flatMap((ws) => rowsOf(ws).flat());
      assert.ok(all.includes(`'${hostile}`));
      assert.ok(all.includes("'+cmd|calc"));
      for (const v of all) if (typeof v === 'string') assert.doesNotMatch(v, FORMULA_START, v);
    });
  });
}
