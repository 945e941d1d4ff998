import { completeInn10, completeOgrn13 } from '../../src/model/index.ts';
import type { OrganisationInput } from '../../src/registry/index.ts';

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
