import { shanghaiDate } from '../lib/portal/time'
import { LikeButton } from './client/LikeButton'
import { fileUrl } from './media'
import type { PublicComment } from './types'

export type Thread = PublicComment & { replies: Thread[] }

/** Hangs each reply under its parent; replies whose parent is not shown are left out. */
export function threadsOf(comments: PublicComment[], replies: PublicComment[]): Thread[] {
  const byParent = new Map<number, PublicComment[]>()
  for (const reply of replies) {
    if (reply.parent == null) continue
    byParent.set(reply.parent, [...(byParent.get(reply.parent) ?? []), reply])
  }
  const build = (comment: PublicComment, seen: Set<number>): Thread => ({
    ...comment,
    replies: seen.has(comment.id) ? [] : (byParent.get(comment.id) ?? []).map((reply) => build(reply, new Set(seen).add(comment.id))),
  })
  return comments.map((comment) => build(comment, new Set()))
}

function VerifiedBadge() {
  return (
    <svg data-testid="verified-badge" className="verified-badge" role="img" aria-label="认证" viewBox="0 0 16 16" width="16" height="16">
      <path fill="#d4380d" d="M8 0l2 1.6 2.5-.2.8 2.4 2.1 1.4-.8 2.4.8 2.4-2.1 1.4-.8 2.4-2.5-.2L8 16l-2-1.6-2.5.2-.8-2.4L.6 10.8l.8-2.4-.8-2.4 2.1-1.4.8-2.4 2.5.2z" />
      <path fill="none" stroke="#fff" strokeWidth="1.6" d="M4.6 8.2l2.2 2.2 4.6-4.6" />
    </svg>
  )
}

/** One comment: avatar, `name-职业` (a verified profession only, with its badge), date, `IP属地：湖北`, `赞 n`, text, replies. */
export function Comment({ comment }: { comment: Thread }) {
  const { commenter } = comment
  const verified = Boolean(commenter.profession && commenter.professionLabel)
  return (
    <article className="comment" data-testid="comment" id={`comment-${comment.id}`}>
      <img
        data-testid="comment-avatar"
        className="avatar"
        src={fileUrl(commenter.avatarUrl) ?? '/portal/avatar.svg'}
        alt=""
        width={48}
        height={48}
        loading="lazy"
      />
      <div className="comment-main">
        <p className="comment-meta">
          <span data-testid="comment-author" className="comment-author">
            {verified ? `${commenter.displayName}-${commenter.professionLabel}` : commenter.displayName}
          </span>
          {verified && <VerifiedBadge />}
          <time data-testid="comment-date" dateTime={comment.createdAt}>
            {shanghaiDate(comment.createdAt)}
          </time>
          {comment.ipRegion && <span data-testid="comment-ip-region">IP属地：{comment.ipRegion}</span>}
          <LikeButton commentId={comment.id} likeCount={comment.likeCount ?? 0} />
        </p>
        <p data-testid="comment-text" className="comment-text">
          {comment.body}
        </p>
        {comment.replies.length > 0 && (
          <div className="replies">
            {comment.replies.map((reply) => (
              <Comment key={reply.id} comment={reply} />
            ))}
          </div>
        )}
      </div>
    </article>
  )
}
