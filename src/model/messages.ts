// User-facing messages by code, in Russian and English. Each module keeps its own catalogue
// (its messages.ts) made with `defineMessages`; a service throws a `Message` (code +
// parameters), and the edge words it in the caller's language. Nothing is translated by
// matching English text.
import { z } from 'zod';
import { en, ru } from 'zod/v4/locales';
import type { Vocabulary } from './vocabulary.ts';
import {
  type CountedNoun,
  countedNoun,
  unitName,
  wordFrom,
  wordMoment,
  wordNumber,
  wordQuantity,
} from './wording.ts';

export type Lang = 'ru' | 'en';

/** A message to show a person: a stable code, its parameters, and its wording per language. */
export interface Message {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
  text(lang: Lang): string;
}

/** A message as data, worded for one reader: what an API answer carries (a plan's warnings, ...). */
export const WordedMessage = z
  .object({
    code: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    message: z.string().describe("worded in the caller's language"),
  })
  .meta({ id: 'WordedMessage' });
export type WordedMessage = z.infer<typeof WordedMessage>;

/** A message worded for one reader; `messageByCode` turns the stored code and params back. */
export const worded = (m: Message, lang: Lang): WordedMessage => ({
  code: m.code,
  params: { ...m.params },
  message: m.text(lang),
});

/** The names of the `{placeholders}` of a template. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;

/**
 * How a parameter is worded for its reader; the message keeps it as given (an ISO timestamp, a
 * bare number, a unit code), so that stored events and API params stay machine-readable.
 * - `moment`: an ISO timestamp or day → «1 декабря 2026 г., 13:00 (кемеровское время)» (model/wording.ts)
 * - `quantity`: a number with the unit of the message's `unit` parameter → «1 200,5 т»
 * - `number`: a number in the reader's format → «1 200,5», '1,200.5'
 * - `unitName`: a unit code named in words as after «в»/'in' → «тоннах», 'tonnes'
 * - `field`: a field's name in the API → its label («Объём в год»)
 * - `wordOf(vocabulary)`: a code (a state, a side, an action) → its word in the vocabulary
 *   («предложена», 'offered'); a code it lacks as given
 * - `countOf(noun)`: a count → the count with its noun in the plural form it takes
 *   («по 21 прогону», 'over 21 runs')
 */
export type ParamKind =
  | 'moment'
  | 'quantity'
  | 'number'
  | 'unitName'
  | 'field'
  | WordKind
  | CountKind;

/** A parameter that is a code of a closed list, worded as its vocabulary's word. */
export interface WordKind {
  readonly words: Vocabulary;
}

/** The kind of a parameter worded from `vocabulary`: `as: { state: wordOf(dealStateWords) }`. */
export const wordOf = (vocabulary: Vocabulary): WordKind => ({ words: vocabulary });

/** A parameter that is a count, read with the noun it counts. */
export interface CountKind {
  readonly noun: CountedNoun;
}

/** The kind of a count read with its noun: `as: { runs: countOf(runNoun) }`. */
export const countOf = (noun: CountedNoun): CountKind => ({ noun });

interface Wording {
  readonly en: string;
  readonly ru: string;
  /** how some parameters are worded (the others as given) */
  readonly as?: Readonly<Record<string, ParamKind>>;
}

/** A message with a quantity names its unit in the parameter `unit`. */
type UnitParam<W extends Wording> = W extends { readonly as: infer A }
  ? 'quantity' extends A[keyof A]
    ? 'unit'
    : never
  : never;

type Params<W extends Wording> = Record<
  Placeholders<W['en']> | Placeholders<W['ru']> | UnitParam<W>,
  string | number
>;

/** A catalogue entry as a function: `m.listingWithdrawn({ id })` → Message. */
export type MessageOf<W extends Wording> = [Placeholders<W['en']>] extends [never]
  ? ((params?: Record<string, never>) => Message) & { readonly code: string }
  : ((params: Params<W>) => Message) & { readonly code: string };

export type Catalogue<T extends Record<string, Wording>> = {
  readonly [K in keyof T]: MessageOf<T[K]>;
};

/** Every wording by its code, so that a code carried as text (a zod rule) can be worded too. */
const wordings = new Map<string, Wording>();

const fill = (template: string, params: Readonly<Record<string, string | number>>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );

/** A parameter worded by its kind for a reader of `lang`; a value of the wrong type as given. */
function wordParam(
  kind: ParamKind,
  value: string | number,
  params: Readonly<Record<string, string | number>>,
  lang: Lang,
): string | number {
  if (typeof kind === 'object' && 'noun' in kind)
    return typeof value === 'number' ? `${value} ${countedNoun(lang, value, kind.noun)}` : value;
  if (typeof kind === 'object')
    return typeof value === 'string' ? wordFrom(kind.words, value, lang) : value;
  switch (kind) {
    case 'moment':
      return typeof value === 'string' ? wordMoment(value, lang) : value;
    case 'quantity':
      return typeof value === 'number'
        ? wordQuantity(value, typeof params.unit === 'string' ? params.unit : undefined, lang)
        : value;
    case 'number':
      return typeof value === 'number' ? wordNumber(value, lang) : value;
    case 'unitName':
      return typeof value === 'string' ? unitName(value, lang) : value;
    case 'field':
      return typeof value === 'string' ? (labelOf(value, lang) ?? value) : value;
  }
}

/** The parameters of a wording as its reader reads them (see `ParamKind`). */
function wordedParams(
  w: Wording,
  params: Readonly<Record<string, string | number>>,
  lang: Lang,
): Readonly<Record<string, string | number>> {
  if (!w.as) return params;
  const out: Record<string, string | number> = { ...params };
  for (const [name, kind] of Object.entries(w.as))
    if (name in params) out[name] = wordParam(kind, params[name], params, lang);
  return out;
}

function message(code: string, params: Readonly<Record<string, string | number>>): Message {
  return {
    code,
    params,
    text: (lang) => {
      const w = wordings.get(code);
      return w ? fill(w[lang], wordedParams(w, params, lang)) : code;
    },
  };
}

/**
 * A module's catalogue. Both languages are required by the type, so a missing wording is a
 * compile error; a code is `<module>.<key>`.
 */
export function defineMessages<const T extends Record<string, Wording>>(
  module: string,
  table: T,
): Catalogue<T> {
  const out: Record<string, unknown> = {};
  for (const [key, wording] of Object.entries(table)) {
    const code = `${module}.${key}`;
    if (wordings.has(code)) throw new Error(`message code ${code} is defined twice`);
    wordings.set(code, wording);
    const make = (params: Record<string, string | number> = {}) => message(code, params);
    out[key] = Object.assign(make, { code });
  }
  return out as Catalogue<T>;
}

/** The message a code names (a rule's code carried through zod as text), or null. */
export function messageByCode(
  code: string,
  params: Readonly<Record<string, string | number>> = {},
): Message | null {
  return wordings.has(code) ? message(code, params) : null;
}

/** A wording for a rule a zod schema states: the message zod carries is the code. */
export const rule = (m: { readonly code: string }) => ({ message: m.code });

// --- field labels: the names people see next to a field ---

const labels = new Map<string, Wording>();

/** A module's field labels, keyed by the field's name in the API (its last path segment). */
export function defineLabels(table: Record<string, Wording>): void {
  for (const [field, wording] of Object.entries(table)) labels.set(field, wording);
}

/**
 * The label of a field path such as `sites.0.lat` (by its last named segment), or null. A
 * label may name a segment within its parent (`rules.max`): that one is preferred, so a
 * common word (max, key) is labelled only where it means one thing. `own`: a route's labels
 * for its last segment, before the modules' (a person's `name` is «Имя», not «Название»).
 */
export function labelOf(
  path: string,
  lang: Lang,
  own?: Readonly<Record<string, { readonly en: string; readonly ru: string }>>,
): string | null {
  const segments = path.split('.').filter((s) => s && !/^\d+$/.test(s));
  const mine = own?.[segments.at(-1) ?? ''];
  if (mine) return mine[lang];
  for (let i = segments.length - 1; i >= 0; i--) {
    const w = (i > 0 && labels.get(`${segments[i - 1]}.${segments[i]}`)) || labels.get(segments[i]);
    if (w) return w[lang];
  }
  return null;
}

// --- zod's own wording ---

// the two locales by name, so a bundler keeps only them
const zodLocales = { en: en().localeError, ru: ru().localeError };
const textOf = (r: unknown) =>
  typeof r === 'string' ? r : (r as { message?: string } | undefined)?.message;

/**
 * A zod issue as a Message: our rules (their message is a code) from the catalogues, zod's
 * generic ones through zod's own locales.
 */
export function issueMessage(issue: { code?: string; message: string }): Message {
  const ours = messageByCode(issue.message);
  if (ours) return ours;
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(issue as object))
    if (typeof v === 'string' || typeof v === 'number') params[k] = v;
  return {
    code: `zod.${issue.code ?? 'invalid'}`,
    params,
    text: (lang) => {
      if (lang === 'en') return issue.message;
      try {
        // biome-ignore lint/suspicious/noExplicitAny: zod's locale functions take its raw issue
        return textOf(zodLocales[lang](issue as any)) ?? issue.message;
      } catch {
        return issue.message;
      }
    },
  };
}
