// The words beside the codes in an export, in both languages, and the way back: an import
// reads a code or either language's word for it, so an edited spreadsheet still round-trips.
import type { Lang } from '../../model/index.ts';

import type { Vocabulary } from '../../model/vocabulary.ts';

export {
  agglomerationWords,
  organisationKindWords,
  roleWords,
  siteKindWords,
  type Vocabulary,
  vatRegimeWords,
  type Wording,
} from '../../model/vocabulary.ts';

export const provenanceWords: Vocabulary = {
  sourced: { ru: 'Источник', en: 'Sourced' },
  estimate: { ru: 'Оценка', en: 'Estimate' },
  generated: { ru: 'Сгенерировано', en: 'Generated' },
};

/** The fields of an organisation that carry a provenance, by the names people see. */
export const provenanceFieldWords: Vocabulary = {
  name: { ru: 'Наименование', en: 'Name' },
  employees: { ru: 'Работников', en: 'Employees' },
  knowledgeWorkers: { ru: 'Работников знаний', en: 'Knowledge workers' },
  inn: { ru: 'ИНН', en: 'INN' },
  ogrn: { ru: 'ОГРН', en: 'OGRN' },
  kpp: { ru: 'КПП', en: 'KPP' },
  okved: { ru: 'ОКВЭД', en: 'OKVED' },
  description: { ru: 'Описание', en: 'Description' },
  website: { ru: 'Сайт', en: 'Website' },
};

/** The word for a code in one language; an unknown code is shown as it is. */
export const wordFor = (vocabulary: Vocabulary, code: unknown, lang: Lang): string =>
  typeof code === 'string' ? (vocabulary[code]?.[lang] ?? code) : '';

const fold = (s: string) => s.trim().toLocaleLowerCase('ru').replaceAll('ё', 'е');

/** The code a cell means: the code itself, or its word in Russian or English; else null. */
export function codeOf(vocabulary: Vocabulary, text: string): string | null {
  const t = fold(text);
  if (t === '') return null;
  for (const [code, w] of Object.entries(vocabulary))
    if (fold(code) === t || fold(w.ru) === t || fold(w.en) === t) return code;
  return null;
}
