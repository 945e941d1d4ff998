import { ExchangeService } from './exchange/index.ts';
import { RegistryService, TransferService, UserService } from './registry/index.ts';
import { migrate, openStore, type Store } from './store/index.ts';

/** The platform's services over one store: what the server and the CLI are built from. */
export interface Platform {
  store: Store;
  registry: RegistryService;
  users: UserService;
  transfer: TransferService;
  exchange: ExchangeService;
  close(): Promise<void>;
}

export async function openPlatform(config: {
  databaseUrl?: string;
  sqliteFile?: string;
  sessionTtlHours: number;
}): Promise<Platform> {
  const store = openStore({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile });
  await migrate(store);
  return {
    store,
    registry: new RegistryService(store),
    users: new UserService(store, { sessionTtlHours: config.sessionTtlHours }),
    transfer: new TransferService(store),
    exchange: new ExchangeService(store),
    close: () => store.close(),
  };
}
