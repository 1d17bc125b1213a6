export { highlightSnippet } from './highlight'
export { searchWords, toTsQuery } from './segment'
export { MAX_QUERY_LENGTH, MAX_SEARCH_LIMIT, parseSearchParams, type SearchParams } from './params'
