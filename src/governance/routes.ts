// Governance's HTTP routes under /api/v1/governance: thin — parse, call the service, answer.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParam, tagged } from '../model/index.ts';
import { governanceLimits } from './limits.ts';
import {
  BallotInput,
  CastBallot,
  Charter,
  CharterInput,
  DelegationInput,
  DelegationRecord,
  KeystoneTerm,
  MessageInput,
  Participation,
  Proposal,
  ProposalFilter,
  ProposalInput,
  ProposalMessage,
} from './schema.ts';
import type { GovernanceService } from './service.ts';

const ProposalView = z
  .object({
    proposal: Proposal,
    ballots: z.number().int().describe('ballots cast so far'),
    voters: z.array(z.string()).describe('the organisations that voted (not how)'),
    mine: CastBallot.nullable().describe("your organisation's ballot"),
    delegation: z
      .object({
        to: z
          .string()
          .nullable()
          .describe(
            'the organisation yours delegated its vote on this topic to; its own ballot counts instead',
          ),
        from: z
          .array(z.string())
          .describe('the organisations that delegated their vote on this topic to yours'),
      })
      .nullable()
      .describe("your organisation's delegations in force for this proposal; null without one"),
    messages: z.array(ProposalMessage).describe('the discussion, oldest first'),
  })
  .meta({ id: 'GovernanceProposalView' });
const CharterView = z
  .object({ current: Charter.nullable(), history: z.array(Charter) })
  .meta({ id: 'GovernanceCharterView' });
const VetoInput = z
  .object({ reason: z.string().trim().min(1).max(governanceLimits.vetoReason) })
  .meta({ id: 'GovernanceVetoBody' });
const t = tagged('governance');
const base = '/api/v1/governance';

/** The charter, proposals, ballots, delegations, vetoes, the keystone's history, participation. */
export const routes =
  ({ governance }: { governance: GovernanceService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      `${base}/charter`,
      {
        schema: {
          ...t,
          summary: 'The charter in force and its versions',
          response: { 200: CharterView },
        },
      },
      async (req) => governance.charter(req.actor),
    );
    app.post(
      `${base}/charter`,
      {
        schema: {
          ...t,
          summary: 'The founding charter (the operator, once; later changes are decisions)',
          body: CharterInput,
          response: { 201: Charter },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await governance.foundCharter(req.actor, req.body)),
    );
    app.get(
      `${base}/keystones`,
      {
        schema: {
          ...t,
          summary: "The keystone's history",
          response: { 200: z.array(KeystoneTerm) },
        },
      },
      async (req) => governance.keystones(req.actor),
    );
    app.get(
      `${base}/proposals`,
      {
        schema: {
          ...t,
          summary: 'Proposals, newest first',
          querystring: ProposalFilter,
          response: { 200: z.array(Proposal) },
        },
      },
      async (req) => governance.listProposals(req.actor, req.query),
    );
    app.post(
      `${base}/proposals`,
      {
        // the proposal's text, not the request's body (the shared label of `body`)
        config: { fieldLabels: { body: { en: 'Text of the proposal', ru: 'Текст предложения' } } },
        schema: {
          ...t,
          summary: 'Propose a decision',
          body: ProposalInput,
          response: { 201: Proposal },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await governance.createProposal(req.actor, req.body)),
    );
    app.get(
      `${base}/proposals/:id`,
      {
        schema: { ...t, summary: 'One proposal', params: IdParam, response: { 200: ProposalView } },
      },
      async (req) => governance.getProposal(req.actor, req.params.id),
    );
    app.post(
      `${base}/proposals/:id/ballot`,
      {
        schema: {
          ...t,
          summary: "Your organisation's ballot (replaces an earlier one while the vote is open)",
          params: IdParam,
          body: BallotInput,
          response: { 200: CastBallot },
        },
      },
      async (req) => governance.castBallot(req.actor, req.params.id, req.body),
    );
    app.get(
      `${base}/proposals/:id/messages`,
      {
        schema: {
          ...t,
          summary: "A proposal's discussion, oldest first",
          params: IdParam,
          response: { 200: z.array(ProposalMessage) },
        },
      },
      async (req) => governance.listMessages(req.actor, req.params.id),
    );
    app.post(
      `${base}/proposals/:id/messages`,
      {
        config: { fieldLabels: { text: { en: 'Message', ru: 'Сообщение' } } },
        schema: {
          ...t,
          summary: "A message in a proposal's discussion (while its vote is open)",
          params: IdParam,
          body: MessageInput,
          response: { 201: ProposalMessage },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await governance.postMessage(req.actor, req.params.id, req.body)),
    );
    app.post(
      `${base}/proposals/:id/close`,
      {
        schema: {
          ...t,
          summary:
            'Count a vote whose close time has passed and publish the result (any read after the close does it too)',
          params: IdParam,
          response: { 200: Proposal },
        },
      },
      async (req) => governance.closeProposal(req.actor, req.params.id),
    );
    app.post(
      `${base}/proposals/:id/veto`,
      {
        config: { fieldLabels: { reason: { en: 'Reason for the veto', ru: 'Причина вето' } } },
        schema: {
          ...t,
          summary: "The keystone's veto (under keystone control, within the charter)",
          params: IdParam,
          body: VetoInput,
          response: { 200: Proposal },
        },
      },
      async (req) => governance.veto(req.actor, req.params.id, req.body),
    );
    app.get(
      `${base}/delegations`,
      {
        schema: {
          ...t,
          summary: "Your organisation's delegations in force, given and received",
          response: { 200: z.array(DelegationRecord) },
        },
      },
      async (req) => governance.listDelegations(req.actor),
    );
    app.post(
      `${base}/delegations`,
      {
        // `to` is no end date here: the organisation the vote goes to
        config: { fieldLabels: { to: { en: 'Delegate to', ru: 'Кому передать' } } },
        schema: {
          ...t,
          summary: "Delegate your organisation's vote on a topic",
          body: DelegationInput,
          response: { 201: DelegationRecord },
        },
      },
      async (req, reply) => reply.code(201).send(await governance.delegate(req.actor, req.body)),
    );
    app.delete(
      `${base}/delegations/:id`,
      {
        schema: {
          ...t,
          summary: 'Revoke a delegation (it no longer counts for votes that close later)',
          params: IdParam,
          response: { 200: DelegationRecord },
        },
      },
      async (req) => governance.revokeDelegation(req.actor, req.params.id),
    );
    app.get(
      `${base}/participation`,
      {
        schema: {
          ...t,
          summary:
            'Participation figures: turnout, HHI of authorship, vote vs veto, Gini of vote weights',
          response: { 200: Participation },
        },
      },
      async (req) => governance.participation(req.actor),
    );
  };
