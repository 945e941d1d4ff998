// The report's Decree 779 section, in HTML and in PDF (for the ministry: the operator's view,
// every member's figures). A function of its own so the two renderers each add one call.
import type { Decree779Report } from '../decree779-schema.ts';
import { orgNameIn } from '../engine/place-names.ts';
import type { Lang } from './model.ts';
import { number } from './words.ts';

const words = {
  title: {
    ru: 'Проверка по постановлению Правительства № 779',
    en: 'Check against Government Decree 779',
  },
  year: { ru: 'Год {year}: {verdict}', en: 'Year {year}: {verdict}' },
  compliant: { ru: 'соответствует', en: 'compliant' },
  notCompliant: { ru: 'не соответствует', en: 'not compliant' },
  unknown: { ru: 'нет данных для вывода', en: 'not enough data to conclude' },
  check: { ru: 'Требование', en: 'Requirement' },
  result: { ru: 'Результат', en: 'Result' },
  evidence: { ru: 'Основание', en: 'Evidence' },
  contracts: {
    ru: 'Договор с другим участником у каждого',
    en: 'Each holds a contract with another participant',
  },
  functional_dependency: { ru: 'Функциональная зависимость', en: 'Functional dependency' },
  without_cooperation: { ru: 'Участники без кооперации', en: 'Participants without cooperation' },
  passed: { ru: 'выполнено', en: 'met' },
  failed: { ru: 'не выполнено', en: 'not met' },
  noData: { ru: 'нет данных', en: 'no data' },
  member: { ru: 'Участник', en: 'Participant' },
  territory: { ru: 'Моногород / особая территория', en: 'Monotown / special territory' },
  purchases: { ru: 'Закупки, ₽', en: 'Purchases, RUB' },
  contractsCol: {
    ru: 'Договоры: платформа / декларации, ₽',
    en: 'Contracts: platform / declared, RUB',
  },
  monotown: { ru: 'моногород', en: 'monotown' },
  estimate: { ru: '(оценка)', en: '(estimate)' },
  transactions: {
    ru: 'Место совершения сделок (измерено): {on} из {all} связей обмена за год — на платформе, {off} — вне её по декларациям.',
    en: 'Place of transactions (measured): {on} of {all} exchange ties of the year on the platform, {off} off it as declared.',
  },
} as const;
type Word = keyof typeof words;
const say = (lang: Lang, w: Word, params: Record<string, string | number> = {}) =>
  words[w][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

/** The section's rows as plain text cells, shared by both renderers. */
function rows(r: Decree779Report, lang: Lang) {
  const verdict =
    r.compliant === true ? 'compliant' : r.compliant === false ? 'notCompliant' : 'unknown';
  const rub = (k: number) => number(lang, k / 100, 2);
  return {
    lead: say(lang, 'year', { year: r.year, verdict: say(lang, verdict) }),
    checks: r.checks.map((c) => [
      say(lang, c.id),
      `${c.passed === null ? say(lang, 'noData') : say(lang, c.passed ? 'passed' : 'failed')} (${number(lang, c.value, 4)} / ${number(lang, c.threshold, 4)})`,
      c.evidence[lang],
    ]),
    members: r.members.map((m) => [
      orgNameIn(m, lang),
      `${[m.monotown ? say(lang, 'monotown') : '', ...(lang === 'en' ? m.specialTerritoriesEn : m.specialTerritories)].filter(Boolean).join('; ') || '—'}${m.territoryEstimate ? ` ${say(lang, 'estimate')}` : ''}`,
      m.purchasesKopecks === null ? say(lang, 'noData') : rub(m.purchasesKopecks),
      `${m.contractsOnPlatform}: ${rub(m.valueOnPlatformKopecks)} / ${m.contractsDeclared}: ${rub(m.valueDeclaredKopecks)}`,
    ]),
    transactions: say(lang, 'transactions', {
      on: r.transactions.onPlatform,
      all: r.transactions.exchangeTies,
      off: r.transactions.declaredOffPlatform,
    }),
    reading: r.reading,
  };
}

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
const table = (head: string[], body: string[][]) =>
  `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${body
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;

export function decree779Html(r: Decree779Report | undefined, lang: Lang): string {
  if (!r) return '';
  const x = rows(r, lang);
  return `<h2>${esc(say(lang, 'title'))}</h2>
<p><strong>${esc(x.lead)}</strong></p>
${table([say(lang, 'check'), say(lang, 'result'), say(lang, 'evidence')], x.checks)}
<p>${esc(x.transactions)}</p>
${table([say(lang, 'member'), say(lang, 'territory'), say(lang, 'purchases'), say(lang, 'contractsCol')], x.members)}
<p><small>${esc(x.reading)}</small></p>
`;
}

type Cell = { text: string; width: number; bold?: boolean; small?: boolean };
/** The PDF renderer's own heading and row, passed in (they live in pdf.ts). */
export function decree779Pdf(
  doc: PDFKit.PDFDocument,
  r: Decree779Report | undefined,
  lang: Lang,
  width: number,
  draw: {
    heading: (doc: PDFKit.PDFDocument, text: string) => void;
    row: (doc: PDFKit.PDFDocument, cells: Cell[]) => void;
  },
): void {
  if (!r) return;
  const x = rows(r, lang);
  draw.heading(doc, say(lang, 'title'));
  doc.font('Bold').text(x.lead).font('Sans');
  doc.moveDown(0.3);
  const three = [0.3, 0.2, 0.5];
  draw.row(
    doc,
    [say(lang, 'check'), say(lang, 'result'), say(lang, 'evidence')].map((text, i) => ({
      text,
      width: width * (three[i] ?? 0),
      bold: true,
    })),
  );
  for (const c of x.checks)
    draw.row(
      doc,
      c.map((text, i) => ({ text, width: width * (three[i] ?? 0), small: i === 2 })),
    );
  doc.moveDown(0.3).text(x.transactions);
  doc.moveDown(0.3);
  const four = [0.34, 0.26, 0.16, 0.24];
  draw.row(
    doc,
    [
      say(lang, 'member'),
      say(lang, 'territory'),
      say(lang, 'purchases'),
      say(lang, 'contractsCol'),
    ].map((text, i) => ({ text, width: width * (four[i] ?? 0), bold: true })),
  );
  for (const m of x.members)
    draw.row(
      doc,
      m.map((text, i) => ({ text, width: width * (four[i] ?? 0) })),
    );
  doc.moveDown(0.3).font('Sans').fontSize(7.5).text(x.reading).fontSize(9.5);
}
