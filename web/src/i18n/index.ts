export {
  type Dictionary,
  decimalMarkOf,
  dictionary,
  intlLocale,
  type Locale,
  LocaleContext,
  locales,
  localised,
  provenanceNote,
  useDecimalMarkSwitch,
  useFormat,
  useLocale,
  useT,
  useWordingState,
  type Wording,
  withMinus,
  wording,
  writtenIn,
} from './i18n.tsx';
export {
  clusterDay,
  clusterWallTime,
  clusterYear,
  fromClusterWallTime,
  momentFormats,
} from './moments.ts';
export { type PluralForm, pluralForm } from './plural.ts';
