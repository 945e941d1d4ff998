/**
 * The tables Kysely knows, as one interface that each module extends with its own tables in
 * its repository (`declare module '../store/database.ts' { interface Database { … } }`), so
 * the store knows no module's tables and no query needs a cast.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the modules' repositories
export interface Database {}
