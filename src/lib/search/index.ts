export { highlightSnippet } from './highlight'
export { searchWords, toTsQuery } from './segment'
export { parseSearchParams, type SearchParams } from './params'
