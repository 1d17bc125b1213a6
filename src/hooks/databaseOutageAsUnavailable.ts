import type { AfterErrorHook } from 'payload'

import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE, databaseUnavailable } from '../lib/databaseErrors'

/** A request that failed because PostgreSQL is down or restarting gets a 503 to retry, not a 500. */
export const databaseOutageAsUnavailable: AfterErrorHook = ({ error, req }) => {
  if (!databaseUnavailable(error)) return
  req.responseHeaders = new Headers({ ...Object.fromEntries(req.responseHeaders ?? []), 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) })
  return { status: 503, response: { errors: [{ message: DATABASE_UNAVAILABLE_MESSAGE }] } }
}
