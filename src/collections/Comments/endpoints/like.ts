import type { Endpoint, PayloadRequest } from 'payload'

import { isReaderUser } from '../../../access/roleChecks'
import { likeComment, type LikeState, unlikeComment } from '../../../db/commentLikes'
import { fieldRefusalBody, refusalBody } from '../../../i18n/requestMessages'
import { checkLikeAttempt, COMMENT_LIKE_RATE_LIMITED, commentIdFrom, likeRateLimitsFrom } from '../../../lib/comments/likes'
import { CLIENT_IP_HEADER } from '../../../lib/http/clientIp'
import { MemoryRateLimitStore, type RateLimitStore } from '../../../lib/http/rateLimit'
import { announceContentChange } from '../../../lib/responseCache/changes'
import { COMMENTS_SLUG } from '../../../slugs'

const limits = likeRateLimitsFrom(process.env)
// Until the server hands over the store every instance shares (scripts that load the config never do).
let store: RateLimitStore = new MemoryRateLimitStore()

/** Where likes are counted against their limits from now on: src/server.ts hands over the shared store. */
export function countCommentLikesIn(shared: RateLimitStore): void {
  store = shared
}

// An answer about this reader's own like: never kept by a cache.
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { 'cache-control': 'private, no-store', ...headers } })

type ChangeLike = (payload: PayloadRequest['payload'], commentId: number, readerId: number) => Promise<LikeState | null>

const changingLike = (method: 'post' | 'delete', change: ChangeLike): Endpoint => ({
  path: '/:id/like',
  method,
  handler: async (req) => {
    // A cookie sent from a foreign origin is no login here (Payload's CSRF rule): that is a 401 too.
    if (!req.user) return json(401, refusalBody(req, { code: 'COMMENT_LIKE_LOGIN_REQUIRED' }))
    if (!isReaderUser(req.user)) return json(403, refusalBody(req, { code: 'COMMENT_LIKE_READERS_ONLY' }))
    const id = commentIdFrom(req.routeParams?.id)
    if (id === null) return json(400, fieldRefusalBody(req, { path: 'id', label: { zh: '评论 ID', en: 'Comment id' } }, { code: 'COMMENT_ID_INVALID' }))
    // Counted before the database is asked anything, so a storm costs no more than its refusals.
    const decision = await checkLikeAttempt(store, limits, { reader: req.user.id, address: req.headers.get(CLIENT_IP_HEADER) || 'unknown' })
    if (!decision.allowed) {
      const seconds = decision.retryAfterSeconds
      return json(429, refusalBody(req, { code: COMMENT_LIKE_RATE_LIMITED, values: { seconds } }, { retryAfterSeconds: seconds }), { 'retry-after': String(seconds) })
    }
    const state = id === 0 ? null : await change(req.payload, id, Number(req.user.id))
    if (!state) return json(404, refusalBody(req, { code: 'COMMENT_NOT_FOUND' }))
    // Committed already (one statement): pages showing the count are recomputed from now on.
    if (state.changed) await announceContentChange({ tags: [COMMENTS_SLUG] })
    return json(200, { id, likeCount: state.likeCount, liked: state.liked })
  },
})

/**
 * 点赞: `POST /api/comments/:id/like` likes an approved comment as the logged-in reader (again: no
 * change), `DELETE` takes the like back (again: no change); both answer `{ id, likeCount, liked }`.
 * Limited per reader and per client address (LIKE_RATE_LIMIT_*).
 */
export const commentLikeEndpoints: Endpoint[] = [changingLike('post', likeComment), changingLike('delete', unlikeComment)]
