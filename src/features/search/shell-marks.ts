/** Where the kept search frame (shell.server.ts) is cut open for the search's own part. */
export const SHELL_MARK = '<!--co3-search-body-->';

/**
 * Where the frame's links carry the visitor's query (the language switcher keeps the search
 * when the language changes): filled per request, so the frame itself never holds a query.
 */
export const QUERY_MARK = '?co3-search-query';
