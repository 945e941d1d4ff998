// Plain limits of the knowledge module (no zod), shared by the server's schema and the web
// form, so that the search box stops where the API does.

/** The longest search query the API takes. */
export const SEARCH_QUERY_MAX = 500;
