// Decree 779 from the platform's own data (pure: the service gathers the inputs). How the
// Decree's words are read here:
// - participants: the cluster's members of the year (a past year: those who were members in it;
//   this year: the current ones), except government bodies (kind
//   `regional_government`) and the platform operator (kind `platform_operator`, here the cluster
//   development centre: shown apart as the specialised organisation); neither is expected to hold
//   a contract or to buy from the others;
// - a participant in a monotown / special territory: one of its open sites is flagged so;
// - contracts: deals between two participants in force during the year: agreed before the year's
//   end, not completed or terminated before its start, with deliveries scheduled into the year or
//   made in it; plus contracts and co-operation the organisations declare as made off the
//   platform in the year, with another participant (exchange: supply; knowledge: joint R&D,
//   licences, consultations — works and services). Governance ties (a joint body, a delegation)
//   are no contract;
// - the value supplied between participants in the year: the deals' deliveries made in the year
//   (|price × quantity| as posted), plus a declared contract's value as declared (without one, 0:
//   it shows co-operation, adds no dependency);
// - purchases: each participant's declaration for the year; a participant without one makes
//   functional dependency "no data", never 0;
// - output: each participant's declaration whether it produced industrial output in the previous
//   period (and if not, whether it is organising it in the cluster); none: "no data".
// Which side buys does not change the figure (the value supplied between participants ÷ their
// purchases), so a declared tie is read as the declaring side's contract with the partner.
import { clusterDayOf } from '../model/days.ts';
import {
  checkDecree779,
  type Decree779Contract,
  type Decree779Participant,
  type Decree779Result,
  type Decree779Rules,
  decree779Rules,
} from './engine/index.ts';
import { territoryIn } from './engine/place-names.ts';

export interface PlatformSite {
  id: string;
  monotown: boolean;
  specialTerritory: string | null;
  /** the flags rest on an estimate (their provenance says so) */
  estimate: boolean;
  closed: boolean;
}
export interface PlatformMember {
  id: string;
  name: string;
  /** the registry's English name, when it keeps one */
  nameEn?: string | null;
  /** the registry's organisation kind (government bodies and the operator are no participants) */
  kind?: string;
  sites: PlatformSite[];
}
export interface PlatformDeal {
  id: string;
  state: string;
  providerId: string;
  consumerId: string;
  priceKopecksPerUnit: number;
  agreedAt: string | null;
  /** deliveries from … to, inclusive (YYYY-MM-DD) */
  schedule: { from: string; to: string };
  /** when it was completed or terminated; null while open */
  closedAt: string | null;
}
export interface PlatformDelivery {
  dealId: string;
  deliveredOn: string;
  /** price × quantity as posted (negative for a gate fee; 0 for a confirmation) */
  amountKopecks: number;
}
export interface DeclaredOutput {
  organisationId: string;
  producedOutput: boolean;
  organisingProduction: boolean;
}
export interface DeclaredTie {
  id: string;
  organisationId: string;
  partnerOrganisationId: string | null;
  layer: 'exchange' | 'knowledge' | 'governance';
  valueKopecks: number | null;
  on: string;
}
export interface DeclaredPurchases {
  organisationId: string;
  purchasesKopecks: number;
}

/** A deal in these states was agreed at some point (a terminated one: if `agreedAt` is set). */
export const contractStates = ['agreed', 'active', 'completed', 'terminated'] as const;
/** Organisation kinds that are no participants of the check. */
export const notParticipantKinds = {
  regional_government: 'government',
  platform_operator: 'specialised',
} as const satisfies Record<string, 'government' | 'specialised'>;
export type NotCountedAs = (typeof notParticipantKinds)[keyof typeof notParticipantKinds];
export const contractLayers = ['exchange', 'knowledge'] as const;

/** A contract as the check reads it, with where it comes from. */
export interface MappedContract extends Decree779Contract {
  origin: 'platform' | 'declared';
  ref: string;
  /** false for a declared contract whose value was not stated (counted at 0, not as 0) */
  valueStated: boolean;
}

/**
 * The buyer pays: the consumer for a priced material, the provider for a gate fee (a negative
 * price: it buys the taking-away as a service).
 */
function sidesOf(d: PlatformDeal): { buyer: string; seller: string } {
  return d.priceKopecksPerUnit >= 0
    ? { buyer: d.consumerId, seller: d.providerId }
    : { buyer: d.providerId, seller: d.consumerId };
}

/** A current member that is no participant of the check, and why. */
export interface NotCounted {
  id: string;
  name: string;
  nameEn: string | null;
  as: NotCountedAs;
}

export interface Decree779Inputs {
  participants: Decree779Participant[];
  contracts: MappedContract[];
  notCounted: NotCounted[];
}

/** A deal in force at some time in the year, by its dates in the cluster's days (YYYY-MM-DD). */
export function inForce(
  d: Pick<PlatformDeal, 'state' | 'agreedAt' | 'schedule' | 'closedAt'>,
  year: number,
  deliveredInYear = false,
): boolean {
  if (!(contractStates as readonly string[]).includes(d.state) || d.agreedAt === null) return false;
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  if (clusterDayOf(d.agreedAt) > end) return false;
  if (d.closedAt !== null && clusterDayOf(d.closedAt) < start) return false;
  return deliveredInYear || d.schedule.to >= start;
}

export function decree779Inputs(input: {
  year: number;
  members: readonly PlatformMember[];
  deals: readonly PlatformDeal[];
  deliveries?: readonly PlatformDelivery[];
  ties: readonly DeclaredTie[];
  purchases: readonly DeclaredPurchases[];
  outputs?: readonly DeclaredOutput[];
}): Decree779Inputs {
  const notCountedAs = (m: PlatformMember): NotCountedAs | undefined =>
    m.kind !== undefined && Object.hasOwn(notParticipantKinds, m.kind)
      ? notParticipantKinds[m.kind as keyof typeof notParticipantKinds]
      : undefined;
  const counted = input.members.filter((m) => notCountedAs(m) === undefined);
  const ids = new Set(counted.map((m) => m.id));
  const inYear = (day: string | null) => day !== null && day.slice(0, 4) === String(input.year);
  const purchasesOf = new Map(input.purchases.map((p) => [p.organisationId, p.purchasesKopecks]));
  const outputOf = new Map((input.outputs ?? []).map((o) => [o.organisationId, o]));
  const participants = counted.map((m): Decree779Participant => {
    const open = m.sites.filter((s) => !s.closed);
    const output = outputOf.get(m.id);
    return {
      id: m.id,
      name: m.name,
      nameEn: m.nameEn ?? null,
      monotown: open.some((s) => s.monotown),
      specialTerritory: open.some((s) => s.specialTerritory !== null),
      purchasesKopecks: purchasesOf.get(m.id) ?? null,
      output: output
        ? { produced: output.producedOutput, organising: output.organisingProduction }
        : null,
    };
  });
  // what each deal supplied in the year: its deliveries made in the year, as posted
  const supplied = new Map<string, number>();
  for (const v of input.deliveries ?? [])
    if (inYear(v.deliveredOn))
      supplied.set(v.dealId, (supplied.get(v.dealId) ?? 0) + Math.abs(v.amountKopecks));
  const contracts: MappedContract[] = [];
  for (const d of input.deals) {
    if (!inForce(d, input.year, supplied.has(d.id))) continue;
    if (!ids.has(d.providerId) || !ids.has(d.consumerId) || d.providerId === d.consumerId) continue;
    contracts.push({
      ...sidesOf(d),
      valueKopecks: supplied.get(d.id) ?? 0,
      origin: 'platform',
      valueStated: true,
      ref: d.id,
    });
  }
  for (const t of input.ties) {
    if (!(contractLayers as readonly string[]).includes(t.layer) || !inYear(t.on)) continue;
    const partner = t.partnerOrganisationId;
    if (partner === null || !ids.has(partner) || !ids.has(t.organisationId)) continue;
    if (partner === t.organisationId) continue;
    contracts.push({
      buyer: t.organisationId,
      seller: partner,
      valueKopecks: t.valueKopecks ?? 0,
      origin: 'declared',
      valueStated: t.valueKopecks !== null,
      ref: t.id,
    });
  }
  const notCounted = input.members.flatMap((m): NotCounted[] => {
    const as = notCountedAs(m);
    return as ? [{ id: m.id, name: m.name, nameEn: m.nameEn?.trim() || null, as }] : [];
  });
  return { participants, contracts, notCounted };
}

export interface Decree779MemberEvidence {
  id: string;
  name: string;
  /** the English name; null when the registry keeps none (the page shows the Russian one) */
  nameEn: string | null;
  monotown: boolean;
  /** as recorded (Russian) */
  specialTerritories: string[];
  /** the same in English (as recorded where no English name is known) */
  specialTerritoriesEn: string[];
  territoryEstimate: boolean;
  purchasesKopecks: number | null;
  /** its declaration of the previous period's output; null when none */
  producedOutput: boolean | null;
  organisingProduction: boolean | null;
  /** deals in force during the year with another participant */
  contractsOnPlatform: number;
  contractsDeclared: number;
  /** delivered in the year under those deals, kopecks */
  suppliedOnPlatformKopecks: number;
  valueDeclaredKopecks: number;
  /** declared contracts whose value was not stated: not in valueDeclaredKopecks */
  declaredWithoutValue: number;
  partners: { id: string; name: string; nameEn: string | null }[];
  hasContract: boolean;
}

export const decree779Reading =
  'participants: the members of the year (a past year: those who were members in it; the current year: the current members) except government bodies (organisation kind "regional government") and the platform operator (the cluster development centre, shown apart as the specialised organisation); contracts: deals between participants in force during the year (agreed by its end, not completed or terminated before its start) and contracts and co-operation (exchange, knowledge) declared as made off the platform with another participant in the year; monotown / special territory: an open site so flagged; purchases: each participant’s declaration for the year (none: no data); output: each participant’s declaration whether it produced industrial output in the previous period (none: no data). Functional dependency = value supplied between participants in the year (deliveries under the deals, as posted, plus declared contracts’ values) ÷ their declared purchases in the year (our reading of the Decree’s annex, not verified).';

/** The same reading in Russian (the page shows the reader's language). */
export const decree779ReadingRu =
  'участники: члены кластера в этом году (за прошедший год — те, кто был членом в нём; за текущий — нынешние члены), кроме органов власти (вид организации «региональное правительство») и оператора платформы (центр кластерного развития; показан отдельно как специализированная организация); договоры: сделки между участниками, действовавшие в году (согласованы до его конца, не завершены и не расторгнуты до его начала), и заявленные вне платформы договоры и кооперация (обмен, знания) с другим участником в году; моногород / особая территория: открытая площадка с такой отметкой; закупки: декларация каждого участника за год (нет декларации — нет данных); выпуск: декларация каждого участника, выпускал ли он промышленную продукцию в предыдущем периоде (нет декларации — нет данных). Функциональная зависимость = поставлено между участниками за год (поставки по сделкам, как проведены, и суммы заявленных договоров) ÷ их заявленные закупки за год (наше прочтение приложения к постановлению, не проверено).';

/** The check and the evidence behind it, member by member. */
export function decree779FromPlatform(
  input: Parameters<typeof decree779Inputs>[0],
  rules: Decree779Rules = decree779Rules,
): { result: Decree779Result; members: Decree779MemberEvidence[]; inputs: Decree779Inputs } {
  const inputs = decree779Inputs(input);
  const result = checkDecree779(inputs.participants, inputs.contracts, rules);
  const byId = new Map(input.members.map((m) => [m.id, m]));
  const members = inputs.participants.map((p): Decree779MemberEvidence => {
    const m = byId.get(p.id) as PlatformMember;
    const own = inputs.contracts.filter((c) => c.buyer === m.id || c.seller === m.id);
    const sum = (cs: MappedContract[]) => cs.reduce((s, c) => s + c.valueKopecks, 0);
    const onPlatform = own.filter((c) => c.origin === 'platform');
    const declared = own.filter((c) => c.origin === 'declared');
    const partners = [...new Set(own.map((c) => (c.buyer === m.id ? c.seller : c.buyer)))].sort();
    const open = m.sites.filter((s) => !s.closed);
    const flagged = open.filter((s) => s.monotown || s.specialTerritory !== null);
    const territories = [
      ...new Set(open.flatMap((s) => (s.specialTerritory ? [s.specialTerritory] : []))),
    ].sort();
    return {
      id: m.id,
      name: m.name,
      nameEn: m.nameEn?.trim() || null,
      monotown: p.monotown,
      specialTerritories: territories,
      specialTerritoriesEn: territories.map((t) => territoryIn(t, 'en')),
      territoryEstimate: flagged.length > 0 && flagged.every((s) => s.estimate),
      purchasesKopecks: p.purchasesKopecks,
      producedOutput: p.output?.produced ?? null,
      organisingProduction: p.output ? p.output.organising : null,
      contractsOnPlatform: onPlatform.length,
      contractsDeclared: declared.length,
      suppliedOnPlatformKopecks: sum(onPlatform),
      valueDeclaredKopecks: sum(declared),
      declaredWithoutValue: declared.filter((c) => !c.valueStated).length,
      partners: partners.map((id) => {
        const o = byId.get(id);
        return { id, name: o?.name ?? id, nameEn: o?.nameEn?.trim() || null };
      }),
      hasContract: own.length >= rules.minContractsPerParticipant,
    };
  });
  return { result, members, inputs };
}
