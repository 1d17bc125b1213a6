export { highlightSnippet, SNIPPET_RADIUS } from './highlight'
export { SEGMENTATION, searchWords, toTsQuery } from './segment'
export { parseSearchParams, searchTotalLimitFrom, type SearchParams } from './params'
export { SearchesPastLimit } from './pastLimit'
