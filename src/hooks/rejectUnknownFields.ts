import type {
  CollectionBeforeOperationHook,
  FlattenedField,
  GlobalBeforeOperationHook,
  PayloadRequest,
} from 'payload'
import { ValidationError } from 'payload'

/** Keys Payload itself accepts on writes besides a schema's own fields. */
const SYSTEM_KEYS = new Set(['id', 'createdAt', 'updatedAt', '_status', 'globalType', 'password', 'confirm-password'])

/**
 * Payload silently drops keys it does not know. A front end that misspells a field would then lose
 * what it sent without a word, so API writes name each unknown key in a 400 instead.
 */
function assertOnlyKnownKeys(args: {
  data: unknown
  fields: FlattenedField[]
  req: PayloadRequest
  collection?: string
  global?: string
}): void {
  const { data, fields, req, collection, global } = args
  if (req.payloadAPI === 'local' || !data || typeof data !== 'object' || Array.isArray(data)) return
  const known = new Set(fields.map((field) => field.name))
  const unknown = Object.keys(data).filter((key) => !known.has(key) && !SYSTEM_KEYS.has(key))
  if (unknown.length === 0) return
  throw new ValidationError({
    collection,
    global,
    errors: unknown.map((path) => ({ path, message: `Unknown field "${path}"` })),
    req,
  })
}

const WRITE_OPERATIONS = new Set(['create', 'update', 'updateByID'])

export const rejectUnknownCollectionFields: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (WRITE_OPERATIONS.has(operation)) {
    assertOnlyKnownKeys({ data: args.data, fields: collection.flattenedFields, req, collection: collection.slug })
  }
  return args
}

export const rejectUnknownGlobalFields: GlobalBeforeOperationHook = ({ args, global, operation, req }) => {
  if (operation === 'update') {
    assertOnlyKnownKeys({ data: args?.data, fields: global.flattenedFields, req, global: global.slug })
  }
  return args
}
