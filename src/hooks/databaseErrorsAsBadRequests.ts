import type { AfterErrorHook } from 'payload'

import { clientDatabaseError, pathOfNulCharacter } from '../lib/databaseErrors'
import { validationErrorBody } from '../lib/validationErrorBody'

/** Answers database errors caused by the request's values with a 400 in Payload's validation shape. */
export const databaseErrorsAsBadRequests: AfterErrorHook = ({ error, req }) => {
  const problem = clientDatabaseError(error)
  if (!problem) return
  const path = problem.path ?? pathOfNulCharacter(req.data) ?? pathOfNulCharacter(req.query) ?? 'data'
  return { status: 400, response: validationErrorBody(path, problem.message) }
}
