// The paper's table, computed. Zhernov, Nekhoda and Rusak compare the conventional (territorial)
// cluster, the digital cluster and the business ecosystem on nine characteristics; this file
// is the scoring model that places a cluster on that scale from its own operating data.
//
// How to read it:
// - each characteristic has one or more indicators, each a number computed from the snapshot
//   with its formula written beside it, and two thresholds (`digital`, `ecosystem`);
// - an indicator scores 0 (territorial cluster) below `digital`, 1 (digital cluster) from
//   `digital`, 2 (business ecosystem) from `ecosystem` — or the other way round where lower is
//   more ecosystem-like (`lowerIsCloser`); an indicator without data (`null`) is left out;
// - a characteristic's score is the mean of its indicators' scores (control and
//   sustainability have their own rule, stated beside them); the form is territorial below 0.5,
//   digital below 1.5, business ecosystem from 1.5; no indicator with data: `no_data`;
// - the cluster's overall score is the mean over characteristics with data, placed the same way.
//
// The wording of each row: quotes marked « » are the paper's statements (its comparison table's
// cells, or its text as DESIGN.md cites it); the rest is the platform's summary of the row,
// labelled as such wherever it is shown (`wordingSource`).
// Thresholds are the platform's own calibration (documented, configurable by editing this
// file), not values from the paper.

import { DEFAULT_WINDOW_MONTHS } from '../limits.ts';
import { buildGraph } from './network-graph.ts';
import { louvain } from './network-louvain.ts';
import { ROLE_THRESHOLDS, valueHhi, valueShares } from './network-signals.ts';
import { regionIn } from './place-names.ts';
import type { Snapshot, SnapshotOrganisation, SnapshotTie } from './snapshot.ts';
import { balanceIndex } from './sustainability.ts';

export const characteristicIds = [
  'essence',
  'geography',
  'knowledge',
  'integration_basis',
  'transactions',
  'control',
  'sustainability',
  'competition_cooperation',
  'regulation',
] as const;
export type CharacteristicId = (typeof characteristicIds)[number];

export const forms = [
  'territorial_cluster',
  'digital_cluster',
  'business_ecosystem',
  'no_data',
] as const;
export type Form = (typeof forms)[number];

export interface Indicator {
  name: string;
  /** null: the snapshot holds nothing to compute it from */
  value: number | null;
  formula: string;
  /** 0 territorial, 1 digital, 2 ecosystem; null without data */
  score: number | null;
  thresholds?: { digital: number; ecosystem: number; lowerIsCloser?: boolean };
}

export interface CharacteristicResult {
  id: CharacteristicId;
  form: Form;
  /** 0..2, two decimals; null with `no_data` */
  score: number | null;
  indicators: Indicator[];
  evidence: string;
}

export interface Placement {
  form: Form;
  score: number | null;
}

export interface Assessment {
  asOf: string;
  /** the window the ties and decisions are counted over: its length and first day */
  windowMonths: number;
  /** the window's first day (YYYY-MM-DD); null with no lower bound (windowMonths 0) */
  from: string | null;
  characteristics: CharacteristicResult[];
  overall: Placement;
}

type Wording = { ru: string; en: string };

/** Each form's name, in Russian and English (the web page, the report and the CLI say these). */
export const formWords: Record<Form, Wording> = {
  territorial_cluster: { ru: 'территориальный кластер', en: 'territorial cluster' },
  digital_cluster: { ru: 'цифровой кластер', en: 'digital cluster' },
  business_ecosystem: { ru: 'бизнес-экосистема', en: 'business ecosystem' },
  no_data: { ru: 'нет данных', en: 'no data' },
};

/** The paper's rows: what each form looks like on each characteristic. */
export const paperRows: Record<
  CharacteristicId,
  { title: Wording; territorial: Wording; digital: Wording; ecosystem: Wording }
> = {
  essence: {
    title: { ru: 'Сущность организации', en: 'Essence of the organisation' },
    territorial: {
      ru: 'группа географически соседствующих взаимосвязанных компаний',
      en: 'a group of geographically neighbouring, interconnected companies',
    },
    digital: {
      ru: 'сеть компаний, взаимодействующих через цифровую платформу',
      en: 'a network of companies interacting through a digital platform',
    },
    ecosystem: {
      ru: 'сообщество компаний и институтов (наука, образование, власть), развивающихся совместно',
      en: 'a community of companies and institutions (science, education, government) co-evolving',
    },
  },
  geography: {
    title: { ru: 'Географический фактор', en: 'Geographic factor' },
    territorial: {
      ru: 'решающий: близость на территории',
      en: 'decisive: proximity on the territory',
    },
    digital: {
      ru: '«ядро — в виртуальном цифровом пространстве, без привязки к географии»',
      en: '“the core is in a virtual digital space, not tied to geography”',
    },
    ecosystem: {
      ru: '«включает всё больше компаний из других регионов»',
      en: '“it includes more and more companies from other regions”',
    },
  },
  knowledge: {
    title: { ru: 'Генерация и обмен знаниями', en: 'Knowledge generation and exchange' },
    territorial: {
      ru: 'перетоки знаний через личные контакты и близость',
      en: 'knowledge spills over through personal contact and proximity',
    },
    digital: {
      ru: 'обмен знаниями через платформу',
      en: 'knowledge exchanged through the platform',
    },
    ecosystem: {
      ru: '«основной ресурс — профессиональные знания работников»; наука и образование — равные партнёры',
      en: '“the main resource is the professional knowledge of workers”; science and education are equal partners',
    },
  },
  integration_basis: {
    title: { ru: 'Основа интеграции', en: 'Basis for integration' },
    territorial: {
      ru: 'общая территория и цепочка создания стоимости',
      en: 'shared territory and value chain',
    },
    digital: { ru: 'цифровая платформа', en: 'a digital platform' },
    ecosystem: {
      ru: '«единая технологическая платформа как ресурс знаний»',
      en: '“a single technological platform as a knowledge resource”',
    },
  },
  transactions: {
    title: { ru: 'Место совершения сделок', en: 'Place of transactions' },
    territorial: {
      ru: 'физическое: встречи, бумажные договоры',
      en: 'physical: meetings, paper contracts',
    },
    digital: {
      ru: '«информационные, управленческие и финансовые транзакции переходят в цифровую среду»',
      en: '“information, management and financial transactions move to the digital environment”',
    },
    ecosystem: {
      ru: 'цифровая среда для всех взаимодействий участников',
      en: 'the digital environment for all interactions of members',
    },
  },
  control: {
    title: { ru: 'Концепция управления', en: 'Control concept' },
    territorial: {
      ru: 'управляет обладатель наибольшей доли рынка',
      en: 'control by the one with the largest market share',
    },
    digital: {
      ru: 'управляет компания-основатель (ключевой участник)',
      en: 'control by the founding company (the keystone)',
    },
    ecosystem: {
      ru: '«ключевой участник, с высокой вероятностью смены лидера»',
      en: '“a keystone, with a high probability of a leader change”',
    },
  },
  // The last three rows in the paper's own words, cell by cell (its comparison table). Where two
  // forms share a word, the row's scoring cannot tell them apart: see the rules below.
  sustainability: {
    title: { ru: 'Устойчивость', en: 'Sustainability' },
    territorial: { ru: '«достаточная»', en: '“sufficient”' },
    digital: { ru: '«достаточная»', en: '“sufficient”' },
    ecosystem: { ru: '«относительная»', en: '“relative”' },
  },
  competition_cooperation: {
    title: { ru: 'Источник инноваций', en: 'Source of innovation' },
    territorial: { ru: '«конкуренция»', en: '“competition”' },
    digital: { ru: '«кооперация»', en: '“cooperation”' },
    ecosystem: { ru: '«и то и другое»', en: '“both”' },
  },
  regulation: {
    title: { ru: 'Внутреннее регулирование', en: 'Internal regulation' },
    territorial: { ru: '«иерархия»', en: '“hierarchy”' },
    digital: { ru: '«этархия»', en: '“etharchy”' },
    ecosystem: { ru: '«этархия»', en: '“etharchy”' },
  },
};

/**
 * Whose words a cell is: the paper's when it is wholly quoted («…», several joined by «; »),
 * otherwise the platform's own summary (which may quote the paper inside it). The web page and
 * the reports label the first «Статья», the second «Сводка платформы».
 */
export function wordingSource(text: string): 'paper' | 'platform' {
  // Russian quotes «…» in Russian, English “…” in English
  const quote = '(«[^«»]+»|“[^“”]+”)';
  return new RegExp(`^${quote}(; ${quote})*$`).test(text.trim()) ? 'paper' : 'platform';
}

/** Each indicator's name in both languages and its formula in Russian (the English is beside it). */
export const indicatorWords: Record<string, { ru: string; en: string; formulaRu: string }> = {
  platform_participation: {
    ru: 'Участие в платформе',
    en: 'Platform participation',
    formulaRu: 'организации, у которых есть связь через платформу ÷ все организации',
  },
  institution_participation: {
    ru: 'Участие институтов',
    en: 'Institutions taking part',
    formulaRu:
      'институты (вузы, НИИ, органы власти, оператор) со связью через платформу ÷ все институты',
  },
  cross_agglomeration_value_share: {
    ru: 'Доля связей между агломерациями',
    en: 'Value crossing agglomerations',
    formulaRu:
      'стоимость связей между участниками в разных агломерациях или вне региона ÷ стоимость всех связей (связь без стоимости считается за 1)',
  },
  members_outside_region: {
    ru: 'Участники из других регионов',
    en: 'Members outside the region',
    formulaRu: 'организации вне региона кластера ÷ все организации',
  },
  knowledge_ties_per_member: {
    ru: 'Обмен знаниями на участника',
    en: 'Knowledge ties per member',
    formulaRu:
      'связи обмена знаниями (запросы знаний, консультации, совместные проекты, лицензии) ÷ организации',
  },
  knowledge_on_platform_share: {
    ru: 'Обмен знаниями через платформу',
    en: 'Knowledge exchanged on the platform',
    formulaRu: 'связи обмена знаниями через платформу ÷ все связи обмена знаниями',
  },
  knowledge_with_institutions_share: {
    ru: 'Обмен знаниями с наукой и образованием',
    en: 'Knowledge ties with institutions',
    formulaRu: 'связи обмена знаниями с вузом, НИИ или органом власти ÷ все связи обмена знаниями',
  },
  knowledge_cross_community_share: {
    ru: 'Знания между сообществами',
    en: 'Knowledge across communities',
    formulaRu:
      'связи обмена знаниями между организациями разных сообществ сети обмена (метод Лувена) ÷ связи обмена знаниями между организациями, участвующими в обмене',
  },
  platform_tie_share: {
    ru: 'Связи через платформу',
    en: 'Ties made on the platform',
    formulaRu: 'связи всех слоёв через платформу ÷ все связи',
  },
  multi_layer_members: {
    ru: 'Участники в нескольких слоях',
    en: 'Members on several layers',
    formulaRu:
      'организации, работающие на платформе в двух слоях и более (обмен, знания, управление) ÷ организации',
  },
  on_platform_deal_share: {
    ru: 'Сделки через платформу',
    en: 'Deals on the platform',
    formulaRu: 'сделки, согласованные и исполненные через платформу ÷ все сделки между участниками',
  },
  on_platform_value_share: {
    ru: 'Стоимость сделок через платформу',
    en: 'Deal value on the platform',
    formulaRu: 'стоимость сделок через платформу ÷ стоимость всех сделок (со стоимостью)',
  },
  keystone_in_place: {
    ru: 'Ключевой участник назначен',
    en: 'Keystone in place',
    formulaRu: 'ключевой участник назван в уставе на дату оценки (1 — да, 0 — нет)',
  },
  leader_changes: {
    ru: 'Смены лидера',
    en: 'Leader changes',
    formulaRu: 'смены организации — ключевого участника в его истории до даты оценки',
  },
  keystone_value_share: {
    ru: 'Доля ключевого участника в стоимости',
    en: "Keystone's value share",
    formulaRu:
      'стоимость связей обмена, где участвует ключевой участник ÷ стоимость всех связей обмена',
  },
  value_hhi: {
    ru: 'Концентрация (HHI)',
    en: 'Concentration (HHI)',
    formulaRu: 'сумма по организациям квадратов их долей в обороте кластера, 0..1',
  },
  member_turnover: {
    ru: 'Обновление состава',
    en: 'Member turnover',
    formulaRu:
      'организации, вступившие или вышедшие в окне ÷ организации, состоявшие в кластере в окне (относительная от 0,2)',
  },
  leader_changes_in_window: {
    ru: 'Смены лидера в окне',
    en: 'Leader changes in the window',
    formulaRu: 'смены организации — ключевого участника в окне (относительная от 1)',
  },
  environmental: {
    ru: 'Экологическая часть',
    en: 'Environmental part',
    formulaRu: 'доля цели: отходы в дело, избежанные выбросы CO2e, использованный метан',
  },
  economic: {
    ru: 'Экономическая часть',
    en: 'Economic part',
    formulaRu: 'доля цели: экономия, добавленная стоимость, сбережённые транзакционные издержки',
  },
  social: {
    ru: 'Социальная часть',
    en: 'Social part',
    formulaRu: 'доля цели: работники знаний, НИОКР с вузами, обучение',
  },
  balance_index: {
    ru: 'Индекс сбалансированности',
    en: 'Balance index',
    formulaRu: 'среднее трёх частей × (1 − (наибольшая − наименьшая))',
  },
  same_kind_cooperation: {
    ru: 'Кооперация внутри отрасли',
    en: 'Cooperation within a kind',
    formulaRu:
      'компании со связью обмена или знаний с компанией того же вида ÷ компании, у которых в кластере есть компания того же вида (кооперация от 0,1)',
  },
  cooperating_rivals: {
    ru: 'Кооперирующиеся конкуренты',
    en: 'Cooperating rivals',
    formulaRu:
      'пары связанных между собой компаний одного вида, которые поставляют одному покупателю ÷ пары связанных между собой компаний одного вида («и то и другое» от 0,5)',
  },
  member_vote_share: {
    ru: 'Решения голосованием участников',
    en: 'Decisions by member vote',
    formulaRu: 'решения, принятые голосованием участников ÷ все решения (этархия от 0,34)',
  },
  veto_share: {
    ru: 'Решения вето ключевого участника',
    en: 'Decisions by keystone veto',
    formulaRu: 'решения, определённые вето ключевого участника ÷ все решения',
  },
};

/** Organisation kinds that are institutions rather than firms (science, education, government). */
export const institutionKinds: readonly string[] = [
  'university',
  'research_institute',
  'regional_government',
  'platform_operator',
];

export interface AssessOptions {
  /** the day the assessment describes (YYYY-MM-DD); default: the latest date in the snapshot */
  asOf?: string;
  /**
   * only ties and decisions of the last N months up to asOf count (default
   * DEFAULT_WINDOW_MONTHS, the same for the web page, the report, the API and the CLI; 0: all
   * up to asOf)
   */
  windowMonths?: number;
}

// ---------------------------------------------------------------------------------------------
// Facts: what every indicator reads, computed once per assessment.

interface Facts {
  /** the organisations that were members in the window (undated ones count) */
  organisations: SnapshotOrganisation[];
  /** every organisation of the snapshot, those that left before the window too */
  everyOrganisation: SnapshotOrganisation[];
  ties: SnapshotTie[];
  decisions: Snapshot['decisions'];
  keystones: Snapshot['keystones'];
  region: string;
  sustainability: Snapshot['sustainability'];
  asOf: string;
  /** the window's first day, '' without a lower bound */
  from: string;
}

const isInstitution = (o: SnapshotOrganisation) =>
  o.role === 'institution' || institutionKinds.includes(o.kind);

/** The region most organisations are in (the cluster's own), unless the snapshot names it. */
function homeRegion(s: Snapshot): string {
  if (s.region) return s.region;
  const counts = new Map<string, number>();
  for (const o of s.organisations) counts.set(o.region, (counts.get(o.region) ?? 0) + 1);
  let best = '';
  let most = -1;
  for (const [region, n] of [...counts].sort(([a], [b]) => a.localeCompare(b)))
    if (n > most) [best, most] = [region, n];
  return best;
}

function latestDate(s: Snapshot): string {
  let latest = '';
  for (const x of [...s.ties, ...s.decisions]) if (x.at > latest) latest = x.at;
  for (const k of s.keystones) {
    if (k.from > latest) latest = k.from;
    if (k.to && k.to > latest) latest = k.to;
  }
  return latest;
}

export { DEFAULT_WINDOW_MONTHS };

/** The first day of the window ending at asOf (inclusive), or '' for no lower bound. */
export function windowStart(asOf: string, months?: number): string {
  if (!months) return '';
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  const start = new Date(Date.UTC(y, m - 1 - months, d + 1));
  return start.toISOString().slice(0, 10);
}

function factsOf(s: Snapshot, options: AssessOptions): Facts {
  const dated = options.asOf ?? latestDate(s);
  const asOf = dated || '1970-01-01';
  const from = windowStart(asOf, options.windowMonths ?? DEFAULT_WINDOW_MONTHS);
  const inWindow = (at: string) => at <= asOf && at >= from;
  // one that left before the window, or joined after the day assessed, is not counted; a
  // snapshot with no dated fact has no such day, and none of its organisations is dropped
  const present = (o: SnapshotOrganisation) =>
    !dated ||
    ((o.joined === undefined || o.joined <= asOf) && (o.left === undefined || o.left >= from));
  return {
    organisations: s.organisations.filter(present),
    everyOrganisation: s.organisations,
    ties: s.ties.filter((t) => inWindow(t.at)),
    decisions: s.decisions.filter((d) => inWindow(d.at)),
    keystones: s.keystones.filter((k) => k.from <= asOf),
    region: homeRegion(s),
    sustainability: s.sustainability,
    asOf,
    from,
  };
}

// ---------------------------------------------------------------------------------------------
// Indicator helpers.

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
const round = (x: number, digits = 4) => Number(x.toFixed(digits));

function indicator(
  name: string,
  value: number | null,
  formula: string,
  digital: number,
  ecosystem: number,
  lowerIsCloser = false,
): Indicator {
  let score: number | null = null;
  if (value !== null) {
    if (lowerIsCloser) score = value <= ecosystem ? 2 : value <= digital ? 1 : 0;
    else score = value >= ecosystem ? 2 : value >= digital ? 1 : 0;
  }
  return {
    name,
    value: value === null ? null : round(value),
    formula,
    score,
    thresholds: { digital, ecosystem, ...(lowerIsCloser ? { lowerIsCloser } : {}) },
  };
}

/** A plain fact shown as evidence that scores nothing by itself. */
const fact = (name: string, value: number | null, formula: string): Indicator => ({
  name,
  value: value === null ? null : round(value),
  formula,
  score: null,
});

function formOf(score: number | null): Form {
  if (score === null) return 'no_data';
  return score < 0.5
    ? 'territorial_cluster'
    : score < 1.5
      ? 'digital_cluster'
      : 'business_ecosystem';
}

function meanScore(indicators: Indicator[]): number | null {
  const scored = indicators.filter((i) => i.thresholds && i.score !== null);
  if (!scored.length) return null;
  return round(scored.reduce((sum, i) => sum + (i.score ?? 0), 0) / scored.length, 2);
}

/** Organisations holding at least one on-platform tie of the given layers. */
function onPlatformMembers(f: Facts, layers?: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const t of f.ties)
    if (t.onPlatform && (!layers || layers.includes(t.layer))) {
      out.add(t.source);
      out.add(t.target);
    }
  return out;
}

const tieValue = (t: SnapshotTie) => t.value ?? 1;

/**
 * Knowledge crossing the value chain's communities: the exchange ties' graph split by Louvain
 * (seeded, deterministic); of the knowledge ties whose two parties both trade, the share whose
 * parties fall in different communities. null when no knowledge tie joins two traders.
 */
function crossCommunityShare(f: Facts, knowledge: readonly SnapshotTie[]): number | null {
  const traders = new Set<string>();
  const edges = new Map<string, { source: string; target: string; weight: number }>();
  for (const t of f.ties)
    if (t.layer === 'exchange' && t.source !== t.target) {
      traders.add(t.source);
      traders.add(t.target);
      const [a, b] = [t.source, t.target].sort() as [string, string];
      const e = edges.get(`${a}|${b}`) ?? { source: a, target: b, weight: 0 };
      e.weight += 1;
      edges.set(`${a}|${b}`, e);
    }
  const between = knowledge.filter((t) => traders.has(t.source) && traders.has(t.target));
  if (!between.length) return null;
  const g = buildGraph({
    nodes: [...traders].sort().map((id) => ({ id })),
    edges: [...edges.values()],
  });
  const community = louvain(g);
  const of = new Map(g.ids.map((id, i) => [id, community[i]]));
  return between.filter((t) => of.get(t.source) !== of.get(t.target)).length / between.length;
}

// ---------------------------------------------------------------------------------------------
// The nine characteristics.

type Rule = (f: Facts) => { indicators: Indicator[]; score?: number | null };

const rules: Record<CharacteristicId, Rule> = {
  essence: (f) => {
    const members = onPlatformMembers(f);
    const institutions = f.organisations.filter(isInstitution);
    return {
      indicators: [
        indicator(
          'platform_participation',
          ratio(f.organisations.filter((o) => members.has(o.id)).length, f.organisations.length),
          'organisations holding a tie made on the platform ÷ organisations',
          0.3,
          0.9,
        ),
        indicator(
          'institution_participation',
          ratio(institutions.filter((o) => members.has(o.id)).length, institutions.length),
          'institutions (universities, institutes, government, operator) holding a tie made on the platform ÷ institutions',
          0.3,
          0.7,
        ),
      ],
    };
  },

  geography: (f) => {
    const byId = new Map(f.everyOrganisation.map((o) => [o.id, o]));
    const crosses = (t: SnapshotTie) => {
      const a = byId.get(t.source);
      const b = byId.get(t.target);
      if (!a || !b) return false;
      if (a.region !== f.region || b.region !== f.region) return true;
      return a.agglomeration === null || a.agglomeration !== b.agglomeration;
    };
    const total = f.ties.reduce((sum, t) => sum + tieValue(t), 0);
    const crossing = f.ties.filter(crosses).reduce((sum, t) => sum + tieValue(t), 0);
    return {
      indicators: [
        indicator(
          'cross_agglomeration_value_share',
          ratio(crossing, total),
          'value of ties between parties in different agglomerations or outside the region ÷ value of all ties (a tie without a value counts 1)',
          0.2,
          0.5,
        ),
        indicator(
          'members_outside_region',
          ratio(
            f.organisations.filter((o) => o.region !== f.region).length,
            f.organisations.length,
          ),
          `organisations outside the cluster's region (${regionIn(f.region, 'en')}) ÷ organisations`,
          0.05,
          0.2,
        ),
      ],
    };
  },

  knowledge: (f) => {
    const knowledge = f.ties.filter((t) => t.layer === 'knowledge');
    const byId = new Map(f.everyOrganisation.map((o) => [o.id, o]));
    const withInstitution = knowledge.filter((t) =>
      [t.source, t.target].some((id) => {
        const o = byId.get(id);
        return o !== undefined && isInstitution(o);
      }),
    );
    return {
      indicators: [
        indicator(
          'knowledge_ties_per_member',
          f.organisations.length ? knowledge.length / f.organisations.length : null,
          'knowledge-exchange ties (assets asked for, consultations, joint projects, licences) ÷ organisations',
          0.5,
          2,
        ),
        indicator(
          'knowledge_on_platform_share',
          ratio(knowledge.filter((t) => t.onPlatform).length, knowledge.length),
          'knowledge ties made on the platform ÷ knowledge ties',
          0.3,
          0.7,
        ),
        indicator(
          'knowledge_with_institutions_share',
          ratio(withInstitution.length, knowledge.length),
          'knowledge ties with a university, institute or government body on one side ÷ knowledge ties',
          0.2,
          0.4,
        ),
        indicator(
          'knowledge_cross_community_share',
          crossCommunityShare(f, knowledge),
          'knowledge ties between organisations in different communities of the exchange network (Louvain) ÷ knowledge ties between organisations that trade',
          0.2,
          0.4,
        ),
      ],
    };
  },

  integration_basis: (f) => {
    const layersOf = new Map<string, Set<string>>();
    for (const t of f.ties)
      if (t.onPlatform)
        for (const id of [t.source, t.target]) {
          const set = layersOf.get(id) ?? new Set<string>();
          set.add(t.layer);
          layersOf.set(id, set);
        }
    const multi = [...layersOf.values()].filter((s) => s.size >= 2).length;
    return {
      indicators: [
        indicator(
          'platform_tie_share',
          ratio(f.ties.filter((t) => t.onPlatform).length, f.ties.length),
          'ties of every layer made on the platform ÷ all ties',
          0.3,
          0.7,
        ),
        indicator(
          'multi_layer_members',
          ratio(multi, f.organisations.length),
          'organisations using the platform on two or more layers (exchange, knowledge, governance) ÷ organisations',
          0.2,
          0.5,
        ),
      ],
    };
  },

  transactions: (f) => {
    const exchange = f.ties.filter((t) => t.layer === 'exchange');
    const valued = exchange.filter((t) => t.value !== undefined);
    const sumValue = (ts: SnapshotTie[]) => ts.reduce((sum, t) => sum + (t.value ?? 0), 0);
    return {
      indicators: [
        indicator(
          'on_platform_deal_share',
          ratio(exchange.filter((t) => t.onPlatform).length, exchange.length),
          'deals negotiated and settled on the platform ÷ all deals between members',
          0.3,
          0.9,
        ),
        indicator(
          'on_platform_value_share',
          valued.length
            ? ratio(sumValue(valued.filter((t) => t.onPlatform)), sumValue(valued))
            : null,
          'value of deals on the platform ÷ value of all deals (deals with a stated value)',
          0.3,
          0.9,
        ),
      ],
    };
  },

  // Own rule: no keystone → 0 (control by market share); a keystone → 1; a keystone after at
  // least one leader change → 2; no keystone history and no deal: no data. A keystone party to
  // ROLE_THRESHOLDS.dominatorShare of the value or more is a dominator (Iansiti & Levien, in
  // network-signals.ts), which is control by market share: 0.
  control: (f) => {
    const current = f.keystones.filter((k) => !k.to || k.to > f.asOf);
    const history = [...f.keystones].sort((a, b) => a.from.localeCompare(b.from));
    let changes = 0;
    for (let i = 1; i < history.length; i++)
      if (history[i]?.organisation !== history[i - 1]?.organisation) changes++;
    const exchange = f.ties.filter((t) => t.layer === 'exchange');
    const valued = exchange.map((t) => ({
      source: t.source,
      target: t.target,
      value: tieValue(t),
    }));
    const shares = valueShares(
      f.organisations.map((o) => o.id),
      valued,
    );
    const hhi = valueHhi(valued);
    const keystoneShare = exchange.length
      ? Math.max(0, ...current.map((k) => shares.get(k.organisation) ?? 0))
      : null;
    const indicators = [
      fact(
        'keystone_in_place',
        current.length ? 1 : 0,
        'a keystone named in the charter on the day assessed (1 yes, 0 no)',
      ),
      fact(
        'leader_changes',
        changes,
        'changes of the keystone organisation in the keystone history up to the day assessed',
      ),
      fact(
        'keystone_value_share',
        keystoneShare,
        "the keystone's share of transaction value: the value of the exchange ties it is party to ÷ the value of all exchange ties",
      ),
      fact(
        'value_hhi',
        hhi,
        "Σ over organisations of (its share of the cluster's turnover)², 0..1",
      ),
    ];
    const dominated = keystoneShare !== null && keystoneShare >= ROLE_THRESHOLDS.dominatorShare;
    // neither a charter nor a deal on record: nothing to judge control by
    if (!f.keystones.length && !exchange.length) return { indicators, score: null };
    const score = !current.length || dominated ? 0 : changes > 0 ? 2 : 1;
    return { indicators, score };
  },

  // Own rule, from the paper's row: sustainability is «достаточная» (sufficient) in the conventional
  // and the digital cluster, «относительная» (relative) in the business ecosystem — the
  // ecosystem's membership and leadership are fluid. So the row reads stability, not the
  // balance of its three parts (those stay beside it as evidence): relative (2) when a fifth of
  // the organisations or more joined or left within the window, or the keystone changed within
  // it; otherwise sufficient, a word the paper gives to two forms: it scores the lower of them
  // (0), as no row claims more than its word shows. No join date and no keystone history: no
  // data.
  sustainability: (f) => {
    const parts = f.sustainability;
    const dated = f.everyOrganisation.filter((o) => o.joined !== undefined);
    // without a window, the 12 months up to the day assessed
    const from = f.from || windowStart(f.asOf, DEFAULT_WINDOW_MONTHS);
    const within = (at: string | undefined) => at !== undefined && at >= from && at <= f.asOf;
    const present = dated.filter(
      (o) => (o.joined ?? '') <= f.asOf && (o.left === undefined || o.left >= from),
    );
    const turnover = dated.length
      ? ratio(present.filter((o) => within(o.joined) || within(o.left)).length, present.length)
      : null;
    const history = [...f.keystones].sort((x, y) => x.from.localeCompare(y.from));
    let changes = 0;
    for (let i = 1; i < history.length; i++)
      if (history[i]?.organisation !== history[i - 1]?.organisation && within(history[i]?.from))
        changes++;
    const score =
      turnover === null && !f.keystones.length
        ? null
        : (turnover ?? 0) >= 0.2 || changes > 0
          ? 2
          : 0;
    return {
      score,
      indicators: [
        fact(
          'member_turnover',
          turnover,
          'organisations that joined or left within the window ÷ organisations that were members in it (relative from 0.2)',
        ),
        fact(
          'leader_changes_in_window',
          f.keystones.length ? changes : null,
          'changes of the keystone organisation within the window (relative from 1)',
        ),
        fact(
          'environmental',
          parts?.environmental ?? null,
          'environmental part, share of its target (waste used, CO2e avoided, methane used)',
        ),
        fact(
          'economic',
          parts?.economic ?? null,
          'economic part, share of its target (savings, value added, transaction costs saved)',
        ),
        fact(
          'social',
          parts?.social ?? null,
          'social part, share of its target (knowledge workers, R&D with universities, training)',
        ),
        fact(
          'balance_index',
          balanceIndex([parts?.environmental, parts?.economic, parts?.social]),
          'mean of the three parts × (1 − (largest − smallest))',
        ),
      ],
    };
  },

  // Own rule, from the paper's row: the source of innovation is «конкуренция» (competition) in
  // the conventional cluster, «кооперация» (cooperation) in the digital one, «и то и другое»
  // (both) in the business ecosystem. Cooperation: firms of one kind tied to each other (an
  // exchange or knowledge tie); competition: two firms of one kind supplying the same buyer.
  // Firms of a kind rarely cooperating (under 0.1): competition (0). Cooperating, and most
  // cooperating pairs also rivals for a buyer (0.5 or more): both (2); else cooperation (1).
  // (Earlier, more cooperation alone scored the ecosystem, which the paper gives to the digital
  // cluster.)
  competition_cooperation: (f) => {
    const firms = f.organisations.filter((o) => !isInstitution(o));
    const kindOf = new Map(firms.map((o) => [o.id, o.kind]));
    const peers = new Map<string, number>();
    for (const o of firms) peers.set(o.kind, (peers.get(o.kind) ?? 0) + 1);
    const withPeer = firms.filter((o) => (peers.get(o.kind) ?? 0) >= 2);
    const cooperating = new Set<string>();
    const pairs = new Set<string>();
    const buyersOf = new Map<string, Set<string>>();
    for (const t of f.ties) {
      if (t.layer === 'governance' || t.source === t.target) continue;
      if (t.layer === 'exchange') {
        const set = buyersOf.get(t.source) ?? new Set<string>();
        set.add(t.target);
        buyersOf.set(t.source, set);
      }
      const a = kindOf.get(t.source);
      if (a !== undefined && a === kindOf.get(t.target)) {
        cooperating.add(t.source);
        cooperating.add(t.target);
        pairs.add([t.source, t.target].sort().join('|'));
      }
    }
    const rivals = [...pairs].filter((p) => {
      const [a, b] = p.split('|') as [string, string];
      const theirs = buyersOf.get(b) ?? new Set<string>();
      return [...(buyersOf.get(a) ?? [])].some((buyer) => theirs.has(buyer));
    });
    const cooperation = ratio(
      withPeer.filter((o) => cooperating.has(o.id)).length,
      withPeer.length,
    );
    const both = ratio(rivals.length, pairs.size);
    const score = cooperation === null ? null : cooperation < 0.1 ? 0 : (both ?? 0) >= 0.5 ? 2 : 1;
    return {
      score,
      indicators: [
        fact(
          'same_kind_cooperation',
          cooperation,
          'firms with an exchange or knowledge tie to a firm of their own kind ÷ firms that have one of their kind in the cluster (cooperation from 0.1)',
        ),
        fact(
          'cooperating_rivals',
          both,
          'pairs of firms of one kind tied to each other that also supply the same buyer ÷ pairs of firms of one kind tied to each other (both from 0.5)',
        ),
      ],
    };
  },

  // Own rule, from the paper's row: «иерархия» (hierarchy) in the conventional cluster,
  // «этархия» (etharchy) in the digital cluster and the business ecosystem alike. A third of the
  // decisions or more taken by member vote is etharchy, which already marks the digital cluster;
  // as the paper gives it to both, it scores the lower (1): this row cannot tell the ecosystem
  // from the digital cluster. (Earlier, two thirds by vote scored the ecosystem, which the
  // paper's table does not support.)
  regulation: (f) => {
    const n = f.decisions.length;
    const by = (who: string) => f.decisions.filter((d) => d.by === who).length;
    const votes = ratio(by('member_vote'), n);
    return {
      score: votes === null ? null : votes >= 0.34 ? 1 : 0,
      indicators: [
        fact(
          'member_vote_share',
          votes,
          'decisions taken by member vote ÷ decisions (etharchy from 0.34)',
        ),
        fact(
          'veto_share',
          ratio(by('keystone_veto'), n),
          'decisions settled by a keystone veto ÷ decisions',
        ),
      ],
    };
  },
};

function evidenceOf(indicators: Indicator[], form: Form): string {
  const shown = indicators.map((i) => `${i.name} = ${i.value === null ? 'no data' : i.value}`);
  return `${shown.join('; ')} → ${form.replace('_', ' ')}`;
}

/** Places the cluster described by a (validated) snapshot on the paper's scale. */
export function assess(snapshot: Snapshot, options: AssessOptions = {}): Assessment {
  const f = factsOf(snapshot, options);
  const characteristics = characteristicIds.map((id): CharacteristicResult => {
    const { indicators, score: own } = rules[id](f);
    const score = own === undefined ? meanScore(indicators) : own;
    const form = formOf(score);
    return { id, form, score, indicators, evidence: evidenceOf(indicators, form) };
  });
  const scored = characteristics.filter((c) => c.score !== null);
  const overallScore = scored.length
    ? round(scored.reduce((sum, c) => sum + (c.score ?? 0), 0) / scored.length, 2)
    : null;
  return {
    asOf: f.asOf,
    windowMonths: options.windowMonths ?? DEFAULT_WINDOW_MONTHS,
    from: f.from || null,
    characteristics,
    overall: { form: formOf(overallScore), score: overallScore },
  };
}

export interface TrajectoryPoint {
  month: string;
  overall: Placement;
  characteristics: { id: CharacteristicId; form: Form; score: number | null }[];
}

/** The last day of a month given as YYYY-MM. */
function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7);
}

/**
 * Month by month: the placement at each month's end over the trailing `windowMonths` (default
 * 12), from the first month with a tie or decision to the last (or the months given).
 */
export function trajectory(
  snapshot: Snapshot,
  options: { from?: string; to?: string; windowMonths?: number } = {},
): TrajectoryPoint[] {
  const dates = [...snapshot.ties, ...snapshot.decisions].map((x) => x.at).sort();
  const from = options.from ?? dates[0]?.slice(0, 7);
  const to = options.to ?? dates[dates.length - 1]?.slice(0, 7);
  if (!from || !to) return [];
  const out: TrajectoryPoint[] = [];
  for (let month = from; month <= to && out.length < 1200; month = nextMonth(month)) {
    const a = assess(snapshot, {
      asOf: monthEnd(month),
      windowMonths: options.windowMonths ?? DEFAULT_WINDOW_MONTHS,
    });
    out.push({
      month,
      overall: a.overall,
      characteristics: a.characteristics.map(({ id, form, score }) => ({ id, form, score })),
    });
  }
  return out;
}
