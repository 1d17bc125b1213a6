import type { AfterErrorHook } from 'payload'

import { refusalBody, say } from '../../i18n/requestMessages'
import { DATABASE_RETRY_AFTER_SECONDS, databaseUnavailable } from '../../lib/api/databaseErrors'

const UNAVAILABLE = { code: 'DATABASE_UNAVAILABLE' } as const

/**
 * A request that failed because PostgreSQL is down or restarting gets a 503 to retry, not a 500; in
 * GraphQL (whose error wraps the thrown one) each failed field says 503 in its error.
 */
export const databaseOutageAsUnavailable: AfterErrorHook = ({ error, graphqlResult, req }) => {
  if (!databaseUnavailable((error as { originalError?: unknown }).originalError ?? error)) return
  req.responseHeaders = new Headers({ ...Object.fromEntries(req.responseHeaders ?? []), 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) })
  if (graphqlResult) {
    return { graphqlResult: { ...graphqlResult, message: say(req, UNAVAILABLE), extensions: { ...graphqlResult.extensions, code: UNAVAILABLE.code, statusCode: 503 } } }
  }
  return { status: 503, response: refusalBody(req, UNAVAILABLE) }
}
