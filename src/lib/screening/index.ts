/**
 * The word-screening engine: word lists (reject, hold for review, mask) matched inside Chinese text
 * with no spaces and through the usual evasions, in one pass however long the list. Pure: the
 * collections that hold the lists and the comment pipeline build on it.
 */
export type { Screener, ScreeningAction, ScreeningHit, WordListEntry } from './types'
export { buildScreener, strongestAction } from './screener'
export { hitContext, maskText } from './mask'
