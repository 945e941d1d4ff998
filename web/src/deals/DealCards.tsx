// The deal page's cards read from the server: the transaction costs (digital vs territorial,
// with the formula), the ledger lines as posted, and the weighbridges linked to the deal.
import { type FormEvent, useState } from 'react';
import { type Locale, localised, useFormat, useLocale, useT } from '../i18n/index.ts';
import { registryApi } from '../registry/api.ts';
import type { ApiError } from '../shell/api.ts';
import { isOperator, useSession } from '../shell/session.tsx';
import {
  ErrorState,
  Field,
  FormError,
  Loading,
  TableScroll,
  useProblemText,
} from '../shell/ui.tsx';
import { type Resource, useResource } from '../shell/useResource.ts';
import { useSubmission } from '../shell/useSubmission.ts';
import {
  type DealCost,
  type DealDevice,
  type DealLedger,
  type DealView,
  type DeviceView,
  dealsApi,
} from './api.ts';
import { useMoney, useOrgNames } from './bits.tsx';
import { cardsDict } from './cardsDict.ts';
import { dealsDict } from './dict.ts';

/** A refusal the reader should understand (403, 409) as a muted note; others as errors. */
function Refusal({ error, reload }: { error: ApiError; reload: () => void }) {
  const text = useProblemText();
  if (error.status === 403 || error.status === 409)
    return (
      <p className="muted" data-testid="card-refused">
        {text(error)}
      </p>
    );
  return <ErrorState error={error} onRetry={reload} />;
}

export function CostCard({ costs }: { costs: Resource<DealCost> }) {
  const t = useT(cardsDict);
  const f = useFormat();
  const money = useMoney();
  const { locale } = useLocale();
  const c = costs.data;
  const siteName = useSiteNames(c, locale);
  const h = (n: number) => t('hours', { n: f.decimal(n, 1) });
  const km = (n: number) => t('kmValue', { n: f.decimal(n, 0) });
  const kg = (n: number) => t('kg', { n: f.decimal(n, 1) });
  const rows = c && [
    {
      key: 'elapsed',
      label: t('elapsed'),
      digital: c.digital.elapsedHours === null ? t('notAgreed') : h(c.digital.elapsedHours),
      territorial: '',
      saved: '',
    },
    {
      key: 'messages',
      label: t('messages'),
      digital: f.integer(c.digital.messages),
      territorial: '',
      saved: '',
    },
    {
      key: 'transitions',
      label: t('transitions'),
      digital: f.integer(c.digital.transitions),
      territorial: '',
      saved: '',
    },
    {
      key: 'meetings',
      label: t('meetings'),
      digital: '',
      territorial: f.decimal(c.territorial.meetings, 1),
      saved: '',
    },
    {
      key: 'hours',
      label: t('staffHours'),
      digital: h(c.digital.hours),
      territorial: h(c.territorial.hours),
      saved: h(c.saved.hours),
    },
    {
      key: 'km',
      label: t('km'),
      digital: km(c.digital.km),
      territorial: km(c.territorial.km),
      saved: km(c.saved.km),
    },
    {
      key: 'roubles',
      label: t('roubles'),
      digital: money.amount(c.digital.kopecks),
      territorial: money.amount(c.territorial.kopecks),
      saved: money.amount(c.saved.kopecks),
    },
    {
      key: 'co2',
      label: t('co2'),
      digital: kg(c.digital.co2Kg),
      territorial: kg(c.territorial.co2Kg),
      saved: kg(c.saved.co2Kg),
    },
  ];
  return (
    <section className="card stack" data-testid="deal-costs">
      <h2 className="card-title">
        {t('costs')} <span className="badge">{t('estimate')}</span>
      </h2>
      <p className="muted small">{t('costsLead')}</p>
      {costs.error ? (
        <Refusal error={costs.error} reload={costs.reload} />
      ) : !c || !rows ? (
        <Loading />
      ) : (
        <>
          <TableScroll>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col" />
                  <th scope="col" className="num">
                    {t('digital')}
                  </th>
                  <th scope="col" className="num">
                    {t('territorial')}
                  </th>
                  <th scope="col" className="num">
                    {t('saved')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key} data-testid="cost-row">
                    <td>{r.label}</td>
                    <td className="num nowrap">{r.digital}</td>
                    <td className="num nowrap">{r.territorial}</td>
                    <td className="num nowrap" data-testid={`saved-${r.key}`}>
                      {r.saved}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <p className="muted small">
            {t('meetings')}:{' '}
            {t('meetingsByStage', {
              firstContact: f.decimal(c.territorial.meetingsByStage.firstContact, 1),
              negotiation: f.decimal(c.territorial.meetingsByStage.negotiation, 1),
              contractSigning: f.decimal(c.territorial.meetingsByStage.contractSigning, 1),
              deliveryAcceptance: f.decimal(c.territorial.meetingsByStage.deliveryAcceptance, 1),
            })}
            . {t('road')}: {km(c.territorial.roadKm)}.{' '}
            {t('sites', {
              provider: siteName(c.sites.provider),
              consumer: siteName(c.sites.consumer),
            })}
          </p>
          <details className="deal-formula">
            <summary>{t('formula')}</summary>
            <p className="small" data-testid="cost-formula">
              {c.formula[locale]}
            </p>
          </details>
        </>
      )}
    </section>
  );
}

/**
 * The parties' sites named in the page's language: the costs give a site's Russian name, the
 * registry its English one (`nameEn`), read for an English page only; the Russian name until
 * it comes, or when a site has none.
 */
function useSiteNames(c: DealCost | undefined, locale: Locale) {
  const wanted = c && locale === 'en' ? [c.providerId, c.consumerId] : null;
  const sites = useResource(
    wanted ? () => Promise.all(wanted.map((id) => registryApi.organisationSites(id))) : null,
    [wanted?.join(' ')],
  );
  const en = new Map((sites.data ?? []).flat().map((s) => [s.id, s.nameEn] as const));
  return (s: { siteId: string; name: string }) => localised(locale, s.name, en.get(s.siteId));
}

/** The deal's ledger lines as the server posted them (a party: its own; the operator: both). */
export function LedgerCard({
  ledger,
  order,
}: {
  ledger: Resource<DealLedger>;
  /** delivery id → its number in recording order (the deliveries table's №) */
  order: Map<string, number>;
}) {
  const t = useT(cardsDict);
  const dt = useT(dealsDict);
  const f = useFormat();
  const money = useMoney();
  const names = useOrgNames();
  const l = ledger.data;
  const both = l?.scope === 'deal';
  return (
    <section className="card stack" data-testid="deal-ledger">
      <h2 className="card-title">{t('ledger')}</h2>
      <p className="muted small">
        {t('ledgerLead')} {l && (both ? t('ledgerScopeAll') : t('ledgerScopeOwn'))}
      </p>
      {ledger.error ? (
        <Refusal error={ledger.error} reload={ledger.reload} />
      ) : !l ? (
        <Loading />
      ) : l.lines.length === 0 ? (
        <p className="muted">{t('ledgerEmpty')}</p>
      ) : (
        <TableScroll>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('postedOn')}</th>
                <th scope="col">{t('delivery')}</th>
                {both && <th scope="col">{t('organisation')}</th>}
                <th scope="col">{t('account')}</th>
                <th scope="col" className="num">
                  {t('debit')}
                </th>
                <th scope="col" className="num">
                  {t('credit')}
                </th>
              </tr>
            </thead>
            <tbody>
              {l.lines.map((x) => (
                <tr
                  key={`${x.deliveryId}-${x.line}`}
                  data-testid="ledger-line"
                  data-delivery={x.deliveryId}
                >
                  <td className="nowrap">{f.date(x.postedOn)}</td>
                  <td className="nowrap" title={x.deliveryId}>
                    {order.has(x.deliveryId)
                      ? `${t('order')} ${order.get(x.deliveryId)}`
                      : x.deliveryId}
                  </td>
                  {both && <td>{names.name(x.organisationId)}</td>}
                  <td>{dt(`account:${x.account}`)}</td>
                  <td className="num">{x.debit ? money.amount(x.debit) : ''}</td>
                  <td className="num">{x.credit ? money.amount(x.credit) : ''}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th colSpan={both ? 4 : 3}>{t('total')}</th>
                <th className="num" data-testid="ledger-debit">
                  {money.amount(l.totalDebit)}
                </th>
                <th className="num" data-testid="ledger-credit">
                  {money.amount(l.totalCredit)}
                </th>
              </tr>
            </tfoot>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

/** Weighbridges linked to the deal: the list (revoked links too), link one, unlink. */
export function WeighbridgeCard({
  v,
  links,
  onChange,
}: {
  v: DealView;
  links: Resource<DealDevice[]>;
  onChange: () => void;
}) {
  const t = useT(cardsDict);
  const dt = useT(dealsDict);
  const f = useFormat();
  const { user } = useSession();
  const names = useOrgNames();
  const d = v.deal;
  const admin = user?.role === 'org_admin' && v.yourSide !== null;
  // the admin's own organisation's weighbridges: the devices it may link
  const devices = useResource(admin ? dealsApi.ownDevices : null, [admin]);
  const own: DeviceView[] | null = devices.data
    ? devices.data.filter((x) => x.profileId === 'weighbridge')
    : devices.error
      ? []
      : null;
  const submission = useSubmission();
  const [deviceId, setDeviceId] = useState('');
  const list = links.data ?? [];
  const inForce = list.filter((l) => l.revokedAt === null);
  const deviceName = (id: string) => own?.find((x) => x.id === id)?.name ?? id;
  const closed = d.state === 'completed' || d.state === 'terminated';
  const free = (own ?? []).filter((x) => !inForce.some((l) => l.deviceId === x.id));
  const canUnlink = (l: DealDevice) =>
    l.revokedAt === null &&
    (isOperator(user) || (user?.role === 'org_admin' && user.organisationId === l.organisationId));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!deviceId) return;
    void submission.run(async () => {
      await dealsApi.link(d.id, deviceId);
      setDeviceId('');
      onChange();
    });
  };
  const unlink = (l: DealDevice) =>
    void submission.run(async () => {
      await dealsApi.unlink(d.id, l.id);
      onChange();
    });
  const blocked = closed
    ? t('closedDeal')
    : d.unit !== 't'
      ? t('notTonnes')
      : inForce.length > 0
        ? t('oneAtATime')
        : null;
  return (
    <section className="card stack" data-testid="deal-weighbridges">
      <h2 className="card-title">{t('weighbridges')}</h2>
      <p className="muted small">{t('weighbridgesLead')}</p>
      <FormError error={submission.error} />
      {links.error ? (
        <ErrorState error={links.error} onRetry={links.reload} />
      ) : !links.data ? (
        <Loading />
      ) : list.length === 0 ? (
        <p className="muted" data-testid="weighbridges-empty">
          {t('weighbridgesEmpty')}
        </p>
      ) : (
        <TableScroll>
          <table className="table table-cards">
            <thead>
              <tr>
                <th scope="col">{t('device')}</th>
                <th scope="col">{t('side')}</th>
                <th scope="col">{t('linkedAtIn', { zone: f.zone })}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {list.map((l) => (
                <tr
                  key={l.id}
                  data-testid="weighbridge-row"
                  data-device={l.deviceId}
                  data-in-force={l.revokedAt === null}
                >
                  <td data-label={t('device')} title={l.deviceId}>
                    {deviceName(l.deviceId)}
                  </td>
                  <td data-label={t('side')}>
                    {dt(`side:${l.side}`)} · {names.name(l.organisationId)}
                  </td>
                  <td data-label={t('linkedAtIn', { zone: f.zone })} className="nowrap">
                    {f.clock(l.linkedAt)}
                  </td>
                  <td data-label={t('status')}>
                    {l.revokedAt === null ? (
                      <span className="badge deal-state-active">{t('inForce')}</span>
                    ) : (
                      t('revoked', { at: f.dateTime(l.revokedAt) })
                    )}
                  </td>
                  <td>
                    {canUnlink(l) && (
                      <button
                        type="button"
                        className="btn btn-small"
                        disabled={submission.busy}
                        onClick={() => unlink(l)}
                        data-testid="unlink-weighbridge"
                      >
                        {t('unlink')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {v.yourSide !== null &&
        (!admin ? (
          <p className="muted small">{t('adminOnly')}</p>
        ) : blocked ? (
          <p className="muted small" data-testid="link-blocked">
            {blocked}
          </p>
        ) : own === null ? (
          <Loading />
        ) : free.length === 0 ? (
          <p className="muted small" data-testid="no-own-weighbridges">
            {t('noOwnWeighbridges')}
          </p>
        ) : (
          <form className="deal-toolbar" onSubmit={submit} data-testid="link-weighbridge-form">
            <Field label={t('chooseDevice')}>
              {(p) => (
                <select
                  {...p}
                  name="deviceId"
                  value={deviceId}
                  onChange={(e) => setDeviceId(e.target.value)}
                >
                  <option value="">{t('choose')}</option>
                  {free.map((x) => (
                    <option key={x.id} value={x.id}>
                      {x.name ?? x.id}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <button
              type="submit"
              className="btn btn-primary"
              disabled={submission.busy || !deviceId}
              data-testid="link-weighbridge"
            >
              {t('link')}
            </button>
          </form>
        ))}
    </section>
  );
}
