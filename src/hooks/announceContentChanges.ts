import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeOperationHook,
  CollectionConfig,
  GlobalAfterChangeHook,
  GlobalConfig,
  PayloadRequest,
} from 'payload'

import { globalTag } from '../lib/responseCache/dependencies'
import { announceContentChange, changeMayShow } from '../lib/responseCache/changes'

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
  const savingDraftKey = `newsroom.savingDraft.${collection.slug}`
  // A draft save leaves the live document as it is; only the operation's arguments tell it apart
  // from unpublishing, which also leaves a document whose status is draft.
  const noteDraftSaves: CollectionBeforeOperationHook = ({ args, operation, req }) => {
    if (operation === 'create' || operation === 'update' || operation === 'updateByID') {
      req.context[savingDraftKey] = Boolean(args.draft) && (args as { data?: { _status?: unknown } }).data?._status !== 'published'
    }
    return args
  }
  const afterChange: CollectionAfterChangeHook = async ({ context, doc, previousDoc, operation, req }) => {
    if (changeMayShow({ operation, doc, previousDoc, savingDraft: context[savingDraftKey] === true }, rules)) await announce(req, [collection.slug])
    return doc
  }
  const afterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
    if (changeMayShow({ operation: 'delete', doc }, rules)) await announce(req, [collection.slug])
  }
  return {
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [...(collection.hooks?.beforeOperation ?? []), ...(rules.hasDrafts ? [noteDraftSaves] : [])],
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
