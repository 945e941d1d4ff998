// `digicluster impact [--level L] [--json]`: the impact ledger in the configured database, as
// the operator sees it; `--json` prints the body of `GET /api/v1/impact` and nothing else.
const USAGE = 'usage: digicluster impact [--level identified|contracted|delivered] [--json]';
const LEVELS = ['identified', 'contracted', 'delivered'];

class UsageError extends Error {}

function parseArgs(args: string[]) {
  let json = false;
  let level: string | undefined;
  for (let k = 0; k < args.length; k++) {
    const [flag, inline] = args[k].split('=', 2);
    if (flag === '--json') json = true;
    else if (flag === '--level') {
      level = inline ?? args[++k];
      if (!level) throw new UsageError('--level needs a value');
      if (!LEVELS.includes(level))
        throw new UsageError(`--level must be one of ${LEVELS.join(', ')}`);
    } else throw new UsageError(`unknown argument ${args[k]}`);
  }
  return { json, level };
}

const t = (x: number) => x.toFixed(1);
const rub = (k: number) => (k / 100).toFixed(0);

export async function runImpact(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(args);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`digicluster impact: ${e.message}\n${USAGE}\n`);
    return 2;
  }
  const [{ loadConfig }, { openPlatform }, { systemActor }] = await Promise.all([
    import('../config.ts'),
    import('../platform.ts'),
    import('../model/index.ts'),
  ]);
  const platform = await openPlatform(loadConfig());
  try {
    const body = await platform.deals.impact(
      systemActor,
      parsed.level ? { level: parsed.level } : {},
    );
    if (parsed.json) {
      process.stdout.write(`${JSON.stringify(body)}\n`);
      return 0;
    }
    for (const l of body.levels) {
      const c = l.cluster;
      process.stdout.write(
        `${l.level.padEnd(11)} ${String(l.records).padStart(4)} records  ${t(c.divertedT)} t diverted  ${t(c.netCo2eT)} t CO2e net (avoided ${t(c.co2eAvoidedT)}, transport ${t(c.transportCo2eT)})  ${rub(c.netBenefitKopecks)} RUB net benefit\n`,
      );
      for (const m of l.months)
        process.stdout.write(
          `  ${m.month}  ${t(m.cluster.divertedT)} t  ${t(m.cluster.netCo2eT)} t CO2e  ${rub(m.cluster.netBenefitKopecks)} RUB\n`,
        );
    }
    process.stdout.write(
      `\n${body.formula.en}\n${body.attributionRule.en}\n${body.distanceRule.en}\n`,
    );
    return 0;
  } finally {
    await platform.close();
  }
}
