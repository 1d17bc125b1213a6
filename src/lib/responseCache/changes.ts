/**
 * Where content changes are announced, so the response cache can forget what they affect. Kept on
 * `globalThis`: the admin's Next bundle carries its own copy of the collection hooks, and a save
 * made there must reach the cache that the API server holds in the same process.
 */
export type ContentChange = { tags: string[]; transactionId?: string | number }
type Listener = (change: ContentChange) => Promise<void>

const LISTENER = Symbol.for('newsroom.contentChangeListener')
type Registry = { [LISTENER]?: Listener }

export function listenForContentChanges(listener: Listener | undefined): void {
  ;(globalThis as Registry)[LISTENER] = listener
}

export async function announceContentChange(change: ContentChange): Promise<void> {
  await (globalThis as Registry)[LISTENER]?.(change)
}

/**
 * Whether a change can alter what the public sees: a document counts when it was or is shown (an
 * approved comment). For a collection with drafts the live row is what readers see, and only a
 * draft save leaves it alone (the previous document may be an earlier draft, so it cannot tell an
 * unpublish from a draft save). A comment still waiting for moderation or a new account changes no
 * public response.
 */
export function changeMayShow(
  change: { operation: 'create' | 'update' | 'delete'; doc: object; previousDoc?: object | null; savingDraft?: boolean },
  collection: { hasDrafts: boolean; isAccount: boolean; shownPublicly?: (doc: object) => boolean },
): boolean {
  if (collection.isAccount && change.operation === 'create') return false
  if (collection.hasDrafts && change.operation !== 'delete') return !change.savingDraft
  const shown =
    collection.shownPublicly ??
    (collection.hasDrafts ? (doc: object) => (doc as { _status?: unknown })._status === 'published' : () => true)
  return shown(change.doc) || (change.previousDoc ? shown(change.previousDoc) : false)
}
