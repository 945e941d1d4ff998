import { z } from 'zod';
import { Id, MembershipRole, OrganisationFields, SiteInput } from './registry.ts';

/** The registry as it is exported and imported: organisations, their sites and memberships. */
export const OrganisationRecord = OrganisationFields.extend({ id: Id })
  .refine((o) => o.knowledgeWorkers <= o.employees, {
    message: 'cannot exceed employees',
    path: ['knowledgeWorkers'],
  })
  .meta({ id: 'OrganisationRecord' });
export type OrganisationRecord = z.infer<typeof OrganisationRecord>;

export const SiteRecord = SiteInput.extend({
  id: Id,
  organisationId: Id,
  closedOn: z.iso.date().nullable().default(null),
}).meta({ id: 'SiteRecord' });
export type SiteRecord = z.infer<typeof SiteRecord>;

export const MembershipRecord = z
  .object({
    id: z.string().min(1).max(100),
    organisationId: Id,
    role: MembershipRole,
    joinedOn: z.iso.date(),
    leftOn: z.iso.date().nullable().default(null),
    note: z.string().max(1000).optional(),
  })
  .refine((m) => m.leftOn === null || m.leftOn >= m.joinedOn, {
    message: 'must not be before joinedOn',
    path: ['leftOn'],
  })
  .meta({ id: 'MembershipRecord' });
export type MembershipRecord = z.infer<typeof MembershipRecord>;

export interface RegistrySnapshot {
  organisations: OrganisationRecord[];
  sites: SiteRecord[];
  memberships: MembershipRecord[];
}

export const TransferFormat = z
  .enum(['json', 'csv', 'xlsx', 'geojson'])
  .meta({ id: 'TransferFormat' });
export type TransferFormat = z.infer<typeof TransferFormat>;
