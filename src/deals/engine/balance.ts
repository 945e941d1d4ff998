// Pure: the mass balance of deals and deliveries (issue #10, "Deliveries and mass balance"),
// and the annual waste balance in the columns of form 2-TP (waste).
//
// Per deal: delivered against contracted (flag beyond the contracted quantity plus the
// tolerance), lots out of specification (a measured quality value below the spec's min or
// above its max; a value not measured is not judged), and lots whose provider-declared and
// consumer-declared quantities differ by more than the tolerance (relative to the larger).
// Per organisation and material (and unit): in (received as consumer), out (delivered as
// provider), balance = in − out. Quantities are the deliveries' measured quantities.
//
// Form 2-TP (waste), per organisation, FKKO code and year: the platform knows only what its
// deliveries moved. A provider's delivered waste is "transferred to others" (for utilisation
// unless the delivery says another purpose), a consumer's is "received from others". Every
// other column (stock at start, generated, processed, utilised, neutralised, placed on own
// sites, imports) comes from the organisation's own figures for that year (`Form2tpImport`)
// or is null: "no data", never 0. Off-platform receipts and transfers in the import are
// added to the platform's. Stock at end is the import's declared figure, else computed when
// every input is known (see `stockEndT`), else null.

export interface QualitySpec {
  min?: number;
  max?: number;
}

/** A deal as the balance needs it. */
export interface BalanceDeal {
  id: string;
  providerId: string;
  consumerId: string;
  /** material id of the taxonomy */
  material: string;
  unit: string;
  /** FKKO code when the material is a waste (2-TP rows need it) */
  fkko?: string | null;
  contractedQuantity: number;
  /** quality parameter → limits, e.g. { ash: { max: 40 }, moisture: { max: 12 } } */
  spec?: Record<string, QualitySpec>;
}

/**
 * What the receiver does with transferred waste: form 2-TP's columns and the licence it needs.
 * Utilisation, the default of a deal that names none, comes first: forms offer them in this order.
 */
export const transferPurposes = [
  'utilisation',
  'processing',
  'neutralisation',
  'storage',
  'burial',
] as const;
export type TransferPurpose = (typeof transferPurposes)[number];

/** A recorded delivery (a lot) against a deal. */
export interface BalanceDelivery {
  id: string;
  dealId: string;
  /** YYYY-MM-DD */
  date: string;
  /** the measured quantity, in the deal's unit */
  quantity: number;
  /** measured quality of the lot, parameter → value */
  quality?: Record<string, number>;
  /** what each side declared shipped / received, when both are recorded */
  declared?: { provider?: number; consumer?: number };
  /** what the consumer does with the waste (2-TP transfer column); default utilisation */
  purpose?: TransferPurpose;
}

export interface BalanceOptions {
  /** relative tolerance for over-delivery and declaration mismatch, e.g. 0.02 = 2 % */
  tolerance: number;
}

export interface OutOfSpec {
  deliveryId: string;
  parameter: string;
  value: number;
  min?: number;
  max?: number;
}

export interface DeclarationMismatch {
  deliveryId: string;
  provider: number;
  consumer: number;
  /** |provider − consumer| ÷ max(provider, consumer) */
  difference: number;
}

export interface DealBalance {
  dealId: string;
  unit: string;
  contracted: number;
  delivered: number;
  /** contracted − delivered (negative: delivered beyond the contract) */
  remaining: number;
  deliveries: number;
  /** delivered > contracted × (1 + tolerance) */
  overDelivered: boolean;
  outOfSpec: OutOfSpec[];
  mismatches: DeclarationMismatch[];
}

export interface MaterialBalance {
  organisationId: string;
  material: string;
  unit: string;
  in: number;
  out: number;
  balance: number;
}

export interface MassBalance {
  deals: DealBalance[];
  /** sorted by organisation, material, unit */
  organisations: MaterialBalance[];
  /** deliveries whose deal is not in the input (never lost: listed) */
  orphanDeliveries: string[];
}

/** The measured values of a lot outside the deal's specification. */
export function outOfSpec(
  spec: Record<string, QualitySpec> | undefined,
  d: BalanceDelivery,
): OutOfSpec[] {
  const out: OutOfSpec[] = [];
  for (const [parameter, limit] of Object.entries(spec ?? {})) {
    const value = d.quality?.[parameter];
    if (value === undefined) continue;
    if (
      (limit.min !== undefined && value < limit.min) ||
      (limit.max !== undefined && value > limit.max)
    )
      out.push({ deliveryId: d.id, parameter, value, min: limit.min, max: limit.max });
  }
  return out;
}

/** A mismatch when both sides declared and they differ by more than the tolerance. */
export function declarationMismatch(
  d: BalanceDelivery,
  tolerance: number,
): DeclarationMismatch | null {
  const p = d.declared?.provider;
  const c = d.declared?.consumer;
  if (p === undefined || c === undefined) return null;
  const larger = Math.max(Math.abs(p), Math.abs(c));
  const difference = larger === 0 ? 0 : Math.abs(p - c) / larger;
  return difference > tolerance ? { deliveryId: d.id, provider: p, consumer: c, difference } : null;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Per deal and per organisation and material. Each delivery (by id) counts once. */
export function massBalance(
  deals: readonly BalanceDeal[],
  deliveries: readonly BalanceDelivery[],
  options: BalanceOptions,
): MassBalance {
  const byDeal = new Map(deals.map((d) => [d.id, d]));
  const seen = new Set<string>();
  const lots = new Map<string, BalanceDelivery[]>();
  const orphanDeliveries: string[] = [];
  for (const d of deliveries) {
    if (seen.has(d.id)) continue;
    seen.add(d.id);
    if (!byDeal.has(d.dealId)) {
      orphanDeliveries.push(d.id);
      continue;
    }
    const list = lots.get(d.dealId) ?? [];
    list.push(d);
    lots.set(d.dealId, list);
  }
  const flows = new Map<string, MaterialBalance>();
  const flow = (organisationId: string, deal: BalanceDeal) => {
    const key = `${organisationId}\u0000${deal.material}\u0000${deal.unit}`;
    const f = flows.get(key) ?? {
      organisationId,
      material: deal.material,
      unit: deal.unit,
      in: 0,
      out: 0,
      balance: 0,
    };
    flows.set(key, f);
    return f;
  };
  const dealRows: DealBalance[] = deals.map((deal) => {
    const list = lots.get(deal.id) ?? [];
    const delivered = list.reduce((s, d) => s + d.quantity, 0);
    if (list.length) {
      flow(deal.providerId, deal).out += delivered;
      flow(deal.consumerId, deal).in += delivered;
    }
    return {
      dealId: deal.id,
      unit: deal.unit,
      contracted: deal.contractedQuantity,
      delivered,
      remaining: deal.contractedQuantity - delivered,
      deliveries: list.length,
      overDelivered: delivered > deal.contractedQuantity * (1 + options.tolerance),
      outOfSpec: list.flatMap((d) => outOfSpec(deal.spec, d)),
      mismatches: list
        .map((d) => declarationMismatch(d, options.tolerance))
        .filter((m): m is DeclarationMismatch => m !== null),
    };
  });
  const organisations = [...flows.values()]
    .map((f) => ({ ...f, balance: f.in - f.out }))
    .sort(
      (a, b) =>
        cmp(a.organisationId, b.organisationId) ||
        cmp(a.material, b.material) ||
        cmp(a.unit, b.unit),
    );
  return { deals: dealRows, organisations, orphanDeliveries };
}

// ---------------------------------------------------------------- form 2-TP (waste)

/**
 * The columns of form 2-TP (waste), in the form's order, all in tonnes: stock at start,
 * generated, received from others (total, of which imported), processed, utilised,
 * neutralised, transferred to others (total; for processing, utilisation, neutralisation,
 * storage, burial), placed on own sites (total; storage, burial), stock at end. The order is
 * that of Rosprirodnadzor's summary of the form (consultant.ru, cons_doc_LAW_187166: start,
 * generated, received total / import, used, neutralised, transferred total / for use,
 * neutralisation, storage, burial, placed on own sites total / storage / burial, end), with
 * «processed» that Rosstat's forms since 2017 add before «utilised» (orders No. 529 of
 * 10.08.2017 and No. 627 of 09.10.2020). Not checked column by column against the form
 * Rosstat issued for the 2025 report: no copy of it was at hand.
 */
export const form2tpColumns = [
  'stockStartT',
  'generatedT',
  'receivedT',
  'receivedImportT',
  'processedT',
  'utilisedT',
  'utilisedAfterProcessingT',
  'neutralisedT',
  'neutralisedAfterProcessingT',
  'transferredT',
  'transferredProcessingT',
  'transferredUtilisationT',
  'transferredNeutralisationT',
  'transferredStorageT',
  'transferredBurialT',
  'placedT',
  'placedStorageT',
  'placedBurialT',
  'stockEndT',
] as const;
export type Form2tpColumn = (typeof form2tpColumns)[number];

/** The headings of the columns, Russian (the form's words) and English, by column. */
export const form2tpHeadings: Record<Form2tpColumn, { ru: string; en: string }> = {
  stockStartT: {
    ru: 'Наличие отходов на начало отчётного года',
    en: 'Stock at the start of the year',
  },
  generatedT: { ru: 'Образовано отходов', en: 'Generated' },
  receivedT: { ru: 'Получено от других организаций, всего', en: 'Received from others, total' },
  receivedImportT: { ru: 'в том числе по импорту', en: 'of which imported' },
  processedT: { ru: 'Обработано отходов', en: 'Processed' },
  utilisedT: { ru: 'Утилизировано отходов', en: 'Utilised' },
  utilisedAfterProcessingT: {
    ru: 'в том числе предварительно прошедших обработку',
    en: 'of which processed first',
  },
  neutralisedT: { ru: 'Обезврежено отходов', en: 'Neutralised' },
  neutralisedAfterProcessingT: {
    ru: 'в том числе предварительно прошедших обработку',
    en: 'of which processed first',
  },
  transferredT: { ru: 'Передано другим организациям, всего', en: 'Transferred to others, total' },
  transferredProcessingT: {
    ru: 'Передано другим организациям для обработки',
    en: 'Transferred to others for processing',
  },
  transferredUtilisationT: {
    ru: 'Передано другим организациям для утилизации',
    en: 'Transferred to others for utilisation',
  },
  transferredNeutralisationT: {
    ru: 'Передано другим организациям для обезвреживания',
    en: 'Transferred to others for neutralisation',
  },
  transferredStorageT: {
    ru: 'Передано другим организациям для хранения',
    en: 'Transferred to others for storage',
  },
  transferredBurialT: {
    ru: 'Передано другим организациям для захоронения',
    en: 'Transferred to others for burial',
  },
  placedT: { ru: 'Размещено на собственных объектах, всего', en: 'Placed on own sites, total' },
  placedStorageT: {
    ru: 'Размещено на собственных объектах: хранение',
    en: 'Placed on own sites: storage',
  },
  placedBurialT: {
    ru: 'Размещено на собственных объектах: захоронение',
    en: 'Placed on own sites: burial',
  },
  stockEndT: { ru: 'Наличие отходов на конец отчётного года', en: 'Stock at the end of the year' },
};

/** An organisation's own figures for one FKKO code and year, t; absent: no data. */
export interface Form2tpImport {
  organisationId: string;
  fkko: string;
  year: number;
  stockStartT?: number;
  generatedT?: number;
  receivedImportT?: number;
  processedT?: number;
  utilisedT?: number;
  /** of the utilised, the tonnes processed first (already out of stock as processed) */
  utilisedAfterProcessingT?: number;
  neutralisedT?: number;
  /** of the neutralised, the tonnes processed first */
  neutralisedAfterProcessingT?: number;
  placedStorageT?: number;
  placedBurialT?: number;
  /** declared stock at end; without it the row computes it when every input is known */
  stockEndT?: number;
  /** received outside the platform (added to the platform's deliveries) */
  receivedOffPlatformT?: number;
  /** transferred outside the platform, by purpose (added to the platform's deliveries) */
  transferredOffPlatformT?: Partial<Record<TransferPurpose, number>>;
}

export type Form2tpRow = {
  organisationId: string;
  fkko: string;
  year: number;
} & Record<Form2tpColumn, number | null>;

const transferColumn: Record<TransferPurpose, Form2tpColumn> = {
  processing: 'transferredProcessingT',
  utilisation: 'transferredUtilisationT',
  neutralisation: 'transferredNeutralisationT',
  storage: 'transferredStorageT',
  burial: 'transferredBurialT',
};

const transferColumns = Object.values(transferColumn);

/** The sum of the columns, or null when any of them is unknown (a total is never partial). */
function sumOrNull(
  row: Record<Form2tpColumn, number | null>,
  columns: readonly Form2tpColumn[],
): number | null {
  let s = 0;
  for (const c of columns) {
    const v = row[c];
    if (v === null) return null;
    s += v;
  }
  return s;
}

const plus = (a: number | null, b: number | undefined): number | null =>
  b === undefined ? a : (a ?? 0) + b;

/**
 * Stock at end = stock at start + generated + received − processed − utilised − neutralised
 * − Σ transferred − placed for burial (waste stored on own sites stays in stock), where the
 * utilised and neutralised tonnes that were processed first are not taken out again: they
 * left the stock once, as processed (the form's «в том числе предварительно прошедших
 * обработку» columns exist for this). Null when any of them is unknown.
 */
export function stockEndT(row: Record<Form2tpColumn, number | null>): number | null {
  const ins = sumOrNull(row, ['stockStartT', 'generatedT', 'receivedT']);
  const outs = sumOrNull(row, [
    'processedT',
    'utilisedT',
    'neutralisedT',
    ...transferColumns,
    'placedBurialT',
  ]);
  const again = sumOrNull(row, ['utilisedAfterProcessingT', 'neutralisedAfterProcessingT']);
  return ins === null || outs === null || again === null ? null : ins - outs + again;
}

/**
 * The 2-TP rows of a year: one per organisation and FKKO code that has a waste delivery in
 * that year (deals with an FKKO code and unit t) or an import. Platform columns: received
 * (as consumer) and transferred by purpose (as provider); a column with neither platform
 * deliveries nor an import figure is null. Sorted by organisation, then FKKO code.
 */
export function form2tpRows(
  deals: readonly BalanceDeal[],
  deliveries: readonly BalanceDelivery[],
  imports: readonly Form2tpImport[],
  year: number,
): Form2tpRow[] {
  const byDeal = new Map(deals.map((d) => [d.id, d]));
  const rows = new Map<string, Form2tpRow>();
  const row = (organisationId: string, fkko: string): Form2tpRow => {
    const key = `${organisationId}\u0000${fkko}`;
    let r = rows.get(key);
    if (!r) {
      r = { organisationId, fkko, year } as Form2tpRow;
      for (const c of form2tpColumns) r[c] = null;
      rows.set(key, r);
    }
    return r;
  };
  const prefix = `${year}-`;
  const seen = new Set<string>();
  for (const d of deliveries) {
    if (seen.has(d.id) || !d.date.startsWith(prefix)) continue;
    seen.add(d.id);
    const deal = byDeal.get(d.dealId);
    if (!deal?.fkko || deal.unit !== 't') continue;
    const received = row(deal.consumerId, deal.fkko);
    received.receivedT = (received.receivedT ?? 0) + d.quantity;
    const sent = row(deal.providerId, deal.fkko);
    const col = transferColumn[d.purpose ?? 'utilisation'];
    sent[col] = (sent[col] ?? 0) + d.quantity;
  }
  for (const i of imports) {
    if (i.year !== year) continue;
    const r = row(i.organisationId, i.fkko);
    for (const c of [
      'stockStartT',
      'generatedT',
      'receivedImportT',
      'processedT',
      'utilisedT',
      'utilisedAfterProcessingT',
      'neutralisedT',
      'neutralisedAfterProcessingT',
      'placedStorageT',
      'placedBurialT',
    ] as const)
      if (i[c] !== undefined) r[c] = i[c];
    // nothing processed: nothing utilised or neutralised was processed first
    if (i.processedT === 0) {
      r.utilisedAfterProcessingT ??= 0;
      r.neutralisedAfterProcessingT ??= 0;
    }
    r.receivedT = plus(r.receivedT, i.receivedOffPlatformT);
    for (const [purpose, t] of Object.entries(i.transferredOffPlatformT ?? {}))
      r[transferColumn[purpose as TransferPurpose]] = plus(
        r[transferColumn[purpose as TransferPurpose]],
        t,
      );
    if (i.stockEndT !== undefined) r.stockEndT = i.stockEndT;
  }
  for (const r of rows.values()) {
    r.transferredT = sumOrNull(r, transferColumns);
    r.placedT = sumOrNull(r, ['placedStorageT', 'placedBurialT']);
    if (r.stockEndT === null) r.stockEndT = stockEndT(r);
  }
  return [...rows.values()].sort(
    (a, b) => cmp(a.organisationId, b.organisationId) || cmp(a.fkko, b.fkko),
  );
}
