// The composition root: the list of modules, each with its migrations, messages, services
// and routes. Adding a module is adding it to `modules` (and, for its routes, nothing else).
import { assessmentModule } from './assessment/index.ts';
import { dealsModule } from './deals/index.ts';
import { exchangeModule } from './exchange/index.ts';
import { governanceModule } from './governance/index.ts';
import {
  attachBell,
  journalModule,
  LocalEventBell,
  type Subscriber,
  type SubscriptionOptions,
  Subscriptions,
} from './journal/index.ts';
import { knowledgeModule } from './knowledge/index.ts';
import { machinesModule } from './machines/index.ts';
import { registryModule } from './registry/index.ts';
import { type Migrations, migrate, openStore, resetSchema, type Store } from './store/index.ts';
import { closeWork, configureWork, type WorkSettings } from './work/index.ts';

export const modules = [
  journalModule,
  registryModule,
  exchangeModule,
  machinesModule,
  knowledgeModule,
  governanceModule,
  dealsModule,
  assessmentModule,
] as const;

type Module = (typeof modules)[number];
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (
  u: infer I,
) => void
  ? I
  : never;

/** Every module's services, by name (registry, users, transfer, exchange, ...). */
export type Services = UnionToIntersection<ReturnType<Module['open']>>;

/** The platform's services over one store: what the server and the CLI are built from. */
export type Platform = Services & {
  store: Store;
  /**
   * Starts every module's journal subscribers (the server does; a CLI command leaves its events
   * to the running server, or to the next one that starts). `close()` stops them.
   */
  startSubscriptions(options?: Omit<SubscriptionOptions, 'bell'>): Promise<Subscriptions>;
  close(): Promise<void>;
};

export interface PlatformConfig extends WorkSettings {
  databaseUrl?: string;
  sqliteFile?: string;
  sessionTtlHours: number;
  /** how often subscribers look for events other processes wrote, in ms (default 500) */
  journalPollMs?: number;
}

/**
 * A module may react to other modules' events: `subscribers(services)` returns its journal
 * subscribers, built over its own services (e.g. deals on `match.agreed`).
 */
interface SubscribingModule {
  name: string;
  subscribers?: (services: Services) => readonly Subscriber[];
}

/** Every module's journal subscribers. */
export function moduleSubscribers(services: Services): Subscriber[] {
  const list: readonly SubscribingModule[] = modules;
  return list.flatMap((m) => m.subscribers?.(services) ?? []);
}

/** Every module's migrations, in one list ordered by name. */
export function allMigrations(): Migrations {
  const out: Migrations = { migrations: {}, adopted: {} };
  for (const m of modules) {
    for (const [name, migration] of Object.entries(m.migrations)) {
      if (out.migrations[name]) throw new Error(`migration ${name} is defined twice`);
      out.migrations[name] = migration;
    }
    if ('adopted' in m) Object.assign(out.adopted ?? {}, m.adopted);
  }
  return out;
}

export async function openPlatform(config: PlatformConfig): Promise<Platform> {
  const store = openStore({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile });
  await migrate(store, allMigrations());
  const context = { store, sessionTtlHours: config.sessionTtlHours };
  const services = Object.assign({}, ...modules.map((m) => m.open(context))) as Services;
  configureWork(config);
  // The process's bell: rung by inTransaction after each commit, and polling for the others.
  const bell = new LocalEventBell(config.journalPollMs);
  attachBell(store, bell);
  let subscriptions: Subscriptions | undefined;
  return {
    ...services,
    store,
    async startSubscriptions(options = {}) {
      if (subscriptions) throw new Error('the subscriptions are already started');
      subscriptions = new Subscriptions(store, moduleSubscribers(services), { ...options, bell });
      await subscriptions.start();
      return subscriptions;
    },
    async close() {
      await subscriptions?.stop();
      // heavy work in flight finishes before the store it reads closes
      await closeWork();
      await store.close();
    },
  };
}

/** Empties the database: every migration rolled back and run again (`demo --reset`). */
export const wipe = (platform: Platform) => resetSchema(platform.store, allMigrations());
