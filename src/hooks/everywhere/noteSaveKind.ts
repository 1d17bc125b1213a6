import type { CollectionBeforeOperationHook, CollectionConfig, CollectionSlug, PayloadRequest, RequestContext } from 'payload'

/**
 * What a save does to a collection with drafts: `live` rewrites the row readers see (a publish, an
 * unpublish, an edit of the live version), `draft` and `autosave` write only a new version. Only
 * the operation's arguments tell a draft save from an unpublish (both leave a document whose status
 * is draft), so this is noted once, here, for every hook that needs to know (the response cache,
 * webhooks, the audit trail).
 */
export type SaveKind = 'live' | 'draft' | 'autosave'

const saveKindKey = (slug: string) => `newsroom.saveKind.${slug}`
const liveRowPrefix = (slug: string) => `newsroom.liveRowBefore.${slug}.`

export function notingSaveKinds(collection: CollectionConfig): CollectionConfig {
  if (!(collection.versions && typeof collection.versions === 'object' && collection.versions.drafts)) return collection
  // After the collection's own hooks, which may force a save into draft mode.
  const noteSaveKind: CollectionBeforeOperationHook = ({ args, operation, req }) => {
    if (operation === 'create' || operation === 'update' || operation === 'updateByID' || operation === 'restoreVersion') {
      const { autosave, draft, data } = args as { autosave?: boolean; draft?: boolean; data?: { _status?: unknown } }
      req.context[saveKindKey(collection.slug)] = autosave ? 'autosave' : draft && data?._status !== 'published' ? 'draft' : 'live'
      // A second save in the same request must not see the row as it was before the first.
      for (const key of Object.keys(req.context)) if (key.startsWith(liveRowPrefix(collection.slug))) delete req.context[key]
    }
    return args
  }
  return { ...collection, hooks: { ...collection.hooks, beforeOperation: [...(collection.hooks?.beforeOperation ?? []), noteSaveKind] } }
}

export function saveKindOf(context: RequestContext, slug: string): SaveKind | undefined {
  return context[saveKindKey(slug)] as SaveKind | undefined
}

/**
 * The row readers saw before this save (`originalDoc` is the latest version, perhaps a draft).
 * Read once per save, in a beforeChange hook, however many hooks ask for it.
 */
export function liveRowBefore(req: PayloadRequest, slug: CollectionSlug, id: number | string): Promise<Record<string, unknown> | null> {
  const key = liveRowPrefix(slug) + String(id)
  req.context[key] ??= req.payload.db.findOne({ collection: slug, where: { id: { equals: id } }, req })
  return req.context[key] as Promise<Record<string, unknown> | null>
}
