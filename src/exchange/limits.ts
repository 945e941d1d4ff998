// Plain data (no zod), so the web form shares the limits without bundling the schemas.

/**
 * The bounds of a listing's figures, for the schema and the web form alike. Together they keep
 * any listing's yearly value within 10^13 RUB (10^8 units × 10^5 RUB), so every sum of money
 * stays an exact integer number of kopecks.
 *
 * Money per unit (a disposal cost, the holder's own cost to supply, a sale price, the price of
 * what a request replaces) is at most 100 000 ₽ per unit of the material (t, m³, thousand m³,
 * MWh, GJ, Gcal): several times the dearest stream this cluster trades — coke and coking-coal
 * concentrate sell at some 15 000–40 000 ₽/t, hazardous-waste disposal costs up to some
 * 20 000 ₽/t, gas some 10 000 ₽ per thousand m³, electricity some 5 000 ₽/MWh. A higher figure is
 * a typing slip (kopecks typed as roubles, a yearly sum typed per unit), not a price.
 *
 * Quantities are at most 10^8 units a year: Kuzbass mines some 2.2 × 10^8 t of coal a year in
 * all, so one site's stream of 100 million units is already beyond any real one.
 */
export const listingLimits = {
  quantityPerYear: 1e8,
  kopecksPerUnit: 1e7,
  maxDistanceKm: 5000,
  // The calorific value a coal price refers to, kcal/kg as fired: Kuzbass thermal coals ship at
  // 5 000–6 200 and anthracite near 8 000; carbon itself gives about 7 800 (32.8 MJ/kg), so a
  // fired solid beyond 9 000 is a typing slip, and nothing below 1 000 is priced as coal.
  calorificKcalPerKg: { min: 1000, max: 9000 },
  textLength: 300,
  noteLength: 2000,
} as const;

/** The units a listing's figures are counted in (registry MaterialUnit), for the limits' words. */
export const limitUnits = ['t', 'm3', 'thousand_m3', 'MWh', 'GJ', 'Gcal'] as const;
export type LimitUnit = (typeof limitUnits)[number];

/**
 * The kind of range a measured quality value may take, by its property's unit: a share (%, % vol)
 * lies from 0 to 100, a temperature not below absolute zero, a heating value from 0 to that of
 * methane (11 950 kcal/kg, 50 MJ/kg: no fuel of this cluster but hydrogen gives more; a higher
 * figure is a typing slip that the valuation by heat would multiply), any other measure (mm,
 * g/t, Bq/kg, mg/l) is not negative. The listing form and the server check the same (the service has
 * the taxonomy's units; the form its copy of them).
 */
export type QualityRange = 'share' | 'temperature' | 'heatKcal' | 'heatMj' | 'measure';

/** The highest heating value a quality may state, by unit (methane's, rounded up). */
export const heatLimits = { 'kcal/kg': 12000, 'MJ/kg': 50 } as const;

export function qualityRangeOf(unit: string | undefined): QualityRange {
  if (unit === '%' || unit === '% vol') return 'share';
  if (unit === '°C') return 'temperature';
  if (unit === 'kcal/kg') return 'heatKcal';
  if (unit === 'MJ/kg') return 'heatMj';
  return 'measure';
}

/** Whether a measured value (or a limit of a request) lies within its property's range. */
export function inQualityRange(unit: string | undefined, value: number): boolean {
  const range = qualityRangeOf(unit);
  if (range === 'share') return value >= 0 && value <= 100;
  if (range === 'temperature') return value >= -273.15;
  if (range === 'heatKcal') return value >= 0 && value <= heatLimits['kcal/kg'];
  if (range === 'heatMj') return value >= 0 && value <= heatLimits['MJ/kg'];
  return value >= 0;
}
