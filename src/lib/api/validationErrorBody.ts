/**
 * The body Payload gives a validation error, for the places that answer one themselves (custom
 * endpoints, error hooks), so every 400 that names a field has the same shape for clients. `heading`
 * is the top line in the reader's language (Payload's English one when not given); `code`, when
 * given, is the stable code of the message.
 */
export function validationErrorBody(path: string, message: string, { heading, code }: { heading?: string; code?: string } = {}) {
  return {
    errors: [
      {
        name: 'ValidationError',
        message: heading ?? `The following field is invalid: ${path}`,
        data: { ...(code ? { code } : {}), errors: [{ path, message }] },
      },
    ],
  }
}
