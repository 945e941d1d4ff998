// The territorial baseline: how specialised the region is in the cluster's industries, from
// employment. The location quotient is the textbook formula; the "strong cluster" test follows
// the US Cluster Mapping project's idea of strength as relative specialisation among regions
// (a cluster ranks in the top quarter of comparison regions by LQ), with the share and the
// minimum LQ as parameters — the published rule is to be checked against clustermapping.us's
// methodology before a figure is quoted.

export interface Employment {
  /** industry code (OKVED2 division) → employees; `total` for all activities */
  byIndustry: Record<string, number>;
  total: number;
}

/** The four figures of an LQ: (region / regionTotal) / (country / countryTotal). */
export interface LqTerms {
  /** the region's employees in the industry */
  region: number;
  regionTotal: number;
  /** the country's employees in the industry */
  country: number;
  countryTotal: number;
}

export interface LocationQuotient {
  industry: string;
  /** (region's employees in the industry ÷ region's total) ÷ (country's ÷ country's total) */
  lq: number | null;
  regionShare: number | null;
  countryShare: number | null;
  /** the formula's figures, for a reader's page to write in its language; null: a figure missing */
  terms: LqTerms | null;
  /** the formula with its figures, machine-readable (decimal point, no grouping), or «no data» */
  formula: string;
}

/**
 * The LQ's formula with its figures written in the reader's language: «(101,7 / 720) / (150 /
 * 43 058)» in Russian (decimal comma, a no-break space between thousands), "(101.7 / 720) / (150 /
 * 43,058)" in English.
 */
export function lqFormula(terms: LqTerms, lang: 'ru' | 'en'): string {
  const n = (x: number) =>
    x.toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: 6 });
  return `(${n(terms.region)} / ${n(terms.regionTotal)}) / (${n(terms.country)} / ${n(terms.countryTotal)})`;
}

const ru = (x: number) => x.toLocaleString('ru-RU', { maximumFractionDigits: 6 });
const round = (x: number) => Number(x.toFixed(4));

/** LQ per industry of the region against the country; null where a figure is missing or zero. */
export function locationQuotients(
  region: Employment,
  country: Employment,
  industries: readonly string[] = Object.keys(region.byIndustry),
): LocationQuotient[] {
  return industries.map((industry) => {
    const r = region.byIndustry[industry];
    const c = country.byIndustry[industry];
    const regionShare = r !== undefined && region.total > 0 ? r / region.total : null;
    const countryShare = c !== undefined && country.total > 0 ? c / country.total : null;
    const lq = regionShare !== null && countryShare ? regionShare / countryShare : null;
    const terms =
      r !== undefined && c !== undefined
        ? { region: r, regionTotal: region.total, country: c, countryTotal: country.total }
        : null;
    return {
      industry,
      lq: lq === null ? null : round(lq),
      regionShare: regionShare === null ? null : round(regionShare),
      countryShare: countryShare === null ? null : round(countryShare),
      terms,
      formula: terms
        ? `(${terms.region} / ${terms.regionTotal}) / (${terms.country} / ${terms.countryTotal})`
        : 'no data',
    };
  });
}

export interface StrongClusterRule {
  /** share of comparison regions the region must rank within, by LQ (default 0.25: top quarter) */
  topShare: number;
  /** and its LQ must reach this (default 1: more specialised than the country) */
  minLq: number;
}

export const defaultStrongClusterRule: StrongClusterRule = { topShare: 0.25, minLq: 1 };

export interface StrongClusterTest {
  industry: string;
  lq: number | null;
  /** the region's rank by LQ among itself and the comparison regions, 1 = most specialised */
  rank: number | null;
  regions: number;
  strong: boolean | null;
  formula: string;
  /** the same test in Russian, for the Russian page and API readers */
  formulaRu: string;
}

/**
 * Is the region's cluster strong? Needs the LQs of comparison regions for the same industry
 * (null without them: a rank among regions cannot be made up).
 */
export function strongCluster(
  industry: string,
  lq: number | null,
  comparisonLqs: readonly number[],
  rule: StrongClusterRule = defaultStrongClusterRule,
): StrongClusterTest {
  const regions = comparisonLqs.length + 1;
  if (lq === null || comparisonLqs.length === 0)
    return {
      industry,
      lq,
      rank: null,
      regions,
      strong: null,
      formula: 'no data: the LQs of comparison regions are needed',
      formulaRu: 'нет данных: нужны коэффициенты локализации регионов сравнения',
    };
  const rank = 1 + comparisonLqs.filter((x) => x > lq).length;
  const cutoff = Math.max(1, Math.ceil(regions * rule.topShare));
  return {
    industry,
    lq,
    rank,
    regions,
    strong: rank <= cutoff && lq >= rule.minLq,
    formula: `rank ${rank} of ${regions} ≤ ${cutoff} (top ${rule.topShare * 100}%) and LQ ${lq} ≥ ${rule.minLq}`,
    formulaRu: `место ${rank} из ${regions} ≤ ${cutoff} (верхние ${ru(rule.topShare * 100)} %) и LQ ${ru(lq)} ≥ ${ru(rule.minLq)}`,
  };
}
