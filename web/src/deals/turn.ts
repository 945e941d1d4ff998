// What a deal waits for, in words that fit its state: in negotiation, whose move it is; in
// execution (ACTIVE), that deliveries are to be recorded and by whom, and that the consumer
// completes the deal — not a "turn" that reads as if a party still had to agree. Pure.
import type { DealSide, DealState } from './api.ts';

interface Where {
  state: DealState;
  turn: DealSide | null;
}

/** The note above a deal's moves (a key of the deals dictionary), or none. */
export type StepNote =
  | 'noActions'
  | 'operatorView'
  | 'observerView'
  | 'activeProvider'
  | 'activeConsumer'
  | 'activeOther';

/**
 * `yourSide`: the caller's organisation's side (null: the operator); `observer`: the caller
 * only reads. A closed deal (no turn) has no note: its card says it is closed.
 */
export function stepNote(d: Where, yourSide: DealSide | null, observer = false): StepNote | null {
  if (d.turn === null) return null;
  if (d.state === 'active') {
    if (yourSide === null || observer) return 'activeOther';
    return yourSide === 'provider' ? 'activeProvider' : 'activeConsumer';
  }
  if (observer) return 'observerView';
  if (yourSide === null) return 'operatorView';
  return d.turn === yourSide ? null : 'noActions';
}

/** The deals list's "turn" cell: a dictionary key (`side:…` for the operator's rows). */
export function turnCell(
  d: Where,
  mine: DealSide | null,
): 'closed' | 'delivering' | 'yourTurn' | 'theirTurn' | `side:${DealSide}` {
  if (d.turn === null) return 'closed';
  if (d.state === 'active') return 'delivering';
  if (!mine) return `side:${d.turn}`;
  return d.turn === mine ? 'yourTurn' : 'theirTurn';
}
