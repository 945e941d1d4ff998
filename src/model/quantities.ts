// Pure: a computed yearly quantity as a contract states it, shared by the deals module (a
// deal opened from a match) and the web app (plan flows and matches), so that the plan, the
// match and the deal show one figure (a user walk read 11 036 t on the match, 11 035 t on the
// deal: the optimiser's 11 035.714… t rounded one way, then the other).

/**
 * Whole units from 100 up, else to the thousandth — rounded down, so the contract never
 * exceeds what the plan found (the optimiser gives 11 035.71428571426 t). A quantity that would
 * round down to nothing is kept as it is.
 */
export function contractQuantity(q: number): number {
  const digits = q >= 100 ? 1 : 1000;
  const down = Math.floor(q * digits + 1e-9) / digits;
  return down > 0 ? down : q;
}
