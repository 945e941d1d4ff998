import { useT } from '../../i18n/index.ts';
import { TableScroll } from '../../shell/ui.tsx';
import { exchangeDict } from '../dict.ts';
import { useExchangeLabels } from '../labels.ts';
import type { Taxonomy } from '../taxonomy.ts';
import type { ListingFormState } from './useListingForm.ts';
import { blankQuality, propertiesOf, type QualityInput } from './values.ts';

/** The quality passport: an offer's measured values, a request's limits, per property. */
export function PassportSection({ form, tx }: { form: ListingFormState; tx: Taxonomy }) {
  const t = useT(exchangeDict);
  const x = useExchangeLabels();
  const { values: v, error, setQuality } = form;
  const offer = v.side === 'offer';
  const properties = propertiesOf(v, tx);
  return (
    <fieldset data-testid="quality-passport">
      <legend>{offer ? t('secPassportOffer') : t('secPassportRequest')}</legend>
      {properties.length === 0 ? (
        <p className="muted">{offer ? t('passportChooseMaterial') : t('passportChooseWhat')}</p>
      ) : (
        <TableScroll>
          <table className="table passport-table">
            <thead>
              <tr>
                <th scope="col">{t('colProperty')}</th>
                <th scope="col">{t('colUnit')}</th>
                {offer ? (
                  <th scope="col">{t('colValue')}</th>
                ) : (
                  <>
                    <th scope="col">{t('colMin')}</th>
                    <th scope="col">{t('colMax')}</th>
                  </>
                )}
              </tr>
            </thead>
            <tbody>
              {properties.map((k) => {
                const p = tx.property(k);
                const row = v.quality[k] ?? blankQuality;
                const err = error(`quality.${k}`);
                const label = `${tx.propertyName(k)} (${p?.symbol ?? k})`;
                const cell = (part: keyof QualityInput, aria: string) => (
                  <td>
                    <input
                      name={part === 'value' ? `quality.${k}` : `quality.${k}.${part}`}
                      aria-label={aria}
                      aria-invalid={Boolean(err)}
                      inputMode="decimal"
                      autoComplete="off"
                      value={row[part]}
                      onChange={(e) => setQuality(k, part, e.target.value)}
                    />
                  </td>
                );
                return (
                  <tr key={k} className={err ? 'row-invalid' : undefined}>
                    <td>
                      {tx.propertyName(k)} <span className="mono muted">{p?.symbol}</span>
                      {err && <div className="field-error">{err}</div>}
                    </td>
                    <td className="nowrap">{x.propertyUnit(p?.unit)}</td>
                    {offer ? (
                      cell('value', label)
                    ) : (
                      <>
                        {cell('min', `${label}: ${t('colMin')}`)}
                        {cell('max', `${label}: ${t('colMax')}`)}
                      </>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </fieldset>
  );
}
