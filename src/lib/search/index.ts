export { highlightSnippet } from './highlight'
export { searchWords, toTsQuery } from './segment'
export { parseSearchParams, searchTotalLimitFrom, type SearchParams } from './params'
