import type { FormEvent } from 'react';
import { pluralForm, useFormat, useLocale, useT } from '../../i18n/index.ts';
import { parseNumber } from '../../shell/numbers.ts';
import { Field } from '../../shell/ui.tsx';
import { exchangeDict } from '../dict.ts';
import type { RunInput } from './runRequest.ts';

/** Run the plan, optionally with a robustness analysis; a progress line while it computes. */
export function RunForm({
  input,
  setInput,
  errors,
  running,
  elapsed,
  hasResult,
  onSubmit,
}: {
  input: RunInput;
  setInput: (change: Partial<RunInput>) => void;
  errors: { runs?: string; variation?: string };
  running: boolean;
  /** seconds since the run started */
  elapsed: number;
  hasResult: boolean;
  onSubmit: (e: FormEvent) => void;
}) {
  const t = useT(exchangeDict);
  const fmt = useFormat();
  const { locale } = useLocale();
  // the runs asked for (checked before the run starts: a whole number)
  const runs = parseNumber(input.runs) ?? 0;
  const runsText = t(`runs:${pluralForm(runs, locale)}`, { n: fmt.integer(runs) });
  const box = (name: 'runs' | 'variation', label: string, inputMode: 'numeric' | 'decimal') => (
    <Field label={label} error={errors[name]} className="run-field">
      {(p) => (
        <input
          {...p}
          name={name}
          inputMode={inputMode}
          value={input[name]}
          disabled={!input.robust}
          onChange={(e) => setInput({ [name]: e.target.value })}
        />
      )}
    </Field>
  );
  return (
    <form className="card run-form" onSubmit={onSubmit} noValidate data-testid="plan-form">
      <div className="run-row">
        <label className="check">
          <input
            type="checkbox"
            name="robustness"
            checked={input.robust}
            onChange={(e) => setInput({ robust: e.target.checked })}
          />
          {t('robustCheck')}
        </label>
        {box('runs', t('runs'), 'numeric')}
        {box('variation', t('variation'), 'decimal')}
        <button type="submit" className="btn btn-primary" disabled={running} data-testid="run-plan">
          {running ? t('running') : hasResult ? t('rerun') : t('run')}
        </button>
      </div>
      <p className="muted small run-note">{t('runNote')}</p>
      {running && (
        <div className="progress" role="status" aria-live="polite" data-testid="plan-progress">
          <div className="progress-bar" aria-hidden="true">
            <span />
          </div>
          <span>
            {input.robust
              ? t('progressRobust', { runs: runsText, s: fmt.decimal(elapsed, 1) })
              : t('progress', { s: fmt.decimal(elapsed, 1) })}
          </span>
        </div>
      )}
    </form>
  );
}
