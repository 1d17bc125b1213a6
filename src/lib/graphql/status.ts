type GraphQLAnswer = { data?: Record<string, unknown> | null; errors?: { extensions?: { statusCode?: unknown } }[] }

/**
 * Whether a GraphQL answer holds nothing but errors of one HTTP status: no field has a value, and
 * every error has that status. GraphQL answers 200 whatever its fields' errors; an answer that
 * refuses everything it was asked (each of 40 aliased logins, say) is such a refusal as a whole.
 */
export function everyFieldFailedWith(status: number, answer: unknown): boolean {
  const { data, errors } = (answer ?? {}) as GraphQLAnswer
  if (!Array.isArray(errors) || errors.length === 0) return false
  if (!errors.every((error) => error?.extensions?.statusCode === status)) return false
  return data === null || data === undefined || Object.values(data).every((value) => value === null)
}
