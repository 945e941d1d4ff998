import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';

/** Every environment variable the platform reads, parsed once at boot (`digicluster --help` prints this list). */
export const environment = [
  ['PORT', 'HTTP port', '8080'],
  ['HOST', 'HTTP interface to listen on', '127.0.0.1'],
  ['DATA_DIR', 'data directory (holds the SQLite file)', './data'],
  [
    'DATABASE_URL',
    'PostgreSQL URL (postgres://...); when unset the embedded SQLite file is used',
    '(unset)',
  ],
  ['SQLITE_FILE', 'SQLite file path', '$DATA_DIR/digicluster.db'],
  [
    'JOURNAL_KEY_FILE',
    'Ed25519 private key (PEM) that signs journal checkpoints; kept outside the database, created 0600 on first use',
    '$DATA_DIR/journal-ed25519.pem',
  ],
  ['SESSION_TTL_HOURS', 'how long a login session lasts', '12'],
  [
    'SEED_EXAMPLE',
    'seed the Kuzbass example cluster into an empty database on start (true/false)',
    'true',
  ],
  ['COOKIE_SECURE', 'mark the session cookie Secure (true behind HTTPS)', 'false'],
  [
    'TRUST_PROXY',
    'trust X-Forwarded-For from a load balancer (true/false), for the login limiter',
    'false',
  ],
  ['LOG_LEVEL', 'fastify log level (fatal, error, warn, info, debug, silent)', 'warn'],
  [
    'JOURNAL_POLL_MS',
    'how often journal subscribers look for events written by other processes (ms)',
    '500',
  ],
  [
    'WORKER_THREADS',
    "threads for heavy work (plans); 0 computes in the request's thread",
    'half the cores, at least 1',
  ],
  ['HEAVY_PER_USER', 'heavy requests one user or API key may run at once (beyond: 429)', '2'],
  [
    'HEAVY_MAX_SECONDS',
    'the most wall-clock seconds a heavy request may take, whatever it asks',
    '120',
  ],
  ['MQTT_EMBEDDED', 'run the embedded MQTT broker for device telemetry (true/false)', 'true'],
  ['MQTT_HOST', "the embedded MQTT broker's interface", '127.0.0.1'],
  ['MQTT_PORT', "the embedded MQTT broker's port (0: any free port)", '1884'],
  [
    'MQTT_URL',
    'an external broker (mqtt://user:password@host:1883) to take telemetry from, by an MQTT 5 shared subscription',
    '(unset)',
  ],
  [
    'MQTT_SHARE_GROUP',
    'the shared-subscription group the server processes split telemetry in',
    'digicluster',
  ],
  [
    'MQTT_CLIENT_ID',
    "this process's client id at the external broker (its session keeps messages while down; unique per process)",
    'digicluster-<host name>',
  ],
] as const;

const Config = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(8080),
  host: z.string().default('127.0.0.1'),
  dataDir: z.string().default('./data'),
  databaseUrl: z.string().optional(),
  sqliteFile: z.string().optional(),
  journalKeyFile: z.string().optional(),
  sessionTtlHours: z.coerce.number().positive().default(12),
  seedExample: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  cookieSecure: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  trustProxy: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  journalPollMs: z.coerce.number().int().min(10).max(1000).default(500),
  // heavy work (src/work): unset, its own defaults apply
  workerThreads: z.coerce.number().int().min(0).max(64).optional(),
  heavyPerActor: z.coerce.number().int().min(1).max(100).optional(),
  heavyMaxSeconds: z.coerce.number().positive().max(3600).optional(),
  // machines: device telemetry over MQTT
  mqttEmbedded: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  mqttHost: z.string().default('127.0.0.1'),
  mqttPort: z.coerce.number().int().min(0).max(65535).default(1884),
  mqttUrl: z
    .string()
    .regex(/^(mqtts?|tcp|ssl|wss?):\/\//)
    .optional(),
  mqttShareGroup: z
    .string()
    .regex(/^[^/+#]+$/)
    .default('digicluster'),
  mqttClientId: z.string().min(1).max(200).default(`digicluster-${hostname()}`),
});
export type Config = z.infer<typeof Config> & { sqliteFile: string; journalKeyFile: string };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blank = (v: string | undefined) => (v === '' ? undefined : v);
  const parsed = Config.safeParse({
    port: blank(env.PORT),
    host: blank(env.HOST),
    dataDir: blank(env.DATA_DIR),
    databaseUrl: blank(env.DATABASE_URL),
    sqliteFile: blank(env.SQLITE_FILE),
    journalKeyFile: blank(env.JOURNAL_KEY_FILE),
    sessionTtlHours: blank(env.SESSION_TTL_HOURS),
    seedExample: blank(env.SEED_EXAMPLE),
    cookieSecure: blank(env.COOKIE_SECURE),
    trustProxy: blank(env.TRUST_PROXY),
    logLevel: blank(env.LOG_LEVEL),
    journalPollMs: blank(env.JOURNAL_POLL_MS),
    workerThreads: blank(env.WORKER_THREADS),
    heavyPerActor: blank(env.HEAVY_PER_USER),
    heavyMaxSeconds: blank(env.HEAVY_MAX_SECONDS),
    mqttEmbedded: blank(env.MQTT_EMBEDDED),
    mqttHost: blank(env.MQTT_HOST),
    mqttPort: blank(env.MQTT_PORT),
    mqttUrl: blank(env.MQTT_URL),
    mqttShareGroup: blank(env.MQTT_SHARE_GROUP),
    mqttClientId: blank(env.MQTT_CLIENT_ID),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`configuration: ${issue.path.join('.')}: ${issue.message}`);
  }
  const c = parsed.data;
  return {
    ...c,
    sqliteFile: c.sqliteFile ?? resolve(c.dataDir, 'digicluster.db'),
    journalKeyFile: c.journalKeyFile ?? resolve(c.dataDir, 'journal-ed25519.pem'),
  };
}
