import { APIError, type CollectionBeforeOperationHook, type Where } from 'payload'

import { isPublisherUser } from '../access/roleChecks'
import { languageOf, say } from '../i18n/requestMessages'
import { type MessageCode, quoted } from '../lib/i18n/translate'
import { type Executor, liveArticlesShowing } from '../db/liveArticleImages'

/** The code a refusal carries, for clients to tell it from other 403s. */
export const LIVE_IMAGE_REFUSAL_CODE = 'MEDIA_SHOWN_BY_LIVE_ARTICLE' satisfies MessageCode

/**
 * An image a published article shows changes (file, alt text, caption, any field) or goes only
 * through a publisher: otherwise a reporter's edit would reach readers without approval or
 * publish-time screening. Anyone else is refused with a 403 naming the article. Judged before
 * Payload touches the stored files, which it replaces before any later hook runs.
 */
export const keepLiveImagesToPublishers: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if ((operation !== 'update' && operation !== 'delete') || isPublisherUser(req.user)) return args
  const { id, where, overrideAccess } = args as { id?: number | string; where?: Where; overrideAccess?: boolean }
  // The server's own work (the Local API without a user's access) is not a person's edit.
  if (overrideAccess) return args
  const mediaIds =
    id !== undefined
      ? [Number(id)]
      : (await req.payload.find({ collection: collection.slug, where, depth: 0, pagination: false, select: {}, overrideAccess: true, req })).docs.map((doc) => Number(doc.id))
  const ids = mediaIds.filter(Number.isSafeInteger)
  if (ids.length === 0) return args
  const articles = await liveArticlesShowing((req.payload.db as unknown as { drizzle: Executor }).drizzle, ids)
  if (articles.length === 0) return args
  const language = languageOf(req)
  const named = articles.map(({ id: articleId, title }) => `${quoted(title, language)} (#${articleId})`).join(language === 'zh' ? '、' : ', ')
  throw new APIError(
    say(req, { code: LIVE_IMAGE_REFUSAL_CODE, values: { articles: named } }),
    403,
    { code: LIVE_IMAGE_REFUSAL_CODE, articles },
    true,
  )
}
