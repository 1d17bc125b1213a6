'use client'

import { useEffect, useState } from 'react'

import { callApi } from './browserApi'
import { useFormStatus } from './formStatus'
import { likedByMe } from './likedComments'
import { useReader } from './ReaderContext'

type LikeAnswer = { likeCount: number; liked: boolean }

/**
 * `赞 12` beside a comment; for a logged-in reader, a button that likes it (`POST …/like`) and, once
 * liked, takes the like back (`DELETE`). The page's HTML is the same for everyone: whether this
 * reader likes the comment is asked by the browser, as who is logged in is.
 */
export function LikeButton({ commentId, likeCount }: { commentId: number; likeCount: number }) {
  const { reader } = useReader()
  const [shown, setShown] = useState<LikeAnswer>({ likeCount, liked: false })
  const [sending, setSending] = useState(false)
  const { status, refused, waiting } = useFormStatus()
  useEffect(() => {
    if (!reader) return
    let live = true
    void likedByMe(commentId).then((liked) => live && setShown((now) => ({ ...now, liked })))
    return () => {
      live = false
    }
  }, [reader, commentId])
  const label = `赞 ${shown.likeCount}`
  if (!reader) return <span data-testid="comment-likes" className="comment-likes">{label}</span>
  const toggle = async () => {
    setSending(true)
    const answer = await callApi<LikeAnswer>(`/api/comments/${commentId}/like`, shown.liked ? 'DELETE' : 'POST')
    setSending(false)
    if (!answer.ok || !answer.data) return refused(answer)
    setShown({ likeCount: answer.data.likeCount, liked: answer.data.liked })
  }
  return (
    <>
      <button type="button" data-testid="comment-likes" className="comment-likes like-button" aria-pressed={shown.liked} disabled={sending || waiting} onClick={toggle}>
        {label}
      </button>
      {status && (
        <span role="status" className={`status-${status.tone}`}>
          {status.text}
        </span>
      )}
    </>
  )
}
