// The report's Decree 779 section, in HTML and in PDF (the operator's view: every member's
// figures; anyone else's: another organisation's sums «скрыто», as the web page shows them). A function of its own so the two renderers each add one call.
import { type CountedNoun, countedNoun } from '../../model/wording.ts';
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
  without_output: {
    ru: 'Участники без промышленной продукции в предыдущем периоде ≤ 3',
    en: 'Participants without industrial output in the previous period ≤ 3',
  },
  contractsHeld: {
    ru: '{n} из {all} имеют договор с другим участником',
    en: '{n} of {all} hold a contract with another participant',
  },
  dependencyOf: {
    ru: '{value} при пороге не ниже {threshold}',
    en: '{value} against a threshold of at least {threshold}',
  },
  noPurchases: {
    ru: 'нет данных о закупках: не заявили {missing}',
    en: 'no data on purchases: {missing} did not declare them',
  },
  withoutOutput: {
    ru: 'без промышленной продукции: {n} (допускается не более {max})',
    en: 'without industrial output: {n} (at most {max} allowed)',
  },
  noOutput: {
    ru: 'нет данных о выпуске у {missing}; без продукции заявили {n} (допускается не более {max})',
    en: 'no data on output for {missing}; {n} declared none (at most {max} allowed)',
  },
  noOutputNone: {
    ru: 'нет данных о выпуске у {missing} (без продукции допускается не более {max})',
    en: 'no data on output for {missing} (at most {max} allowed without it)',
  },
  output: { ru: 'Выпуск в предыдущем периоде', en: 'Output in the previous period' },
  produced: { ru: 'да', en: 'yes' },
  organising: { ru: 'нет, организует в кластере', en: 'none, organising it in the cluster' },
  notOrganising: { ru: 'нет, не организует', en: 'none, not organising it' },
  notCounted: {
    ru: 'Не считаются участниками проверки: {list}.',
    en: 'Not counted as participants of the check: {list}.',
  },
  government: { ru: 'орган власти', en: 'a government body' },
  specialised: {
    ru: 'специализированная организация кластера (оператор платформы)',
    en: "the cluster's specialised organisation (the platform operator)",
  },
  passed: { ru: 'выполнено', en: 'met' },
  failed: { ru: 'не выполнено', en: 'not met' },
  noData: { ru: 'нет данных', en: 'no data' },
  withoutValue: { ru: 'без суммы: {n}', en: 'without a value: {n}' },
  hidden: { ru: 'скрыто', en: 'hidden' },
  hiddenNote: {
    ru: 'Суммы и партнёров другой организации видят только она и оператор.',
    en: "Another organisation's sums and partners are seen by it and the operator only.",
  },
  member: { ru: 'Участник', en: 'Participant' },
  territory: { ru: 'Моногород / особая территория', en: 'Monotown / special territory' },
  purchases: { ru: 'Закупки, ₽', en: 'Purchases, RUB' },
  contractsCol: {
    ru: 'Договоры в силе на платформе: число, поставлено за год, ₽ / заявленные: число, ₽',
    en: 'Contracts in force on the platform: number, supplied in the year, RUB / declared: number, RUB',
  },
  onPlatform: { ru: 'Договоров в силе на платформе', en: 'Contracts in force on the platform' },
  supplied: { ru: 'Поставлено по ним за год, ₽', en: 'Supplied under them in the year, RUB' },
  declared: { ru: 'Заявленных договоров', en: 'Declared contracts' },
  declaredValue: { ru: 'Заявлено, ₽', en: 'Declared value, RUB' },
  monotown: { ru: 'моногород', en: 'monotown' },
  estimate: { ru: '(оценка)', en: '(estimate)' },
  transactions: {
    ru: 'Место совершения сделок (измерено): {on} из {all} связей обмена за год — на платформе, {off} — вне её по декларациям.',
    en: 'Place of transactions (measured): {on} of {all} exchange ties of the year on the platform, {off} off it as declared.',
  },
} as const;
type Word = keyof typeof words;
/** «участник» after a count: nominative («4 участника») and after «из» / «у» («из 31 участника») */
const participant: CountedNoun = {
  ru: { one: 'участник', few: 'участника', many: 'участников', other: 'участника' },
  en: { one: 'participant', other: 'participants' },
};
const participantOf: CountedNoun = {
  ru: { one: 'участника', few: 'участников', many: 'участников', other: 'участника' },
  en: participant.en,
};
const say = (lang: Lang, w: Word, params: Record<string, string | number> = {}) =>
  words[w][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

type Check = Decree779Report['checks'][number];

/** A check's result in the report's language: its verdict and what it rests on, in words. */
function resultOf(c: Check, lang: Lang): string {
  const verdict =
    c.passed === null ? say(lang, 'noData') : say(lang, c.passed ? 'passed' : 'failed');
  const count = (n: number, noun = participant) =>
    `${number(lang, n, 0)} ${countedNoun(lang, n, noun)}`;
  const percent = (x: number) => `${number(lang, x * 100, 1)}${lang === 'ru' ? ' %' : '%'}`;
  const detail =
    c.id === 'contracts'
      ? say(lang, 'contractsHeld', {
          n: number(lang, c.value ?? 0, 0),
          all: count(c.threshold, participantOf),
        })
      : c.id === 'functional_dependency'
        ? c.value === null
          ? say(lang, 'noPurchases', { missing: count(c.missing) })
          : say(lang, 'dependencyOf', { value: percent(c.value), threshold: percent(c.threshold) })
        : // nobody declared (value null) is no count of 0, whatever the verdict
          c.passed === null || c.value === null
          ? say(lang, c.value ? 'noOutput' : 'noOutputNone', {
              missing: count(c.missing, participantOf),
              n: number(lang, c.value ?? 0, 0),
              max: number(lang, c.threshold, 0),
            })
          : say(lang, 'withoutOutput', {
              n: count(c.value ?? 0),
              max: number(lang, c.threshold, 0),
            });
  // «нет данных о закупках…» says the verdict itself
  return c.passed === null ? detail : `${verdict}: ${detail}`;
}

/** The section's rows as plain text cells, shared by both renderers. */
function rows(r: Decree779Report, lang: Lang) {
  const verdict =
    r.compliant === true ? 'compliant' : r.compliant === false ? 'notCompliant' : 'unknown';
  const rub = (k: number) => number(lang, k / 100, 2);
  const hidden = say(lang, 'hidden');
  return {
    lead: say(lang, 'year', { year: r.year, verdict: say(lang, verdict) }),
    checks: r.checks.map((c) => [say(lang, c.id), resultOf(c, lang), c.evidence[lang]]),
    members: r.members.map((m) => [
      orgNameIn(m, lang),
      `${[m.monotown ? say(lang, 'monotown') : '', ...(lang === 'en' ? m.specialTerritoriesEn : m.specialTerritories)].filter(Boolean).join('; ') || '—'}${m.territoryEstimate ? ` ${say(lang, 'estimate')}` : ''}`,
      m.redacted
        ? hidden
        : m.purchasesKopecks === null
          ? say(lang, 'noData')
          : rub(m.purchasesKopecks),
      m.redacted
        ? hidden
        : m.producedOutput === null
          ? say(lang, 'noData')
          : say(
              lang,
              m.producedOutput
                ? 'produced'
                : m.organisingProduction
                  ? 'organising'
                  : 'notOrganising',
            ),
      m.redacted
        ? `${m.contractsOnPlatform}: ${hidden} / ${m.contractsDeclared}: ${hidden}`
        : `${m.contractsOnPlatform}: ${rub(m.suppliedOnPlatformKopecks)} / ${m.contractsDeclared}: ${rub(m.valueDeclaredKopecks)}${m.declaredWithoutValue ? ` (${say(lang, 'withoutValue', { n: m.declaredWithoutValue })})` : ''}`,
    ]),
    hiddenNote: r.members.some((m) => m.redacted) ? say(lang, 'hiddenNote') : '',
    notCounted: r.notCounted.length
      ? say(lang, 'notCounted', {
          list: r.notCounted.map((o) => `${orgNameIn(o, lang)} — ${say(lang, o.as)}`).join('; '),
        })
      : '',
    transactions: say(lang, 'transactions', {
      on: r.transactions.onPlatform,
      all: r.transactions.exchangeTies,
      off: r.transactions.declaredOffPlatform,
    }),
    reading: lang === 'ru' ? r.readingRu : r.reading,
  };
}

/** A workbook cell of the members' table: text, a number with its format, or «no data». */
export type Decree779Row = string | { n: number; fmt: string } | 'noData';

/**
 * The section for a workbook: the texts both renderers say, the checks as text cells, and the
 * members' figures as numbers (roubles) — «скрыто» where another organisation's are hidden.
 */
export function decree779Checks(r: Decree779Report, lang: Lang) {
  const x = rows(r, lang);
  const hidden = say(lang, 'hidden');
  const rub = (k: number, fmt: string): Decree779Row => ({ n: k / 100, fmt });
  return {
    ...x,
    memberHead: [
      say(lang, 'member'),
      say(lang, 'territory'),
      say(lang, 'purchases'),
      say(lang, 'output'),
      say(lang, 'onPlatform'),
      say(lang, 'supplied'),
      say(lang, 'declared'),
      say(lang, 'declaredValue'),
    ],
    memberCells: (money: string, integer: string): Decree779Row[][] =>
      r.members.map((m, k) => {
        const [name = '', territory = '', , output = ''] = x.members[k] ?? [];
        return [
          name,
          territory,
          m.redacted
            ? hidden
            : m.purchasesKopecks === null
              ? 'noData'
              : rub(m.purchasesKopecks, money),
          output,
          { n: m.contractsOnPlatform, fmt: integer },
          m.redacted ? hidden : rub(m.suppliedOnPlatformKopecks, money),
          { n: m.contractsDeclared, fmt: integer },
          m.redacted ? hidden : rub(m.valueDeclaredKopecks, money),
        ];
      }),
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
${x.notCounted ? `<p>${esc(x.notCounted)}</p>\n` : ''}<p>${esc(x.transactions)}</p>
${table([say(lang, 'member'), say(lang, 'territory'), say(lang, 'purchases'), say(lang, 'output'), say(lang, 'contractsCol')], x.members)}
${x.hiddenNote && `<p>${esc(x.hiddenNote)}</p>`}
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
  if (x.notCounted) doc.moveDown(0.3).text(x.notCounted);
  doc.moveDown(0.3).text(x.transactions);
  doc.moveDown(0.3);
  const five = [0.28, 0.2, 0.14, 0.16, 0.22];
  draw.row(
    doc,
    [
      say(lang, 'member'),
      say(lang, 'territory'),
      say(lang, 'purchases'),
      say(lang, 'output'),
      say(lang, 'contractsCol'),
    ].map((text, i) => ({ text, width: width * (five[i] ?? 0), bold: true })),
  );
  for (const m of x.members)
    draw.row(
      doc,
      m.map((text, i) => ({ text, width: width * (five[i] ?? 0) })),
    );
  if (x.hiddenNote) doc.moveDown(0.3).font('Sans').text(x.hiddenNote);
  doc.moveDown(0.3).font('Sans').fontSize(7.5).text(x.reading).fontSize(9.5);
}
