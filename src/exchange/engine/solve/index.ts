// Public surface of the allocation engine.

export {
  type Demand,
  type EngineName,
  type Flow,
  type KeptFlow,
  type Link,
  type Problem,
  type ProblemInput,
  problemSchema,
  type SolveOptions,
  type SolveResult,
  type Supply,
} from './schema.ts';
export { DEFAULT_TIME_LIMIT_SECONDS, solve } from './solve.ts';
export { isPureTransport } from './transport.ts';
export {
  dropInvalidLinks,
  EngineInputError,
  type InputIssue,
  validateProblem,
} from './validate.ts';
