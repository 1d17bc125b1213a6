/**
 * PostgreSQL errors that mean "the client sent something the schema cannot hold", not "the server
 * broke": they deserve a 400 naming the column's field, never a 500.
 */
const CLIENT_ERROR_MESSAGES: Readonly<Record<string, string>> = {
  '23503': 'Refers to a document that does not exist',
  '22P02': 'Invalid value for this field',
  '22001': 'Value is too long',
  '22003': 'Number is out of range',
  '22007': 'Invalid date',
  '22008': 'Date is out of range',
}

export type ClientDatabaseError = { path: string | null; message: string }

export function clientDatabaseError(error: unknown): ClientDatabaseError | null {
  const candidate = (error as { cause?: unknown })?.cause ?? error
  const { code, detail, column } = (candidate ?? {}) as { code?: string; detail?: string; column?: string }
  if (!code || !Object.hasOwn(CLIENT_ERROR_MESSAGES, code)) return null
  const columnName = column ?? /Key \(([a-z0-9_]+)\)=/.exec(detail ?? '')?.[1] ?? null
  return { path: columnName ? fieldNameOfColumn(columnName) : null, message: CLIENT_ERROR_MESSAGES[code] }
}

/** `responsible_editor_id` → `responsibleEditor`: how Payload names columns after fields. */
export function fieldNameOfColumn(column: string): string {
  return column.replace(/_id$/, '').replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase())
}
