// The Decree 779 check's concepts as zod schemas: what an organisation declares (its year's
// purchases, its ties made off the platform) and the check's answer with its evidence per member.
import { z } from 'zod';
import { Id } from '../model/common.ts';
import { rule } from '../model/messages.ts';
import { MAX_KOPECKS } from '../model/money.ts';
import { declarationRules as rules } from './decree779-messages.ts';
import { decree779CheckIds, layers } from './engine/index.ts';

const Year = z.int().min(2000, rule(rules.year)).max(2100, rule(rules.year));
const Money = z
  .int(rule(rules.wholeKopecks))
  .min(0, rule(rules.notNegative))
  .max(MAX_KOPECKS, rule(rules.moneyLimit));

/** An organisation's total purchases in a year: the denominator of functional dependency. */
export const PurchasesDeclarationInput = z
  .object({
    kind: z.literal('purchases'),
    organisationId: Id,
    year: Year,
    purchasesKopecks: Money.describe(
      "the organisation's total purchases of goods, works and services in the year, kopecks",
    ),
    note: z.string().trim().max(500).optional().describe('what the figure rests on'),
  })
  .strict()
  .meta({ id: 'PurchasesDeclarationBody' });

/**
 * What an organisation declares of the period before the year: whether it produced industrial
 * output, and if not, whether it is organising such production in the cluster (Decree 779 allows
 * up to three such participants). One a year.
 */
export const OutputDeclarationInput = z
  .object({
    kind: z.literal('output'),
    organisationId: Id,
    year: Year.describe('the year checked; the declaration speaks of the year before it'),
    producedOutput: z
      .boolean()
      .describe('it produced industrial output in the previous period (the year before)'),
    organisingProduction: z
      .boolean()
      .default(false)
      .describe('without output: it is organising industrial production in the cluster'),
    note: z.string().trim().max(500).optional().describe('what the statement rests on'),
  })
  .strict()
  .meta({ id: 'OutputDeclarationBody' });

/** A contract or co-operation made outside the platform, with a member or an outside organisation. */
export const TieDeclarationInput = z
  .object({
    kind: z.literal('tie'),
    organisationId: Id,
    partnerOrganisationId: Id.optional().describe('the partner, when the registry lists it'),
    partnerName: z
      .string()
      .trim()
      .min(2)
      .max(200)
      .optional()
      .describe('the partner, when the registry does not list it'),
    layer: z
      .enum(layers)
      .describe(
        'exchange: a supply contract; knowledge: joint R&D, a licence, a consultation; governance: a joint body or agreement',
      ),
    valueKopecks: Money.optional().describe("the contract's value, kopecks, when known"),
    on: z.iso
      .date()
      .refine((on) => Number(on.slice(0, 4)) >= 2000, rule(rules.year))
      .describe('the day it was made, YYYY-MM-DD; not after today'),
    note: z.string().trim().max(500).optional(),
  })
  .strict()
  .refine((t) => (t.partnerOrganisationId === undefined) !== (t.partnerName === undefined), {
    ...rule(rules.onePartner),
    path: ['partnerOrganisationId'],
  })
  .refine((t) => t.partnerOrganisationId !== t.organisationId, {
    ...rule(rules.notItself),
    path: ['partnerOrganisationId'],
  })
  .meta({ id: 'TieDeclarationBody' });

export const DeclarationInput = z
  .discriminatedUnion('kind', [
    PurchasesDeclarationInput,
    OutputDeclarationInput,
    TieDeclarationInput,
  ])
  .meta({ id: 'DeclarationBody' });
export type DeclarationInput = z.infer<typeof DeclarationInput>;

const recorded = {
  id: z.string(),
  organisationId: z.string(),
  year: z.int(),
  note: z.string().nullable(),
  declaredBy: z.string(),
  declaredAt: z.string().describe('RFC 3339'),
  withdrawnAt: z.string().nullable().describe('RFC 3339; a withdrawn declaration counts no more'),
};

export const PurchasesDeclaration = z
  .object({ ...recorded, kind: z.literal('purchases'), purchasesKopecks: z.int() })
  .meta({ id: 'PurchasesDeclaration' });
export type PurchasesDeclaration = z.infer<typeof PurchasesDeclaration>;

export const OutputDeclaration = z
  .object({
    ...recorded,
    kind: z.literal('output'),
    producedOutput: z.boolean(),
    organisingProduction: z.boolean(),
  })
  .meta({ id: 'OutputDeclaration' });
export type OutputDeclaration = z.infer<typeof OutputDeclaration>;

export const TieDeclaration = z
  .object({
    ...recorded,
    kind: z.literal('tie'),
    partnerOrganisationId: z.string().nullable(),
    partnerName: z.string().nullable(),
    layer: z.enum(layers),
    valueKopecks: z.int().nullable(),
    on: z.string(),
  })
  .meta({ id: 'TieDeclaration' });
export type TieDeclaration = z.infer<typeof TieDeclaration>;

export const Declaration = z
  .discriminatedUnion('kind', [PurchasesDeclaration, OutputDeclaration, TieDeclaration])
  .meta({ id: 'Declaration' });
export type Declaration = z.infer<typeof Declaration>;

export const DeclarationQuery = z.object({
  organisationId: Id.optional().describe("the caller's own organisation when absent"),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const Decree779Query = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .optional()
    .describe('the calendar year checked; the current year when absent'),
});

const check = z.object({
  id: z
    .enum(decree779CheckIds)
    .describe(
      'contracts: each participant holds a contract in force with another; functional_dependency: supplied between participants in the year ÷ their declared purchases; without_output: participants without industrial output in the previous period (organising it), at most the threshold',
    ),
  passed: z.boolean().nullable().describe('null: the inputs it needs are missing'),
  value: z.number().nullable(),
  threshold: z.number(),
  missing: z.int().describe('participants whose declaration the check needs and lacks'),
  evidence: z
    .object({ ru: z.string(), en: z.string() })
    .describe('the reason, in Russian and English'),
});

export const Decree779Report = z
  .object({
    year: z.int(),
    rules: z.object({
      minContractsPerParticipant: z.number(),
      functionalDependency: z.number(),
      functionalDependencyLowered: z.number(),
      loweredIfShare: z.number(),
      maxWithoutOutput: z.number(),
    }),
    compliant: z.boolean().nullable(),
    checks: z.array(check),
    reading: z.string().describe('how platform data are read as the Decree inputs'),
    readingRu: z.string().describe('the same in Russian'),
    notCounted: z
      .array(
        z.object({
          id: z.string(),
          name: z.string(),
          nameEn: z.string().nullable(),
          as: z
            .enum(['government', 'specialised'])
            .describe(
              'government: a government body; specialised: the platform operator, the cluster development centre (the specialised organisation)',
            ),
        }),
      )
      .describe('current members that are no participants of the check'),
    members: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        nameEn: z
          .string()
          .nullable()
          .describe('the English name; null when the registry keeps none'),
        monotown: z.boolean(),
        specialTerritories: z.array(z.string()).describe('as recorded (Russian)'),
        specialTerritoriesEn: z
          .array(z.string())
          .describe('the same in English (as recorded where no English name is known)'),
        territoryEstimate: z
          .boolean()
          .describe('a monotown or special-territory flag rests on an estimate'),
        purchasesKopecks: z.int().nullable().describe('null: no declaration for the year'),
        producedOutput: z
          .boolean()
          .nullable()
          .describe('it declares industrial output in the previous period; null: no declaration'),
        organisingProduction: z
          .boolean()
          .nullable()
          .describe('without output: it declares organising production in the cluster'),
        contractsOnPlatform: z.int().describe('deals in force during the year with a participant'),
        contractsDeclared: z.int(),
        suppliedOnPlatformKopecks: z
          .int()
          .describe('delivered in the year under those deals, as posted, kopecks'),
        valueDeclaredKopecks: z.int(),
        declaredWithoutValue: z
          .int()
          .describe('declared contracts whose value was not stated (not in valueDeclaredKopecks)'),
        partners: z.array(
          z.object({ id: z.string(), name: z.string(), nameEn: z.string().nullable() }),
        ),
        hasContract: z.boolean(),
        /** hidden: the figures of another organisation, for a member or an observer */
        redacted: z.boolean(),
      }),
    ),
    transactions: z
      .object({
        exchangeTies: z.int(),
        onPlatform: z.int(),
        declaredOffPlatform: z.int(),
        share: z.number().nullable(),
        formula: z.string(),
      })
      .describe("the snapshot's exchange ties of the year: the place of transactions, measured"),
  })
  .meta({ id: 'Decree779Report' });
export type Decree779Report = z.infer<typeof Decree779Report>;
