// The exchange's concepts as zod schemas: types, request validation and OpenAPI come from
// here, and the web app imports this file for its forms and enum lists.
import { z } from 'zod';
import { Id, Provenance } from '../model/common.ts';
import { rule, WordedMessage } from '../model/messages.ts';
import { Kopecks } from '../model/money.ts';
import { patchOf } from '../model/validate.ts';
import { Agglomeration, FkkoCode, FkkoEntryView, MaterialUnit } from '../registry/schema.ts';
import { FactorOverrides } from './engine/factors.ts';
import { listingLimits } from './limits.ts';
import { limitRule, rules } from './messages.ts';

export { listingLimits };

/**
 * A sum of money in kopecks that is not one listing's value: a flow's transport or savings, a
 * plan's totals. Any safe integer (JSON-schema integer); planning keeps the listings whose
 * sums would pass it out of the plan (engine/screen.ts).
 */
export const KopecksSum = z.int();

const IsoDate = z.iso.date();

export const ListingSide = z.enum(['offer', 'request']).meta({ id: 'ListingSide' });
export type ListingSide = z.infer<typeof ListingSide>;

export const ListingStatus = z
  .enum(['draft', 'active', 'expired', 'withdrawn'])
  .meta({ id: 'ListingStatus' });
export type ListingStatus = z.infer<typeof ListingStatus>;

export const ListingVisibility = z
  .enum(['public', 'members', 'anonymous'])
  .describe(
    'public: anyone; members: logged-in users only; anonymous: material, quantity and agglomeration shown, the holder revealed only when both sides of a match accept',
  )
  .meta({ id: 'ListingVisibility' });
export type ListingVisibility = z.infer<typeof ListingVisibility>;

export const TransportMode = z
  .enum(['road', 'rail', 'pipeline', 'wire'])
  .describe('pipeline (gas, heat) and wire (electricity) only within maxDistanceKm')
  .meta({ id: 'TransportMode' });
export type TransportMode = z.infer<typeof TransportMode>;

export const LegalStatus = z
  .enum(['waste', 'secondary_resource', 'secondary_raw_material', 'by_product'])
  .describe(
    'waste (отход, needs its FKKO code), secondary resource, secondary raw material, or by-product (побочный продукт, needs byProductOf and standard)',
  )
  .meta({ id: 'LegalStatus' });
export type LegalStatus = z.infer<typeof LegalStatus>;

export const Counterfactual = z
  .enum([
    'landfilled',
    'dumped',
    'stored',
    'vented',
    'flared',
    'sold',
    'used_internally',
    'not_produced',
    'not_stated',
  ])
  .describe(
    "offer: what happens to the material today, without the exchange — landfilled (a waste facility) or dumped (the holder's own dump), each at its disposal cost; stored on site (at its disposal cost, if any); vented or flared (a gas); sold on the market (at its sale price); used internally (worth its sale price to the holder); not produced (made only when there is a taker); not stated. Credits come only from it: avoided disposal for landfilled, dumped and stored; avoided methane for vented; a sold or internally used material forgoes its price and earns no CO2 credit",
  )
  .meta({ id: 'Counterfactual' });
export type Counterfactual = z.infer<typeof Counterfactual>;

export const Substitute = z
  .enum([
    'clinker',
    'gbfs',
    'natural-aggregate',
    'natural-sand',
    'clay',
    'primary-coal',
    'natural-gas',
    'heat-coal-boiler',
    'heat-gas-boiler',
    'purchased-electricity',
    'none',
    'resale',
  ])
  .describe(
    "request: what the delivered material replaces at the requester — cement clinker, granulated blast-furnace slag, natural aggregate, sand, clay, primary coal, natural gas, heat from a coal or gas boiler, purchased electricity, nothing, or resale (an intermediary that processes and resells: no CO2 credit here, the end user earns it). Its CO2 credit is the substitute's avoided emissions (factors table, substitutes.<name>.tCo2PerUnit)",
  )
  .meta({ id: 'Substitute' });
export type Substitute = z.infer<typeof Substitute>;

export const QualityLimit = z
  .object({ min: z.number().optional(), max: z.number().optional() })
  .refine((l) => l.min !== undefined || l.max !== undefined, rule(rules.needsMinOrMax))
  .refine(
    (l) => l.min === undefined || l.max === undefined || l.min <= l.max,
    rule(rules.minAboveMax),
  )
  .meta({ id: 'QualityLimit' });
export type QualityLimit = z.infer<typeof QualityLimit>;

/*
 * The bounds of a listing's money per unit and quantities are checked by `listingRules`, which
 * knows the listing's unit and so words them with it («не больше 100 000 ₽/т»); the fields state
 * them for OpenAPI only. A field's own `.max` could not name the unit, and `z.int()` would first
 * refuse a figure past 2^53 with the programmer's bound (9007199254740991).
 */
const quantityBound = { maximum: listingLimits.quantityPerYear };
const moneyBound = { type: 'integer', maximum: listingLimits.kopecksPerUnit } as const;

/** The fields a holder writes; side-specific rules are checked by `listingRules`. */
export const ListingFields = z.object({
  siteId: Id.describe("one of the organisation's own sites"),
  side: ListingSide,
  materialId: Id.optional().describe('an offer names its material; a request a material or a use'),
  useId: Id.optional().describe('what the material is (to be) used for, e.g. cement-additive'),
  quantityPerYear: z.number().positive().meta(quantityBound),
  unit: MaterialUnit.describe("the material's unit"),
  availableFrom: IsoDate,
  availableTo: IsoDate,
  quality: z
    .record(z.string(), z.union([z.number(), QualityLimit]))
    .default({})
    .describe(
      'offer: measured values, e.g. { "ash": 12.5 }; request: limits, e.g. { "ash": { "max": 15 } }; property ids of the taxonomy that the material carries',
    ),
  disposalCostKopecksPerUnit: z
    .number()
    .min(0)
    .meta(moneyBound)
    .optional()
    .describe('offer: what the holder pays today to dispose of one unit, in kopecks'),
  counterfactual: Counterfactual.optional().describe(
    'offer: what happens to it today; absent: landfilled if it has a disposal cost, else not_stated',
  ),
  supplierCostKopecksPerUnit: z
    .number()
    .min(0)
    .meta(moneyBound)
    .optional()
    .describe(
      "offer: the holder's own cost to produce, capture, treat or hand over one unit for the exchange (drying, compression, loading), in kopecks",
    ),
  salePriceKopecksPerUnit: z
    .number()
    .min(0)
    .meta(moneyBound)
    .optional()
    .describe(
      'offer: the price of a marketable product per unit, in kopecks: what it sells for (counterfactual sold: the revenue it forgoes elsewhere; used_internally: its worth to the holder)',
    ),
  mustShipMin: z
    .number()
    .min(0)
    .meta(quantityBound)
    .optional()
    .describe('offer: must ship at least this per year'),
  priceKopecksPerUnit: z
    .number()
    .min(0)
    .meta(moneyBound)
    .optional()
    .describe(
      'request: what the holder pays today per unit for what the material would replace, in kopecks',
    ),
  mustTakeMin: z
    .number()
    .min(0)
    .meta(quantityBound)
    .optional()
    .describe('request: must take at least this per year'),
  substitute: Substitute.optional().describe(
    'request: what the delivered material replaces; absent: not stated, no CO2 credit',
  ),
  endUse: z
    .boolean()
    .optional()
    .describe(
      'request: false for an intermediary (a processor that resells): the CO2 credit belongs to the end user, once; absent: true',
    ),
  priceCalorificKcalPerKg: z
    .number()
    .min(listingLimits.calorificKcalPerKg.min, rule(rules.calorificLimit))
    .max(listingLimits.calorificKcalPerKg.max, rule(rules.calorificLimit))
    .optional()
    .describe(
      "request replacing primary coal, priced by the tonne: the calorific value of the coal its price refers to, kcal/kg as fired (a coal contract's basis); a fuel delivered to it is worth price × its calorific value ÷ this. Absent: the factors' energy.coal.ncvKcalPerKg",
    ),
  transportModes: z.array(TransportMode).min(1),
  maxDistanceKm: z
    .number()
    .positive()
    .max(listingLimits.maxDistanceKm, rule(rules.distanceLimit))
    .optional(),
  legalStatus: LegalStatus.optional(),
  byProductOf: z.string().trim().min(2).max(listingLimits.textLength).optional(),
  standard: z
    .string()
    .trim()
    .min(2)
    .max(listingLimits.textLength)
    .optional()
    .describe('GOST, TU or specification a by-product meets'),
  fkko: FkkoCode.optional(),
  visibility: ListingVisibility.default('members'),
  note: z.string().max(listingLimits.noteLength).optional(),
  provenance: z.record(z.string(), Provenance).default({}),
});

type FieldsShape = z.infer<typeof ListingFields>;

/** Cross-field rules of a listing; each issue names its field. */
export function listingRules(l: FieldsShape, ctx: z.RefinementCtx): void {
  const issue = (path: string, broken: { code: string }) =>
    ctx.addIssue({ code: 'custom', path: [path], message: broken.code });
  if (l.availableFrom > l.availableTo) issue('availableTo', rules.notBeforeFrom);
  const tooMany = (n: number | undefined) => n !== undefined && n > listingLimits.quantityPerYear;
  for (const k of ['quantityPerYear', 'mustShipMin', 'mustTakeMin'] as const)
    if (tooMany(l[k])) issue(k, limitRule('quantity', l.unit));
  for (const k of [
    'disposalCostKopecksPerUnit',
    'supplierCostKopecksPerUnit',
    'salePriceKopecksPerUnit',
    'priceKopecksPerUnit',
  ] as const) {
    const kopecks = l[k];
    if (typeof kopecks !== 'number') continue;
    if (kopecks > listingLimits.kopecksPerUnit) issue(k, limitRule('money', l.unit));
    else if (!Number.isInteger(kopecks)) issue(k, rules.wholeKopecks);
  }
  if (l.side === 'offer') {
    if (!l.materialId) issue('materialId', rules.offerNamesMaterial);
    if (!l.legalStatus) issue('legalStatus', rules.offerStatesLegalStatus);
    for (const [k, v] of Object.entries(l.quality ?? {}))
      if (typeof v !== 'number') issue(`quality.${k}`, rules.offerGivesValue);
    if (l.priceKopecksPerUnit !== undefined) issue('priceKopecksPerUnit', rules.onlyForRequest);
    if (l.mustTakeMin !== undefined) issue('mustTakeMin', rules.onlyForRequest);
    if (l.substitute !== undefined) issue('substitute', rules.onlyForRequest);
    if (l.endUse !== undefined) issue('endUse', rules.onlyForRequest);
    if (l.priceCalorificKcalPerKg !== undefined)
      issue('priceCalorificKcalPerKg', rules.onlyForRequest);
    if (l.counterfactual === 'sold' && l.salePriceKopecksPerUnit === undefined)
      issue('salePriceKopecksPerUnit', rules.soldNeedsPrice);
    if (l.mustShipMin !== undefined && l.mustShipMin > l.quantityPerYear)
      issue('mustShipMin', rules.notAboveQuantity);
  } else {
    if (!l.materialId && !l.useId) issue('useId', rules.requestNamesMaterialOrUse);
    for (const [k, v] of Object.entries(l.quality ?? {}))
      if (typeof v === 'number') issue(`quality.${k}`, rules.requestGivesLimit);
    if (l.disposalCostKopecksPerUnit !== undefined)
      issue('disposalCostKopecksPerUnit', rules.onlyForOffer);
    if (l.mustShipMin !== undefined) issue('mustShipMin', rules.onlyForOffer);
    if (l.counterfactual !== undefined) issue('counterfactual', rules.onlyForOffer);
    if (l.supplierCostKopecksPerUnit !== undefined)
      issue('supplierCostKopecksPerUnit', rules.onlyForOffer);
    if (l.salePriceKopecksPerUnit !== undefined)
      issue('salePriceKopecksPerUnit', rules.onlyForOffer);
    if (l.mustTakeMin !== undefined && l.mustTakeMin > l.quantityPerYear)
      issue('mustTakeMin', rules.notAboveQuantity);
    if (
      l.priceCalorificKcalPerKg !== undefined &&
      (l.substitute !== 'primary-coal' || l.unit !== 't')
    )
      issue('priceCalorificKcalPerKg', rules.calorificBasisForCoal);
  }
  if (l.legalStatus === 'waste' && !l.fkko) issue('fkko', rules.wasteNeedsFkko);
  if (l.legalStatus === 'by_product') {
    if (!l.byProductOf) issue('byProductOf', rules.byProductNamesProcess);
    if (!l.standard) issue('standard', rules.byProductNamesStandard);
  }
  if (
    (l.transportModes ?? []).some((m) => m === 'pipeline' || m === 'wire') &&
    l.maxDistanceKm === undefined
  )
    issue('maxDistanceKm', rules.reachNeeded);
}

/** A new listing's fields before the cross-field rules (the web form checks the two apart). */
export const ListingBody = ListingFields.extend({
  id: Id.optional(),
  organisationId: Id.optional().describe("defaults to the caller's organisation"),
  status: z
    .enum(['draft', 'active'])
    .default('draft')
    .describe('draft (publish later) or active at once'),
});

export const ListingInput = ListingBody.superRefine(listingRules).meta({ id: 'ListingCreate' });
export type ListingInput = z.input<typeof ListingInput>;

/** In a patch, `null` removes an optional field (a minimum, the reach, the FKKO code, ...). */
const clearable = <T extends z.ZodType>(field: z.ZodOptional<T>) =>
  field
    .unwrap()
    .nullable()
    .optional()
    .describe(`${field.description ?? ''} (null removes it)`.trim());
const f = ListingFields.shape;

export const ListingPatch = patchOf(ListingFields.omit({ side: true }))
  .extend({
    materialId: clearable(f.materialId),
    useId: clearable(f.useId),
    disposalCostKopecksPerUnit: clearable(f.disposalCostKopecksPerUnit),
    mustShipMin: clearable(f.mustShipMin),
    priceKopecksPerUnit: clearable(f.priceKopecksPerUnit),
    mustTakeMin: clearable(f.mustTakeMin),
    counterfactual: clearable(f.counterfactual),
    supplierCostKopecksPerUnit: clearable(f.supplierCostKopecksPerUnit),
    salePriceKopecksPerUnit: clearable(f.salePriceKopecksPerUnit),
    substitute: clearable(f.substitute),
    endUse: clearable(f.endUse),
    priceCalorificKcalPerKg: clearable(f.priceCalorificKcalPerKg),
    maxDistanceKm: clearable(f.maxDistanceKm),
    legalStatus: clearable(f.legalStatus),
    byProductOf: clearable(f.byProductOf),
    standard: clearable(f.standard),
    fkko: clearable(f.fkko),
    note: clearable(f.note),
  })
  .meta({ id: 'ListingPatch' });
export type ListingPatch = z.infer<typeof ListingPatch>;

export const Listing = ListingFields.extend({
  id: Id,
  organisationId: Id.nullable().describe('null while an anonymous holder is hidden from you'),
  organisationName: z.string().nullable(),
  organisationNameEn: z
    .string()
    .nullable()
    .describe("the holder's English name, when shown and the registry has one"),
  siteName: z.string().nullable(),
  siteNameEn: z
    .string()
    .nullable()
    .optional()
    .describe("the site's English name, when shown and the registry has one"),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  agglomeration: Agglomeration.nullable(),
  holderHidden: z.boolean().describe('true: an anonymous holder, not revealed to you'),
  siteId: Id.nullable(),
  status: ListingStatus,
  fkkoEntry: FkkoEntryView.nullable().describe('derived from the FKKO code'),
  createdAt: z.string(),
  updatedAt: z.string(),
}).meta({ id: 'Listing' });
export type Listing = z.infer<typeof Listing>;

/** The statuses a listing is stored with; `expired` is derived from its window when read. */
export const StoredListingStatus = z.enum(['draft', 'active', 'withdrawn']);
export type StoredListingStatus = z.infer<typeof StoredListingStatus>;

/**
 * A listing as stored: every field its holder wrote, its holder and its stored status. Its
 * events (listing.created, .updated, .published, .withdrawn) carry exactly this.
 */
export const ListingRecord = ListingFields.extend({
  id: Id,
  organisationId: Id,
  status: StoredListingStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
}).meta({ id: 'ListingRecord' });
export type ListingRecord = z.infer<typeof ListingRecord>;

export const ListingFilter = z.object({
  material: Id.optional(),
  use: Id.optional(),
  fkko: z.string().optional(),
  agglomeration: Agglomeration.optional(),
  side: ListingSide.optional(),
  status: ListingStatus.optional(),
  organisation: Id.optional(),
});
export type ListingFilter = z.infer<typeof ListingFilter>;

export const CompatibilityRow = z
  .object({
    from: z.string().describe('offer material id, or * for any'),
    to: z.string().describe('request material id, use:<id>, or * for the same material'),
    fromUnit: z.string(),
    toUnit: z.string(),
    yield: z.number().describe('delivered units per shipped unit'),
    kind: z.enum(['sourced', 'estimate', 'rule']),
    source: z.string(),
    scaledBy: z
      .string()
      .optional()
      .describe(
        "a quality property in %: the yield is per unit of the pure component and each link's yield is × the offer's % ÷ 100 (methane: ch4)",
      ),
  })
  .meta({ id: 'CompatibilityRow' });
export type CompatibilityRow = z.infer<typeof CompatibilityRow>;

export const PlanRequest = z
  .object({
    robustness: z
      .object({
        runs: z.number().int().min(1).max(200),
        variation: z.number().min(0).max(0.5).describe('volumes varied by ± this share'),
        seed: z.number().int().optional(),
      })
      .optional(),
    timeLimitSeconds: z.number().positive().max(120).optional(),
    factors: FactorOverrides.optional().describe(
      'values replacing those of the factors table for this plan (key → value in the table unit); an unknown key is refused (400)',
    ),
  })
  .meta({ id: 'PlanRequest' });
export type PlanRequest = z.infer<typeof PlanRequest>;

export const FlowEnd = z
  .object({
    listingId: z.string(),
    agglomeration: Agglomeration.nullable(),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    approximate: z
      .boolean()
      .describe(
        "true: a hidden holder, shown at the point its figures are computed from: its agglomeration's centre (outside the region: the nearest regional capital)",
      ),
    organisationId: z.string().nullable(),
    organisationName: z.string().nullable(),
    organisationNameEn: z
      .string()
      .nullable()
      .optional()
      .describe("the holder's English name, when shown and the registry has one"),
    siteId: z.string().nullable(),
  })
  .meta({ id: 'FlowEnd' });
export type FlowEnd = z.infer<typeof FlowEnd>;

export const PlanFlow = z
  .object({
    supply: z.string().describe('offer listing id'),
    demand: z.string().describe('request listing id'),
    agreed: z
      .literal(true)
      .optional()
      .describe(
        'the flow of a match both sides accepted, planned as agreed (its quantity fixed); marked only for the two sides and the operator',
      ),
    quantity: z.number().describe('shipped, in unit per year'),
    delivered: z.number().describe('received, in deliveredUnit per year'),
    valueKopecks: Kopecks.describe('delivered × value factor × price of the request, kopecks/yr'),
    avoidedDisposalKopecks: Kopecks.describe('quantity × disposal cost of the offer, kopecks/yr'),
    transportKopecks: KopecksSum.describe('quantity × transport cost per unit, kopecks/yr'),
    approximate: z
      .boolean()
      .describe(
        "true: an end is a holder hidden from you: the plan is computed on true sites, but distance, mode, transport cost and CO2 and savings shown are computed from that holder's agglomeration centre (outside the region: the nearest regional capital)",
      ),
    savingsKopecks: KopecksSum.describe(
      "net benefit: value + avoided disposal − supplier's own cost − sale forgone − transport, kopecks/yr",
    ),
    supplierCostKopecks: Kopecks.optional().describe(
      "quantity × the supplier's own cost per unit, kopecks/yr (absent on plans saved before)",
    ),
    forgoneSaleKopecks: Kopecks.optional().describe(
      'quantity × sale price of an offer sold or used today: the revenue it gives up, kopecks/yr',
    ),
    tradeValueKopecks: Kopecks.optional().describe(
      "quantity × the offer's listed sale price: money changing hands between members, a transfer and not a saving, kopecks/yr",
    ),
    counterfactual: Counterfactual.optional().describe(
      "what happens to the offer's material today (its default applied); absent on plans saved before",
    ),
    substitute: Substitute.nullable()
      .optional()
      .describe('what the request says the delivered material replaces; null: not stated'),
    endUse: z.boolean().optional().describe('false: the taker is an intermediary that resells'),
    substituteCredited: z
      .boolean()
      .optional()
      .describe("whether the flow earns its substitute's CO2 credit (engine/baseline.ts)"),
    substituteCo2eT: z
      .number()
      .optional()
      .describe('t CO2e/yr avoided at the end user by replacing the substitute'),
    methaneCo2eT: z
      .number()
      .optional()
      .describe('t CO2e/yr avoided by using methane that would have been vented'),
    co2eAvoidedT: z
      .number()
      .describe(
        't CO2e/yr avoided by this flow (substitute replaced + methane no longer vented); see impact.co2eAvoidedT',
      ),
    transportCo2eT: z.number().describe("t CO2/yr emitted by this flow's transport"),
    material: z.string(),
    unit: z.string(),
    deliveredUnit: z.string(),
    yield: z.number(),
    valueFactor: z
      .number()
      .optional()
      .describe(
        "what a delivered unit is worth in units of the request's price: 1, or for a fuel replacing coal by the tonne its calorific value ÷ that of the coal the price refers to (valueBasis); absent on plans saved before: 1",
      ),
    valueBasis: z
      .object({
        property: z.literal('calorific'),
        offer: z.number().describe("the offer's calorific value, kcal/kg"),
        reference: z
          .number()
          .describe(
            "the calorific value the price refers to, kcal/kg: the request's own (priceCalorificKcalPerKg), else energy.coal.ncvKcalPerKg",
          ),
        referenceFrom: z
          .enum(['request', 'factors'])
          .optional()
          .describe(
            'whose reference: the request states its own, or the factors table; absent on plans saved before: factors',
          ),
        factorReference: z
          .number()
          .optional()
          .describe(
            "the calorific value of the coal the substitute's CO2 factor refers to, kcal/kg (energy.coal.ncvKcalPerKg): the CO2 credit counts offer ÷ this tonnes of coal replaced; absent on plans saved before: reference",
          ),
      })
      .nullable()
      .optional(),
    demandMaterial: z.string().nullable(),
    demandUse: z.string().nullable(),
    distanceKm: z.number(),
    mode: TransportMode,
    travelHours: z.number().nullable(),
    transportKopecksPerUnit: Kopecks.describe('transport cost per shipped unit, kopecks'),
    from: FlowEnd,
    to: FlowEnd,
  })
  .meta({ id: 'PlanFlow' });
export type PlanFlow = z.infer<typeof PlanFlow>;

export const Figure = z
  .object({
    value: z.number(),
    unit: z.string(),
    formula: z.string(),
    factors: z.record(z.string(), z.union([z.number(), z.string()])),
    note: z.string().optional(),
  })
  .meta({ id: 'ImpactFigure' });
export type Figure = z.infer<typeof Figure>;

/** A sum of money with its formula: integer kopecks (shown as roubles). */
export const MoneyFigure = z
  .object({
    valueKopecks: KopecksSum,
    formula: z.string(),
    factorsKopecks: z.record(z.string(), KopecksSum).describe('the sums it is made of, in kopecks'),
    note: z.string().optional(),
  })
  .meta({ id: 'ImpactMoneyFigure' });
export type MoneyFigure = z.infer<typeof MoneyFigure>;

export const Impact = z
  .object({
    divertedT: Figure,
    co2eAvoidedT: Figure,
    transportCo2eT: Figure,
    netCo2eT: Figure,
    co2eBreakdown: z
      .object({
        methaneT: z.number().describe('t CO2e/yr from methane no longer vented'),
        bySubstitute: z
          .record(z.string(), z.number())
          .describe('t CO2e/yr avoided per substitute replaced (none: not credited)'),
        byCounterfactual: z
          .record(z.string(), z.number())
          .describe("t CO2e/yr avoided per offer's counterfactual"),
      })
      .optional()
      .describe('the CO2e avoided split by baseline; absent on plans saved before'),
    baselineCost: MoneyFigure.describe('kopecks/yr'),
    planCost: MoneyFigure.describe('kopecks/yr'),
    savings: MoneyFigure.describe(
      'net economic benefit to the cluster, kopecks/yr: what the optimiser maximises',
    ),
    tradeValue: MoneyFigure.optional().describe(
      'kopecks/yr changing hands between members at listed prices: a transfer, not a saving; absent on plans saved before',
    ),
  })
  .meta({ id: 'Impact' });
export type Impact = z.infer<typeof Impact>;

export const RobustnessEntry = z
  .object({
    supply: z.string(),
    demand: z.string(),
    share: z.number().describe('share of the runs in which this link carries flow'),
  })
  .meta({ id: 'RobustnessEntry' });
export type RobustnessEntry = z.infer<typeof RobustnessEntry>;

export const InternalReusePair = z
  .object({
    supply: z.string().describe('offer listing id'),
    demand: z.string().describe('request listing id of the same organisation'),
    organisationId: z.string().nullable().describe('null while the holder is hidden from you'),
    material: z.string(),
    unit: z.string(),
    quantity: z
      .number()
      .describe("at most: the offer's quantity or what the request takes, per year"),
    demandMaterial: z.string().nullable(),
    demandUse: z.string().nullable(),
    deliveredUnit: z.string(),
    delivered: z.number(),
  })
  .meta({ id: 'InternalReusePair' });
export type InternalReusePair = z.infer<typeof InternalReusePair>;

/**
 * An organisation's own offers that could serve its own requests: never linked as an
 * exchange (no flow, no proposal), reported apart and not in the plan's totals.
 */
export const InternalReuse = z
  .object({
    pairs: z.array(InternalReusePair).describe('pairs, each on its own (they may share listings)'),
    note: z.string(),
  })
  .meta({ id: 'InternalReuse' });
export type InternalReuse = z.infer<typeof InternalReuse>;

/** A plan's warning as stored: a code of exchange/messages.ts `warnings` and its parameters. */
export const PlanWarning = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type PlanWarning = z.infer<typeof PlanWarning>;

/** A factor a plan was computed with, as the factors table (with the request's overrides) gives it. */
export const PlanFactor = z
  .object({
    key: z.string(),
    value: z.number(),
    unit: z.string(),
    source: z.string(),
    sourceRu: z
      .string()
      .optional()
      .describe('the source in Russian (absent in plans saved before the table had it)'),
    year: z.number().int(),
    status: z.enum(['sourced', 'estimate']),
    basis: z.string().optional().describe("an estimate's basis"),
    basisRu: z.string().optional().describe("an estimate's basis in Russian"),
    overridden: z.boolean().describe('true: the value comes from the plan request, not the table'),
  })
  .meta({ id: 'PlanFactor' });
export type PlanFactor = z.infer<typeof PlanFactor>;

/** A plan as the engine computes it and the exchange stores it: every holder shown, warnings as codes. */
export const PlanDocument = z.object({
  id: z.string().nullable().describe('set once saved'),
  computedAt: z.string(),
  plan: z.object({
    status: z.enum(['optimal', 'time_limit', 'infeasible']),
    objectiveKopecks: KopecksSum.describe(
      'the net benefit maximised: Σ savingsKopecks over the flows, kopecks/yr',
    ),
    mipGap: z.number().nullable(),
    engine: z.string(),
    message: z.string().optional(),
    flows: z.array(PlanFlow),
  }),
  impact: Impact,
  robustness: z.array(RobustnessEntry).nullable(),
  internalReuse: InternalReuse.optional().describe(
    "internal reuse potential: each organisation's own offer and request that fit; absent on plans saved before",
  ),
  warnings: z.array(PlanWarning),
  counts: z
    .object({ offers: z.number(), requests: z.number(), links: z.number() })
    .describe(
      'the live offers and requests the plan considered (linked or not), and its candidate links',
    ),
  factors: z
    .array(PlanFactor)
    .optional()
    .describe(
      'the factors the plan was computed with (data/reference/factors.json and the overrides); absent in plans saved before they were listed',
    ),
});
export type PlanDocument = z.infer<typeof PlanDocument>;

/** A plan as a reader gets it: masked for the reader, its warnings worded in their language. */
export const Plan = PlanDocument.extend({
  warnings: z.array(WordedMessage).describe("in the caller's language"),
  factorSources: z
    .record(z.string(), z.string())
    .optional()
    .describe("the citation of each bracketed code the factors' sources cite ([TR1] → the order)"),
  factorSourcesRu: z
    .record(z.string(), z.string())
    .optional()
    .describe('the same citations in Russian'),
}).meta({ id: 'Plan' });
export type Plan = z.infer<typeof Plan>;

/** A plan just saved, with what its saving did: a flow already proposed is not proposed again. */
export const SavedPlan = Plan.extend({
  proposals: z.object({
    created: z.number().int().describe('match proposals this saving sent'),
    alreadyOpen: z
      .number()
      .int()
      .describe('flows whose pair was already proposed or agreed: not proposed again'),
    declinedBefore: z
      .number()
      .int()
      .describe('flows whose pair was declined on the same terms: not proposed again'),
    noRoom: z
      .number()
      .int()
      .describe(
        "flows a listing's agreed matches leave no room for (its second side could not accept them): not proposed",
      ),
    superseded: z
      .number()
      .int()
      .describe(
        'proposals neither side had answered whose volume this plan changed: closed and proposed again (counted in created)',
      ),
  }),
}).meta({ id: 'SavedPlan' });
export type SavedPlan = z.infer<typeof SavedPlan>;

export const MatchDecision = z
  .enum(['pending', 'accepted', 'declined'])
  .meta({ id: 'MatchDecision' });
export type MatchDecision = z.infer<typeof MatchDecision>;

export const MatchSide = z
  .object({
    listingId: z.string(),
    material: z.string().nullable(),
    use: z.string().nullable(),
    agglomeration: Agglomeration.nullable(),
    decision: MatchDecision,
    decidedAt: z.string().nullable(),
    organisationId: z.string().nullable(),
    organisationName: z.string().nullable(),
    siteId: z.string().nullable(),
    organisationNameEn: z
      .string()
      .nullable()
      .describe("the holder's English name, when shown and the registry has one"),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    approximate: z.boolean(),
    quantityPerYear: z
      .number()
      .nullable()
      .describe("the listing's yearly quantity; null for another party's listing"),
    remaining: z
      .number()
      .nullable()
      .describe(
        "yearly quantity minus what its agreed matches already take (offer: shipped, request: received); null for another party's listing, whose other agreements are its own",
      ),
  })
  .meta({ id: 'MatchSide' });

export const MatchStatus = z
  .enum(['proposed', 'accepted', 'declined', 'closed'])
  .describe(
    'closed: before both sides accepted, a listing was withdrawn, its terms changed, agreed matches took so much of it that this one no longer fits, or a newer plan replaced it',
  )
  .meta({ id: 'MatchStatus' });
export type MatchStatus = z.infer<typeof MatchStatus>;

export const MatchClosedReason = z
  .enum(['listing_withdrawn', 'listing_changed', 'listing_full', 'superseded'])
  .describe(
    'superseded: a newer plan proposed the pair with another volume before either side answered; no closedSide',
  )
  .meta({ id: 'MatchClosedReason' });
export type MatchClosedReason = z.infer<typeof MatchClosedReason>;

/** Who the other side is, once both sides accepted: what the registry publishes of it. */
export const MatchCounterparty = z
  .object({
    organisationId: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    inn: z.string(),
    website: z.string().nullable(),
    region: z.string(),
    contactName: z
      .string()
      .nullable()
      .optional()
      .describe("the organisation's admin to write to (null: it has none active)"),
    contactEmail: z.string().nullable().optional(),
  })
  .meta({ id: 'MatchCounterparty' });
export type MatchCounterparty = z.infer<typeof MatchCounterparty>;

export const MatchProposal = z
  .object({
    id: z.string(),
    planId: z.string(),
    status: MatchStatus,
    closedReason: MatchClosedReason.nullable(),
    closedAt: z.string().nullable(),
    closedSide: z
      .enum(['supply', 'demand'])
      .nullable()
      .describe('the side whose listing closed the match'),
    supply: MatchSide,
    demand: MatchSide,
    yourSides: z.array(z.enum(['supply', 'demand'])).describe('the sides your organisation holds'),
    quantity: z.number(),
    unit: z.string(),
    delivered: z.number(),
    deliveredUnit: z.string(),
    distanceKm: z.number(),
    mode: TransportMode,
    savingsKopecks: KopecksSum,
    createdAt: z.string(),
    counterparty: MatchCounterparty.nullable().describe(
      'once both sides accepted: the other side as the registry publishes it (the operator: the buyer)',
    ),
  })
  .meta({ id: 'MatchProposal' });

/** The caller's inbox at a glance: the header's badge. */
export const MatchInbox = z
  .object({
    awaitingYou: z.int().describe('proposals where a side your organisation holds has not decided'),
  })
  .meta({ id: 'MatchInbox' });
export type MatchInbox = z.infer<typeof MatchInbox>;
export type MatchProposal = z.infer<typeof MatchProposal>;

/**
 * A match as stored: both listings and holders, each side's decision, and the planned flow
 * (unmasked). match.accepted and match.declined carry exactly this.
 */
export const MatchRecord = z
  .object({
    id: z.string(),
    planId: z.string(),
    supplyListingId: z.string(),
    demandListingId: z.string(),
    supplyOrganisationId: z.string(),
    demandOrganisationId: z.string(),
    status: MatchProposal.shape.status,
    supplyDecision: MatchDecision,
    supplyDecidedAt: z.string().nullable(),
    supplyDecidedBy: z.string().nullable(),
    demandDecision: MatchDecision,
    demandDecidedAt: z.string().nullable(),
    demandDecidedBy: z.string().nullable(),
    savingsKopecks: KopecksSum,
    flow: PlanFlow,
    createdAt: z.string(),
    supplyTerms: z
      .string()
      .optional()
      .describe(
        "the offer's terms it was proposed on (engine/terms.ts); absent before they were kept",
      ),
    demandTerms: z.string().optional().describe("the request's terms it was proposed on"),
    closedReason: MatchClosedReason.optional(),
    closedSide: z.enum(['supply', 'demand']).optional(),
    closedAt: z.string().optional(),
  })
  .meta({ id: 'MatchRecord' });
export type MatchRecord = z.infer<typeof MatchRecord>;

const AgreedEnd = z.object({
  listingId: z.string(),
  organisationId: z.string(),
  siteId: z.string().nullable(),
});

/**
 * A match both holders accepted: what deals start from (the `match.agreed` event carries it).
 * Its figures are the planned flow's, as both sides accepted them.
 */
export const AgreedMatch = z
  .object({
    id: z.string(),
    planId: z.string(),
    agreedAt: z.string().describe('when the second side accepted'),
    supply: AgreedEnd.describe('the offer and its holder'),
    demand: AgreedEnd.describe('the request and its holder'),
    material: z.string(),
    demandMaterial: z.string().nullable(),
    demandUse: z.string().nullable(),
    quantity: z.number().describe('shipped, in unit per year'),
    unit: z.string(),
    delivered: z.number().describe('received, in deliveredUnit per year'),
    deliveredUnit: z.string(),
    valueFactor: z
      .number()
      .optional()
      .describe("what a delivered unit is worth in units of the request's price (PlanFlow)"),
    substituteFactor: z
      .number()
      .optional()
      .describe(
        'units of the substitute one delivered unit replaces, for its CO2 credit (PlanFlow valueBasis: offer ÷ factorReference); absent: valueFactor',
      ),
    distanceKm: z.number(),
    mode: TransportMode,
    approximate: z
      .boolean()
      .describe(
        'true only for matches planned before anonymous holders were planned at their true sites (then from an agglomeration centre)',
      ),
    valueKopecks: Kopecks,
    avoidedDisposalKopecks: Kopecks,
    transportKopecks: KopecksSum,
    transportKopecksPerUnit: Kopecks,
    savingsKopecks: KopecksSum,
  })
  .meta({ id: 'AgreedMatch' });
export type AgreedMatch = z.infer<typeof AgreedMatch>;

/**
 * A saved plan as its `plan.saved` event carries it: the stored document's SHA-256 and summary
 * rather than the document itself. A document holds every flow, the impact and the robustness
 * runs (hundreds of kB at a few hundred listings) and never changes once saved, so its hash
 * proves the row unaltered; the proposals it made travel in the event in full (`matches`).
 */
export const PlanRecord = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    createdBy: z.string(),
    organisationId: z.string().nullable(),
    documentSha256: z.string().describe('of the stored plan document, as stored'),
    status: Plan.shape.plan.shape.status,
    objectiveKopecks: KopecksSum,
    engine: z.string(),
    flows: z.number().int().describe('how many flows the plan has'),
  })
  .meta({ id: 'PlanRecord' });
export type PlanRecord = z.infer<typeof PlanRecord>;
