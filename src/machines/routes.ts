import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { bulkAnswer, IdParam, unauthenticated } from '../model/index.ts';
import { grantRoutes } from './grants/routes.ts';
import { messages as m } from './messages.ts';
import { ngsiLdRoutes } from './ngsi-ld/routes.ts';
import type { NgsiLdService } from './ngsi-ld/service.ts';
import {
  DeviceInput,
  DevicePatch,
  DeviceProfile,
  type DeviceRecord,
  DeviceView,
  DeviceWithToken,
  IngestResult,
  LatestValue,
  TelemetryBatch,
  TelemetryQuery,
  TelemetrySeries,
} from './schema.ts';
import type { MachinesService } from './service.ts';

const tags = { tags: ['machines'] };

/**
 * Sends JSON already written (a long telemetry series, engine/series-json.ts): fastify passes
 * a string with a JSON type past the response serialiser. Its shape is the route's schema
 * (test/medium/machines.test.ts compares it with the serialised objects).
 */
const sendBuiltJson = (reply: FastifyReply, json: string) =>
  reply.type('application/json; charset=utf-8').send(json);

/** Device profiles, the device registry, telemetry ingestion by HTTP and telemetry reads. */
export const routes =
  ({
    machines,
    ngsiLd,
  }: {
    machines: MachinesService;
    ngsiLd: NgsiLdService;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(grantRoutes({ machines }));
    await app.register(ngsiLdRoutes({ ngsiLd }));

    app.get(
      '/api/v1/device-profiles',
      {
        schema: {
          ...tags,
          security: [],
          summary: 'Device profiles: telemetry keys with unit and expected range, retention',
          response: { 200: z.array(DeviceProfile) },
        },
      },
      async () => machines.profiles(),
    );

    app.get(
      '/api/v1/devices',
      {
        schema: {
          ...tags,
          summary: "Your organisation's devices with their refused-message counts",
          querystring: z.object({ organisation: z.string().max(100).optional() }),
          response: { 200: z.array(DeviceView) },
        },
      },
      async (req) => machines.listDevices(req.actor, req.query.organisation),
    );

    app.post(
      '/api/v1/devices',
      {
        schema: {
          ...tags,
          summary:
            'Register a device at a site of your organisation (org admin); its token is shown once',
          body: DeviceInput,
          response: { 201: DeviceWithToken },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await machines.createDevice(req.actor, req.body)),
    );

    app.get(
      '/api/v1/devices/:id',
      {
        schema: { ...tags, summary: 'One device', params: IdParam, response: { 200: DeviceView } },
      },
      async (req) => machines.getDevice(req.actor, req.params.id),
    );

    app.patch(
      '/api/v1/devices/:id',
      {
        schema: {
          ...tags,
          summary: "Rename a device (its organisation's admin); its id, token and readings stay",
          params: IdParam,
          body: DevicePatch,
          response: { 200: DeviceView },
        },
      },
      async (req) => machines.renameDevice(req.actor, req.params.id, req.body),
    );

    app.post(
      '/api/v1/devices/:id/token',
      {
        schema: {
          ...tags,
          summary:
            "A new token for the device (its own organisation's admin; never the platform operator); the old one stops working at once",
          params: IdParam,
          response: { 200: DeviceWithToken },
        },
      },
      async (req) => machines.rotateToken(req.actor, req.params.id),
    );

    app.get(
      '/api/v1/devices/:id/telemetry',
      {
        ...bulkAnswer,
        schema: {
          ...tags,
          summary:
            'A key of the device in [from, to): raw points, or with bucket=1m|1h|1d one point per non-empty bucket (its start, UTC) with agg=avg|min|max|last; at most 100,000 points',
          params: IdParam,
          querystring: TelemetryQuery,
          response: { 200: TelemetrySeries },
        },
      },
      async (req, reply) =>
        sendBuiltJson(reply, await machines.telemetryJson(req.actor, req.params.id, req.query)),
    );

    app.get(
      '/api/v1/devices/:id/latest',
      {
        schema: {
          ...tags,
          summary: "Each key's latest value",
          params: IdParam,
          response: { 200: z.array(LatestValue) },
        },
      },
      async (req) => machines.latest(req.actor, req.params.id),
    );

    // Ingestion: the device's token as Bearer. Its own context reads the body as text, so a
    // body that is not JSON is refused (and counted) by the same rules as MQTT's payloads.
    await app.register(async (ingest) => {
      ingest.removeContentTypeParser('application/json');
      ingest.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) =>
        done(null, body),
      );
      const devices = new WeakMap<object, DeviceRecord>();
      ingest.post(
        '/api/v1/telemetry',
        {
          schema: {
            ...tags,
            // public to the session/API-key guard: the device token is checked here instead
            security: [],
            summary:
              "A device's telemetry batch (its token as `Authorization: Bearer dcd_…`): at most 1,000 points, all stored or none; a repeated id is ignored",
            body: TelemetryBatch,
            response: { 200: IngestResult },
          },
          // the rules are the engine's (engine/payload.ts), the same as for MQTT; refusals counted
          validatorCompiler: () => (data) => ({ value: data }),
          onRequest: async (req) => {
            const bearer = req.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
            const device = bearer ? await machines.deviceForToken(bearer) : null;
            if (!device) throw unauthenticated(m.badDeviceToken());
            devices.set(req, device);
            req.actor = machines.deviceActor(device);
          },
        },
        async (req) => {
          const device = devices.get(req);
          if (!device) throw unauthenticated(m.badDeviceToken());
          return machines.ingestBatch(device, req.body);
        },
      );
    });
  };
