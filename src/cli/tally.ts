// `digicluster tally FILE [--json]`: counts a vote in the governance engine's format.
// Imports only the engine and node:fs; exit 2 on bad arguments or input, 0 with any result.
import { readFileSync } from 'node:fs';
import { TallyInputError, type TallyResult, tally } from '../governance/engine/index.ts';

const USAGE = 'usage: digicluster tally FILE [--json]';

function summary(r: TallyResult): string {
  const lines = [`status   ${r.status}`];
  if (r.winner !== undefined) lines.push(`winner   ${r.winner}`);
  lines.push(`turnout  ${Math.round(r.turnout * 100)}%`);
  (r.rounds ?? []).forEach((round, i) => {
    const counts = Object.entries(round.counts)
      .map(([c, n]) => `${c} ${Number(n.toFixed(6))}`)
      .join(', ');
    lines.push(
      `round ${i + 1}  ${counts}${round.eliminated !== undefined ? `; eliminated ${round.eliminated}` : ''}`,
    );
  });
  return lines.join('\n');
}

export async function runTally(args: string[]): Promise<number> {
  let file: string | undefined;
  let json = false;
  for (const a of args) {
    if (a === '--json') json = true;
    else if (a.startsWith('-')) {
      process.stderr.write(`digicluster tally: unknown option ${a}\n${USAGE}\n`);
      return 2;
    } else if (file === undefined) file = a;
    else {
      process.stderr.write(`digicluster tally: unexpected argument "${a}"\n${USAGE}\n`);
      return 2;
    }
  }
  if (file === undefined) {
    process.stderr.write(`digicluster tally: missing FILE\n${USAGE}\n`);
    return 2;
  }
  let result: TallyResult;
  try {
    result = tally(JSON.parse(readFileSync(file, 'utf8')));
  } catch (e) {
    const what =
      e instanceof TallyInputError
        ? `bad input: ${e.message}`
        : e instanceof SyntaxError
          ? `${file} is not JSON: ${e.message}`
          : (e as Error).message;
    process.stderr.write(`digicluster tally: ${what}\n`);
    return 2;
  }
  process.stdout.write(`${json ? JSON.stringify(result) : summary(result)}\n`);
  return 0;
}
