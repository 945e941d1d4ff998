// The governance module's pure engine: vote counting, delegation, participation figures.
export { type Resolution, resolveDelegations } from './delegation.ts';
export * from './input.ts';
export { type IrvOutcome, instantRunoff, type RankedBallot } from './irv.ts';
export * from './participation.ts';
export {
  type BallotRecord,
  closesLoop,
  type DelegationSpan,
  delegationsInForce,
  latestClose,
  MAX_VOTE_DAYS,
  type ProposalVote,
  tallyInputFor,
} from './proposal.ts';
export { electorateOf, parseTallyInput, tally, weightsOf } from './tally.ts';
