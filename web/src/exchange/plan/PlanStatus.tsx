import { useFormat, useT } from '../../i18n/index.ts';
import type { Plan } from '../../shell/types.ts';
import { exchangeDict } from '../dict.ts';

/** The plan's status, its counts, the engine that solved it (in words) and when. */
export function PlanStatus({ plan }: { plan: Plan }) {
  const t = useT(exchangeDict);
  const fmt = useFormat();
  // the engines the exchange has, in words; a name the page does not know is shown as given
  const engine =
    plan.plan.engine === 'highs' || plan.plan.engine === 'network-simplex'
      ? t(`engine:${plan.plan.engine}`)
      : plan.plan.engine;
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
        {t('planEngine', { engine, at: fmt.dateTime(plan.computedAt) })}
        {plan.plan.mipGap !== null && ` · ${t('mipGap', { gap: fmt.percent(plan.plan.mipGap) })}`}
      </span>
    </div>
  );
}
