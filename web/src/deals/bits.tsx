// Deals' small pieces: the caller's side, the state badge, money in roubles.

import { useExchangeLabels } from '../exchange/labels.ts';
import { useFormat, useT } from '../i18n/index.ts';
import type { DealSide, DealState } from './api.ts';
import { dealsDict } from './dict.ts';

export { useOrgNames } from '../registry/useOrgNames.ts';

/** The side an organisation takes in a deal, or null when it is neither. */
export const sideOf = (
  d: { providerId: string; consumerId: string },
  organisationId: string | undefined,
): DealSide | null =>
  d.providerId === organisationId
    ? 'provider'
    : d.consumerId === organisationId
      ? 'consumer'
      : null;

export function StateBadge({ state }: { state: DealState }) {
  const t = useT(dealsDict);
  return (
    <span className={`badge deal-state deal-state-${state}`} data-testid="deal-state">
      {t(`state:${state}`)}
    </span>
  );
}

/**
 * Money words: a price per unit, without VAT as every deal price is (negative: the provider
 * pays a gate fee): «80,00 ₽/т без НДС (плата за приём, платит поставщик)»; and an amount.
 */
export function useMoney() {
  const t = useT(dealsDict);
  const x = useExchangeLabels();
  const f = useFormat();
  return {
    price: (kopecks: number, unit: string) =>
      kopecks < 0
        ? `${x.kopecksPerUnit(-kopecks, unit)} ${t('exVat')} (${t('gateFee')})`
        : `${x.kopecksPerUnit(kopecks, unit)} ${t('exVat')}`,
    /** kopecks as roubles with kopecks: «1 234,50 ₽» */
    amount: f.money,
  };
}
