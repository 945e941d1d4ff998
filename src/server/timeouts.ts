import type { Server } from 'node:http';

export interface ServerTimeouts {
  /** the request line and headers must arrive within this */
  headersTimeout: number;
  /** the whole request (headers and body, a 20 MB import on a slow link) within this */
  requestTimeout: number;
  /** an idle kept-alive connection is closed after this */
  keepAliveTimeout: number;
}

export const defaultTimeouts: ServerTimeouts = {
  headersTimeout: 20_000,
  requestTimeout: 120_000,
  keepAliveTimeout: 10_000,
};

/**
 * Closes slow-header and slow-body connections (F13): Fastify's default requestTimeout of 0
 * turns Node's checks off. Both limits bound receiving the request only, so a long-lived
 * answer (an event stream) is not cut; no socket idle timeout is set for the same reason.
 */
export function applyServerTimeouts(server: Server, t: ServerTimeouts = defaultTimeouts) {
  server.headersTimeout = t.headersTimeout;
  server.requestTimeout = t.requestTimeout;
  server.keepAliveTimeout = t.keepAliveTimeout;
}
