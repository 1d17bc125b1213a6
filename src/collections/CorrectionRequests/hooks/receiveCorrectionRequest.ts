import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, PayloadRequest, Where } from 'payload'
import { APIError } from 'payload'

import { isReaderUser } from '../../../access/roleChecks'
import { currentScreener } from '../../../hooks/currentScreener'
import { fieldRefusal, say } from '../../../i18n/requestMessages'
import { CLIENT_IP_HEADER } from '../../../lib/http/clientIp'
import { CORRECTION_FIELD_LABELS, lexicalToPlainText, newLookupToken, normaliseQuote, OPEN_STATUSES, quoteOccursIn } from '../../../lib/corrections'
import { relationId } from '../../../lib/api/fieldShapes'
import type { Message } from '../../../lib/i18n/translate'
import { hitContext, strongestAction } from '../../../lib/screening'
import type { CorrectionRequest, Reader } from '../../../payload-types'
import { ARTICLES_SLUG, CORRECTION_REQUESTS_SLUG } from '../../../slugs'

/** Requests one address (or one reader) may send per window; bots and floods get a 429. */
const RATE_LIMIT = Number(process.env.CORRECTIONS_RATE_LIMIT || 5)
const RATE_WINDOW_SECONDS = Number(process.env.CORRECTIONS_RATE_WINDOW_SECONDS || 600)
const SCREENED_FIELDS = ['quote', 'suggestion', 'explanation', 'reporterName'] as const

/** The plain token, from the hook that makes it to the one that returns it (hooks' context is not shared here). */
const issuedTokens = new WeakMap<PayloadRequest, string>()

const invalid = (req: PayloadRequest, path: keyof typeof CORRECTION_FIELD_LABELS, message: Message) =>
  fieldRefusal(req, CORRECTION_REQUESTS_SLUG, { path, label: CORRECTION_FIELD_LABELS[path] }, message)

/**
 * A new correction request from anyone: the honeypot must be empty, the sender within the rate
 * limit, the article published, the words acceptable. The quote is looked for in the article
 * (flagged, not refused, when missing), a request repeating an open one on the same passage is
 * linked to it, and the sender gets a token to follow the request without an account. The time it
 * came in is the server's (its title shows that day), and a reader is named by their display name,
 * which the staff who triage read though they may not open the reader's account.
 */
export const receiveCorrectionRequest: CollectionBeforeChangeHook<CorrectionRequest> = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  if (typeof (data as { website?: unknown }).website === 'string' && (data as { website: string }).website.trim() !== '') {
    throw invalid(req, 'website', { code: 'CORRECTION_SUBMISSION_REFUSED' })
  }
  const now = new Date()
  const ip = req.headers.get(CLIENT_IP_HEADER)
  const reader = isReaderUser(req.user) ? (req.user as Reader) : null
  const readerId = reader?.id ?? null
  if (req.payloadAPI !== 'local') await enforceRateLimit(req, now, ip, readerId)

  const articleId = relationId(data.article)
  const article = articleId
    ? await req.payload.findByID({ collection: ARTICLES_SLUG, id: articleId, depth: 0, disableErrors: true, overrideAccess: true, req })
    : null
  if (!article || article._status !== 'published') throw invalid(req, 'article', { code: 'CORRECTION_ARTICLE_UNPUBLISHED' })

  const screener = await currentScreener(req)
  const flags: { rule: string; detail: string; field?: string }[] = []
  for (const field of SCREENED_FIELDS) {
    const text = data[field]
    if (typeof text !== 'string' || text === '') continue
    const hits = screener.scan(text)
    const action = strongestAction(hits)
    if (action === 'reject') {
      const words = hits.filter((hit) => hit.action === 'reject').map((hit) => hit.matched).join('、')
      throw invalid(req, field, { code: 'CORRECTION_WORD_NOT_ALLOWED', values: { words } })
    }
    for (const hit of hits.filter((h) => h.action !== 'mask')) flags.push({ rule: 'word', field, detail: `${hit.phrase}: ${hitContext(text, hit)}` })
  }

  const quote = typeof data.quote === 'string' ? data.quote.trim() : ''
  const normalisedQuote = normaliseQuote(quote)
  if (!normalisedQuote) throw invalid(req, 'quote', { code: 'CORRECTION_QUOTE_REQUIRED' })
  const articleText = [article.title, article.summary, lexicalToPlainText(article.body)].filter(Boolean).join('\n')
  const quoteFound = quoteOccursIn(articleText, quote)
  if (!quoteFound) flags.push({ rule: 'quoteNotFound', detail: '原文未在文章中找到 / quote not found in the article' })

  const { docs: open } = await req.payload.find({
    collection: CORRECTION_REQUESTS_SLUG,
    where: { article: { equals: article.id }, normalisedQuote: { equals: normalisedQuote }, status: { in: [...OPEN_STATUSES] } },
    sort: 'createdAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const duplicateOf = open[0]?.id ?? null

  const { token, hash } = newLookupToken()
  issuedTokens.set(req, token)
  return {
    ...data,
    createdAt: now.toISOString(),
    quote,
    reader: readerId,
    readerName: reader?.displayName ?? null,
    status: duplicateOf ? 'duplicate' : 'new',
    duplicateOf,
    normalisedQuote,
    quoteFound,
    screening: flags,
    lookupTokenHash: hash,
    ip,
    history: [],
  }
}

async function enforceRateLimit(req: PayloadRequest, now: Date, ip: string | null, readerId: number | null) {
  const since = new Date(now.getTime() - RATE_WINDOW_SECONDS * 1000).toISOString()
  const senders: Where[] = [...(ip ? [{ ip: { equals: ip } }] : []), ...(readerId ? [{ reader: { equals: readerId } }] : [])]
  for (const where of senders) {
    const { totalDocs } = await req.payload.count({
      collection: CORRECTION_REQUESTS_SLUG,
      where: { ...where, createdAt: { greater_than: since } },
      overrideAccess: true,
      req,
    })
    if (totalDocs >= RATE_LIMIT) {
      const message = { code: 'CORRECTION_TOO_OFTEN', values: { seconds: RATE_WINDOW_SECONDS } } as const
      throw new APIError(say(req, message), 429, { code: message.code, retryAfterSeconds: RATE_WINDOW_SECONDS }, true)
    }
  }
}

/** The token goes back once, in the response to the request that created it; only its hash is kept. */
export const revealLookupToken: CollectionAfterChangeHook<CorrectionRequest> = ({ doc, operation, req }) => {
  const token = issuedTokens.get(req)
  if (operation !== 'create' || !token) return doc
  issuedTokens.delete(req)
  return { ...doc, lookupToken: token }
}
