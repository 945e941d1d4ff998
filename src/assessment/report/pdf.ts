// The report as PDF, made with pdfkit (no browser): A4, DejaVu Sans embedded for Cyrillic
// (data/fonts, Bitstream Vera licence), vector radar, trajectory and network.
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { wordMoment } from '../../model/wording.ts';
import { indicatorWords, lqFormula, paperRows, readinessDimensionWords } from '../engine/index.ts';
import { orgNameIn } from '../engine/place-names.ts';
import { changeMarks, scoredRuns, yearTicks } from '../engine/trajectory-marks.ts';
import { decree779Pdf } from './decree779.ts';
import type { Lang, ReportModel } from './model.ts';
import { sustainabilityHead, sustainabilityRows, sustainabilitySummary } from './sustainability.ts';
import { figureNote, number, say } from './words.ts';

const font = (file: string) =>
  fileURLToPath(new URL(`../../../data/fonts/${file}`, import.meta.url));

type Doc = PDFKit.PDFDocument;
const MARGIN = 50;
const BLUE = '#1f6feb';
const GREY = '#57606a';

function heading(doc: Doc, text: string) {
  if (doc.y > doc.page.height - MARGIN - 80) doc.addPage();
  doc.moveDown(0.8).font('Bold').fontSize(13).fillColor('#24292f').text(text, MARGIN);
  doc.moveDown(0.3).font('Sans').fontSize(9.5);
}

/** One table row of wrapped cells; a new page when it would not fit. */
function row(doc: Doc, cells: { text: string; width: number; bold?: boolean; small?: boolean }[]) {
  const size = (c: { small?: boolean }) => (c.small ? 7.5 : 9);
  const height = Math.max(
    ...cells.map((c) =>
      doc
        .font(c.bold ? 'Bold' : 'Sans')
        .fontSize(size(c))
        .heightOfString(c.text, { width: c.width - 6 }),
    ),
  );
  if (doc.y + height + 6 > doc.page.height - MARGIN) doc.addPage();
  const top = doc.y;
  let x = MARGIN;
  for (const c of cells) {
    doc
      .font(c.bold ? 'Bold' : 'Sans')
      .fontSize(size(c))
      .fillColor(c.small ? GREY : '#24292f');
    doc.text(c.text, x + 3, top + 3, { width: c.width - 6 });
    x += c.width;
  }
  doc
    .moveTo(MARGIN, top + height + 6)
    .lineTo(x, top + height + 6)
    .lineWidth(0.4)
    .strokeColor('#d0d7de')
    .stroke();
  doc.x = MARGIN;
  doc.y = top + height + 7;
}

/** The platform's sustainability indicators: summary line, then value, target and source. */
function sustainabilityPdf(doc: Doc, m: ReportModel, lang: Lang) {
  const s = m.sustainability!;
  doc.moveDown(0.3).text(sustainabilitySummary(s, lang), MARGIN);
  doc.moveDown(0.3);
  const widths = [150, 70, 70, 205];
  const cells = (texts: string[], bold = false) =>
    texts.map((text, k) => ({ text, width: widths[k]!, bold, small: k === 3 && !bold }));
  row(doc, cells(sustainabilityHead(lang), true));
  for (const r of sustainabilityRows(s, lang)) row(doc, cells(r));
}

function radar(doc: Doc, m: ReportModel, lang: Lang) {
  const axes = m.placement.characteristics;
  const cx = doc.page.width / 2;
  const r = 90;
  if (doc.y + 2 * r + 70 > doc.page.height - MARGIN) doc.addPage();
  const cy = doc.y + r + 30;
  const at = (i: number, radius: number) => {
    const a = (i / axes.length) * Math.PI * 2 - Math.PI / 2;
    return [cx + radius * Math.cos(a), cy + radius * Math.sin(a)] as [number, number];
  };
  doc.lineWidth(0.5).strokeColor('#d0d7de');
  for (const k of [1, 2]) doc.polygon(...axes.map((_, i) => at(i, (r * k) / 2))).stroke();
  for (let i = 0; i < axes.length; i++)
    doc
      .moveTo(cx, cy)
      .lineTo(...at(i, r))
      .stroke();
  doc
    .polygon(...axes.map((c, i) => at(i, (r * (c.score ?? 0)) / 2)))
    .fillOpacity(0.2)
    .fillAndStroke(BLUE, BLUE);
  doc.fillOpacity(1);
  doc.font('Sans').fontSize(7.5).fillColor('#24292f');
  axes.forEach((c, i) => {
    const [x, y] = at(i, r + 14);
    const w = 110;
    const left = x < cx - 5 ? x - w : x > cx + 5 ? x : x - w / 2;
    const align = x < cx - 5 ? 'right' : x > cx + 5 ? 'left' : 'center';
    doc.text(paperRows[c.id].title[lang], left, y - 5, { width: w, align });
  });
  doc.x = MARGIN;
  doc.y = cy + r + 35;
}

function trajectory(doc: Doc, m: ReportModel, lang: Lang) {
  const points = m.trajectory;
  const w = doc.page.width - 2 * MARGIN;
  const h = 120;
  if (doc.y + h + 30 > doc.page.height - MARGIN) doc.addPage();
  const top = doc.y + 5;
  const bands: [number, number, string, string][] = [
    [0, 0.5, '#fff8c5', say(lang, 'form:territorial_cluster')],
    [0.5, 1.5, '#ddf4ff', say(lang, 'form:digital_cluster')],
    [1.5, 2, '#dafbe1', say(lang, 'form:business_ecosystem')],
  ];
  // the bands are named in a gutter right of the plot, where the line is never drawn
  doc.font('Sans').fontSize(7);
  const gutter = Math.ceil(Math.max(...bands.map((b) => doc.widthOfString(b[3])))) + 10;
  const left = MARGIN + 30;
  const plotRight = MARGIN + w - gutter;
  const from = left + 4;
  const to = plotRight - 5;
  const y = (s: number) => top + ((2 - s) * h) / 2;
  const x = (i: number) =>
    points.length > 1 ? from + (i * (to - from)) / (points.length - 1) : (from + to) / 2;
  for (const [lo, hi, colour, label] of bands) {
    doc.rect(left, y(hi), MARGIN + w - left, y(lo) - y(hi)).fill(colour);
    doc.fillColor(GREY).text(label, plotRight + 5, (y(lo) + y(hi)) / 2 - 4, { lineBreak: false });
  }
  doc
    .moveTo(plotRight, y(2))
    .lineTo(plotRight, y(0))
    .lineWidth(1.5)
    .strokeColor('#ffffff')
    .stroke();
  const ticks = yearTicks(
    points.map((p) => p.month),
    points.length > 1 ? (to - from) / (points.length - 1) : to - from,
    24,
  );
  for (const t of ticks)
    doc
      .moveTo(x(t.index), y(2))
      .lineTo(x(t.index), y(0) + (t.label ? 3 : 0))
      .lineWidth(0.5)
      .strokeColor(t.label ? '#d0d7de' : '#ffffff')
      .stroke();
  // a dot where the score changes, the line broken where a month has no score
  const scores = points.map((p) => p.overall.score);
  for (const run of scoredRuns(scores)) {
    if (run.length < 2) continue;
    const [first = 0, ...rest] = run;
    doc.moveTo(x(first), y(scores[first] ?? 0));
    for (const i of rest) doc.lineTo(x(i), y(scores[i] ?? 0));
    doc.lineWidth(1.5).strokeColor(BLUE).stroke();
  }
  for (const i of changeMarks(scores)) doc.circle(x(i), y(scores[i] ?? 0), 2).fill(BLUE);
  doc.fillColor(GREY).fontSize(7);
  const under = top + h + 4;
  if (ticks.length > 0)
    for (const t of ticks.filter((t) => t.label))
      doc.text(String(t.year), x(t.index) - 15, under, { width: 30, align: 'center' });
  else if (points[0]) {
    doc.text(points[0].month, x(0), under, { lineBreak: false });
    const last = points.at(-1)?.month ?? '';
    if (points.length > 1)
      doc.text(last, x(points.length - 1) - doc.widthOfString(last), under, { lineBreak: false });
  }
  doc.x = MARGIN;
  doc.y = top + h + 20;
}

function network(doc: Doc, m: ReportModel, lang: Lang) {
  const nodes = m.network?.nodes.filter((n) => n.partners > 0) ?? [];
  doc
    .font('Sans')
    .fontSize(9)
    .fillColor('#24292f')
    .text(
      say(lang, !m.network ? 'networkOperatorOnly' : nodes.length ? 'networkNote' : 'networkEmpty'),
    );
  if (!m.network) return;
  if (!nodes.length) return;
  const r = 120;
  if (doc.y + 2 * r + 30 > doc.page.height - MARGIN) doc.addPage();
  const cx = doc.page.width / 2;
  const cy = doc.y + r + 15;
  const at = new Map(
    nodes.map((n, i) => {
      const a = (i / nodes.length) * Math.PI * 2 - Math.PI / 2;
      return [n.id, [cx + r * Math.cos(a), cy + r * Math.sin(a)] as [number, number]];
    }),
  );
  const colour: Record<string, string> = {
    exchange: BLUE,
    knowledge: '#1a7f37',
    governance: '#bf8700',
  };
  for (const e of m.network.edges) {
    const a = at.get(e.source);
    const b = at.get(e.target);
    if (a && b)
      doc
        .moveTo(...a)
        .lineTo(...b)
        .lineWidth(0.6)
        .strokeOpacity(0.6)
        .strokeColor(colour[e.layer] ?? GREY)
        .stroke();
  }
  doc.strokeOpacity(1);
  for (const n of nodes) {
    const [x, y] = at.get(n.id) as [number, number];
    doc.circle(x, y, 2 + 1.5 * Math.sqrt(n.partners)).fill('#24292f');
    // the name outside the circle, on the node's side
    const full = orgNameIn(n, lang);
    const name = full.length > 30 ? `${full.slice(0, 29)}…` : full;
    const right = x >= cx;
    doc
      .font('Sans')
      .fontSize(6)
      .fillColor(GREY)
      .text(name, right ? x + 6 : x - 126, y - 3, {
        width: 120,
        align: right ? 'left' : 'right',
        lineBreak: false,
      });
  }
  doc.x = MARGIN;
  doc.y = cy + r + 20;
}

export function reportPdf(m: ReportModel, lang: Lang): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: {
      Title: say(lang, 'title'),
      Author: 'digicluster',
      CreationDate: new Date(m.generatedAt),
    },
  });
  doc.registerFont('Sans', font('DejaVuSans.ttf'));
  doc.registerFont('Bold', font('DejaVuSans-Bold.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );
  const p = m.placement;
  const formWord = (f: string) => say(lang, `form:${f}` as 'form:no_data');
  const width = doc.page.width - 2 * MARGIN;

  doc.font('Bold').fontSize(16).text(say(lang, 'title'));
  doc
    .font('Sans')
    .fontSize(9)
    .fillColor(GREY)
    .text(say(lang, 'generated', { at: wordMoment(m.generatedAt, lang) }));

  heading(doc, say(lang, 'placement'));
  doc
    .font('Bold')
    .fontSize(10)
    .text(
      say(lang, 'overall', {
        form: formWord(p.overall.form),
        score: number(lang, p.overall.score),
        asOf: wordMoment(p.asOf, lang),
        months: p.windowMonths,
      }),
    );
  radar(doc, m, lang);
  row(doc, [
    { text: say(lang, 'characteristic'), width: width * 0.23, bold: true },
    { text: say(lang, 'form'), width: width * 0.2, bold: true },
    { text: say(lang, 'score'), width: width * 0.07, bold: true },
    { text: say(lang, 'evidence'), width: width * 0.5, bold: true },
  ]);
  for (const c of p.characteristics)
    row(doc, [
      { text: paperRows[c.id].title[lang], width: width * 0.23, bold: true },
      { text: formWord(c.form), width: width * 0.2 },
      { text: c.score === null ? '—' : number(lang, c.score), width: width * 0.07 },
      {
        text: c.indicators
          .map((i) => {
            const w = indicatorWords[i.name];
            return `${w ? w[lang] : i.name}: ${number(lang, i.value, 4)} — ${lang === 'ru' && w ? w.formulaRu : i.formula}`;
          })
          .join('\n'),
        width: width * 0.5,
        small: true,
      },
    ]);

  heading(doc, say(lang, 'trajectory'));
  trajectory(doc, m, lang);

  heading(doc, say(lang, 'network'));
  network(doc, m, lang);

  heading(doc, say(lang, 'sustainability'));
  const s = p.characteristics.find((c) => c.id === 'sustainability');
  if (s)
    doc.text(
      `${formWord(s.form)}: ${s.indicators.map((i) => `${indicatorWords[i.name]?.[lang] ?? i.name} ${number(lang, i.value)}`).join('; ')}`,
    );
  if (m.sustainability) sustainabilityPdf(doc, m, lang);

  heading(doc, say(lang, 'readiness'));
  const r = m.readiness;
  if (!r.organisations) doc.text(say(lang, 'readinessNone'));
  else {
    doc.text(
      say(lang, 'readinessLead', {
        n: r.organisations,
        staff: number(lang, r.employees, 0),
        weakest: r.weakest.map((d) => readinessDimensionWords[d][lang]).join(', '),
      }),
    );
    doc.moveDown(0.3);
    row(doc, [
      { text: say(lang, 'dimension'), width: width * 0.5, bold: true },
      { text: say(lang, 'weighted'), width: width * 0.25, bold: true },
      { text: say(lang, 'spread'), width: width * 0.25, bold: true },
    ]);
    for (const d of r.dimensions)
      row(doc, [
        { text: readinessDimensionWords[d.dimension][lang], width: width * 0.5 },
        { text: number(lang, d.weightedMean), width: width * 0.25 },
        { text: number(lang, d.spread), width: width * 0.25 },
      ]);
  }

  heading(doc, say(lang, 'territory'));
  doc.text(say(lang, 'territoryNote'));
  doc.moveDown(0.3);
  row(doc, [
    { text: say(lang, 'industry'), width: width * 0.3, bold: true },
    { text: say(lang, 'lq'), width: width * 0.22, bold: true },
    { text: say(lang, 'status'), width: width * 0.48, bold: true },
  ]);
  for (const i of m.territory.industries)
    row(doc, [
      { text: `${i.industry} ${i.name[lang]}`, width: width * 0.3 },
      {
        text: `${number(lang, i.lq)}\n${i.terms ? lqFormula(i.terms, lang) : say(lang, 'noData')}`,
        width: width * 0.22,
      },
      { text: figureNote(lang, i).join('\n'), width: width * 0.48 },
    ]);
  decree779Pdf(doc, m.decree779, lang, width, { heading, row });

  doc.end();
  return done;
}
