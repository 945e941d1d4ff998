// `digicluster decree-779 [--year YYYY] [--json]`: the status check against Government Decree 779
// over the configured database's data (as the operator sees it: every member's evidence).
// --json prints the API's body. Exit 2 on bad arguments.
import { wholeNumber } from './args.ts';

const USAGE = 'usage: digicluster decree-779 [--year YYYY] [--json]';

function fail(what: string): number {
  process.stderr.write(`digicluster decree-779: ${what}\n${USAGE}\n`);
  return 2;
}

export async function runDecree779(args: string[]): Promise<number> {
  let json = false;
  let year: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--json') json = true;
    else if (a === '--year') {
      year = wholeNumber(args[++i]);
      if (!Number.isInteger(year) || year < 2000 || year > 2100)
        return fail('--year needs a year from 2000 to 2100');
    } else return fail(`unexpected argument "${a}"`);
  }
  const [{ loadConfig }, { openPlatform }, { systemActor }] = await Promise.all([
    import('../config.ts'),
    import('../platform.ts'),
    import('../model/index.ts'),
  ]);
  const platform = await openPlatform(loadConfig());
  try {
    const r = await platform.assessment.decree779.check(systemActor, { year });
    if (json) process.stdout.write(`${JSON.stringify(r)}\n`);
    else {
      const lines = [`Decree 779, ${r.year}: compliant ${r.compliant ?? 'no data'}`];
      for (const c of r.checks)
        lines.push(
          `${c.id.padEnd(24)} ${String(c.passed ?? 'no data').padEnd(8)} ${c.evidence.en}`,
        );
      if (r.notCounted.length)
        lines.push(
          `not counted as participants: ${r.notCounted
            .map(
              (o) =>
                `${o.nameEn ?? o.name} (${o.as === 'government' ? 'a government body' : 'the specialised organisation, the platform operator'})`,
            )
            .join('; ')}`,
        );
      process.stdout.write(`${lines.join('\n')}\n`);
    }
    return 0;
  } finally {
    await platform.close();
  }
}
