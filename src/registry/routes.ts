import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { tooManyRequests } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import type { LoginLimiter } from './login-limiter.ts';
import { messages } from './messages.ts';
import { applicationRoutes } from './routes/applications.ts';
import { authRoutes } from './routes/auth.ts';
import { directoryRoutes } from './routes/directory.ts';
import { materialRoutes } from './routes/materials.ts';
import { peopleRoutes } from './routes/people.ts';
import { transferRoutes } from './routes/transfer.ts';
import type { RegistryService } from './service.ts';
import type { TransferService } from './transfer/index.ts';
import type { UserService } from './users.ts';

export interface RegistryServices {
  store: Store;
  registry: RegistryService;
  users: UserService;
  transfer: TransferService;
  loginLimiter: LoginLimiter;
}

/** The registry's HTTP routes: log-in, the member directory and admission, people, import/export. */
export const routes =
  (services: RegistryServices, options: { secureCookie: boolean }): FastifyPluginAsyncZod =>
  async (app) => {
    // Only routes that ask for it (`hashingRouteLimit`) are limited, per client address.
    await app.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_req, context) => {
        const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
        return tooManyRequests(messages.tooManyAttempts({ seconds }), seconds);
      },
    });
    await app.register(authRoutes(services, options));
    await app.register(directoryRoutes(services));
    await app.register(applicationRoutes(services));
    await app.register(peopleRoutes(services, options));
    await app.register(materialRoutes(services));
    await app.register(transferRoutes(services));
  };
