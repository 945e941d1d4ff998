import { useMemo } from 'react';
import type { Locale } from '../i18n/index.ts';
import { useLocale } from '../i18n/index.ts';
import { registryApi } from '../registry/api.ts';
import type { ApiError } from '../shell/api.ts';
import type { Material, MaterialUse, QualityProperty } from '../shell/types.ts';
import { useResource } from '../shell/useResource.ts';

export interface Taxonomy {
  materials: Material[];
  uses: MaterialUse[];
  material: (id: string | null | undefined) => Material | undefined;
  property: (id: string) => QualityProperty | undefined;
  /** the material's name in the user's language (its id when unknown) */
  materialName: (id: string | null | undefined) => string;
  nameOfUse: (id: string | null | undefined) => string;
  propertyName: (id: string) => string;
  /** the properties a request for a use may limit: those of every material serving it */
  propertiesForUse: (useId: string) => string[];
}

/** The taxonomy's look-ups over its three lists, named and sorted in one language. */
export function buildTaxonomy(
  materials: Material[],
  uses: MaterialUse[],
  properties: QualityProperty[],
  locale: Locale,
): Taxonomy {
  const m = new Map(materials.map((x) => [x.id, x]));
  const u = new Map(uses.map((x) => [x.id, x]));
  const p = new Map(properties.map((x) => [x.id, x]));
  const byName = <T extends { name: { ru: string; en: string } }>(a: T, b: T) =>
    a.name[locale].localeCompare(b.name[locale], locale);
  return {
    materials: [...materials].sort(byName),
    uses: [...uses].sort(byName),
    material: (id) => (id ? m.get(id) : undefined),
    property: (id) => p.get(id),
    materialName: (id) => (id ? (m.get(id)?.name[locale] ?? id) : ''),
    nameOfUse: (id) => (id ? (u.get(id)?.name[locale] ?? id) : ''),
    propertyName: (id) => p.get(id)?.name[locale] ?? id,
    propertiesForUse: (useId) => [
      ...new Set(materials.filter((x) => x.uses.includes(useId)).flatMap((x) => x.properties)),
    ],
  };
}

/** The material taxonomy (materials, uses, quality properties) in the user's language. */
export function useTaxonomy(): {
  data: Taxonomy | undefined;
  error: ApiError | undefined;
  reload: () => void;
} {
  const { locale } = useLocale();
  const materials = useResource(registryApi.materials, []);
  const uses = useResource(registryApi.uses, []);
  const properties = useResource(registryApi.qualityProperties, []);
  const data = useMemo(
    () =>
      materials.data && uses.data && properties.data
        ? buildTaxonomy(materials.data, uses.data, properties.data, locale)
        : undefined,
    [materials.data, uses.data, properties.data, locale],
  );
  const error = materials.error ?? uses.error ?? properties.error;
  return {
    data,
    error,
    reload: () => {
      materials.reload();
      uses.reload();
      properties.reload();
    },
  };
}
