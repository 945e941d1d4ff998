import { existsSync, readFileSync } from 'node:fs';
import { type Config, loadConfig } from '../config.ts';
import {
  loadOrCreateSigningKey,
  makeCheckpoint,
  parseCheckpoint,
  publicKeyText,
  readSigningKey,
  readTrustedPublicKey,
  verifyCheckpoint,
  verifyJournal,
  verifyState,
} from '../journal/index.ts';
import { openStore, type Store } from '../store/index.ts';
import { wholeNumber } from './args.ts';

class UsageError extends Error {}

/** A value on one line, cut short: error lines stay one line. */
function show(v: unknown): string {
  const t = v === undefined ? '(absent)' : JSON.stringify(v);
  return t.length > 120 ? `${t.slice(0, 117)}...` : t;
}

/** Whether the configured database exists; says where it was looked for when not. */
function databaseExists(config: Config): boolean {
  if (config.databaseUrl || existsSync(config.sqliteFile)) return true;
  console.error(`no database at ${config.sqliteFile} (set SQLITE_FILE or DATABASE_URL)`);
  return false;
}

/** Opens the database read-only in spirit: no migration runs and no database is created. */
function openExisting(config: Config): Store | null {
  if (!databaseExists(config)) return null;
  return openStore({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile });
}

function parseFlags(
  args: string[],
  withValue: string[],
  bare: string[],
): Map<string, string | true> {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (withValue.includes(a)) {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      flags.set(a, v);
    } else if (bare.includes(a)) flags.set(a, true);
    else throw new UsageError(`unexpected argument "${a}"`);
  }
  return flags;
}

/** `journal verify [--checkpoint FILE [--public-key FILE]] [--state]`. */
export async function journalVerify(args: string[] = []): Promise<number> {
  let flags: Map<string, string | true>;
  try {
    flags = parseFlags(args, ['--checkpoint', '--public-key'], ['--state']);
    if (flags.has('--public-key') && !flags.has('--checkpoint'))
      throw new UsageError('--public-key goes with --checkpoint');
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`digicluster journal verify: ${e.message}`);
    return 2;
  }
  const config = loadConfig();
  const checkpointFile = flags.get('--checkpoint') as string | undefined;
  const publicKeyFile = flags.get('--public-key') as string | undefined;
  // The trusted key: the member's copy of the public key, else the operator's key file. The key
  // inside the checkpoint is never trusted on its own: a forger would sign with his own.
  let trustedKey: string | undefined;
  let checkpoint: ReturnType<typeof parseCheckpoint> | undefined;
  if (checkpointFile) {
    try {
      checkpoint = parseCheckpoint(readFileSync(checkpointFile, 'utf8'));
    } catch (e) {
      console.error(`checkpoint ${checkpointFile}: ${(e as Error).message}`);
      return 1;
    }
    const keyFile = publicKeyFile ?? config.journalKeyFile;
    if (!existsSync(keyFile)) {
      console.error(
        `no trusted key at ${keyFile} (give --public-key FILE or set JOURNAL_KEY_FILE)`,
      );
      return 1;
    }
    trustedKey = readTrustedPublicKey(keyFile);
  }
  const store = openExisting(config);
  if (!store) return 2;
  try {
    const verdict = await verifyJournal(store);
    if (checkpoint && trustedKey) {
      const cp = await verifyCheckpoint(store, checkpoint, trustedKey);
      if (!cp.ok) {
        console.error(
          `checkpoint at event ${checkpoint.seq} (signed ${checkpoint.at}) does not hold: ${cp.reason}`,
        );
        return 1;
      }
    }
    if (!verdict.ok) {
      console.error(`journal broken at event ${verdict.seq}: ${verdict.reason}`);
      return 1;
    }
    if (flags.has('--state')) {
      // every module whose events carry state lists its record kinds (loaded only here)
      const { stateReaders: registry } = await import('../registry/index.ts');
      const { stateReaders: exchange } = await import('../exchange/index.ts');
      const { stateReaders: machines } = await import('../machines/index.ts');
      const { stateReaders: knowledge } = await import('../knowledge/index.ts');
      const { stateReaders: governance } = await import('../governance/index.ts');
      const { stateReaders: assessment } = await import('../assessment/index.ts');
      const { stateReaders: deals } = await import('../deals/index.ts');
      const state = await verifyState(store, [
        ...registry,
        ...exchange,
        ...machines,
        ...knowledge,
        ...governance,
        ...assessment,
        ...deals,
      ]);
      if (state.first) {
        const f = state.first;
        console.error(
          `state differs from the journal: ${f.kind} ${f.id}, field ${f.field}: event ${f.seq} says ${show(f.journal)}, the row has ${show(f.row)} (${state.differences} record(s) differ)`,
        );
        return 1;
      }
      console.log(`journal intact: ${verdict.count} events, head at ${verdict.headSeq}`);
      console.log(
        `state matches the journal: ${state.compared} records compared, ${state.notComparable} not comparable (last changed before events carried state)`,
      );
    } else console.log(`journal intact: ${verdict.count} events, head at ${verdict.headSeq}`);
    if (checkpoint)
      console.log(`checkpoint holds: event ${checkpoint.seq} as signed ${checkpoint.at}`);
    return 0;
  } finally {
    await store.close();
  }
}

/** `journal checkpoint [--json]`: signs the current head; members keep what it prints. */
export async function journalCheckpoint(args: string[] = []): Promise<number> {
  let json = false;
  try {
    json = parseFlags(args, [], ['--json']).has('--json');
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`digicluster journal checkpoint: ${e.message}`);
    return 2;
  }
  const config = loadConfig();
  const store = openExisting(config);
  if (!store) return 2;
  try {
    // the chain must be intact before the operator vouches for its head
    const verdict = await verifyJournal(store);
    if (!verdict.ok) {
      console.error(`journal broken at event ${verdict.seq}: ${verdict.reason}; not signing`);
      return 1;
    }
    const { key, created } = existsSync(config.journalKeyFile)
      ? { key: readSigningKey(config.journalKeyFile), created: false }
      : loadOrCreateSigningKey(config.journalKeyFile);
    const cp = await makeCheckpoint(store, key);
    if (created) console.error(`created the signing key ${config.journalKeyFile} (mode 0600)`);
    if (json) {
      process.stdout.write(`${JSON.stringify(cp, null, 2)}\n`);
      return 0;
    }
    console.log(`checkpoint of the journal at event ${cp.seq}`);
    console.log(`  seq        ${cp.seq}`);
    console.log(`  hash       ${cp.hash}`);
    console.log(`  at         ${cp.at}`);
    console.log(`  public key ${publicKeyText(key)}`);
    console.log(`  signature  ${cp.signature}`);
    console.log('keep the output of `digicluster journal checkpoint --json` to verify it later');
    return 0;
  } finally {
    await store.close();
  }
}

/**
 * `journal replay --subscriber NAME --seq N`: hands an event a subscriber parked to it again,
 * once its cause is mended; the handling and `subscription.event-replayed` commit together.
 */
export async function journalReplay(args: string[] = []): Promise<number> {
  let name: string;
  let seq: number;
  try {
    const flags = parseFlags(args, ['--subscriber', '--seq'], []);
    name = String(flags.get('--subscriber') ?? '');
    const raw = flags.get('--seq');
    seq = wholeNumber(typeof raw === 'string' ? raw : undefined);
    if (!name || !Number.isSafeInteger(seq) || seq < 1)
      throw new UsageError('needs --subscriber NAME and --seq N (the parked event)');
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`digicluster journal replay: ${e.message}`);
    return 2;
  }
  const config = loadConfig();
  if (!databaseExists(config)) return 2;
  const [{ moduleSubscribers, openPlatform }, { replayParked, ReplayRefused }] = await Promise.all([
    import('../platform.ts'),
    import('../journal/index.ts'),
  ]);
  const platform = await openPlatform(config);
  try {
    const done = await replayParked(platform.store, moduleSubscribers(platform), name, seq);
    console.log(`event ${seq} handled by ${name} again; journaled as event ${done.seq}`);
    return 0;
  } catch (e) {
    if (e instanceof ReplayRefused) {
      console.error(`digicluster journal replay: ${e.message}`);
      return 1;
    }
    // the handler failed again: nothing was written
    console.error(
      `digicluster journal replay: ${name} failed on event ${seq} again, nothing written: ${e instanceof Error ? e.message : String(e)}`,
    );
    return 1;
  } finally {
    await platform.close();
  }
}
