import { loadConfig } from '../config.ts';
import { demoLogins, isEmpty, seedExample } from '../example/seed.ts';
import { startMqtt } from '../machines/index.ts';
import { openPlatform } from '../platform.ts';
import { buildServer } from '../server/app.ts';
import { applyServerTimeouts } from '../server/timeouts.ts';

export async function serve(): Promise<number> {
  const config = loadConfig();
  const platform = await openPlatform(config);
  if (config.seedExample && (await isEmpty(platform))) {
    const n = await seedExample(platform, { plan: true });
    console.log(
      `Seeded the Kuzbass example: ${n.organisations} organisations, ${n.sites} sites, ${n.users} users, ${n.listings} listings.`,
    );
  }
  const app = await buildServer(platform, {
    logLevel: config.logLevel,
    secureCookie: config.cookieSecure,
    trustProxy: config.trustProxy,
  });
  applyServerTimeouts(app.server);
  await app.listen({ port: config.port, host: config.host });
  // Modules' reactions to each other's events: caught up now, then after every commit here
  // and within a poll interval of a commit by another process (the CLI).
  await platform.startSubscriptions({
    log: (e) => app.log[e.level]({ subscriber: e.subscriber, seq: e.seq, err: e.error }, e.message),
  });
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${host}:${(app.server.address() as { port: number }).port}/`;
  console.log(
    `digicluster is serving ${url} (database: ${platform.store.dialect === 'sqlite' ? config.sqliteFile : 'PostgreSQL'})`,
  );
  console.log(`API docs: ${url}api/docs`);
  const mqtt = await startMqtt(platform.machines, config, (level, message, err) =>
    app.log[level]({ err }, message),
  );
  // "no data for N minutes" alarms: checked every minute on the real clock
  const stopAlarmChecks = platform.alarms.startSilenceChecks();
  // votes close at their time even when nobody looks at governance: the result is published then
  const closeVotes = setInterval(() => {
    platform.governance
      .closeDue()
      .catch((err) => app.log.error({ err }, 'closing the votes due failed'));
  }, 30_000);
  closeVotes.unref();
  if (mqtt.port !== null)
    console.log(`MQTT broker for devices: mqtt://${config.mqttHost}:${mqtt.port}`);
  if (mqtt.external)
    console.log(
      `Taking telemetry from the MQTT broker at ${config.mqttUrl?.replace(/\/\/[^@/]*@/, '//')}`,
    );
  if (config.seedExample) {
    console.log('Demo logins:');
    for (const l of demoLogins())
      console.log(`  ${l.email.padEnd(40)} ${l.password.padEnd(26)} ${l.role} (${l.organisation})`);
  }
  const stop = async () => {
    stopAlarmChecks();
    clearInterval(closeVotes);
    await mqtt.close();
    await app.close();
    await platform.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => {});
}
