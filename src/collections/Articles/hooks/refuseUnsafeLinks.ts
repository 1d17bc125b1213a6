import type { CollectionBeforeValidateHook } from 'payload'

import { fieldRefusal } from '../../../i18n/requestMessages'
import { ARTICLE_FIELD_LABELS } from '../../../lib/review/articleHits'
import { unsafeLinkTargets } from '../../../lib/richText/links'
import type { Article } from '../../../payload-types'

/**
 * A body linking to `javascript:`, `data:` or the like is refused on every save, drafts and
 * autosaves included (Payload validates fields only on publish), so no such link is ever stored.
 */
export const refuseUnsafeLinks: CollectionBeforeValidateHook<Article> = ({ data, collection, req }) => {
  const unsafe = unsafeLinkTargets(data?.body)
  if (unsafe.length === 0) return data
  throw fieldRefusal(req, collection.slug, { path: 'body', label: ARTICLE_FIELD_LABELS.body }, { code: 'BODY_LINK_UNSAFE', values: { link: unsafe[0].slice(0, 100) } })
}
