// Governance's calls: the charter, the keystone's history, proposals, ballots, the discussion and
// delegations. Paths and bodies are typed by api-types.ts, generated from the server's schemas.
import { answer, client, type RequestBody } from '../shell/api.ts';
import type { components } from '../shell/api-types.ts';

const path = (id: string) => ({ params: { path: { id } } });

export type Proposal = components['schemas']['GovernanceProposal'];
export type ProposalView = components['schemas']['GovernanceProposalView'];
export type Charter = components['schemas']['GovernanceCharter'];
export type Delegation = components['schemas']['GovernanceDelegation'];
export type KeystoneTerm = components['schemas']['GovernanceKeystoneTerm'];
export type ProposalType = components['schemas']['GovernanceProposalType'];
export type VoteMethod = components['schemas']['GovernanceVoteMethod'];
export type ConsentPosition = components['schemas']['GovernanceConsentPosition'];
export type TallyResult = components['schemas']['GovernanceTallyResult'];
export type ProposalCreate = RequestBody<'/api/v1/governance/proposals', 'post'>;
export type BallotBody = RequestBody<'/api/v1/governance/proposals/{id}/ballot', 'post'>;
export type DelegationCreate = RequestBody<'/api/v1/governance/delegations', 'post'>;

export const proposalTypes: readonly ProposalType[] = [
  'resolution',
  'approve_project',
  'approve_budget',
  'change_rule',
  'change_charter',
  'admit_member',
  'expel_member',
  'change_keystone',
];
export const voteMethods: readonly VoteMethod[] = [
  'plurality',
  'approval',
  'irv',
  'weighted',
  'consent',
];
export const consentPositions: readonly ConsentPosition[] = [
  'agree',
  'abstain',
  'disagree',
  'block',
];

export const governanceApi = {
  charter: () => answer(client.GET('/api/v1/governance/charter')),
  keystones: () => answer(client.GET('/api/v1/governance/keystones')),
  proposals: (status?: 'open' | 'decided') =>
    answer(client.GET('/api/v1/governance/proposals', { params: { query: { status } } })),
  proposal: (id: string) => answer(client.GET('/api/v1/governance/proposals/{id}', path(id))),
  create: (body: ProposalCreate) => answer(client.POST('/api/v1/governance/proposals', { body })),
  vote: (id: string, body: BallotBody) =>
    answer(client.POST('/api/v1/governance/proposals/{id}/ballot', { ...path(id), body })),
  post: (id: string, text: string) =>
    answer(
      client.POST('/api/v1/governance/proposals/{id}/messages', { ...path(id), body: { text } }),
    ),
  veto: (id: string, reason: string) =>
    answer(
      client.POST('/api/v1/governance/proposals/{id}/veto', { ...path(id), body: { reason } }),
    ),
  delegations: () => answer(client.GET('/api/v1/governance/delegations')),
  delegate: (body: DelegationCreate) =>
    answer(client.POST('/api/v1/governance/delegations', { body })),
  revoke: (id: string) => answer(client.DELETE('/api/v1/governance/delegations/{id}', path(id))),
};
