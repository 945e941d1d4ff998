// The terms' boxes, shared by the new-deal form and the offer / counter-offer form: text as
// typed, turned into the API's terms (kopecks, numbers) with a word for each bad box.
import { useId } from 'react';
import { transferPurposes } from '../../../src/deals/engine/balance.ts';
import { SCHEDULE_MAX_YEARS } from '../../../src/deals/limits.ts';
import { useExchangeLabels } from '../exchange/labels.ts';
import { clusterYear, useFormat, useT } from '../i18n/index.ts';
import { kopecksToRubText } from '../shell/numbers.ts';
import type { MaterialUnit } from '../shell/types.ts';
import { materialUnits, transportModes } from '../shell/vocabulary.ts';
import type { Deal } from './api.ts';
import { dealsDict } from './dict.ts';
import { type TermsBad, type TermsText, termsLimits } from './parse.ts';

// next year's deliveries by default, the year counted as the cluster counts it
const year = clusterYear(Date.now());
export const blankTerms: TermsText = {
  quantity: '',
  unit: 't',
  from: `${year + 1}-01-01`,
  to: `${year + 1}-12-31`,
  price: '',
  mode: 'road',
  paidBy: 'consumer',
  transportCost: '0',
  tolerance: '5',
  purpose: '',
};

/** A deal's current terms as the boxes show them (the decimal mark of the reader's language). */
export function termsText(d: Deal, mark: ',' | '.'): TermsText {
  return {
    quantity: String(d.quantity).replace('.', mark),
    unit: d.unit,
    from: d.schedule.from,
    to: d.schedule.to,
    price: kopecksToRubText(d.priceKopecksPerUnit, mark),
    mode: d.transport.mode,
    paidBy: d.transport.paidBy,
    transportCost: kopecksToRubText(d.transportKopecksPerUnit, mark),
    tolerance: String(d.tolerancePct),
    purpose: d.wastePurpose ?? '',
  };
}

/** The terms' boxes that hold numbers: re-marked on a switch of language. */
export const termsNumberBoxes = ['quantity', 'price', 'transportCost', 'tolerance'] as const;

/** The server's words per terms field: a counter-offer's come as `terms.priceKopecksPerUnit`. */
export const termsErrors = (errors: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(errors).map(([k, v]) => [k.replace(/^terms\./, ''), v]));

/** The fields whose server words TermsFields shows beside their boxes (a counter's as `terms.…`). */
const termsBoxFields = new Set([
  'quantity',
  'schedule.from',
  'schedule.to',
  'priceKopecksPerUnit',
  'transportKopecksPerUnit',
  'tolerancePct',
]);
export const termsPlaced = (field: string) => termsBoxFields.has(field.replace(/^terms\./, ''));

export function TermsFields({
  value,
  onChange,
  bad,
  errors,
  materialUnit,
  waste = false,
}: {
  value: TermsText;
  onChange: (v: TermsText) => void;
  bad: TermsBad;
  /** the server's words per field */
  errors: Record<string, string>;
  /** the deal's material's unit: the only one the deal may count in (no choice then) */
  materialUnit?: MaterialUnit;
  /** the deal's material is a waste with an FKKO code: what its receiver does with it matters */
  waste?: boolean;
}) {
  const t = useT(dealsDict);
  const fmt = useFormat();
  const x = useExchangeLabels();
  const hintId = useId();
  const set = (k: keyof TermsText) => (e: { target: { value: string } }) =>
    onChange({ ...value, [k]: e.target.value });
  const err = (k: keyof TermsText, field: string) => {
    const problem = bad.get(k);
    if (problem === 'required') return t('fRequired');
    if (problem === 'positive') return t('fPositiveBad');
    if (problem === 'negative') return t('fNegativeBad');
    if (problem === 'beforeFrom') return t('fBeforeFromBad');
    if (problem === 'past') return t('fPastBad');
    if (problem === 'tooLong') return t('fTooLongBad', { years: SCHEDULE_MAX_YEARS });
    if (problem === 'tooLarge' && k in termsLimits)
      return t('fTooLargeBad', { max: fmt.integer(termsLimits[k as keyof typeof termsLimits]) });
    if (problem === 'tooSmall' && k in termsLimits)
      return t('fTooSmallBad', { min: fmt.integer(-termsLimits[k as keyof typeof termsLimits]) });
    return problem ? t('fNumberBad') : errors[field];
  };
  const box = (k: keyof TermsText, field: string, label: string, type = 'text') => (
    <label className={`field${err(k, field) ? ' field-invalid' : ''}`}>
      <span>{label}</span>
      <input
        name={k}
        type={type}
        inputMode={type === 'text' ? 'decimal' : undefined}
        value={value[k]}
        onChange={set(k)}
        aria-invalid={Boolean(err(k, field))}
      />
      {err(k, field) && <span className="field-error">{err(k, field)}</span>}
    </label>
  );
  return (
    <div className="deal-form-grid">
      {box('quantity', 'quantity', t('fQuantity'))}
      <label className="field">
        <span>{t('fUnit')}</span>
        <select
          name="unit"
          value={materialUnit ?? value.unit}
          onChange={set('unit')}
          disabled={materialUnit !== undefined}
        >
          {(materialUnit ? [materialUnit] : materialUnits).map((u) => (
            <option key={u} value={u}>
              {x.unit(u)}
            </option>
          ))}
        </select>
      </label>
      {box('from', 'schedule.from', t('fFrom'), 'date')}
      {box('to', 'schedule.to', t('fTo'), 'date')}
      {box('price', 'priceKopecksPerUnit', t('fPrice'))}
      <label className="field">
        <span>{t('fTransportMode')}</span>
        <select name="mode" value={value.mode} onChange={set('mode')}>
          {transportModes.map((m) => (
            <option key={m} value={m}>
              {x.mode(m)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('fPaidBy')}</span>
        <select name="paidBy" value={value.paidBy} onChange={set('paidBy')}>
          <option value="consumer">{t('side:consumer')}</option>
          <option value="provider">{t('side:provider')}</option>
        </select>
      </label>
      {box('transportCost', 'transportKopecksPerUnit', t('fTransportCost'))}
      {box('tolerance', 'tolerancePct', t('fTolerance'))}
      {waste && (
        <label className="field field-wide">
          <span>{t('fWastePurpose')}</span>
          <select
            name="purpose"
            value={value.purpose || 'utilisation'}
            onChange={set('purpose')}
            aria-describedby={hintId}
          >
            {transferPurposes.map((p) => (
              <option key={p} value={p}>
                {t(`purpose:${p}`)}
              </option>
            ))}
          </select>
          <span className="field-hint" id={hintId}>
            {t('fWastePurposeHint')}
          </span>
        </label>
      )}
    </div>
  );
}
