// One deal: its parties and current terms, the timeline of its transitions, the moves the caller
// may make now, the message thread, the transaction costs, the deliveries in recording order with
// their flags and source, the form that records one, the linked weighbridges, and the ledger
// lines the declared deliveries posted (read from the server, as posted).
import { type FormEvent, useRef, useState } from 'react';
import { earliestLotDay } from '../../../src/deals/limits.ts';
import { listingLimits } from '../../../src/exchange/limits.ts';
import { latestDay } from '../../../src/model/days.ts';
import { download, toCsv } from '../exchange/csv.ts';
import { useExchangeLabels } from '../exchange/labels.ts';
import { useTaxonomy } from '../exchange/taxonomy.ts';
import {
  clusterDay,
  decimalMarkOf,
  useDecimalMarkSwitch,
  useFormat,
  useLocale,
  useT,
} from '../i18n/index.ts';
import { useLabels } from '../registry/labels.ts';
import { parseNumber, withDecimalMark, withDecimalMarks } from '../shell/numbers.ts';
import { href } from '../shell/router.ts';
import { isObserver, useSession } from '../shell/session.tsx';
import {
  ConfirmButton,
  ErrorState,
  FormError,
  InClusterZone,
  Loading,
  NeedLogin,
  TableScroll,
} from '../shell/ui.tsx';
import { useUnsavedForm } from '../shell/unsaved.ts';
import { useResource } from '../shell/useResource.ts';
import { useSubmission } from '../shell/useSubmission.ts';
import {
  type DealAction,
  type DealMessage,
  type DealView,
  type Delivery,
  type DeliveryMethod,
  dealsApi,
  deliveryMethods,
} from './api.ts';
import { StateBadge, useMoney, useOrgNames } from './bits.tsx';
import { cardsDict } from './cardsDict.ts';
import { deliveriesCsvRows } from './csv.ts';
import { CostCard, LedgerCard, WeighbridgeCard } from './DealCards.tsx';
import { dealsDict } from './dict.ts';
import { propertyResolver, qualityPlaceholder, shownProgress, vatRegimeChange } from './figures.ts';
import { LicencesCard } from './LicencesCard.tsx';
import {
  parseTerms,
  type QualityProblem,
  readQuality,
  type TermsBad,
  type TermsText,
} from './parse.ts';
import { TermsFields, termsErrors, termsNumberBoxes, termsPlaced, termsText } from './terms.tsx';
import './deal.css';
import { stepNote } from './turn.ts';

export function DealPage({ id }: { id: string }) {
  const t = useT(dealsDict);
  const { user } = useSession();
  const names = useOrgNames();
  const tax = useTaxonomy();
  const { locale } = useLocale();
  // the licence checks come worded in the UI's language: read again when it changes
  const view = useResource(user ? () => dealsApi.deal(id) : null, [id, Boolean(user), locale]);
  const messages = useResource(user ? () => dealsApi.messages(id) : null, [id, Boolean(user)]);
  const deliveries = useResource(user ? () => dealsApi.deliveries(id) : null, [id, Boolean(user)]);
  const costs = useResource(user ? () => dealsApi.costs(id) : null, [id, Boolean(user)]);
  const ledger = useResource(user ? () => dealsApi.ledger(id) : null, [id, Boolean(user)]);
  const links = useResource(user ? () => dealsApi.devices(id) : null, [id, Boolean(user)]);
  if (user === undefined) return <Loading />;
  if (user === null) return <NeedLogin />;
  if (view.error)
    return (
      <ErrorState
        error={view.error}
        onRetry={view.reload}
        back={{ href: href('deals'), label: t('back') }}
      />
    );
  if (!view.data) return <Loading />;
  const v = view.data;
  const d = v.deal;
  const reloadAll = () => {
    view.reload();
    messages.reload();
    deliveries.reload();
    costs.reload();
    ledger.reload();
    links.reload();
  };
  const order = recordingOrder(deliveries.data);
  return (
    <>
      <p>
        <a href={href('deals')} className="back-link">
          {t('back')}
        </a>
      </p>
      <div className="page-header">
        <div>
          <h1 data-testid="deal-title">
            {t('dealTitle', { material: tax.data?.materialName(d.material) ?? d.material })}
          </h1>
          <div className="tags">
            <StateBadge state={d.state} />
            <span className="badge" data-testid="your-side">
              {v.yourSide ? t('youAre', { side: t(`side:${v.yourSide}`) }) : t('operatorView')}
            </span>
          </div>
        </div>
      </div>
      <div className="grid-2 deal-grid">
        <div className="stack">
          <Terms
            v={v}
            provider={names.name(d.providerId)}
            consumer={names.name(d.consumerId)}
            lots={deliveries.data ?? []}
          />
          <Timeline v={v} />
        </div>
        <div className="stack">
          <Actions v={v} onDone={reloadAll} />
          <Thread
            dealId={id}
            messages={messages.data}
            error={messages.error}
            reload={messages.reload}
            onPosted={() => {
              messages.reload();
              // a message is a contact: the transaction costs count it
              costs.reload();
            }}
            canPost={v.yourSide !== null}
            orgName={names.name}
          />
        </div>
      </div>
      <LicencesCard licences={v.licences} />
      <CostCard costs={costs} />
      <Deliveries
        v={v}
        list={deliveries.data}
        order={order}
        error={deliveries.error}
        reload={deliveries.reload}
      />
      {v.yourSide && d.state === 'active' && <DeliveryForm v={v} onDone={reloadAll} />}
      <WeighbridgeCard v={v} links={links} onChange={reloadAll} />
      <LedgerCard ledger={ledger} order={order} />
    </>
  );
}

function Terms({
  v,
  provider,
  consumer,
  lots,
}: {
  v: DealView;
  provider: string;
  consumer: string;
  lots: readonly Delivery[];
}) {
  const t = useT(dealsDict);
  const f = useFormat();
  const x = useExchangeLabels();
  const money = useMoney();
  const tax = useTaxonomy();
  const labels = useLabels();
  const d = v.deal;
  const vatChange = vatRegimeChange(d.priceKopecksPerUnit, v.vatRegimes, lots);
  const p = v.progress;
  const quality = Object.entries(d.quality);
  // a deal opened from an agreed match carries the plan's valuation until a side names a price
  // (the opening itself is recorded as a move with terms, from no state)
  const fromPlan =
    d.matchId !== null && !v.transitions.some((s) => s.from !== null && withTerms.has(s.action));
  /** a bound of a property with the property's unit: «≤ 45 %» */
  const measured = (k: string, n: number) =>
    x.withPropertyUnit(f.decimal(n), tax.data?.property(k)?.unit);
  // delivered and remaining read together add up to the contract
  const shown = shownProgress(p.contracted, p.delivered);
  return (
    <section className="card stack" data-testid="deal-terms">
      <h2 className="card-title">{t('terms')}</h2>
      <dl className="deal-facts">
        <dt>{t('provider')}</dt>
        <dd data-testid="deal-provider">{provider}</dd>
        <dt>{t('consumer')}</dt>
        <dd data-testid="deal-consumer">{consumer}</dd>
        {d.listingId !== null && (
          <>
            <dt>{t('basis')}</dt>
            <dd data-testid="deal-listing">
              <a href={href('marketplace', d.listingId)}>{t('basisListing')}</a>
            </dd>
          </>
        )}
        <dt>{t('quantity')}</dt>
        {/* as contracted, all its decimals: the progress below counts against this figure */}
        <dd data-testid="deal-quantity">{x.enteredQuantity(d.quantity, d.unit)}</dd>
        <dt>{t('price')}</dt>
        <dd data-testid="deal-price">
          {money.price(d.priceKopecksPerUnit, d.unit)}
          {fromPlan && (
            <div className="muted small" data-testid="deal-price-origin">
              {t('priceFromPlan')}
            </div>
          )}
        </dd>
        <dt>{t('vatRegimes')}</dt>
        <dd data-testid="deal-vat-regimes">
          {(['provider', 'consumer'] as const).map((side) => (
            <div key={side} data-testid="deal-vat-regime">
              {t('sideNamed', {
                side: t(`side:${side}`),
                name: labels.vatRegime(v.vatRegimes[side]),
              })}
            </div>
          ))}
          {vatChange && (
            <div className="muted small" data-testid="deal-vat-changed">
              {t('vatRegimeChanged', {
                from: labels.vatRegime(vatChange.from),
                to: labels.vatRegime(vatChange.to),
              })}
            </div>
          )}
        </dd>
        <dt>{t('schedule')}</dt>
        <dd>
          {f.date(d.schedule.from)} — {f.date(d.schedule.to)}
        </dd>
        <dt>{t('transport')}</dt>
        <dd>
          {t('transportPaidBy', {
            mode: x.mode(d.transport.mode),
            side: t(`side:${d.transport.paidBy}`),
          })}
          {d.transportKopecksPerUnit > 0 &&
            `; ${x.kopecksPerUnit(d.transportKopecksPerUnit, d.unit)} ${t('exVat')}`}
        </dd>
        <dt>{t('tolerance')}</dt>
        <dd>{f.decimal(d.tolerancePct)}&nbsp;%</dd>
        {d.fkko !== null && (
          <>
            <dt>{t('wastePurpose')}</dt>
            <dd data-testid="deal-waste-purpose">
              {t(`purpose:${d.wastePurpose ?? 'utilisation'}`)}
            </dd>
          </>
        )}
        <dt>{t('quality')}</dt>
        <dd>
          {quality.length === 0
            ? t('qualityNone')
            : quality
                .map(
                  ([k, b]) =>
                    `${tax.data?.propertyName(k) ?? k}: ${b.min !== undefined ? `≥ ${measured(k, b.min)}` : ''}${b.min !== undefined && b.max !== undefined ? ', ' : ''}${b.max !== undefined ? `≤ ${measured(k, b.max)}` : ''}`,
                )
                .join('; ')}
        </dd>
        <dt>{t('progress')}</dt>
        <dd data-testid="deal-progress">
          {t('progressText', {
            delivered: x.enteredQuantity(shown.delivered, p.unit),
            contracted: x.enteredQuantity(p.contracted, p.unit),
            remaining: x.enteredQuantity(shown.remaining, p.unit),
          })}
        </dd>
      </dl>
    </section>
  );
}

function Timeline({ v }: { v: DealView }) {
  const t = useT(dealsDict);
  const f = useFormat();
  return (
    <section className="card stack" data-testid="deal-timeline">
      <h2 className="card-title">
        {t('timeline')} <InClusterZone />
      </h2>
      <ol className="deal-timeline">
        {v.transitions.map((s) => (
          <li key={s.version} data-testid="deal-transition">
            <strong>{s.from === null ? t('opened') : t(`action:${s.action}`)}</strong>
            {s.side && <span className="muted"> · {t(`side:${s.side}`)}</span>} →{' '}
            {t(`state:${s.to}`)}
            <div className="muted small">{f.clock(s.at)}</div>
          </li>
        ))}
      </ol>
    </section>
  );
}

const withTerms: ReadonlySet<DealAction> = new Set(['offer', 'counter']);

function Actions({ v, onDone }: { v: DealView; onDone: () => void }) {
  const t = useT(dealsDict);
  const { user } = useSession();
  const { locale } = useLocale();
  const submission = useSubmission();
  const box = useRef<HTMLElement>(null);
  const settle = useUnsavedForm(box);
  const [message, setMessage] = useState('');
  const [terms, setTerms] = useState<TermsText>(() => termsText(v.deal, decimalMarkOf(locale)));
  useDecimalMarkSwitch((mark) => setTerms((t) => withDecimalMarks(t, termsNumberBoxes, mark)));
  const [bad, setBad] = useState<TermsBad>(new Map());
  const open = v.deal.turn !== null;
  const x = useExchangeLabels();
  /** The question before a deal closes for good, with what it leaves undelivered. */
  const finalQuestion = (a: 'complete' | 'terminate') => {
    const shown = shownProgress(v.progress.contracted, v.progress.delivered);
    return t(`confirm:${a}`, {
      delivered: x.enteredQuantity(shown.delivered, v.progress.unit),
      contracted: x.enteredQuantity(v.progress.contracted, v.progress.unit),
      remaining: x.enteredQuantity(shown.remaining, v.progress.unit),
    });
  };
  const act = (action: DealAction) => {
    let body: Parameters<typeof dealsApi.transition>[1] = {
      action,
      expectedVersion: v.deal.version,
      ...(message.trim() ? { message: message.trim() } : {}),
    };
    if (withTerms.has(action)) {
      const parsed = parseTerms(terms);
      setBad(parsed.bad);
      if (parsed.bad.size) return;
      body = { ...body, terms: parsed.terms };
    }
    void submission.run(async () => {
      await dealsApi.transition(v.deal.id, body);
      setMessage('');
      settle();
      onDone();
    });
  };
  const termsAllowed = v.allowed.some((a) => withTerms.has(a));
  const note = stepNote(v.deal, v.yourSide, isObserver(user));
  return (
    <section ref={box} className="card stack" data-testid="deal-actions">
      <h2 className="card-title">{t('actions')}</h2>
      <FormError error={submission.error} placed={termsPlaced} />
      {!open ? (
        <p className="muted">{t('closedDeal')}</p>
      ) : (
        <>
          {note && (
            <p className="muted" data-testid={note === 'noActions' ? 'not-your-turn' : 'deal-next'}>
              {t(note)}
            </p>
          )}
          {termsAllowed && (
            <details className="deal-terms-edit">
              <summary>{t('termsChange')}</summary>
              <TermsFields
                value={terms}
                onChange={setTerms}
                bad={bad}
                errors={termsErrors(submission.error?.fieldErrors() ?? {})}
                materialUnit={v.deal.unit}
                waste={v.deal.fkko !== null}
              />
            </details>
          )}
          {v.allowed.length > 0 && (
            <>
              <label className="field">
                <span>{t('actionMessage')}</span>
                <textarea
                  name="actionMessage"
                  rows={2}
                  maxLength={4000}
                  value={message}
                  onChange={(e) => setMessage(e.target.value)}
                />
              </label>
              <div className="deal-actions">
                {v.allowed.map((a) =>
                  // completing or terminating closes the deal for good: asked first, with
                  // what is still undelivered
                  a === 'complete' || a === 'terminate' ? (
                    <ConfirmButton
                      key={a}
                      className={`btn${a === 'terminate' ? ' btn-danger' : ' btn-primary'}`}
                      label={t(`action:${a}`)}
                      question={finalQuestion(a)}
                      disabled={submission.busy}
                      onConfirm={() => act(a)}
                      testId={`action-${a}`}
                    />
                  ) : (
                    <button
                      key={a}
                      type="button"
                      className="btn btn-primary"
                      disabled={submission.busy}
                      onClick={() => act(a)}
                      data-testid={`action-${a}`}
                    >
                      {t(`action:${a}`)}
                    </button>
                  ),
                )}
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}

function Thread({
  dealId,
  messages,
  error,
  reload,
  onPosted,
  canPost,
  orgName,
}: {
  dealId: string;
  messages: DealMessage[] | undefined;
  error: ReturnType<typeof useResource>['error'];
  reload: () => void;
  onPosted: () => void;
  canPost: boolean;
  orgName: (id: string | null) => string;
}) {
  const t = useT(dealsDict);
  const f = useFormat();
  const submission = useSubmission();
  const form = useRef<HTMLFormElement>(null);
  const settle = useUnsavedForm(form);
  const [text, setText] = useState('');
  // an empty message is not sent: the box says why rather than the button doing nothing
  const [empty, setEmpty] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setEmpty(!text.trim());
    if (!text.trim()) return;
    void submission.run(async () => {
      await dealsApi.post(dealId, text.trim());
      setText('');
      settle();
      onPosted();
    });
  };
  return (
    <section className="card stack" data-testid="deal-messages">
      <h2 className="card-title">
        {t('messages')} <InClusterZone />
      </h2>
      {error ? (
        <ErrorState error={error} onRetry={reload} />
      ) : !messages ? (
        <Loading />
      ) : messages.length === 0 ? (
        <p className="muted">{t('messagesEmpty')}</p>
      ) : (
        <ol className="deal-thread">
          {messages.map((m) => (
            <li key={m.id} data-testid="deal-message">
              <div className="muted small">
                {m.author === 'system'
                  ? t('platform')
                  : m.organisationId
                    ? orgName(m.organisationId)
                    : t('operator')}{' '}
                · <span className="nowrap">{f.clock(m.postedAt)}</span>
              </div>
              <p className="deal-text">{m.text}</p>
              {m.attachments.length > 0 && (
                <ul className="deal-attachments muted small">
                  {m.attachments.map((a) => (
                    <li key={a.sha256} title={a.sha256}>
                      📎 {a.name} · {f.integer(Math.ceil(a.sizeBytes / 1024))} KB
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
      {canPost && (
        <form ref={form} className="stack deal-post" onSubmit={submit}>
          <FormError error={submission.error} />
          <label className={`field${empty ? ' field-invalid' : ''}`}>
            <span>{t('message')}</span>
            <textarea
              name="message"
              rows={3}
              maxLength={4000}
              value={text}
              aria-invalid={empty || undefined}
              onChange={(e) => {
                setText(e.target.value);
                if (e.target.value.trim()) setEmpty(false);
              }}
            />
            {empty && <span className="field-error">{t('messageEmpty')}</span>}
          </label>
          <div className="form-actions">
            <button
              type="submit"
              className="btn"
              disabled={submission.busy}
              data-testid="send-message"
            >
              {t('send')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function Flags({ d }: { d: Delivery }) {
  const t = useT(dealsDict);
  const tax = useTaxonomy();
  return (
    <div className="tags">
      {d.beyondContract && (
        <span className="badge deal-flag" data-testid="flag-beyond">
          {t('beyondContract')}
        </span>
      )}
      {d.outOfSpec.length > 0 && (
        <span className="badge deal-flag" data-testid="flag-spec">
          {t('outOfSpec', {
            params: d.outOfSpec.map((p) => tax.data?.propertyName(p) ?? p).join(', '),
          })}
        </span>
      )}
      {d.mismatch && (
        <span className="badge deal-flag" data-testid="flag-mismatch">
          {t('mismatch')}
        </span>
      )}
    </div>
  );
}

/**
 * Delivery id → its number in the order the deliveries were recorded (1 = first): by the time
 * recorded, ties (one import, one millisecond) in the server's order.
 */
function recordingOrder(list: Delivery[] | undefined): Map<string, number> {
  const ranked = (list ?? [])
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.recordedAt.localeCompare(b.d.recordedAt) || a.i - b.i);
  return new Map(ranked.map((x, n) => [x.d.id, n + 1]));
}

function Deliveries({
  v,
  list,
  order,
  error,
  reload,
}: {
  v: DealView;
  list: Delivery[] | undefined;
  order: Map<string, number>;
  error: ReturnType<typeof useResource>['error'];
  reload: () => void;
}) {
  const t = useT(dealsDict);
  const c = useT(cardsDict);
  const f = useFormat();
  const x = useExchangeLabels();
  const money = useMoney();
  const tax = useTaxonomy();
  const names = useOrgNames();
  const { locale } = useLocale();
  // a gate fee: the supplier pays (negative on the server); shown as the sums it pays, as the
  // ledger posts them (expense of the supplier, income of the consumer), under the fee's name
  const gateFee = v.deal.priceKopecksPerUnit < 0;
  const paid = (kopecks: number) => money.amount(gateFee ? -kopecks : kopecks);
  const sorted = [...(list ?? [])].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const hasConfirmations = sorted.some((d) => d.confirms);
  return (
    <section className="card stack" data-testid="deal-deliveries">
      <h2 className="card-title">{t('deliveries')}</h2>
      {error ? (
        <ErrorState error={error} onRetry={reload} />
      ) : !list ? (
        <Loading />
      ) : list.length === 0 ? (
        <p className="muted">
          {t('deliveriesEmpty')}
          {v.deal.state !== 'active' && v.yourSide ? `. ${t('deliveryOnlyActive')}` : ''}
        </p>
      ) : (
        <TableScroll>
          <table className="table table-cards deal-deliveries-table">
            <thead>
              <tr>
                <th className="num" title={c('recorded')}>
                  {c('order')}
                </th>
                <th>{t('deliveredOn')}</th>
                <th className="num">{t('quantity')}</th>
                <th>{t('quality')}</th>
                <th>{t('method')}</th>
                <th>{c('source')}</th>
                <th>{t('declaredBy')}</th>
                <th className="num">{gateFee ? t('gateNet') : t('amount')}</th>
                <th className="num">{t('vat')}</th>
                <th className="num">{gateFee ? t('gateGross') : t('amountWithVat')}</th>
                <th>{t('flags')}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((d) => (
                <tr
                  key={d.id}
                  data-testid="delivery-row"
                  data-source={d.source}
                  data-order={order.get(d.id)}
                >
                  <td className="num" data-label={c('order')} title={f.dateTime(d.recordedAt)}>
                    {order.get(d.id)}
                  </td>
                  <td data-label={t('deliveredOn')} className="nowrap">
                    {f.date(d.deliveredOn)}
                  </td>
                  <td className="num" data-label={t('quantity')}>
                    {x.enteredQuantity(d.quantity, d.unit)}
                  </td>
                  <td data-label={t('quality')} className="deal-quality">
                    {Object.entries(d.quality)
                      .map(
                        ([k, n]) =>
                          `${tax.data?.propertyName(k) ?? k} ${x.withPropertyUnit(f.decimal(n), tax.data?.property(k)?.unit)}`,
                      )
                      // «Зольность 4,5 %; Влажность 0,6 %»: the comma is the decimal mark
                      .join('; ')}
                  </td>
                  <td data-label={t('method')}>{t(`method:${d.method}`)}</td>
                  <td data-label={c('source')} data-testid="delivery-source">
                    {c(`source:${d.source}`)}
                    {d.deviceId && <span className="muted small"> · {d.deviceId}</span>}
                  </td>
                  <td data-label={t('declaredBy')}>{t(`side:${d.declaredBy}`)}</td>
                  {d.confirms ? (
                    // the other side's word on a lot already counted: no money of its own
                    <>
                      <td
                        className="num"
                        data-label={gateFee ? t('gateNet') : t('amount')}
                        data-testid="delivery-net"
                      >
                        —
                        <div className="muted small nowrap" data-testid="delivery-confirms">
                          {t('confirmsLot', { n: order.get(d.confirms) ?? '?' })}
                        </div>
                      </td>
                      <td className="num" data-label={t('vat')} data-testid="delivery-vat">
                        —
                      </td>
                      <td
                        className="num"
                        data-label={gateFee ? t('gateGross') : t('amountWithVat')}
                        data-testid="delivery-gross"
                      >
                        —
                      </td>
                    </>
                  ) : (
                    <>
                      <td
                        className="num"
                        data-label={gateFee ? t('gateNet') : t('amount')}
                        data-testid="delivery-net"
                      >
                        {paid(d.amountKopecks)}
                      </td>
                      <td className="num" data-label={t('vat')} data-testid="delivery-vat">
                        {paid(d.vatKopecks)}
                        <div className="muted small" data-testid="delivery-vat-rate">
                          {d.vatExempt
                            ? t('noVat')
                            : t('vatRateShort', { rate: f.decimal(d.vatRatePct) })}
                        </div>
                      </td>
                      <td
                        className="num"
                        data-label={gateFee ? t('gateGross') : t('amountWithVat')}
                        data-testid="delivery-gross"
                      >
                        {paid(d.amountWithVatKopecks)}
                      </td>
                    </>
                  )}
                  <td data-label={t('flags')}>
                    <Flags d={d} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {list && list.length > 0 && <DeliveryTotals list={list} gateFee={gateFee} />}
      {list && list.length > 0 && gateFee && (
        <p className="muted small" data-testid="gate-fee-note">
          {t('gateFeeNote')}
        </p>
      )}
      {hasConfirmations && (
        <p className="muted small" data-testid="confirmations-note">
          {t('confirmationsNote')}
        </p>
      )}
      {list && list.length > 0 && (
        <p>
          <button
            type="button"
            className="btn btn-small"
            data-testid="deliveries-csv"
            onClick={() =>
              download(
                `deliveries-${v.deal.id}.csv`,
                toCsv(
                  deliveriesCsvRows(
                    sorted,
                    order,
                    {
                      number: t('csvNumber'),
                      date: t('csvDate'),
                      declaredBy: t('csvDeclaredBy'),
                      confirms: t('csvConfirms'),
                      quantity: t('csvQuantity'),
                      unit: t('csvUnit'),
                      net: gateFee ? t('csvGateNet') : t('csvNet'),
                      rate: t('csvRate'),
                      noVat: t('noVat'),
                      vat: t('csvVat'),
                      gross: gateFee ? t('csvGateGross') : t('csvGross'),
                      total: t('total'),
                      side: (d) =>
                        t('sideNamed', {
                          side: t(`side:${d.declaredBy}`),
                          name: names.name(
                            d.declaredBy === 'provider' ? v.deal.providerId : v.deal.consumerId,
                          ),
                        }),
                      unitName: x.unit,
                    },
                    { gateFee },
                  ),
                  locale,
                ),
              )
            }
          >
            {t('exportCsv')}
          </button>
        </p>
      )}
      <p className="muted small" data-testid="vat-basis">
        {t('vatBasis')}
      </p>
    </section>
  );
}

/**
 * The declared lots' sums (confirmations carry none): without VAT, VAT, with VAT (each the exact
 * sum of the rounded lots); a gate fee as the sums the supplier pays.
 */
function DeliveryTotals({ list, gateFee }: { list: Delivery[]; gateFee: boolean }) {
  const t = useT(dealsDict);
  const money = useMoney();
  const sum = (k: 'amountKopecks' | 'vatKopecks' | 'amountWithVatKopecks') =>
    list.filter((d) => !d.confirms).reduce((s, d) => s + (gateFee ? -d[k] : d[k]), 0);
  return (
    <dl className="deal-facts deal-totals" data-testid="delivery-totals">
      <dt>{gateFee ? t('totalGateNet') : t('totalNet')}</dt>
      <dd className="nowrap" data-testid="total-net">
        {money.amount(sum('amountKopecks'))}
      </dd>
      <dt>{t('totalVat')}</dt>
      <dd className="nowrap" data-testid="total-vat">
        {money.amount(sum('vatKopecks'))}
      </dd>
      <dt>{gateFee ? t('totalGateGross') : t('totalGross')}</dt>
      <dd className="nowrap" data-testid="total-gross">
        {money.amount(sum('amountWithVatKopecks'))}
      </dd>
    </dl>
  );
}

function DeliveryForm({ v, onDone }: { v: DealView; onDone: () => void }) {
  const t = useT(dealsDict);
  const x = useExchangeLabels();
  const tax = useTaxonomy();
  const { locale } = useLocale();
  const submission = useSubmission();
  const form = useRef<HTMLFormElement>(null);
  const settle = useUnsavedForm(form);
  // the deal's properties (its quality terms', then its material's): named in the page's words
  const ids = [
    ...new Set([
      ...Object.keys(v.deal.quality),
      ...(tax.data?.material(v.deal.material)?.properties ?? []),
    ]),
  ];
  const properties = ids.flatMap((k) => tax.data?.property(k) ?? []);
  const resolve = propertyResolver(properties);
  // today in the cluster (a lot of this morning in Kemerovo is dated today, not UTC's yesterday)
  const [on, setOn] = useState(() => clusterDay(Date.now()));
  const [quantity, setQuantity] = useState('');
  useDecimalMarkSwitch((mark) => setQuantity((q) => withDecimalMark(q, mark)));
  const [method, setMethod] = useState<DeliveryMethod>('weighbridge');
  const [quality, setQuality] = useState('');
  const [bad, setBad] = useState<'quantity' | 'quality' | null>(null);
  const [qualityProblem, setQualityProblem] = useState<QualityProblem | null>(null);
  // what is wrong with the quantity, checked before sending: no number, none or too much
  const [quantityBad, setQuantityBad] = useState('');
  // a lot past the contract plus tolerance is recorded only when the side ticks that it means it
  const [beyondAsked, setBeyondAsked] = useState(false);
  const [acceptBeyond, setAcceptBeyond] = useState(false);
  const errors = submission.error?.fieldErrors() ?? {};
  // what stops the quality being read, in words: the word at fault, and the material's properties
  const qualityProblemText = (p: QualityProblem | null) => {
    const names = properties.map((x) => x.name[locale]).join(', ');
    if (p?.problem === 'property')
      return properties.length
        ? t('qualityNotProperty', { word: p.word, names })
        : t('qualityNoProperties', { word: p.word });
    if (p?.problem === 'number') return t('qualityNotNumber', { word: p.word });
    return t('qualityBad');
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // the server's last refusal was of the lot as it was then; this one is checked afresh
    submission.setError(null);
    const n = parseNumber(quantity);
    const read = readQuality(quality, resolve);
    const q = 'values' in read ? read.values : null;
    const delivered = v.progress.delivered + (n ?? 0);
    const beyond = delivered > v.deal.quantity * (1 + v.deal.tolerancePct / 100) + 1e-9;
    const quantityProblem = !quantity.trim()
      ? t('fRequired')
      : n === undefined || Number.isNaN(n)
        ? t('fNumberBad')
        : n <= 0
          ? t('fQuantityPositive')
          : n > listingLimits.quantityPerYear
            ? t('fQuantityTooBig', {
                max: x.enteredQuantity(listingLimits.quantityPerYear, v.deal.unit),
              })
            : beyond && !acceptBeyond
              ? t('fBeyondContract', {
                  delivered: x.enteredQuantity(delivered, v.deal.unit),
                  contracted: x.enteredQuantity(v.deal.quantity, v.deal.unit),
                  tolerance: String(v.deal.tolerancePct),
                })
              : '';
    if (beyond) setBeyondAsked(true);
    setQuantityBad(quantityProblem);
    if (quantityProblem || n === undefined) return setBad('quantity');
    if (q === null) {
      setQualityProblem('values' in read ? null : read);
      return setBad('quality');
    }
    setBad(null);
    void submission.run(async () => {
      await dealsApi.deliver(v.deal.id, {
        deliveredOn: on,
        quantity: n,
        method,
        quality: q,
        ...(beyond && acceptBeyond ? { acceptBeyondContract: true } : {}),
      });
      setQuantity('');
      setQuality('');
      setBeyondAsked(false);
      setAcceptBeyond(false);
      settle();
      onDone();
    });
  };
  return (
    <form
      ref={form}
      className="card stack"
      onSubmit={submit}
      data-testid="delivery-form"
      noValidate
    >
      <h2 className="card-title">{t('recordDelivery')}</h2>
      {/* the date's and the quantity's words stand under their boxes, not twice */}
      <FormError error={submission.error} placed={(f) => f === 'deliveredOn' || f === 'quantity'} />
      <div className="deal-form-grid">
        <label className={`field${errors.deliveredOn ? ' field-invalid' : ''}`}>
          <span>{t('deliveredOn')}</span>
          <input
            name="deliveredOn"
            type="date"
            value={on}
            // a lot is recorded once it has happened: the server's own rule
            max={latestDay(new Date())}
            // nor before the deal was opened and its schedule began: the server refuses that too
            min={earliestLotDay(v.deal)}
            onChange={(e) => {
              setOn(e.target.value);
              // a changed date is no longer the one refused
              if (errors.deliveredOn) submission.setError(null);
            }}
          />
          {errors.deliveredOn && <span className="field-error">{errors.deliveredOn}</span>}
        </label>
        <label className={`field${bad === 'quantity' || errors.quantity ? ' field-invalid' : ''}`}>
          <span>
            {t('quantity')}, {x.unit(v.deal.unit)}
          </span>
          <input
            name="quantity"
            inputMode="decimal"
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
          />
          {(bad === 'quantity' || errors.quantity) && (
            <span className="field-error">
              {errors.quantity ?? (quantityBad || t('fNumberBad'))}
            </span>
          )}
        </label>
        <label className="field">
          <span>{t('method')}</span>
          <select
            name="method"
            value={method}
            onChange={(e) => setMethod(e.target.value as DeliveryMethod)}
          >
            {deliveryMethods.map((m) => (
              <option key={m} value={m}>
                {t(`method:${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label className={`field${bad === 'quality' ? ' field-invalid' : ''}`}>
          <span>{t('qualityMeasured')}</span>
          <input
            name="quality"
            value={quality}
            placeholder={qualityPlaceholder(properties, locale)}
            onChange={(e) => setQuality(e.target.value)}
          />
          {bad === 'quality' ? (
            <span className="field-error" data-testid="quality-error">
              {qualityProblemText(qualityProblem)}
            </span>
          ) : (
            <span className="field-hint">{t('qualityHint')}</span>
          )}
        </label>
      </div>
      {(beyondAsked || errors.quantity) && (
        <label className="check">
          <input
            type="checkbox"
            name="acceptBeyondContract"
            checked={acceptBeyond}
            onChange={(e) => setAcceptBeyond(e.target.checked)}
          />{' '}
          {t('acceptBeyondContract')}
        </label>
      )}
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={submission.busy}
          data-testid="record-delivery"
        >
          {t('record')}
        </button>
      </div>
    </form>
  );
}
