// Organisation names for any page: one read of the directory for all the pieces on screen
// (again after a failure). Deals, governance and knowledge take it from here; it stands apart
// from their pieces so a page in the main bundle (knowledge) pulls no module's dictionary in.
import { localised, useLocale } from '../i18n/index.ts';
import { useSession } from '../shell/session.tsx';
import { useResource } from '../shell/useResource.ts';
import { registryApi } from './api.ts';

type Directory = Awaited<ReturnType<typeof registryApi.organisations>>;
/**
 * The directory as one user reads it (the operator sees applicants a visitor does not), read
 * once per user; `known` once it came, so a page opened after it names organisations from its
 * first paint, not by their ids.
 */
let cache: { who: string; directory: Promise<Directory>; known?: Directory } | null = null;
function organisations(who: string) {
  if (cache?.who !== who) {
    const entry: NonNullable<typeof cache> = {
      who,
      directory: registryApi.organisations().then(
        (d) => {
          entry.known = d;
          return d;
        },
        (e: unknown) => {
          if (cache === entry) cache = null;
          throw e;
        },
      ),
    };
    cache = entry;
  }
  return cache.directory;
}

/**
 * Organisation id → its name in the reader's language: «…» while the names load (an id is
 * nothing a reader can use), the id itself only if the directory failed or does not hold it.
 */
export function useOrgNames() {
  const { locale } = useLocale();
  const who = useSession().user?.id ?? '';
  const orgs = useResource(() => organisations(who), [who]);
  const list = orgs.data ?? (cache?.who === who ? cache.known : undefined);
  const names = new Map(
    (list ?? []).map((o) => [o.id, localised(locale, o.name, o.nameEn)] as const),
  );
  const waiting = list === undefined && orgs.error === undefined;
  return {
    name: (id: string | null | undefined) => (id ? (names.get(id) ?? (waiting ? '…' : id)) : ''),
    list: list ?? [],
    /** Whether the names have loaded: before, a name is its id, which a sentence should not show. */
    ready: list !== undefined,
  };
}
