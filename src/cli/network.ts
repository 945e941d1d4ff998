// `digicluster network FILE [--json] [--threads N]`: the ecosystem network's metrics for a
// graph in the engine's format ({ nodes: [{ id }], edges: [{ source, target, weight? }] },
// undirected), with networkx's conventions (src/assessment/engine/network.ts). No database.
// Exit 2 on bad arguments or input, 1 when a power iteration does not converge.
import { readFileSync } from 'node:fs';
import {
  NetworkConvergenceError,
  NetworkInputError,
  type NetworkMetrics,
} from '../assessment/engine/network.ts';
import { networkMetricsParallel } from '../assessment/network-worker.ts';
import { wholeNumber } from './args.ts';

const USAGE = 'usage: digicluster network FILE [--json] [--threads N]';

function summary(r: NetworkMetrics): string {
  const communities = new Set(r.nodes.map((n) => n.community)).size;
  const top = [...r.nodes].sort((a, b) => b.pagerank - a.pagerank).slice(0, 10);
  const f = (x: number) => x.toFixed(4);
  return [
    `nodes        ${r.nodes.length}`,
    `density      ${f(r.density)}`,
    `communities  ${communities} (modularity ${f(r.modularity)})`,
    '',
    'top by PageRank   pagerank  betweenness  closeness  eigenvector  degree  community',
    ...top.map(
      (n) =>
        `${n.id.slice(0, 16).padEnd(16)}  ${f(n.pagerank).padStart(8)}  ${f(n.betweenness).padStart(11)}  ${f(n.closeness).padStart(9)}  ${f(n.eigenvector).padStart(11)}  ${f(n.degree).padStart(6)}  ${String(n.community).padStart(9)}`,
    ),
  ].join('\n');
}

export async function runNetwork(args: string[]): Promise<number> {
  let file: string | undefined;
  let json = false;
  let threads: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') json = true;
    else if (a === '--threads') {
      threads = wholeNumber(args[++i]);
      if (!Number.isInteger(threads) || threads < 1) {
        process.stderr.write(`digicluster network: --threads needs a whole number ≥ 1\n${USAGE}\n`);
        return 2;
      }
    } else if (a.startsWith('-')) {
      process.stderr.write(`digicluster network: unknown option ${a}\n${USAGE}\n`);
      return 2;
    } else if (file === undefined) file = a;
    else {
      process.stderr.write(`digicluster network: unexpected argument "${a}"\n${USAGE}\n`);
      return 2;
    }
  }
  if (file === undefined) {
    process.stderr.write(`digicluster network: missing FILE\n${USAGE}\n`);
    return 2;
  }
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const what =
      e instanceof SyntaxError ? `${file} is not JSON: ${e.message}` : (e as Error).message;
    process.stderr.write(`digicluster network: ${what}\n`);
    return 2;
  }
  let result: NetworkMetrics;
  try {
    result = await networkMetricsParallel(input, threads === undefined ? {} : { threads });
  } catch (e) {
    if (e instanceof NetworkInputError) {
      process.stderr.write(`digicluster network: bad input: ${e.message}\n`);
      return 2;
    }
    if (e instanceof NetworkConvergenceError) {
      process.stderr.write(`digicluster network: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  process.stdout.write(`${json ? JSON.stringify(result) : summary(result)}\n`);
  return 0;
}
