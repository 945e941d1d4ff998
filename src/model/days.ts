// Calendar days as the cluster's users live them. Pure, plain (the web app imports it too).

const DAY_MS = 86_400_000;

/**
 * The latest day (YYYY-MM-DD) a fact may be dated at `now` — a delivered lot, a licence's
 * issue or removal: no date after today. "Today" is taken a day ahead of UTC's, so that a user
 * east of Greenwich (Kuzbass is UTC+7) can record this morning's fact.
 */
export function latestDay(now: Date): string {
  return new Date(now.getTime() + DAY_MS).toISOString().slice(0, 10);
}
