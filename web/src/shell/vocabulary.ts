// Closed word lists of the API, as the server's zod schemas define them: the values come
// through the generated api-types.ts (plain arrays), so the web app lists them without
// bundling zod, and a value added on the server shows up here after `npm run api:types`.
export {
  agglomerationValues as agglomerations,
  applicationStatusValues as applicationStatuses,
  legalStatusValues as legalStatuses,
  listingSideValues as listingSides,
  listingStatusValues as listingStatuses,
  listingVisibilityValues as listingVisibilities,
  matchDecisionValues as matchDecisions,
  matchProposalStatusValues as matchStatuses,
  materialUnitValues as materialUnits,
  membershipRoleValues as membershipRoles,
  organisationKindValues as organisationKinds,
  organisationStatusValues as organisationStatuses,
  transferFormatValues as transferFormats,
  transportModeValues as transportModes,
} from './api-types.ts';

/** Whether a text (a URL's query, a select's value) is one of a list's values. */
export const isOneOf = <T extends string>(values: readonly T[], text: string): text is T =>
  (values as readonly string[]).includes(text);
