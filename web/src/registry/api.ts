// The registry's calls: the directory, sites, waste licences and memberships, admission, users,
// API keys, the material taxonomy and the registry's files. Paths and bodies are typed by api-types.ts.
import {
  answer,
  client,
  compact,
  type GetPath,
  type Query,
  type RequestBody,
} from '../shell/api.ts';
import type { components } from '../shell/api-types.ts';

const path = (id: string) => ({ params: { path: { id } } });

type FkkoEntry = components['schemas']['FkkoEntry'];
export type TransferFormat = components['schemas']['TransferFormat'];

export const registryApi = {
  organisations: (query: Query<'/api/v1/organisations', 'get'> = {}) =>
    answer(client.GET('/api/v1/organisations', { params: { query: compact(query) } })),
  organisation: (id: string) => answer(client.GET('/api/v1/organisations/{id}', path(id))),
  organisationSites: (id: string) =>
    answer(client.GET('/api/v1/organisations/{id}/sites', path(id))),
  organisationMemberships: (id: string) =>
    answer(client.GET('/api/v1/organisations/{id}/memberships', path(id))),
  organisationUsers: (id: string) =>
    answer(client.GET('/api/v1/organisations/{id}/users', path(id))),
  sites: () => answer(client.GET('/api/v1/sites')),

  applications: (status: Query<'/api/v1/applications', 'get'>['status']) =>
    answer(client.GET('/api/v1/applications', { params: { query: { status } } })),
  duplicateApplications: () => answer(client.GET('/api/v1/applications/duplicates')),
  answerDuplicate: (
    seq: number,
    body: RequestBody<'/api/v1/applications/duplicates/{seq}/answer', 'post'>,
  ) =>
    answer(
      client.POST('/api/v1/applications/duplicates/{seq}/answer', {
        params: { path: { seq } },
        body,
      }),
    ),
  apply: (body: RequestBody<'/api/v1/applications', 'post'>) =>
    answer(client.POST('/api/v1/applications', { body })),
  applicationStatus: (token: string) =>
    answer(client.GET('/api/v1/application-status/{token}', { params: { path: { token } } })),
  reapply: (
    token: string,
    body: RequestBody<'/api/v1/application-status/{token}/reapply', 'post'>,
  ) =>
    answer(
      client.POST('/api/v1/application-status/{token}/reapply', {
        params: { path: { token } },
        body,
      }),
    ),
  admit: (id: string, body: RequestBody<'/api/v1/applications/{id}/admit', 'post'>) =>
    answer(client.POST('/api/v1/applications/{id}/admit', { ...path(id), body })),
  reject: (id: string, body: RequestBody<'/api/v1/applications/{id}/reject', 'post'>) =>
    answer(client.POST('/api/v1/applications/{id}/reject', { ...path(id), body })),

  patchUser: (id: string, body: RequestBody<'/api/v1/users/{id}', 'patch'>) =>
    answer(client.PATCH('/api/v1/users/{id}', { ...path(id), body })),
  withdrawInvitation: (id: string) =>
    answer(client.DELETE('/api/v1/users/{id}/invitation', path(id))),
  invite: (
    organisationId: string,
    body: RequestBody<'/api/v1/organisations/{id}/invitations', 'post'>,
  ) =>
    answer(
      client.POST('/api/v1/organisations/{id}/invitations', { ...path(organisationId), body }),
    ),
  invitationPreview: (token: string) =>
    answer(client.POST('/api/v1/invitations/preview', { body: { token } })),
  acceptInvitation: (body: RequestBody<'/api/v1/invitations/accept', 'post'>) =>
    answer(client.POST('/api/v1/invitations/accept', { body })),
  issuePasswordReset: (userId: string) =>
    answer(client.POST('/api/v1/users/{id}/password-reset', path(userId))),
  acceptPasswordReset: (body: RequestBody<'/api/v1/password-resets/accept', 'post'>) =>
    answer(client.POST('/api/v1/password-resets/accept', { body })),
  patchOrganisation: (id: string, body: RequestBody<'/api/v1/organisations/{id}', 'patch'>) =>
    answer(client.PATCH('/api/v1/organisations/{id}', { ...path(id), body })),
  addSite: (
    organisationId: string,
    body: RequestBody<'/api/v1/organisations/{id}/sites', 'post'>,
  ) => answer(client.POST('/api/v1/organisations/{id}/sites', { ...path(organisationId), body })),
  patchSite: (id: string, body: RequestBody<'/api/v1/sites/{id}', 'patch'>) =>
    answer(client.PATCH('/api/v1/sites/{id}', { ...path(id), body })),
  closeSite: (id: string, body: RequestBody<'/api/v1/sites/{id}/close', 'post'>) =>
    answer(client.POST('/api/v1/sites/{id}/close', { ...path(id), body })),
  organisationLicences: (id: string) =>
    answer(client.GET('/api/v1/organisations/{id}/licences', path(id))),
  addLicence: (
    organisationId: string,
    body: RequestBody<'/api/v1/organisations/{id}/licences', 'post'>,
  ) =>
    answer(client.POST('/api/v1/organisations/{id}/licences', { ...path(organisationId), body })),
  removeLicence: (id: string, body: RequestBody<'/api/v1/licences/{id}/remove', 'post'>) =>
    answer(client.POST('/api/v1/licences/{id}/remove', { ...path(id), body })),
  endMembership: (id: string, body: RequestBody<'/api/v1/memberships/{id}/end', 'post'>) =>
    answer(client.POST('/api/v1/memberships/{id}/end', { ...path(id), body })),
  apiKeys: (organisationId: string) =>
    answer(client.GET('/api/v1/organisations/{id}/api-keys', path(organisationId))),
  createApiKey: (
    organisationId: string,
    body: RequestBody<'/api/v1/organisations/{id}/api-keys', 'post'>,
  ) =>
    answer(client.POST('/api/v1/organisations/{id}/api-keys', { ...path(organisationId), body })),
  revokeApiKey: (id: string) => answer(client.DELETE('/api/v1/api-keys/{id}', path(id))),

  materials: () => answer(client.GET('/api/v1/materials')),
  uses: () => answer(client.GET('/api/v1/uses')),
  qualityProperties: () => answer(client.GET('/api/v1/quality-properties')),
  /** FKKO codes by name or code; the route declares no response schema (yet): typed here */
  fkko: (q: string, limit: number) =>
    answer<FkkoEntry[]>(client.GET('/api/v1/fkko', { params: { query: { q, limit } } })),

  /**
   * A registry file, all in one transaction: the file's bytes as they are. `dryRun` only says
   * what each row would do; `expect` (a dry run's `preview`) applies exactly that or nothing.
   */
  importFile: (
    format: TransferFormat,
    file: Blob,
    options: { dryRun?: boolean; expect?: string } = {},
  ) =>
    answer(
      client.POST('/api/v1/registry/import', {
        params: {
          query: {
            format,
            ...(options.dryRun ? { dryRun: 'true' as const } : {}),
            ...(options.expect ? { expect: options.expect } : {}),
          },
        },
        body: file,
        bodySerializer: (b) => b,
        headers: { 'content-type': 'application/octet-stream' },
      }),
    ),
};

const exportPath: GetPath = '/api/v1/registry/export';

/** The registry as a file to download (the browser follows the link itself), in the UI's language. */
export const exportUrl = (format: TransferFormat, lang?: 'ru' | 'en') =>
  `${exportPath}?format=${format}${lang ? `&lang=${lang}` : ''}`;
