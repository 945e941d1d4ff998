// The organisation's alarm rules of a device profile: read by every user, set by an org
// admin (the whole set at once: the server checks it and names each wrong field), or put
// back to the platform's defaults.
import { useEffect, useState } from 'react';
import { targetKeysOf } from '../../../src/machines/limits.ts';
import { decimalMarkOf, localised, useDecimalMarkSwitch, useLocale, useT } from '../i18n/index.ts';
import { ApiError } from '../shell/api.ts';
import { withDecimalMarks } from '../shell/numbers.ts';
import { isOrgAdmin, useSession } from '../shell/session.tsx';
import { Empty, ErrorState, FormError, Loading } from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { machinesApi } from './api.ts';
import { machinesDict } from './dict.ts';
import {
  checkRules,
  fieldsOf,
  fromRow,
  type Kind,
  keyWords,
  mayBeRelative,
  type NumberField,
  newRow,
  patchRow,
  type Row,
  type RuleProblem,
  ruleNumberBoxes,
  toRow,
  unitWords,
} from './rule-form.ts';

const labelKey = {
  min: 'ruleMin',
  max: 'ruleMax',
  hysteresis: 'ruleHysteresis',
  perMinute: 'rulePerMinute',
  minutes: 'ruleMinutes',
} as const;

export function AlarmRules({
  hasSites,
}: {
  /** whether the organisation has a site (its devices stand at one); null: not known yet */
  hasSites: boolean | null;
}) {
  const t = useT(machinesDict);
  const { locale } = useLocale();
  const mark = decimalMarkOf(locale);
  const { user } = useSession();
  // the API route's rule: an admin of the user's own organisation (the rules are its); and
  // only where the organisation has a site (no device to trip them else)
  const admin = Boolean(user?.organisationId) && isOrgAdmin(user);
  const canEdit = admin && hasSites === true;
  const profiles = useResource(() => machinesApi.profiles(), []);
  const [profile, setProfile] = useState('ash-analyser');
  const set = useResource(() => machinesApi.alarmRules(profile), [profile]);
  const [rows, setRows] = useState<Row[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  // the form's own findings, shown until the rows change
  const [problems, setProblems] = useState<Record<string, RuleProblem>>({});
  const [saved, setSaved] = useState(false);
  // the set as stored (read again after a save: "saved" stays shown)
  // with the page's decimal mark when the set came (a language switch re-marks them, below)
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    if (set.data) setRows(set.data.rules.map((r) => toRow(r, false, mark)));
  }, [set.data]);
  // a switch of language re-marks the numbers in the boxes, typed or not («1,5» → «1.5»)
  useDecimalMarkSwitch((m) =>
    setRows((rs) => rs.map((r) => withDecimalMarks(r, ruleNumberBoxes, m))),
  );
  useEffect(() => {
    void profile;
    setError(null);
    setProblems({});
    setSaved(false);
  }, [profile]);
  const keys = profiles.data?.find((p) => p.id === profile)?.keys ?? [];
  // the profile's keys a plant sets a target for: only their thresholds may follow it
  const targetKeys = targetKeysOf(profile);
  const fields: Record<string, string> = {
    ...(error?.fieldErrors() ?? {}),
    ...Object.fromEntries(Object.entries(problems).map(([f, p]) => [f, t(p)])),
  };
  const change = (i: number, patch: Partial<Row>) => {
    setSaved(false);
    setRows((rs) => patchRow(rs, i, patch));
    // a corrected field loses its mark (the others keep theirs until the next save)
    setProblems((ps) =>
      Object.fromEntries(
        Object.entries(ps).filter(
          ([f]) => !Object.keys(patch).some((k) => f === `rules.${i}.${k}`),
        ),
      ),
    );
  };
  const save = async () => {
    setError(null);
    setSaved(false);
    const found = checkRules(rows);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    try {
      await machinesApi.setAlarmRules(profile, { rules: rows.map((r) => fromRow(r, targetKeys)) });
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
              {localised(locale, p.name, p.nameEn)}
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
          {!admin ? (
            <p className="muted">{t('rulesOnlyAdmin')}</p>
          ) : (
            hasSites === false && (
              <p className="muted" data-testid="rules-no-plant-site">
                {t('rulesNoPlantSite')}
              </p>
            )
          )}
          <FormError error={error} placed={(f) => f.startsWith('rules.')} />
          {Object.keys(problems).length > 0 && (
            <p className="alert alert-error" role="alert" data-testid="rules-invalid">
              {t('rulesInvalid')}
            </p>
          )}
          {rows.length === 0 && <Empty title={t('rulesEmpty')} />}
          {rows.map((r, i) => {
            const err = (f: string) => fields[`rules.${i}.${f}`];
            const offerRelative = mayBeRelative(r, targetKeys);
            const relative = offerRelative && r.relativeTo === 'target';
            // the reading's unit beside each figure of it (minutes without data have their own)
            const unit = keys.find((k) => k.key === r.key)?.unit;
            const inUnit = (label: string, f: NumberField) =>
              unit && f !== 'minutes' ? `${label}, ${unitWords(unit, locale)}` : label;
            const box = (f: NumberField) => (
              <label key={f} className="rule-field">
                {inUnit(
                  relative && (f === 'min' || f === 'max')
                    ? t(f === 'min' ? 'ruleMinRelative' : 'ruleMaxRelative')
                    : t(labelKey[f]),
                  f,
                )}
                <input
                  // text with the page's decimal mark («1,5»), read by parseNumber
                  inputMode="decimal"
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
                <label className="rule-field rule-id">
                  {t('ruleId')}
                  <input
                    value={r.id}
                    onChange={(e) => change(i, { id: e.target.value })}
                    aria-invalid={err('id') ? true : undefined}
                    data-testid={`rule-${i}-id`}
                  />
                  {err('id') && <span className="field-error">{err('id')}</span>}
                </label>
                <label className="rule-field">
                  {t('ruleKey')}
                  <select
                    value={r.key}
                    onChange={(e) => change(i, { key: e.target.value })}
                    aria-invalid={err('key') ? true : undefined}
                    data-testid={`rule-${i}-key`}
                  >
                    {keys.map((k) => (
                      <option key={k.key} value={k.key}>
                        {keyWords(k, locale)}
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
                {offerRelative && (
                  <label className="rule-field rule-check" title={t('ruleRelativeHint')}>
                    <input
                      type="checkbox"
                      checked={relative}
                      onChange={(e) =>
                        change(i, { relativeTo: e.target.checked ? 'target' : undefined })
                      }
                      aria-invalid={err('relativeTo') ? true : undefined}
                      data-testid={`rule-${i}-relative`}
                    />
                    {t('ruleRelative')}
                    {err('relativeTo') && <span className="field-error">{err('relativeTo')}</span>}
                  </label>
                )}
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
                    onClick={() => {
                      // the marks are by row number: the rows after it move up
                      setProblems({});
                      setRows((rs) => rs.filter((_, j) => j !== i));
                    }}
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
                onClick={() => setRows((rs) => [...rs, newRow(rs, keys[0]?.key ?? '')])}
                data-testid="rule-add"
              >
                {t('ruleAdd')}
              </button>
              <button
                type="button"
                className="btn btn-ghost"
                onClick={() => {
                  setProblems({});
                  setRows(set.data?.defaults.map((r) => toRow(r, false, mark)) ?? []);
                }}
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
