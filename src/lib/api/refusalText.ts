/** The error an answer of Payload's shape carries: `{ errors: [{ message, data: { errors: [{ message }] } }] }`. */
type ErrorAnswer = { errors?: { message?: unknown; data?: { errors?: { message?: unknown }[] } }[] } | null | undefined

/** The most specific message in an error answer of Payload's shape: a field's, else the error's own; null when it has none. */
export function refusalText(answer: unknown): string | null {
  const error = (answer as ErrorAnswer)?.errors?.[0]
  const fieldMessage = error?.data?.errors?.[0]?.message
  if (typeof fieldMessage === 'string' && fieldMessage) return fieldMessage
  return typeof error?.message === 'string' && error.message ? error.message : null
}
