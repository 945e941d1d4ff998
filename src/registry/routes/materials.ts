import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParam, journalCached, publicTagged, tagged } from '../../model/index.ts';
import { fkkoCatalogue } from '../reference.ts';
import { FkkoEntryView, Material, MaterialInput, MaterialUse, QualityProperty } from '../schema.ts';
import type { RegistryService } from '../service.ts';

/** The material taxonomy and the FKKO look-up. */
export const materialRoutes =
  ({ registry }: { registry: RegistryService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/materials',
      {
        ...journalCached,
        schema: {
          ...publicTagged('materials'),
          summary: 'The material taxonomy',
          response: { 200: z.array(Material) },
        },
      },
      async () => registry.listMaterials(),
    );

    app.get(
      '/api/v1/materials/:id',
      {
        ...journalCached,
        schema: {
          ...publicTagged('materials'),
          summary: 'One material',
          params: IdParam,
          response: { 200: Material },
        },
      },
      async (req) => registry.getMaterial(req.params.id),
    );

    app.post(
      '/api/v1/materials',
      {
        schema: {
          ...tagged('materials'),
          summary: 'Define or redefine a material (operator)',
          body: MaterialInput,
          response: { 201: Material },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await registry.defineMaterial(req.actor, req.body)),
    );

    app.get(
      '/api/v1/quality-properties',
      {
        ...journalCached,
        schema: {
          ...publicTagged('materials'),
          summary: 'Quality properties materials carry',
          response: { 200: z.array(QualityProperty) },
        },
      },
      async () => registry.listProperties(),
    );

    app.get(
      '/api/v1/uses',
      {
        ...journalCached,
        schema: {
          ...publicTagged('materials'),
          summary: 'Uses materials can serve',
          response: { 200: z.array(MaterialUse) },
        },
      },
      async () => registry.listUses(),
    );

    app.get(
      '/api/v1/fkko',
      {
        schema: {
          ...publicTagged('materials'),
          summary: 'Look up FKKO waste codes by name or code',
          querystring: z.object({
            q: z.string().min(2).max(200),
            limit: z.coerce.number().int().min(1).max(100).default(20),
          }),
          response: { 200: z.array(FkkoEntryView) },
        },
      },
      async (req) => fkkoCatalogue().search(req.query.q, req.query.limit),
    );
  };
