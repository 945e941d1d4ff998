// The knowledge module's concepts as zod schemas: knowledge assets, expertise profiles, R&D
// projects, search and "who can help". Types, validation and OpenAPI come from here.
import { z } from 'zod';
import { Id } from '../model/common.ts';
import { rule } from '../model/messages.ts';
import { MAX_KOPECKS } from '../model/money.ts';
import { competenceIds } from './engine/competences.ts';
import { SEARCH_QUERY_MAX } from './limits.ts';
import { rules } from './messages.ts';

const Text = (max: number) => z.string().trim().min(1).max(max);

export const AssetType = z
  .enum(['technology', 'method', 'patent', 'study', 'dataset', 'lesson', 'course'])
  .describe('lesson: a lesson learned; course: a training course or programme')
  .meta({ id: 'KnowledgeAssetType' });
export type AssetType = z.infer<typeof AssetType>;

export const KnowledgeVisibility = z
  .enum(['public', 'members', 'organisations'])
  .describe(
    'public: anyone; members: logged-in users of member organisations; organisations: the owner and the organisations named in `audience` (for a project also its participants)',
  )
  .meta({ id: 'KnowledgeVisibility' });
export type KnowledgeVisibility = z.infer<typeof KnowledgeVisibility>;

export const CompetenceId = z.enum(competenceIds).meta({ id: 'CompetenceId' });

const titled = <T extends { titleRu?: string; titleEn?: string }>(v: T) =>
  !!(v.titleRu || v.titleEn);
const audienceNamed = (v: { visibility: string; audience?: string[] }) =>
  v.visibility !== 'organisations' || (v.audience?.length ?? 0) > 0;

/** The fields alone (the patch form is made of them). */
export const AssetFields = z.object({
  id: Id.optional(),
  organisationId: Id.optional().describe("the owner; default: the caller's organisation"),
  type: AssetType,
  titleRu: Text(300).optional(),
  titleEn: Text(300).optional(),
  textRu: Text(20_000).optional(),
  textEn: Text(20_000).optional(),
  authors: z.array(Text(200)).max(30).default([]),
  authorsEn: z
    .array(Text(200))
    .max(30)
    .optional()
    .describe('the authors in Latin letters, in the order of `authors`'),
  materialIds: z.array(Id).max(30).default([]).describe('materials of the registry taxonomy'),
  processIds: z.array(Id).max(30).default([]).describe('uses (processes) of the taxonomy'),
  trl: z.int().min(1).max(9).describe('technology readiness level, 1-9'),
  licenceTerms: Text(2000).optional(),
  licenceTermsEn: Text(2000).optional(),
  visibility: KnowledgeVisibility.default('public'),
  audience: z.array(Id).max(100).optional(),
});

export const AssetInput = AssetFields.refine(titled, {
  ...rule(rules.needsTitle),
  path: ['titleRu'],
})
  .refine(audienceNamed, { ...rule(rules.needsAudience), path: ['audience'] })
  .meta({ id: 'KnowledgeAssetCreate' });
export type AssetInput = z.infer<typeof AssetInput>;

export const AssetRecord = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    type: AssetType,
    titleRu: z.string().optional(),
    titleEn: z.string().optional(),
    textRu: z.string().optional(),
    textEn: z.string().optional(),
    authors: z.array(z.string()),
    authorsEn: z.array(z.string()).optional(),
    materialIds: z.array(z.string()),
    processIds: z.array(z.string()),
    trl: z.int(),
    licenceTerms: z.string().optional(),
    licenceTermsEn: z.string().optional(),
    visibility: KnowledgeVisibility,
    audience: z.array(z.string()).optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'KnowledgeAssetRecord' });
export type AssetRecord = z.infer<typeof AssetRecord>;

const Owner = {
  organisationName: z.string().nullable(),
  organisationNameEn: z.string().nullable(),
  views: z.int().describe('times the page was opened'),
};

export const Asset = AssetRecord.extend(Owner).meta({ id: 'KnowledgeAsset' });
export type Asset = z.infer<typeof Asset>;

export const CompetenceLevel = z
  .object({ competence: CompetenceId, level: z.int().min(1).max(5) })
  .meta({ id: 'CompetenceLevel' });

export const ProfileInput = z
  .object({
    id: Id.optional(),
    organisationId: Id.optional().describe("default: the caller's organisation"),
    userId: z.string().max(100).optional().describe('the platform user, when the person has one'),
    personName: Text(200),
    personNameEn: Text(200).optional(),
    position: Text(300).optional(),
    positionEn: Text(300).optional(),
    competences: z.array(CompetenceLevel).min(1).max(20),
    aboutRu: Text(5000).optional(),
    aboutEn: Text(5000).optional(),
    visibility: z.enum(['public', 'members']).default('members'),
  })
  .describe('No e-mail or phone: people are contacted through the platform only')
  .meta({ id: 'ExpertiseProfileCreate' });
export type ProfileInput = z.infer<typeof ProfileInput>;

export const ProfileRecord = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    userId: z.string().optional(),
    personName: z.string(),
    personNameEn: z.string().optional(),
    position: z.string().optional(),
    positionEn: z.string().optional(),
    competences: z.array(CompetenceLevel),
    aboutRu: z.string().optional(),
    aboutEn: z.string().optional(),
    visibility: z.enum(['public', 'members']),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ExpertiseProfileRecord' });
export type ProfileRecord = z.infer<typeof ProfileRecord>;

export const Profile = ProfileRecord.extend(Owner).meta({ id: 'ExpertiseProfile' });
export type Profile = z.infer<typeof Profile>;

export const ParticipantRole = z
  .enum(['lead', 'partner', 'university', 'customer'])
  .meta({ id: 'ProjectParticipantRole' });

export const ProjectStatus = z
  .enum(['proposed', 'active', 'completed', 'suspended'])
  .meta({ id: 'ProjectStatus' });

export const ProjectStage = z
  .object({
    titleRu: Text(300).optional(),
    titleEn: Text(300).optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    done: z.boolean().default(false),
  })
  .refine(titled, { ...rule(rules.needsTitle), path: ['titleRu'] })
  .meta({ id: 'ProjectStage' });

/** The fields alone (the patch form is made of them). */
export const ProjectFields = z.object({
  id: Id.optional(),
  titleRu: Text(300).optional(),
  titleEn: Text(300).optional(),
  goalRu: Text(5000).optional(),
  goalEn: Text(5000).optional(),
  participants: z
    .array(z.object({ organisationId: Id, role: ParticipantRole }))
    .min(1)
    .max(50)
    .refine((ps) => ps.filter((p) => p.role === 'lead').length === 1, rule(rules.needsLead)),
  budgetKopecks: z.int().min(0).max(MAX_KOPECKS),
  stages: z.array(ProjectStage).max(30).default([]),
  status: ProjectStatus.default('proposed'),
  competences: z.array(CompetenceId).max(20).default([]).describe('competences the project needs'),
  materialIds: z.array(Id).max(30).default([]),
  assetIds: z.array(Id).max(50).default([]),
  listingIds: z.array(z.string().max(100)).max(50).default([]),
  visibility: KnowledgeVisibility.default('members'),
  audience: z.array(Id).max(100).optional(),
});

export const ProjectInput = ProjectFields.refine(titled, {
  ...rule(rules.needsTitle),
  path: ['titleRu'],
}).meta({ id: 'ProjectCreate' });
export type ProjectInput = z.infer<typeof ProjectInput>;

export const ProjectRecord = z
  .object({
    id: z.string(),
    organisationId: z.string().describe('the lead'),
    titleRu: z.string().optional(),
    titleEn: z.string().optional(),
    goalRu: z.string().optional(),
    goalEn: z.string().optional(),
    participants: z.array(z.object({ organisationId: z.string(), role: ParticipantRole })),
    budgetKopecks: z.int(),
    stages: z.array(
      z.object({
        titleRu: z.string().optional(),
        titleEn: z.string().optional(),
        from: z.string().optional(),
        to: z.string().optional(),
        done: z.boolean(),
      }),
    ),
    status: ProjectStatus,
    competences: z.array(z.string()),
    materialIds: z.array(z.string()),
    assetIds: z.array(z.string()),
    listingIds: z.array(z.string()),
    visibility: KnowledgeVisibility,
    audience: z.array(z.string()).optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ProjectRecord' });
export type ProjectRecord = z.infer<typeof ProjectRecord>;

export const Project = ProjectRecord.extend(Owner).meta({ id: 'Project' });
export type Project = z.infer<typeof Project>;

export const RecordType = z
  .enum(['asset', 'profile', 'project'])
  .meta({ id: 'KnowledgeRecordType' });
export type RecordType = z.infer<typeof RecordType>;

export const SearchQuery = z
  .object({
    q: z.string().max(SEARCH_QUERY_MAX).default(''),
    type: RecordType.optional().describe('assets, profiles or projects only'),
    assetType: AssetType.optional(),
    materialId: Id.optional(),
    trlMin: z.coerce.number().int().min(1).max(9).optional(),
    trlMax: z.coerce.number().int().min(1).max(9).optional(),
    organisationId: Id.optional().describe('the owner, or for a project any participant'),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce
      .number()
      .int()
      .min(0)
      .max(1_000_000)
      .default(0)
      .describe('records to skip: the next page starts at offset + limit'),
  })
  // a querystring stays inline (no component id): Swagger resolves no $ref in parameters
  .describe('knowledge search');
export type SearchQuery = z.input<typeof SearchQuery>;

export const SearchHit = z
  .object({
    type: RecordType,
    id: z.string(),
    title: z.string().describe('in the Russian form when there is one, else the English'),
    titleEn: z.string().nullable(),
    kind: z.string().describe("the asset's type; `profile` or the project's status otherwise"),
    organisationId: z.string(),
    trl: z.int().nullable(),
    score: z.number(),
  })
  .meta({ id: 'KnowledgeSearchHit' });
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z
  .object({
    results: z.array(SearchHit),
    terms: z
      .array(z.string())
      .describe(
        "the query's words as searched (stemmed); empty: it had none (punctuation, stop words) and the records are listed unranked",
      ),
    total: z.int().describe('records found in all; `results` is the page of them asked for'),
  })
  .meta({ id: 'KnowledgeSearchResult' });
export type SearchResult = z.infer<typeof SearchResult>;

export const HelpReason = z
  .object({
    kind: z.enum(['competence', 'complements', 'project', 'deal']),
    competence: z.string().optional(),
    level: z.int().optional(),
    projectId: z.string().optional(),
    dealId: z.string().optional(),
    withOrganisationId: z.string().optional(),
    text: z.string().describe("worded in the caller's language"),
  })
  .meta({ id: 'HelpReason' });

export const Helper = z
  .object({
    kind: z.enum(['person', 'organisation']),
    id: z.string(),
    name: z.string(),
    organisationId: z.string(),
    score: z.number(),
    reasons: z.array(HelpReason),
  })
  .meta({ id: 'Helper' });
export type Helper = z.infer<typeof Helper>;

export const HelpAnswer = z
  .object({
    competences: z.array(z.string()),
    askingSideHidden: z
      .boolean()
      .describe(
        "the listing's holder is hidden from the caller: past work with it and what it lacks are not counted, and it may be among the helpers",
      ),
    helpers: z.array(Helper),
  })
  .meta({ id: 'WhoCanHelp' });
export type HelpAnswer = z.infer<typeof HelpAnswer>;

export const ExchangeRequest = z
  .object({ message: z.string().trim().max(2000).optional() })
  .meta({ id: 'KnowledgeExchangeRequest' });

export const LicenceGrant = z
  .object({ organisationId: Id, terms: z.string().trim().max(2000).optional() })
  .meta({ id: 'KnowledgeLicenceGrant' });

// --- human potential: courses and programmes, internships and vacancies, competence gaps ---

export const OpeningKind = z
  .enum(['course', 'programme', 'internship', 'vacancy'])
  .describe(
    'course, programme: training of a university or institute; internship, vacancy: of an enterprise',
  )
  .meta({ id: 'OpeningKind' });
export type OpeningKind = z.infer<typeof OpeningKind>;

/** The fields alone (the patch form is made of them). */
export const OpeningFields = z.object({
  id: Id.optional(),
  organisationId: Id.optional().describe("the offering organisation; default: the caller's"),
  kind: OpeningKind,
  titleRu: Text(300).optional(),
  titleEn: Text(300).optional(),
  textRu: Text(5000).optional(),
  textEn: Text(5000).optional(),
  competences: z
    .array(CompetenceLevel)
    .min(1)
    .max(20)
    .describe(
      'a course or programme: the level it brings a learner to; an internship or vacancy: the level it asks for',
    ),
  hours: z.int().min(1).max(10_000).optional().describe('length of a course or programme'),
  places: z.int().min(1).max(10_000).optional(),
  salaryKopecks: z
    .int()
    .min(0)
    .max(MAX_KOPECKS)
    .optional()
    .describe('a vacancy: monthly pay before tax, kopecks'),
  startsOn: z.iso.date().optional(),
  visibility: z.enum(['public', 'members']).default('public'),
});

export const OpeningInput = OpeningFields.refine(titled, {
  ...rule(rules.needsTitle),
  path: ['titleRu'],
}).meta({ id: 'OpeningCreate' });
export type OpeningInput = z.infer<typeof OpeningInput>;

export const OpeningRecord = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    kind: OpeningKind,
    titleRu: z.string().optional(),
    titleEn: z.string().optional(),
    textRu: z.string().optional(),
    textEn: z.string().optional(),
    competences: z.array(CompetenceLevel),
    hours: z.int().optional(),
    places: z.int().optional(),
    salaryKopecks: z.int().optional(),
    startsOn: z.string().optional(),
    visibility: z.enum(['public', 'members']),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'OpeningRecord' });
export type OpeningRecord = z.infer<typeof OpeningRecord>;

export const Opening = OpeningRecord.extend({
  organisationName: z.string().nullable(),
  organisationNameEn: z.string().nullable(),
}).meta({ id: 'Opening' });
export type Opening = z.infer<typeof Opening>;

export const OpeningQuery = z
  .object({
    kind: OpeningKind.optional(),
    organisationId: Id.optional(),
  })
  .describe('openings filter');

export const GapQuery = z
  .object({ organisationId: Id.optional().describe('only this organisation’s gaps') })
  .describe('gaps filter');

export const CompetenceGap = z
  .object({
    competence: z.string(),
    competenceName: z.string().describe("in the caller's language"),
    organisationId: z.string().nullable().describe('null: the cluster as a whole'),
    organisationName: z.string().nullable(),
    demanded: z.int().describe('the highest level asked for'),
    present: z.int().describe('the highest level held (0: nobody)'),
    holders: z.int().describe('people holding it at the demanded level or above'),
    demands: z.array(
      z.object({
        source: z.enum(['vacancy', 'internship', 'project', 'listing', 'readiness']),
        id: z.string().describe('for readiness: the questionnaire dimension answered low'),
      }),
    ),
  })
  .meta({ id: 'CompetenceGap' });

export const OpeningReason = z
  .object({
    kind: z.enum(['gap', 'missing', 'holds']),
    competence: z.string(),
    organisationId: z.string().nullable().optional(),
    demanded: z.int().optional(),
    present: z.int().optional(),
    has: z.int().optional(),
    level: z.int(),
    text: z.string().describe("worded in the caller's language"),
  })
  .meta({ id: 'OpeningReason' });

export const RankedOpening = z
  .object({
    id: z.string(),
    kind: OpeningKind,
    title: z.string().describe("in the caller's language"),
    organisationId: z.string(),
    organisationName: z.string().nullable(),
    score: z.number(),
    reasons: z.array(OpeningReason),
  })
  .meta({ id: 'RankedOpening' });

export const GapReport = z
  .object({
    cluster: z.array(CompetenceGap),
    organisations: z.array(CompetenceGap),
    openings: z.array(RankedOpening).describe('courses, programmes and internships closing gaps'),
  })
  .meta({ id: 'CompetenceGapReport' });
export type GapReport = z.infer<typeof GapReport>;

export const Development = z
  .object({
    profileId: z.string(),
    missing: z.array(
      z.object({ competence: z.string(), competenceName: z.string(), level: z.int() }),
    ),
    learn: z
      .array(RankedOpening)
      .describe('courses, programmes, internships teaching what is missing'),
    apply: z
      .array(RankedOpening)
      .describe('vacancies and internships whose competences the person holds'),
  })
  .meta({ id: 'ProfileDevelopment' });
export type Development = z.infer<typeof Development>;
