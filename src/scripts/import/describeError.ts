import { reasonOf, type Said } from '../../lib/import/problem'

/** A validation error names its fields (in the run's language, as Payload and the hooks said them); anything else says what it is. */
export function describeError(error: unknown): Said {
  const fields = (error as { data?: { errors?: { path?: string; message?: string }[] } }).data?.errors
  if (Array.isArray(fields) && fields.length > 0) return fields.map((field) => `${field.path}: ${field.message}`).join('; ')
  return reasonOf(error)
}
