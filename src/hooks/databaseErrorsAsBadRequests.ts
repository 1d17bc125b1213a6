import type { AfterErrorHook } from 'payload'

import { clientDatabaseError } from '../lib/databaseErrors'

/** Answers database errors caused by the request's values with a 400 in Payload's validation shape. */
export const databaseErrorsAsBadRequests: AfterErrorHook = ({ error }) => {
  const problem = clientDatabaseError(error)
  if (!problem) return
  const errors = [{ path: problem.path ?? 'data', message: problem.message }]
  return {
    status: 400,
    response: {
      errors: [{ name: 'ValidationError', message: `The following field is invalid: ${errors[0].path}`, data: { errors } }],
    },
  }
}
