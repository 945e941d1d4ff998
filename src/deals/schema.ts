// The deals module's concepts as zod schemas: one schema per concept; the types, request
// validation, OpenAPI and the web app's lists come from here.
import { z } from 'zod';
import { listingLimits, TransportMode } from '../exchange/index.ts';
import { Id, rule } from '../model/index.ts';
import { FkkoCode, MaterialUnit, VatRegime, wasteActivities } from '../registry/index.ts';
import {
  dealActions,
  dealStates,
  type Form2tpColumn,
  form2tpColumns,
  ledgerAccounts,
  transferPurposes,
} from './engine/index.ts';
import { SCHEDULE_MAX_YEARS, termLimitOf } from './limits.ts';
import { rules } from './messages.ts';

const IsoDate = z.iso.date();

export const DealState = z
  .enum(dealStates)
  .describe(
    'requested → offered → accepted → agreed → active → completed; terminated from any open state',
  )
  .meta({ id: 'DealState' });
export type DealState = z.infer<typeof DealState>;

export const DealAction = z
  .enum(dealActions)
  .describe(
    'offer (provider, at requested; at accepted with new terms), counter (consumer, at offered, with terms), accept (consumer, at offered), agree (provider, at accepted), activate (provider, at agreed), complete (consumer, at active), terminate (either side, any open state)',
  )
  .meta({ id: 'DealAction' });
export type DealAction = z.infer<typeof DealAction>;

export const DealSide = z.enum(['provider', 'consumer']).meta({ id: 'DealSide' });
export type DealSide = z.infer<typeof DealSide>;

export const DealTransport = z
  .object({ mode: TransportMode, paidBy: DealSide.describe('the side that pays the carrier') })
  .meta({ id: 'DealTransport' });

export const QualityBound = z
  .object({ min: z.number().optional(), max: z.number().optional() })
  .meta({ id: 'DealQualityBound' });

/** What a deal's parties negotiate; counter-offers change these and nothing else. */
export const DealTerms = z
  .object({
    quantity: z
      .number()
      .positive()
      .max(listingLimits.quantityPerYear, rule(rules.quantityLimit))
      .describe('contracted quantity over the schedule, in unit'),
    unit: MaterialUnit,
    schedule: z
      .object({ from: IsoDate, to: IsoDate })
      .refine((s) => s.from <= s.to, { ...rule(rules.scheduleOrder), path: ['to'] })
      .refine((s) => s.to <= termLimitOf(s.from), { ...rule(rules.scheduleTooLong), path: ['to'] })
      .describe(`deliveries from … to, inclusive; at most ${SCHEDULE_MAX_YEARS} years`),
    quality: z
      .record(z.string().min(1).max(64), QualityBound)
      .describe('the specification per quality parameter: { "ash": { "max": 15 } }'),
    // the bounds before the integer check, and final: a figure past 2^53 is refused by them,
    // not by zod's safe-integer bound (a programmer's 9007199254740991)
    priceKopecksPerUnit: z
      .number()
      .min(-listingLimits.kopecksPerUnit, { ...rule(rules.moneyPerUnitFloor), abort: true })
      .max(listingLimits.kopecksPerUnit, { ...rule(rules.moneyPerUnitLimit), abort: true })
      .int()
      .describe(
        'kopecks per unit the consumer pays, without VAT (VAT is added on each delivery at the rate of its date); negative: a gate fee the provider pays',
      ),
    transport: DealTransport,
    transportKopecksPerUnit: z
      .number()
      .min(0, { abort: true })
      .max(listingLimits.kopecksPerUnit, { ...rule(rules.moneyPerUnitLimit), abort: true })
      .int()
      .describe('what carrying one unit costs its payer, kopecks, without VAT'),
    tolerancePct: z
      .number()
      .min(0)
      .max(100)
      .describe(
        'deliveries may exceed the quantity by this share, %; provider vs consumer declarations may differ by it',
      ),
    wastePurpose: z
      .enum(transferPurposes)
      .optional()
      .describe(
        "what the consumer does with the waste: the licence its check asks of the consumer and form 2-TP's transfer column; absent: utilisation",
      ),
  })
  .meta({ id: 'DealTerms' });
export type DealTerms = z.infer<typeof DealTerms>;

/** A change of terms: any of them (a counter-offer). */
export const DealTermsPatch = DealTerms.partial().meta({ id: 'DealTermsPatch' });
export type DealTermsPatch = z.infer<typeof DealTermsPatch>;

/** A deal's full state, as its events carry it. */
export const Deal = z
  .object({
    id: z.string(),
    state: DealState,
    turn: DealSide.nullable().describe('whose move it is; null when closed'),
    version: z.int().describe('rises with each transition (optimistic concurrency)'),
    providerId: z.string().describe('the organisation that ships the material'),
    consumerId: z.string().describe('the organisation that takes it'),
    material: z.string().describe("the exchange's material id"),
    fkko: z.string().nullable().describe('FKKO waste code, when the material is waste'),
    listingId: z.string().nullable(),
    matchId: z.string().nullable(),
    ...DealTerms.shape,
    createdAt: z.string(),
    updatedAt: z.string(),
    agreedAt: z.string().nullable(),
  })
  .meta({ id: 'Deal' });
export type Deal = z.infer<typeof Deal>;

/** A deal as `GET /api/v1/deals` lists it. */
export const DealSummary = z
  .object({
    id: z.string(),
    state: DealState,
    turn: DealSide.nullable(),
    providerId: z.string(),
    consumerId: z.string(),
    material: z.string(),
    quantity: z.number(),
    unit: z.string(),
    priceKopecksPerUnit: z.int().describe('without VAT; negative for a gate fee the provider pays'),
    transport: DealTransport,
    matchId: z.string().optional(),
    createdAt: z.string(),
    agreedAt: z.string().optional(),
  })
  .meta({ id: 'DealSummary' });
export type DealSummary = z.infer<typeof DealSummary>;

export const DealList = z.object({ items: z.array(DealSummary) }).meta({ id: 'DealList' });
export const DealFilter = z.object({
  state: DealState.optional(),
  fromMatch: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: only deals opened from an agreed match proposal (false: only the others)'),
});
export type DealFilter = z.infer<typeof DealFilter>;

export const Attachment = z
  .object({
    name: z.string().trim().min(1).max(255),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, rule(rules.sha256)),
    sizeBytes: z.int().min(0).max(1e12),
  })
  .describe('a file stored elsewhere, by reference')
  .meta({ id: 'DealAttachment' });

export const MessageInput = z
  .object({
    text: z.string().trim().min(1).max(4000),
    attachments: z.array(Attachment).max(20).default([]),
  })
  .meta({ id: 'DealMessageBody' });

export const DealMessage = z
  .object({
    id: z.string(),
    dealId: z.string(),
    side: DealSide.nullable().describe("the author's side; null: the operator"),
    organisationId: z.string().nullable(),
    author: z.string().describe("the author's user id"),
    text: z.string(),
    attachments: z.array(Attachment),
    postedAt: z.string(),
  })
  .meta({ id: 'DealMessage' });
export type DealMessage = z.infer<typeof DealMessage>;

export const TransitionInput = z
  .object({
    action: DealAction,
    terms: DealTermsPatch.optional(),
    message: z.string().trim().min(1).max(4000).optional(),
    expectedVersion: z
      .int()
      .optional()
      .describe('the version you saw: a deal changed since answers 409 and changes nothing'),
  })
  .meta({ id: 'DealTransitionBody' });
export type TransitionInput = z.infer<typeof TransitionInput>;

export const DealTransition = z
  .object({
    dealId: z.string(),
    version: z.int().describe("the deal's version this transition made"),
    action: DealAction,
    side: DealSide.nullable().describe('null: the platform (a deal opened from an agreed match)'),
    by: z.string(),
    from: DealState.nullable().describe('null when the deal was opened'),
    to: DealState,
    terms: DealTermsPatch.nullable().describe('the terms it changed'),
    at: z.string(),
  })
  .meta({ id: 'DealTransition' });
export type DealTransition = z.infer<typeof DealTransition>;

export const DealInput = z
  .object({
    listingId: Id.optional().describe(
      "from a listing: its holder is the other side and its material the deal's (a body naming others is refused), its figures the terms' defaults (the period: its window from today on; the quantity: its yearly rate over that period)",
    ),
    providerId: Id.optional(),
    consumerId: Id.optional(),
    material: Id.optional(),
    fkko: FkkoCode.optional(),
    ...DealTermsPatch.shape,
    message: z.string().trim().min(1).max(4000).optional(),
  })
  .meta({ id: 'DealOpenBody' });
export type DealInput = z.infer<typeof DealInput>;

export const MeasureMethod = z
  .enum(['weighbridge', 'belt_scale', 'manual'])
  .meta({ id: 'DeliveryMethod' });

export const DeliveryInput = z
  .object({
    deliveredOn: IsoDate,
    quantity: z.number().positive().max(listingLimits.quantityPerYear, rule(rules.quantityLimit)),
    quality: z.record(z.string().min(1).max(64), z.number()).default({}),
    method: MeasureMethod,
    declaredBy: DealSide.optional().describe("the declaring side; default the caller's"),
    confirms: z
      .string()
      .optional()
      .describe("the other side's declaration of the same lot: compared with it, posts nothing"),
    source: z.enum(['manual', 'import', 'device']).default('manual'),
    deviceId: z.string().max(100).optional(),
    acceptBeyondContract: z
      .boolean()
      .optional()
      .describe(
        "true: the declaring side means a typed lot that takes the delivered total beyond the contract plus tolerance (without it such a lot is refused, 400 on quantity; a weighbridge's or an imported lot is recorded and flagged)",
      ),
  })
  .meta({ id: 'DeliveryBody' });
export type DeliveryInput = z.input<typeof DeliveryInput>;

export const Delivery = z
  .object({
    id: z.string(),
    dealId: z.string(),
    deliveredOn: z.string(),
    quantity: z.number(),
    unit: z.string(),
    quality: z.record(z.string(), z.number()),
    method: MeasureMethod,
    declaredBy: DealSide,
    confirms: z.string().nullable(),
    source: z.enum(['manual', 'import', 'device']),
    deviceId: z.string().nullable(),
    recordedBy: z.string(),
    recordedAt: z.string(),
    outOfSpec: z.array(z.string()).describe('the quality parameters outside the specification'),
    beyondContract: z
      .boolean()
      .describe('delivered in total beyond the contracted quantity plus tolerance with this lot'),
    mismatch: z
      .boolean()
      .describe(
        'a confirmation that differs from the declaration it confirms by more than the tolerance',
      ),
    amountKopecks: z
      .int()
      .describe(
        'price × quantity posted, without VAT (negative: a gate fee the provider pays; 0 for a confirmation)',
      ),
    vatRatePct: z
      .number()
      .describe(
        "the VAT rate the seller charges, %: on the general regime the standard rate in force on the delivery's date (data/reference/vat-rates.json), on УСН 5 or 7, 0 when exempt",
      ),
    sellerVatRegime: VatRegime.optional().describe(
      "the seller's VAT regime this lot was charged under (the provider's; a gate fee's, the consumer's); absent on lots recorded before regimes and on confirmations",
    ),
    vatExempt: z
      .boolean()
      .optional()
      .describe(
        'true: the seller is exempt from VAT (УСН), the sum is «без НДС»; absent: it is not',
      ),
    vatKopecks: z
      .int()
      .describe('VAT on amountKopecks, rounded half away from zero once, signed as the amount'),
    amountWithVatKopecks: z
      .int()
      .describe('amountKopecks + vatKopecks: what the paying side owes the other'),
  })
  .meta({ id: 'Delivery' });
export type Delivery = z.infer<typeof Delivery>;

export const DeliveryFilter = z.object({ dealId: z.string().optional() });

export const DealProgress = z
  .object({
    contracted: z.number(),
    delivered: z.number().describe('declared deliveries (not confirmations), in unit'),
    remaining: z.number(),
    unit: z.string(),
    beyondContract: z.boolean(),
    outOfSpecLots: z.int(),
    mismatchLots: z.int(),
  })
  .meta({ id: 'DealProgress' });

export const LicenceCheckView = z
  .object({
    role: z
      .enum(['receiver', 'carrier'])
      .describe('receiver: what the consumer does with the waste; carrier: the side carrying it'),
    side: DealSide,
    holderId: z.string(),
    holderName: z.string().nullable(),
    activity: z.enum(wasteActivities),
    hazardClass: z.int().min(1).max(4),
    status: z
      .enum(['found', 'missing', 'expired'])
      .describe(
        'found: a licence covers it and is valid on the day; expired: one covers it but is not valid; missing: none',
      ),
    licence: z
      .object({ id: z.string(), number: z.string(), validUntil: z.string().nullable() })
      .nullable(),
    message: z.string().describe("the check in words, in the answer's language"),
  })
  .meta({ id: 'DealLicenceCheck' });

export const DealLicences = z
  .object({
    fkko: z.string().nullable(),
    hazardClass: z.int().nullable().describe("the FKKO code's last digit, 1–5; null: no code"),
    required: z.boolean().describe('classes I–IV need licences (89-ФЗ art. 9); class V none'),
    purpose: z
      .enum(transferPurposes)
      .describe(
        "what the receiver does with the waste: the deal's wastePurpose (utilisation if none)",
      ),
    carriage: z
      .enum(['party', 'rail'])
      .describe(
        'rail: RZD carries the waste under its own licence, no transport check of the parties',
      ),
    on: z.iso.date().describe('the day validity is judged on'),
    checks: z.array(LicenceCheckView),
    warnings: z.int().describe('checks not found or expired'),
    notes: z.array(z.string()).describe("the rest in words, in the answer's language"),
  })
  .meta({ id: 'DealLicences' });
export type DealLicences = z.infer<typeof DealLicences>;

export const DealView = z
  .object({
    licences: DealLicences.describe(
      "whether the parties hold the waste licences the deal's class I–IV waste needs; a warning, never a block",
    ),
    deal: Deal,
    vatRegimes: z
      .object({ provider: VatRegime, consumer: VatRegime })
      .describe(
        "each side's VAT regime as the registry holds it now: the seller's (the provider's; a gate fee's, the consumer's) sets the VAT of the next lot, the buyer's whether it deducts it",
      ),
    allowed: z.array(DealAction).describe("what the caller's side may do now"),
    yourSide: DealSide.nullable(),
    transitions: z.array(DealTransition),
    progress: DealProgress,
  })
  .meta({ id: 'DealView' });

export const LedgerAccountName = z.enum(ledgerAccounts).meta({ id: 'LedgerAccount' });

export const TrialBalance = z
  .object({
    asOf: IsoDate,
    unit: z.literal('kopeck'),
    accounts: z.array(
      z.object({
        account: LedgerAccountName,
        organisationId: z.string(),
        debit: z.int().min(0),
        credit: z.int().min(0),
      }),
    ),
    totalDebit: z.int(),
    totalCredit: z.int(),
  })
  .meta({ id: 'TrialBalance' });
export type TrialBalance = z.infer<typeof TrialBalance>;

export const TrialBalanceQuery = z.object({ asOf: IsoDate.optional() });

/** `POST /api/v1/deals/{id}/devices`: a weighbridge of the caller's side linked to the deal. */
export const DealDeviceInput = z
  .object({
    deviceId: z.string().min(1).max(100).describe("a weighbridge of the side's organisation"),
    side: DealSide.optional().describe("whose scale it is; default the caller's side"),
  })
  .meta({ id: 'DealDeviceBody' });

/**
 * A weighbridge linked to a deal: while in force, each weighing it journals
 * (`weighing.recorded`) becomes a delivery of the deal declared by `side`, if the deal is active.
 */
export const DealDevice = z
  .object({
    id: z.string(),
    dealId: z.string(),
    deviceId: z.string(),
    side: DealSide.describe(
      'the side whose scale it is: its weighings are that side’s declarations',
    ),
    organisationId: z.string().describe("the device's organisation (the side's)"),
    linkedBy: z.string(),
    linkedAt: z.string(),
    revokedBy: z.string().nullable(),
    revokedAt: z.string().nullable().describe('null while in force'),
  })
  .meta({ id: 'DealDevice' });
export type DealDevice = z.infer<typeof DealDevice>;

export const DealDeviceParams = z.object({
  id: z.string().min(1).max(100),
  linkId: z.string().min(1).max(100),
});
// --- transaction costs: digital vs territorial (engine/costs.ts) ---

const Bilingual = z.object({ ru: z.string(), en: z.string() });
const CostSite = z
  .object({
    siteId: z.string(),
    name: z.string(),
    lat: z.number(),
    lon: z.number(),
  })
  .describe("the party's first registry site (by name): where the meetings would be held")
  .meta({ id: 'DealCostSite' });

export const DealCost = z
  .object({
    dealId: z.string(),
    providerId: z.string(),
    consumerId: z.string(),
    state: DealState,
    firstContactAt: z.string().describe('the deal opened: its first transition'),
    agreedAt: z.string().nullable(),
    sites: z.object({ provider: CostSite, consumer: CostSite }),
    digital: z.object({
      elapsedHours: z.number().nullable().describe('first contact → AGREED; null: not agreed'),
      messages: z.int(),
      transitions: z.int().describe('moves after the opening, each counter-offer included'),
      hours: z.number().describe('staff hours on the messages and transitions'),
      kopecks: z.int(),
      km: z.number(),
      co2Kg: z.number(),
    }),
    territorial: z.object({
      meetings: z.number(),
      meetingsByStage: z.object({
        firstContact: z.number(),
        negotiation: z.number(),
        contractSigning: z.number(),
        deliveryAcceptance: z.number(),
      }),
      greatCircleKm: z.number(),
      roadKm: z.number().describe('one way: great-circle km × circuity'),
      km: z.number().describe('all meetings, there and back'),
      hours: z.number(),
      staffKopecks: z.int(),
      carKopecks: z.int(),
      kopecks: z.int(),
      co2Kg: z.number(),
    }),
    saved: z.object({
      hours: z.number(),
      km: z.number(),
      kopecks: z.int(),
      co2Kg: z.number(),
    }),
    formula: Bilingual,
  })
  .meta({ id: 'DealCost' });
export type DealCost = z.infer<typeof DealCost>;

const CostTotals = {
  deals: z.int(),
  meetings: z.number(),
  territorial: z.object({
    hours: z.number(),
    km: z.number(),
    kopecks: z.int(),
    co2Kg: z.number(),
  }),
  digital: z.object({
    hours: z.number(),
    messages: z.number().describe("an organisation's half of each deal's count"),
    transitions: z.number(),
    kopecks: z.int(),
  }),
  saved: z.object({ hours: z.number(), km: z.number(), kopecks: z.int(), co2Kg: z.number() }),
};

export const DealCostReport = z
  .object({
    deals: z.array(DealCost),
    organisations: z
      .array(z.object({ organisationId: z.string(), ...CostTotals }))
      .describe("each party's half of each deal (a member sees its own organisation only)"),
    cluster: z
      .object(CostTotals)
      .nullable()
      .describe("the sums over all deals; null for a member's view"),
    formula: Bilingual.nullable().describe("the cluster's sums, stated; null with the cluster"),
    splitRule: Bilingual,
    withoutSites: z
      .array(z.string())
      .describe('deals left out: a party has no site in the registry'),
    status: z.literal('estimate').describe('the counterfactual rests on estimated assumptions'),
  })
  .meta({ id: 'DealCostReport' });
export type DealCostReport = z.infer<typeof DealCostReport>;

// --- mass balance (engine/balance.ts) and the value chain (engine/sankey.ts) ---

export const MassBalanceReport = z
  .object({
    deals: z.array(
      z.object({
        dealId: z.string(),
        unit: z.string(),
        contracted: z.number(),
        delivered: z.number().describe('Σ measured quantities of the lots (declarations)'),
        remaining: z.number(),
        deliveries: z.int(),
        overDelivered: z.boolean().describe("beyond the contract plus the deal's tolerance"),
        outOfSpec: z.array(
          z.object({
            deliveryId: z.string(),
            parameter: z.string(),
            value: z.number(),
            min: z.number().optional(),
            max: z.number().optional(),
          }),
        ),
        mismatches: z.array(
          z.object({
            deliveryId: z.string(),
            provider: z.number(),
            consumer: z.number(),
            difference: z.number().describe('relative to the larger declaration'),
          }),
        ),
      }),
    ),
    organisations: z
      .array(
        z.object({
          organisationId: z.string(),
          material: z.string(),
          unit: z.string(),
          in: z.number().describe('received as consumer'),
          out: z.number().describe('delivered as provider'),
          balance: z.number().describe('in − out'),
        }),
      )
      .describe('per organisation, material and unit (a member: its own rows)'),
  })
  .meta({ id: 'MassBalance' });
export type MassBalanceReport = z.infer<typeof MassBalanceReport>;

export const ValueChainReport = z
  .object({
    scope: z
      .enum(['cluster', 'organisation'])
      .describe("the operator: every delivery; a member: its own organisation's deals"),
    nodes: z.array(
      z.object({
        id: z.string().describe('the organisation kind, or <kind>:return for back-flows'),
        kind: z.string(),
        stage: z.int(),
        isReturn: z.boolean(),
        label: Bilingual,
      }),
    ),
    links: z.array(
      z.object({
        source: z.string(),
        target: z.string(),
        valueT: z.number().describe('tonnes delivered'),
        materials: z.record(z.string(), z.number()).describe('tonnes by material'),
      }),
    ),
    skipped: z.object({ notTonnes: z.int(), unknownOrganisation: z.int() }),
    materials: z
      .array(z.string())
      .describe('the materials delivered in scope before the filter (the choices of `material`)'),
  })
  .meta({ id: 'ValueChain' });
export type ValueChainReport = z.infer<typeof ValueChainReport>;

/** `GET /api/v1/flows?material=&from=&to=`: the lots of one material, delivered in a period. */
export const FlowsQuery = z.object({
  material: z.string().min(1).max(100).optional().describe('a material id of the taxonomy'),
  from: IsoDate.optional().describe('lots delivered on or after this day'),
  to: IsoDate.optional().describe('lots delivered on or before this day'),
});
export type FlowsQuery = z.infer<typeof FlowsQuery>;

/** `GET /api/v1/deals/{id}/ledger`: the lines the deal's deliveries posted, as stored. */
export const DealLedger = z
  .object({
    dealId: z.string(),
    unit: z.literal('kopeck'),
    scope: z
      .enum(['deal', 'organisation'])
      .describe("the operator: both parties' books; a party: its own organisation's lines"),
    lines: z.array(
      z.object({
        deliveryId: z.string().describe('the delivery that posted the line'),
        line: z.int().describe("the line's number within its posting"),
        postedOn: IsoDate,
        organisationId: z.string(),
        account: LedgerAccountName,
        debit: z.int().min(0),
        credit: z.int().min(0),
      }),
    ),
    totalDebit: z.int(),
    totalCredit: z.int(),
  })
  .meta({ id: 'DealLedger' });
export type DealLedger = z.infer<typeof DealLedger>;

// --- form 2-TP (waste): the organisation's own figures, the rows ---

const Tonnes = z.number().min(0).max(listingLimits.quantityPerYear, rule(rules.quantityLimit));
export const Form2tpFigureRow = z
  .object({
    fkko: FkkoCode,
    stockStartT: Tonnes.optional(),
    generatedT: Tonnes.optional(),
    receivedImportT: Tonnes.optional(),
    processedT: Tonnes.optional(),
    utilisedT: Tonnes.optional(),
    utilisedAfterProcessingT: Tonnes.optional().describe('of the utilised, processed first'),
    neutralisedT: Tonnes.optional(),
    neutralisedAfterProcessingT: Tonnes.optional().describe('of the neutralised, processed first'),
    placedStorageT: Tonnes.optional(),
    placedBurialT: Tonnes.optional(),
    stockEndT: Tonnes.optional().describe(
      'declared; without it computed when every input is known',
    ),
    receivedOffPlatformT: Tonnes.optional().describe("added to the platform's deliveries"),
    transferredOffPlatformT: z
      .object({
        processing: Tonnes.optional(),
        utilisation: Tonnes.optional(),
        neutralisation: Tonnes.optional(),
        storage: Tonnes.optional(),
        burial: Tonnes.optional(),
      })
      .optional()
      .describe("by purpose, added to the platform's deliveries"),
  })
  .describe('the columns the platform does not record, tonnes; a column left out shows «no data»')
  .superRefine((r, ctx) => {
    // «в том числе»: a part is never more than its whole
    for (const [part, whole] of [
      ['utilisedAfterProcessingT', 'utilisedT'],
      ['neutralisedAfterProcessingT', 'neutralisedT'],
    ] as const) {
      const p = r[part];
      const w = r[whole];
      if (p !== undefined && w !== undefined && p > w)
        ctx.addIssue({ code: 'custom', path: [part], ...rule(rules.partOfWhole) });
    }
  })
  .meta({ id: 'Form2tpFigureRow' });

export const Form2tpFiguresInput = z
  .object({
    rows: z
      .array(Form2tpFigureRow)
      .max(500)
      .refine((rs) => new Set(rs.map((r) => r.fkko)).size === rs.length, rule(rules.fkkoOnce)),
  })
  .meta({ id: 'Form2tpFiguresBody' });

export const Form2tpFigures = z
  .object({
    id: z.string().describe('<organisationId>/<year>'),
    organisationId: z.string(),
    year: z.int(),
    rows: z.array(Form2tpFigureRow),
    updatedAt: z.string(),
    updatedBy: z.string(),
  })
  .meta({ id: 'Form2tpFigures' });
export type Form2tpFigures = z.infer<typeof Form2tpFigures>;

export const Form2tpYear = z.coerce.number().int().min(2000).max(2100);
export const Form2tpParams = z.object({ organisationId: Id, year: Form2tpYear });
export const Form2tpQuery = z.object({ organisationId: Id, year: Form2tpYear });

const Form2tpCell = z.number().nullable();
export const Form2tpReport = z
  .object({
    organisationId: z.string(),
    year: z.int(),
    figures: Form2tpFigures.nullable().describe('what the organisation stored; null: nothing yet'),
    columns: z.array(z.object({ key: z.string(), ru: z.string(), en: z.string() })),
    rows: z
      .array(
        z.object({
          organisationId: z.string(),
          fkko: z.string(),
          year: z.int(),
          ...(Object.fromEntries(form2tpColumns.map((c) => [c, Form2tpCell])) as Record<
            Form2tpColumn,
            typeof Form2tpCell
          >),
        }),
      )
      .describe('one per FKKO code, the columns in the form’s order; null = no data, never 0'),
  })
  .meta({ id: 'Form2tpReport' });

// --- the impact ledger (GET /api/v1/impact) ---

const YearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');

export const ImpactLevelName = z
  .enum(['identified', 'contracted', 'delivered'])
  .describe(
    'identified: flows of saved plans still on the table (no declined or closed proposal, no withdrawn listing); contracted: agreed and active deals; delivered: recorded deliveries',
  )
  .meta({ id: 'ImpactLevel' });

export const ImpactQuery = z.object({
  level: ImpactLevelName.optional().describe('one level; absent: all three'),
  organisationId: Id.optional().describe(
    "one organisation's figures (a member: only its own); the cluster's totals stay",
  ),
  from: YearMonth.optional().describe('first month counted, YYYY-MM'),
  to: YearMonth.optional().describe('last month counted, YYYY-MM'),
});
export type ImpactQuery = z.infer<typeof ImpactQuery>;

export const ImpactFigures = z
  .object({
    divertedT: z
      .number()
      .describe('t of waste diverted from placement (storage and landfill, 89-FZ «размещение»)'),
    co2eAvoidedT: z.number().describe('t CO2e avoided: substitute replaced + methane not vented'),
    transportCo2eT: z.number().describe('t CO2e emitted by transport'),
    netCo2eT: z.number().describe('t CO2e: avoided − transport'),
    netBenefitKopecks: z.int().describe('net economic benefit, kopecks'),
  })
  .meta({ id: 'ImpactTotals' });

export const OrganisationImpactFigures = z
  .object({
    organisationId: z.string(),
    attributed: ImpactFigures.describe(
      "its share by the attribution rule: the organisations' shares add up to the cluster",
    ),
    asProvider: ImpactFigures.describe('full figures of the records where it is the provider'),
    asConsumer: ImpactFigures.describe('full figures of the records where it is the consumer'),
  })
  .meta({ id: 'OrganisationImpact' });

export const ImpactLevelFigures = z
  .object({
    level: ImpactLevelName,
    records: z.int().describe('records counted (plan pairs, deals or deliveries), each once'),
    cluster: ImpactFigures,
    organisations: z
      .array(OrganisationImpactFigures)
      .describe('a member: only its own organisation; the operator: all'),
    months: z.array(
      z.object({
        month: z.string().describe('YYYY-MM'),
        cluster: ImpactFigures,
        organisations: z.array(OrganisationImpactFigures),
      }),
    ),
  })
  .meta({ id: 'ImpactLevelReport' });

const Worded = z.object({ ru: z.string(), en: z.string() });

export const ImpactReport = z
  .object({
    scope: z
      .enum(['cluster', 'organisation'])
      .describe('cluster: every organisation shown (the operator); organisation: only your own'),
    organisationId: z.string().nullable().describe('the one organisation shown, if one'),
    from: z.string().nullable(),
    to: z.string().nullable(),
    units: z.object({
      diverted: z.literal('t'),
      co2e: z.literal('t CO2e'),
      money: z.literal('kopeck'),
    }),
    levels: z.array(ImpactLevelFigures),
    formula: Worded,
    attributionRule: Worded,
    distanceRule: Worded.describe('which distance the contracted and delivered levels use'),
    dealsWithoutRoute: z
      .int()
      .describe('deals whose parties have no site to measure a route: counted at 0 km'),
    flowsFromCentre: z
      .int()
      .describe(
        "identified flows touching a holder hidden from you: their distance, transport and savings are measured from the holder's agglomeration centre, so these totals may differ from the operator's",
      ),
  })
  .meta({ id: 'ImpactReport' });
export type ImpactReport = z.infer<typeof ImpactReport>;
