// The trial balance: debit and credit totals per organisation and account as of a date — a
// member's users see their own organisation's books, the operator everyone's.
import { type FormEvent, useState } from 'react';
import { download, toCsv } from '../exchange/csv.ts';
import { useFormat, useLocale, useT } from '../i18n/index.ts';
import { href } from '../shell/router.ts';
import { isOperator, useSession } from '../shell/session.tsx';
import { Empty, ErrorState, Loading, NeedLogin, PageHeader, TableScroll } from '../shell/ui.tsx';
import { useResource } from '../shell/useResource.ts';
import { dealsApi, type TrialBalance } from './api.ts';
import { useMoney, useOrgNames } from './bits.tsx';
import { trialBalanceCsvRows } from './csv.ts';
import { dealsDict } from './dict.ts';

export function LedgerPage() {
  const t = useT(dealsDict);
  const { user } = useSession();
  const names = useOrgNames();
  const money = useMoney();
  const f = useFormat();
  const { locale } = useLocale();
  const [asOf, setAsOf] = useState('');
  const [shown, setShown] = useState<string | undefined>(undefined);
  const tb = useResource(user ? () => dealsApi.trialBalance(shown) : null, [shown, Boolean(user)]);
  if (user === undefined) return <Loading />;
  if (user === null) return <NeedLogin />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setShown(asOf || undefined);
  };
  const data = tb.data;
  return (
    <>
      <p>
        <a href={href('deals')} className="back-link">
          {t('back')}
        </a>
      </p>
      <PageHeader
        title={t('ledgerTitle')}
        lead={`${t('ledgerLead')}${isOperator(user) ? ` ${t('ledgerOperator')}` : ''}`}
      />
      <section className="card stack" data-testid="trial-balance">
        <form className="inline-form deal-asof" onSubmit={submit}>
          <label className="field">
            <span>{t('asOf')}</span>
            <input name="asOf" type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
          </label>
          <div className="inline-actions">
            <button type="submit" className="btn">
              {t('show')}
            </button>
          </div>
        </form>
        {tb.error ? (
          <ErrorState error={tb.error} onRetry={tb.reload} />
        ) : !data ? (
          <Loading />
        ) : data.accounts.length === 0 ? (
          <Empty title={t('ledgerEmpty')} />
        ) : (
          <>
            <p className="muted small" data-testid="tb-asof">
              {t('asOf')}: {f.date(data.asOf)} ·{' '}
              {data.totalDebit === data.totalCredit ? t('balanced') : t('unbalanced')}
            </p>
            <p>
              <button
                type="button"
                className="btn btn-small"
                data-testid="tb-csv"
                onClick={() =>
                  download(
                    `trial-balance-${data.asOf}.csv`,
                    toCsv(
                      trialBalanceCsvRows(data, {
                        organisation: t('organisation'),
                        account: t('account'),
                        debit: t('csvDebit'),
                        credit: t('csvCredit'),
                        total: t('total'),
                        accountName: (a) =>
                          t(`account:${a as TrialBalance['accounts'][number]['account']}`),
                        organisationName: names.name,
                      }),
                      locale,
                    ),
                  )
                }
              >
                {t('exportCsv')}
              </button>
            </p>
            <TableScroll>
              <table className="table">
                <thead>
                  <tr>
                    <th>{t('organisation')}</th>
                    <th>{t('account')}</th>
                    <th className="num">{t('debit')}</th>
                    <th className="num">{t('credit')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.accounts.map((a) => (
                    <tr key={`${a.organisationId}-${a.account}`} data-testid="tb-row">
                      <td>{names.name(a.organisationId)}</td>
                      <td>{t(`account:${a.account}`)}</td>
                      <td className="num">{a.debit ? money.amount(a.debit) : ''}</td>
                      <td className="num">{a.credit ? money.amount(a.credit) : ''}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th colSpan={2}>{t('total')}</th>
                    <th className="num" data-testid="tb-debit">
                      {money.amount(data.totalDebit)}
                    </th>
                    <th className="num" data-testid="tb-credit">
                      {money.amount(data.totalCredit)}
                    </th>
                  </tr>
                </tfoot>
              </table>
            </TableScroll>
          </>
        )}
      </section>
    </>
  );
}
