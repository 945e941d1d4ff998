import { z } from 'zod';
import { isValidInn, isValidKpp, isValidOgrn, isValidOkved } from './identifiers.ts';
import { Password } from './password.ts';
import { patchOf } from './validate.ts';
import { agglomerations, membershipRoles, organisationKinds } from './vocabulary.ts';

/** Slug ids keep exports readable and let the example data refer to its own records. */
export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and dashes, 2-63 characters');

export const OrganisationKind = z.enum(organisationKinds).meta({ id: 'OrganisationKind' });
export type OrganisationKind = z.infer<typeof OrganisationKind>;

export const MembershipRole = z.enum(membershipRoles).meta({ id: 'MembershipRole' });
export type MembershipRole = z.infer<typeof MembershipRole>;

export const OrganisationStatus = z
  .enum(['applicant', 'member', 'former', 'rejected'])
  .meta({ id: 'OrganisationStatus' });
export type OrganisationStatus = z.infer<typeof OrganisationStatus>;

export const Agglomeration = z.enum(agglomerations).meta({ id: 'Agglomeration' });
export type Agglomeration = z.infer<typeof Agglomeration>;

/** Where a figure comes from: a source key of kuzbass-facts.md, or an estimate. */
export const Provenance = z
  .object({
    kind: z.enum(['sourced', 'estimate', 'generated']),
    key: z.string().optional().describe('source key, e.g. "[C1]"'),
    note: z.string().optional(),
  })
  .meta({ id: 'Provenance' });

const IsoDate = z.iso.date();

export const OrganisationFields = z.object({
  name: z.string().trim().min(2).max(200).describe('legal or common name, Russian'),
  nameEn: z.string().trim().max(200).optional(),
  kind: OrganisationKind,
  inn: z.string().refine(isValidInn, 'INN: 10 or 12 digits with valid check digits'),
  ogrn: z.string().refine(isValidOgrn, 'OGRN: 13 (or OGRNIP 15) digits with a valid check digit'),
  kpp: z.string().refine(isValidKpp, 'KPP: 9 characters, NNNNXXNNN').optional(),
  okved: z.string().refine(isValidOkved, 'OKVED: NN, NN.N, NN.NN, NN.NN.N or NN.NN.NN'),
  region: z.string().trim().min(2).max(120),
  employees: z.number().int().min(0).max(1_000_000),
  knowledgeWorkers: z.number().int().min(0).max(1_000_000),
  website: z.string().max(300).optional(),
  description: z.string().max(4000).optional(),
  modelledOn: z
    .string()
    .max(300)
    .optional()
    .describe('the real enterprise an invented one is modelled on'),
  identifiersGenerated: z
    .boolean()
    .default(false)
    .describe('true when INN/OGRN/KPP were generated for the example'),
  provenance: z.record(z.string(), Provenance).default({}),
});

const knowledgeWithinStaff = (o: { employees?: number; knowledgeWorkers?: number }) =>
  o.employees === undefined ||
  o.knowledgeWorkers === undefined ||
  o.knowledgeWorkers <= o.employees;
const knowledgeRule = { message: 'cannot exceed employees', path: ['knowledgeWorkers'] };

export const OrganisationInput = OrganisationFields.extend({ id: Id.optional() })
  .refine(knowledgeWithinStaff, knowledgeRule)
  .meta({ id: 'OrganisationCreate' });
export type OrganisationInput = z.input<typeof OrganisationInput>;

export const OrganisationPatch = patchOf(OrganisationFields)
  .refine(knowledgeWithinStaff, knowledgeRule)
  .meta({ id: 'OrganisationPatch' });
export type OrganisationPatch = z.infer<typeof OrganisationPatch>;

export const Organisation = OrganisationFields.extend({
  id: Id,
  status: OrganisationStatus,
  role: MembershipRole.nullable().describe('role of the current membership, if any'),
  createdAt: z.string(),
}).meta({ id: 'Organisation' });
export type Organisation = z.infer<typeof Organisation>;

export const SiteInput = z
  .object({
    id: Id.optional(),
    name: z.string().trim().min(2).max(200),
    kind: z
      .enum([
        'mine',
        'open_pit',
        'plant',
        'power_plant',
        'dump',
        'office',
        'campus',
        'depot',
        'other',
      ])
      .default('other'),
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
    address: z.string().max(300).optional(),
  })
  .meta({ id: 'SiteCreate' });
export type SiteInput = z.input<typeof SiteInput>;

export const SitePatch = patchOf(SiteInput.omit({ id: true })).meta({ id: 'SitePatch' });
export type SitePatch = z.infer<typeof SitePatch>;

export const Site = SiteInput.extend({
  id: Id,
  organisationId: Id,
  agglomeration: Agglomeration.nullable().describe(
    'derived: agglomeration of the nearest listed city',
  ),
  nearestCity: z.string().nullable(),
  inRegion: z.boolean().describe('derived: inside the Kemerovo Oblast outline'),
  closedOn: IsoDate.nullable(),
}).meta({ id: 'Site' });
export type Site = z.infer<typeof Site>;

export const MembershipInput = z
  .object({
    role: MembershipRole,
    joinedOn: IsoDate,
    note: z.string().max(1000).optional(),
  })
  .meta({ id: 'MembershipCreate' });
export type MembershipInput = z.infer<typeof MembershipInput>;

export const Membership = MembershipInput.extend({
  id: z.string(),
  organisationId: Id,
  leftOn: IsoDate.nullable(),
}).meta({ id: 'Membership' });
export type Membership = z.infer<typeof Membership>;

export const MembershipEnd = z
  .object({ leftOn: IsoDate, note: z.string().max(1000).optional() })
  .meta({ id: 'MembershipEnd' });

export const ApplicationInput = z
  .object({
    organisation: OrganisationInput,
    requestedRole: MembershipRole.default('niche'),
    motivation: z.string().max(4000).optional(),
    admin: z.object({
      email: z.email(),
      name: z.string().trim().min(2).max(200),
      password: Password,
    }),
  })
  .meta({ id: 'ApplicationCreate' });
export type ApplicationInput = z.input<typeof ApplicationInput>;

export const Application = z
  .object({
    id: z.string(),
    organisationId: Id,
    organisationName: z.string(),
    contactName: z
      .string()
      .nullable()
      .describe("the applicant's admin, who will log in once admitted"),
    contactEmail: z.string().nullable(),
    requestedRole: MembershipRole,
    motivation: z.string().nullable(),
    status: z.enum(['pending', 'admitted', 'rejected']),
    submittedAt: z.string(),
    decidedAt: z.string().nullable(),
    decisionNote: z.string().nullable(),
  })
  .meta({ id: 'Application' });
export type Application = z.infer<typeof Application>;

export const AdmissionDecision = z
  .object({
    role: MembershipRole.optional(),
    joinedOn: IsoDate.optional(),
    note: z.string().max(1000).optional(),
  })
  .meta({ id: 'AdmissionDecision' });
