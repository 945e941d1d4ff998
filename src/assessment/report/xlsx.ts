// The report's figures as XLSX (exceljs, as deals/form-2tp.ts): one sheet per section — the
// typology with each indicator's value, score and formula, the trajectory, the network (the
// operator's only), sustainability with value, target, unit and source, readiness, the
// territorial baseline, the Decree 779 checks and members — and a sheet «Источники». Numbers
// are numbers with a format; a figure without data says «нет данных», never 0; every text cell
// goes through the formula guard (model/cells.ts), so an organisation's name cannot run in Excel.
import ExcelJS from 'exceljs';
import { defuseFormula } from '../../model/index.ts';
import { wordMoment } from '../../model/wording.ts';
import { indicatorWords, paperRows, readinessDimensionWords } from '../engine/index.ts';
import { orgNameIn } from '../engine/place-names.ts';
import { type Decree779Row, decree779Checks } from './decree779.ts';
import type { Lang, ReportModel } from './model.ts';
import { sustainabilityNames, sustainabilityParts } from './sustainability.ts';
import { say as reportSay } from './words.ts';

const words = {
  typology: { ru: 'Типология', en: 'Typology' },
  trajectory: { ru: 'Траектория', en: 'Trajectory' },
  network: { ru: 'Сеть', en: 'Network' },
  sustainability: { ru: 'Устойчивость', en: 'Sustainability' },
  readiness: { ru: 'Готовность', en: 'Readiness' },
  territory: { ru: 'Территория', en: 'Territory' },
  decree: { ru: 'Постановление 779', en: 'Decree 779' },
  sources: { ru: 'Источники', en: 'Sources' },
  overall: { ru: 'В целом', en: 'Overall' },
  characteristic: { ru: 'Характеристика', en: 'Characteristic' },
  form: { ru: 'Форма', en: 'Form' },
  score: { ru: 'Балл (0–2)', en: 'Score (0–2)' },
  indicator: { ru: 'Показатель', en: 'Indicator' },
  value: { ru: 'Значение', en: 'Value' },
  indicatorScore: { ru: 'Балл показателя', en: "Indicator's score" },
  formula: { ru: 'Формула', en: 'Formula' },
  month: { ru: 'Месяц', en: 'Month' },
  organisation: { ru: 'Организация', en: 'Organisation' },
  partners: { ru: 'Партнёров', en: 'Partners' },
  part: { ru: 'Составляющая', en: 'Part' },
  target: { ru: 'Цель (оценка)', en: 'Target (estimate)' },
  unit: { ru: 'Единица', en: 'Unit' },
  source: { ru: 'Источник', en: 'Source' },
  balance: { ru: 'Индекс баланса', en: 'Balance index' },
  dimension: { ru: 'Измерение', en: 'Dimension' },
  weighted: { ru: 'Среднее по персоналу', en: 'Mean by staff' },
  mean: { ru: 'Среднее', en: 'Mean' },
  spread: { ru: 'Разброс', en: 'Spread' },
  min: { ru: 'Мин.', en: 'Min' },
  max: { ru: 'Макс.', en: 'Max' },
  code: { ru: 'Код', en: 'Code' },
  industry: { ru: 'Отрасль', en: 'Industry' },
  regionEmployees: { ru: 'Занятые в регионе, тыс. чел.', en: 'Employed in the region, thousands' },
  countryEmployees: { ru: 'Занятые в стране, тыс. чел.', en: 'Employed in the country, thousands' },
  lq: { ru: 'Коэфф. локализации', en: 'Location quotient' },
  status: { ru: 'Статус', en: 'Status' },
  year: { ru: 'Год', en: 'Year' },
  basis: { ru: 'Основание оценки', en: 'Basis of the estimate' },
  requirement: { ru: 'Требование', en: 'Requirement' },
  result: { ru: 'Результат', en: 'Result' },
  threshold: { ru: 'Порог', en: 'Threshold' },
  missing: { ru: 'Без декларации', en: 'Not declared' },
  evidence: { ru: 'Основание', en: 'Evidence' },
  sheet: { ru: 'Лист', en: 'Sheet' },
  whence: { ru: 'Откуда', en: 'Where it comes from' },
  generated: { ru: 'Сформировано', en: 'Generated' },
} as const;
type Word = keyof typeof words;

/** A cell: text (guarded), a number with its format, or null for «нет данных». */
type Cell = string | { n: number; fmt: string } | null;
const num = (n: number | null, fmt: string): Cell => (n === null ? null : { n, fmt });
const SCORE = '0.00';
const FIGURE = '#,##0.00';
const INTEGER = '#,##0';
const SHARE = '0.0%';
const RUB = '#,##0.00 ₽';

const units: Record<string, { ru: string; en: string; fmt: string }> = {
  share: { ru: 'доля', en: 'share', fmt: SHARE },
  t: { ru: 'т', en: 't', fmt: FIGURE },
  't CO2e': { ru: 'т CO2e', en: 't CO2e', fmt: FIGURE },
  m3: { ru: 'м³', en: 'm³', fmt: FIGURE },
  RUB: { ru: '₽', en: 'RUB', fmt: FIGURE },
  people: { ru: 'чел.', en: 'people', fmt: INTEGER },
  projects: { ru: 'проектов', en: 'projects', fmt: INTEGER },
  offers: { ru: 'предложений', en: 'offers', fmt: INTEGER },
};

export async function reportXlsx(m: ReportModel, lang: Lang): Promise<Buffer> {
  const w = (k: Word) => words[k][lang];
  const noData = reportSay(lang, 'noData');
  const formWord = (f: string) => reportSay(lang, `form:${f}` as 'form:no_data');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'digicluster';
  wb.created = new Date(m.generatedAt);

  const sheet = (name: Word, head: string[], widths: number[]) => {
    const ws = wb.addWorksheet(w(name));
    ws.addRow(head.map(defuseFormula));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).alignment = { wrapText: true, vertical: 'top' };
    widths.forEach((width, i) => {
      ws.getColumn(i + 1).width = width;
    });
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    return ws;
  };
  const put = (ws: ExcelJS.Worksheet, cells: Cell[]) => {
    const row = ws.addRow(
      cells.map((c) => (c === null ? noData : typeof c === 'string' ? defuseFormula(c) : c.n)),
    );
    cells.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      if (c !== null && typeof c === 'object') cell.numFmt = c.fmt;
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
  };

  // 1. the placement: one row per indicator, its characteristic's form and score beside it
  const p = m.placement;
  const typology = sheet(
    'typology',
    [
      w('characteristic'),
      w('form'),
      w('score'),
      w('indicator'),
      w('value'),
      w('indicatorScore'),
      w('formula'),
    ],
    [34, 22, 12, 34, 14, 14, 60],
  );
  put(typology, [
    `${w('overall')} (${wordMoment(p.asOf, lang)}, ${p.windowMonths} ${lang === 'ru' ? 'мес.' : 'months'})`,
    formWord(p.overall.form),
    num(p.overall.score, SCORE),
    '',
    '',
    '',
    '',
  ]);
  for (const c of p.characteristics) {
    const head: Cell[] = [paperRows[c.id].title[lang], formWord(c.form), num(c.score, SCORE)];
    if (!c.indicators.length) put(typology, [...head, '', '', '', '']);
    for (const i of c.indicators) {
      const iw = indicatorWords[i.name];
      put(typology, [
        ...head,
        iw ? iw[lang] : i.name,
        num(i.value, '#,##0.0000'),
        num(i.score, SCORE),
        lang === 'ru' && iw ? iw.formulaRu : i.formula,
      ]);
    }
  }

  // 2. the trajectory
  const path = sheet('trajectory', [w('month'), w('form'), w('score')], [12, 26, 12]);
  for (const t of m.trajectory)
    put(path, [t.month, formWord(t.overall.form), num(t.overall.score, SCORE)]);

  // 3. the network: the operator's only (who is tied to whom)
  if (m.network) {
    const net = sheet('network', [w('organisation'), w('partners')], [50, 12]);
    for (const n of m.network.nodes) put(net, [orgNameIn(n, lang), num(n.partners, INTEGER)]);
  }

  // 4. sustainability: each indicator with value, target, unit and source; the parts, the index
  const s = m.sustainability;
  if (s) {
    const ws = sheet(
      'sustainability',
      [w('indicator'), w('part'), w('value'), w('target'), w('unit'), w('source')],
      [44, 16, 16, 16, 12, 70],
    );
    for (const i of s.indicators) {
      const u = units[i.unit];
      const fmt = u?.fmt ?? FIGURE;
      put(ws, [
        sustainabilityNames[i.name]?.[lang] ?? i.name,
        sustainabilityParts[i.part][lang],
        num(i.value, fmt),
        num(i.target, fmt),
        u ? u[lang] : i.unit,
        i.source[lang],
      ]);
    }
    for (const part of Object.keys(sustainabilityParts) as (keyof typeof sustainabilityParts)[])
      put(ws, [
        sustainabilityParts[part][lang],
        sustainabilityParts[part][lang],
        num(s.parts[part], SCORE),
        '',
        '0–1',
        `${s.from}…${s.to}`,
      ]);
    put(ws, [
      w('balance'),
      '',
      num(s.balanceIndex, SCORE),
      '',
      '0–1',
      lang === 'ru' ? s.formulaRu : s.formula,
    ]);
  }

  // 5. readiness
  const r = m.readiness;
  const ready = sheet(
    'readiness',
    [w('dimension'), w('weighted'), w('mean'), w('spread'), w('min'), w('max')],
    [44, 16, 12, 12, 8, 8],
  );
  if (r.organisations)
    for (const d of r.dimensions)
      put(ready, [
        readinessDimensionWords[d.dimension][lang],
        num(d.weightedMean, SCORE),
        num(d.mean, SCORE),
        num(d.spread, SCORE),
        num(d.min, INTEGER),
        num(d.max, INTEGER),
      ]);
  else put(ready, [reportSay(lang, 'readinessNone'), null, null, null, null, null]);

  // 6. the territorial baseline (employment in thousands, as data/reference/employment.json)
  const land = sheet(
    'territory',
    [
      w('code'),
      w('industry'),
      w('regionEmployees'),
      w('countryEmployees'),
      w('lq'),
      w('status'),
      w('year'),
      w('basis'),
      w('source'),
    ],
    [8, 36, 16, 16, 12, 12, 8, 50, 50],
  );
  for (const i of m.territory.industries)
    put(land, [
      i.industry,
      i.name[lang],
      num(i.regionEmployees, FIGURE),
      num(i.countryEmployees, FIGURE),
      num(i.lq, SCORE),
      reportSay(lang, i.status),
      num(i.year, '0'),
      i.basis ? i.basis[lang] : '',
      i.source[lang],
    ]);

  // 7. the Decree 779 checks and the members' evidence (another organisation's sums hidden)
  const d = m.decree779;
  if (d) {
    const x = decree779Checks(d, lang);
    const ws = sheet(
      'decree',
      [w('requirement'), w('result'), w('value'), w('threshold'), w('missing'), w('evidence')],
      [44, 50, 14, 14, 14, 70],
    );
    put(ws, [x.lead, '', '', '', '', '']);
    d.checks.forEach((c, k) => {
      const fmt = c.id === 'functional_dependency' ? SHARE : INTEGER;
      const [name = '', result = '', evidence = ''] = x.checks[k] ?? [];
      put(ws, [
        name,
        result,
        num(c.value, fmt),
        num(c.threshold, fmt),
        num(c.missing, INTEGER),
        evidence,
      ]);
    });
    ws.addRow([]);
    put(ws, x.memberHead);
    ws.lastRow!.font = { bold: true };
    for (const row of x.memberCells(RUB, INTEGER))
      put(
        ws,
        row.map((c: Decree779Row) => (c === 'noData' ? null : c)),
      );
    if (x.hiddenNote) put(ws, [x.hiddenNote]);
    if (x.notCounted) put(ws, [x.notCounted]);
    put(ws, [x.transactions]);
    put(ws, [x.reading]);
  }

  // «Источники»: where each sheet's figures come from
  const src = sheet('sources', [w('sheet'), w('whence')], [24, 120]);
  const lines: [Word, string][] = [
    [
      'generated',
      // the row is headed «Сформировано» already: the moment and where from
      `${wordMoment(m.generatedAt, lang)} — ${lang === 'ru' ? 'по данным платформы digicluster' : 'from the digicluster platform'}`,
    ],
    [
      'typology',
      lang === 'ru'
        ? `данные платформы (сделки, знания, управление) за ${p.windowMonths} мес. до ${wordMoment(p.asOf, lang)}; балл 0 — территориальный кластер, 1 — цифровой, 2 — бизнес-экосистема; формула каждого показателя — в его строке`
        : `the platform's data (deals, knowledge, governance) over the ${p.windowMonths} months to ${wordMoment(p.asOf, lang)}; score 0 territorial cluster, 1 digital cluster, 2 business ecosystem; each indicator's formula is in its row`,
    ],
    [
      'trajectory',
      lang === 'ru'
        ? 'то же место на шкале, месяц за месяцем'
        : 'the same placement, month by month',
    ],
    [
      'sustainability',
      s
        ? // the targets named as a reader knows them, not by the file that holds them
          `${lang === 'ru' ? s.formulaRu : s.formula}. ${lang === 'ru' ? 'Цели: справочные данные платформы' : "Targets: the platform's reference data"} (${reportSay(lang, 'estimate')}); ${lang === 'ru' ? 'источник каждого показателя — в его строке' : "each indicator's source is in its row"}`
        : noData,
    ],
    [
      'readiness',
      lang === 'ru'
        ? 'последние ответы организаций на анкету, взвешенные по числу работников из реестра'
        : "each organisation's latest answers, weighted by the staff the registry states",
    ],
    ['territory', reportSay(lang, 'territoryNote')],
    ['decree', d ? (lang === 'ru' ? d.readingRu : d.reading) : noData],
  ];
  if (m.network) lines.splice(3, 0, ['network', reportSay(lang, 'networkNote')]);
  for (const [sheetName, text] of lines) put(src, [w(sheetName), text]);
  put(src, [
    noData,
    lang === 'ru'
      ? 'у показателя нет исходных данных на платформе; это не ноль'
      : 'the platform holds nothing to compute the figure from; it is not zero',
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
