import type {
  CollectionBeforeOperationHook,
  CollectionConfig,
  GlobalConfig,
  CollectionSlug,
  FlattenedField,
  GlobalBeforeOperationHook,
  PayloadRequest,
} from 'payload'

import { problemsRefusal } from '../../i18n/requestMessages'
import { type FieldShape, findShapeErrors, relationIds, type ShapeError } from '../../lib/api/fieldShapes'

/** Keys Payload itself accepts on writes besides a schema's own fields. */
const SYSTEM_KEYS: ReadonlySet<string> = new Set(['id', 'createdAt', 'updatedAt', '_status', 'globalType', 'password', 'confirm-password'])

const toShape = (field: FlattenedField): FieldShape => ({
  name: field.name,
  type: field.type,
  hasMany: 'hasMany' in field ? Boolean(field.hasMany) : false,
  options:
    'options' in field && Array.isArray(field.options)
      ? field.options.map((option) => (typeof option === 'string' ? option : option.value))
      : undefined,
  polymorphic: 'relationTo' in field && Array.isArray(field.relationTo),
})

/**
 * Payload silently drops unknown keys and skips validation on drafts. For API writes (REST and
 * GraphQL; the admin posts through REST too) every unknown key, mistyped value and id of a
 * document that does not exist is answered with a 400 that names the field.
 */
async function assertWellFormed(args: {
  data: unknown
  fields: FlattenedField[]
  req: PayloadRequest
  collection?: string
  global?: string
}): Promise<void> {
  const { data, fields, req, collection, global } = args
  if (req.payloadAPI === 'local') return
  // An upload may be the file alone; any other write without data sent a body Payload could not
  // read (text/plain, a form without `_payload`), and Payload itself would fail on it.
  if (data === undefined && req.file) return
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw problemsRefusal(req, [{ path: 'data', message: { code: 'DATA_NOT_AN_OBJECT' } }], { collection, global })
  }
  const record = data as Record<string, unknown>
  const errors = findShapeErrors(record, fields.map(toShape), SYSTEM_KEYS)
  if (errors.length === 0) errors.push(...(await missingRelations(record, fields, req)))
  if (errors.length > 0) throw problemsRefusal(req, errors, { collection, global })
}

async function missingRelations(data: Record<string, unknown>, fields: FlattenedField[], req: PayloadRequest): Promise<ShapeError[]> {
  const errors: ShapeError[] = []
  for (const field of fields) {
    if ((field.type !== 'relationship' && field.type !== 'upload') || typeof field.relationTo !== 'string') continue
    const ids = [...new Set(relationIds(data[field.name]))]
    if (ids.length === 0) continue
    const { totalDocs } = await req.payload.count({
      collection: field.relationTo as CollectionSlug,
      where: { id: { in: ids } },
      overrideAccess: true,
      req,
    })
    if (totalDocs < ids.length) errors.push({ path: field.name, message: { code: 'RELATED_DOCUMENT_MISSING' } })
  }
  return errors
}

const WRITE_OPERATIONS = new Set(['create', 'update', 'updateByID'])

const rejectMalformedCollectionWrites: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (WRITE_OPERATIONS.has(operation)) {
    const { data } = args as { data?: unknown }
    await assertWellFormed({ data, fields: collection.flattenedFields, req, collection: collection.slug })
  }
  return args
}

const rejectMalformedGlobalWrites: GlobalBeforeOperationHook = async ({ args, global, operation, req }) => {
  if (operation === 'update') {
    await assertWellFormed({ data: args?.data, fields: global.flattenedFields, req, global: global.slug })
  }
  return args
}

/** The collection with the malformed-write check first among its beforeOperation hooks. */
export const checkingCollectionWrites = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: { ...collection.hooks, beforeOperation: [rejectMalformedCollectionWrites, ...(collection.hooks?.beforeOperation ?? [])] },
})

export const checkingGlobalWrites = (global: GlobalConfig): GlobalConfig => ({
  ...global,
  hooks: { ...global.hooks, beforeOperation: [rejectMalformedGlobalWrites, ...(global.hooks?.beforeOperation ?? [])] },
})
