// `digicluster report --format html|pdf --out FILE [--lang ru|en]`: the assessment report for the
// regional ministry (placement with evidence, trajectory, network, sustainability, readiness,
// territorial baseline) from the configured database. The PDF needs no browser.
import { writeFileSync } from 'node:fs';

const USAGE = 'usage: digicluster report --format html|pdf --out FILE [--lang ru|en]';

function fail(what: string): number {
  process.stderr.write(`digicluster report: ${what}\n${USAGE}\n`);
  return 2;
}

export async function runReport(args: string[]): Promise<number> {
  let format: string | undefined;
  let out: string | undefined;
  let lang = 'ru';
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const value = () => args[++i];
    if (a === '--format') format = value();
    else if (a === '--out') out = value();
    else if (a === '--lang') lang = value() ?? '';
    else return fail(`unknown argument ${a}`);
  }
  if (format !== 'html' && format !== 'pdf') return fail('--format must be html or pdf');
  if (!out) return fail('--out FILE is required');
  if (lang !== 'ru' && lang !== 'en') return fail('--lang must be ru or en');
  const [{ loadConfig }, { openPlatform }, report] = await Promise.all([
    import('../config.ts'),
    import('../platform.ts'),
    import('../assessment/index.ts'),
  ]);
  const platform = await openPlatform(loadConfig());
  try {
    const model = await report.reportModel(platform.assessment);
    const body =
      format === 'pdf' ? await report.reportPdf(model, lang) : report.reportHtml(model, lang);
    writeFileSync(out, body);
  } finally {
    await platform.close();
  }
  return 0;
}
