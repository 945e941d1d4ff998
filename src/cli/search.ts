// `digicluster search QUERY [--json] [--type asset|profile|project] [--limit N] [--public]`:
// the knowledge search over the configured database, best first. It reads as the platform
// (every record), or with --public as a visitor without login would.
import { wholeNumber } from './args.ts';

const USAGE =
  'usage: digicluster search QUERY [--json] [--type asset|profile|project] [--limit N] [--public]';

class UsageError extends Error {}

function parseArgs(args: string[]) {
  const words: string[] = [];
  let json = false;
  let publicView = false;
  let type: string | undefined;
  let limit = 20;
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    const [flag, inline] = a.startsWith('--') ? a.split('=', 2) : [a, undefined];
    const value = () => {
      const v = inline ?? args[++k];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--json') json = true;
    else if (flag === '--public') publicView = true;
    else if (flag === '--type') {
      type = value();
      if (!['asset', 'profile', 'project'].includes(type))
        throw new UsageError(`--type must be asset, profile or project, got "${type}"`);
    } else if (flag === '--limit') {
      limit = wholeNumber(value());
      if (!Number.isInteger(limit) || limit < 1 || limit > 100)
        throw new UsageError('--limit must be a whole number from 1 to 100');
    } else if (flag.startsWith('-')) throw new UsageError(`unknown option ${flag}`);
    else words.push(a);
  }
  if (!words.length) throw new UsageError('missing QUERY');
  return { query: words.join(' '), json, publicView, type, limit };
}

export async function runSearch(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(args);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`digicluster search: ${e.message}\n${USAGE}\n`);
    return 2;
  }
  const [{ loadConfig }, { openPlatform }, { anonymousActor, systemActor }] = await Promise.all([
    import('../config.ts'),
    import('../platform.ts'),
    import('../model/index.ts'),
  ]);
  const platform = await openPlatform(loadConfig());
  try {
    const { results, total } = await platform.knowledge.search(
      parsed.publicView ? anonymousActor : systemActor,
      { q: parsed.query, type: parsed.type, limit: parsed.limit },
    );
    if (parsed.json) {
      const out = results.map((r) => ({ type: r.type, id: r.id, title: r.title, score: r.score }));
      process.stdout.write(`${JSON.stringify({ results: out, total })}\n`);
    } else if (!results.length) process.stdout.write('nothing found\n');
    else {
      for (const r of results)
        process.stdout.write(
          `${r.score.toFixed(3).padStart(8)}  ${r.type.padEnd(7)}  ${r.id}  ${r.title}\n`,
        );
      if (total > results.length)
        process.stdout.write(`${results.length} of ${total} shown (--limit for more)\n`);
    }
    return 0;
  } finally {
    await platform.close();
  }
}
