// What the machines tests share: whether Mosquitto can be used (skipped with its reason
// outside CI, a failure under CI=true, as PostgreSQL is), and small MQTT helpers.
import { execFileSync } from 'node:child_process';
import { connect } from 'node:net';
import { onCI } from '../ci.ts';

export const MOSQUITTO_URL = process.env.TEST_MQTT_URL ?? 'mqtt://127.0.0.1:1883';

function reachable(url: string): Promise<string | null> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: u.hostname, port: Number(u.port || 1883) });
    const done = (reason: string | null) => {
      socket.destroy();
      resolve(reason);
    };
    socket.setTimeout(3000, () => done('timed out'));
    socket.once('connect', () => done(null));
    socket.once('error', (e) => done(e.message));
  });
}

const which = (name: string): string | null => {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
};

/** Why the Mosquitto at MOSQUITTO_URL cannot be used, or null; under CI its absence throws. */
export async function mosquittoServerUnavailable(): Promise<string | null> {
  const why = await reachable(MOSQUITTO_URL);
  const reason = why && `Mosquitto at ${MOSQUITTO_URL} is not reachable (${why})`;
  if (reason && onCI()) throw new Error(`${reason}; CI needs it for the MQTT suite`);
  return reason;
}

/** The mosquitto and mosquitto_passwd binaries, or why not; under CI their absence throws. */
export function mosquittoBinaries(): { mosquitto: string; passwd: string } | string {
  const mosquitto = which('mosquitto') ?? (which('/usr/sbin/mosquitto') && '/usr/sbin/mosquitto');
  const passwd = which('mosquitto_passwd');
  if (mosquitto && passwd) return { mosquitto, passwd };
  const reason = 'the mosquitto and mosquitto_passwd programs are not installed';
  if (onCI()) throw new Error(`${reason}; CI needs them for the ACL test`);
  return reason;
}

/** Polls `check` until it holds or `ms` pass. */
export async function eventually(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}
