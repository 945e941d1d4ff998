// The ministry's report from the example cluster: `digicluster report --format pdf|html`. The PDF
// carries its Cyrillic headings as text (pdftotext finds them: the font is embedded, no tofu) and
// renders (pdftoppm makes a PNG of its first page, kept in test-results/ to look at); the HTML is
// one file that loads nothing from outside. SQLite only: the report reads through the same
// services whose dialect parity the other medium tests prove.
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AssessmentService } from '../../src/assessment/service.ts';
import { DealsService } from '../../src/deals/service.ts';
import { seedExample } from '../../src/example/seed.ts';
import { systemActor } from '../../src/model/index.ts';
import type { Platform } from '../../src/platform.ts';
import { onCI } from '../ci.ts';
import { eachDialect, type TestDatabase } from './dialects.ts';

const poppler = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).error
  ? 'pdftotext and pdftoppm (Debian poppler-utils) are not installed'
  : null;
if (poppler && onCI()) throw new Error(`${poppler}; CI needs them to check the PDF report`);

const cli = (args: string[], env: Record<string, string>) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['bin/digicluster.js', ...args],
      { env: { ...process.env, ...env }, encoding: 'utf8' },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });

const [sqlite] = await eachDialect();

describe('the assessment report', { skip: poppler ?? sqlite?.skip }, () => {
  let db: TestDatabase;
  let p: Platform;
  const out = join(process.cwd(), 'test-results');

  before(async () => {
    mkdirSync(out, { recursive: true });
    db = await (sqlite as NonNullable<typeof sqlite>).make();
    p = await db.open();
    await seedExample(p);
    await p.close();
  });
  after(async () => {
    await db?.drop();
  });

  test('the PDF: Cyrillic headings as text, a page rendered', async () => {
    const file = join(out, 'report-ru.pdf');
    const r = await cli(['report', '--format', 'pdf', '--out', file], db.env);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readFileSync(file).subarray(0, 5).toString(), '%PDF-');
    const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
    for (const heading of [
      'Оценка кластера',
      '1. Место на шкале',
      'Географический фактор',
      '2. Траектория по месяцам',
      '3. Сеть связей участников',
      '5. Готовность к Индустрии 4.0',
      '6. Территориальная база',
      'Добыча угля',
    ])
      assert.ok(text.includes(heading), `"${heading}" is not in the PDF's text`);
    // the territorial baseline's estimates carry their basis and source, in Russian only
    const flat = text.replace(/\s+/g, ' ');
    assert.match(flat, /Основание оценки: завод азотных удобрений/);
    assert.match(flat, /Источник: Кемеровостат, 2024/);
    assert.doesNotMatch(flat, /Basis of the estimate|nitrogen-fertiliser/);
    // the trajectory's axis by year (it had the first and last months, one of them broken)
    assert.match(flat, /2012 2014 2016 2018 2020/);
    assert.doesNotMatch(flat, /2012-01/);
    // the LQ's formula with its figures written the Russian way (read in reading order: the
    // layout puts the next column's words between the formula's lines)
    const read = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout;
    assert.match(read.replace(/\s+/g, ' '), /\(101,7 \/ 720\) \/ \(150 \/ 43 058\)/);
    assert.doesNotMatch(read, /101\.7 \/ 720/);
    // a form's word is not broken across lines (its column was too narrow for «территориальный»)
    assert.doesNotMatch(read, /территориальн(?![а-я])/);
    const fonts = spawnSync('pdffonts', [file], { encoding: 'utf8' }).stdout;
    assert.match(fonts, /DejaVuSans/);
    assert.match(fonts, /yes\s+yes/); // embedded, subset
    const png = join(out, 'report-ru-1');
    assert.equal(
      spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, png])
        .status,
      0,
    );
    assert.ok(statSync(`${png}.png`).size > 10_000);
  });

  test('in English, and as one HTML file that loads nothing from outside', async () => {
    const pdf = join(out, 'report-en.pdf');
    assert.equal(
      (await cli(['report', '--format', 'pdf', '--out', pdf, '--lang', 'en'], db.env)).code,
      0,
    );
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout;
    assert.match(text, /1\. Placement/);
    assert.match(text, /Coal mining/);
    assert.match(text.replace(/\s+/g, ' '), /Basis of the estimate: nitrogen-fertiliser plant/);
    assert.match(text.replace(/\s+/g, ' '), /\(101\.7 \/ 720\) \/ \(150 \/ 43,058\)/);
    const html = join(out, 'report-ru.html');
    assert.equal((await cli(['report', '--format', 'html', '--out', html], db.env)).code, 0);
    const page = readFileSync(html, 'utf8');
    assert.match(page, /<h2>1\. Место на шкале<\/h2>/);
    assert.match(
      page,
      /<small>Основание оценки: завод азотных удобрений и химические предприятия Кемерова/,
    );
    assert.doesNotMatch(page, /nitrogen-fertiliser/);
    assert.ok(page.includes('<small>(101,7 / 720) / (150 / 43\u00a0058)</small>'));
    assert.doesNotMatch(page, /<script|https?:\/\/(?!www\.w3)/);
  });

  test('the Decree 779 section in Russian: the reading, the results and who is counted in Russian words', async () => {
    const html = join(out, 'report-decree-ru.html');
    assert.equal((await cli(['report', '--format', 'html', '--out', html], db.env)).code, 0);
    const page = readFileSync(html, 'utf8');
    const section = page.slice(page.indexOf('Проверка по постановлению'));
    // the reading paragraph in the report's language
    assert.match(
      section,
      /<small>участники: члены кластера в этом году \(за прошедший год — те, кто был членом в нём; за текущий — нынешние члены\), кроме органов власти/,
    );
    assert.doesNotMatch(section, /participants: current members|contracts: deals/);
    // results worded as a reader would, no bare «(4 / 31)», «(нет данных / 0,1)», «27 / 3»
    assert.match(
      section,
      /не выполнено: \d+ из \d+ участник(а|ов) имеют договор с другим участником/,
    );
    assert.match(section, /<td>нет данных о закупках: не заявили \d+ участник/);
    assert.match(section, /<td>нет данных о выпуске у \d+ участник/);
    assert.doesNotMatch(section, /\(\d+ \/ \d+\)|нет данных \/|\d+ \/ 3</);
    // the ministry and the operator are no participants, named apart
    assert.match(
      section,
      /Не считаются участниками проверки: АО «Кузбасский технопарк» \(Центр кластерного развития\) — специализированная организация кластера \(оператор платформы\); Министерство промышленности и торговли Кузбасса — орган власти\./,
    );
    assert.doesNotMatch(section, /без договора с другим участником:[^<]*Министерство/);
    // the PDF says the same
    const pdf = join(out, 'report-decree-ru.pdf');
    assert.equal((await cli(['report', '--format', 'pdf', '--out', pdf], db.env)).code, 0);
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(
      /\s+/g,
      ' ',
    );
    assert.match(
      text,
      /участники: члены кластера в этом году \(за прошедший год — те, кто был членом в нём; за текущий — нынешние члены\), кроме органов власти/,
    );
    assert.match(text, /нет данных о закупках: не заявили/);
    assert.doesNotMatch(text, /participants: current members/);
  });

  test('in English, organisations, the region and special territories are named in English', async () => {
    const html = join(out, 'report-en.html');
    assert.equal(
      (await cli(['report', '--format', 'html', '--out', html, '--lang', 'en'], db.env)).code,
      0,
    );
    const page = readFileSync(html, 'utf8');
    // the Decree 779 section's evidence and members, the network's names, the geography formula
    assert.match(page, /Yenisei Cement JSC/);
    assert.match(page, /Advanced Development Territory “Prokopyevsk”/);
    assert.match(
      page,
      /organisations outside the cluster&#39;s region \(Kemerovo Oblast – Kuzbass\)/,
    );
    assert.doesNotMatch(page, /Енисейский цемент|ТОР «Прокопьевск»|Кемеровская область/);
    const pdf = join(out, 'report-en.pdf');
    assert.equal(
      (await cli(['report', '--format', 'pdf', '--out', pdf, '--lang', 'en'], db.env)).code,
      0,
    );
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(
      /\s+/g,
      ' ',
    );
    assert.match(text, /Yenisei Cement JSC/);
    assert.doesNotMatch(text, /Енисейский цемент|ТОР «Прокопьевск»|Кемеровская область/);
  });

  test("today is Kemerovo's: 18:30 UTC on 2 December is 01:30 on the 3rd in the cluster", async () => {
    const at = () => new Date('2026-12-02T18:30:00Z');
    const opened = await db.open();
    try {
      const assessment = new AssessmentService(opened.store, at);
      assert.equal((await assessment.placement(systemActor, {})).asOf, '2026-12-03');
      const file = await assessment.reportFile(systemActor, { format: 'html', lang: 'ru' });
      assert.equal(file.fileName, 'digicluster-assessment-2026-12-03.html');
      const page = file.body.toString('utf8');
      assert.match(page, /Сформировано 3 декабря 2026 г\., 01:30 \(кемеровское время\)/);
      assert.doesNotMatch(page, /2026-12-02 18:30/);
      const en = await assessment.reportFile(systemActor, { format: 'html', lang: 'en' });
      assert.match(en.body.toString('utf8'), /Generated 3 December 2026, 01:30 \(Kemerovo time\)/);
      // the books as of today: the lots recorded on the cluster's 3 December are in them
      assert.equal(
        (await new DealsService(opened.store, at).trialBalance(systemActor)).asOf,
        '2026-12-03',
      );
    } finally {
      await opened.close();
    }
  });

  test('bad arguments exit 2 with one line', async () => {
    const r = await cli(['report', '--format', 'docx', '--out', 'x'], db.env);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--format must be html or pdf/);
    assert.equal((await cli(['report', '--format', 'pdf'], db.env)).code, 2);
    assert.ok(!existsSync('x'));
  });
});
