// Pure helpers of a plan's flows, shared by its table, map and robustness list.
import type { PlanFlow } from '../../shell/types.ts';

/** A flow's key: its offer and its request (one flow per pair). */
export const flowKey = (f: Pick<PlanFlow, 'supply' | 'demand'>) => `${f.supply}>${f.demand}`;

/** A flow's CO2e as the plan computed it: avoided less the transport's emissions. */
export function flowCo2e(f: Pick<PlanFlow, 'co2eAvoidedT' | 'transportCo2eT'>) {
  return {
    avoided: f.co2eAvoidedT,
    transport: f.transportCo2eT,
    net: f.co2eAvoidedT - f.transportCo2eT,
  };
}

/** A robustness run's link as a level of confidence: in most runs, in half, in few. */
export const robustLevel = (share: number) =>
  share >= 0.8 ? 'high' : share >= 0.5 ? 'mid' : 'low';
