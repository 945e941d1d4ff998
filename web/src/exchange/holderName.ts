// A holder's name in the UI's language: the registry's English name in English mode, when it
// has one; the Russian name otherwise (M7).
import { useCallback } from 'react';
import { useLocale } from '../i18n/index.ts';

interface Named {
  organisationName: string | null;
  organisationNameEn?: string | null;
}

export function useHolderName(): (x: Named) => string | null {
  const { locale } = useLocale();
  return useCallback(
    (x: Named) => (locale === 'en' && x.organisationNameEn) || x.organisationName,
    [locale],
  );
}
