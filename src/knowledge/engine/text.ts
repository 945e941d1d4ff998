// Words to index terms: lower case, ё as е, split on anything but letters and digits, each word
// stemmed by the Snowball stemmer of its script (Russian for Cyrillic, English for Latin), so
// that «золошлаковые отходы», «золошлаковых отходов» and "coal slurries"/"coal slurry" meet.
import snowball from 'snowball-stemmers';

const russian = snowball.newStemmer('russian');
const english = snowball.newStemmer('english');

/** Words too common to tell documents apart (before stemming). */
const stopWords = new Set([
  'и',
  'в',
  'во',
  'на',
  'с',
  'со',
  'по',
  'из',
  'для',
  'от',
  'до',
  'к',
  'о',
  'об',
  'при',
  'а',
  'но',
  'или',
  'не',
  'что',
  'как',
  'его',
  'их',
  'это',
  'the',
  'a',
  'an',
  'of',
  'and',
  'or',
  'in',
  'on',
  'for',
  'to',
  'from',
  'with',
  'by',
  'at',
  'as',
  'is',
  'are',
  'be',
  'its',
  'into',
]);

const cyrillic = /\p{Script=Cyrillic}/u;
const latin = /\p{Script=Latin}/u;

/**
 * Words of the cluster whose vowel drops in every other form: Snowball stems the nominative
 * apart («уголь» → «угол», «угля» → «угл»), so the nominative's stem is taken as the others'.
 * («угол», a corner, meets coal too: a word this index does not need to tell apart.)
 */
export const fleetingVowels: ReadonlyMap<string, string> = new Map([
  ['угол', 'угл'], // уголь, угля
  ['песок', 'песк'], // песок, песка
  ['щебен', 'щебн'], // щебень, щебня
  ['котел', 'котл'], // котёл, котла
  ['пепел', 'пепл'], // пепел, пепла
  ['камен', 'камн'], // камень, камня
]);

/** One word's index term. */
export function stemWord(word: string): string {
  const w = word.toLowerCase().replace(/ё/g, 'е');
  if (cyrillic.test(w)) {
    const stem = russian.stem(w);
    return fleetingVowels.get(stem) ?? stem;
  }
  if (latin.test(w)) return english.stem(w);
  return w;
}

/** The terms of a text in order, stop words and one-letter words left out. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (word.length < 2 || stopWords.has(word)) continue;
    out.push(stemWord(word));
  }
  return out;
}

/** A document's fields with their weights (a title counts more than a body). */
export interface WeightedText {
  text: string | null | undefined;
  weight: number;
}

/** Each term of a document with its weight: the sum over the fields it occurs in, per occurrence. */
export function termWeights(fields: readonly WeightedText[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of fields) {
    if (!f.text) continue;
    for (const t of terms(f.text)) out.set(t, (out.get(t) ?? 0) + f.weight);
  }
  return out;
}

/** The distinct terms of a query, in the order first met. */
export function queryTerms(query: string): string[] {
  return [...new Set(terms(query))];
}
