import { Fragment } from 'react';
import { useFormat, useLocale, useT } from '../../i18n/index.ts';
import type { PlanFactor } from '../../shell/types.ts';
import { exchangeDict } from '../dict.ts';
import { factorName, sourceInWords } from './factorNames.ts';

/** «ж/д» kept on one line: a line broke after its slash («ж/» then «д»). */
const joined = (text: string) => text.replace(/([жЖ])\/([дД])/g, '$1/\u2060$2');

const groups = [
  'transport',
  'emissions',
  'energy',
  'prices',
  'substitutes',
  'counterfactuals',
] as const;
type Group = (typeof groups)[number];

/**
 * The factors a plan was computed with: collapsed to one line (how many, how many estimates,
 * how many the request changed), open as a table by group with source, year and an estimate
 * badge. Each factor shows its name in the reader's language with its key beneath (the key is
 * what an override names); the platform's own documents are named in words, source and basis in the
 * reader's language where the table has it; citations stay as published and are listed under
 * the table.
 */
export function PlanFactors({
  factors,
  sources,
}: {
  factors: readonly PlanFactor[];
  /** the citation of each bracketed code the sources cite */
  sources?: Readonly<Record<string, string>>;
}) {
  const t = useT(exchangeDict);
  const fmt = useFormat();
  const { locale } = useLocale();
  if (!factors.length) return null;
  const estimates = factors.filter((f) => f.status === 'estimate').length;
  const overridden = factors.filter((f) => f.overridden).length;
  const groupOf = (key: string) => key.split('.')[0];
  const known = (g: string): g is Group => (groups as readonly string[]).includes(g);
  const order = [...new Set(factors.map((f) => groupOf(f.key)))].sort(
    (a, b) =>
      (known(a) ? groups.indexOf(a) : groups.length) -
      (known(b) ? groups.indexOf(b) : groups.length),
  );
  return (
    <details className="card factors-card" data-testid="plan-factors">
      <summary>
        <strong>{t('factorsTitle')}</strong>{' '}
        <span className="muted small">
          {t('factorsSummary', { n: factors.length, e: estimates, o: overridden })}
        </span>
      </summary>
      <p className="muted small">{t('factorsLead')}</p>
      <div className="table-scroll">
        <table className="table factors-table">
          <thead>
            <tr>
              <th scope="col">{t('factorKey')}</th>
              <th scope="col" className="num">
                {t('factorValue')}
              </th>
              <th scope="col">{t('factorUnit')}</th>
              <th scope="col">{t('factorSource')}</th>
              <th scope="col" className="num">
                {t('factorYear')}
              </th>
            </tr>
          </thead>
          <tbody>
            {order.map((g) => (
              <Fragment key={g}>
                <tr className="factors-group">
                  <th colSpan={5} scope="colgroup">
                    {known(g) ? t(`fgroup:${g}`) : g}
                  </th>
                </tr>
                {factors
                  .filter((f) => groupOf(f.key) === g)
                  .map((f) => {
                    const named = factorName(f.key, f.unit, locale);
                    // plans saved before the table had Russian text show the English
                    const ru = locale === 'ru' && f.sourceRu !== undefined;
                    const source = ru ? f.sourceRu! : f.source;
                    const basis = ru ? (f.basisRu ?? f.basis) : f.basis;
                    return (
                      <tr
                        key={f.key}
                        className={f.overridden ? 'factor-overridden' : undefined}
                        data-factor={f.key}
                      >
                        <td>
                          {named && <span className="factor-name">{joined(named.name)}</span>}
                          <code lang="en" className={named ? 'factor-key' : undefined}>
                            {f.key}
                          </code>
                          {f.status === 'estimate' && (
                            <span className="badge badge-estimate" title={basis}>
                              {t('factorEstimate')}
                            </span>
                          )}
                          {f.overridden && (
                            <span className="badge badge-overridden">{t('factorOverridden')}</span>
                          )}
                        </td>
                        <td className="num">{fmt.decimal(f.value, 4)}</td>
                        <td lang={named && locale === 'ru' ? 'ru' : 'en'}>
                          {named?.unit ?? f.unit}
                        </td>
                        <td lang={ru ? 'ru' : 'en'} className="factor-source">
                          {joined(sourceInWords(source, t))}
                          {basis && <span className="muted"> — {joined(basis)}</span>}
                        </td>
                        <td className="num">{f.year}</td>
                      </tr>
                    );
                  })}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      {sources && Object.keys(sources).length > 0 && (
        <>
          <h3 className="subhead">{t('factorSourcesTitle')}</h3>
          <dl className="factor-sources" data-testid="factor-sources">
            {Object.entries(sources).map(([code, citation]) => (
              <Fragment key={code}>
                <dt>[{code}]</dt>
                <dd>{citation}</dd>
              </Fragment>
            ))}
          </dl>
        </>
      )}
    </details>
  );
}
