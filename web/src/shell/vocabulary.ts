// Closed word lists of the API, as the server's zod schemas define them, as plain arrays (the
// web app lists them without bundling zod): the registry's from src/model/vocabulary.ts, which
// its schemas are built from; the others through the generated api-types.ts, so a value added
// on the server shows up here after `npm run api:types`.
export {
  agglomerations,
  membershipRoles,
  organisationKinds,
  vatRegimes,
} from '../../../src/model/vocabulary.ts';
export {
  apiKeyCreateRoleValues as apiKeyRoles,
  applicationStatusValues as applicationStatuses,
  counterfactualValues as counterfactuals,
  invitationCreateRoleValues as invitationRoles,
  legalStatusValues as legalStatuses,
  listingSideValues as listingSides,
  listingStatusValues as listingStatuses,
  listingVisibilityValues as listingVisibilities,
  matchDecisionValues as matchDecisions,
  matchStatusValues as matchStatuses,
  materialUnitValues as materialUnits,
  organisationStatusValues as organisationStatuses,
  substituteValues as substitutes,
  transferFormatValues as transferFormats,
  transportModeValues as transportModes,
} from './api-types.ts';

/** Whether a text (a URL's query, a select's value) is one of a list's values. */
export const isOneOf = <T extends string>(values: readonly T[], text: string): text is T =>
  (values as readonly string[]).includes(text);
