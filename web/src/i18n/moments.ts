// Moments and calendar days as the web app shows them: one clock, the cluster's. A moment (an
// ISO timestamp) is shown in the cluster's zone and, with its time of day, named as the server's
// messages name it («13:00 (кемеровское время)», src/model/wording.ts), so a reader in Moscow sees the
// hour the server's own messages give. A calendar day ('2026-12-01') is no moment: it is the
// same day in every zone.
import { clusterDay, clusterWallTime, clusterYear, wall } from '../../../src/model/days.ts';
import { CLUSTER_TIME_ZONE, clusterZoneName } from '../../../src/model/wording.ts';
import { intlLocale, type Locale } from './locale.ts';

export { clusterDay, clusterWallTime, clusterYear };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day (YYYY-MM-DD) rather than a moment. */
export const isCalendarDay = (iso: string): boolean => DAY.test(iso);

/** The date and date-and-time formatters for one UI language. */
export function momentFormats(locale: Locale) {
  const tag = intlLocale(locale);
  const dateOpts = { day: 'numeric', month: 'short', year: 'numeric' } as const;
  // a day is formatted at its UTC midnight in UTC: the same day whatever the browser's zone
  const day = new Intl.DateTimeFormat(tag, { ...dateOpts, timeZone: 'UTC' });
  const date = new Intl.DateTimeFormat(tag, { ...dateOpts, timeZone: CLUSTER_TIME_ZONE });
  const dateTime = new Intl.DateTimeFormat(tag, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: CLUSTER_TIME_ZONE,
  });
  const monthYear = new Intl.DateTimeFormat(tag, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const asDay = (iso: string) => day.format(new Date(`${iso}T00:00:00Z`));
  const clock = (iso: string) => (isCalendarDay(iso) ? asDay(iso) : dateTime.format(new Date(iso)));
  return {
    /** «1 дек. 2026 г.»: a calendar day as it is, a moment's day in the cluster */
    date: (iso: string) => (isCalendarDay(iso) ? asDay(iso) : date.format(new Date(iso))),
    /** «1 дек. 2026 г., 13:00 (кемеровское время)»; a calendar day alone, in no zone */
    dateTime: (iso: string) =>
      isCalendarDay(iso) ? asDay(iso) : `${clock(iso)} (${clusterZoneName[locale]})`,
    /**
     * «1 дек. 2026 г., 13:00»: the same cluster time, its zone unnamed, for a table's column or a
     * list whose header names the zone once (`clusterZone`); a calendar day alone
     */
    clock,
    /** «дек. 2025 г.», 'Dec 2025': a calendar month (YYYY-MM), as tables and periods name it */
    month: (yyyyMm: string) =>
      /^\d{4}-\d{2}$/.test(yyyyMm) ? monthYear.format(new Date(`${yyyyMm}-01T00:00:00Z`)) : yyyyMm,
  };
}

/** The cluster zone's words: «Кемерово», 'Kemerovo time'. */
export const clusterZone = (locale: Locale): string => clusterZoneName[locale];

/**
 * The moment a cluster wall-clock time (YYYY-MM-DDTHH:mm[:ss], as a `datetime-local` gives it)
 * names, as an ISO timestamp; null if it is not one.
 */
export function fromClusterWallTime(local: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0));
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  // the zone's offset at that moment (twice: an offset change between the guess and the answer)
  const offset = (at: number) => {
    const w = wall(at);
    return (
      Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - Math.floor(at / 60_000) * 60_000
    );
  };
  let at = asUtc - offset(asUtc);
  at = asUtc - offset(at);
  return Number.isNaN(at) ? null : new Date(at).toISOString();
}
