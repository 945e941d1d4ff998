// Industry 4.0 readiness of the cluster from its members' self-assessments. The dimensions follow
// the Smart Industry Readiness Index's three building blocks (technology, process, organisation)
// as the issue lists them; bands 0..5 per dimension. This is a SIRI-like questionnaire of our
// own, not the licensed SIRI assessment matrix.

export const readinessDimensions = [
  'connectivity',
  'automation',
  'intelligence',
  'vertical_integration',
  'horizontal_integration',
  'workforce_learning',
  'leadership',
  'strategy',
] as const;
export type ReadinessDimension = (typeof readinessDimensions)[number];
export type ReadinessBands = Record<ReadinessDimension, number>;

type Wording = { ru: string; en: string };

export const readinessPillars: Record<
  'technology' | 'process' | 'organisation',
  readonly ReadinessDimension[]
> = {
  technology: ['connectivity', 'automation', 'intelligence'],
  process: ['vertical_integration', 'horizontal_integration'],
  organisation: ['workforce_learning', 'leadership', 'strategy'],
};

export const readinessDimensionWords: Record<ReadinessDimension, Wording> = {
  connectivity: { ru: 'Связность оборудования и систем', en: 'Connectivity' },
  automation: { ru: 'Автоматизация', en: 'Automation' },
  intelligence: { ru: 'Интеллектуальность (анализ данных, прогноз)', en: 'Intelligence' },
  vertical_integration: { ru: 'Вертикальная интеграция', en: 'Vertical integration' },
  horizontal_integration: {
    ru: 'Горизонтальная интеграция (с партнёрами)',
    en: 'Horizontal integration',
  },
  workforce_learning: { ru: 'Обучение персонала', en: 'Workforce learning and development' },
  leadership: { ru: 'Лидерство', en: 'Leadership competency' },
  strategy: { ru: 'Стратегия и управление', en: 'Strategy and governance' },
};

/** What each band means, the same for every dimension (the questionnaire words each). */
export const readinessBandWords: readonly Wording[] = [
  { ru: '0 — нет', en: '0 — none' },
  { ru: '1 — начальный', en: '1 — initial' },
  { ru: '2 — базовый', en: '2 — basic' },
  { ru: '3 — определённый', en: '3 — defined' },
  { ru: '4 — интегрированный', en: '4 — integrated' },
  { ru: '5 — оптимизируемый', en: '5 — optimising' },
];

/** One organisation's answered questionnaire (a version of it). */
export interface ReadinessResponse {
  organisationId: string;
  version: number;
  bands: ReadinessBands;
  /** the organisation's staff, the weight of its answers; null when it is not stated */
  employees: number | null;
}

export interface DimensionSummary {
  dimension: ReadinessDimension;
  /** plain mean over the organisations */
  mean: number;
  /** employment-weighted mean over organisations that state their staff; null if none does */
  weightedMean: number | null;
  /** employment-weighted standard deviation (population), null like weightedMean */
  spread: number | null;
  min: number;
  max: number;
}

export interface ClusterReadiness {
  /** organisations counted (their latest version each) */
  organisations: number;
  /** employees behind the weighted figures */
  employees: number;
  /** organisations counted in the plain means but not in the weighted ones (staff not stated) */
  unweighted: string[];
  dimensions: DimensionSummary[];
  overall: { mean: number | null; weightedMean: number | null };
  /** the three dimensions with the lowest weighted (else plain) mean, weakest first */
  weakest: ReadinessDimension[];
}

const round = (x: number) => Number(x.toFixed(4));

/** Each organisation's latest version only. */
export function latestResponses<R extends { organisationId: string; version: number }>(
  responses: readonly R[],
): R[] {
  const latest = new Map<string, R>();
  for (const r of responses) {
    const seen = latest.get(r.organisationId);
    if (!seen || r.version > seen.version) latest.set(r.organisationId, r);
  }
  return [...latest.values()].sort((a, b) => a.organisationId.localeCompare(b.organisationId));
}

/** The cluster's readiness: per dimension, plain and employment-weighted mean, spread, range. */
export function clusterReadiness(responses: readonly ReadinessResponse[]): ClusterReadiness {
  const latest = latestResponses(responses);
  const weighted = latest.filter((r) => r.employees !== null && r.employees > 0);
  const staff = weighted.reduce((sum, r) => sum + (r.employees ?? 0), 0);
  const dimensions = readinessDimensions.map((dimension): DimensionSummary => {
    const values = latest.map((r) => r.bands[dimension]);
    const mean = values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
    let weightedMean: number | null = null;
    let spread: number | null = null;
    if (staff > 0) {
      const w = weighted.map((r) => [r.bands[dimension], (r.employees ?? 0) / staff] as const);
      const m = w.reduce((sum, [v, share]) => sum + v * share, 0);
      weightedMean = round(m);
      spread = round(Math.sqrt(w.reduce((sum, [v, share]) => sum + share * (v - m) ** 2, 0)));
    }
    return {
      dimension,
      mean: round(mean),
      weightedMean,
      spread,
      min: values.length ? Math.min(...values) : 0,
      max: values.length ? Math.max(...values) : 0,
    };
  });
  const meanOf = (xs: number[]) =>
    xs.length ? round(xs.reduce((a, b) => a + b, 0) / xs.length) : null;
  const key = (d: DimensionSummary) => d.weightedMean ?? d.mean;
  return {
    organisations: latest.length,
    employees: staff,
    unweighted: latest.filter((r) => !weighted.includes(r)).map((r) => r.organisationId),
    dimensions: latest.length ? dimensions : [],
    overall: {
      mean: latest.length ? meanOf(dimensions.map((d) => d.mean)) : null,
      weightedMean: staff > 0 ? meanOf(dimensions.map((d) => d.weightedMean ?? 0)) : null,
    },
    weakest: latest.length
      ? [...dimensions]
          .sort(
            (a, b) =>
              key(a) - key(b) ||
              readinessDimensions.indexOf(a.dimension) - readinessDimensions.indexOf(b.dimension),
          )
          .slice(0, 3)
          .map((d) => d.dimension)
      : [],
  };
}
