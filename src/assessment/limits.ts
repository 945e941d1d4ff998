// The assessment's figures the web app shares with the server.

/** The default window: the last 12 months up to the day assessed, for every caller. */
export const DEFAULT_WINDOW_MONTHS = 12;
