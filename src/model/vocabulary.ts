// The registry's closed word lists as plain data (no zod), so the web app shares them
// without bundling the schemas: the zod enums in registry.ts are built from these.
export const organisationKinds = [
  'open_pit',
  'underground_mine',
  'preparation_plant',
  'power_plant',
  'coke_chemical',
  'chemical',
  'construction_materials',
  'waste_processor',
  'logistics',
  'university',
  'research_institute',
  'regional_government',
  'platform_operator',
  'service_provider',
  'other',
] as const;

export const membershipRoles = ['keystone', 'core', 'niche', 'institution'] as const;

export const agglomerations = ['kemerovo', 'novokuznetsk', 'leninsk-belovo', 'north'] as const;
