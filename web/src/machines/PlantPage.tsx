// The Plant page: a site's preparation plant — KPIs over a period, live charts (throughput,
// ash, yield), alarms with acknowledge, the plant's description (an org admin's form), and
// the organisation's device registry.
import '../shell/zodJitless.ts'; // before any schema the page's imports build
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { intlLocale, localised, pluralForm, useFormat, useLocale, useT } from '../i18n/index.ts';
import { registryApi } from '../registry/api.ts';
import { ALARMS_CHANGED } from '../shell/AlarmIndicator.tsx';
import { ApiError } from '../shell/api.ts';
import { DataTable } from '../shell/DataTable.tsx';
import { shellDict } from '../shell/dict.ts';
import { isObserver, isOrgAdmin, useSession } from '../shell/session.tsx';
import { Empty, ErrorState, FormError, Loading, NeedLogin, PageHeader } from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { AlarmRules } from './AlarmRules.tsx';
import { type Alarm, type Kpis, machinesApi, type Plant } from './api.ts';
import { DeviceRegistry } from './DeviceRegistry.tsx';
import { machinesDict } from './dict.ts';
import type { ChartSeries } from './PlantCharts.tsx';
import { PlantForm } from './PlantForm.tsx';
import { liveness, withWindowEnds } from './plant-live.ts';
import { plantSites, runsCoalPlants } from './plant-sites.ts';
import { conditionWords, unitWords, withUnit } from './rule-form.ts';
import { SharedData } from './SharedData.tsx';

// uPlot loads with the first chart, not with the app (DESIGN: web budget)
const PlantCharts = lazy(() =>
  import('./PlantCharts.tsx').then((m) => ({ default: m.PlantCharts })),
);

const windows = { '8h': 8 * 60, '24h': 24 * 60, '7d': 7 * 24 * 60 } as const;
type WindowKey = keyof typeof windows;
const MINUTE = 60_000;

function Stat({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: string;
  hint?: string;
  testId?: string;
}) {
  return (
    <div className="stat card" data-testid={testId}>
      <span className="stat-label">{label}</span>
      <span className="stat-value">{value}</span>
      {hint && <span className="stat-hint">{hint}</span>}
    </div>
  );
}

function KpiCards({ k }: { k: Kpis }) {
  const t = useT(machinesDict);
  const fmt = useFormat();
  const num = (v: number | null, digits = 1) => (v === null ? t('noData') : fmt.decimal(v, digits));
  return (
    <div className="stats plant-stats" data-testid="plant-kpis">
      <Stat
        label={t('feed')}
        value={
          k.feedTonnes === null ? t('noData') : t('tonnes', { value: fmt.integer(k.feedTonnes) })
        }
        hint={`${t('product')}: ${k.productTonnes === null ? t('noData') : t('tonnes', { value: fmt.integer(k.productTonnes) })}`}
        testId="kpi-feed"
      />
      <Stat
        label={t('yield')}
        value={k.yieldPct === null ? t('noData') : `${num(k.yieldPct)} %`}
        testId="kpi-yield"
      />
      <Stat
        label={t('ash')}
        value={k.productAshPct === null ? t('noData') : `${num(k.productAshPct, 2)} %`}
        hint={
          k.ashTargetPct === null
            ? undefined
            : t('ashTarget', { target: fmt.decimal(k.ashTargetPct, 2) })
        }
        testId="kpi-ash"
      />
      <Stat
        label={t('downtime')}
        value={
          k.downtimeMinutes === null
            ? t('noData')
            : `${fmt.integer(k.downtimeMinutes)} ${fmt.locale === 'ru' ? 'мин' : 'min'}`
        }
        hint={
          k.stoppages === null
            ? undefined
            : t('downtimeHint', {
                stoppages: t(`stoppages:${pluralForm(k.stoppages, fmt.locale)}`, {
                  n: fmt.integer(k.stoppages),
                }),
                availability: num(k.availabilityPct),
              })
        }
        testId="kpi-downtime"
      />
      <Stat
        label={t('density')}
        value={
          k.densityMeanKgm3 === null
            ? t('noData')
            : t('kgm3', { value: fmt.integer(k.densityMeanKgm3) })
        }
        hint={
          k.densityMeanAbsDeviationKgm3 === null
            ? undefined
            : t('densityDev', { dev: num(k.densityMeanAbsDeviationKgm3) })
        }
        testId="kpi-density"
      />
      <Stat
        label={t('energy')}
        value={
          k.energyKWhPerTonne === null
            ? t('noData')
            : t('kWhPerT', { value: num(k.energyKWhPerTonne, 2) })
        }
        hint={k.energyKWh === null ? undefined : t('energyHint', { kWh: fmt.integer(k.energyKWh) })}
        testId="kpi-energy"
      />
    </div>
  );
}

function AlarmList({ siteId, tick }: { siteId: string; tick: number }) {
  const t = useT(machinesDict);
  const ts = useT(shellDict);
  const fmt = useFormat();
  const { locale } = useLocale();
  const profiles = useResource(() => machinesApi.profiles(), []);
  const keyOf = (a: Alarm) =>
    profiles.data?.find((p) => p.id === a.profileId)?.keys.find((x) => x.key === a.rule.key);
  // the reading by its name («Зольность Ad выше 11,5»), the key itself until the profiles come
  const keyName = (a: Alarm) => {
    const k = keyOf(a);
    return k ? localised(locale, k.label, k.labelEn) : a.rule.key;
  };
  // its unit after each number («Метан выше 1 %», «1,4 %»): a bare number on a methane alarm
  // is a risk; none until the profiles come
  const unit = (a: Alarm) => {
    const k = keyOf(a);
    return k ? unitWords(k.unit, locale) : '';
  };
  const phrase = {
    above: 'alarmAbove',
    below: 'alarmBelow',
    outside: 'alarmOutside',
    rate: 'alarmRate',
    silence: 'alarmSilence',
  } as const;
  const condition = (a: Alarm) =>
    conditionWords(
      a.rule,
      keyName(a),
      unit(a),
      (x) => fmt.decimal(x, 6),
      (p, v) => ts(phrase[p], v),
    );
  const alarms = useResource(() => machinesApi.alarms(siteId), [siteId, tick]);
  const [error, setError] = useState<ApiError | null>(null);
  const acknowledge = async (a: Alarm) => {
    setError(null);
    try {
      await machinesApi.acknowledge(a.id);
      alarms.reload();
      // the header's indicator counts it no more
      window.dispatchEvent(new Event(ALARMS_CHANGED));
    } catch (e) {
      if (e instanceof ApiError) setError(e);
      else throw e;
    }
  };
  const active = alarms.data?.filter((a) => a.status === 'active').length ?? 0;
  return (
    <section className="card" data-testid="plant-alarms">
      <h2 className="card-title">
        {t('alarms')}
        {active > 0 && (
          <span className="badge alarm-badge" role="status">
            {t('alarmsActive', { n: String(active) })}
          </span>
        )}
      </h2>
      <FormError error={error} />
      {alarms.error ? (
        <ErrorState error={alarms.error} onRetry={alarms.reload} />
      ) : !alarms.data ? (
        <Loading />
      ) : alarms.data.length === 0 ? (
        <Empty title={t('alarmsEmpty')} />
      ) : (
        <DataTable
          cards
          rows={alarms.data}
          rowKey={(a) => a.id}
          testId="alarms-table"
          columns={[
            {
              key: 'rule',
              header: t('colRule'),
              cell: (a) => (
                <span title={a.rule.id} data-testid="alarm-rule">
                  {condition(a)}
                </span>
              ),
              sortValue: (a) => a.rule.id,
            },
            {
              // a critical alarm (methane above 1 %) and a warning differ at a glance
              key: 'severity',
              header: t('colSeverity'),
              cell: (a) => (
                <span className={`badge severity-${a.rule.severity}`} data-testid="alarm-severity">
                  {t(`severity:${a.rule.severity}`)}
                </span>
              ),
              sortValue: (a) => (a.rule.severity === 'critical' ? 0 : 1),
            },
            {
              key: 'device',
              header: t('colDevice'),
              cell: (a) => a.deviceName ?? <span className="mono">{a.deviceId}</span>,
              sortValue: (a) => a.deviceName ?? a.deviceId,
            },
            {
              key: 'status',
              header: t('colStatus'),
              cell: (a) => (
                <span className={`badge alarm-${a.status}`} data-testid="alarm-status">
                  {t(`status:${a.status}`)}
                </span>
              ),
              sortValue: (a) => a.status,
            },
            {
              key: 'raised',
              header: t('colRaisedIn', { zone: fmt.zone }),
              className: 'nowrap',
              cell: (a) => fmt.clock(a.raisedAt),
              sortValue: (a) => a.raisedAt,
            },
            {
              key: 'value',
              header: t('colValue'),
              cell: (a) =>
                a.raisedValue === null ? (
                  t('noData')
                ) : (
                  <span data-testid="alarm-value">
                    {withUnit(fmt.decimal(a.raisedValue, 2), unit(a))}
                  </span>
                ),
              sortValue: (a) => a.raisedValue ?? -Infinity,
            },
            // no column of buttons when every alarm is acknowledged or cleared
            active > 0 && {
              key: 'actions',
              header: <span className="visually-hidden">{t('acknowledge')}</span>,
              className: 'actions',
              cell: (a) =>
                a.status === 'active' && (
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => acknowledge(a)}
                    data-testid="acknowledge"
                  >
                    {t('acknowledge')}
                  </button>
                ),
            },
          ]}
        />
      )}
    </section>
  );
}

/** Minute averages of the plant's belts and ash analyser, kept up to date by their live streams. */
function useChartData(plant: Plant, from: number, to: number, onLive: () => void) {
  const [data, setData] = useState<ChartSeries | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let live = true;
    const maps = {
      feed: new Map<number, number>(),
      product: new Map<number, number>(),
      ash: new Map<number, number>(),
    };
    const build = (): ChartSeries => {
      const ts = [
        ...new Set([...maps.feed.keys(), ...maps.product.keys(), ...maps.ash.keys()]),
      ].sort((a, b) => a - b);
      const at = (m: Map<number, number>, t: number) => m.get(t) ?? null;
      return {
        ts: ts.map((t) => t / 1000),
        feed: ts.map((t) => at(maps.feed, t)),
        product: ts.map((t) => at(maps.product, t)),
        ash: ts.map((t) => at(maps.ash, t)),
        yieldPct: ts.map((t) => {
          const f = maps.feed.get(t);
          const p = maps.product.get(t);
          return f && p !== undefined && f > 0 ? (p / f) * 100 : null;
        }),
      };
    };
    const sources = [
      { role: 'feed' as const, id: plant.feedDeviceId, key: 'throughput_tph' },
      { role: 'product' as const, id: plant.productDeviceId, key: 'throughput_tph' },
      ...(plant.ashDeviceId
        ? [{ role: 'ash' as const, id: plant.ashDeviceId, key: 'ash_pct' }]
        : []),
    ];
    const fromIso = new Date(from).toISOString();
    const toIso = new Date(to).toISOString();
    setError(null);
    Promise.all(sources.map((s) => machinesApi.minutes(s.id, s.key, fromIso, toIso))).then(
      (answers) => {
        if (!live) return;
        answers.forEach((a, i) => {
          for (const p of a.points)
            if (p.value !== null) maps[sources[i].role].set(Date.parse(p.ts), p.value);
        });
        setData(build());
      },
      (e: unknown) => {
        if (!live) return;
        if (e instanceof ApiError) setError(e);
        else throw e;
      },
    );
    // live: each stored message's latest value lands in its minute
    const streams = sources.map((s) => {
      const es = new EventSource(`/api/v1/devices/${encodeURIComponent(s.id)}/live`);
      es.addEventListener('values', (ev) => {
        const u = JSON.parse((ev as MessageEvent<string>).data) as {
          values: Array<{ key: string; ts: string; value: number }>;
        };
        for (const v of u.values)
          if (v.key === s.key)
            maps[s.role].set(Math.floor(Date.parse(v.ts) / MINUTE) * MINUTE, v.value);
        if (live) setData(build());
        onLive();
      });
      return es;
    });
    return () => {
      live = false;
      for (const es of streams) es.close();
    };
  }, [plant.feedDeviceId, plant.productDeviceId, plant.ashDeviceId, from, to, onLive]);
  return { data, error };
}

function PlantView({ plant, onEdit }: { plant: Plant; onEdit?: () => void }) {
  const t = useT(machinesDict);
  const { locale } = useLocale();
  const fmt = useFormat();
  const [win, setWin] = useState<WindowKey>('24h');
  const [alarmTick, setAlarmTick] = useState(0);
  const { from, to } = useMemo(() => {
    const end = Math.ceil(Date.now() / MINUTE) * MINUTE;
    return { from: end - windows[win] * MINUTE, to: end };
  }, [win]);
  const kpis = useResource(
    () => machinesApi.kpis(plant.siteId, new Date(from).toISOString(), new Date(to).toISOString()),
    [plant.siteId, from, to],
  );
  // alarms are read again at most every 5 s while live values arrive
  const onLive = useMemo(() => {
    let last = 0;
    return () => {
      if (Date.now() - last < 5000) return;
      last = Date.now();
      setAlarmTick((n) => n + 1);
    };
  }, []);
  const charts = useChartData(plant, from, to, onLive);
  // the clock the charts' axis and badge read: a device gone quiet shows without a new value
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const shown = useMemo(
    () => charts.data && withWindowEnds(charts.data, from, now),
    [charts.data, from, now],
  );
  const state = charts.data ? liveness(charts.data, now) : null;
  return (
    <>
      <div className="plant-toolbar">
        <label className="inline-label">
          {t('window')}{' '}
          <select
            value={win}
            onChange={(e) => setWin(e.target.value as WindowKey)}
            data-testid="plant-window"
          >
            {(Object.keys(windows) as WindowKey[]).map((w) => (
              <option key={w} value={w}>
                {t(`window:${w}`)}
              </option>
            ))}
          </select>
        </label>
        {onEdit && (
          <button type="button" className="btn btn-small" onClick={onEdit} data-testid="plant-edit">
            {t('editPlant')}
          </button>
        )}
      </div>
      {kpis.error ? (
        <ErrorState error={kpis.error} onRetry={kpis.reload} />
      ) : !kpis.data ? (
        <Loading />
      ) : (
        <KpiCards k={kpis.data} />
      )}
      <AlarmList siteId={plant.siteId} tick={alarmTick} />
      <section className="card">
        <h2 className="card-title">
          {t('charts')}{' '}
          {state?.live ? (
            <span className="badge live-badge" data-testid="charts-state">
              {t('live')}
            </span>
          ) : (
            state?.since != null && (
              <span className="badge quiet-badge" data-testid="charts-state">
                {t('quietSince', { time: fmt.dateTime(new Date(state.since).toISOString()) })}
              </span>
            )
          )}
        </h2>
        {charts.error ? (
          <ErrorState error={charts.error} />
        ) : !charts.data || !shown ? (
          <Loading />
        ) : charts.data.ts.length === 0 ? (
          <Empty title={t('noData')} />
        ) : (
          <Suspense fallback={<Loading />}>
            <PlantCharts
              data={shown}
              locale={intlLocale(locale)}
              labels={{
                throughput: t('chartThroughput'),
                ash: t('chartAsh'),
                yield: t('chartYield'),
                feed: t('feed'),
                product: t('product'),
                time: `${t('chartTime')} (${fmt.zone})`,
              }}
            />
          </Suspense>
        )}
      </section>
    </>
  );
}

/** While a site shows no plant, the list is read again this often: one described elsewhere shows up. */
const RECHECK_MS = 30_000;

/** Whom a user without the right asks to describe the plant: the organisation's active admins. */
function WhoCanDescribe({ organisationId }: { organisationId: string }) {
  const t = useT(machinesDict);
  const users = useResource(() => machinesApi.users(organisationId), [organisationId]);
  const admins = (users.data ?? []).filter((u) => u.role === 'org_admin' && u.status === 'active');
  // no list (still loading, or refused): the role alone says who
  if (admins.length === 0) return <>{t('whoCanDescribeAny')}</>;
  return (
    <>
      {t('whoCanDescribe', {
        admins: admins.map((u) => `${u.name} (${u.email})`).join(', '),
      })}
    </>
  );
}

export function PlantPage() {
  const t = useT(machinesDict);
  const { user } = useSession();
  // an observer's page reads only what is shared with it (below): nothing of its own to load
  const organisationId = isObserver(user) ? null : (user?.organisationId ?? null);
  const admin = isOrgAdmin(user);
  const sites = useResource(organisationId ? () => machinesApi.sites(organisationId) : null, [
    organisationId,
  ]);
  // the plants described at the organisation's sites, in one call
  const plants = useResource(organisationId ? () => machinesApi.plants(organisationId) : null, [
    organisationId,
  ]);
  const devices = useResource(organisationId ? () => machinesApi.devices(organisationId) : null, [
    organisationId,
  ]);
  const organisation = useResource(
    organisationId ? () => registryApi.organisation(organisationId) : null,
    [organisationId],
  );
  const [siteId, setSiteId] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  // the sites named in the page's language, wherever the page names one
  const { locale } = useLocale();
  const named = useMemo(
    () => sites.data?.map((s) => ({ ...s, name: localised(locale, s.name, s.nameEn) })),
    [sites.data, locale],
  );
  // the sites where a plant may stand, and any with one described (not a dump or a pond)
  const offered = useMemo(
    () => (named && plants.data ? plantSites(named, plants.data) : null),
    [named, plants.data],
  );
  const chosen = siteId ?? plants.data?.[0]?.siteId ?? offered?.[0]?.id ?? null;
  const site = offered?.find((s) => s.id === chosen) ?? null;
  const plant = plants.data?.find((p) => p.siteId === chosen) ?? null;
  const missing = Boolean(site && plants.data && !plant);
  const reloadPlants = plants.reload;
  useEffect(() => {
    if (!missing) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') reloadPlants();
    }, RECHECK_MS);
    return () => clearInterval(timer);
  }, [missing, reloadPlants]);
  if (user === undefined) return <Loading />;
  if (!user) return <NeedLogin />;
  // an observer (a ministry) runs no plant and no devices: it reads what members share with it
  if (isObserver(user))
    return (
      <>
        <PageHeader title={t('title')} lead={t('observerLead')} />
        <SharedData emptyShown />
      </>
    );
  // a coal miner's or preparer's page opens with the plant's form; another's waits to be asked
  const coal = runsCoalPlants(organisation.data?.kind);
  const formShown = editing || (!plant && coal);
  const described = () => {
    setEditing(false);
    setSaved(true);
    plants.reload();
  };
  return (
    <>
      <PageHeader
        title={t('title')}
        lead={t('lead')}
        actions={
          offered && offered.length > 0 ? (
            <label className="inline-label">
              {t('site')}{' '}
              <select
                value={chosen ?? ''}
                onChange={(e) => {
                  setSiteId(e.target.value);
                  setEditing(false);
                  setSaved(false);
                }}
                data-testid="plant-site"
              >
                {offered.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
          ) : undefined
        }
      />
      {sites.error ? (
        <ErrorState error={sites.error} onRetry={sites.reload} />
      ) : plants.error ? (
        <ErrorState error={plants.error} onRetry={plants.reload} />
      ) : !sites.data || !plants.data || (!organisation.data && !organisation.error) ? (
        <Loading />
      ) : !site ? (
        <div data-testid="plant-no-sites" className="page-state">
          <Empty title={t('noPlantSites')}>{t('noPlantSitesHint')}</Empty>
        </div>
      ) : (
        <>
          {saved && !editing && (
            <p className="alert alert-success" role="status" data-testid="plant-saved">
              {t('plantSaved')}
            </p>
          )}
          {!plant && (
            <div className="page-state">
              <Empty title={t('noPlant', { site: site.name })}>
                {admin && coal ? (
                  t('noPlantAdmin')
                ) : admin ? (
                  <>
                    {t('noPlantOther')}{' '}
                    {!editing && (
                      <button
                        type="button"
                        className="btn btn-small"
                        onClick={() => {
                          setEditing(true);
                          setSaved(false);
                        }}
                        data-testid="plant-describe"
                      >
                        {t('describePlant')}
                      </button>
                    )}
                  </>
                ) : (
                  <>
                    {t('noPlantWait')} <WhoCanDescribe organisationId={user.organisationId ?? ''} />
                  </>
                )}
              </Empty>
            </div>
          )}
          {admin &&
            formShown &&
            (devices.error ? (
              <ErrorState error={devices.error} onRetry={devices.reload} />
            ) : !devices.data ? (
              <Loading />
            ) : (
              <PlantForm
                // a new form for each site (not the plant's key: siblings' keys must differ)
                key={`form:${site.id}`}
                site={site}
                plant={plant}
                devices={devices.data}
                onSaved={described}
                onCancel={plant || !coal ? () => setEditing(false) : undefined}
              />
            ))}
          {plant && (
            <PlantView
              key={plant.siteId}
              plant={plant}
              onEdit={
                admin && !editing
                  ? () => {
                      setEditing(true);
                      setSaved(false);
                    }
                  : undefined
              }
            />
          )}
        </>
      )}
      {organisationId && <SharedData />}
      {/* devices and their rules are not only a plant's (a power station's weighbridge, a
          mine's methane sensor): any site of the organisation takes them; with none, they are
          shown, not offered to change */}
      {/* rules matter to whom has devices or may add them: an organisation without any (a
          ministry, a university) is not shown three rules it can neither use nor change */}
      {organisationId && (admin || (devices.data?.length ?? 0) > 0) && (
        <AlarmRules hasSites={named ? named.length > 0 : null} />
      )}
      {named && (
        <DeviceRegistry
          sites={named}
          devices={devices}
          siteId={chosen}
          hasSites={named.length > 0}
        />
      )}
    </>
  );
}
