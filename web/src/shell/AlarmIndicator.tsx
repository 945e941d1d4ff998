// The organisation's alarms on every page: a count of the active alarms nobody has
// acknowledged yet, linking to the Plant page's alarm list, and a toast when a new critical
// alarm comes. Read by polling a small summary (no zod, no stream: the shell stays small);
// again at once when the Plant page acknowledges one (ALARMS_CHANGED) and on navigation.
import { useEffect, useRef, useState } from 'react';
import { useFormat, useLocale, useT } from '../i18n/index.ts';
import { type AlarmRuleWords, useAlarmCondition } from './alarm-text.ts';
import { answer, client } from './api.ts';
import { shellDict } from './dict.ts';
import { href } from './router.ts';

/** Sent by a page that changed alarms (acknowledged one), so that the header follows at once. */
export const ALARMS_CHANGED = 'digicluster:alarms-changed';
/** How often the summary is read: an alarm shows within this on any page. */
export const ALARM_POLL_MS = 15_000;
/** How long the toast of a new critical alarm stays unless dismissed. */
const TOAST_MS = 20_000;

interface Summary {
  active: number;
  critical: number;
  latestCritical: {
    id: string;
    deviceId: string;
    deviceName: string | null;
    raisedValue: number | null;
    rule: AlarmRuleWords;
    /** The reading's name (the rule's key is an id: ash_pct). */
    keyLabel: { ru: string; en: string } | null;
  } | null;
}

function useAlarmSummary(enabled: boolean, section: string): Summary | null {
  const [summary, setSummary] = useState<Summary | null>(null);
  const [bump, setBump] = useState(0);
  useEffect(() => {
    const again = () => setBump((n) => n + 1);
    window.addEventListener(ALARMS_CHANGED, again);
    const timer = window.setInterval(again, ALARM_POLL_MS);
    return () => {
      window.removeEventListener(ALARMS_CHANGED, again);
      window.clearInterval(timer);
    };
  }, []);
  useEffect(() => {
    if (!enabled) {
      setSummary(null);
      return;
    }
    let live = true;
    void bump;
    void section;
    answer(client.GET('/api/v1/alarms/summary'))
      .then((s) => live && setSummary(s))
      // an indicator is a hint: a failed read leaves it as it was
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [enabled, section, bump]);
  return summary;
}

export function AlarmIndicator({ enabled, section }: { enabled: boolean; section: string }) {
  const t = useT(shellDict);
  const condition = useAlarmCondition();
  const fmt = useFormat();
  const { locale } = useLocale();
  const summary = useAlarmSummary(enabled, section);
  // the newest critical alarm seen: the first read only sets it, a later new one is a toast
  const seen = useRef<string | null | undefined>(undefined);
  const [toast, setToast] = useState<Summary['latestCritical']>(null);
  const latest = summary?.latestCritical ?? null;
  useEffect(() => {
    if (!summary) return;
    const id = latest?.id ?? null;
    if (seen.current !== undefined && id && id !== seen.current) setToast(latest);
    // acknowledged or cleared: nothing critical waits, the toast goes
    else if (!id) setToast(null);
    seen.current = id;
  }, [summary, latest]);
  // a toast is a notice, not a wall: it goes by itself (the indicator stays)
  useEffect(() => {
    if (!toast) return;
    const timer = window.setTimeout(() => setToast(null), TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [toast]);
  if (!enabled || !summary) return null;
  return (
    <>
      {summary.active > 0 && (
        <a
          className={`alarm-indicator${summary.critical > 0 ? ' critical' : ''}`}
          href={href('plant')}
          data-testid="alarm-indicator"
          title={t('alarmsIndicatorTitle', { n: summary.active })}
        >
          <span aria-hidden="true">⚠ </span>
          {t('alarmsIndicator', { n: summary.active })}
        </a>
      )}
      {toast && (
        <div className="alarm-toast" role="alert" data-testid="alarm-toast">
          <span>
            {t('alarmToast', {
              rule: condition({ ...toast.rule, key: toast.keyLabel?.[locale] ?? toast.rule.key }),
              device: toast.deviceName ?? toast.deviceId,
              value: toast.raisedValue === null ? '—' : fmt.decimal(toast.raisedValue, 6),
            })}
          </span>
          <a className="btn btn-small" href={href('plant')} onClick={() => setToast(null)}>
            {t('alarmToastOpen')}
          </a>
          <button type="button" className="btn btn-small btn-ghost" onClick={() => setToast(null)}>
            {t('alarmToastDismiss')}
          </button>
        </div>
      )}
    </>
  );
}
