// One device opened from the registry: its name (an admin renames it), its latest readings and
// refused messages, and whom its data is shared with (an admin grants chosen keys for a period
// and a purpose, revokes a grant at once, and reads who read what under it).
import { type FormEvent, useState } from 'react';
import { DEVICE_NAME_MAX, GRANT_PURPOSE_MAX } from '../../../src/machines/limits.ts';
import {
  clusterDay,
  fromClusterWallTime,
  localised,
  useFormat,
  useLocale,
  useT,
} from '../i18n/index.ts';
import { registryApi } from '../registry/api.ts';
import { orgName } from '../registry/names.ts';
import { DataTable } from '../shell/DataTable.tsx';
import {
  ConfirmButton,
  Empty,
  ErrorState,
  Field,
  FormError,
  Loading,
  SubmitRow,
} from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { useSubmission } from '../shell/useSubmission.ts';
import {
  type Device,
  type DeviceProfile,
  type Grant,
  type GrantUsage,
  machinesApi,
  readingName,
} from './api.ts';
import { machinesDict } from './dict.ts';

export function DevicePanel({
  device,
  profile,
  admin,
  onChanged,
  onClose,
}: {
  device: Device;
  profile: DeviceProfile | undefined;
  admin: boolean;
  /** the device's record changed (a new name): the registry reads it again */
  onChanged: () => void;
  onClose: () => void;
}) {
  const t = useT(machinesDict);
  const refused = Object.values(device.rejections).reduce((a, b) => a + b, 0);
  return (
    <section
      className="subsection device-panel"
      data-testid="device-panel"
      aria-label={device.name ?? device.id}
    >
      <div className="device-panel-head">
        <h3 className="subhead">{t('deviceTitle', { name: device.name ?? device.id })}</h3>
        <button type="button" className="btn btn-small" onClick={onClose}>
          {t('closeDevice')}
        </button>
      </div>
      {admin && <Rename device={device} onRenamed={onChanged} />}
      <Latest deviceId={device.id} profile={profile} />
      <p
        className="muted small"
        data-testid="device-refused"
        title={Object.keys(device.rejections).join(', ')}
      >
        {t('refusedMessages', { n: refused })}
      </p>
      <Grants device={device} profile={profile} admin={admin} />
    </section>
  );
}

function Rename({ device, onRenamed }: { device: Device; onRenamed: () => void }) {
  const t = useT(machinesDict);
  const [name, setName] = useState(device.name ?? '');
  const [missing, setMissing] = useState(false);
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useSubmission();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    setMissing(!name.trim());
    if (!name.trim()) return;
    await run(async () => {
      await machinesApi.renameDevice(device.id, name.trim());
      setSaved(true);
      onRenamed();
    });
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate data-testid="device-rename">
      <FormError error={error} placed={(f) => f === 'name'} />
      <Field
        label={t('name')}
        error={error?.fieldErrors().name ?? (missing ? t('nameNeeded') : undefined)}
      >
        {(p) => (
          <input
            {...p}
            name="deviceRename"
            maxLength={DEVICE_NAME_MAX}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setSaved(false);
            }}
          />
        )}
      </Field>
      <SubmitRow busy={busy} inline>
        {t('renameDevice')}
      </SubmitRow>
      {saved && (
        <span className="muted small" role="status">
          {t('renamed')}
        </span>
      )}
    </form>
  );
}

/** A device's latest value of each key (a grantee's: of the keys and times granted to it). */
export function Latest({
  deviceId,
  profile,
}: {
  deviceId: string;
  profile: DeviceProfile | undefined;
}) {
  const t = useT(machinesDict);
  const fmt = useFormat();
  const { locale } = useLocale();
  const latest = useResource(() => machinesApi.latest(deviceId), [deviceId]);
  const label = (key: string) => readingName(profile, key, locale);
  if (latest.error) return <ErrorState error={latest.error} onRetry={latest.reload} />;
  if (!latest.data) return <Loading />;
  if (latest.data.length === 0) return <Empty title={t('noReadings')} />;
  return (
    <DataTable
      cards
      rows={latest.data}
      rowKey={(v) => v.key}
      testId="device-latest"
      columns={[
        {
          key: 'key',
          header: t('colReading'),
          cell: (v) => label(v.key),
          sortValue: (v) => label(v.key),
        },
        {
          key: 'value',
          header: t('colValue'),
          numeric: true,
          cell: (v) => `${fmt.decimal(v.value, 3)} ${v.unit}`,
          sortValue: (v) => v.value,
        },
        {
          key: 'ts',
          header: t('colReadAt', { zone: fmt.zone }),
          className: 'nowrap',
          cell: (v) => fmt.clock(v.ts),
          sortValue: (v) => v.ts,
        },
      ]}
    />
  );
}

/** The reads made under one grant, newest first: when, by which organisation, what and how much. */
function GrantUsageLog({
  grant,
  granteeName,
  nameOf,
  keyLabel,
}: {
  grant: Grant;
  granteeName: string;
  nameOf: (id: string) => string;
  keyLabel: (key: string) => string;
}) {
  const t = useT(machinesDict);
  const fmt = useFormat();
  const usage = useResource(() => machinesApi.grantUsage(grant.id), [grant.id]);
  const range = (u: GrantUsage) =>
    u.from && u.to ? `${fmt.clock(u.from)} — ${fmt.clock(u.to)}` : '—';
  return (
    <section className="grant-usage" data-testid="grant-usage">
      <h5 className="subhead">{t('grantUsageTitle', { organisation: granteeName })}</h5>
      {usage.error ? (
        <ErrorState error={usage.error} onRetry={usage.reload} />
      ) : !usage.data ? (
        <Loading />
      ) : usage.data.length === 0 ? (
        <Empty title={t('grantUsageEmpty')} />
      ) : (
        <DataTable
          cards
          rows={usage.data}
          rowKey={(u) => u.id}
          testId="grant-usage-table"
          columns={[
            {
              key: 'at',
              header: t('colUsageAt', { zone: fmt.zone }),
              cell: (u) => fmt.clock(u.at),
              sortValue: (u) => u.at,
            },
            {
              key: 'reader',
              header: t('colGrantee'),
              cell: (u) => nameOf(u.readerOrganisationId),
            },
            { key: 'key', header: t('colReading'), cell: (u) => keyLabel(u.key) },
            {
              key: 'read',
              header: t('colUsageRead'),
              cell: (u) => t(u.read === 'latest' ? 'usageLatest' : 'usageTelemetry'),
            },
            { key: 'range', header: t('colUsageRange', { zone: fmt.zone }), cell: range },
            {
              key: 'points',
              header: t('colUsagePoints'),
              className: 'num',
              cell: (u) => fmt.integer(u.points),
              sortValue: (u) => u.points,
            },
          ]}
        />
      )}
    </section>
  );
}

/** A year from the day: a grant's default period. */
const yearAfter = (day: string) => `${Number(day.slice(0, 4)) + 1}${day.slice(4)}`;

function Grants({
  device,
  profile,
  admin,
}: {
  device: Device;
  profile: DeviceProfile | undefined;
  admin: boolean;
}) {
  const t = useT(machinesDict);
  const fmt = useFormat();
  const { locale } = useLocale();
  const grants = useResource(() => machinesApi.deviceGrants(device.id), [device.id]);
  const organisations = useResource(() => registryApi.organisations(), []);
  const nameOf = (id: string) => {
    const o = organisations.data?.find((x) => x.id === id);
    return o ? orgName(o, locale) : id;
  };
  const keyLabel = (key: string) => readingName(profile, key, locale);
  const revoke = useSubmission();
  const [logOf, setLogOf] = useState<Grant | null>(null);
  const status = (g: Grant) => (g.revokedAt ? t('grantRevoked') : t('grantActive'));
  return (
    <div className="device-grants" data-testid="device-grants">
      <h4 className="subhead">{t('grantsTitle')}</h4>
      <p className="muted small">{t('grantsLead')}</p>
      <FormError error={revoke.error} />
      {grants.error ? (
        <ErrorState error={grants.error} onRetry={grants.reload} />
      ) : !grants.data ? (
        <Loading />
      ) : grants.data.length === 0 ? (
        <Empty title={t('grantsEmpty')} />
      ) : (
        <DataTable
          cards
          rows={grants.data}
          rowKey={(g) => g.id}
          testId="grants-table"
          columns={[
            {
              key: 'grantee',
              header: t('colGrantee'),
              cell: (g) => nameOf(g.granteeOrganisationId),
              sortValue: (g) => nameOf(g.granteeOrganisationId),
            },
            {
              key: 'keys',
              header: t('colGrantKeys'),
              cell: (g) => g.keys.map(keyLabel).join(', '),
            },
            {
              key: 'period',
              header: t('colGrantPeriod', { zone: fmt.zone }),
              cell: (g) => `${fmt.clock(g.from)} — ${fmt.clock(g.to)}`,
              sortValue: (g) => g.from,
            },
            { key: 'purpose', header: t('colPurpose'), cell: (g) => g.purpose },
            {
              key: 'status',
              header: t('colStatus'),
              cell: (g) => (
                <span className={`badge ${g.revokedAt ? 'grant-revoked' : 'grant-active'}`}>
                  {status(g)}
                </span>
              ),
              sortValue: status,
            },
            {
              key: 'usage',
              header: <span className="visually-hidden">{t('grantUsage')}</span>,
              cell: (g) => (
                <button
                  type="button"
                  className="btn btn-small"
                  aria-expanded={logOf?.id === g.id}
                  data-testid={`usage-${g.granteeOrganisationId}`}
                  onClick={() => setLogOf(logOf?.id === g.id ? null : g)}
                >
                  {t('grantUsage')}
                </button>
              ),
            },
            admin && {
              key: 'actions',
              header: <span className="visually-hidden">{t('revokeGrant')}</span>,
              className: 'actions',
              cell: (g) =>
                !g.revokedAt && (
                  <ConfirmButton
                    className="btn btn-small"
                    label={t('revokeGrant')}
                    question={t('revokeGrantQuestion', {
                      organisation: nameOf(g.granteeOrganisationId),
                    })}
                    confirmLabel={t('revokeGrantYes')}
                    disabled={revoke.busy}
                    testId={`revoke-${g.granteeOrganisationId}`}
                    onConfirm={() =>
                      revoke.run(async () => {
                        await machinesApi.revokeGrant(g.id);
                        grants.reload();
                      })
                    }
                  />
                ),
            },
          ]}
        />
      )}
      {logOf && (
        <GrantUsageLog
          grant={logOf}
          granteeName={nameOf(logOf.granteeOrganisationId)}
          nameOf={nameOf}
          keyLabel={keyLabel}
        />
      )}
      {admin && profile && (
        <GrantForm
          device={device}
          profile={profile}
          organisations={(organisations.data ?? []).filter((o) => o.id !== device.organisationId)}
          onGranted={grants.reload}
        />
      )}
    </div>
  );
}

function GrantForm({
  device,
  profile,
  organisations,
  onGranted,
}: {
  device: Device;
  profile: DeviceProfile;
  organisations: ReadonlyArray<{ id: string; name: string; nameEn?: string }>;
  onGranted: () => void;
}) {
  const t = useT(machinesDict);
  const { locale } = useLocale();
  const today = clusterDay(Date.now());
  const [organisationId, setOrganisationId] = useState('');
  const [keys, setKeys] = useState<string[]>(profile.keys.map((k) => k.key));
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(yearAfter(today));
  const [purpose, setPurpose] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const { busy, error, run } = useSubmission();
  const fields = { ...(error?.fieldErrors() ?? {}), ...local };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!organisationId) problems.organisationId = t('grantNeedsOrganisation');
    if (keys.length === 0) problems.keys = t('grantNeedsKeys');
    if (!from) problems.from = t('grantNeedsDay');
    if (!to) problems.to = t('grantNeedsDay');
    else if (from && to <= from) problems.to = t('grantToAfterFrom');
    if (!purpose.trim()) problems.purpose = t('grantNeedsPurpose');
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    await run(async () => {
      await machinesApi.grant(device.id, {
        organisationId,
        keys,
        // whole days of the cluster: from its midnight to the midnight after the last day
        from: fromClusterWallTime(`${from}T00:00`) ?? from,
        to: fromClusterWallTime(`${to}T00:00`) ?? to,
        purpose: purpose.trim(),
      });
      setPurpose('');
      onGranted();
    });
  };
  return (
    <form className="form grant-form" onSubmit={submit} noValidate data-testid="grant-form">
      <h4 className="subhead">{t('grantTitle')}</h4>
      <FormError
        error={error}
        placed={(f) => ['organisationId', 'keys', 'from', 'to', 'purpose'].includes(f)}
      />
      <Field label={t('grantee')} error={fields.organisationId}>
        {(p) => (
          <select
            {...p}
            name="grantee"
            value={organisationId}
            onChange={(e) => setOrganisationId(e.target.value)}
          >
            <option value="">{t('chooseOrganisation')}</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {orgName(o, locale)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="grant-keys" aria-invalid={Boolean(fields.keys)}>
        <legend>{t('colGrantKeys')}</legend>
        {profile.keys.map((k) => (
          <label key={k.key} className="check">
            <input
              type="checkbox"
              name={`key-${k.key}`}
              checked={keys.includes(k.key)}
              onChange={(e) =>
                setKeys((now) =>
                  e.target.checked ? [...now, k.key] : now.filter((x) => x !== k.key),
                )
              }
            />
            {localised(locale, k.label, k.labelEn)}
          </label>
        ))}
        {fields.keys && <span className="field-error">{fields.keys}</span>}
      </fieldset>
      <div className="grant-days">
        <Field label={t('grantFrom')} error={fields.from}>
          {(p) => (
            <input
              {...p}
              type="date"
              name="grantFrom"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('grantTo')} error={fields.to}>
          {(p) => (
            <input
              {...p}
              type="date"
              name="grantTo"
              value={to}
              onChange={(e) => setTo(e.target.value)}
            />
          )}
        </Field>
      </div>
      <Field label={t('colPurpose')} error={fields.purpose}>
        {(p) => (
          <input
            {...p}
            name="purpose"
            maxLength={GRANT_PURPOSE_MAX}
            value={purpose}
            onChange={(e) => setPurpose(e.target.value)}
          />
        )}
      </Field>
      <SubmitRow busy={busy}>{t('grantSubmit')}</SubmitRow>
    </form>
  );
}
