// The assessment's concepts as zod schemas: the readiness questionnaire and its summary, the
// cluster snapshot the typology reads, and the placement it answers (OpenAPI from these).
import { z } from 'zod';
import {
  characteristicIds,
  forms,
  layers,
  readinessDimensions,
  snapshotSchema,
} from './engine/index.ts';

const band = z.number().int().min(0, 'must be 0..5').max(5, 'must be 0..5');

export const ReadinessBandsBody = z
  .object(
    Object.fromEntries(readinessDimensions.map((d) => [d, band])) as Record<
      (typeof readinessDimensions)[number],
      typeof band
    >,
  )
  .strict()
  .meta({ id: 'ReadinessBandsBody', description: 'a band 0..5 for each dimension' });

export const ReadinessInput = z
  .object({
    bands: ReadinessBandsBody,
    note: z.string().trim().max(2000).optional().describe('what the answers rest on'),
  })
  .strict()
  .meta({ id: 'ReadinessInput' });
export type ReadinessInput = z.infer<typeof ReadinessInput>;

export const ReadinessSurvey = z
  .object({
    id: z.string().describe('organisation id # version'),
    organisationId: z.string(),
    version: z.number().int().min(1),
    bands: ReadinessBandsBody,
    note: z.string().nullable(),
    submittedBy: z.string(),
    submittedAt: z.string().describe('RFC 3339'),
  })
  .meta({ id: 'ReadinessSurvey' });
export type ReadinessSurvey = z.infer<typeof ReadinessSurvey>;

export const ReadinessSummary = z
  .object({
    organisations: z.number().int(),
    employees: z.number().int(),
    unweighted: z.array(z.string()).describe('organisations without a staff figure'),
    dimensions: z.array(
      z.object({
        dimension: z.enum(readinessDimensions),
        mean: z.number(),
        weightedMean: z.number().nullable(),
        spread: z.number().nullable(),
        min: z.number(),
        max: z.number(),
      }),
    ),
    overall: z.object({ mean: z.number().nullable(), weightedMean: z.number().nullable() }),
    weakest: z.array(z.enum(readinessDimensions)),
  })
  .meta({ id: 'ReadinessSummary' });

export const ClusterSnapshot = snapshotSchema.meta({
  id: 'ClusterSnapshot',
  description: 'organisations, ties, decisions and keystones; extra fields allowed',
});

const Form = z.enum(forms);
export const TypologyPlacement = z
  .object({
    asOf: z.string(),
    windowMonths: z
      .number()
      .int()
      .describe('the months up to asOf the ties and decisions are counted over (default 12)'),
    from: z.string().nullable().describe("the window's first day; null: no lower bound"),
    characteristics: z.array(
      z.object({
        id: z.enum(characteristicIds),
        form: Form,
        score: z.number().min(0).max(2).nullable(),
        indicators: z.array(
          z.object({
            name: z.string(),
            value: z.number().nullable(),
            formula: z.string(),
            score: z.number().nullable(),
            thresholds: z
              .object({
                digital: z.number(),
                ecosystem: z.number(),
                lowerIsCloser: z.boolean().optional(),
              })
              .optional(),
          }),
        ),
        evidence: z.string(),
      }),
    ),
    overall: z.object({ form: Form, score: z.number().nullable() }),
  })
  .meta({ id: 'TypologyPlacement' });

export const TypologyTrajectory = z
  .array(
    z.object({
      month: z.string().describe('YYYY-MM'),
      overall: z.object({ form: Form, score: z.number().nullable() }),
      characteristics: z.array(
        z.object({ id: z.enum(characteristicIds), form: Form, score: z.number().nullable() }),
      ),
    }),
  )
  .meta({ id: 'TypologyTrajectory' });

/** A window of the last N months (at most ten years). */
const Months = z.coerce.number().int().min(1).max(120).optional();

export const NetworkQuery = z.object({
  layer: z.enum(layers).optional().describe('one layer; all when absent'),
  months: Months.describe('the last N months; all when absent'),
});

const share = z.number().nullable();
export const EcosystemNetwork = z
  .object({
    asOf: z.string(),
    layer: z.enum(layers).nullable(),
    months: z.number().int().nullable(),
    nodes: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        nameEn: z
          .string()
          .nullable()
          .describe('the English name; null when the registry keeps none'),
        kind: z.string(),
        degree: z.number(),
        betweenness: z.number(),
        closeness: z.number(),
        pagerank: z.number(),
        eigenvector: z.number(),
        community: z.number().int(),
        valueShare: z.number().describe('share of the exchange value in ties it is party to'),
        role: z.enum(['keystone', 'dominator', 'niche']),
      }),
    ),
    edges: z.array(
      z.object({ source: z.string(), target: z.string(), layer: z.string(), weight: z.number() }),
    ),
    modularity: z.number(),
    density: z.number(),
    valueHhi: z.number().nullable(),
    crossing: z.object({
      agglomerationTies: share,
      agglomerationValue: share,
      regionTies: share,
      regionValue: share,
    }),
  })
  .meta({ id: 'EcosystemNetwork' });

/** The report's file formats: the CLI's two renderings and its figures as a workbook. */
export const reportFormats = ['pdf', 'html', 'xlsx'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export const ReportQuery = z.object({
  format: z
    .enum(reportFormats)
    .default('pdf')
    .describe(
      'pdf or html: the report as the CLI makes it; xlsx: its figures, a sheet per section',
    ),
  lang: z
    .enum(['ru', 'en'])
    .optional()
    .describe('the language of the report (default: the request’s)'),
});

export const PlacementQuery = z.object({
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
    .optional(),
  months: Months.describe(
    'the last N months up to asOf; default 12, the same for the web page and the report',
  ),
});

const Words = z.object({ ru: z.string(), en: z.string() });
const Figure = {
  year: z.number().int().nullable(),
  status: z.enum(['sourced', 'estimate']),
  basis: Words.nullable().describe("an estimate's basis, in Russian and English; null: sourced"),
  source: Words.describe('the source a reader can cite (statistics office and table, or estimate)'),
  refs: z.string().describe('the keys of the reference-data notes the figure comes from'),
};

export const TerritorialBaseline = z
  .object({
    region: z.string(),
    country: z.string(),
    unit: z.string(),
    total: z.object({
      region: z.number(),
      country: z.number(),
      year: z.number().int(),
      status: z.enum(['sourced', 'estimate']),
      basis: Words.optional(),
      source: Words,
      refs: z.string(),
    }),
    industries: z.array(
      z.object({
        industry: z.string().describe('OKVED2 division'),
        name: z.object({ ru: z.string(), en: z.string() }),
        lq: z.number().nullable(),
        regionShare: z.number().nullable(),
        countryShare: z.number().nullable(),
        terms: z
          .object({
            region: z.number(),
            regionTotal: z.number(),
            country: z.number(),
            countryTotal: z.number(),
          })
          .nullable()
          .describe(
            "the LQ's figures: (region / regionTotal) / (country / countryTotal); null: a figure missing",
          ),
        formula: z
          .string()
          .describe("the LQ's formula with its figures, decimal point, no grouping; or 'no data'"),
        regionEmployees: z.number().nullable(),
        countryEmployees: z.number().nullable(),
        ...Figure,
        strongCluster: z.object({
          industry: z.string(),
          lq: z.number().nullable(),
          rank: z.number().int().nullable(),
          regions: z.number().int(),
          strong: z.boolean().nullable(),
          formula: z.string(),
          formulaRu: z.string(),
        }),
      }),
    ),
  })
  .meta({ id: 'TerritorialBaseline' });
export * from './decree779-schema.ts';

// --- sustainability from the platform's data (GET /api/v1/assessment/sustainability) ---

const SustainabilityPartName = z.enum(['environmental', 'economic', 'social']);
export const SustainabilityReport = z
  .object({
    parts: z
      .object({
        environmental: z.number().nullable(),
        economic: z.number().nullable(),
        social: z.number().nullable(),
      })
      .describe('each 0..1: the mean of its indicators as shares of their targets; null: no data'),
    balanceIndex: z
      .number()
      .nullable()
      .describe('mean(parts) × (1 − (max − min)); null unless all three parts have data'),
    indicators: z.array(
      z.object({
        part: SustainabilityPartName,
        name: z.string(),
        value: z.number().nullable().describe('null: no data, never a made-up value'),
        target: z.number().nullable().describe('configuration, an estimate'),
        unit: z.string(),
        share: z.number().nullable(),
        source: z
          .object({ ru: z.string(), en: z.string() })
          .describe('the source a reader can cite, in Russian and English'),
        data: z
          .string()
          .nullable()
          .describe("the API path and query that give the figure's data; null: no single read"),
      }),
    ),
    formula: z.string(),
    formulaRu: z.string(),
    from: z.string().describe('first month counted, YYYY-MM'),
    to: z.string(),
    targetsStatus: z.literal('estimate'),
    targetsSource: z.string(),
  })
  .meta({ id: 'SustainabilityReport' });
