// The assessment's own input: a snapshot of the cluster (organisations, ties between them,
// decisions, keystone history). Unit-free and validated once here, so the scoring can trust it;
// `digicluster assess FILE` reads it from a file, the platform builds it from its own data.
// Extra fields are allowed (kept, ignored) so a richer snapshot stays readable.
import { z } from 'zod';

export const layers = ['exchange', 'knowledge', 'governance'] as const;
export type Layer = (typeof layers)[number];
export const decisionMakers = ['member_vote', 'keystone_veto', 'keystone', 'operator'] as const;
export const roles = ['keystone', 'core', 'niche', 'institution'] as const;

const id = z.string().min(1, 'must be a non-empty string');
/** A calendar day or an instant; only its date part is read. */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}/, 'must be a date YYYY-MM-DD (an RFC 3339 instant is also read)')
  .transform((s) => s.slice(0, 10));
const share = z.number().min(0, 'must be ≥ 0').max(1, 'must be ≤ 1');

export const snapshotOrganisation = z.looseObject({
  id,
  kind: id,
  region: id,
  agglomeration: z.string().min(1).nullable(),
  role: z.enum(roles).optional(),
  employees: z.number().int().min(0).optional(),
  knowledgeWorkers: z.number().int().min(0).optional(),
  /** the day it joined the cluster (its first membership); absent: not known */
  joined: day.optional(),
  /** the day it left (its last membership ended); absent: still a member, or not known */
  left: day.optional(),
});

export const snapshotTie = z.looseObject({
  source: id,
  target: id,
  layer: z.enum(layers),
  value: z.number().min(0, 'must be ≥ 0').optional(),
  onPlatform: z.boolean(),
  at: day,
});

export const snapshotDecision = z.looseObject({ at: day, by: z.enum(decisionMakers) });

export const snapshotKeystone = z.looseObject({ organisation: id, from: day, to: day.optional() });

/**
 * The three parts of sustainability, each a share 0..1 of its own target (the platform's
 * sustainability indicators compute them; a file may state them). Absent: "no data".
 */
export const snapshotSustainability = z.looseObject({
  environmental: share.optional(),
  economic: share.optional(),
  social: share.optional(),
});

export const snapshotSchema = z
  .looseObject({
    /** The region the cluster belongs to: ties to organisations elsewhere cross its border. */
    region: id.optional(),
    organisations: z.array(snapshotOrganisation),
    ties: z.array(snapshotTie).default([]),
    decisions: z.array(snapshotDecision).default([]),
    keystones: z.array(snapshotKeystone).default([]),
    sustainability: snapshotSustainability.optional(),
  })
  .superRefine((s, ctx) => {
    const ids = new Set<string>();
    s.organisations.forEach((o, i) => {
      if (ids.has(o.id))
        ctx.addIssue({
          code: 'custom',
          path: ['organisations', i, 'id'],
          message: `duplicate organisation ${o.id}`,
        });
      ids.add(o.id);
    });
    s.ties.forEach((t, i) => {
      for (const end of ['source', 'target'] as const)
        if (!ids.has(t[end]))
          ctx.addIssue({
            code: 'custom',
            path: ['ties', i, end],
            message: `unknown organisation ${t[end]}`,
          });
    });
    s.keystones.forEach((k, i) => {
      if (!ids.has(k.organisation))
        ctx.addIssue({
          code: 'custom',
          path: ['keystones', i, 'organisation'],
          message: `unknown organisation ${k.organisation}`,
        });
    });
  });

export type SnapshotInput = z.input<typeof snapshotSchema>;
export type Snapshot = z.infer<typeof snapshotSchema>;
export type SnapshotOrganisation = z.infer<typeof snapshotOrganisation>;
export type SnapshotTie = z.infer<typeof snapshotTie>;

export class SnapshotError extends Error {}

/** Validates a snapshot; a SnapshotError names the first bad field. */
export function parseSnapshot(input: unknown): Snapshot {
  const r = snapshotSchema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'snapshot';
  throw new SnapshotError(`${where}: ${issue?.message ?? 'invalid'}`);
}
