import { useFormat, useT } from '../../i18n/index.ts';
import { Field } from '../../shell/ui.tsx';
import { counterfactuals, isOneOf, substitutes, transportModes } from '../../shell/vocabulary.ts';
import { exchangeDict } from '../dict.ts';
import { useExchangeLabels } from '../labels.ts';
import { formLimits } from './limits.ts';
import type { ListingFormState, TextKey } from './useListingForm.ts';
import { needsReach, pricesCoalByTonne } from './values.ts';

/** Money, minimums and transport: what the optimiser weighs. Money is typed in roubles. */
export function EconomicsSection({ form }: { form: ListingFormState }) {
  const t = useT(exchangeDict);
  const fmt = useFormat();
  const x = useExchangeLabels();
  const { values: v, set, numeric, error } = form;
  const unit = x.unit(v.unit);
  const upTo = (n: number) => `≤ ${fmt.integer(n)}`;
  const box = (key: TextKey, label: string, hint: string, max: number) => (
    <Field label={label} error={error(key)} hint={hint}>
      {(p) => <input {...p} {...numeric(key)} placeholder={upTo(max)} />}
    </Field>
  );
  return (
    <fieldset>
      <legend>{t('secEconomics')}</legend>
      <div className="form-grid">
        {v.side === 'offer' ? (
          <>
            {box(
              'disposalCostKopecksPerUnit',
              t('fDisposalUnit', { unit }),
              t('fDisposalHint'),
              formLimits.disposalRubPerUnit,
            )}
            <Field
              label={t('fCounterfactual')}
              error={error('counterfactual')}
              hint={t('fCounterfactualHint')}
            >
              {(p) => (
                <select
                  {...p}
                  name="counterfactual"
                  value={v.counterfactual}
                  onChange={(e) =>
                    set(
                      'counterfactual',
                      isOneOf(counterfactuals, e.target.value) ? e.target.value : '',
                    )
                  }
                >
                  <option value="">{t('choose')}</option>
                  {counterfactuals.map((c) => (
                    <option key={c} value={c}>
                      {x.counterfactual(c)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {box(
              'supplierCostKopecksPerUnit',
              t('fSupplierCostUnit', { unit }),
              t('fSupplierCostHint'),
              formLimits.disposalRubPerUnit,
            )}
            {box(
              'salePriceKopecksPerUnit',
              t('fSalePriceUnit', { unit }),
              t('fSalePriceHint'),
              formLimits.priceRubPerUnit,
            )}
            {box(
              'mustShipMin',
              t('fMustShipUnit', { unit }),
              t('fMustShipHint'),
              formLimits.mustShipMin,
            )}
          </>
        ) : (
          <>
            {box(
              'priceKopecksPerUnit',
              t('fPriceUnit', { unit }),
              t('fPriceHint'),
              formLimits.priceRubPerUnit,
            )}
            <Field label={t('fSubstitute')} error={error('substitute')} hint={t('fSubstituteHint')}>
              {(p) => (
                <select
                  {...p}
                  name="substitute"
                  value={v.substitute}
                  onChange={(e) =>
                    set('substitute', isOneOf(substitutes, e.target.value) ? e.target.value : '')
                  }
                >
                  <option value="">{t('choose')}</option>
                  {substitutes.map((s) => (
                    <option key={s} value={s}>
                      {x.substitute(s)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {pricesCoalByTonne(v) &&
              box(
                'priceCalorificKcalPerKg',
                t('fPriceCalorific'),
                t('fPriceCalorificHint'),
                formLimits.priceCalorificKcalPerKg,
              )}
            <label className="check check-with-hint">
              <input
                type="checkbox"
                name="endUse"
                checked={v.endUse}
                onChange={(e) => set('endUse', e.target.checked)}
              />
              {t('fEndUse')}
              <span className="hint">{t('fEndUseHint')}</span>
            </label>
            {box(
              'mustTakeMin',
              t('fMustTakeUnit', { unit }),
              t('fMustTakeHint'),
              formLimits.mustTakeMin,
            )}
          </>
        )}
        <fieldset className={`choice${error('transportModes') ? ' field-invalid' : ''}`}>
          <legend className="label">{t('fModes')}</legend>
          <div className="checks">
            {transportModes.map((m) => (
              <label key={m} className="check">
                <input
                  type="checkbox"
                  name="transportModes"
                  value={m}
                  checked={v.transportModes.includes(m)}
                  aria-invalid={Boolean(error('transportModes'))}
                  onChange={(e) =>
                    set(
                      'transportModes',
                      // kept in the vocabulary's order
                      e.target.checked
                        ? transportModes.filter((o) => o === m || v.transportModes.includes(o))
                        : v.transportModes.filter((o) => o !== m),
                    )
                  }
                />
                {x.mode(m)}
              </label>
            ))}
          </div>
          {error('transportModes') && (
            <span className="field-error">{error('transportModes')}</span>
          )}
        </fieldset>
        {box(
          'maxDistanceKm',
          needsReach(v) ? t('fMaxDistanceRequired') : t('fMaxDistance'),
          t('fMaxDistanceHint'),
          formLimits.maxDistanceKm,
        )}
      </div>
    </fieldset>
  );
}
