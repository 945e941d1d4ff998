// The machines module's calls: devices and their tokens, the plants and their description, KPIs,
// alarms, telemetry for the charts. Paths and answers are typed by api-types.ts.
import { type Locale, localised } from '../i18n/index.ts';
import { answer, client, type RequestBody } from '../shell/api.ts';

const path = (id: string) => ({ params: { path: { id } } });

export const machinesApi = {
  profiles: () => answer(client.GET('/api/v1/device-profiles')),
  /** the organisation's devices (the operator, too, sees one organisation's here, not all) */
  devices: (organisationId: string) =>
    answer(client.GET('/api/v1/devices', { params: { query: { organisation: organisationId } } })),
  createDevice: (body: RequestBody<'/api/v1/devices', 'post'>) =>
    answer(client.POST('/api/v1/devices', { body })),
  rotateToken: (id: string) => answer(client.POST('/api/v1/devices/{id}/token', path(id))),
  renameDevice: (id: string, name: string) =>
    answer(client.PATCH('/api/v1/devices/{id}', { ...path(id), body: { name } })),
  latest: (id: string) => answer(client.GET('/api/v1/devices/{id}/latest', path(id))),
  deviceGrants: (id: string) => answer(client.GET('/api/v1/devices/{id}/grants', path(id))),
  grant: (id: string, body: RequestBody<'/api/v1/devices/{id}/grants', 'post'>) =>
    answer(client.POST('/api/v1/devices/{id}/grants', { ...path(id), body })),
  revokeGrant: (id: string) => answer(client.POST('/api/v1/grants/{id}/revoke', path(id))),
  /** the grants other organisations gave the caller's, with each device's name and profile */
  receivedGrants: () =>
    answer(client.GET('/api/v1/grants', { params: { query: { role: 'received' } } })),
  /** every read made under a grant, newest first */
  grantUsage: (id: string) => answer(client.GET('/api/v1/grants/{id}/usage', path(id))),
  sites: (organisationId: string) =>
    answer(client.GET('/api/v1/organisations/{id}/sites', path(organisationId))),
  /** the plants described at the organisation's sites: one call, no 404 per site without one */
  plants: (organisationId: string) =>
    answer(client.GET('/api/v1/plants', { params: { query: { organisation: organisationId } } })),
  describePlant: (siteId: string, body: RequestBody<'/api/v1/sites/{id}/plant', 'put'>) =>
    answer(client.PUT('/api/v1/sites/{id}/plant', { ...path(siteId), body })),
  /** the organisation's people: whom to ask to describe a plant */
  users: (organisationId: string) =>
    answer(client.GET('/api/v1/organisations/{id}/users', path(organisationId))),
  kpis: (siteId: string, from: string, to: string) =>
    answer(
      client.GET('/api/v1/sites/{id}/kpis', {
        params: { path: { id: siteId }, query: { from, to } },
      }),
    ),
  alarms: (siteId: string) =>
    answer(client.GET('/api/v1/alarms', { params: { query: { site: siteId } } })),
  acknowledge: (id: string) => answer(client.POST('/api/v1/alarms/{id}/acknowledge', path(id))),
  alarmRules: (profile: string) =>
    answer(client.GET('/api/v1/device-profiles/{id}/alarm-rules', path(profile))),
  setAlarmRules: (
    profile: string,
    body: RequestBody<'/api/v1/device-profiles/{id}/alarm-rules', 'put'>,
  ) => answer(client.PUT('/api/v1/device-profiles/{id}/alarm-rules', { ...path(profile), body })),
  minutes: (deviceId: string, key: string, from: string, to: string) =>
    machinesApi.buckets(deviceId, key, from, to, '1m'),
  /** A reading's averages per minute or hour over [from, to). */
  buckets: (deviceId: string, key: string, from: string, to: string, bucket: '1m' | '1h') =>
    answer(
      client.GET('/api/v1/devices/{id}/telemetry', {
        params: { path: { id: deviceId }, query: { key, from, to, bucket, agg: 'avg' } },
      }),
    ),
};

export type Alarm = Awaited<ReturnType<typeof machinesApi.alarms>>[number];
export type Device = Awaited<ReturnType<typeof machinesApi.devices>>[number];
export type Kpis = Awaited<ReturnType<typeof machinesApi.kpis>>;
export type Plant = Awaited<ReturnType<typeof machinesApi.plants>>[number];
export type AlarmRuleSet = Awaited<ReturnType<typeof machinesApi.alarmRules>>;
export type AlarmRuleSetting = AlarmRuleSet['rules'][number];
export type DeviceProfile = Awaited<ReturnType<typeof machinesApi.profiles>>[number];
export type Grant = Awaited<ReturnType<typeof machinesApi.deviceGrants>>[number];
export type ListedGrant = Awaited<ReturnType<typeof machinesApi.receivedGrants>>[number];
export type GrantUsage = Awaited<ReturnType<typeof machinesApi.grantUsage>>[number];

/** A profile's reading by its name in the reader's language; the key itself until profiles load. */
export function readingName(
  profile: DeviceProfile | undefined,
  key: string,
  locale: Locale,
): string {
  const k = profile?.keys.find((x) => x.key === key);
  return k ? localised(locale, k.label, k.labelEn) : key;
}
