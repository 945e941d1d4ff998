// The assessment's public surface: the typology placement and readiness (with their pure
// engines), for the shell; network metrics and the platform's own snapshot come beside them.
import type { StateReader } from '../journal/index.ts';
import type { Reader, Store } from '../store/index.ts';
import { latestResponses } from './engine/index.ts';
import { messages } from './messages.ts';
import { migrations } from './migrations/index.ts';
import { findDeclaration, findReadiness, readinessSurveys } from './repository.ts';
import { routes } from './routes.ts';
import { AssessmentService } from './service.ts';

export { Decree779Service } from './declared.ts';
export * from './engine/index.ts';
export {
  metricArraysParallel,
  networkMetricsParallel,
  type ParallelOptions,
  sweepParallel,
} from './network-worker.ts';
export { reportHtml, reportModel, reportPdf } from './report/index.ts';
export * from './schema.ts';
export { AssessmentService } from './service.ts';

/** For `journal verify --state`: a readiness version's event carries it whole. */
export const stateReaders: StateReader[] = [
  { kind: 'readiness', carriedBy: { 'readiness.submitted': '' }, read: findReadiness },
  {
    kind: 'declaration',
    carriedBy: { 'declaration.recorded': '', 'declaration.withdrawn': '' },
    read: findDeclaration,
  },
];

export const assessmentModule = {
  name: 'assessment',
  migrations,
  messages,
  open: ({ store }: { store: Store }) => ({ assessment: new AssessmentService(store) }),
  routes,
};

/** Each organisation's latest readiness answers (for the knowledge module's competence gaps). */
export async function latestReadiness(reader: Reader) {
  return latestResponses(await readinessSurveys(reader));
}
