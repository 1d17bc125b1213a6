import type { Endpoint, PayloadRequest } from 'payload'

import { loggedInReaderId, privateJson as json } from '../../../endpoints/readerOwn'
import { commentsLikedBy, likeComment, type LikeState, unlikeComment } from '../../../db/commentLikes'
import { fieldRefusalBody, refusalBody } from '../../../i18n/requestMessages'
import { checkLikeAttempt, COMMENT_LIKE_RATE_LIMITED, commentIdFrom, commentIdsFrom, likeRateLimitsFrom, MAX_LIKED_IDS } from '../../../lib/comments/likes'
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

type ChangeLike = (payload: PayloadRequest['payload'], commentId: number, readerId: number) => Promise<LikeState | null>

const readerIdOf = (req: PayloadRequest) => loggedInReaderId(req, { login: 'COMMENT_LIKE_LOGIN_REQUIRED', readersOnly: 'COMMENT_LIKE_READERS_ONLY' })

const changingLike = (method: 'post' | 'delete', change: ChangeLike): Endpoint => ({
  path: '/:id/like',
  method,
  handler: async (req) => {
    const reader = readerIdOf(req)
    if (reader instanceof Response) return reader
    const id = commentIdFrom(req.routeParams?.id)
    if (id === null) return json(400, fieldRefusalBody(req, { path: 'id', label: { zh: '评论 ID', en: 'Comment id' } }, { code: 'COMMENT_ID_INVALID' }))
    // Counted before the database is asked anything, so a storm costs no more than its refusals.
    const decision = await checkLikeAttempt(store, limits, { reader, address: req.headers.get(CLIENT_IP_HEADER) || 'unknown' })
    if (!decision.allowed) {
      const seconds = decision.retryAfterSeconds
      return json(429, refusalBody(req, { code: COMMENT_LIKE_RATE_LIMITED, values: { seconds } }, { retryAfterSeconds: seconds }), { 'retry-after': String(seconds) })
    }
    const state = id === 0 ? null : await change(req.payload, id, reader)
    if (!state) return json(404, refusalBody(req, { code: 'COMMENT_NOT_FOUND' }))
    // Committed already (one statement): pages showing the count are recomputed from now on.
    if (state.changed) await announceContentChange({ tags: [COMMENTS_SLUG] })
    return json(200, { id, likeCount: state.likeCount, liked: state.liked })
  },
})

/** `GET /api/comments/liked?ids=1,2,3`: which of these comments the logged-in reader likes, `{ liked: [1, 3] }`. */
const likedByReader: Endpoint = {
  path: '/liked',
  method: 'get',
  handler: async (req) => {
    const reader = readerIdOf(req)
    if (reader instanceof Response) return reader
    const ids = commentIdsFrom(req.searchParams.get('ids'))
    if (!ids) return json(400, fieldRefusalBody(req, { path: 'ids', label: { zh: '评论 ID 列表', en: 'Comment ids' } }, { code: 'COMMENT_IDS_INVALID', values: { max: MAX_LIKED_IDS } }))
    return json(200, { liked: ids.length > 0 ? await commentsLikedBy(req.payload, reader, ids) : [] })
  },
}

/**
 * 点赞: `POST /api/comments/:id/like` likes an approved comment as the logged-in reader (again: no
 * change), `DELETE` takes the like back (again: no change); both answer `{ id, likeCount, liked }`.
 * Limited per reader and per client address (LIKE_RATE_LIMIT_*). `GET /api/comments/liked?ids=…`
 * tells a reader their own likes, for a page that starts the same for everyone.
 */
export const commentLikeEndpoints: Endpoint[] = [changingLike('post', likeComment), changingLike('delete', unlikeComment), likedByReader]
