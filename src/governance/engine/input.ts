// The tally's own input and output format (the CLI's `digicluster tally FILE --json` and the
// service's results): unit-free, validated once here so the counting code can trust it.
import { z } from 'zod';

export const methods = ['plurality', 'approval', 'irv', 'weighted', 'consent'] as const;
export type Method = (typeof methods)[number];
export const positions = ['agree', 'abstain', 'disagree', 'block'] as const;
export type Position = (typeof positions)[number];
export const statuses = ['passed', 'failed', 'no_quorum', 'tie'] as const;
export type Status = (typeof statuses)[number];

const id = z.string().min(1, 'must be a non-empty string');
const share = z.number().min(0, 'must be ≥ 0').max(1, 'must be ≤ 1');

export const ballotSchema = z.object({
  voter: id,
  /** A declared stake; counted only by the `weighted` method (others: one member one vote). */
  weight: z.number().gt(0, 'must be > 0').optional(),
  choice: id.optional(),
  /** approval: the options approved; none is an abstention (counted for the quorum only). */
  approve: z.array(id).optional(),
  /** irv: in order of preference; none is an abstention (counted for the quorum only). */
  ranking: z.array(id).optional(),
  position: z.enum(positions).optional(),
  /** A reason (consent); carried, not counted. */
  reason: z.string().optional(),
});

export const delegationSchema = z.object({ from: id, to: id });

export const tallyInputSchema = z.object({
  method: z.enum(methods),
  candidates: z.array(id).default([]),
  ballots: z.array(ballotSchema),
  delegations: z.array(delegationSchema).optional(),
  electorate: z.array(id).optional(),
  quorum: share.optional(),
  threshold: share.optional(),
  /** Declared stakes of members who may not vote themselves (their delegates carry them). */
  weights: z.record(z.string(), z.number().gt(0, 'must be > 0')).optional(),
  /** `weighted`: no member's stake counts for more than this share of the electorate's. */
  cap: z.number().gt(0, 'must be > 0').max(1, 'must be ≤ 1').optional(),
});

export type Ballot = z.infer<typeof ballotSchema>;
export type Delegation = z.infer<typeof delegationSchema>;
export type TallyInput = z.input<typeof tallyInputSchema>;
export type ParsedTallyInput = z.infer<typeof tallyInputSchema>;

export interface Round {
  counts: Record<string, number>;
  eliminated?: string;
}

export interface TallyResult {
  status: Status;
  winner?: string;
  /** Share of the electorate whose vote counted (directly or through a delegate), 2 decimals. */
  turnout: number;
  rounds?: Round[];
}

/** Input the tally cannot count: the message names the field and the rule. */
export class TallyInputError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'TallyInputError';
  }
}
