'use client'

import Link from '../Link'
import { type FormEvent, useState } from 'react'

import { callApi } from './browserApi'
import { useFormStatus } from './formStatus'
import { needsPhone, PhoneRequiredNotice } from './PhoneBinding'
import { useReader } from './ReaderContext'

/**
 * 发表评论 for a logged-in reader; everyone else is offered the login page, and back. A reader who
 * must bind a number first (后台实名) is sent to do so, also when the API says so after all.
 */
export function CommentForm({ articleId, returnPath, phoneRequired }: { articleId: number; returnPath: string; phoneRequired: boolean }) {
  const { reader } = useReader()
  const { status, setStatus, refused, waiting } = useFormStatus()
  const [sending, setSending] = useState(false)
  const [phoneRefused, setPhoneRefused] = useState(false)
  if (reader === undefined) return null
  if (!reader) {
    return (
      <p className="comment-login">
        <Link href={`/account/login?next=${encodeURIComponent(returnPath)}`}>登录后发表评论</Link>
      </p>
    )
  }
  if (needsPhone(reader, phoneRequired) || phoneRefused) return <PhoneRequiredNotice returnPath={returnPath} action="发表评论" />
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    const body = String(new FormData(form).get('body') ?? '')
    setSending(true)
    const answer = await callApi<{ doc?: { status?: string } }>('/api/comments', 'POST', { article: articleId, body })
    setSending(false)
    if (answer.code === 'PHONE_REQUIRED') return setPhoneRefused(true)
    if (!answer.ok) return refused(answer)
    // The screening refuses a banned word by storing the comment as rejected (moderators see it), not by an error.
    const outcome = answer.data?.doc?.status
    if (outcome === 'rejected') return setStatus({ tone: 'error', text: '评论含有不允许发表的词语，未能发表，请修改后再试。' })
    form.reset()
    setStatus({
      tone: 'ok',
      text: outcome === 'approved' ? '评论已发表（已通过审核），刷新页面即可看到。' : '评论已提交，审核通过后将公开显示。',
    })
  }
  return (
    <form className="comment-form" data-testid="comment-form" onSubmit={submit}>
      <label htmlFor="comment-body">发表评论</label>
      <textarea id="comment-body" name="body" rows={4} required maxLength={2000} />
      <div className="form-actions">
        <button type="submit" disabled={sending || waiting}>
          发表
        </button>
        <p role="status" data-testid="comment-status" className={status ? `status-${status.tone}` : undefined}>
          {status?.text}
        </p>
      </div>
    </form>
  )
}
