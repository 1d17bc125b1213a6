import { positiveInteger } from '../runtime/envNumbers'

/** Matches a find counts exactly before it settles for the planner's estimate (FIND_EXACT_COUNT_UP_TO). */
export const DEFAULT_EXACT_COUNT_UP_TO = 1_000

export const exactCountUpToFrom = (env: NodeJS.ProcessEnv): number => positiveInteger(env.FIND_EXACT_COUNT_UP_TO, DEFAULT_EXACT_COUNT_UP_TO, 1_000_000_000)

/**
 * How far a find's count goes before it stops: the bound, or the end of the page asked for when
 * that is further, so that a count past it proves there is a next page. A find without a page size
 * (`limit: 0`) is not paginated and not counted.
 */
export function countedUpTo(exactUpTo: number, asked: { limit?: number; page?: number }): number {
  const pageEnd = (asked.page ?? 1) * (asked.limit ?? 0)
  return Math.max(exactUpTo, pageEnd)
}

/**
 * The total of a find that matched more than it counted: the planner's estimate, but never fewer
 * than were seen (the estimate of a join can be far off), so the pages up to the one asked for and
 * the next one all exist.
 */
export const totalBeyond = (counted: number, estimate: number): number => Math.max(counted + 1, Math.round(estimate))
