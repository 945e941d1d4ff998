import type { Config } from './config.ts';
import { RegistryService, UserService } from './registry/index.ts';
import { migrate, openStore, type Store } from './store/index.ts';

/** The platform's services over one store: what the server and the CLI are built from. */
export interface Platform {
  store: Store;
  registry: RegistryService;
  users: UserService;
  close(): Promise<void>;
}

export async function openPlatform(config: Pick<Config, 'databaseUrl' | 'sqliteFile' | 'sessionTtlHours'>): Promise<Platform> {
  const store = openStore({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile });
  await migrate(store);
  return {
    store,
    registry: new RegistryService(store),
    users: new UserService(store, { sessionTtlHours: config.sessionTtlHours }),
    close: () => store.close(),
  };
}
