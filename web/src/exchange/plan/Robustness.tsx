import { useFormat, useT } from '../../i18n/index.ts';
import { useLabels } from '../../registry/labels.ts';
import type { FlowEnd, Listing, Plan } from '../../shell/types.ts';
import { Empty } from '../../shell/ui.tsx';
import { exchangeDict } from '../dict.ts';
import { useHolderName } from '../holderName.ts';
import type { Taxonomy } from '../taxonomy.ts';
import { flowKey, robustLevel } from './flows.ts';

/** How often each link carried flow when the volumes varied: the plan's robust part. */
export function Robustness({
  plan,
  tx,
  byListing,
  holder,
}: {
  plan: Plan;
  tx: Taxonomy;
  byListing: Map<string, Listing>;
  holder: (e: FlowEnd) => string;
}) {
  const t = useT(exchangeDict);
  const fmt = useFormat();
  const labels = useLabels();
  const holderName = useHolderName();
  const entries = plan.robustness ?? [];
  const inPlan = new Map(plan.plan.flows.map((f) => [flowKey(f), f]));
  /** A listing's holder as the plan shows it: named, or anonymous in its agglomeration. */
  const holderOf = (id: string) => {
    const l = byListing.get(id);
    if (!l) return '—';
    return l.holderHidden
      ? t('anonymousAt', { agg: labels.agglomeration(l.agglomeration) })
      : holderName(l);
  };
  const materialOf = (id: string) => {
    const l = byListing.get(id);
    return l?.materialId ? tx.materialName(l.materialId) : '';
  };
  return (
    <section className="card" data-testid="robustness">
      <h2 className="card-title">{t('robustTitle')}</h2>
      <p className="muted small">{t('robustLead')}</p>
      {entries.length === 0 ? (
        <Empty title={t('noFlows')} />
      ) : (
        <ul className="bars robust-bars">
          {entries.map((e) => {
            const f = inPlan.get(flowKey(e));
            // one form for every row, in the plan or not (user walk L8): material: from → to
            const label = f
              ? `${tx.materialName(f.material)}: ${holder(f.from)} → ${holder(f.to)}`
              : `${materialOf(e.supply)}: ${holderOf(e.supply)} → ${holderOf(e.demand)}`;
            const level = robustLevel(e.share);
            return (
              <li key={flowKey(e)}>
                <span className="bar-label">
                  {label}
                  {!f && <span className="badge">{t('notInPlan')}</span>}
                </span>
                <span className="bar-track" aria-hidden="true">
                  <span
                    className={`bar-fill robust-${level}`}
                    style={{ width: `${100 * e.share}%` }}
                  />
                </span>
                <span className="bar-value">{fmt.percent(e.share)}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
