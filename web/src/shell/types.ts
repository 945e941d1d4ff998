/** The API's shapes, taken from the platform's own zod schemas (types only: nothing of zod is bundled). */
export type {
  Agglomeration,
  ApiKey,
  Application,
  Membership,
  MembershipRole,
  Organisation,
  OrganisationKind,
  OrganisationStatus,
  Site,
  User,
  UserRole,
} from '../../../src/model/index.ts';
