import { useFormat, useT } from '../../i18n/index.ts';
import { href } from '../../shell/router.ts';
import type { Plan, SavedPlan } from '../../shell/types.ts';
import { exchangeDict } from '../dict.ts';

/** The listings a warning concerns (its params hold their ids), each a link to act on it. */
function WarningLinks({ params }: { params: Plan['warnings'][number]['params'] }) {
  const t = useT(exchangeDict);
  const links = (['supply', 'demand', 'id'] as const).flatMap((k) => {
    const id = params[k];
    return typeof id === 'string' ? [{ k, id }] : [];
  });
  if (links.length === 0) return null;
  return (
    <span className="warning-links">
      {links.map(({ k, id }) => (
        <a key={k} href={href('marketplace', id)} data-testid="warning-link">
          {t(k === 'supply' ? 'warnOpenOffer' : k === 'demand' ? 'warnOpenRequest' : 'warnOpen')}
        </a>
      ))}
    </span>
  );
}

/** What the plan left out and why (a listing beyond the exact range, …), in the UI's language, folded. */
export function PlanWarnings({ warnings }: { warnings: Plan['warnings'] }) {
  const t = useT(exchangeDict);
  const fmt = useFormat();
  if (warnings.length === 0) return null;
  return (
    <section className="card" data-testid="plan-warnings">
      <details>
        <summary className="card-title summary-title">
          {t('warningsTitle', { n: fmt.integer(warnings.length) })}
        </summary>
        <p className="muted small">{t('warningsLead')}</p>
        <ul className="warnings">
          {warnings.map((w) => (
            <li key={`${w.code}:${w.message}`} data-testid="plan-warning">
              {w.message}
              <WarningLinks params={w.params} />
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

/** Saving the plan turns each flow into a match proposal to both holders, unless its pair was proposed before. */
export function SaveCard({
  saved,
  canSave,
  disabled,
  saving,
  onSave,
}: {
  saved: SavedPlan | null;
  /** an observer reads plans but saves none */
  canSave: boolean;
  disabled: boolean;
  saving: boolean;
  onSave: () => void;
}) {
  const t = useT(exchangeDict);
  const fmt = useFormat();
  return (
    <section className="card save-card">
      {saved ? (
        <div className="alert alert-success" role="status" data-testid="plan-saved">
          {t('savedText', { n: fmt.integer(saved.proposals.created) })}
          {saved.proposals.superseded > 0 &&
            ` ${t('savedSuperseded', { n: fmt.integer(saved.proposals.superseded) })}`}
          {saved.proposals.alreadyOpen > 0 &&
            ` ${t('savedAlreadyOpen', { n: fmt.integer(saved.proposals.alreadyOpen) })}`}
          {saved.proposals.declinedBefore > 0 &&
            ` ${t('savedDeclinedBefore', { n: fmt.integer(saved.proposals.declinedBefore) })}`}
          {saved.proposals.noRoom > 0 &&
            ` ${t('savedNoRoom', { n: fmt.integer(saved.proposals.noRoom) })}`}{' '}
          <a href={href('matches')}>{t('toMatches')}</a>
        </div>
      ) : (
        <>
          <div>
            <h2 className="card-title">{t('saveTitle')}</h2>
            <p className="muted small">{t('saveLead')}</p>
          </div>
          {canSave ? (
            <button
              type="button"
              className="btn btn-primary"
              disabled={disabled || saving}
              onClick={onSave}
              data-testid="save-plan"
            >
              {saving ? t('saving') : t('savePlan')}
            </button>
          ) : (
            <p className="note">{t('saveObserver')}</p>
          )}
        </>
      )}
    </section>
  );
}
