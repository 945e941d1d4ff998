// Deals' calls: the list, one deal with its timeline, transitions, the message thread,
// deliveries and the trial balance. Paths and bodies are typed by api-types.ts, generated from
// the server's schemas.
import { answer, client, type RequestBody } from '../shell/api.ts';
import type { components } from '../shell/api-types.ts';

const path = (id: string) => ({ params: { path: { id } } });

export type DealSummary = components['schemas']['DealSummary'];
export type Deal = components['schemas']['Deal'];
export type DealView = components['schemas']['DealView'];
export type DealState = components['schemas']['DealState'];
export type DealAction = components['schemas']['DealAction'];
export type DealSide = components['schemas']['DealSide'];
export type DealMessage = components['schemas']['DealMessage'];
export type Delivery = components['schemas']['Delivery'];
export type DeliveryMethod = components['schemas']['DeliveryMethod'];
export type TrialBalance = components['schemas']['TrialBalance'];
export type ValueChain = components['schemas']['ValueChain'];
export type DealCost = components['schemas']['DealCost'];
export type DealLedger = components['schemas']['DealLedger'];
export type DealDevice = components['schemas']['DealDevice'];
export type DeviceView = components['schemas']['DeviceView'];
export interface FlowsFilter {
  material?: string;
  from?: string;
  to?: string;
}
export type DealCreate = RequestBody<'/api/v1/deals', 'post'>;
export type TransitionBody = RequestBody<'/api/v1/deals/{id}/transitions', 'post'>;
export type DeliveryBody = RequestBody<'/api/v1/deals/{id}/deliveries', 'post'>;

export {
  dealActionValues as dealActions,
  dealStateValues as dealStates,
  deliveryMethodValues as deliveryMethods,
} from '../shell/api-types.ts';

export const dealsApi = {
  list: () => answer(client.GET('/api/v1/deals')),
  deal: (id: string) => answer(client.GET('/api/v1/deals/{id}', path(id))),
  create: (body: DealCreate) => answer(client.POST('/api/v1/deals', { body })),
  transition: (id: string, body: TransitionBody) =>
    answer(client.POST('/api/v1/deals/{id}/transitions', { ...path(id), body })),
  messages: (id: string) => answer(client.GET('/api/v1/deals/{id}/messages', path(id))),
  post: (id: string, text: string) =>
    answer(client.POST('/api/v1/deals/{id}/messages', { ...path(id), body: { text } })),
  deliveries: (dealId: string) =>
    answer(client.GET('/api/v1/deliveries', { params: { query: { dealId } } })),
  deliver: (id: string, body: DeliveryBody) =>
    answer(client.POST('/api/v1/deals/{id}/deliveries', { ...path(id), body })),
  trialBalance: (asOf?: string) =>
    answer(client.GET('/api/v1/ledger/trial-balance', { params: { query: { asOf } } })),
  flows: (query: FlowsFilter) => answer(client.GET('/api/v1/flows', { params: { query } })),
  costs: (id: string) => answer(client.GET('/api/v1/deals/{id}/costs', path(id))),
  ledger: (id: string) => answer(client.GET('/api/v1/deals/{id}/ledger', path(id))),
  devices: (id: string) => answer(client.GET('/api/v1/deals/{id}/devices', path(id))),
  link: (id: string, deviceId: string) =>
    answer(client.POST('/api/v1/deals/{id}/devices', { ...path(id), body: { deviceId } })),
  unlink: (id: string, linkId: string) =>
    answer(
      client.DELETE('/api/v1/deals/{id}/devices/{linkId}', {
        params: { path: { id, linkId } },
      }),
    ),
  /** the caller's organisation's own devices (the weighbridges it may link) */
  ownDevices: () => answer(client.GET('/api/v1/devices')),
};
