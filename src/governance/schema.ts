// Governance's concepts as zod schemas: the charter, proposals, ballots, delegations, the
// keystone's history and the participation figures; and the tally's engine format.

import { z } from 'zod';
import { rule } from '../model/messages.ts';
import { Kopecks } from '../model/money.ts';
import { methods, positions, statuses } from './engine/input.ts';
import { governanceLimits } from './limits.ts';
import { messages } from './messages.ts';

export * from './engine/input.ts';

export const ControlConcept = z
  .enum(['keystone', 'etharchy'])
  .describe('keystone: the keystone may veto within the charter; etharchy: no member has a veto')
  .meta({ id: 'GovernanceControl' });
export type ControlConcept = z.infer<typeof ControlConcept>;

export const proposalTypes = [
  'admit_member',
  'expel_member',
  'change_rule',
  'change_charter',
  'approve_project',
  'approve_budget',
  'change_keystone',
  'resolution',
] as const;
export const ProposalType = z.enum(proposalTypes).meta({ id: 'GovernanceProposalType' });
export type ProposalType = z.infer<typeof ProposalType>;

export const VoteMethod = z.enum(methods).meta({ id: 'GovernanceVoteMethod' });
export const ConsentPosition = z.enum(positions).meta({ id: 'GovernanceConsentPosition' });

const share = z.number().min(0).max(1);

export const VoteSettings = z
  .object({
    method: VoteMethod,
    quorum: share.describe('share of the member organisations whose vote must count'),
    threshold: share.describe('share of the counted votes the winner needs'),
    cap: z.number().gt(0).max(1).optional().describe('weighted: the most one stake counts for'),
  })
  .meta({ id: 'GovernanceVoteSettings' });
export type VoteSettings = z.infer<typeof VoteSettings>;

const defaultSettings: VoteSettings = { method: 'plurality', quorum: 0.5, threshold: 0.5 };

/**
 * What a weighted vote counts: each member organisation's stake as the charter records it (its
 * share in the cluster's fund, say), never what a ballot declares; a member it names none for
 * counts 1.
 */
const Stakes = z
  .record(z.string().min(1), z.number().gt(0).max(1e12))
  .describe(
    'weighted votes: each member organisation’s stake (organisation id → stake), as the charter records it; a member with none counts 1',
  );

export const CharterInput = z
  .object({
    control: ControlConcept,
    keystoneOrganisationId: z.string().min(1).nullable().default(null),
    membershipRules: z.string().trim().max(4000).default(''),
    membershipRulesEn: z.string().trim().max(4000).optional(),
    defaults: VoteSettings.default(defaultSettings),
    byType: z
      .partialRecord(ProposalType, VoteSettings)
      .default({})
      .describe('vote settings per proposal type, over the defaults'),
    vetoTypes: z
      .array(ProposalType)
      .default([
        'admit_member',
        'expel_member',
        'change_rule',
        'approve_project',
        'approve_budget',
        'resolution',
      ])
      .describe('the proposal types the keystone may veto (under keystone control only)'),
    stakes: Stakes.default({}),
  })
  .refine((c) => c.control === 'etharchy' || c.keystoneOrganisationId !== null, {
    message: 'keystone control needs a keystone organisation',
    path: ['keystoneOrganisationId'],
  })
  .meta({ id: 'GovernanceCharterCreate' });
export type CharterInput = z.input<typeof CharterInput>;
export type CharterFields = z.infer<typeof CharterInput>;

export const Charter = z
  .object({
    version: z.number().int().min(1),
    control: ControlConcept,
    keystoneOrganisationId: z.string().nullable(),
    membershipRules: z.string(),
    membershipRulesEn: z.string().optional(),
    defaults: VoteSettings,
    byType: z.partialRecord(ProposalType, VoteSettings),
    vetoTypes: z.array(ProposalType),
    stakes: Stakes.optional().describe('absent in a charter adopted before stakes were recorded'),
    adoptedAt: z.string(),
    proposalId: z
      .string()
      .nullable()
      .describe('the decision that adopted it; null: the founding charter'),
  })
  .meta({ id: 'GovernanceCharter' });
export type Charter = z.infer<typeof Charter>;

export const CharterChange = z
  .object({
    control: ControlConcept.optional(),
    keystoneOrganisationId: z.string().min(1).nullable().optional(),
    membershipRules: z.string().trim().max(4000).optional(),
    membershipRulesEn: z.string().trim().max(4000).optional(),
    defaults: VoteSettings.optional(),
    byType: z.partialRecord(ProposalType, VoteSettings).optional(),
    vetoTypes: z.array(ProposalType).optional(),
    stakes: Stakes.optional(),
  })
  .meta({ id: 'GovernanceCharterChange' });
export type CharterChange = z.infer<typeof CharterChange>;

export const ProposalStatus = z
  .enum(['open', 'adopted', 'rejected', 'no_quorum', 'tie', 'vetoed'])
  .meta({ id: 'GovernanceProposalStatus' });
export type ProposalStatus = z.infer<typeof ProposalStatus>;

export const TallyRound = z
  .object({
    counts: z.record(z.string(), z.number()),
    eliminated: z.string().optional(),
  })
  .meta({ id: 'GovernanceTallyRound' });

export const TallyOutcome = z
  .object({
    status: z.enum(statuses),
    winner: z.string().optional(),
    turnout: z.number(),
    rounds: z.array(TallyRound).optional(),
  })
  .meta({ id: 'GovernanceTallyResult' });

export const ProposalInput = z
  .object({
    type: ProposalType,
    title: z.string().trim().min(3).max(200),
    titleEn: z.string().trim().max(200).optional(),
    body: z.string().trim().max(8000).default(''),
    bodyEn: z.string().trim().max(8000).optional(),
    coSponsors: z.array(z.string().min(1)).max(20).default([]),
    opensAt: z.iso.datetime({ offset: true }).optional().describe('default: now'),
    closesAt: z.iso.datetime({ offset: true }),
    method: VoteMethod.optional().describe(
      "default: the charter's for this type (its quorum and threshold always apply)",
    ),
    candidates: z
      .array(z.string().trim().min(1).max(100))
      .max(20)
      .optional()
      .describe('default: yes, no (none for consent)'),
    candidatesEn: z
      .array(z.string().trim().min(1).max(100))
      .max(20)
      .optional()
      .describe("the options in English, in the candidates' order (ballots name the candidates)"),
    subjectOrganisationId: z
      .string()
      .min(1)
      .optional()
      .describe('admit_member, expel_member, change_keystone: the organisation'),
    charter: CharterChange.optional().describe('change_charter: the change'),
    amountKopecks: Kopecks.min(0).optional().describe('approve_budget'),
  })
  .meta({ id: 'GovernanceProposalCreate' });
export type ProposalInput = z.input<typeof ProposalInput>;

export const Veto = z
  .object({ organisationId: z.string(), reason: z.string(), at: z.string(), by: z.string() })
  .meta({ id: 'GovernanceVeto' });

export const Proposal = z
  .object({
    id: z.string(),
    type: ProposalType,
    title: z.string(),
    titleEn: z.string().optional(),
    body: z.string(),
    bodyEn: z.string().optional(),
    authorOrganisationId: z.string(),
    authorUserId: z.string(),
    coSponsors: z.array(z.string()),
    opensAt: z.string(),
    closesAt: z.string(),
    method: VoteMethod,
    candidates: z.array(z.string()),
    candidatesEn: z
      .array(z.string())
      .optional()
      .describe('the options in English, in the same order; absent: as written'),
    quorum: share,
    threshold: share,
    cap: z.number().optional(),
    stakes: z
      .record(z.string(), z.number())
      .optional()
      .describe(
        'weighted: the stakes the charter recorded when the proposal was made, which the count uses (a member with none counts 1)',
      ),
    subjectOrganisationId: z.string().optional(),
    subjectName: z
      .string()
      .optional()
      .describe(
        "the subject organisation's name, given even to an applicant the directory does not list: the electorate votes on it",
      ),
    subjectNameEn: z.string().optional(),
    charter: CharterChange.optional(),
    amountKopecks: Kopecks.optional(),
    status: ProposalStatus,
    result: TallyOutcome.nullable(),
    electorate: z.array(z.string()).nullable().describe('the member organisations at the close'),
    decidedBy: z.enum(['vote', 'veto']).nullable(),
    decidedAt: z.string().nullable(),
    veto: Veto.nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'GovernanceProposal' });
export type Proposal = z.infer<typeof Proposal>;

export const BallotInput = z
  .object({
    choice: z.string().min(1, rule(messages.chooseOne)).optional(),
    approve: z
      .array(z.string().min(1))
      .optional()
      .describe(
        'approval: the options approved; none is an abstention (counts toward the quorum, not the threshold)',
      ),
    ranking: z
      .array(z.string().min(1))
      .optional()
      .describe('irv: the options in order of preference, at least one'),
    position: ConsentPosition.optional(),
    reason: z.string().trim().max(governanceLimits.ballotReason).optional(),
    weight: z
      .number()
      .optional()
      .describe(
        'refused: a weighted vote counts the stake the charter records for the organisation, not one a ballot declares',
      ),
  })
  .meta({ id: 'GovernanceBallotBody' });
export type BallotInput = z.infer<typeof BallotInput>;

export const CastBallot = BallotInput.extend({
  proposalId: z.string(),
  voter: z.string().describe('the organisation that votes'),
  castBy: z.string(),
  castAt: z.string(),
}).meta({ id: 'GovernanceBallot' });
export type CastBallot = z.infer<typeof CastBallot>;

export const DelegationInput = z
  .object({
    to: z.string().min(1).describe('the organisation that votes for yours'),
    topic: z
      .union([ProposalType, z.literal('all')])
      .default('all')
      .describe('a proposal type, or all'),
  })
  .meta({ id: 'GovernanceDelegationCreate' });

export const DelegationRecord = z
  .object({
    id: z.string(),
    from: z.string(),
    to: z.string(),
    topic: z.union([ProposalType, z.literal('all')]),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'GovernanceDelegation' });
export type DelegationRecord = z.infer<typeof DelegationRecord>;

export const KeystoneTerm = z
  .object({
    organisationId: z.string(),
    since: z.string(),
    until: z.string().nullable(),
    proposalId: z.string().nullable(),
  })
  .meta({ id: 'GovernanceKeystoneTerm' });
export type KeystoneTerm = z.infer<typeof KeystoneTerm>;

export const Participation = z
  .object({
    turnout: z.array(z.object({ proposalId: z.string(), turnout: z.number() })),
    meanTurnout: z.number().nullable(),
    authorshipHhi: z.number().nullable(),
    decided: z.number(),
    byVoteShare: z.number().nullable(),
    byVetoShare: z.number().nullable(),
    voteWeightGini: z.number().nullable(),
  })
  .meta({ id: 'GovernanceParticipation' });

export const ProposalFilter = z.object({ status: z.enum(['open', 'decided']).optional() });

export const MessageInput = z
  .object({ text: z.string().trim().min(1).max(governanceLimits.message) })
  .meta({ id: 'GovernanceMessageBody' });

export const ProposalMessage = z
  .object({
    id: z.string(),
    proposalId: z.string(),
    organisationId: z.string().nullable().describe("the author's organisation"),
    authorUserId: z.string(),
    text: z.string(),
    postedAt: z.string(),
  })
  .meta({ id: 'GovernanceMessage' });
export type ProposalMessage = z.infer<typeof ProposalMessage>;
