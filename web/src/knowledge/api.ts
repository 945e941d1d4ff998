// The knowledge module's calls: search, assets, profiles, projects, "who can help" and human
// potential (openings, competence gaps, a person's development). Paths
// and answers are typed by api-types.ts, generated from the server's schemas.
import { answer, client, compact, type Query, type RequestBody } from '../shell/api.ts';

const path = (id: string) => ({ params: { path: { id } } });

export type SearchQuery = Query<'/api/v1/knowledge/search', 'get'>;
export type AssetBody = RequestBody<'/api/v1/knowledge/assets', 'post'>;
export type ProfileBody = RequestBody<'/api/v1/knowledge/profiles', 'post'>;
export type ProjectBody = RequestBody<'/api/v1/knowledge/projects', 'post'>;

export const knowledgeApi = {
  search: (query: SearchQuery) =>
    answer(client.GET('/api/v1/knowledge/search', { params: { query: compact(query) } })),
  createAsset: (body: AssetBody) => answer(client.POST('/api/v1/knowledge/assets', { body })),
  createProfile: (body: ProfileBody) => answer(client.POST('/api/v1/knowledge/profiles', { body })),
  createProject: (body: ProjectBody) => answer(client.POST('/api/v1/knowledge/projects', { body })),
  competences: () => answer(client.GET('/api/v1/knowledge/competences')),
  asset: (id: string) => answer(client.GET('/api/v1/knowledge/assets/{id}', path(id))),
  profile: (id: string) => answer(client.GET('/api/v1/knowledge/profiles/{id}', path(id))),
  project: (id: string) => answer(client.GET('/api/v1/knowledge/projects/{id}', path(id))),
  projectHelpers: (id: string) =>
    answer(client.GET('/api/v1/knowledge/projects/{id}/helpers', path(id))),
  listingHelpers: (id: string) =>
    answer(client.GET('/api/v1/knowledge/listings/{id}/helpers', path(id))),
  openings: () => answer(client.GET('/api/v1/knowledge/openings')),
  gaps: () => answer(client.GET('/api/v1/knowledge/gaps')),
  development: (id: string) =>
    answer(client.GET('/api/v1/knowledge/profiles/{id}/development', path(id))),
  requestAsset: (id: string, message?: string) =>
    answer(
      client.POST('/api/v1/knowledge/assets/{id}/request', { ...path(id), body: { message } }),
    ),
  consult: (id: string, message?: string) =>
    answer(
      client.POST('/api/v1/knowledge/profiles/{id}/consultation', {
        ...path(id),
        body: { message },
      }),
    ),
};
