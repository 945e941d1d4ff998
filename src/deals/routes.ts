// Deals' HTTP routes under /api/v1/deals, /api/v1/deliveries and /api/v1/ledger: thin —
// parse, call the service, answer.
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParam, requestLang, tagged } from '../model/index.ts';
import {
  Deal,
  DealCost,
  DealCostReport,
  DealDevice,
  DealDeviceInput,
  DealDeviceParams,
  DealFilter,
  DealInput,
  DealLedger,
  DealList,
  DealMessage,
  DealView,
  Delivery,
  DeliveryFilter,
  DeliveryInput,
  FlowsQuery,
  Form2tpFigures,
  Form2tpFiguresInput,
  Form2tpParams,
  Form2tpQuery,
  Form2tpReport,
  ImpactQuery,
  ImpactReport,
  MassBalanceReport,
  MessageInput,
  TransitionInput,
  TrialBalance,
  TrialBalanceQuery,
  ValueChainReport,
} from './schema.ts';
import type { DealsService } from './service.ts';

const t = tagged('deals');
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Deals, their transitions and messages, deliveries, the trial balance. */
export const routes =
  ({ deals }: { deals: DealsService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/deals',
      {
        schema: {
          ...t,
          summary: "Your organisation's deals (the operator: all), newest first",
          querystring: DealFilter,
          response: { 200: DealList },
        },
      },
      async (req) => deals.listDeals(req.actor, req.query),
    );
    app.post(
      '/api/v1/deals',
      {
        schema: {
          ...t,
          summary: 'Open a deal from scratch or from a listing (your organisation is one side)',
          body: DealInput,
          response: { 201: Deal },
        },
      },
      async (req, reply) => reply.code(201).send(await deals.createDeal(req.actor, req.body)),
    );
    app.get(
      '/api/v1/deals/costs',
      {
        schema: {
          ...t,
          summary:
            "Transaction costs, digital vs territorial: your organisation's deals and its half of each (the operator: all deals, every organisation and the cluster)",
          response: { 200: DealCostReport },
        },
      },
      async (req) => deals.costReport(req.actor),
    );
    app.get(
      '/api/v1/deals/:id/costs',
      {
        schema: {
          ...t,
          summary:
            "One deal's transaction costs: what it took on the platform against the meetings a paper-based deal needs (hours, km, kopecks, CO2 saved, the formula); 409 when a party has no site",
          params: IdParam,
          response: { 200: DealCost },
        },
      },
      async (req) => deals.dealCosts(req.actor, req.params.id),
    );
    app.get(
      '/api/v1/deals/form-2tp.xlsx',
      {
        schema: {
          ...t,
          summary:
            "Form 2-TP (waste) of an organisation for a year as XLSX: received and transferred from the deliveries, the other columns from the organisation's stored figures or «нет данных» (its users and the operator)",
          querystring: Form2tpQuery,
        },
      },
      async (req, reply) => {
        const { organisationId, year } = req.query;
        const body = await deals.form2tpWorkbook(req.actor, organisationId, year);
        return reply
          .type(xlsxType)
          .header(
            'content-disposition',
            `attachment; filename="form-2tp-${organisationId}-${year}.xlsx"`,
          )
          .send(body);
      },
    );
    app.get(
      '/api/v1/deals/form-2tp/:organisationId/:year',
      {
        schema: {
          ...t,
          summary:
            'Form 2-TP (waste) rows of an organisation for a year (null = no data) and the figures it stored (its users and the operator)',
          params: Form2tpParams,
          response: { 200: Form2tpReport },
        },
      },
      async (req) => deals.form2tpReport(req.actor, req.params.organisationId, req.params.year),
    );
    app.put(
      '/api/v1/deals/form-2tp/:organisationId/:year',
      {
        schema: {
          ...t,
          summary:
            "Store the 2-TP columns the platform does not record (stock at start, generated, neutralised, placed on own sites, off-platform transfers…), replacing that year's",
          params: Form2tpParams,
          body: Form2tpFiguresInput,
          response: { 200: Form2tpFigures },
        },
      },
      async (req) =>
        deals.saveForm2tpFigures(req.actor, req.params.organisationId, req.params.year, req.body),
    );
    app.get(
      '/api/v1/deals/:id',
      {
        schema: {
          ...t,
          summary: 'One deal: its state, what you may do, its timeline and its deliveries so far',
          params: IdParam,
          response: { 200: DealView },
        },
      },
      async (req) => deals.getDeal(req.actor, req.params.id, requestLang(req)),
    );
    app.post(
      '/api/v1/deals/:id/transitions',
      {
        schema: {
          ...t,
          summary:
            'A move of the negotiation; 409 when it is not your turn or the state forbids it',
          params: IdParam,
          body: TransitionInput,
          response: { 200: DealView },
        },
      },
      async (req) => deals.transition(req.actor, req.params.id, req.body, requestLang(req)),
    );
    app.get(
      '/api/v1/deals/:id/messages',
      {
        schema: {
          ...t,
          summary: "The deal's message thread, oldest first",
          params: IdParam,
          response: { 200: z.array(DealMessage) },
        },
      },
      async (req) => deals.listMessages(req.actor, req.params.id),
    );
    app.post(
      '/api/v1/deals/:id/messages',
      {
        schema: {
          ...t,
          summary: 'Post a message (attachments by reference: name, SHA-256, size)',
          params: IdParam,
          body: MessageInput,
          response: { 201: DealMessage },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await deals.postMessage(req.actor, req.params.id, req.body)),
    );
    app.post(
      '/api/v1/deals/:id/deliveries',
      {
        schema: {
          ...t,
          summary: 'Record a delivery against an active deal; it posts its ledger lines',
          params: IdParam,
          body: DeliveryInput,
          response: { 201: Delivery },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await deals.recordDelivery(req.actor, req.params.id, req.body)),
    );
    app.get(
      '/api/v1/deals/:id/ledger',
      {
        schema: {
          ...t,
          summary:
            "The ledger lines the deal's deliveries posted, as stored (a party: its own organisation's; the operator: both); observers 403",
          params: IdParam,
          response: { 200: DealLedger },
        },
      },
      async (req) => deals.dealLedger(req.actor, req.params.id),
    );
    app.get(
      '/api/v1/deals/:id/devices',
      {
        schema: {
          ...t,
          summary: "The deal's linked weighbridges, revoked links included",
          params: IdParam,
          response: { 200: z.array(DealDevice) },
        },
      },
      async (req) => deals.listDevices(req.actor, req.params.id),
    );
    app.post(
      '/api/v1/deals/:id/devices',
      {
        schema: {
          ...t,
          summary:
            "Link a weighbridge of your organisation (org admin): its weighings become your side's deliveries while the deal is active",
          params: IdParam,
          body: DealDeviceInput,
          response: { 201: DealDevice },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await deals.linkDevice(req.actor, req.params.id, req.body)),
    );
    app.delete(
      '/api/v1/deals/:id/devices/:linkId',
      {
        schema: {
          ...t,
          summary: 'Revoke a weighbridge link: its later weighings post nothing',
          params: DealDeviceParams,
          response: { 200: DealDevice },
        },
      },
      async (req) => deals.unlinkDevice(req.actor, req.params.id, req.params.linkId),
    );
    // a file of deliveries arrives as raw bytes (its own scope: no JSON parser walks it)
    await app.register(async (scope) => {
      const files = scope.withTypeProvider<ZodTypeProvider>();
      files.removeContentTypeParser(['application/json', 'text/plain']);
      files.addContentTypeParser(
        ['application/octet-stream', 'text/csv', xlsxType],
        { parseAs: 'buffer', bodyLimit: 5 * 1024 * 1024 },
        (_req, body, done) => done(null, body),
      );
      files.post(
        '/api/v1/deals/:id/deliveries/import',
        {
          schema: {
            ...t,
            summary:
              'Import deliveries from CSV or XLSX (columns deliveredOn, quantity, method, declaredBy, confirms, quality.<parameter>): all rows or none',
            params: IdParam,
            querystring: z.object({ format: z.enum(['csv', 'xlsx']) }),
            body: z.any(),
            response: { 200: z.object({ imported: z.array(Delivery) }) },
          },
        },
        async (req) =>
          deals.importDeliveries(
            req.actor,
            req.params.id,
            Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
            req.query.format,
          ),
      );
    });
    app.get(
      '/api/v1/deliveries',
      {
        schema: {
          ...t,
          summary: "Deliveries of your organisation's deals (the operator: all)",
          querystring: DeliveryFilter,
          response: { 200: z.array(Delivery) },
        },
      },
      async (req) => deals.listDeliveries(req.actor, req.query),
    );
    app.get(
      '/api/v1/balance',
      {
        schema: {
          ...t,
          summary:
            "Mass balance: per deal delivered vs contracted with its flags, per organisation and material in, out and balance (a member: its own organisation's; the operator: all)",
          response: { 200: MassBalanceReport },
        },
      },
      async (req) => deals.massBalance(req.actor),
    );
    app.get(
      '/api/v1/flows',
      {
        schema: {
          ...t,
          summary:
            "The value chain: tonnes delivered between kinds of organisation, as Sankey nodes and links (a member: its own organisation's deals; the operator: the cluster)",
          querystring: FlowsQuery,
          response: { 200: ValueChainReport },
        },
      },
      async (req) => deals.valueChain(req.actor, req.query),
    );
    app.get(
      '/api/v1/impact',
      {
        schema: {
          ...t,
          summary:
            'The impact ledger: tonnes diverted, CO2e avoided net of transport and the net benefit at three levels (identified in plans, contracted in deals, delivered), per month and per organisation, with the formula and attribution rule (a member: the cluster totals and its own organisation; the operator: every organisation)',
          querystring: ImpactQuery,
          response: { 200: ImpactReport },
        },
      },
      async (req) => deals.impact(req.actor, req.query),
    );
    app.get(
      '/api/v1/ledger/trial-balance',
      {
        schema: {
          ...t,
          summary: 'Debit and credit totals per organisation and account, in kopecks',
          querystring: TrialBalanceQuery,
          response: { 200: TrialBalance },
        },
      },
      async (req) => deals.trialBalance(req.actor, req.query),
    );
  };
