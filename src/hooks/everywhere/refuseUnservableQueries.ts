import type { CollectionBeforeOperationHook, CollectionSlug, FlattenedField, Payload, SanitizedConfig, Where } from 'payload'

import { problemsRefusal } from '../../i18n/requestMessages'
import { pageDepthProblems, paginationParamProblems } from '../../lib/api/paginationParams'
import { type QueriedField, whereOperatorProblems } from '../../lib/api/unsupportedOperators'

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
function fieldAt(payload: Payload, fields: readonly FlattenedField[], path: string): QueriedField | null {
  const segments = path.split('.')
  let within = fields
  for (const [index, name] of segments.entries()) {
    const field = within.find((candidate) => candidate.name === name)
    const last = index === segments.length - 1
    if (!field) return name === 'id' && last ? ID : null
    if (last) return { type: field.type, hasMany: 'hasMany' in field && Boolean(field.hasMany) }
    if ('flattenedFields' in field) within = field.flattenedFields
    else if ((field.type === 'relationship' || field.type === 'upload') && typeof field.relationTo === 'string') {
      const related = payload.collections[field.relationTo as CollectionSlug]?.config.flattenedFields
      if (!related) return null
      within = related
    } else return null
  }
  return null
}

/**
 * Queries the database cannot run, refused with a 400 naming the `where` path or argument before
 * Payload passes them on and fails (a 500), for REST, GraphQL and the Local API alike:
 * - a path too deep to be a field's (`MAX_WHERE_PATH_SEGMENTS`);
 * - operators it cannot run on the field they name: `all` and the geographic ones anywhere, `like`,
 *   `not_like` and `contains` on anything but text (but `like` on an id, which Payload reads as
 *   `equals`, and `contains` with a `where` of related documents), in a query's `where` (of
 *   documents or of their versions) and in a join's;
 * - from clients, a `page` or `limit` out of bounds (GraphQL's arguments; REST's are checked as
 *   they arrive, in `src/server/payloadApi.ts`);
 * - from clients (REST and GraphQL), a page deeper than `MAX_PAGE_OFFSET`: the admin (the Local API)
 *   still pages as deep as it likes, for its staff.
 */
const refuseUnservableQueries: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  const { where, joins, page, limit } = args as QueryArgs
  const fields = collection.flattenedFields
  const documentFieldAt = (path: string) => fieldAt(req.payload, fields, path)
  const queriedFieldAt = (path: string) =>
    documentFieldAt(path) ?? (path.startsWith('version.') ? documentFieldAt(path.slice('version.'.length)) : (VERSION_COLUMNS[path] ?? null))
  const errors = [
    ...(req.payloadAPI === 'GraphQL' ? paginationParamProblems({ page, limit }) : []),
    ...(req.payloadAPI === 'local' ? [] : pageDepthProblems({ page, limit })),
    ...whereOperatorProblems(where, queriedFieldAt),
    ...Object.entries(joins || {}).flatMap(([name, join]) => {
      const joined = fields.find((field) => field.name === name)
      if (!join || joined?.type !== 'join' || typeof joined.collection !== 'string') return []
      const joinedFields = req.payload.collections[joined.collection as CollectionSlug]?.config.flattenedFields ?? []
      return whereOperatorProblems(join.where, (path) => fieldAt(req.payload, joinedFields, path), `joins.${name}.where`)
    }),
  ]
  if (errors.length > 0) throw problemsRefusal(req, errors, { collection: collection.slug })
  return args
}

/**
 * The check on every collection's queries, Payload's own included (locked documents, preferences,
 * jobs, which staff query): Payload adds those while it builds the config, so the hook goes onto the
 * built one.
 */
export function checkingEveryCollectionsQueries(config: SanitizedConfig): SanitizedConfig {
  for (const collection of config.collections) {
    collection.hooks.beforeOperation = [refuseUnservableQueries, ...(collection.hooks.beforeOperation ?? [])]
  }
  return config
}
