import { type CollectionBeforeValidateHook, ValidationError } from 'payload'

import { unsafeLinkTargets } from '../../../lib/richText/links'
import type { Article } from '../../../payload-types'

/**
 * A body linking to `javascript:`, `data:` or the like is refused on every save, drafts and
 * autosaves included (Payload validates fields only on publish), so no such link is ever stored.
 */
export const refuseUnsafeLinks: CollectionBeforeValidateHook<Article> = ({ data, collection }) => {
  const unsafe = unsafeLinkTargets(data?.body)
  if (unsafe.length === 0) return data
  throw new ValidationError({
    collection: collection.slug,
    errors: [{ path: 'body', message: `正文链接只能是 http(s)、mailto、tel 或站内地址 (links must be http(s), mailto, tel or relative): ${unsafe[0].slice(0, 100)}` }],
  })
}
