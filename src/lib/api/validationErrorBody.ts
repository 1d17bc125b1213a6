/**
 * The body Payload gives a validation error, for the places that answer one themselves (custom
 * endpoints, error hooks, the server ahead of Payload), so every 400 that names a field has the same
 * shape for clients: `heading` is the top line in the reader's language, `code` the stable code of
 * what is wrong, and each error names its path.
 */
export function validationErrorBody(errors: readonly { path: string; message: string }[], heading: string, code: string) {
  return { errors: [{ name: 'ValidationError', message: heading, data: { code, errors } }] }
}
