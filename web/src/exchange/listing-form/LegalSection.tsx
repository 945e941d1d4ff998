import { useT } from '../../i18n/index.ts';
import { Field } from '../../shell/ui.tsx';
import { isOneOf, legalStatuses } from '../../shell/vocabulary.ts';
import { exchangeDict } from '../dict.ts';
import { FkkoPicker } from '../FkkoPicker.tsx';
import { useExchangeLabels } from '../labels.ts';
import type { Taxonomy } from '../taxonomy.ts';
import { formLimits } from './limits.ts';
import type { ListingFormState } from './useListingForm.ts';

/** An offer's legal status: a waste's FKKO code, a by-product's process and standard. */
export function LegalSection({ form, tx }: { form: ListingFormState; tx: Taxonomy }) {
  const t = useT(exchangeDict);
  const x = useExchangeLabels();
  const { values: v, set, bind, error } = form;
  const material = tx.material(v.materialId);
  return (
    <fieldset>
      <legend>{t('secLegal')}</legend>
      <div className="form-grid">
        <Field label={t('fLegal')} error={error('legalStatus')}>
          {(p) => (
            <select
              {...p}
              name="legalStatus"
              value={v.legalStatus}
              onChange={(e) =>
                set('legalStatus', isOneOf(legalStatuses, e.target.value) ? e.target.value : '')
              }
            >
              <option value="">{t('choose')}</option>
              {legalStatuses.map((l) => (
                <option key={l} value={l}>
                  {x.legal(l)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {v.legalStatus === 'waste' && (
          <Field label={t('fFkko')} error={error('fkko')} hint={t('fFkkoHint')}>
            {(p) => (
              <FkkoPicker
                id={p.id}
                value={v.fkko}
                onChange={(code) => set('fkko', code)}
                suggested={material?.fkko ?? []}
                invalid={p['aria-invalid']}
                describedBy={p['aria-describedby']}
              />
            )}
          </Field>
        )}
        {v.legalStatus === 'by_product' && (
          <>
            <Field
              label={t('fByProductOf')}
              error={error('byProductOf')}
              hint={t('fByProductHint')}
            >
              {(p) => <input {...p} {...bind('byProductOf')} maxLength={formLimits.byProductOf} />}
            </Field>
            <Field label={t('fStandard')} error={error('standard')} hint={t('fStandardHint')}>
              {(p) => <input {...p} {...bind('standard')} maxLength={formLimits.standard} />}
            </Field>
          </>
        )}
      </div>
    </fieldset>
  );
}
