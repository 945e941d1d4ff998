// `digicluster deals [--state S] [--json]`: the deals in the configured database, as the
// operator sees them; `--json` prints the body of `GET /api/v1/deals` and nothing else.
const USAGE = 'usage: digicluster deals [--state S] [--json]';

class UsageError extends Error {}

function parseArgs(args: string[]) {
  let json = false;
  let state: string | undefined;
  for (let k = 0; k < args.length; k++) {
    const [flag, inline] = args[k].split('=', 2);
    if (flag === '--json') json = true;
    else if (flag === '--state') {
      state = inline ?? args[++k];
      if (!state) throw new UsageError('--state needs a value');
    } else throw new UsageError(`unknown argument ${args[k]}`);
  }
  return { json, state };
}

export async function runDeals(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(args);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`digicluster deals: ${e.message}\n${USAGE}\n`);
    return 2;
  }
  const [{ loadConfig }, { openPlatform }, { systemActor }, { DealState }] = await Promise.all([
    import('../config.ts'),
    import('../platform.ts'),
    import('../model/index.ts'),
    import('../deals/index.ts'),
  ]);
  const state = parsed.state === undefined ? undefined : DealState.safeParse(parsed.state);
  if (state && !state.success) {
    process.stderr.write(
      `digicluster deals: --state must be one of ${DealState.options.join(', ')}\n${USAGE}\n`,
    );
    return 2;
  }
  const platform = await openPlatform(loadConfig());
  try {
    const body = await platform.deals.listDeals(systemActor, { state: state?.data });
    if (parsed.json) process.stdout.write(`${JSON.stringify(body)}\n`);
    else if (!body.items.length) process.stdout.write('no deals\n');
    else
      for (const d of body.items)
        process.stdout.write(
          `${d.id}  ${d.state.padEnd(10)}  ${(d.turn ?? '—').padEnd(8)}  ${d.providerId} → ${d.consumerId}  ${d.material}  ${d.quantity} ${d.unit}  ${(d.priceKopecksPerUnit / 100).toFixed(2)} ₽/${d.unit}\n`,
        );
    return 0;
  } finally {
    await platform.close();
  }
}
