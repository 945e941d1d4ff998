// The organisation's alarm rules of a device profile: read by every user, set by an org
// admin (the whole set at once: the server checks it and names each wrong field), or put
// back to the platform's defaults.
import { useEffect, useState } from 'react';
import { useT } from '../i18n/index.ts';
import { ApiError } from '../shell/api.ts';
import { isOrgAdmin, useSession } from '../shell/session.tsx';
import { Empty, ErrorState, FormError, Loading } from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { type AlarmRuleSetting, machinesApi } from './api.ts';
import { machinesDict } from './dict.ts';

type Kind = AlarmRuleSetting['kind'];
type NumberField = 'min' | 'max' | 'hysteresis' | 'perMinute' | 'minutes';
/** A rule as the form holds it: numbers as typed. */
type Row = Omit<AlarmRuleSetting, NumberField> & Record<NumberField, string>;

const fieldsOf: Record<Kind, NumberField[]> = {
  threshold: ['min', 'max', 'hysteresis'],
  rate: ['perMinute'],
  'no-data': ['minutes'],
};
const labelKey = {
  min: 'ruleMin',
  max: 'ruleMax',
  hysteresis: 'ruleHysteresis',
  perMinute: 'rulePerMinute',
  minutes: 'ruleMinutes',
} as const;

const toRow = (r: AlarmRuleSetting): Row => ({
  ...r,
  min: r.min?.toString() ?? '',
  max: r.max?.toString() ?? '',
  hysteresis: r.hysteresis?.toString() ?? '',
  perMinute: r.perMinute?.toString() ?? '',
  minutes: r.minutes?.toString() ?? '',
});
const num = (s: string) => (s.trim() === '' ? undefined : Number(s.replace(',', '.')));
const fromRow = (r: Row) => ({
  id: r.id,
  key: r.key,
  kind: r.kind,
  severity: r.severity,
  enabled: r.enabled,
  ...Object.fromEntries(fieldsOf[r.kind].map((f) => [f, num(r[f])])),
});

export function AlarmRules() {
  const t = useT(machinesDict);
  const { user } = useSession();
  // the API route's rule: an admin of the user's own organisation (the rules are its)
  const canEdit = Boolean(user?.organisationId) && isOrgAdmin(user);
  const profiles = useResource(() => machinesApi.profiles(), []);
  const [profile, setProfile] = useState('ash-analyser');
  const set = useResource(() => machinesApi.alarmRules(profile), [profile]);
  const [rows, setRows] = useState<Row[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  // the set as stored (read again after a save: "saved" stays shown)
  useEffect(() => {
    if (set.data) setRows(set.data.rules.map(toRow));
  }, [set.data]);
  useEffect(() => {
    void profile;
    setError(null);
    setSaved(false);
  }, [profile]);
  const keys = profiles.data?.find((p) => p.id === profile)?.keys ?? [];
  const fields = error?.fieldErrors() ?? {};
  const change = (i: number, patch: Partial<Row>) => {
    setSaved(false);
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  };
  const save = async () => {
    setError(null);
    setSaved(false);
    try {
      await machinesApi.setAlarmRules(profile, { rules: rows.map(fromRow) });
      set.reload();
      setSaved(true);
    } catch (e) {
      if (e instanceof ApiError) setError(e);
      else throw e;
    }
  };
  return (
    <section className="card" data-testid="alarm-rules">
      <h2 className="card-title">{t('rules')}</h2>
      <p className="muted">{t('rulesLead')}</p>
      <label className="inline-label">
        {t('rulesProfile')}{' '}
        <select
          value={profile}
          onChange={(e) => setProfile(e.target.value)}
          data-testid="rules-profile"
        >
          {(profiles.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.id}
            </option>
          ))}
        </select>
      </label>
      {set.error ? (
        <ErrorState error={set.error} onRetry={set.reload} />
      ) : !set.data ? (
        <Loading />
      ) : (
        <form
          className="rules-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <p>
            <span className="badge" data-testid="rules-origin">
              {set.data.custom ? t('rulesCustom') : t('rulesShipped')}
            </span>
          </p>
          {!canEdit && <p className="muted">{t('rulesOnlyAdmin')}</p>}
          <FormError error={error} placed={(f) => f.startsWith('rules.')} />
          {rows.length === 0 && <Empty title={t('rulesEmpty')} />}
          {rows.map((r, i) => {
            const err = (f: string) => fields[`rules.${i}.${f}`];
            const box = (f: NumberField) => (
              <label key={f} className="rule-field">
                {t(labelKey[f])}
                <input
                  type="number"
                  step="any"
                  value={r[f]}
                  disabled={!canEdit}
                  onChange={(e) => change(i, { [f]: e.target.value })}
                  aria-invalid={err(f) ? true : undefined}
                  data-testid={`rule-${i}-${f}`}
                />
                {err(f) && <span className="field-error">{err(f)}</span>}
              </label>
            );
            return (
              <fieldset
                // rows have no other identity while their id is being typed
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                key={i}
                className="rule-row"
                data-testid={`rule-${r.id}`}
                disabled={!canEdit}
              >
                <label className="rule-field">
                  {t('ruleId')}
                  <input
                    value={r.id}
                    onChange={(e) => change(i, { id: e.target.value })}
                    aria-invalid={err('id') ? true : undefined}
                  />
                  {err('id') && <span className="field-error">{err('id')}</span>}
                </label>
                <label className="rule-field">
                  {t('ruleKey')}
                  <select value={r.key} onChange={(e) => change(i, { key: e.target.value })}>
                    {keys.map((k) => (
                      <option key={k.key} value={k.key}>
                        {k.key} ({k.unit})
                      </option>
                    ))}
                  </select>
                  {err('key') && <span className="field-error">{err('key')}</span>}
                </label>
                <label className="rule-field">
                  {t('ruleKind')}
                  <select
                    value={r.kind}
                    onChange={(e) => change(i, { kind: e.target.value as Kind })}
                  >
                    {(Object.keys(fieldsOf) as Kind[]).map((k) => (
                      <option key={k} value={k}>
                        {t(`kind:${k}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="rule-field">
                  {t('ruleSeverity')}
                  <select
                    value={r.severity}
                    onChange={(e) => change(i, { severity: e.target.value as Row['severity'] })}
                  >
                    <option value="warning">{t('severity:warning')}</option>
                    <option value="critical">{t('severity:critical')}</option>
                  </select>
                </label>
                {fieldsOf[r.kind].map(box)}
                <label className="rule-field rule-check">
                  <input
                    type="checkbox"
                    checked={r.enabled}
                    onChange={(e) => change(i, { enabled: e.target.checked })}
                    data-testid={`rule-${i}-enabled`}
                  />
                  {t('ruleEnabled')}
                </label>
                {canEdit && (
                  <button
                    type="button"
                    className="btn btn-small btn-ghost"
                    onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
                    data-testid={`rule-${i}-remove`}
                  >
                    {t('ruleRemove')}
                  </button>
                )}
              </fieldset>
            );
          })}
          {canEdit && (
            <div className="form-actions">
              <button type="submit" className="btn btn-primary" data-testid="rules-save">
                {t('rulesSave')}
              </button>
              <button
                type="button"
                className="btn"
                onClick={() =>
                  setRows((rs) => [
                    ...rs,
                    toRow({
                      id: `rule-${rs.length + 1}`,
                      key: keys[0]?.key ?? '',
                      kind: 'threshold',
                      severity: 'warning',
                      enabled: true,
                    }),
                  ])
                }
              >
                {t('ruleAdd')}
              </button>
              <button
                type="button"
                className="btn btn-ghost"
                onClick={() => setRows(set.data?.defaults.map(toRow) ?? [])}
                data-testid="rules-restore"
              >
                {t('rulesRestore')}
              </button>
              {saved && (
                <span role="status" data-testid="rules-saved">
                  {t('rulesSaved')}
                </span>
              )}
            </div>
          )}
        </form>
      )}
    </section>
  );
}
