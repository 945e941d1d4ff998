import { useFormat, useT } from '../../i18n/index.ts';
import type { Plan } from '../../shell/types.ts';
import { exchangeDict } from '../dict.ts';

/** The plan's status, its counts, the engine that solved it and when. */
export function PlanStatus({ plan }: { plan: Plan }) {
  const t = useT(exchangeDict);
  const fmt = useFormat();
  return (
    <div className="plan-status" data-testid="plan-status">
      <span className={`badge plan-${plan.plan.status}`}>
        {t(`planStatus:${plan.plan.status}`)}
      </span>
      <span>
        {t('planCounts', {
          offers: fmt.integer(plan.counts.offers),
          requests: fmt.integer(plan.counts.requests),
          links: fmt.integer(plan.counts.links),
          flows: fmt.integer(plan.plan.flows.length),
        })}
      </span>
      <span className="muted">
        {t('planEngine', { engine: plan.plan.engine, at: fmt.dateTime(plan.computedAt) })}
        {plan.plan.mipGap !== null && ` · ${t('mipGap', { gap: fmt.percent(plan.plan.mipGap) })}`}
      </span>
    </div>
  );
}
