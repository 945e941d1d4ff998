// Plain limits of the registry module (no zod), shared by the server's schema and the web
// forms, so that a box stops where the API does.

/** The longest note the operator may give with an admission or a rejection. */
export const DECISION_NOTE_MAX = 1000;
