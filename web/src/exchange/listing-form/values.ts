// The listing form's values: text as typed (numbers parsed on submit), made from nothing,
// from a listing being edited, or from a withdrawn one being copied. Pure.
import { kopecksToRubText } from '../../shell/numbers.ts';
import type {
  Counterfactual,
  LegalStatus,
  Listing,
  ListingVisibility,
  MaterialUnit,
  Substitute,
  TransportMode,
} from '../../shell/types.ts';
import type { Taxonomy } from '../taxonomy.ts';

/** A quality property's box(es): an offer's measured value, a request's limits. */
export interface QualityInput {
  value: string;
  min: string;
  max: string;
}

export interface Values {
  organisationId: string;
  side: 'offer' | 'request';
  siteId: string;
  materialId: string;
  useId: string;
  quantityPerYear: string;
  unit: MaterialUnit;
  availableFrom: string;
  availableTo: string;
  quality: Record<string, QualityInput>;
  /** roubles per unit in the form; the API's kopecks are made on submit */
  disposalCostKopecksPerUnit: string;
  priceKopecksPerUnit: string;
  mustShipMin: string;
  mustTakeMin: string;
  /** offer: what happens to it today; request: what it replaces, and whether an end user */
  counterfactual: Counterfactual | '';
  supplierCostKopecksPerUnit: string;
  salePriceKopecksPerUnit: string;
  substitute: Substitute | '';
  /** request replacing primary coal by the tonne: the kcal/kg its price refers to */
  priceCalorificKcalPerKg: string;
  endUse: boolean;
  transportModes: TransportMode[];
  maxDistanceKm: string;
  legalStatus: LegalStatus | '';
  fkko: string;
  byProductOf: string;
  standard: string;
  visibility: ListingVisibility;
  note: string;
}

export const blankQuality: QualityInput = { value: '', min: '', max: '' };

/** a number as the user would type it: 5000,5 in Russian (the form reads either mark back) */
const text = (n: number | undefined, mark: ',' | '.' = '.') =>
  n === undefined ? '' : String(n).replace('.', mark);
const rub = (kopecks: number | undefined, mark: ',' | '.') =>
  kopecks === undefined ? '' : kopecksToRubText(kopecks, mark);

/** A new listing of the user's organisation: an offer, available from today to the end of next year. */
export function blank(organisationId: string, today: string): Values {
  const year = Number(today.slice(0, 4));
  return {
    organisationId,
    side: 'offer',
    siteId: '',
    materialId: '',
    useId: '',
    quantityPerYear: '',
    unit: 't',
    availableFrom: today,
    availableTo: `${year + 1}-12-31`,
    quality: {},
    disposalCostKopecksPerUnit: '',
    priceKopecksPerUnit: '',
    mustShipMin: '',
    mustTakeMin: '',
    counterfactual: '',
    supplierCostKopecksPerUnit: '',
    salePriceKopecksPerUnit: '',
    substitute: '',
    priceCalorificKcalPerKg: '',
    endUse: true,
    transportModes: ['road'],
    maxDistanceKm: '',
    legalStatus: '',
    fkko: '',
    byProductOf: '',
    standard: '',
    visibility: 'members',
    note: '',
  };
}

/** A listing as the form shows it; money in roubles with the locale's decimal mark. */
export function fromListing(l: Listing, decimalMark: ',' | '.'): Values {
  const quality: Record<string, QualityInput> = {};
  for (const [k, v] of Object.entries(l.quality ?? {}))
    quality[k] =
      typeof v === 'number'
        ? { ...blankQuality, value: text(v, decimalMark) }
        : { value: '', min: text(v.min, decimalMark), max: text(v.max, decimalMark) };
  return {
    organisationId: l.organisationId ?? '',
    side: l.side,
    siteId: l.siteId ?? '',
    materialId: l.materialId ?? '',
    useId: l.useId ?? '',
    quantityPerYear: text(l.quantityPerYear, decimalMark),
    unit: l.unit,
    availableFrom: l.availableFrom,
    availableTo: l.availableTo,
    quality,
    disposalCostKopecksPerUnit: rub(l.disposalCostKopecksPerUnit, decimalMark),
    priceKopecksPerUnit: rub(l.priceKopecksPerUnit, decimalMark),
    mustShipMin: text(l.mustShipMin, decimalMark),
    mustTakeMin: text(l.mustTakeMin, decimalMark),
    counterfactual: l.counterfactual ?? '',
    supplierCostKopecksPerUnit: rub(l.supplierCostKopecksPerUnit, decimalMark),
    salePriceKopecksPerUnit: rub(l.salePriceKopecksPerUnit, decimalMark),
    substitute: l.substitute ?? '',
    priceCalorificKcalPerKg: text(l.priceCalorificKcalPerKg, decimalMark),
    endUse: l.endUse !== false,
    transportModes: l.transportModes,
    maxDistanceKm: text(l.maxDistanceKm, decimalMark),
    legalStatus: l.legalStatus ?? '',
    fkko: l.fkko ?? '',
    byProductOf: l.byProductOf ?? '',
    standard: l.standard ?? '',
    visibility: l.visibility,
    note: l.note ?? '',
  };
}

/** A withdrawn or expired listing as the start of a new draft: its terms, with dates from today. */
export function copyOf(l: Listing, decimalMark: ',' | '.', today: string): Values {
  const v = fromListing(l, decimalMark);
  if (v.availableTo < today) {
    const fresh = blank(v.organisationId, today);
    return { ...v, availableFrom: fresh.availableFrom, availableTo: fresh.availableTo };
  }
  if (v.availableFrom < today) return { ...v, availableFrom: today };
  return v;
}

/** The quality properties the form asks for: the material's, or those of a use's materials. */
export function propertiesOf(v: Values, tx: Taxonomy): string[] {
  const m = tx.material(v.materialId);
  if (m) return m.properties;
  if (v.side === 'request' && v.useId) return tx.propertiesForUse(v.useId);
  return [];
}

/** A request buying coal by the tonne: it may say which coal its price refers to. */
export const pricesCoalByTonne = (v: Values) =>
  v.side === 'request' && v.substitute === 'primary-coal' && v.unit === 't';

/** Pipeline and power line reach only so far: the form then asks for the distance. */
export const needsReach = (v: Values) =>
  v.transportModes.some((m) => m === 'pipeline' || m === 'wire');

/** The fields the form shows next to a box of their own (every key of Values is one). */
const formKeys: Record<keyof Values, true> = {
  organisationId: true,
  side: true,
  siteId: true,
  materialId: true,
  useId: true,
  quantityPerYear: true,
  unit: true,
  availableFrom: true,
  availableTo: true,
  quality: true,
  disposalCostKopecksPerUnit: true,
  priceKopecksPerUnit: true,
  mustShipMin: true,
  mustTakeMin: true,
  counterfactual: true,
  supplierCostKopecksPerUnit: true,
  salePriceKopecksPerUnit: true,
  substitute: true,
  priceCalorificKcalPerKg: true,
  endUse: true,
  transportModes: true,
  maxDistanceKm: true,
  legalStatus: true,
  fkko: true,
  byProductOf: true,
  standard: true,
  visibility: true,
  note: true,
};

/** Whether a problem's field (`quality.ash.max`, `fkko`) is shown next to a box of the form. */
export const onForm = (field: string) =>
  field.startsWith('quality.') || field.split('.')[0] in formKeys;
