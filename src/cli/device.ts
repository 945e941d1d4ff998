// `digicluster device …`: register devices, rotate their tokens, list them, and write the
// Mosquitto password and ACL files for an external broker. Writes act as the system actor.
import { writeFileSync } from 'node:fs';
import { loadConfig } from '../config.ts';
import { deviceProfiles } from '../machines/index.ts';
import { DomainError, systemActor } from '../model/index.ts';
import { openPlatform } from '../platform.ts';

class UsageError extends Error {}

function flags(args: string[], withValue: string[], bare: string[]) {
  const out = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (withValue.includes(a)) {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      out.set(a, v);
    } else if (bare.includes(a)) out.set(a, true);
    else if (a.startsWith('--')) throw new UsageError(`unexpected argument "${a}"`);
    else positional.push(a);
  }
  return { out, positional };
}

const usage = `Usage:
  digicluster device add --organisation ORG --site SITE --profile PROFILE [--name NAME] [--json]
  digicluster device rotate DEVICE [--json]
  digicluster device list [--organisation ORG] [--json]
  digicluster device acl --password-file FILE --acl-file FILE [--platform-user USER --platform-password PASSWORD]
Profiles: ${deviceProfiles.map((p) => p.id).join(', ')}`;

/** One line for a domain error: its message and the fields it names. */
function line(e: DomainError): string {
  const fields = e.fields.map((f) => `${f.field}: ${f.message.text('en')}`).join('; ');
  return fields ? `${e.message} (${fields})` : e.message;
}

export async function device(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  let parsed: ReturnType<typeof flags>;
  try {
    if (sub === 'add')
      parsed = flags(rest, ['--organisation', '--site', '--profile', '--name'], ['--json']);
    else if (sub === 'rotate') parsed = flags(rest, [], ['--json']);
    else if (sub === 'list') parsed = flags(rest, ['--organisation'], ['--json']);
    else if (sub === 'acl')
      parsed = flags(
        rest,
        ['--password-file', '--acl-file', '--platform-user', '--platform-password'],
        [],
      );
    else throw new UsageError(sub ? `unknown subcommand "${sub}"` : 'a subcommand is needed');
    const need = (...names: string[]) => {
      for (const n of names) if (!parsed.out.has(n)) throw new UsageError(`${n} is required`);
    };
    if (sub === 'add') need('--organisation', '--site', '--profile');
    if (sub === 'acl') need('--password-file', '--acl-file');
    if (sub === 'rotate' && parsed.positional.length !== 1)
      throw new UsageError('give the device id');
    if (sub !== 'rotate' && parsed.positional.length)
      throw new UsageError(`unexpected argument "${parsed.positional[0]}"`);
    if (parsed.out.has('--platform-user') !== parsed.out.has('--platform-password'))
      throw new UsageError('--platform-user goes with --platform-password');
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`digicluster device: ${e.message}\n${usage}`);
    return 2;
  }
  const f = (n: string) => parsed.out.get(n) as string | undefined;
  const json = parsed.out.has('--json');
  const config = loadConfig();
  const platform = await openPlatform(config);
  try {
    const { machines } = platform;
    if (sub === 'add' || sub === 'rotate') {
      const d =
        sub === 'add'
          ? await machines.createDevice(systemActor, {
              organisationId: f('--organisation'),
              siteId: f('--site'),
              profileId: f('--profile'),
              ...(f('--name') ? { name: f('--name') } : {}),
            })
          : await machines.rotateToken(systemActor, parsed.positional[0]);
      if (json) console.log(JSON.stringify({ id: d.id, token: d.token }));
      else
        console.log(
          `device ${d.id} (${d.profileId} at ${d.siteId})\ntoken (shown once): ${d.token}`,
        );
      return 0;
    }
    if (sub === 'list') {
      const list = await machines.listDevices(systemActor, f('--organisation'));
      if (json) console.log(JSON.stringify(list));
      else
        for (const d of list)
          console.log(`${d.id}\t${d.organisationId}\t${d.siteId}\t${d.profileId}\t${d.name ?? ''}`);
      return 0;
    }
    const user = f('--platform-user');
    const files = await machines.brokerFiles(
      user ? { name: user, password: f('--platform-password') ?? '' } : undefined,
    );
    writeFileSync(f('--password-file') as string, files.passwd, { mode: 0o600 });
    writeFileSync(f('--acl-file') as string, files.acl, { mode: 0o644 });
    console.log(
      `wrote ${files.devices} device(s) to ${f('--password-file')} and the ACL to ${f('--acl-file')}`,
    );
    return 0;
  } catch (e) {
    if (e instanceof DomainError) {
      console.error(`digicluster device ${sub}: ${line(e)}`);
      return 1;
    }
    throw e;
  } finally {
    await platform.close();
  }
}
