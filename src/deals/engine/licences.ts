// Pure: which waste licences a deal needs and whether its parties hold them (89-ФЗ art. 9,
// 99-ФЗ art. 12 p. 30). Collecting, transporting, processing, utilising, neutralising and
// placing waste of hazard classes I–IV needs a licence issued by Rosprirodnadzor for that
// activity and class; class V needs none. The class is the FKKO code's last (11th) digit.
//
// Per deal of a class I–IV waste:
//   - the receiver (the consumer) for what it does with the waste: the purpose (utilisation
//     unless the deal says otherwise, as form 2-TP assumes) → utilisation, processing,
//     neutralisation, or placement (storage and burial);
//   - the carrier side (transport.paidBy) for transport, unless the waste goes by rail: RZD
//     carries it under its own licence and the parties need none for the carriage.
// A licence covers a check when it names the activity and the class and, if it lists FKKO
// codes, the deal's code; it is valid from its date of issue to its `validUntil` (null:
// permanent). Found: one covers and is valid on the day; expired: one covers but is no
// longer (or not yet) valid; missing: none covers. The deal is never blocked by this.
import type { TransferPurpose } from './balance.ts';

export type LicensedActivity =
  | 'collection'
  | 'transport'
  | 'processing'
  | 'utilisation'
  | 'neutralisation'
  | 'placement';

/** A licence as the check needs it. */
export interface HeldLicence {
  id: string;
  organisationId: string;
  number: string;
  issuedOn: string;
  activities: readonly string[];
  hazardClasses: readonly number[];
  /** FKKO codes its annex lists; empty: the classes decide */
  fkko: readonly string[];
  /** last valid day; null: permanent */
  validUntil: string | null;
}

export type LicenceStatus = 'found' | 'missing' | 'expired';

export interface LicenceCheck {
  /** receiver: what the consumer does with the waste; carrier: the side carrying it */
  role: 'receiver' | 'carrier';
  side: 'provider' | 'consumer';
  holderId: string;
  activity: LicensedActivity;
  hazardClass: number;
  status: LicenceStatus;
  /** the covering licence (found, or the last to expire) */
  licence: { id: string; number: string; validUntil: string | null } | null;
}

export interface DealLicenceReport {
  fkko: string | null;
  /** 1–5 from the FKKO code's last digit; null: no code */
  hazardClass: number | null;
  /** true for classes I–IV */
  required: boolean;
  purpose: TransferPurpose;
  /** rail: RZD carries, no licence of the parties is checked for transport */
  carriage: 'party' | 'rail';
  /** the day the validity is judged on */
  on: string;
  checks: LicenceCheck[];
}

/** The hazard class (1–5) an 11-digit FKKO code ends with; null for anything else. */
export function hazardClassOfFkko(code: string | null | undefined): number | null {
  const d = (code ?? '').replace(/\s/g, '');
  if (!/^\d{11}$/.test(d)) return null;
  const c = Number(d[10]);
  return c >= 1 && c <= 5 ? c : null;
}

/** What the receiver's licence must name for a purpose of the transfer. */
export const activityOfPurpose: Record<TransferPurpose, LicensedActivity> = {
  processing: 'processing',
  utilisation: 'utilisation',
  neutralisation: 'neutralisation',
  storage: 'placement',
  burial: 'placement',
};

const digits = (code: string) => code.replace(/\s/g, '');

export function covers(
  l: HeldLicence,
  activity: LicensedActivity,
  hazardClass: number,
  fkko: string | null,
): boolean {
  if (!l.activities.includes(activity) || !l.hazardClasses.includes(hazardClass)) return false;
  if (l.fkko.length === 0 || !fkko) return true;
  return l.fkko.some((c) => digits(c) === digits(fkko));
}

export const validOn = (l: HeldLicence, on: string) =>
  l.issuedOn <= on && (l.validUntil === null || l.validUntil >= on);

/** The status of one holder's licences for an activity and class, on a day. */
export function licenceStatus(
  held: readonly HeldLicence[],
  activity: LicensedActivity,
  hazardClass: number,
  fkko: string | null,
  on: string,
): Pick<LicenceCheck, 'status' | 'licence'> {
  const covering = held.filter((l) => covers(l, activity, hazardClass, fkko));
  const ref = (l: HeldLicence) => ({ id: l.id, number: l.number, validUntil: l.validUntil });
  const valid = covering.filter((l) => validOn(l, on));
  // of the valid ones, the one valid longest (a permanent one first)
  const longest = (a: HeldLicence, b: HeldLicence) =>
    (b.validUntil ?? '9999-12-31').localeCompare(a.validUntil ?? '9999-12-31');
  if (valid.length) return { status: 'found', licence: ref([...valid].sort(longest)[0]) };
  if (covering.length) return { status: 'expired', licence: ref([...covering].sort(longest)[0]) };
  return { status: 'missing', licence: null };
}

/** The licence checks of a deal, on a day (YYYY-MM-DD). */
export function dealLicenceChecks(
  deal: {
    providerId: string;
    consumerId: string;
    fkko: string | null;
    transport: { mode: string; paidBy: 'provider' | 'consumer' };
  },
  licences: readonly HeldLicence[],
  on: string,
  purpose: TransferPurpose = 'utilisation',
): DealLicenceReport {
  const hazardClass = hazardClassOfFkko(deal.fkko);
  const required = hazardClass !== null && hazardClass <= 4;
  const carriage = deal.transport.mode === 'rail' ? 'rail' : 'party';
  const checks: LicenceCheck[] = [];
  if (required) {
    const of = (id: string) => licences.filter((l) => l.organisationId === id);
    const check = (
      role: LicenceCheck['role'],
      side: LicenceCheck['side'],
      activity: LicensedActivity,
    ) => {
      const holderId = side === 'provider' ? deal.providerId : deal.consumerId;
      checks.push({
        role,
        side,
        holderId,
        activity,
        hazardClass,
        ...licenceStatus(of(holderId), activity, hazardClass, deal.fkko, on),
      });
    };
    check('receiver', 'consumer', activityOfPurpose[purpose]);
    if (carriage === 'party') check('carrier', deal.transport.paidBy, 'transport');
  }
  return { fkko: deal.fkko, hazardClass, required, purpose, carriage, on, checks };
}
