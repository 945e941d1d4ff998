export {
  type Dictionary,
  dictionary,
  intlLocale,
  type Locale,
  LocaleContext,
  locales,
  useFormat,
  useLocale,
  useT,
} from './i18n.tsx';
