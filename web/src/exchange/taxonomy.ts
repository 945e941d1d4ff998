import { useMemo } from 'react';
import { useLocale } from '../i18n/index.ts';
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

/** The material taxonomy (materials, uses, quality properties) in the user's language. */
export function useTaxonomy(): {
  data: Taxonomy | undefined;
  error: ApiError | undefined;
  reload: () => void;
} {
  const { locale } = useLocale();
  const materials = useResource<Material[]>('/api/v1/materials');
  const uses = useResource<MaterialUse[]>('/api/v1/uses');
  const properties = useResource<QualityProperty[]>('/api/v1/quality-properties');
  const data = useMemo<Taxonomy | undefined>(() => {
    if (!materials.data || !uses.data || !properties.data) return undefined;
    const m = new Map(materials.data.map((x) => [x.id, x]));
    const u = new Map(uses.data.map((x) => [x.id, x]));
    const p = new Map(properties.data.map((x) => [x.id, x]));
    const byName = <T extends { name: { ru: string; en: string } }>(a: T, b: T) =>
      a.name[locale].localeCompare(b.name[locale], locale);
    return {
      materials: [...materials.data].sort(byName),
      uses: [...uses.data].sort(byName),
      material: (id) => (id ? m.get(id) : undefined),
      property: (id) => p.get(id),
      materialName: (id) => (id ? (m.get(id)?.name[locale] ?? id) : ''),
      nameOfUse: (id) => (id ? (u.get(id)?.name[locale] ?? id) : ''),
      propertyName: (id) => p.get(id)?.name[locale] ?? id,
      propertiesForUse: (useId) => [
        ...new Set(
          materials.data!.filter((x) => x.uses.includes(useId)).flatMap((x) => x.properties),
        ),
      ],
    };
  }, [materials.data, uses.data, properties.data, locale]);
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
