import { Fragment, useState } from 'react';
import { useFormat, useLocale, useT, writtenIn } from '../../i18n/index.ts';
import { useLabels } from '../../registry/labels.ts';
import { type Column, DataTable } from '../../shell/DataTable.tsx';
import { href } from '../../shell/router.ts';
import type { MatchProposal } from '../../shell/types.ts';
import { ConfirmButton } from '../../shell/ui.tsx';
import { exchangeDict } from '../dict.ts';
import { useExchangeLabels } from '../labels.ts';
import type { Taxonomy } from '../taxonomy.ts';
import { waitingForYou } from './tabs.ts';

type Role = 'supply' | 'demand';

/** One side of a proposal: its holder and site, or where a hidden holder is. */
function SideCell({
  m,
  role,
  siteName,
}: {
  m: MatchProposal;
  role: Role;
  siteName: Map<string, string>;
}) {
  const t = useT(exchangeDict);
  const labels = useLabels();
  const { locale } = useLocale();
  const side = m[role];
  const name = (locale === 'en' && side.organisationNameEn) || side.organisationName;
  const site = side.siteId ? siteName.get(side.siteId) : undefined;
  return (
    <span>
      <span className="muted small">{t(`role:${role}`)}</span>
      <div>
        {side.organisationId ? (
          <>
            <a href={href('participants', side.organisationId)} data-testid="holder-name">
              {name}
            </a>
            {site && <div className="sub">{site}</div>}
          </>
        ) : (
          <span className="anonymous" title={t('anonymousHint')}>
            {t('anonymousAt', { agg: labels.agglomeration(side.agglomeration) })}
          </span>
        )}
      </div>
    </span>
  );
}

/** The other side of an agreed match, and what to do next: the deal opened from it (deals module). */
function Counterparty({
  c,
  deal,
}: {
  c: NonNullable<MatchProposal['counterparty']>;
  /** the deal the match opened; null: none did; undefined: the caller's deals are not in yet */
  deal: string | null | undefined;
}) {
  const t = useT(exchangeDict);
  return (
    <div className="counterparty" data-testid="counterparty-contact">
      <div className="sub">{t('counterpartyInn', { inn: c.inn })}</div>
      {c.contactName && c.contactEmail ? (
        <div className="sub" data-testid="counterparty-person">
          {t('counterpartyContact')} <span lang={writtenIn(c.contactName)}>{c.contactName}</span>,{' '}
          <a href={`mailto:${c.contactEmail}`}>{c.contactEmail}</a>
        </div>
      ) : (
        // no active admin in the registry: say so, and who can put the two in touch
        <div className="sub" data-testid="counterparty-no-person">
          {t('counterpartyNoContact')}
        </div>
      )}
      {c.website && <div className="sub">{c.website}</div>}
      <div className="sub next-step">
        {t(deal === null ? 'nextStepNoDeal' : 'nextStep')}{' '}
        {deal ? (
          <a href={href('deals', deal)} data-testid="match-deal">
            {t('toDeal')}
          </a>
        ) : (
          <a href={href('deals')}>{t('openDeals')}</a>
        )}
      </div>
    </div>
  );
}

/**
 * The proposals: what flows, between whom, how much and what it saves, each side's decision;
 * a member decides for its side. The operator sees supplier and buyer; a member its own side
 * first and the counterpart second. Narrow screens show each row as a card.
 */
export function MatchesTable({
  rows,
  tx,
  operator,
  canDecide,
  siteName,
  dealOf,
  busy,
  decide,
}: {
  rows: MatchProposal[];
  tx: Taxonomy;
  operator: boolean;
  canDecide: boolean;
  siteName: Map<string, string>;
  /** match id → the deal it opened; null while the caller's deals load */
  dealOf: ReadonlyMap<string, string> | null;
  /** the proposal being decided */
  busy: string | null;
  decide: (m: MatchProposal, verb: 'accept' | 'decline') => void;
}) {
  const t = useT(exchangeDict);
  const fmt = useFormat();
  const x = useExchangeLabels();
  const first = (m: MatchProposal): Role => (operator ? 'supply' : (m.yourSides[0] ?? 'supply'));
  const second = (m: MatchProposal): Role => (first(m) === 'supply' ? 'demand' : 'supply');
  const holder = (m: MatchProposal, r: Role) => m[r].organisationName;
  const target = (m: MatchProposal) =>
    m.demand.use ? tx.nameOfUse(m.demand.use) : tx.materialName(m.demand.material);
  const firstLabel = operator ? t('colSupplier') : t('colYourSide');
  const secondLabel = operator ? t('colBuyer') : t('colCounterpart');
  const columns: Array<Column<MatchProposal> | false> = [
    {
      key: 'flow',
      header: t('colFlow'),
      className: 'cell-what',
      cell: (m) => (
        <>
          <strong>{tx.materialName(m.supply.material)}</strong>
          <div className="sub">→ {target(m)}</div>
          <div className="sub" data-testid="match-plan">
            {/* the zone named here: a header «Материал → назначение (кемеровское время)» read oddly */}
            {/* the plan's id is named nowhere a reader could look it up: its time says which plan */}
            {t('fromPlan', { date: fmt.dateTime(m.createdAt) })}
          </div>
        </>
      ),
      sortValue: (m) => tx.materialName(m.supply.material),
    },
    {
      key: 'first',
      header: firstLabel,
      label: firstLabel,
      cell: (m) => <SideCell m={m} role={first(m)} siteName={siteName} />,
      sortValue: (m) => holder(m, first(m)),
    },
    {
      key: 'second',
      header: secondLabel,
      label: secondLabel,
      cell: (m) => (
        <>
          <SideCell m={m} role={second(m)} siteName={siteName} />
          {m.counterparty && (
            <Counterparty
              c={m.counterparty}
              deal={dealOf ? (dealOf.get(m.id) ?? null) : undefined}
            />
          )}
        </>
      ),
      cellProps: () => ({ 'data-testid': 'counterpart' }),
      sortValue: (m) => holder(m, second(m)),
    },
    {
      key: 'quantity',
      header: t('colQuantity'),
      label: t('colQuantity'),
      numeric: true,
      className: 'nowrap',
      cell: (m) => (
        <>
          {/* the planned quantity is computed: whole units from 100 up, as on the plan */}
          {x.computedPerYear(m.quantity, m.unit)}
          {/* what is left of the listing: for deciding, so only while the proposal is open */}
          {(m.status === 'proposed' ? m.yourSides.concat(operator ? ['supply'] : []) : [])
            .slice(0, 1)
            .map((s) => {
              const side = m[s];
              if (side.remaining === null || side.quantityPerYear === null) return null;
              const unit = s === 'supply' ? m.unit : m.deliveredUnit;
              return (
                <div className="sub" key={s} data-testid="match-remaining">
                  <AtSpaces
                    text={t(operator ? 'remainingOffer' : 'remaining', {
                      amount: x.computedPerYear(side.remaining, unit),
                      total: x.perYear(side.quantityPerYear, unit),
                    })}
                  />
                </div>
              );
            })}
          <div
            className="sub"
            title={
              m.supply.approximate || m.demand.approximate ? t('approximateFigures') : undefined
            }
          >
            {m.supply.approximate || m.demand.approximate ? '≈ ' : ''}
            {fmt.number(m.distanceKm)}&nbsp;{t('km')} · {x.mode(m.mode)}
          </div>
        </>
      ),
      cellProps: () => ({ 'data-testid': 'match-quantity' }),
      sortValue: (m) => m.quantity,
    },
    {
      key: 'savings',
      header: <span title={t('flowBenefitHint')}>{t('colSavings')}</span>,
      label: t('colSavings'),
      numeric: true,
      className: 'nowrap',
      // measured from a hidden holder's agglomeration centre: approximate, marked as the plan marks it
      cellProps: (m) => ({
        title: m.supply.approximate || m.demand.approximate ? t('approximateFigures') : undefined,
      }),
      cell: (m) => (
        <>
          <strong data-testid="match-savings">
            {m.supply.approximate || m.demand.approximate ? '≈ ' : ''}
            {x.money(m.savingsKopecks)}
          </strong>
          <div className="sub" data-testid="match-per-year">
            {t('perYearShort')}
          </div>
        </>
      ),
      sortValue: (m) => m.savingsKopecks,
    },
    {
      key: 'decisions',
      header: t('colDecisions'),
      label: t('colDecisions'),
      cell: (m) => (
        <ul className="decisions">
          {(['supply', 'demand'] as const).map((s) => {
            // a side that never answered a proposal no longer open is not "pending": it will not
            const d =
              m[s].decision === 'pending' && m.status !== 'proposed' ? 'unanswered' : m[s].decision;
            return (
              <li key={s}>
                <span className="muted">{t(`role:${s}`)}:</span>{' '}
                <span className={`badge decision-${d}`} data-testid={`decision-${s}`}>
                  {x.decision(d)}
                </span>
              </li>
            );
          })}
        </ul>
      ),
    },
    {
      key: 'status',
      header: t('colStatus'),
      label: t('colStatus'),
      className: 'cell-status',
      cell: (m) => (
        <>
          <span className={`badge match-${m.status}`} data-testid="match-status">
            {x.match(m.status)}
          </span>
          {m.status === 'closed' && m.closedReason && (
            <div className="sub" data-testid="match-closed-reason">
              {m.closedReason === 'superseded'
                ? t('closed:superseded')
                : m.closedSide &&
                  t(
                    `closed:${m.closedReason}:${m.yourSides.includes(m.closedSide) ? 'yours' : 'theirs'}`,
                  )}
            </div>
          )}
        </>
      ),
      sortValue: (m) => x.match(m.status),
    },
    canDecide && {
      key: 'actions',
      header: <span className="visually-hidden">{t('colActions')}</span>,
      cell: (m) => waitingForYou(m) && <DecideActions m={m} busy={busy === m.id} decide={decide} />,
      cellProps: (m) => ({ className: waitingForYou(m) ? 'actions' : 'actions cell-empty' }),
    },
  ];
  return (
    <DataTable
      rows={rows}
      columns={columns}
      rowKey={(m) => m.id}
      rowProps={(m) => ({ 'data-match': m.id, 'data-status': m.status })}
      className="table matches-table"
      testId="matches-table"
    />
  );
}

/**
 * Accept or decline, each asked once more: neither can be taken back, and an acceptance the
 * other side matches is an agreement that plans keep. While one question is open the other
 * button is hidden, so that the row shows one question at a time.
 */
function DecideActions({
  m,
  busy,
  decide,
}: {
  m: MatchProposal;
  busy: boolean;
  decide: (m: MatchProposal, verb: 'accept' | 'decline') => void;
}) {
  const t = useT(exchangeDict);
  const [asking, setAsking] = useState<'accept' | 'decline' | null>(null);
  const ask = (verb: 'accept' | 'decline') => (open: boolean) => setAsking(open ? verb : null);
  return (
    <div className="decide-actions">
      {asking !== 'decline' && (
        <ConfirmButton
          className="btn btn-small btn-primary"
          label={t('accept')}
          question={t('acceptConfirm')}
          confirmLabel={t('acceptYes')}
          disabled={busy}
          onConfirm={() => decide(m, 'accept')}
          onAsking={ask('accept')}
          testId="accept-match"
        />
      )}
      {asking !== 'accept' && (
        <ConfirmButton
          className="btn btn-small btn-danger"
          label={t('decline')}
          question={t('declineConfirm')}
          confirmLabel={t('declineYes')}
          disabled={busy}
          onConfirm={() => decide(m, 'decline')}
          onAsking={ask('decline')}
          testId="decline-match"
        />
      )}
    </div>
  );
}

/**
 * A line that wraps only at its spaces («свободно | 300 000 т/год | из | 300 000 т/год», the
 * figure and its unit joined by no-break spaces): a narrow column no longer breaks a unit after
 * its slash («т/ | год»).
 */
function AtSpaces({ text }: { text: string }) {
  return text.split(' ').map((word, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the words of one fixed line, in their order
    <Fragment key={i}>
      {i > 0 && ' '}
      <span className="nowrap">{word}</span>
    </Fragment>
  ));
}
