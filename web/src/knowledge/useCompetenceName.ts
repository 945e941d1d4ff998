// A competence's name in the page's language from its id; the id itself until the
// vocabulary has loaded (or when it names nothing), so a page never shows a blank.
import { useLocale } from '../i18n/index.ts';
import { useResource } from '../shell/useResource.ts';
import { knowledgeApi } from './api.ts';

export function useCompetenceName(): (id: string) => string {
  const { locale } = useLocale();
  const vocabulary = useResource(() => knowledgeApi.competences(), []);
  return (id: string) => {
    const found = vocabulary.data?.find((c) => c.id === id);
    return found ? (locale === 'en' ? found.en : found.ru) : id;
  };
}
