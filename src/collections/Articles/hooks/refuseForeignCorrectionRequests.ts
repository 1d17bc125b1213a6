import type { CollectionBeforeChangeHook } from 'payload'

import { fieldRefusal } from '../../../i18n/requestMessages'
import { relationId } from '../../../lib/api/fieldShapes'
import { CORRECTION_NOTICE_LABELS } from '../../../lib/corrections'
import type { Article } from '../../../payload-types'
import { ARTICLES_SLUG, CORRECTION_REQUESTS_SLUG } from '../../../slugs'

/**
 * A correction notice's source request must be one this article received: a notice naming another
 * article's request would let that request be marked corrected by a notice its own article never
 * carried. Drafts included (Payload's own check of the picker's filter skips drafts), on every route.
 * A request that does not exist is left to the database's refusal.
 */
export const refuseForeignCorrectionRequests: CollectionBeforeChangeHook<Article> = async ({ data, originalDoc, req }) => {
  const notices = (Array.isArray(data.corrections) ? data.corrections : []).map((notice, index) => ({ index, request: relationId(notice?.request) }))
  const named = notices.filter((notice): notice is { index: number; request: number } => notice.request !== null)
  if (named.length === 0) return data
  const { docs } = await req.payload.find({
    collection: CORRECTION_REQUESTS_SLUG,
    where: { id: { in: [...new Set(named.map((notice) => notice.request))] } },
    select: { article: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const articleOf = new Map(docs.map((doc) => [doc.id, relationId(doc.article)]))
  const articleId = originalDoc?.id ?? null
  const foreign = named.find((notice) => articleOf.has(notice.request) && articleOf.get(notice.request) !== articleId)
  if (!foreign) return data
  const { corrections, request } = CORRECTION_NOTICE_LABELS
  const label = {
    zh: `${corrections.zh} ${foreign.index + 1} > ${request.zh}`,
    en: `${corrections.en} ${foreign.index + 1} > ${request.en}`,
  }
  throw fieldRefusal(req, ARTICLES_SLUG, { path: `corrections.${foreign.index}.request`, label }, {
    code: 'CORRECTION_NOTICE_OTHER_ARTICLE',
    values: { request: foreign.request },
  })
}
