// The deal negotiation state machine: pure, no I/O. The Dataspace Protocol's contract
// negotiation (REQUESTED → OFFERED → ACCEPTED → AGREED → VERIFIED → FINALIZED, TERMINATED),
// adapted to material deals between a provider (who ships the material) and a consumer (who
// takes it): VERIFIED/FINALIZED become ACTIVE (deliveries run) and COMPLETED.
//
// Who may do what — `turn` names the side that may move next:
//
//   state      turn      action      by        → state      turn      terms
//   requested  provider  offer       provider  → offered    consumer  optional (a changed offer)
//   offered    consumer  accept      consumer  → accepted   provider  none (accepts them as they are)
//   offered    consumer  counter     consumer  → requested  provider  required (a counter-request)
//   accepted   provider  agree       provider  → agreed     provider  none (the contract is signed)
//   accepted   provider  offer       provider  → offered    consumer  required (a counter-offer)
//   agreed     provider  activate    provider  → active     consumer  none (shipping begins)
//   active     consumer  complete    consumer  → completed  null      none (the consumer confirms
//                                                                       it received what it needed)
//   any open   —         terminate   either    → terminated null      none
//
// A new deal starts at `requested` with the provider's turn when the consumer (or an agreed
// match of the exchange, which fixed the pair and the quantity but never a price) opens it,
// and at `offered` with the consumer's turn when the provider opens it with an offer.
// Terminate is the one move open to either side at any open state regardless of the turn,
// as in the protocol (either party may end a negotiation or a contract in force). Counter-
// offers and counter-requests change the terms and hand the turn to the other side; no
// other action changes the terms. `completed` and `terminated` are final.

export const dealStates = [
  'requested',
  'offered',
  'accepted',
  'agreed',
  'active',
  'completed',
  'terminated',
] as const;
export type DealStateName = (typeof dealStates)[number];

export const dealActions = [
  'offer',
  'counter',
  'accept',
  'agree',
  'activate',
  'complete',
  'terminate',
] as const;
export type DealActionName = (typeof dealActions)[number];

export type Side = 'provider' | 'consumer';

/** The states a deal is still open in (terminate is allowed from each). */
export const openStates: readonly DealStateName[] = [
  'requested',
  'offered',
  'accepted',
  'agreed',
  'active',
];

/** The negotiation's part of a deal: where it is and whose move it is, with its terms. */
export interface Negotiation<T> {
  state: DealStateName;
  turn: Side | null;
  terms: T;
}

export type Refusal =
  | 'closed'
  | 'not_your_turn'
  | 'state_forbids'
  | 'terms_required'
  | 'terms_not_allowed';

export type Step<T> = { ok: true; next: Negotiation<T> } | { ok: false; reason: Refusal };

interface Rule {
  from: DealStateName;
  action: DealActionName;
  by: Side;
  to: DealStateName;
  turn: Side | null;
  terms: 'none' | 'optional' | 'required';
}

/** The table above, as data (terminate is handled apart). */
export const rules: readonly Rule[] = [
  {
    from: 'requested',
    action: 'offer',
    by: 'provider',
    to: 'offered',
    turn: 'consumer',
    terms: 'optional',
  },
  {
    from: 'offered',
    action: 'accept',
    by: 'consumer',
    to: 'accepted',
    turn: 'provider',
    terms: 'none',
  },
  {
    from: 'offered',
    action: 'counter',
    by: 'consumer',
    to: 'requested',
    turn: 'provider',
    terms: 'required',
  },
  {
    from: 'accepted',
    action: 'agree',
    by: 'provider',
    to: 'agreed',
    turn: 'provider',
    terms: 'none',
  },
  {
    from: 'accepted',
    action: 'offer',
    by: 'provider',
    to: 'offered',
    turn: 'consumer',
    terms: 'required',
  },
  {
    from: 'agreed',
    action: 'activate',
    by: 'provider',
    to: 'active',
    turn: 'consumer',
    terms: 'none',
  },
  {
    from: 'active',
    action: 'complete',
    by: 'consumer',
    to: 'completed',
    turn: null,
    terms: 'none',
  },
];

/** The side a new deal's creator leaves the turn to, and the state it starts in. */
export function opening(by: Side): { state: DealStateName; turn: Side } {
  return by === 'consumer'
    ? { state: 'requested', turn: 'provider' }
    : { state: 'offered', turn: 'consumer' };
}

/** What the given side may do now (for the UI and the API's `allowed` list). */
export function allowedActions(
  n: { state: DealStateName; turn: Side | null },
  side: Side,
): DealActionName[] {
  if (!openStates.includes(n.state)) return [];
  const mine =
    n.turn === side
      ? rules.filter((r) => r.from === n.state && r.by === side).map((r) => r.action)
      : [];
  return [...new Set([...mine, 'terminate' as const])];
}

/**
 * One move: `side` does `action` (with `terms` — a change merged over the current ones by
 * `merge`) on the deal. Returns the next negotiation, or why the move is refused; a refusal
 * changes nothing.
 */
export function transition<T>(
  current: Negotiation<T>,
  side: Side,
  action: DealActionName,
  terms: Partial<T> | undefined,
  merge: (a: T, b: Partial<T>) => T = (a, b) => ({ ...a, ...b }),
): Step<T> {
  if (!openStates.includes(current.state)) return { ok: false, reason: 'closed' };
  if (action === 'terminate') {
    if (terms !== undefined) return { ok: false, reason: 'terms_not_allowed' };
    return { ok: true, next: { state: 'terminated', turn: null, terms: current.terms } };
  }
  const candidates = rules.filter((r) => r.from === current.state && r.action === action);
  if (!candidates.length) return { ok: false, reason: 'state_forbids' };
  if (current.turn !== side) return { ok: false, reason: 'not_your_turn' };
  const rule = candidates.find((r) => r.by === side);
  if (!rule) return { ok: false, reason: 'not_your_turn' };
  if (rule.terms === 'none' && terms !== undefined)
    return { ok: false, reason: 'terms_not_allowed' };
  if (rule.terms === 'required' && terms === undefined)
    return { ok: false, reason: 'terms_required' };
  return {
    ok: true,
    next: {
      state: rule.to,
      turn: rule.turn,
      terms: terms === undefined ? current.terms : merge(current.terms, terms),
    },
  };
}
