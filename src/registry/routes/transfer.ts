import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clusterDay } from '../../model/days.ts';
import { invalid, type Lang, requestLang } from '../../model/index.ts';
import { messages } from '../messages.ts';
import { TransferFormat } from '../schema.ts';
import { fieldHeader, importFieldLabels } from '../transfer/columns.ts';
import type { TransferService } from '../transfer/index.ts';

const mediaTypes: Record<TransferFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  geojson: 'application/geo+json; charset=utf-8',
};

/** The media types an import of each format accepts besides application/octet-stream. */
const importTypes: Record<TransferFormat, string[]> = {
  json: ['application/json'],
  csv: ['text/csv'],
  xlsx: [mediaTypes.xlsx],
  geojson: ['application/geo+json', 'application/json'],
};

const Tally = z.object({ created: z.number(), updated: z.number(), unchanged: z.number() });
const ImportSection = z.enum(['organisations', 'sites', 'memberships']);

const ImportResultSchema = z
  .object({
    applied: z.boolean().describe('false for a dry run: nothing was written'),
    counts: z.object({
      organisations: z.number(),
      sites: z.number(),
      memberships: z.number(),
    }),
    changes: z.object({ organisations: Tally, sites: Tally, memberships: Tally }),
    rows: z.array(
      z.object({
        section: ImportSection,
        line: z.number(),
        id: z.string(),
        name: z.string().nullable(),
        change: z.enum(['created', 'updated', 'unchanged']),
        fields: z
          .array(z.string())
          .optional()
          .describe(
            'an updated record: the fields whose values change, named as the file’s columns head them in the request’s language',
          ),
      }),
    ),
    preview: z.string().describe('pass as `expect` to apply exactly what this answer previewed'),
  })
  .meta({ id: 'ImportResult' });

export const transferRoutes =
  ({ transfer }: { transfer: TransferService }): FastifyPluginAsyncZod =>
  async (app) => {
    // Files arrive as raw bytes, whatever their declared type: JSON too, so no parser walks a
    // hostile nesting (F10). text/plain and forms are refused with 415 (F12: a cross-site
    // form can send those without a preflight).
    app.removeContentTypeParser(['application/json', 'text/plain']);
    app.addContentTypeParser(
      [
        'application/octet-stream',
        'application/json',
        'text/csv',
        'application/geo+json',
        mediaTypes.xlsx,
      ],
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
          querystring: z.object({
            format: TransferFormat.default('json'),
            lang: z
              .enum(['ru', 'en'])
              .optional()
              .describe(
                'language of headers and of the words beside codes (default: the request’s)',
              ),
          }),
        },
      },
      async (req, reply) => {
        const { format } = req.query;
        const lang: Lang = req.query.lang ?? requestLang(req);
        const body = await transfer.exportRegistry(req.actor, format, lang);
        const stamp = clusterDay(Date.now());
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
        config: { fieldLabels: importFieldLabels },
        schema: {
          tags: ['import and export'],
          summary:
            'Import a registry file (operator): all rows in one transaction, or none with each bad row named',
          querystring: z.object({
            format: TransferFormat,
            dryRun: z
              .enum(['true', 'false'])
              .optional()
              .describe('true: check the file and say what each row would do; write nothing'),
            expect: z
              .string()
              .max(100)
              .optional()
              .describe(
                'the `preview` of a dry run: apply only if the registry has not changed since (409 otherwise)',
              ),
          }),
          body: z.any(),
          response: { 200: ImportResultSchema },
        },
      },
      async (req) => {
        // each format in its own type, or as plain bytes (the web app sends octet-stream)
        const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
        const { format } = req.query;
        if (type !== 'application/octet-stream' && !importTypes[format].includes(type))
          throw Object.assign(
            invalid(messages.unsupportedImportType({ type: type || '-', format })),
            { httpStatus: 415 },
          );
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const result = await transfer.importRegistry(req.actor, body, format, {
          dryRun: req.query.dryRun === 'true',
          expect: req.query.expect,
        });
        const lang = requestLang(req);
        return {
          ...result,
          rows: result.rows.map((r) =>
            r.fields ? { ...r, fields: r.fields.map((f) => fieldHeader(r.section, f, lang)) } : r,
          ),
        };
      },
    );
  };
