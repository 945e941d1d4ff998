// Organisation names for any page: one read of the directory for all the pieces on screen
// (again after a failure). Deals, governance and knowledge take it from here; it stands apart
// from their pieces so a page in the main bundle (knowledge) pulls no module's dictionary in.
import { localised, useLocale } from '../i18n/index.ts';
import { useResource } from '../shell/useResource.ts';
import { registryApi } from './api.ts';

type Directory = Awaited<ReturnType<typeof registryApi.organisations>>;
let directory: Promise<Directory> | null = null;
/** The directory once read: a page opened after it shows names from its first paint, not ids. */
let known: Directory | undefined;
function organisations() {
  directory ??= registryApi.organisations().then(
    (d) => {
      known = d;
      return d;
    },
    (e: unknown) => {
      directory = null;
      throw e;
    },
  );
  return directory;
}

/** Organisation id → its name in the reader's language (the id itself until the names load). */
export function useOrgNames() {
  const { locale } = useLocale();
  const orgs = useResource(organisations, []);
  const list = orgs.data ?? known;
  const names = new Map(
    (list ?? []).map((o) => [o.id, localised(locale, o.name, o.nameEn)] as const),
  );
  return {
    name: (id: string | null | undefined) => (id ? (names.get(id) ?? id) : ''),
    list: list ?? [],
    /** Whether the names have loaded: before, a name is its id, which a sentence should not show. */
    ready: list !== undefined,
  };
}
