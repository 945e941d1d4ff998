// The status check against Government Decree 779 (31.07.2015) on industrial clusters, as far as
// its requirements were found (docs/domain/reference-data.md §5.3): every participant holds at
// least one contract with another participant; the overall functional dependency reaches 20 %,
// or 10 % where at least 30 % of participants work in monotowns or special territories; at most
// three participants may have produced no industrial output in the previous period, if they are
// organising such production in the cluster. The Decree's annex formula for functional
// dependency was not verified: here it is the value supplied between participants in the year ÷
// the participants' total purchases they declare — our reading, named as such in the output.
// Thresholds are configuration.

import { type Lang, orgNameIn } from './place-names.ts';

export interface Decree779Participant {
  id: string;
  /** shown in the evidence (the id when absent) */
  name?: string;
  /** shown in the English evidence (the Russian name when absent) */
  nameEn?: string | null;
  /** a site of it lies in a monotown (single-industry town) */
  monotown: boolean;
  /** a site of it lies in a special territory (ТОР / ОЭЗ / individual-programme region) */
  specialTerritory: boolean;
  /** the participant's total purchases in the period, kopecks; null when not declared */
  purchasesKopecks: number | null;
  /**
   * what it declares of the previous period: whether it produced industrial output, and if not,
   * whether it is organising such production in the cluster; null when not declared
   */
  output?: { produced: boolean; organising: boolean } | null;
}

export interface Decree779Contract {
  buyer: string;
  seller: string;
  /** what was supplied under it in the period, kopecks (0: in force, nothing supplied) */
  valueKopecks: number;
}

export interface Decree779Rules {
  minContractsPerParticipant: number;
  functionalDependency: number;
  functionalDependencyLowered: number;
  /** share of participants in monotowns / special territories that lowers the threshold */
  loweredIfShare: number;
  /** participants without industrial output in the previous period (organising it) */
  maxWithoutOutput: number;
}

export const decree779Rules: Decree779Rules = {
  minContractsPerParticipant: 1,
  functionalDependency: 0.2,
  functionalDependencyLowered: 0.1,
  loweredIfShare: 0.3,
  maxWithoutOutput: 3,
};

export const decree779CheckIds = ['contracts', 'functional_dependency', 'without_output'] as const;
export type Decree779CheckId = (typeof decree779CheckIds)[number];

export interface Decree779Check {
  id: Decree779CheckId;
  /** null: the inputs it needs are missing */
  passed: boolean | null;
  value: number | null;
  threshold: number;
  /** participants whose declaration the check needs and lacks */
  missing: number;
  /** the reason in both languages of the product */
  evidence: { ru: string; en: string };
}

export interface Decree779Member {
  id: string;
  contracts: number;
  partners: string[];
  monotownOrSpecial: boolean;
}

export interface Decree779Result {
  /** all checks passed; false if one failed; null if none failed but one lacks data */
  compliant: boolean | null;
  checks: Decree779Check[];
  members: Decree779Member[];
}

const round = (x: number) => Number(x.toFixed(4));
/** kopecks as roubles with two decimals, the way both languages read them */
const rub = (k: number) => (k / 100).toFixed(2);

export function checkDecree779(
  participants: readonly Decree779Participant[],
  contracts: readonly Decree779Contract[],
  rules: Decree779Rules = decree779Rules,
): Decree779Result {
  const ids = new Set(participants.map((p) => p.id));
  const inside = contracts.filter(
    (c) => ids.has(c.buyer) && ids.has(c.seller) && c.buyer !== c.seller,
  );
  const byId = new Map(participants.map((p) => [p.id, p]));
  /** the members' names in one language, for that language's evidence, in its own order */
  const names = (list: readonly Decree779Member[], lang: Lang) =>
    list
      .map((m) => {
        const p = byId.get(m.id);
        return p?.name ? orgNameIn({ name: p.name, nameEn: p.nameEn }, lang) : m.id;
      })
      .sort((a, b) => a.localeCompare(b, lang))
      .join(', ');
  const members = participants.map((p): Decree779Member => {
    const own = inside.filter((c) => c.buyer === p.id || c.seller === p.id);
    const partners = [...new Set(own.map((c) => (c.buyer === p.id ? c.seller : c.buyer)))].sort();
    return {
      id: p.id,
      contracts: own.length,
      partners,
      monotownOrSpecial: p.monotown || p.specialTerritory,
    };
  });
  const short = members.filter((m) => m.contracts < rules.minContractsPerParticipant);
  const contractsCheck: Decree779Check = {
    id: 'contracts',
    passed: participants.length ? short.length === 0 : null,
    value: participants.length - short.length,
    threshold: participants.length,
    missing: 0,
    evidence: short.length
      ? {
          ru: `без договора с другим участником: ${names(short, 'ru')}`,
          en: `without a contract with another participant: ${names(short, 'en')}`,
        }
      : {
          ru: `каждый из ${participants.length} участников имеет ≥ ${rules.minContractsPerParticipant} договор(а) с другим участником`,
          en: `each of ${participants.length} participants holds ≥ ${rules.minContractsPerParticipant} contract(s) with another`,
        },
  };

  const specialShare = participants.length
    ? members.filter((m) => m.monotownOrSpecial).length / participants.length
    : 0;
  const threshold =
    specialShare >= rules.loweredIfShare
      ? rules.functionalDependencyLowered
      : rules.functionalDependency;
  const declared = participants.every((p) => p.purchasesKopecks !== null);
  const purchases = participants.reduce((sum, p) => sum + (p.purchasesKopecks ?? 0), 0);
  const within = inside.reduce((sum, c) => sum + c.valueKopecks, 0);
  const dependency = declared && purchases > 0 ? within / purchases : null;
  const dependencyCheck: Decree779Check = {
    id: 'functional_dependency',
    passed: dependency === null ? null : dependency >= threshold,
    value: dependency === null ? null : round(dependency),
    threshold,
    missing: participants.filter((p) => p.purchasesKopecks === null).length,
    evidence:
      dependency === null
        ? {
            ru: 'нет данных: не каждый участник заявил общий объём своих закупок',
            en: 'no data: not every participant declared its total purchases',
          }
        : {
            ru: `поставлено между участниками за год ${rub(within)} ₽ ÷ заявленные закупки за год ${rub(purchases)} ₽ (наше прочтение приложения к постановлению, не проверено); порог ${threshold * 100} %, так как ${round(specialShare * 100)} % участников работают в моногородах или на особых территориях`,
            en: `supplied between participants in the year ${rub(within)} ₽ ÷ declared purchases in the year ${rub(purchases)} ₽ (our reading of the Decree's annex, not verified); threshold ${threshold * 100}% because ${round(specialShare * 100)}% of participants work in monotowns or special territories`,
          },
  };

  // the allowance of item «б»: up to `maxWithoutOutput` participants without industrial output in
  // the previous period, if they organise it in the cluster; one without a declaration is "no
  // data", never a failure
  const withoutOutput = participants.filter((p) => p.output?.produced === false);
  const notOrganising = withoutOutput.filter((p) => !p.output?.organising);
  const undeclared = participants.filter((p) => !p.output);
  const asMembers = (list: readonly Decree779Participant[]) =>
    list.map((p) => members.find((m) => m.id === p.id) as Decree779Member);
  const outputPassed = !participants.length
    ? null
    : notOrganising.length > 0 || withoutOutput.length > rules.maxWithoutOutput
      ? false
      : withoutOutput.length + undeclared.length > rules.maxWithoutOutput
        ? null
        : true;
  const declaredOutput = participants.length - undeclared.length;
  /** «из 29 участников», 'of the 29 participants': who declared, of how many */
  const ofAll = (lang: Lang) => {
    const n = participants.length;
    return lang === 'ru'
      ? `${declaredOutput} из ${n} ${n % 10 === 1 && n % 100 !== 11 ? 'участника' : 'участников'}`
      : `${declaredOutput} of ${n} participant${n === 1 ? '' : 's'}`;
  };
  const listed = (lang: Lang) =>
    // nobody declared: nothing to list but that (the result counts those without data)
    declaredOutput === 0
      ? lang === 'ru'
        ? 'деклараций о выпуске нет'
        : 'no output declarations'
      : [
          lang === 'ru'
            ? `декларации о выпуске подали ${ofAll('ru')}`
            : `${ofAll('en')} declared their output`,
          withoutOutput.length
            ? lang === 'ru'
              ? `без промышленной продукции в предыдущем периоде: ${names(asMembers(withoutOutput), 'ru')}`
              : `without industrial output in the previous period: ${names(asMembers(withoutOutput), 'en')}`
            : lang === 'ru'
              ? 'ни один из них не остался без промышленной продукции в предыдущем периоде'
              : 'none of them went without industrial output in the previous period',
          notOrganising.length
            ? lang === 'ru'
              ? `из них не организуют производство в кластере: ${names(asMembers(notOrganising), 'ru')}`
              : `of them not organising production in the cluster: ${names(asMembers(notOrganising), 'en')}`
            : '',
          undeclared.length
            ? lang === 'ru'
              ? `нет данных о выпуске: ${names(asMembers(undeclared), 'ru')}`
              : `no data on output: ${names(asMembers(undeclared), 'en')}`
            : '',
        ]
          .filter(Boolean)
          .join('; ');
  const outputCheck: Decree779Check = {
    id: 'without_output',
    passed: outputPassed,
    // nobody declared: no count to show, «—» as for functional dependency without purchases
    value: declaredOutput === 0 ? null : withoutOutput.length,
    threshold: rules.maxWithoutOutput,
    missing: undeclared.length,
    evidence: { ru: listed('ru'), en: listed('en') },
  };

  const checks = [contractsCheck, dependencyCheck, outputCheck];
  const compliant = checks.some((c) => c.passed === false)
    ? false
    : checks.some((c) => c.passed === null)
      ? null
      : true;
  return { compliant, checks, members };
}
