// Read speed: the directory and listing reads of the real server beside a bare node:http
// server answering a small fixed JSON body, measured in the same run on the same machine.
// The real server is the CLI's `serve` (a child process, the Kuzbass example seeded into a
// fresh SQLite file); the bare server is another child; autocannon drives one at a time
// from this process, with a warm-up before each measured run. Each process's CPU time per
// request is printed too: on a shared machine it moves less than requests per second, and
// it shows when the client, not the server, is what limits a run.
// Usage: node --import tsx bench/reads.ts [--duration S] [--connections N] [--warmup S]
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { demoLogins } from '../src/example/seed.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const DURATION = arg('duration', 8);
const WARMUP = arg('warmup', 2);
const CONNECTIONS = arg('connections', 50);

const children: ChildProcess[] = [];
const dir = mkdtempSync(join(tmpdir(), 'digicluster-bench-reads-'));
const cleanUp = () => {
  for (const c of children) c.kill();
  rmSync(dir, { recursive: true, force: true });
};
process.on('exit', cleanUp);

/**
 * CPU seconds a process has used (user + system, all its threads), from /proc: on a
 * machine shared with other work, CPU per request moves much less than requests per second.
 */
function cpuSeconds(pid: number | undefined): number | undefined {
  const file = `/proc/${pid}/stat`;
  if (pid === undefined || !existsSync(file)) return undefined;
  // fields after the command name (which may hold spaces): utime and stime are 14 and 15
  const fields = readFileSync(file, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // in USER_HZ ticks: 100 a second on Linux
}

/** Starts a child and resolves with the URL it prints once it listens. */
function start(args: string[], env: NodeJS.ProcessEnv, listening: RegExp): Promise<string> {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(listening);
      if (m) resolve(m[1].replace(/\/$/, ''));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code}:\n${out}`)));
  });
}

// The peer: as little as node:http can do for a JSON answer.
const bareSource = `
const body = JSON.stringify({ status: 'ok', database: 'sqlite', journalSeq: 1 });
const server = require('node:http').createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => console.log('bare http://127.0.0.1:' + server.address().port));
`;

const bareUrl = await start(['-e', bareSource], process.env, /bare (http:\S+)/);
const barePid = children[0].pid;
const appUrl = await start(
  ['bin/digicluster.js', 'serve'],
  {
    ...process.env,
    PORT: '0',
    MQTT_PORT: '0',
    HOST: '127.0.0.1',
    SQLITE_FILE: join(dir, 'bench.db'),
    DATABASE_URL: '',
    SEED_EXAMPLE: 'true',
    LOG_LEVEL: 'warn',
  },
  /digicluster is serving (http:\S+)/,
);
const appPid = children[1].pid;

// The public web app reads in Russian, anonymously.
const browser = { accept: 'application/json', 'accept-language': 'ru' };

/** The session cookie of an ordinary member of an enterprise (not the operator's people). */
async function memberCookie(): Promise<string> {
  const logins = demoLogins();
  const login =
    logins.find((l) => l.role === 'member' && l.organisation === 'razrez-yuzhny') ?? logins[0];
  const res = await fetch(`${appUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: login.email, password: login.password }),
  });
  if (!res.ok) throw new Error(`login as ${login.email}: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

/** One GET as the target sends it: its status, ETag and body size, to label the row. */
async function probe(url: string, headers: Record<string, string>) {
  const res = await fetch(url, { headers });
  const body = await res.arrayBuffer();
  return { status: res.status, etag: res.headers.get('etag'), bytes: body.byteLength };
}

interface Target {
  name: string;
  url: string;
  headers: Record<string, string>;
  pid?: number;
}
const cookie = await memberCookie();
const targets: Target[] = [
  { name: 'bare node:http', url: `${bareUrl}/`, headers: {}, pid: barePid },
];
for (const path of ['/api/v1/organisations', '/api/v1/listings']) {
  const url = `${appUrl}${path}`;
  targets.push({ name: `GET ${path}`, url, headers: browser });
  const { etag } = await probe(url, browser);
  targets.push(
    etag
      ? { name: `GET ${path} (If-None-Match)`, url, headers: { ...browser, 'if-none-match': etag } }
      : { name: `GET ${path} (If-None-Match: no ETag)`, url, headers: browser },
  );
}
targets.push({
  name: 'GET /api/v1/listings (member)',
  url: `${appUrl}/api/v1/listings`,
  headers: { ...browser, cookie },
});

const rows: string[][] = [
  [
    'target',
    'status',
    'bytes',
    'req/s',
    'p50 ms',
    'p99 ms',
    '× bare',
    'server CPU µs/req',
    'client CPU µs/req',
  ],
];
let bareRate = 0;
for (const t of targets) {
  const first = await probe(t.url, t.headers);
  const options = { url: t.url, headers: t.headers, connections: CONNECTIONS };
  await autocannon({ ...options, duration: WARMUP });
  const pid = t.pid ?? appPid;
  const cpuBefore = cpuSeconds(pid);
  const client = process.cpuUsage();
  const r = await autocannon({ ...options, duration: DURATION });
  const clientCpu = process.cpuUsage(client);
  const cpu = cpuBefore === undefined ? undefined : (cpuSeconds(pid) ?? 0) - cpuBefore;
  if (!bareRate) bareRate = r.requests.average;
  const statuses = Object.entries(r.statusCodeStats)
    .map(([code, s]) => (Object.keys(r.statusCodeStats).length > 1 ? `${code}×${s.count}` : code))
    .join(' ');
  const failures = r.errors + r.timeouts ? ` (${r.errors} errors, ${r.timeouts} timeouts)` : '';
  rows.push([
    t.name,
    statuses + failures,
    String(first.bytes),
    Math.round(r.requests.average).toLocaleString('en-US'),
    String(r.latency.p50),
    String(r.latency.p99),
    (r.requests.average / bareRate).toFixed(3),
    cpu === undefined ? '—' : String(Math.round((cpu * 1e6) / r.requests.total)),
    String(Math.round((clientCpu.user + clientCpu.system) / r.requests.total)),
  ]);
  console.error(`measured ${t.name}: ${Math.round(r.requests.average)} req/s`);
}

const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
console.log(
  `\nReads: ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${DURATION} s each, autocannon in one process, each server in its own (Node ${process.version})`,
);
for (const [i, r] of rows.entries()) {
  console.log(r.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
cleanUp();
process.exit(0);
