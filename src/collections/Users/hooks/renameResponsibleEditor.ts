import type { CollectionAfterChangeHook } from 'payload'

import type { User } from '../../../payload-types'
import { ARTICLES_SLUG } from '../../../slugs'

/**
 * Articles keep their responsible editor's name beside the id so anonymous readers get it without
 * reading staff accounts; a rename is written through to every article that names this user.
 * A database-level update: the name is derived data, not an editorial change worth a new version.
 */
export const renameResponsibleEditor: CollectionAfterChangeHook<User> = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || doc.name === previousDoc?.name) return doc
  await req.payload.db.updateMany({
    collection: ARTICLES_SLUG,
    where: { responsibleEditor: { equals: doc.id } },
    data: { responsibleEditorName: doc.name },
    req,
  })
  return doc
}
