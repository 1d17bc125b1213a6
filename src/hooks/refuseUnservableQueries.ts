import type { CollectionBeforeOperationHook, CollectionConfig, CollectionSlug, FlattenedField, Payload, Where } from 'payload'
import { ValidationError } from 'payload'

import { paginationParamProblems } from '../lib/paginationParams'
import { type QueriedField, whereOperatorProblems } from '../lib/unsupportedOperators'

type QueryArgs = { where?: Where; joins?: false | Record<string, { where?: Where } | false>; page?: unknown; limit?: unknown }

/** Every collection's id is PostgreSQL's serial. */
const ID: QueriedField = { type: 'number', hasMany: false }
/**
 * A versions table's own columns; its `version.…` paths are the document's fields. Payload gives
 * this hook `read` for a find of versions as for one of documents, so a path that is not a field
 * of the document is tried as one of its versions.
 */
const VERSION_COLUMNS: Readonly<Record<string, QueriedField>> = {
  parent: { type: 'relationship', hasMany: false },
  latest: { type: 'checkbox', hasMany: false },
  autosave: { type: 'checkbox', hasMany: false },
  snapshot: { type: 'checkbox', hasMany: false },
}

/**
 * The field a dotted `where` path leads to, through groups, arrays and tabs, and on through a
 * relationship into the related collection (`category.slug`); null when Payload must judge the path.
 */
function fieldAt(payload: Payload, fields: readonly FlattenedField[], segments: readonly string[]): QueriedField | null {
  const [name, ...rest] = segments
  const field = fields.find((candidate) => candidate.name === name)
  if (!field) return name === 'id' && rest.length === 0 ? ID : null
  if (rest.length === 0) return { type: field.type, hasMany: 'hasMany' in field && Boolean(field.hasMany) }
  if ('flattenedFields' in field) return fieldAt(payload, field.flattenedFields, rest)
  if ((field.type === 'relationship' || field.type === 'upload') && typeof field.relationTo === 'string') {
    const related = payload.collections[field.relationTo as CollectionSlug]?.config.flattenedFields
    return related ? fieldAt(payload, related, rest) : null
  }
  return null
}

/**
 * Queries the database cannot run, refused with a 400 naming the `where` path or argument before
 * Payload passes them on and fails (a 500), for REST, GraphQL and the Local API alike:
 * - operators it cannot run on the field they name: `all` and the geographic ones anywhere, `like`,
 *   `not_like` and `contains` on anything but text, in a query's `where` (of documents or of their
 *   versions) and in a join's;
 * - from clients, a `page` or `limit` out of bounds (GraphQL's arguments; REST's are checked as
 *   they arrive, in `src/server/payloadApi.ts`).
 */
const refuseUnservableQueries: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  const { where, joins, page, limit } = args as QueryArgs
  const fields = collection.flattenedFields
  const documentFieldAt = (path: string) => fieldAt(req.payload, fields, path.split('.'))
  const queriedFieldAt = (path: string) =>
    documentFieldAt(path) ?? (path.startsWith('version.') ? documentFieldAt(path.slice('version.'.length)) : (VERSION_COLUMNS[path] ?? null))
  const errors = [
    ...(req.payloadAPI === 'local' ? [] : paginationParamProblems({ page, limit })),
    ...whereOperatorProblems(where, queriedFieldAt),
    ...Object.entries(joins || {}).flatMap(([name, join]) => {
      const joined = fields.find((field) => field.name === name)
      if (!join || joined?.type !== 'join' || typeof joined.collection !== 'string') return []
      const joinedFields = req.payload.collections[joined.collection as CollectionSlug]?.config.flattenedFields ?? []
      return whereOperatorProblems(join.where, (path) => fieldAt(req.payload, joinedFields, path.split('.')), `joins.${name}.where`)
    }),
  ]
  if (errors.length > 0) throw new ValidationError({ collection: collection.slug, errors, req })
  return args
}

export const checkingCollectionQueries = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: { ...collection.hooks, beforeOperation: [refuseUnservableQueries, ...(collection.hooks?.beforeOperation ?? [])] },
})
