// What a chart of the trajectory marks and labels, for the page's chart and the PDF report's
// alike: a month by month score held for long runs would otherwise be a dense row of dots under
// a label at each end. Pure: indices into the months, no drawing.

/**
 * The months a chart marks with a dot: each scored month whose score differs from the month
 * before (the first scored month, one after a month without a score, a new value), and the last
 * scored month; a month that repeats the one before is on the line, unmarked.
 */
export function changeMarks(scores: readonly (number | null)[]): number[] {
  const marks: number[] = [];
  let last = -1;
  scores.forEach((s, i) => {
    if (s === null) return;
    last = i;
    if (i === 0 || scores[i - 1] !== s) marks.push(i);
  });
  if (last >= 0 && marks.at(-1) !== last) marks.push(last);
  return marks;
}

/** Runs of consecutive scored months, each drawn as one line (a month without a score breaks it). */
export function scoredRuns(scores: readonly (number | null)[]): number[][] {
  const runs: number[][] = [];
  scores.forEach((s, i) => {
    if (s === null) return;
    const run = runs.at(-1);
    if (run && run.at(-1) === i - 1) run.push(i);
    else runs.push([i]);
  });
  return runs;
}

export interface YearTick {
  /** index of the year's January among the months */
  index: number;
  year: number;
  /** whether the year is written under its tick (every `step` years, where they fit) */
  label: boolean;
}

/**
 * A tick at each January of `months` (YYYY-MM), the years written every 1, 2, 5 or 10 years —
 * the least step whose labels stand `minGap` apart when a month takes `perMonth` units; a
 * labelled year is a multiple of its step (2015, 2020, 2025). Empty when the months hold fewer
 * than two Januaries: a chart then writes its first and last months instead.
 */
export function yearTicks(months: readonly string[], perMonth: number, minGap: number): YearTick[] {
  const januaries = months.flatMap((m, index) =>
    m.endsWith('-01') ? [{ index, year: Number(m.slice(0, 4)) }] : [],
  );
  if (januaries.length < 2) return [];
  const step = [1, 2, 5, 10].find((s) => 12 * s * perMonth >= minGap) ?? 10;
  return januaries.map((j) => ({ ...j, label: j.year % step === 0 }));
}
