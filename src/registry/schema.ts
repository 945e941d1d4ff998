// The registry's concepts as zod schemas: types, request validation and OpenAPI come from
// here, and the web app imports this file for its forms and enum lists.
import { z } from 'zod';
import { Locale, UserRole } from '../model/actor.ts';
import { Id, Provenance } from '../model/common.ts';
import { isValidInn, isValidKpp, isValidOgrn, isValidOkved } from '../model/identifiers.ts';
import { rule } from '../model/messages.ts';
import { Password } from '../model/password.ts';
import { patchOf } from '../model/validate.ts';
import {
  agglomerations,
  membershipRoles,
  organisationKinds,
  vatRegimes,
} from '../model/vocabulary.ts';
import { DECISION_NOTE_MAX } from './limits.ts';
import { rules } from './messages.ts';

export const OrganisationKind = z.enum(organisationKinds).meta({ id: 'OrganisationKind' });
export type OrganisationKind = z.infer<typeof OrganisationKind>;
export const VatRegime = z
  .enum(vatRegimes)
  .describe(
    'general: the standard rate, input VAT deducted (ОСНО, or УСН that chose that rate); usn_exempt: УСН exempt, sales without VAT; usn_5 / usn_7: УСН at 5 % / 7 % (Tax Code art. 164 p. 8), no input VAT deducted',
  )
  .meta({ id: 'VatRegime' });
export type VatRegime = z.infer<typeof VatRegime>;

/**
 * The event an organisation's change of VAT regime journals beside `organisation.updated`
 * (which carries the new state only), so that its open deals can tell the counterpart.
 */
export const VAT_REGIME_CHANGED = 'organisation.vat-regime-changed';
export interface VatRegimeChanged {
  organisationId: string;
  name: string;
  nameEn: string | null;
  from: VatRegime;
  to: VatRegime;
}

/** The change to journal when an organisation's regime moves from `from`; null when it stays. */
export function vatRegimeChange(
  o: { id: string; name: string; nameEn?: string | null; vatRegime: VatRegime },
  from: VatRegime | undefined,
): VatRegimeChanged | null {
  if (from === undefined || from === o.vatRegime) return null;
  return { organisationId: o.id, name: o.name, nameEn: o.nameEn ?? null, from, to: o.vatRegime };
}

export const MembershipRole = z.enum(membershipRoles).meta({ id: 'MembershipRole' });
export type MembershipRole = z.infer<typeof MembershipRole>;

export const OrganisationStatus = z
  .enum(['applicant', 'member', 'former', 'rejected'])
  .meta({ id: 'OrganisationStatus' });
export type OrganisationStatus = z.infer<typeof OrganisationStatus>;

export const Agglomeration = z.enum(agglomerations).meta({ id: 'Agglomeration' });
export type Agglomeration = z.infer<typeof Agglomeration>;

const IsoDate = z.iso.date();

/** A website as people can follow it: http(s), with a host (L11: «sorbcia.example» alone is refused, not guessed). */
function isWebsite(s: string): boolean {
  if (!/^https?:\/\/[^\s/]+\.[^\s]/i.test(s)) return false;
  try {
    return Boolean(new URL(s).hostname);
  } catch {
    return false;
  }
}

const Website = z.string().trim().max(300).refine(isWebsite, rule(rules.website));

export const OrganisationFields = z.object({
  name: z.string().trim().min(2).max(200).describe('legal or common name, Russian'),
  nameEn: z.string().trim().max(200).optional(),
  kind: OrganisationKind,
  inn: z.string().refine(isValidInn, rule(rules.inn)),
  ogrn: z.string().refine(isValidOgrn, rule(rules.ogrn)),
  kpp: z.string().refine(isValidKpp, rule(rules.kpp)).optional(),
  okved: z.string().refine(isValidOkved, rule(rules.okved)),
  region: z.string().trim().min(2).max(120),
  employees: z.number().int().min(0).max(1_000_000),
  knowledgeWorkers: z.number().int().min(0).max(1_000_000),
  website: Website.optional().describe(
    'with its scheme: https://… or http://… (an address without one is refused)',
  ),
  description: z.string().max(4000).optional(),
  descriptionEn: z.string().max(4000).optional().describe('the description in English'),
  modelledOn: z
    .string()
    .max(300)
    .optional()
    .describe('the real enterprise an invented one is modelled on'),
  modelledOnEn: z.string().max(300).optional().describe('modelledOn in English'),
  identifiersGenerated: z
    .boolean()
    .default(false)
    .describe('true when INN/OGRN/KPP were generated for the example'),
  provenance: z.record(z.string(), Provenance).default({}),
  vatRegime: VatRegime.default('general').describe(
    "how the organisation stands to VAT: the rate its deliveries' sales charge, and whether it deducts the VAT it pays",
  ),
});

// (a negative head count is its own box's error: not also said of the knowledge workers)
const knowledgeWithinStaff = (o: { employees?: number; knowledgeWorkers?: number }) =>
  o.employees === undefined ||
  o.knowledgeWorkers === undefined ||
  o.employees < 0 ||
  o.knowledgeWorkers <= o.employees;
const knowledgeRule = { ...rule(rules.knowledgeWithinStaff), path: ['knowledgeWorkers'] };

export const OrganisationInput = OrganisationFields.extend({ id: Id.optional() })
  .refine(knowledgeWithinStaff, knowledgeRule)
  .meta({ id: 'OrganisationCreate' });
export type OrganisationInput = z.input<typeof OrganisationInput>;

export const OrganisationPatch = patchOf(OrganisationFields)
  .extend({
    // a profile's website can be taken away again: '' removes it
    website: z
      .union([z.literal(''), Website])
      .optional()
      .describe('with its scheme: https://… or http://…; an empty string removes it'),
  })
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

/** A special legal regime a site lies in (Decree 779 counts its participants there). */
export const specialTerritoryKinds = ['tor', 'oez', 'other'] as const;
export const SpecialTerritory = z
  .object({
    kind: z
      .enum(specialTerritoryKinds)
      .describe(
        'tor: territory of advanced socio-economic development (ТОР/ТОСЭР); oez: special economic zone (ОЭЗ); other: another special regime',
      ),
    name: z.string().trim().min(2).max(200).describe('e.g. «ТОР «Юрга»»'),
  })
  .strict()
  .meta({ id: 'SpecialTerritory' });
export type SpecialTerritory = z.infer<typeof SpecialTerritory>;

export const SiteInput = z
  .object({
    id: Id.optional(),
    name: z.string().trim().min(2).max(200),
    nameEn: z.string().trim().max(200).optional().describe('the name in English'),
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
    addressEn: z.string().max(300).optional().describe('the address in English'),
    monotown: z
      .boolean()
      .default(false)
      .describe(
        "the site lies in a single-industry town (monotown) on the Government's list (Распоряжение № 1398-р of 29.07.2014, as amended); Decree 779 lowers the functional-dependency threshold for such clusters",
      ),
    specialTerritory: SpecialTerritory.nullable()
      .default(null)
      .describe('the special territory (ТОР, ОЭЗ, …) the site lies in; null: none'),
    territoryProvenance: Provenance.nullable()
      .default(null)
      .describe(
        'where the monotown and special-territory flags come from: a source key, or an estimate with its basis; null: stated by the organisation',
      ),
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
    noteEn: z.string().max(1000).optional().describe('the note in English'),
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

/** Consent to the processing of personal data (152-FZ): given by ticking the box, and recorded. */
const Consent = z
  .literal(true, rule(rules.consent))
  .describe(
    "the applicant consents to the processing of the admin's personal data (152-FZ); required, recorded with the application",
  );

export const ApplicationInput = z
  .object({
    organisation: OrganisationInput,
    site: SiteInput.optional().describe(
      "the organisation's first site. The web form requires it; the API takes an application without one, so clients written before it keep working. It is kept with the applicant and shown with the organisation once admitted",
    ),
    requestedRole: MembershipRole.default('niche'),
    motivation: z.string().max(4000).optional(),
    admin: z.object({
      email: z.email(),
      name: z.string().trim().min(2).max(200),
      password: Password,
    }),
    consent: Consent,
  })
  .meta({ id: 'ApplicationCreate' });
export type ApplicationInput = z.input<typeof ApplicationInput>;

/**
 * Applying again after a rejection, through the status link: the same organisation (its
 * INN and OGRN stay its own), the same admin, who keeps their password; the rest as now.
 */
export const ReapplicationInput = z
  .object({
    organisation: OrganisationFields.omit({ inn: true, ogrn: true })
      .refine(knowledgeWithinStaff, knowledgeRule)
      .describe(
        'the organisation as it is now; its INN and OGRN stay its own (not taken from here)',
      ),
    site: SiteInput.optional().describe(
      "the organisation's first site; replaces the one given before (the web form requires it)",
    ),
    requestedRole: MembershipRole.default('niche'),
    motivation: z.string().max(4000).optional(),
    consent: Consent,
  })
  .meta({ id: 'ReapplicationCreate' });
export type ReapplicationInput = z.input<typeof ReapplicationInput>;

export const ApplicationStatusValue = z
  .enum(['pending', 'admitted', 'rejected'])
  .meta({ id: 'ApplicationStatus' });

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
    status: ApplicationStatusValue,
    submittedAt: z.string(),
    decidedAt: z.string().nullable(),
    decisionNote: z.string().nullable(),
    grantedRole: MembershipRole.nullable().describe('the role granted on admission'),
    consentedAt: z
      .string()
      .nullable()
      .describe('when the applicant consented to the processing of personal data (152-FZ)'),
  })
  .meta({ id: 'Application' });
export type Application = z.infer<typeof Application>;

/**
 * An application that repeats records the applicant may not be told of (F8: an applicant or a
 * rejected organisation's INN, OGRN or id, or a registered e-mail). The applicant was answered
 * as usual; the operator sees it here, with the records it repeats, to settle it by e-mail.
 */
/** How the operator answered a repeated application (by e-mail, out of band), as it records it. */
export const DuplicateAnswerNote = z
  .object({
    note: z.string().trim().min(1, rule(rules.duplicateAnswer)).max(DECISION_NOTE_MAX),
  })
  .meta({ id: 'DuplicateAnswerNote' });

export const DuplicateAnswer = z
  .object({
    at: z.string(),
    by: z.string().describe("the operator's name (an API key's reference when a key recorded it)"),
    note: z.string(),
  })
  .meta({ id: 'DuplicateAnswer' });
export type DuplicateAnswer = z.infer<typeof DuplicateAnswer>;

export const DuplicateApplication = z
  .object({
    seq: z.number().int().describe("the journal event's sequence number"),
    submittedAt: z.string(),
    organisationName: z.string(),
    inn: z.string(),
    ogrn: z.string(),
    contactName: z.string(),
    contactEmail: z.string(),
    motivation: z.string().nullable(),
    repeats: z
      .array(z.enum(['organisation.id', 'organisation.inn', 'organisation.ogrn', 'admin.email']))
      .describe('what the application repeats'),
    existing: z
      .array(
        z.object({
          organisationId: z.string(),
          organisationName: z.string(),
          status: OrganisationStatus,
        }),
      )
      .describe('the organisations already holding what it repeats, as they stand now'),
    answered: DuplicateAnswer.nullable().describe(
      'how the operator settled it, once recorded; null while it waits for an answer',
    ),
  })
  .meta({ id: 'DuplicateApplication' });
export type DuplicateApplication = z.infer<typeof DuplicateApplication>;

/** What an applicant gets on submission: the application and its status link's token, shown once. */
export const ApplicationReceipt = Application.extend({
  statusToken: z
    .string()
    .describe(
      'shown once: opens the status page #/application/<token> and GET /api/v1/application-status/{token}; only its hash is kept',
    ),
}).meta({ id: 'ApplicationReceipt' });
export type ApplicationReceipt = z.infer<typeof ApplicationReceipt>;

/** An application as its status link shows it to the applicant (no login). */
export const ApplicationStatusView = z
  .object({
    organisationName: z.string(),
    status: ApplicationStatusValue,
    submittedAt: z.string(),
    decidedAt: z.string().nullable(),
    decisionNote: z.string().nullable(),
    grantedRole: MembershipRole.nullable(),
    superseded: z.boolean().describe('true when the organisation applied again since'),
    reapply: z
      .object({
        organisation: OrganisationFields.extend({ id: Id }),
        site: SiteInput.nullable(),
        requestedRole: MembershipRole,
        motivation: z.string().nullable(),
        contactEmail: z.string(),
      })
      .nullable()
      .describe('after a rejection (and only then): what the application said, to apply again'),
  })
  .meta({ id: 'ApplicationStatusView' });
export type ApplicationStatusView = z.infer<typeof ApplicationStatusView>;

export const AdmissionDecision = z
  .object({
    role: MembershipRole.optional(),
    joinedOn: IsoDate.optional(),
    note: z.string().max(DECISION_NOTE_MAX).optional(),
  })
  .meta({ id: 'AdmissionDecision' });

/** A rejection says why: the applicant reads it on the status page, and applies again by it. */
export const RejectionDecision = z
  .object({
    note: z.string().trim().min(1, rule(rules.rejectionReason)).max(DECISION_NOTE_MAX),
  })
  .meta({ id: 'RejectionDecision' });

// --- the material taxonomy ---

const Text = z.object({ ru: z.string().min(1), en: z.string().min(1) });

export const MaterialCategory = z
  .enum([
    'coal',
    'coal_product',
    'mineral_waste',
    'combustion_residue',
    'gas',
    'water',
    'energy',
    'chemical',
    'other',
  ])
  .meta({ id: 'MaterialCategory' });

export const MaterialUnit = z
  .enum(['t', 'm3', 'thousand_m3', 'MWh', 'GJ', 'Gcal'])
  .meta({ id: 'MaterialUnit' });
export type MaterialUnit = z.infer<typeof MaterialUnit>;

/** A quality property measured on a stream, e.g. ash Ad, %. */
export const QualityProperty = z
  .object({ id: Id, name: Text, symbol: z.string(), unit: z.string() })
  .meta({ id: 'QualityProperty' });
export type QualityProperty = z.infer<typeof QualityProperty>;

/** What a material can serve as, e.g. "cement additive". */
export const MaterialUse = z.object({ id: Id, name: Text }).meta({ id: 'MaterialUse' });
export type MaterialUse = z.infer<typeof MaterialUse>;

export const FkkoCode = z.string().regex(/^\d \d{2} \d{3} \d{2} \d{2} \d$/, rule(rules.fkko));
/** One entry of the FKKO catalogue, as a look-up shows it. */
export const FkkoEntryView = z
  .object({
    code: z.string(),
    name: z.string(),
    block: z.string(),
    blockName: z.string().describe("the block's name as the catalogue writes it (capitals)"),
    blockNameEn: z.string().describe("the block's name in English (our translation)"),
    hazardClass: z.number(),
    physicalState: z.string(),
    physicalStateEn: z.string().describe('the physical state in English (our translation)'),
  })
  .meta({ id: 'FkkoEntry' });

export const EwcCode = z.string().regex(/^\d{2} \d{2} \d{2}\*?$/, rule(rules.ewc));

export const MaterialInput = z
  .object({
    id: Id,
    name: Text,
    category: MaterialCategory,
    unit: MaterialUnit,
    waste: z.boolean().describe('true for wastes in the sense of 89-FZ; they carry FKKO codes'),
    fkko: z.array(FkkoCode).default([]),
    ewc: z.array(EwcCode).default([]),
    properties: z
      .array(Id)
      .default([])
      .describe('ids of the quality properties this material carries'),
    uses: z.array(Id).default([]).describe('ids of the uses it can serve'),
    note: z.string().optional(),
  })
  .meta({ id: 'MaterialDefinition' });
export type MaterialInput = z.input<typeof MaterialInput>;

export const Material = MaterialInput.meta({ id: 'Material' });
export type Material = z.infer<typeof MaterialInput>;

export const Taxonomy = z
  .object({
    properties: z.array(QualityProperty),
    uses: z.array(MaterialUse),
    materials: z.array(MaterialInput),
  })
  .meta({ id: 'Taxonomy' });
export type Taxonomy = z.infer<typeof Taxonomy>;

// --- import and export ---

/** The registry as it is exported and imported: organisations, their sites and memberships. */
export const OrganisationRecord = OrganisationFields.extend({
  id: Id,
  vatRegime: VatRegime.optional().describe(
    'absent (a file from before the field): an organisation already recorded keeps its regime, a new one is on the general regime',
  ),
})
  .refine(knowledgeWithinStaff, knowledgeRule)
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
    noteEn: z.string().max(1000).optional(),
  })
  .refine((m) => m.leftOn === null || m.leftOn >= m.joinedOn, {
    ...rule(rules.leftBeforeJoined),
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

// --- users and API keys ---
export const User = z
  .object({
    id: z.string(),
    organisationId: Id,
    email: z.email(),
    name: z.string(),
    role: UserRole,
    locale: Locale,
    status: z.enum(['active', 'pending', 'disabled']),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

export const LoginInput = z
  .object({ email: z.email(), password: z.string().min(1).max(200) })
  .meta({ id: 'Login' });

export const PasswordChange = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: Password })
  .meta({ id: 'PasswordChange' });

export const InvitationInput = z
  .object({
    email: z.email(),
    name: z.string().trim().min(2).max(200),
    role: UserRole.exclude(['operator_admin']).default('member'),
  })
  .meta({ id: 'InvitationCreate' });
export type InvitationInput = z.input<typeof InvitationInput>;

export const InvitationAccept = z
  .object({
    token: z.string().min(20),
    password: Password,
    name: z.string().trim().min(2).max(200).optional(),
  })
  .meta({ id: 'InvitationAccept' });

export const InvitationPreviewInput = z
  .object({ token: z.string().min(20).max(200) })
  .meta({ id: 'InvitationLookup' });

/** What an invitation link invites to, shown on its page before the password is set. */
export const InvitationPreview = z
  .object({
    email: z.string(),
    name: z.string().describe('the name the admin gave; the invitee may change it'),
    role: UserRole,
    organisation: z.object({ id: z.string(), name: z.string(), nameEn: z.string().optional() }),
    expiresAt: z.string(),
  })
  .meta({ id: 'InvitationPreview' });
export type InvitationPreview = z.infer<typeof InvitationPreview>;

export const PasswordResetAccept = z
  .object({ token: z.string().min(20).max(200), password: Password })
  .meta({ id: 'PasswordResetAccept' });

/** A password-reset link as issued: the token is shown once, only its hash is kept. */
export const PasswordResetIssued = z
  .object({
    user: User,
    token: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: 'PasswordResetIssued' });

export const UserPatch = z
  .object({
    name: z.string().trim().min(2).max(200).optional(),
    role: UserRole.exclude(['operator_admin']).optional(),
    locale: Locale.optional(),
    status: z.enum(['active', 'disabled']).optional(),
  })
  .meta({ id: 'UserPatch' });
export type UserPatch = z.infer<typeof UserPatch>;

export const ApiKeyInput = z
  .object({
    name: z.string().trim().min(2).max(100),
    role: z.enum(['member', 'observer']).default('member'),
  })
  .meta({ id: 'ApiKeyCreate' });
export type ApiKeyInput = z.input<typeof ApiKeyInput>;

export const ApiKey = z
  .object({
    id: z.string(),
    organisationId: Id,
    name: z.string(),
    role: z.enum(['member', 'observer']),
    prefix: z.string().describe('first characters of the key, to recognise it'),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiKey' });
export type ApiKey = z.infer<typeof ApiKey>;

// --- waste licences (89-ФЗ art. 9, 99-ФЗ): who may collect, carry, process, utilise, neutralise
// or place waste of hazard classes I–IV; class V needs none ---

/** What a waste licence covers (лицензия на деятельность по сбору, транспортированию, …). */
export const wasteActivities = [
  'collection',
  'transport',
  'processing',
  'utilisation',
  'neutralisation',
  'placement',
] as const;
export const WasteActivity = z
  .enum(wasteActivities)
  .describe(
    'collection (сбор), transport (транспортирование), processing (обработка), utilisation (утилизация), neutralisation (обезвреживание), placement (размещение)',
  )
  .meta({ id: 'WasteActivity' });
export type WasteActivity = z.infer<typeof WasteActivity>;

/** A hazard class a licence may cover: I–IV (class V needs no licence). */
export const LicensedHazardClass = z
  .int()
  .min(1)
  .max(4, rule(rules.licensedClass))
  .meta({ id: 'LicensedHazardClass' });

const distinct = <T>(xs: readonly T[]) => new Set(xs).size === xs.length;

export const WasteLicenceInput = z
  .object({
    number: z
      .string()
      .trim()
      .min(1)
      .max(60)
      .describe('the licence number as issued, e.g. «(42)-…-СТОУР»'),
    issuedOn: IsoDate,
    issuedBy: z
      .string()
      .trim()
      .min(2)
      .max(200)
      .describe(
        'the issuing authority, e.g. «Сибирское межрегиональное управление Росприроднадзора»',
      ),
    activities: z.array(WasteActivity).min(1).refine(distinct, rule(rules.listedOnce)),
    hazardClasses: z
      .array(LicensedHazardClass)
      .min(1)
      .refine(distinct, rule(rules.listedOnce))
      .describe('the hazard classes I–IV the licence covers'),
    fkko: z
      .array(FkkoCode)
      .max(500)
      .default([])
      .refine(distinct, rule(rules.listedOnce))
      .describe('the FKKO codes its annex lists; empty: not recorded (the classes decide)'),
    validUntil: IsoDate.nullable()
      .default(null)
      .describe('the last day it is valid; null: permanent (бессрочная)'),
    provenance: Provenance.nullable()
      .default(null)
      .describe("where the record comes from; null: the organisation's own statement"),
  })
  .refine((l) => l.validUntil === null || l.validUntil >= l.issuedOn, {
    ...rule(rules.validBeforeIssued),
    path: ['validUntil'],
  })
  .meta({ id: 'WasteLicenceCreate' });
export type WasteLicenceInput = z.input<typeof WasteLicenceInput>;

export const WasteLicence = z
  .object({
    id: z.string(),
    organisationId: Id,
    number: z.string(),
    issuedOn: IsoDate,
    issuedBy: z.string(),
    activities: z.array(WasteActivity),
    hazardClasses: z.array(z.int()),
    fkko: z.array(z.string()),
    validUntil: IsoDate.nullable(),
    provenance: Provenance.nullable(),
    recordedAt: z.string(),
    removedOn: IsoDate.nullable().describe('when it was struck off the register; null: on it'),
  })
  .meta({ id: 'WasteLicence' });
export type WasteLicence = z.infer<typeof WasteLicence>;
