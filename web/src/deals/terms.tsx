// The terms' boxes, shared by the new-deal form and the offer / counter-offer form: text as
// typed, turned into the API's terms (kopecks, numbers) with a word for each bad box.
import { useExchangeLabels } from '../exchange/labels.ts';
import { useT } from '../i18n/index.ts';
import { kopecksToRubText, parseNumber, rubToKopecks } from '../shell/numbers.ts';
import { materialUnits, transportModes } from '../shell/vocabulary.ts';
import type { Deal, DealCreate } from './api.ts';
import { dealsDict } from './dict.ts';

export interface TermsText {
  quantity: string;
  unit: string;
  from: string;
  to: string;
  price: string;
  mode: string;
  paidBy: string;
  transportCost: string;
  tolerance: string;
}

type Terms = Pick<
  DealCreate,
  | 'quantity'
  | 'unit'
  | 'schedule'
  | 'priceKopecksPerUnit'
  | 'transport'
  | 'transportKopecksPerUnit'
  | 'tolerancePct'
>;

const year = new Date().getFullYear();
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
};

/** A deal's current terms as the boxes show them (the decimal mark of the reader's language). */
export function termsText(d: Deal, mark: ',' | '.'): TermsText {
  return {
    quantity: String(d.quantity),
    unit: d.unit,
    from: d.schedule.from,
    to: d.schedule.to,
    price: kopecksToRubText(d.priceKopecksPerUnit, mark),
    mode: d.transport.mode,
    paidBy: d.transport.paidBy,
    transportCost: kopecksToRubText(d.transportKopecksPerUnit, mark),
    tolerance: String(d.tolerancePct),
  };
}

/** The boxes' text as terms, or the boxes that are not numbers. */
export function parseTerms(v: TermsText): { terms: Terms; bad: Set<keyof TermsText> } {
  const bad = new Set<keyof TermsText>();
  const num = (k: keyof TermsText, n: number | undefined) => {
    if (n === undefined || Number.isNaN(n)) bad.add(k);
    return n ?? 0;
  };
  const terms: Terms = {
    quantity: num('quantity', parseNumber(v.quantity)),
    unit: v.unit as Terms['unit'],
    schedule: { from: v.from, to: v.to },
    priceKopecksPerUnit: num('price', rubToKopecks(v.price)),
    transport: {
      mode: v.mode as NonNullable<Terms['transport']>['mode'],
      paidBy: v.paidBy === 'provider' ? 'provider' : 'consumer',
    },
    transportKopecksPerUnit: num('transportCost', rubToKopecks(v.transportCost)),
    tolerancePct: num('tolerance', parseNumber(v.tolerance)),
  };
  return { terms, bad };
}

export function TermsFields({
  value,
  onChange,
  bad,
  errors,
}: {
  value: TermsText;
  onChange: (v: TermsText) => void;
  bad: Set<keyof TermsText>;
  /** the server's words per field */
  errors: Record<string, string>;
}) {
  const t = useT(dealsDict);
  const x = useExchangeLabels();
  const set = (k: keyof TermsText) => (e: { target: { value: string } }) =>
    onChange({ ...value, [k]: e.target.value });
  const err = (k: keyof TermsText, field: string) => (bad.has(k) ? t('fNumberBad') : errors[field]);
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
        <select name="unit" value={value.unit} onChange={set('unit')}>
          {materialUnits.map((u) => (
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
    </div>
  );
}
