// Decree 779 from the platform's own data (pure: the service gathers the inputs). How the
// Decree's words are read here:
// - participants: the cluster's current members (an open membership);
// - a participant in a monotown / special territory: one of its open sites is flagged so;
// - contracts: deals between two participants agreed in the year (state agreed, active or
//   completed), worth |price × quantity| (rounded once, as a posting); plus contracts and
//   co-operation the organisations declare as made off the platform in the year, with another
//   participant (exchange: supply; knowledge: joint R&D, licences, consultations — works and
//   services). Governance ties (a joint body, a delegation) are no contract. A declared tie
//   without a value counts as a contract worth 0 (it shows co-operation, adds no dependency);
// - purchases: each participant's declaration for the year; a participant without one makes
//   functional dependency "no data", never 0.
// Which side buys does not change the figure (the value of contracts between participants ÷
// their purchases), so a declared tie is read as the declaring side's contract with the partner.
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
  sites: PlatformSite[];
}
export interface PlatformDeal {
  id: string;
  state: string;
  providerId: string;
  consumerId: string;
  quantity: number;
  priceKopecksPerUnit: number;
  agreedAt: string | null;
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

export const contractStates = ['agreed', 'active', 'completed'] as const;
export const contractLayers = ['exchange', 'knowledge'] as const;

/** A contract as the check reads it, with where it comes from. */
export interface MappedContract extends Decree779Contract {
  origin: 'platform' | 'declared';
  ref: string;
}

/** |price × quantity| rounded half away from zero to the kopeck, once. */
export function dealValueKopecks(d: Pick<PlatformDeal, 'priceKopecksPerUnit' | 'quantity'>) {
  return Math.round(Math.abs(d.priceKopecksPerUnit * d.quantity));
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

export interface Decree779Inputs {
  participants: Decree779Participant[];
  contracts: MappedContract[];
}

export function decree779Inputs(input: {
  year: number;
  members: readonly PlatformMember[];
  deals: readonly PlatformDeal[];
  ties: readonly DeclaredTie[];
  purchases: readonly DeclaredPurchases[];
}): Decree779Inputs {
  const ids = new Set(input.members.map((m) => m.id));
  const inYear = (day: string | null) => day !== null && day.slice(0, 4) === String(input.year);
  const purchasesOf = new Map(input.purchases.map((p) => [p.organisationId, p.purchasesKopecks]));
  const participants = input.members.map((m): Decree779Participant => {
    const open = m.sites.filter((s) => !s.closed);
    return {
      id: m.id,
      name: m.name,
      nameEn: m.nameEn ?? null,
      monotown: open.some((s) => s.monotown),
      specialTerritory: open.some((s) => s.specialTerritory !== null),
      purchasesKopecks: purchasesOf.get(m.id) ?? null,
    };
  });
  const contracts: MappedContract[] = [];
  for (const d of input.deals) {
    if (!(contractStates as readonly string[]).includes(d.state) || !inYear(d.agreedAt)) continue;
    if (!ids.has(d.providerId) || !ids.has(d.consumerId) || d.providerId === d.consumerId) continue;
    contracts.push({
      ...sidesOf(d),
      valueKopecks: dealValueKopecks(d),
      origin: 'platform',
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
      ref: t.id,
    });
  }
  return { participants, contracts };
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
  contractsOnPlatform: number;
  contractsDeclared: number;
  valueOnPlatformKopecks: number;
  valueDeclaredKopecks: number;
  partners: { id: string; name: string; nameEn: string | null }[];
  hasContract: boolean;
}

export const decree779Reading =
  'participants: current members; contracts: deals between members agreed in the year (agreed, active, completed; |price × quantity|) and declared off-platform contracts and co-operation (exchange, knowledge) with another member in the year; monotown / special territory: an open site so flagged; purchases: each member’s declaration for the year (missing: no data). Functional dependency = value of contracts between participants ÷ their declared purchases (our reading of the Decree’s annex, not verified).';

/** The same reading in Russian (the page shows the reader's language). */
export const decree779ReadingRu =
  'участники: текущие члены кластера; договоры: сделки между участниками, согласованные в году (согласована, исполняется, завершена; |цена × количество|), и заявленные вне платформы договоры и кооперация (обмен, знания) с другим участником в году; моногород / особая территория: открытая площадка с такой отметкой; закупки: декларация каждого участника за год (нет декларации — нет данных). Функциональная зависимость = стоимость договоров между участниками ÷ их заявленные закупки (наше прочтение приложения к Постановлению, не проверено).';

/** The check and the evidence behind it, member by member. */
export function decree779FromPlatform(
  input: Parameters<typeof decree779Inputs>[0],
  rules: Decree779Rules = decree779Rules,
): { result: Decree779Result; members: Decree779MemberEvidence[]; inputs: Decree779Inputs } {
  const inputs = decree779Inputs(input);
  const result = checkDecree779(inputs.participants, inputs.contracts, rules);
  const byId = new Map(input.members.map((m) => [m.id, m]));
  const members = input.members.map((m, i): Decree779MemberEvidence => {
    const p = inputs.participants[i] as Decree779Participant;
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
      contractsOnPlatform: onPlatform.length,
      contractsDeclared: declared.length,
      valueOnPlatformKopecks: sum(onPlatform),
      valueDeclaredKopecks: sum(declared),
      partners: partners.map((id) => {
        const o = byId.get(id);
        return { id, name: o?.name ?? id, nameEn: o?.nameEn?.trim() || null };
      }),
      hasContract: own.length >= rules.minContractsPerParticipant,
    };
  });
  return { result, members, inputs };
}
