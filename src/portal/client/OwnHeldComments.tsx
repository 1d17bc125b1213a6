'use client'

import { useEffect, useState } from 'react'

import { shanghaiDate } from '../../lib/portal/time'
import { callApi } from './browserApi'
import { useReader } from './ReaderContext'

type OwnComment = { id: number; body: string; createdAt: string; status?: string }

/** How many of the article's newest comments are looked through: one held for review is among the newest. */
const NEWEST_LOOKED_AT = 50

/**
 * The reader's own comments on the article still waiting for moderation, marked 审核中. The browser
 * asks for them with the reader's login, so they reach that reader alone and no shared cache holds
 * them: the API gives a reader the approved comments and their own, and the status of their own only.
 */
export function OwnHeldComments({ articleId }: { articleId: number }) {
  const { reader } = useReader()
  const [held, setHeld] = useState<OwnComment[]>([])
  useEffect(() => {
    if (!reader) return setHeld([])
    let current = true
    void callApi<{ docs?: OwnComment[] }>(`/api/comments?where[article][equals]=${articleId}&sort=-createdAt&limit=${NEWEST_LOOKED_AT}&depth=0`, 'GET').then((answer) => {
      if (current) setHeld((answer.ok ? (answer.data?.docs ?? []) : []).filter((comment) => comment.status === 'pending'))
    })
    return () => {
      current = false
    }
  }, [reader, articleId])
  if (held.length === 0) return null
  return (
    <div className="own-held-comments" data-testid="own-held-comments">
      {held.map((comment) => (
        <article key={comment.id} className="comment own-held">
          <p className="comment-meta">
            <span className="held-badge">审核中</span>
            <time dateTime={comment.createdAt}>{shanghaiDate(comment.createdAt)}</time>
            <span className="held-note">仅你自己可见，审核通过后公开显示</span>
          </p>
          <p className="comment-text">{comment.body}</p>
        </article>
      ))}
    </div>
  )
}
