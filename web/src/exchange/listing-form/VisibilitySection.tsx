import { useT } from '../../i18n/index.ts';
import { Field, useCharCount } from '../../shell/ui.tsx';
import { listingVisibilities } from '../../shell/vocabulary.ts';
import { exchangeDict } from '../dict.ts';
import { useExchangeLabels } from '../labels.ts';
import { formLimits } from './limits.ts';
import type { ListingFormState } from './useListingForm.ts';

/** Who sees the listing, and a note for them. */
export function VisibilitySection({ form }: { form: ListingFormState }) {
  const t = useT(exchangeDict);
  const x = useExchangeLabels();
  const count = useCharCount();
  const { values: v, set, bind, error } = form;
  return (
    <fieldset>
      <legend>{t('secVisibility')}</legend>
      <div className="choice-row">
        {listingVisibilities.map((vis) => (
          <label key={vis} className={v.visibility === vis ? 'choice-card active' : 'choice-card'}>
            <input
              type="radio"
              name="visibility"
              value={vis}
              checked={v.visibility === vis}
              onChange={() => set('visibility', vis)}
            />
            <span>
              <strong>{x.visibility(vis)}</strong>
              <span className="sub">{t(`visHint:${vis}`)}</span>
            </span>
          </label>
        ))}
      </div>
      <Field
        label={t('fNote')}
        error={error('note')}
        className="note-field"
        // the box stops at its limit: say where it is, so a pasted text cut short is seen
        hint={count(v.note, formLimits.note)}
      >
        {(p) => <textarea {...p} {...bind('note')} rows={3} maxLength={formLimits.note} />}
      </Field>
    </fieldset>
  );
}
