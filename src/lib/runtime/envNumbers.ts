import { ConfigurationError } from './configurationError'

/** A positive whole number from a setting, at most `max`; anything else (unset, 0, text) means the default. */
export function positiveInteger(raw: string | undefined, fallback: number, max: number): number {
  const value = Number(raw)
  return raw && Number.isSafeInteger(value) && value > 0 ? Math.min(value, max) : fallback
}

/** A whole number from a setting, 0 included (a limit's "no limit"); anything else (unset, text, negative) means the default. */
export function wholeNumber(raw: string | undefined, fallback: number): number {
  const value = Number(raw)
  return raw !== undefined && raw !== '' && Number.isSafeInteger(value) && value >= 0 ? value : fallback
}

/**
 * The fewest PostgreSQL connections a server starts on: Payload keeps one open to notice a lost
 * database, the start-up lock holds another, and migrations run on a third.
 */
export const MIN_DATABASE_POOL_SIZE = 3

const DEFAULT_DATABASE_POOL_SIZE = 10

/** DATABASE_POOL_SIZE as a number of connections (10 when unset); anything fewer than the minimum is refused. */
export function databasePoolSize(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_DATABASE_POOL_SIZE
  const value = Number(raw)
  if (Number.isSafeInteger(value) && value >= MIN_DATABASE_POOL_SIZE) return value
  throw new ConfigurationError(
    `DATABASE_POOL_SIZE=${raw} will not do: set a whole number of at least ${MIN_DATABASE_POOL_SIZE} (Payload keeps one connection open, the start-up lock holds another, and migrations need a third).`,
  )
}
