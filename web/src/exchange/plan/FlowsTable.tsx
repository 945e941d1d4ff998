import { useFormat, useLocale, useT } from '../../i18n/index.ts';
import { DataTable } from '../../shell/DataTable.tsx';
import type { PlanFlow } from '../../shell/types.ts';
import { Empty } from '../../shell/ui.tsx';
import { csvName, download, toCsv } from '../csv.ts';
import { exchangeDict } from '../dict.ts';
import { useExchangeLabels } from '../labels.ts';
import { useFlowColumns } from './flowColumns.tsx';
import { flowCo2e, flowKey } from './flows.ts';
import type { useFlowWords } from './useFlowWords.ts';

/** The plan's flows: what goes where, how much, how far, at what cost and saving; sortable. */
export function FlowsTable({
  flows,
  computedAt,
  words,
  siteName,
  highlight,
  setHighlight,
}: {
  flows: PlanFlow[];
  computedAt: string;
  words: ReturnType<typeof useFlowWords>;
  siteName: Map<string, string>;
  /** the flow under the pointer, here or on the map */
  highlight: string | null;
  setHighlight: (key: string | null) => void;
}) {
  const t = useT(exchangeDict);
  const fmt = useFormat();
  const { locale } = useLocale();
  const x = useExchangeLabels();
  const columns = useFlowColumns(words, siteName);
  const exportCsv = () => {
    const head = [
      ...(['colFrom', 'colTo', 'colMaterial', 'colUse', 'colQuantity', 'colUnit'] as const),
      ...(['colDelivered', 'colUnit', 'colDistance', 'colMode', 'colTransportRub'] as const),
      ...(['colSavingsRub', 'colCo2e'] as const),
    ].map((k) => t(k));
    const rows = flows.map((f) => [
      words.holder(f.from),
      words.holder(f.to),
      words.material(f),
      words.target(f),
      f.quantity,
      x.unit(f.unit),
      f.delivered,
      x.unit(f.deliveredUnit),
      f.distanceKm,
      x.mode(f.mode),
      f.transportKopecks / 100,
      f.savingsKopecks / 100,
      flowCo2e(f).net,
    ]);
    download(csvName('plan', Date.parse(computedAt)), toCsv([head, ...rows], locale));
  };
  return (
    <section className="card table-card">
      <div className="table-meta">
        <strong className="table-title">{t('flowsTitle')}</strong>
        {t('flowsCount', { n: fmt.integer(flows.length) })}
        <button type="button" className="btn btn-small meta-action" onClick={exportCsv}>
          {t('exportCsv')}
        </button>
      </div>
      {flows.length === 0 ? (
        <Empty title={t('noFlows')}>{t('noFlowsText')}</Empty>
      ) : (
        <DataTable
          cards
          rows={flows}
          columns={columns}
          rowKey={flowKey}
          rowProps={(f) => ({
            'data-flow': flowKey(f),
            className: highlight === flowKey(f) ? 'row-highlight' : undefined,
            onMouseEnter: () => setHighlight(flowKey(f)),
            onMouseLeave: () => setHighlight(null),
          })}
          className="table flows-table"
          testId="flows-table"
        />
      )}
    </section>
  );
}
