import type { AfterErrorHook } from 'payload'

import { clientDatabaseError } from '../lib/databaseErrors'
import { validationErrorBody } from '../lib/validationErrorBody'

/** Answers database errors caused by the request's values with a 400 in Payload's validation shape. */
export const databaseErrorsAsBadRequests: AfterErrorHook = ({ error }) => {
  const problem = clientDatabaseError(error)
  if (!problem) return
  return { status: 400, response: validationErrorBody(problem.path ?? 'data', problem.message) }
}
