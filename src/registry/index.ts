export { type FkkoCatalogue, type FkkoEntry, normaliseFkko } from './fkko.ts';
export { agglomerationCentres, cities, greatCircleKm, placeSite } from './geography.ts';
export {
  inPublicDirectory,
  isOperator,
  requireLogin,
  requireOperator,
  requireOrganisationRole,
  requireOwnOrOperator,
} from './policy.ts';
export { fkkoCatalogue, regionOutline } from './reference.ts';
export * as registryQueries from './repository.ts';
export { RegistryService } from './service.ts';
export {
  collectSnapshot,
  formatFromFileName,
  type ImportResult,
  TransferService,
} from './transfer/index.ts';
export { UserService } from './users.ts';
