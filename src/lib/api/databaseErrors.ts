import type { Message, MessageCode } from '../i18n/translate'

/**
 * PostgreSQL errors that mean "the client sent something the schema cannot hold", not "the server
 * broke": they deserve a 400 naming the column's field, never a 500.
 */
const CLIENT_ERROR_MESSAGES: Readonly<Record<string, MessageCode>> = {
  '23503': 'RELATED_DOCUMENT_MISSING',
  '22P02': 'VALUE_INVALID',
  '22001': 'VALUE_TOO_LONG',
  '22003': 'NUMBER_OUT_OF_RANGE',
  '22007': 'DATE_INVALID',
  '22008': 'DATE_OUT_OF_RANGE',
  // A year past 9999 reaches PostgreSQL as an out-of-range time zone displacement (+099999-…).
  '22009': 'DATE_OUT_OF_RANGE',
  '22021': 'NUL_CHARACTER',
  '22P05': 'NUL_CHARACTER',
  // Payload hands `like` and `contains` on a number, date or relationship to PostgreSQL as they come
  // (only an operator in a query Payload built: a missing function is the server's own fault).
  '42883': 'OPERATOR_NOT_FOR_FIELD',
}
const OPERATOR_MISSING = /^operator does not exist/

export type ClientDatabaseError = { path: string | null; message: Message }

/** The error as thrown by Drizzle: the query's text, and PostgreSQL's error as its cause. */
type FailedQuery = { query?: string; cause?: { code?: string; message?: string; detail?: string; column?: string; position?: string } }

export function clientDatabaseError(error: unknown): ClientDatabaseError | null {
  const { query, cause } = (error ?? {}) as FailedQuery
  const { code, message, detail, column, position } = cause ?? (error as FailedQuery['cause']) ?? {}
  if (!code || !Object.hasOwn(CLIENT_ERROR_MESSAGES, code)) return null
  if (code === '42883' && !(query && OPERATOR_MISSING.test(message ?? ''))) return null
  const columnName = column ?? /Key \(([a-z0-9_]+)\)=/.exec(detail ?? '')?.[1] ?? columnBefore(query, position)
  return { path: columnName ? fieldNameOfColumn(columnName) : null, message: { code: CLIENT_ERROR_MESSAGES[code] } }
}

/**
 * The column just before where PostgreSQL points in the query (1-based): for an operator that does
 * not exist, its left operand, `"comments"."article_id"` in `"comments"."article_id" ilike $1`.
 */
function columnBefore(query: string | undefined, position: string | undefined): string | null {
  if (!query || !position) return null
  return /"([a-z0-9_]+)"\s*$/.exec(query.slice(0, Number(position) - 1))?.[1] ?? null
}

/**
 * Where in a request's data or query a string holds a NUL character (`where.title.equals`), which
 * PostgreSQL cannot store or compare; its error names no column, so the field is found here.
 */
export function pathOfNulCharacter(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || 'data' : null
  if (!value || typeof value !== 'object') return null
  for (const [key, inner] of Object.entries(value)) {
    const found = pathOfNulCharacter(inner, [...path, key])
    if (found) return found
  }
  return null
}

/** `responsible_editor_id` → `responsibleEditor`: how Payload names columns after fields (`_status` keeps its mark). */
export function fieldNameOfColumn(column: string): string {
  return column.replace(/_id$/, '').replace(/(?<!^)_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase())
}

/** Seconds a client is told to wait before retrying a request the database could not serve. */
export const DATABASE_RETRY_AFTER_SECONDS = 5

/** SQLSTATEs that mean the database is shutting down or starting up, not that the query was wrong. */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03'])
const UNAVAILABLE_SYSTEM_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH'])
/**
 * node-postgres says these in words only, with no code; Payload rethrows a failed BEGIN (which only
 * a connection problem makes fail) as a plain Error that keeps just the message.
 */
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|connection error and is not queryable|ECONNREFUSED|ECONNRESET|the database system is (?:shutting down|starting up)|cannot begin transaction/i

/**
 * True when the error (or one it wraps, as Drizzle and Payload do) says the database cannot be
 * reached: refused, dropped, shutting down, or no connection within the pool's time-out. Such a
 * request deserves a quick 503 the client may retry, not a 500.
 */
export function databaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const { code, message, errors } = current as { code?: unknown; message?: unknown; errors?: unknown }
    if (typeof code === 'string' && (code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SYSTEM_CODES.has(code))) return true
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true
    // Node reports a refused connection to every address of a host as an AggregateError.
    if (Array.isArray(errors) && errors.some((inner) => databaseUnavailable(inner))) return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}
