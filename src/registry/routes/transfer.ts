import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TransferFormat } from '../schema.ts';
import type { TransferService } from '../transfer/index.ts';

const mediaTypes: Record<TransferFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  geojson: 'application/geo+json; charset=utf-8',
};

export const transferRoutes =
  ({ transfer }: { transfer: TransferService }): FastifyPluginAsyncZod =>
  async (app) => {
    // Files arrive as raw bytes, whatever their declared type.
    app.addContentTypeParser(
      ['application/octet-stream', 'text/csv', 'application/geo+json', mediaTypes.xlsx],
      { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 },
      (_req, body, done) => done(null, body),
    );

    app.get(
      '/api/v1/registry/export',
      {
        schema: {
          tags: ['import and export'],
          security: [],
          summary:
            'Export the registry (organisations, sites, memberships); CSV opens in Russian Excel as is',
          querystring: z.object({ format: TransferFormat.default('json') }),
        },
      },
      async (req, reply) => {
        const { format } = req.query;
        const body = await transfer.exportRegistry(req.actor, format);
        const stamp = new Date().toISOString().slice(0, 10);
        return reply
          .type(mediaTypes[format])
          .header(
            'content-disposition',
            `attachment; filename="digicluster-registry-${stamp}.${format}"`,
          )
          .send(body);
      },
    );

    app.post(
      '/api/v1/registry/import',
      {
        schema: {
          tags: ['import and export'],
          summary:
            'Import a registry file (operator): all rows in one transaction, or none with each bad row named',
          querystring: z.object({ format: TransferFormat }),
          body: z.any(),
          response: {
            200: z.object({
              applied: z.literal(true),
              counts: z.object({
                organisations: z.number(),
                sites: z.number(),
                memberships: z.number(),
              }),
            }),
          },
        },
      },
      async (req) => {
        const body = Buffer.isBuffer(req.body)
          ? req.body
          : Buffer.from(typeof req.body === 'string' ? req.body : JSON.stringify(req.body ?? null));
        return transfer.importRegistry(req.actor, body, req.query.format);
      },
    );
  };
