// The status check against Government Decree 779 (31.07.2015) on industrial clusters, as far as
// its requirements were found (docs/domain/reference-data.md §5.3): every participant holds at
// least one contract with another participant; the overall functional dependency reaches 20 %,
// or 10 % where at least 30 % of participants work in monotowns or special territories; at most
// three participants without cooperation. The Decree's annex formula for functional dependency
// was not verified: here it is the value of contracts between participants ÷ the participants'
// total purchases they declare — our reading, named as such in the output. Thresholds are
// configuration.

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
}

export interface Decree779Contract {
  buyer: string;
  seller: string;
  valueKopecks: number;
}

export interface Decree779Rules {
  minContractsPerParticipant: number;
  functionalDependency: number;
  functionalDependencyLowered: number;
  /** share of participants in monotowns / special territories that lowers the threshold */
  loweredIfShare: number;
  maxWithoutCooperation: number;
}

export const decree779Rules: Decree779Rules = {
  minContractsPerParticipant: 1,
  functionalDependency: 0.2,
  functionalDependencyLowered: 0.1,
  loweredIfShare: 0.3,
  maxWithoutCooperation: 3,
};

export interface Decree779Check {
  id: 'contracts' | 'functional_dependency' | 'without_cooperation';
  /** null: the inputs it needs are missing */
  passed: boolean | null;
  value: number | null;
  threshold: number;
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
  /** the members' names in one language, for that language's evidence */
  const names = (list: readonly Decree779Member[], lang: Lang) =>
    list
      .map((m) => {
        const p = byId.get(m.id);
        return p?.name ? orgNameIn({ name: p.name, nameEn: p.nameEn }, lang) : m.id;
      })
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
    evidence:
      dependency === null
        ? {
            ru: 'нет данных: не каждый участник заявил общий объём своих закупок',
            en: 'no data: not every participant declared its total purchases',
          }
        : {
            ru: `договоры между участниками ${rub(within)} ₽ ÷ заявленные закупки ${rub(purchases)} ₽ (наше прочтение приложения к постановлению, не проверено); порог ${threshold * 100} %, так как ${round(specialShare * 100)} % участников работают в моногородах или на особых территориях`,
            en: `contracts between participants ${rub(within)} ₽ ÷ declared purchases ${rub(purchases)} ₽ (our reading of the Decree's annex, not verified); threshold ${threshold * 100}% because ${round(specialShare * 100)}% of participants work in monotowns or special territories`,
          },
  };

  const lonely = members.filter((m) => m.partners.length === 0);
  const cooperationCheck: Decree779Check = {
    id: 'without_cooperation',
    passed: participants.length ? lonely.length <= rules.maxWithoutCooperation : null,
    value: lonely.length,
    threshold: rules.maxWithoutCooperation,
    evidence: lonely.length
      ? {
          ru: `участники без кооперации: ${names(lonely, 'ru')}`,
          en: `participants without cooperation: ${names(lonely, 'en')}`,
        }
      : {
          ru: 'каждый участник кооперируется с другим',
          en: 'every participant cooperates with another',
        },
  };

  const checks = [contractsCheck, dependencyCheck, cooperationCheck];
  const compliant = checks.some((c) => c.passed === false)
    ? false
    : checks.some((c) => c.passed === null)
      ? null
      : true;
  return { compliant, checks, members };
}
