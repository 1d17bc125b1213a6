/** A validation error names its fields; anything else says what it is. */
export function describeError(error: unknown): string {
  const fields = (error as { data?: { errors?: { path?: string; message?: string }[] } }).data?.errors
  if (Array.isArray(fields) && fields.length > 0) return fields.map((field) => `${field.path}: ${field.message}`).join('; ')
  return error instanceof Error ? error.message : String(error)
}
