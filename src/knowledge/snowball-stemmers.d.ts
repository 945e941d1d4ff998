// Types for snowball-stemmers 0.6.0 (a JavaScript port of the Snowball stemmers), which ships none.
declare module 'snowball-stemmers' {
  interface Stemmer {
    stem(word: string): string;
  }
  const snowball: {
    newStemmer(language: string): Stemmer;
    algorithms(): string[];
  };
  export default snowball;
}
