import { clusterYear } from '../../src/model/days.ts';
import {
  completeInn10,
  completeOgrn13,
  systemActor,
  type UserRole,
} from '../../src/model/index.ts';
import type { Platform } from '../../src/platform.ts';
import { type OrganisationInput, SESSION_COOKIE } from '../../src/registry/index.ts';

let serial = 100;

/** A valid organisation with fresh generated identifiers. */
export function organisationInput(over: Partial<OrganisationInput> = {}): OrganisationInput {
  serial += 1;
  const body = String(serial).padStart(7, '0');
  return {
    name: `ООО «Тестовый разрез ${serial}»`,
    nameEn: `Test open pit ${serial}`,
    kind: 'open_pit',
    inn: completeInn10(`42${body}`),
    ogrn: completeOgrn13(`11242${body}`),
    kpp: '420501001',
    okved: '05.10',
    region: 'Кемеровская область — Кузбасс',
    employees: 1200,
    knowledgeWorkers: 90,
    identifiersGenerated: true,
    ...over,
  };
}

export const siteKemerovo = {
  name: 'Промплощадка Кемерово',
  kind: 'plant' as const,
  lat: 55.36,
  lon: 86.09,
};
export const siteMyski = {
  name: 'Участок Мыски',
  kind: 'open_pit' as const,
  lat: 53.7,
  lon: 87.83,
};
export const siteNovosibirsk = {
  name: 'Офис Новосибирск',
  kind: 'office' as const,
  lat: 55.0302,
  lon: 82.9204,
};

/** A user of the organisation with an open session: its id and the cookie that carries it. */
export async function signedIn(
  p: Platform,
  organisationId: string,
  user: { email: string; name: string; role: UserRole; password?: string },
): Promise<{ id: string; cookie: string }> {
  const u = await p.users.createUser(systemActor, organisationId, {
    password: 'password-for-tests',
    ...user,
  });
  return { id: u.id, cookie: `${SESSION_COOKIE}=${(await p.users.openSession(u.id)).token}` };
}

/** A platform operator's organisation `<prefix>-operator` and its operator admin, signed in. */
export async function signedInOperator(p: Platform, prefix: string) {
  await p.registry.createOrganisation(systemActor, {
    ...organisationInput({ kind: 'platform_operator' }),
    id: `${prefix}-operator`,
  });
  return signedIn(p, `${prefix}-operator`, {
    email: `operator@${prefix}.example`,
    name: 'Оператор',
    role: 'operator_admin',
    password: 'operator-password-1',
  });
}

/**
 * A deal's schedule that still lies ahead whenever the suite runs: a deal plans deliveries to
 * come (a schedule wholly before today is refused), from a fixed start the lots are dated after.
 */
export const scheduleAhead = {
  from: '2026-01-01',
  to: `${clusterYear(Date.now()) + 1}-12-31`,
};
