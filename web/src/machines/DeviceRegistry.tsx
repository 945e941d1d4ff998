// The organisation's devices: registered with a token shown once, their tokens rotated (org
// admin); one opened shows its readings, refused messages, name and data grants (DevicePanel).
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { DEVICE_NAME_MAX } from '../../../src/machines/limits.ts';
import { localised, useFormat, useLocale, useT } from '../i18n/index.ts';
import { ApiError } from '../shell/api.ts';
import { DataTable } from '../shell/DataTable.tsx';
import { isOrgAdmin, useSession } from '../shell/session.tsx';
import {
  ConfirmButton,
  CopyBox,
  Empty,
  ErrorState,
  Field,
  FormError,
  Loading,
  SubmitRow,
} from '../shell/ui.tsx';
import { type Resource, useResource } from '../shell/useResource.ts';
import { useSubmission } from '../shell/useSubmission.ts';
import { type Device, machinesApi } from './api.ts';
import { DevicePanel } from './DevicePanel.tsx';
import { machinesDict } from './dict.ts';

export function DeviceRegistry({
  sites,
  devices,
  siteId: pageSite,
  hasSites,
}: {
  sites: ReadonlyArray<{ id: string; name: string }>;
  /** the site the page shows: a new device goes there unless another is chosen */
  siteId?: string | null;
  /** the organisation's devices, which the page's plant form offers too */
  devices: Resource<Device[]>;
  /** whether the organisation has a site (devices are added at one); null: not known yet */
  hasSites: boolean | null;
}) {
  const t = useT(machinesDict);
  const fmt = useFormat();
  const { locale } = useLocale();
  const { user } = useSession();
  const admin = isOrgAdmin(user);
  const profiles = useResource(() => machinesApi.profiles(), []);
  const [siteId, setSiteId] = useState(pageSite ?? sites[0]?.id ?? '');
  useEffect(() => {
    if (pageSite) setSiteId(pageSite);
  }, [pageSite]);
  const [profileId, setProfileId] = useState('belt-scale');
  const [name, setName] = useState('');
  const { busy, error, setError, run } = useSubmission();
  const [token, setToken] = useState<{ id: string; name: string; token: string } | null>(null);
  // the token is shown once, above the table: bring it into view (on a phone the form that
  // asked for it is a screen or more below)
  const tokenBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!token) return;
    tokenBox.current?.scrollIntoView({ block: 'center' });
    tokenBox.current?.focus({ preventScroll: true });
  }, [token]);
  const [opened, setOpened] = useState<string | null>(null);
  const openedDevice = devices.data?.find((d) => d.id === opened);
  const fields = error?.fieldErrors() ?? {};
  const profileName = (id: string) => {
    const p = profiles.data?.find((x) => x.id === id);
    return p ? localised(locale, p.name, p.nameEn) : id;
  };

  // the API takes unnamed devices (scripts), but a person names what alarms will show
  const [nameMissing, setNameMissing] = useState(false);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    setNameMissing(!name.trim());
    if (!name.trim()) return;
    await run(async () => {
      const d = await machinesApi.createDevice({
        siteId,
        profileId,
        name: name.trim() || undefined,
      });
      setToken({ id: d.id, name: d.name ?? d.id, token: d.token });
      setName('');
      devices.reload();
    });
  };
  const rotate = async (d: Device) => {
    setError(null);
    try {
      const r = await machinesApi.rotateToken(d.id);
      setToken({ id: r.id, name: r.name ?? r.id, token: r.token });
      devices.reload();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    }
  };

  return (
    <section className="card" data-testid="device-registry">
      <h2 className="card-title">{t('devices')}</h2>
      {token && (
        <div
          className="alert alert-warning once"
          data-testid="device-token"
          ref={tokenBox}
          tabIndex={-1}
          role="status"
        >
          <strong>{t('tokenTitle', { name: token.name })}</strong>
          <CopyBox value={token.token} />
          <span>{t('tokenWarning')}</span>
          <span className="muted" data-testid="device-token-connect">
            {t('tokenConnect', {
              id: token.id,
              topic: `digicluster/${token.id}/telemetry`,
            })}
          </span>
        </div>
      )}
      <FormError
        error={error}
        placed={(f) => f === 'siteId' || f === 'profileId' || f === 'name'}
      />
      {devices.error ? (
        <ErrorState error={devices.error} onRetry={devices.reload} />
      ) : !devices.data ? (
        <Loading />
      ) : devices.data.length === 0 ? (
        <Empty title={t('devicesEmpty')} />
      ) : (
        <DataTable
          cards
          rows={devices.data}
          rowKey={(d) => d.id}
          testId="devices-table"
          // by name, as people look for a device (its id is random: a new one would land mid-list)
          initialSort={{ key: 'name', direction: 'ascending' }}
          columns={[
            {
              key: 'name',
              header: t('colName'),
              cell: (d) => d.name ?? '—',
              sortValue: (d) => d.name ?? '',
            },
            {
              key: 'id',
              header: 'ID',
              // an id is copied whole: no break at its hyphen
              className: 'mono nowrap',
              cell: (d) => d.id,
              sortValue: (d) => d.id,
            },
            {
              key: 'profile',
              header: t('colProfile'),
              cell: (d) => profileName(d.profileId),
              sortValue: (d) => d.profileId,
            },
            {
              key: 'site',
              header: t('site'),
              cell: (d) => sites.find((s) => s.id === d.siteId)?.name ?? d.siteId,
              sortValue: (d) => d.siteId,
            },
            {
              key: 'token',
              header: t('colTokenIn', { zone: fmt.zone }),
              className: 'nowrap',
              cell: (d) => fmt.clock(d.tokenIssuedAt),
              sortValue: (d) => d.tokenIssuedAt,
            },
            {
              key: 'actions',
              header: <span className="visually-hidden">{t('rotate')}</span>,
              className: 'actions',
              cell: (d) => (
                <span className="row-actions">
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-expanded={opened === d.id}
                    onClick={() => setOpened(opened === d.id ? null : d.id)}
                    data-testid="open-device"
                  >
                    {t('openDevice')}
                  </button>
                  {admin && (
                    <ConfirmButton
                      className="btn btn-small"
                      label={t('rotate')}
                      question={t('rotateConfirm', { name: d.name ?? d.id })}
                      confirmLabel={t('rotateYes')}
                      onConfirm={() => rotate(d)}
                      testId="rotate-token"
                    />
                  )}
                </span>
              ),
            },
          ]}
        />
      )}
      {openedDevice && (
        <DevicePanel
          key={openedDevice.id}
          device={openedDevice}
          profile={profiles.data?.find((p) => p.id === openedDevice.profileId)}
          admin={admin}
          onChanged={devices.reload}
          onClose={() => setOpened(null)}
        />
      )}
      {!admin ? (
        <p className="muted">{t('onlyAdmin')}</p>
      ) : hasSites === false ? (
        <p className="muted" data-testid="devices-no-plant-site">
          {t('devicesNoPlantSite')}
        </p>
      ) : (
        hasSites && (
          <form className="inline-form" onSubmit={add} noValidate>
            <Field label={t('site')} error={fields.siteId}>
              {(p) => (
                <select {...p} value={siteId} onChange={(e) => setSiteId(e.target.value)}>
                  {sites.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('profile')} error={fields.profileId}>
              {(p) => (
                <select {...p} value={profileId} onChange={(e) => setProfileId(e.target.value)}>
                  {(profiles.data ?? []).map((x) => (
                    <option key={x.id} value={x.id}>
                      {localised(locale, x.name, x.nameEn)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              label={t('name')}
              error={fields.name ?? (nameMissing ? t('nameNeeded') : undefined)}
            >
              {(p) => (
                <input
                  {...p}
                  name="deviceName"
                  maxLength={DEVICE_NAME_MAX}
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                />
              )}
            </Field>
            <SubmitRow busy={busy} inline>
              {t('add')}
            </SubmitRow>
          </form>
        )
      )}
    </section>
  );
}
