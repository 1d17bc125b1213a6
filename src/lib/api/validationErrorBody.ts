/**
 * The body Payload gives a validation error, for the places that answer one themselves (custom
 * endpoints, error hooks), so every 400 that names a field has the same shape for clients.
 */
export function validationErrorBody(path: string, message: string) {
  return { errors: [{ name: 'ValidationError', message: `The following field is invalid: ${path}`, data: { errors: [{ path, message }] } }] }
}
