// Plain data (no zod), so the web form shares the limits without bundling the schemas.

/**
 * The bounds of a listing's figures, for the schema and the web form alike. Together they keep
 * any listing's yearly value within 10^13 RUB (10^8 units × 10^5 RUB), so every sum of money
 * stays an exact integer number of kopecks.
 */
export const listingLimits = {
  quantityPerYear: 1e8,
  kopecksPerUnit: 1e7,
  maxDistanceKm: 5000,
  textLength: 300,
  noteLength: 2000,
} as const;
