import type { CollectionAfterChangeHook } from 'payload'

import type { Reader } from '../../../payload-types'
import { commenterOf } from '../../Comments/commenter'
import { COMMENTS_SLUG } from '../../../slugs'

/**
 * Comments carry their author's public face (name, avatar, verified profession) so listing them
 * costs no lookups; a change to any of those is written through to every comment of this reader.
 */
export const refreshCommenterOnComments: CollectionAfterChangeHook<Reader> = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update') return doc
  const before = JSON.stringify(await commenterOf(previousDoc, req))
  const commenter = await commenterOf(doc, req)
  if (JSON.stringify(commenter) === before) return doc
  await req.payload.db.updateMany({ collection: COMMENTS_SLUG, where: { reader: { equals: doc.id } }, data: { commenter }, req })
  return doc
}
