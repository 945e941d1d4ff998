// Numbers typed on the command line. JavaScript's Number() also reads "0x10" as 16,
// "1e3" as 1000 and "" as 0, so `--seq 0x10` would replay event 16: here only plain
// decimal digits count, and anything else is NaN for the caller's range check to refuse.

/** A whole number written in decimal digits, else NaN. */
export function wholeNumber(raw: string | undefined): number {
  return raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
}

/** A non-negative decimal such as 12 or 2.5, else NaN. */
export function decimalNumber(raw: string | undefined): number {
  return raw !== undefined && /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
}
