import type { AfterErrorHook } from 'payload'

import { clientDatabaseError, pathOfNulCharacter } from '../../lib/api/databaseErrors'
import { languageOf, problemsBody } from '../../i18n/requestMessages'

/**
 * Answers database errors caused by the request's values with a 400 in Payload's validation shape;
 * in GraphQL, where the error wraps the thrown one, with that error's status and data instead.
 */
export const databaseErrorsAsBadRequests: AfterErrorHook = ({ error, graphqlResult, req }) => {
  const problem = clientDatabaseError((error as { originalError?: unknown }).originalError ?? error)
  if (!problem) return
  const path = problem.path ?? pathOfNulCharacter(req.data) ?? pathOfNulCharacter(req.query) ?? 'data'
  const [body] = problemsBody(languageOf(req), [{ path, message: problem.message }]).errors
  if (graphqlResult) {
    return { graphqlResult: { ...graphqlResult, message: body.message, extensions: { ...graphqlResult.extensions, name: body.name, data: body.data, statusCode: 400 } } }
  }
  return { status: 400, response: { errors: [body] } }
}
