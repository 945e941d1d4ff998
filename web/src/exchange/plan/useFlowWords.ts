import { useMemo } from 'react';
import { useFormat, useT } from '../../i18n/index.ts';
import { useLabels } from '../../registry/labels.ts';
import type { FlowEnd, PlanFlow } from '../../shell/types.ts';
import { exchangeDict } from '../dict.ts';
import { useHolderName } from '../holderName.ts';
import { NBSP, useExchangeLabels } from '../labels.ts';
import type { Taxonomy } from '../taxonomy.ts';

/** A flow in words, the same on the map, in the table, in the CSV and in the robustness list. */
export function useFlowWords(tx: Taxonomy | undefined) {
  const t = useT(exchangeDict);
  const fmt = useFormat();
  const labels = useLabels();
  const x = useExchangeLabels();
  const holderName = useHolderName();
  return useMemo(() => {
    /** the holder's name, or where a hidden one is */
    const holder = (e: FlowEnd) =>
      holderName(e) ?? t('anonymousAt', { agg: labels.agglomeration(e.agglomeration) });
    /** what the request takes: its use, or its material */
    const target = (f: PlanFlow) =>
      f.demandUse ? (tx?.nameOfUse(f.demandUse) ?? '') : (tx?.materialName(f.demandMaterial) ?? '');
    const material = (f: PlanFlow) => tx?.materialName(f.material) ?? f.material;
    return {
      holder,
      target,
      material,
      describe: (f: PlanFlow) => ({
        title: `${holder(f.from)} → ${holder(f.to)}`,
        detail: `${material(f)} → ${target(f)}: ${x.computedPerYear(f.quantity, f.unit)}, ${fmt.number(f.distanceKm)}${NBSP}${t('km')}, ${x.mode(f.mode)}`,
      }),
    };
  }, [t, fmt, labels, x, tx, holderName]);
}
