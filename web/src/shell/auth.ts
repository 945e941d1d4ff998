// The session's calls: who is logged in, log in and out, the user's own settings.
import { answer, client, type RequestBody } from './api.ts';

export const authApi = {
  me: () => answer(client.GET('/api/v1/auth/me')),
  updateMe: (body: RequestBody<'/api/v1/auth/me', 'patch'>) =>
    answer(client.PATCH('/api/v1/auth/me', { body })),
  login: (email: string, password: string) =>
    answer(client.POST('/api/v1/auth/login', { body: { email, password } })),
  logout: () => answer(client.POST('/api/v1/auth/logout')),
  changePassword: (body: RequestBody<'/api/v1/auth/password', 'post'>) =>
    answer(client.POST('/api/v1/auth/password', { body })),
  endOtherSessions: () => answer(client.POST('/api/v1/auth/sessions/end-others')),
};
