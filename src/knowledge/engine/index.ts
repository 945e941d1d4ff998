// The knowledge module's pure engines: index terms, ranking, the competence vocabulary and
// "who can help".
export * from './competences.ts';
export * from './gaps.ts';
export * from './rank.ts';
export * from './recommend.ts';
export * from './text.ts';
