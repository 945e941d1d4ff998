// `digicluster assess [FILE] [--json] [--as-of DATE] [--months N] [--lang ru|en]`: places a
// cluster on the paper's scale (territorial cluster → digital cluster → business ecosystem).
// With FILE, the snapshot in it (no database: only the engine and node:fs); without, the
// snapshot the configured database's own data make. The window defaults to the last 12 months
// (DEFAULT_WINDOW_MONTHS), as on the web page and in the report, and is printed with the
// result; the characteristics and forms by name in the language chosen. Exit 2 on bad
// arguments or input.
import { readFileSync } from 'node:fs';
import {
  type Assessment,
  assess,
  formWords,
  paperRows,
  parseSnapshot,
  SnapshotError,
} from '../assessment/engine/index.ts';
import { wholeNumber } from './args.ts';

const USAGE =
  'usage: digicluster assess [FILE] [--json] [--as-of YYYY-MM-DD] [--months N] [--lang ru|en]';

type Lang = 'ru' | 'en';
const heading = {
  ru: (a: Assessment) =>
    `на ${a.asOf}, окно ${a.windowMonths} мес.${a.from ? ` (с ${a.from})` : ' (всё до этой даты)'}`,
  en: (a: Assessment) =>
    `as of ${a.asOf}, window ${a.windowMonths} months${a.from ? ` (from ${a.from})` : ' (everything up to it)'}`,
};
const overallWord = { ru: 'В целом', en: 'Overall' };
const score = (x: number | null, lang: Lang) =>
  x === null ? '—' : lang === 'ru' ? String(x).replace('.', ',') : String(x);

export function summary(a: Assessment, lang: Lang = 'ru'): string {
  const lines = [heading[lang](a)];
  for (const c of a.characteristics)
    lines.push(
      `${paperRows[c.id].title[lang].padEnd(44)} ${formWords[c.form][lang].padEnd(24)} ${score(c.score, lang)}`,
    );
  lines.push(
    `${overallWord[lang].padEnd(44)} ${formWords[a.overall.form][lang].padEnd(24)} ${score(a.overall.score, lang)}`,
  );
  return lines.join('\n');
}

function fail(what: string): number {
  process.stderr.write(`digicluster assess: ${what}\n${USAGE}\n`);
  return 2;
}

export async function runAssess(args: string[]): Promise<number> {
  let file: string | undefined;
  let json = false;
  let asOf: string | undefined;
  let months: number | undefined;
  let lang: Lang = 'ru';
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--json') json = true;
    else if (a === '--as-of') {
      asOf = args[++i];
      if (!asOf || !/^\d{4}-\d{2}-\d{2}$/.test(asOf))
        return fail('--as-of needs a date YYYY-MM-DD');
    } else if (a === '--months') {
      months = wholeNumber(args[++i]);
      if (!Number.isInteger(months) || months < 1) return fail('--months needs a whole number ≥ 1');
    } else if (a === '--lang') {
      const value = args[++i];
      if (value !== 'ru' && value !== 'en') return fail('--lang must be ru or en');
      lang = value;
    } else if (a.startsWith('-')) return fail(`unknown option ${a}`);
    else if (file === undefined) file = a;
    else return fail(`unexpected argument "${a}"`);
  }
  if (file === undefined) {
    const [{ loadConfig }, { openPlatform }, { systemActor }] = await Promise.all([
      import('../config.ts'),
      import('../platform.ts'),
      import('../model/index.ts'),
    ]);
    const platform = await openPlatform(loadConfig());
    try {
      const result = await platform.assessment.placement(systemActor, { asOf, months });
      process.stdout.write(`${json ? JSON.stringify(result) : summary(result, lang)}\n`);
      return 0;
    } finally {
      await platform.close();
    }
  }
  let result: Assessment;
  try {
    result = assess(parseSnapshot(JSON.parse(readFileSync(file, 'utf8'))), {
      asOf,
      windowMonths: months,
    });
  } catch (e) {
    const what =
      e instanceof SnapshotError
        ? `bad input: ${e.message}`
        : e instanceof SyntaxError
          ? `${file} is not JSON: ${e.message}`
          : (e as Error).message;
    process.stderr.write(`digicluster assess: ${what}\n`);
    return 2;
  }
  process.stdout.write(`${json ? JSON.stringify(result) : summary(result, lang)}\n`);
  return 0;
}
