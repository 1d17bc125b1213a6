import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionConfig,
  GlobalAfterChangeHook,
  GlobalConfig,
  PayloadRequest,
} from 'payload'

import { globalTag } from '../../lib/responseCache/dependencies'
import { announceContentChange, changeMayShow } from '../../lib/responseCache/changes'
import { saveKindOf } from './noteSaveKind'

/** A collection's own rule for which of its documents the public sees (`custom.shownPublicly`). */
export type ShownPublicly = (doc: object) => boolean

/**
 * Announces every change that may alter a public response, with the transaction it belongs to, so
 * the cache forgets it when (and only when) the change is committed.
 */
export function announcingCollectionChanges(collection: CollectionConfig): CollectionConfig {
  const rules = {
    hasDrafts: Boolean(collection.versions && typeof collection.versions === 'object' && collection.versions.drafts),
    isAccount: Boolean(collection.auth),
    shownPublicly: collection.custom?.shownPublicly as ShownPublicly | undefined,
  }
  const afterChange: CollectionAfterChangeHook = async ({ context, doc, previousDoc, operation, req }) => {
    const kind = saveKindOf(context, collection.slug)
    if (changeMayShow({ operation, doc, previousDoc, savingDraft: kind === 'draft' || kind === 'autosave' }, rules)) await announce(req, [collection.slug])
    return doc
  }
  const afterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
    if (changeMayShow({ operation: 'delete', doc }, rules)) await announce(req, [collection.slug])
  }
  return {
    ...collection,
    hooks: {
      ...collection.hooks,
      afterChange: [...(collection.hooks?.afterChange ?? []), afterChange],
      afterDelete: [...(collection.hooks?.afterDelete ?? []), afterDelete],
    },
  }
}

export function announcingGlobalChanges(global: GlobalConfig): GlobalConfig {
  const afterChange: GlobalAfterChangeHook = async ({ doc, req }) => {
    if (global.custom?.shownPublicly !== false) await announce(req, [globalTag(global.slug)])
    return doc
  }
  return { ...global, hooks: { ...global.hooks, afterChange: [...(global.hooks?.afterChange ?? []), afterChange] } }
}

async function announce(req: PayloadRequest, tags: string[]): Promise<void> {
  await announceContentChange({ tags, transactionId: (await req.transactionID) ?? undefined })
}
