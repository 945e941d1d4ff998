// The assessment's calls: the cluster's placement and trajectory, readiness, the territorial
// baseline. Paths and answers are typed by api-types.ts, generated from the server's schemas.
import { DEFAULT_WINDOW_MONTHS } from '../../../src/assessment/limits.ts';
import { answer, client, type RequestBody } from '../shell/api.ts';

export type NetworkLayer = 'exchange' | 'knowledge' | 'governance';
export type ReadinessBody = RequestBody<'/api/v1/assessment/readiness/{id}', 'post'>;

export const assessmentApi = {
  placement: () =>
    // the server's default window, the same as the report's and the CLI's
    answer(client.GET('/api/v1/assessment/typology', {})),
  trajectory: () => answer(client.GET('/api/v1/assessment/trajectory', { params: { query: {} } })),
  readiness: () => answer(client.GET('/api/v1/assessment/readiness')),
  myReadiness: (id: string) =>
    answer(client.GET('/api/v1/assessment/readiness/{id}', { params: { path: { id } } })),
  answerReadiness: (id: string, body: ReadinessBody) =>
    answer(client.POST('/api/v1/assessment/readiness/{id}', { params: { path: { id } }, body })),
  territory: () => answer(client.GET('/api/v1/assessment/territory')),
  /** the network over the placement's window (the server's default), so their figures agree */
  network: (layer?: NetworkLayer) =>
    answer(
      client.GET('/api/v1/assessment/network', {
        params: { query: { months: DEFAULT_WINDOW_MONTHS, ...(layer ? { layer } : {}) } },
      }),
    ),
};
