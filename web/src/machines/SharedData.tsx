// The grantee's side of sharing: the devices other organisations opened to this one (which
// readings, over which period, for what), and for a grant in force its latest values and its
// readings over a chosen period, charted, summed up and downloadable. Every read lands in the
// owner's read log, as the lead says.
import { lazy, Suspense, useState } from 'react';
import { clusterWallTime } from '../../../src/model/days.ts';
import { csvName, download, toCsv } from '../exchange/csv.ts';
import { intlLocale, useFormat, useLocale, useT } from '../i18n/index.ts';
import { registryApi } from '../registry/api.ts';
import { orgName } from '../registry/names.ts';
import { DataTable } from '../shell/DataTable.tsx';
import { Empty, ErrorState, Loading } from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { type DeviceProfile, type ListedGrant, machinesApi, readingName } from './api.ts';
import { Latest } from './DevicePanel.tsx';
import { machinesDict } from './dict.ts';
import {
  grantState,
  lastDaysOf,
  type SharedPeriod,
  sharedCsvRows,
  sharedPeriods,
} from './shared-grants.ts';

// uPlot stays out of the page until a grant's readings are opened
const ReadingCharts = lazy(() =>
  import('./PlantCharts.tsx').then((m) => ({ default: m.ReadingCharts })),
);

/**
 * What other organisations share with the reader's. Without any, nothing is said, unless
 * `emptyShown` (an observer's page, which has nothing else to show).
 */
export function SharedData({ emptyShown = false }: { emptyShown?: boolean }) {
  const t = useT(machinesDict);
  const fmt = useFormat();
  const { locale } = useLocale();
  const received = useResource(() => machinesApi.receivedGrants(), []);
  const organisations = useResource(() => registryApi.organisations(), []);
  const profiles = useResource(() => machinesApi.profiles(), []);
  const [openId, setOpenId] = useState<string | null>(null);
  // nothing shared with the organisation: the page says nothing about sharing
  if (received.data && received.data.length === 0)
    return emptyShown ? (
      <div data-testid="shared-none">
        <Empty title={t('sharedNone')}>{t('sharedNoneHint')}</Empty>
      </div>
    ) : null;
  const now = Date.now();
  const nameOf = (id: string) => {
    const o = organisations.data?.find((x) => x.id === id);
    return o ? orgName(o, locale) : t('someOrganisation');
  };
  const profileOf = (g: ListedGrant) => profiles.data?.find((p) => p.id === g.deviceProfileId);
  const keyLabel = (profile: DeviceProfile | undefined, key: string) =>
    readingName(profile, key, locale);
  const deviceName = (g: ListedGrant) => g.deviceName ?? t('unnamedDevice');
  const opened = received.data?.find((g) => g.id === openId && grantState(g, now) === 'active');
  return (
    <section className="subsection" data-testid="shared-data">
      <h2 className="subhead">{t('sharedTitle')}</h2>
      <p className="muted small">{t('sharedLead')}</p>
      {received.error || organisations.error || profiles.error ? (
        <ErrorState
          error={(received.error ?? organisations.error ?? profiles.error)!}
          onRetry={() => {
            received.reload();
            organisations.reload();
            profiles.reload();
          }}
        />
      ) : !received.data || !organisations.data || !profiles.data ? (
        // the owners and the readings by name, not by ids, from the first paint
        <Loading />
      ) : (
        <DataTable
          cards
          rows={received.data}
          rowKey={(g) => g.id}
          testId="shared-grants"
          columns={[
            {
              key: 'owner',
              header: t('colOwner'),
              cell: (g) => nameOf(g.ownerOrganisationId),
              sortValue: (g) => nameOf(g.ownerOrganisationId),
            },
            { key: 'device', header: t('colDevice'), cell: deviceName, sortValue: deviceName },
            {
              key: 'keys',
              header: t('colGrantKeys'),
              cell: (g) => g.keys.map((k) => keyLabel(profileOf(g), k)).join(', '),
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
              cell: (g) => {
                const state = grantState(g, now);
                return (
                  <span
                    className={`badge ${state === 'active' ? 'grant-active' : 'grant-revoked'}`}
                  >
                    {t(`shared:${state}`)}
                  </span>
                );
              },
              sortValue: (g) => grantState(g, now),
            },
            {
              key: 'open',
              header: <span className="visually-hidden">{t('sharedOpen')}</span>,
              cell: (g) =>
                grantState(g, now) === 'active' && (
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-expanded={openId === g.id}
                    data-testid={`shared-open-${g.id}`}
                    onClick={() => setOpenId(openId === g.id ? null : g.id)}
                  >
                    {openId === g.id ? t('closeDevice') : t('sharedOpen')}
                  </button>
                ),
            },
          ]}
        />
      )}
      {opened && (
        <SharedReadings
          grant={opened}
          title={t('sharedReadingsTitle', {
            device: deviceName(opened),
            organisation: nameOf(opened.ownerOrganisationId),
          })}
          profile={profileOf(opened)}
          keyLabel={(k) => keyLabel(profileOf(opened), k)}
        />
      )}
    </section>
  );
}

/**
 * A grant in force opened: the latest values, then each key over the chosen period, charted and
 * summed up.
 */
function SharedReadings({
  grant,
  title,
  profile,
  keyLabel,
}: {
  grant: ListedGrant;
  title: string;
  profile: DeviceProfile | undefined;
  keyLabel: (key: string) => string;
}) {
  const t = useT(machinesDict);
  const fmt = useFormat();
  const { locale } = useLocale();
  const [period, setPeriod] = useState<SharedPeriod>(sharedPeriods[0]);
  // the span is fixed when the period is chosen, so the file holds what the table sums up
  const [span, setSpan] = useState(() => lastDaysOf(grant, Date.now(), period.days));
  const series = useResource(
    () =>
      Promise.all(
        grant.keys.map((key) =>
          machinesApi.buckets(grant.deviceId, key, span.from, span.to, period.bucket),
        ),
      ),
    [grant.id, span.from, span.to, period.bucket],
  );
  const choose = (days: number) => {
    const next = sharedPeriods.find((p) => p.days === days) ?? sharedPeriods[0];
    setPeriod(next);
    setSpan(lastDaysOf(grant, Date.now(), next.days));
  };
  const minutes = period.bucket === '1m';
  const moment = (iso: string) => (period.days === 1 ? fmt.clock(iso) : fmt.dateTime(iso));
  const saveCsv = () =>
    download(
      csvName(`readings-${grant.deviceId}`, Date.now()),
      toCsv(
        sharedCsvRows(series.data ?? [], {
          time: t('csvTime'),
          reading: keyLabel,
          at: (ms) => clusterWallTime(ms).replace('T', ' '),
        }),
        locale,
      ),
    );
  const rows = (series.data ?? []).map((s) => {
    const values = s.points.flatMap((p) => (p.value === null ? [] : [p.value]));
    const n = values.length;
    return {
      key: s.key,
      unit: s.unit,
      n,
      min: n ? Math.min(...values) : null,
      mean: n ? values.reduce((a, v) => a + v, 0) / n : null,
      max: n ? Math.max(...values) : null,
    };
  });
  const value = (v: number | null, unit: string) =>
    v === null ? '—' : `${fmt.decimal(v, 3)} ${unit}`;
  return (
    <div className="device-panel" data-testid="shared-readings">
      <h3 className="subhead">{title}</h3>
      <Latest deviceId={grant.deviceId} profile={profile} />
      <div className="shared-period">
        <h4 className="subhead">
          {t(minutes ? 'sharedDayTitle' : 'sharedHoursTitle', {
            from: moment(span.from),
            to: moment(span.to),
          })}
        </h4>
        <label className="inline-label">
          {t('sharedPeriod')}{' '}
          <select
            value={period.days}
            onChange={(e) => choose(Number(e.target.value))}
            data-testid="shared-period"
          >
            {sharedPeriods.map((p) => (
              <option key={p.days} value={p.days}>
                {t(`sharedPeriod:${p.days}`)}
              </option>
            ))}
          </select>
        </label>
        {series.data && rows.some((r) => r.n > 0) && (
          <button
            type="button"
            className="btn btn-small"
            onClick={saveCsv}
            data-testid="shared-csv"
          >
            {t('sharedCsv')}
          </button>
        )}
      </div>
      {series.error ? (
        <ErrorState error={series.error} onRetry={series.reload} />
      ) : !series.data ? (
        <Loading />
      ) : rows.every((r) => r.n === 0) ? (
        <Empty title={t('sharedPeriodEmpty')} />
      ) : (
        <>
          <Suspense fallback={<Loading />}>
            <ReadingCharts
              locale={intlLocale(locale)}
              time={`${t('chartTime')} (${fmt.zone})`}
              readings={(series.data ?? []).map((s) => ({
                key: s.key,
                label: `${keyLabel(s.key)}, ${s.unit}`,
                ts: s.points.map((p) => Date.parse(p.ts) / 1000),
                values: s.points.map((p) => p.value),
              }))}
            />
          </Suspense>
          <DataTable
            cards
            rows={rows}
            rowKey={(r) => r.key}
            testId="shared-day"
            columns={[
              { key: 'key', header: t('colReading'), cell: (r) => keyLabel(r.key) },
              {
                key: 'n',
                header: t(minutes ? 'colMinutes' : 'colHours'),
                numeric: true,
                cell: (r) => fmt.integer(r.n),
                sortValue: (r) => r.n,
              },
              {
                key: 'min',
                // by the hour the table sums up hourly means, not single readings
                header: t(minutes ? 'colMin' : 'colMinHourly'),
                numeric: true,
                cell: (r) => value(r.min, r.unit),
              },
              {
                key: 'mean',
                header: t('colMean'),
                numeric: true,
                cell: (r) => value(r.mean, r.unit),
              },
              {
                key: 'max',
                header: t(minutes ? 'colMax' : 'colMaxHourly'),
                numeric: true,
                cell: (r) => value(r.max, r.unit),
              },
            ]}
          />
        </>
      )}
    </div>
  );
}
