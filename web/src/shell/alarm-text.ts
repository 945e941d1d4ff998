// An alarm rule said in words ("Ash Ad above 10.5": the caller names the key), for the header's toast and the Plant
// page's alarm list: the rule's id alone tells a shift engineer nothing.
import { useCallback } from 'react';
import { useFormat, useT } from '../i18n/index.ts';
import { shellDict } from './dict.ts';

export interface AlarmRuleWords {
  key: string;
  kind: 'threshold' | 'rate' | 'no-data';
  min?: number;
  max?: number;
  perMinute?: number;
  minutes?: number;
}

/** The condition of a rule in the UI's language. */
export function useAlarmCondition(): (rule: AlarmRuleWords) => string {
  const t = useT(shellDict);
  const fmt = useFormat();
  return useCallback(
    (r: AlarmRuleWords) => {
      const key = r.key;
      const n = (x: number | undefined) => (x === undefined ? '—' : fmt.decimal(x, 6));
      if (r.kind === 'rate') return t('alarmRate', { key, rate: n(r.perMinute) });
      if (r.kind === 'no-data') return t('alarmSilence', { key, n: n(r.minutes) });
      if (r.min !== undefined && r.max !== undefined)
        return t('alarmOutside', { key, min: n(r.min), max: n(r.max) });
      if (r.max !== undefined) return t('alarmAbove', { key, max: n(r.max) });
      return t('alarmBelow', { key, min: n(r.min) });
    },
    [t, fmt],
  );
}
