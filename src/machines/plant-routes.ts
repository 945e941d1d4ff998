// The plant's HTTP routes: its description and KPIs per site, alarms (list, acknowledge),
// each profile's alarm rules, and a device's live values as server-sent events.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParam } from '../model/index.ts';
import type { AlarmsService } from './alarms.ts';
import type { LiveFeed } from './live.ts';
import type { PlantService } from './plant.ts';
import {
  AlarmQuery,
  AlarmRecord,
  AlarmRuleSet,
  AlarmRuleSetInput,
  AlarmSummary,
  AlarmView,
  KpiQuery,
  PlantInput,
  PlantKpis,
  PlantRecord,
} from './plant-schema.ts';
import type { MachinesService } from './service.ts';

const tags = { tags: ['machines'] };
/** A comment line every so often keeps proxies from closing a quiet stream. */
export const LIVE_KEEPALIVE_MS = 15_000;

export const plantRoutes =
  (s: {
    machines: MachinesService;
    plant: PlantService;
    alarms: AlarmsService;
    machinesLive: LiveFeed;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/plants',
      {
        schema: {
          ...tags,
          summary:
            "The plants described at your organisation's sites (the operator: of ?organisation=, or all), by site",
          querystring: z.object({ organisation: z.string().max(100).optional() }),
          response: { 200: z.array(PlantRecord) },
        },
      },
      async (req) => s.plant.list(req.actor, req.query.organisation),
    );

    app.get(
      '/api/v1/sites/:id/plant',
      {
        schema: {
          ...tags,
          summary: "The site's plant: its feed, product, ash and density devices and targets",
          description:
            'Answers 404 while the site has no plant described: an org admin describes it with PUT /api/v1/sites/{id}/plant.',
          params: IdParam,
          response: { 200: PlantRecord },
        },
      },
      async (req) => s.plant.plant(req.actor, req.params.id),
    );

    app.put(
      '/api/v1/sites/:id/plant',
      {
        schema: {
          ...tags,
          summary: "Describe the site's plant (org admin): which devices the KPIs read",
          params: IdParam,
          body: PlantInput,
          response: { 200: PlantRecord },
        },
      },
      async (req) => s.plant.configure(req.actor, req.params.id, req.body),
    );

    app.get(
      '/api/v1/sites/:id/kpis',
      {
        schema: {
          ...tags,
          summary:
            "The plant's KPIs over [from, to) from its devices' minute averages: throughput, yield, product ash vs target, medium-density deviation, downtime",
          description:
            'Answers 404 while the site has no plant described: an org admin describes it with PUT /api/v1/sites/{id}/plant.',
          params: IdParam,
          querystring: KpiQuery,
          response: { 200: PlantKpis },
        },
      },
      async (req) => s.plant.kpis(req.actor, req.params.id, req.query),
    );

    app.get(
      '/api/v1/device-profiles/:id/alarm-rules',
      {
        schema: {
          ...tags,
          summary:
            "A profile's alarm rules for your organisation's devices (threshold, rate of change, no data): its own set or the shipped one, and the shipped one",
          params: IdParam,
          response: { 200: AlarmRuleSet },
        },
      },
      async (req) => s.alarms.ruleSet(req.actor, req.params.id),
    );

    app.put(
      '/api/v1/device-profiles/:id/alarm-rules',
      {
        schema: {
          ...tags,
          summary:
            "Set your organisation's own alarm rules of a profile (org admin): the whole set, checked (min below max, positive minutes, keys of the profile), journaled",
          params: IdParam,
          body: AlarmRuleSetInput,
          response: { 200: AlarmRuleSet },
        },
      },
      async (req) => s.alarms.setRules(req.actor, req.params.id, req.body),
    );

    app.get(
      '/api/v1/alarms',
      {
        schema: {
          ...tags,
          summary: "Your organisation's alarms, newest first (at most 500)",
          querystring: AlarmQuery,
          response: { 200: z.array(AlarmView) },
        },
      },
      async (req) => s.alarms.list(req.actor, req.query),
    );

    app.get(
      '/api/v1/alarms/summary',
      {
        schema: {
          ...tags,
          summary:
            "Your organisation's active alarms not yet acknowledged, counted, with the newest critical one (the header's indicator)",
          response: { 200: AlarmSummary },
        },
      },
      async (req) => s.alarms.summary(req.actor),
    );

    app.post(
      '/api/v1/alarms/:id/acknowledge',
      {
        schema: {
          ...tags,
          summary: 'Acknowledge an open alarm (409 once cleared)',
          params: IdParam,
          response: { 200: AlarmRecord },
        },
      },
      async (req) => s.alarms.acknowledge(req.actor, req.params.id),
    );

    // Server-sent events: first each key's latest value (event `latest`), then one `values`
    // event per stored message. The server's timeouts bound receiving requests only
    // (src/server/timeouts.ts), so the stream stays open until the client goes.
    app.get(
      '/api/v1/devices/:id/live',
      {
        schema: {
          ...tags,
          summary:
            "A device's latest values as server-sent events (text/event-stream): `latest` once, then `values` per stored message",
          params: IdParam,
        },
      },
      async (req, reply) => {
        const latest = await s.machines.latest(req.actor, req.params.id);
        const deviceId = req.params.id;
        reply.hijack();
        const res = reply.raw;
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
        });
        const send = (event: string, data: unknown) =>
          res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
        send('latest', {
          deviceId,
          values: latest.map((v) => ({ key: v.key, ts: v.ts, value: v.value })),
        });
        const unsubscribe = s.machinesLive.subscribe(deviceId, (u) => send('values', u));
        const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), LIVE_KEEPALIVE_MS);
        keepAlive.unref();
        const close = () => {
          clearInterval(keepAlive);
          unsubscribe();
        };
        req.raw.once('close', close);
        res.once('close', close);
      },
    );
  };
