'use client'
import { useAuth, useConfig, useSelection, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useEffect, useState } from 'react'

import { refusalText } from '../lib/api/refusalText'
import { type Label, languageOfCode, translate } from '../lib/i18n/translate'
import { COMMENT_STATUS_LABELS, FEATURED_LABEL } from '../lib/moderation/types'
import { hasAnyRole, MODERATOR_ROLES } from '../lib/roles'
import { COMMENTS_SLUG } from '../slugs'

/** What each button sets on the selected comments, and the state the confirmation names. */
const ACTIONS: { label: Label; data: Record<string, unknown>; state: Label }[] = [
  { label: { zh: '通过', en: 'Approve' }, data: { status: 'approved' }, state: COMMENT_STATUS_LABELS.approved },
  { label: { zh: '拒绝', en: 'Reject' }, data: { status: 'rejected' }, state: COMMENT_STATUS_LABELS.rejected },
  { label: { zh: '标为垃圾评论', en: 'Mark as spam' }, data: { status: 'spam' }, state: COMMENT_STATUS_LABELS.spam },
  // As in Coral, featuring publishes: a 精彩评论 still waiting for approval would be shown to nobody.
  { label: { zh: '设为精彩', en: 'Feature' }, data: { featured: true, status: 'approved' }, state: FEATURED_LABEL },
]
const HEADING = { zh: '批量处理所选评论', en: 'Moderate the selected comments' }
const NOTE = { zh: '处理备注（可选，写入处理记录）', en: 'Note for the log (optional)' }

type Outcome = { kind: 'done' | 'refused'; text: string }
type BulkAnswer = { docs?: unknown[]; message?: string }

/**
 * Approve, reject, mark as spam or feature the selected comments at once, above the list (as Coral
 * and WordPress offer). One `PATCH /api/comments?where[id][in]=…`, the REST bulk update, so the
 * moderation log, the approved-comment counts and the webhooks follow as for a single edit. Shown to
 * moderators and admins only; the server checks again and its refusal is shown as it gives it.
 */
export function CommentBulkActions() {
  const { user } = useAuth()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const { count, getQueryParams, toggleAll } = useSelection()
  const router = useRouter()
  const [note, setNote] = useState('')
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [acting, setActing] = useState(false)
  // Server-rendered buttons do nothing until hydrated: disabled until then.
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])

  if (!hasAnyRole((user as { roles?: string[] } | null)?.roles, MODERATOR_ROLES)) return null
  const language = languageOfCode(i18n.language)

  const act = async ({ data, state }: (typeof ACTIONS)[number]) => {
    setOutcome(null)
    setActing(true)
    try {
      const res = await fetch(`${config.serverURL}${config.routes.api}/${COMMENTS_SLUG}${getQueryParams()}&depth=0`, {
        method: 'PATCH',
        credentials: 'include',
        headers: { 'content-type': 'application/json', 'accept-language': i18n.language },
        body: JSON.stringify({ ...data, ...(note.trim() ? { moderationNote: note.trim() } : {}) }),
      })
      const answer = (await res.json().catch(() => ({}))) as BulkAnswer
      const done = answer.docs?.length ?? 0
      const refusal = refusalText(answer)
      if (!res.ok || refusal) {
        setOutcome({ kind: 'refused', text: [answer.message, refusal].filter(Boolean).join(language === 'zh' ? '：' : ': ') || res.statusText })
      } else {
        setOutcome({ kind: 'done', text: translate({ code: 'COMMENTS_BULK_SET', values: { count: done, state } }, language) })
        setNote('')
      }
      if (done > 0) {
        toggleAll()
        router.refresh()
      }
    } catch {
      setOutcome({ kind: 'refused', text: translate({ code: 'REQUEST_NOT_SENT' }, language) })
    } finally {
      setActing(false)
    }
  }

  return (
    <div className="comment-bulk-actions" style={{ marginBottom: 'var(--base)' }}>
      {count > 0 && (
        <div role="group" aria-label={HEADING[language]} style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 'calc(var(--base) / 2)' }}>
          <strong>{HEADING[language]}</strong>
          <input
            type="text"
            aria-label={NOTE[language]}
            placeholder={NOTE[language]}
            value={note}
            maxLength={500}
            onChange={(event) => setNote(event.target.value)}
            style={{ minWidth: '16em' }}
          />
          {ACTIONS.map((action) => (
            <button
              key={action.label.en}
              type="button"
              className="btn btn--style-secondary btn--size-small"
              style={{ margin: 0 }}
              disabled={!hydrated || acting}
              onClick={() => void act(action)}
            >
              {action.label[language]}
            </button>
          ))}
        </div>
      )}
      {/* The status line is there before it is filled in, so screen readers announce what it then says. */}
      <p role="status" style={{ color: 'var(--theme-success-500)', margin: 0 }}>
        {outcome?.kind === 'done' ? outcome.text : ''}
      </p>
      {outcome?.kind === 'refused' && (
        <p role="alert" style={{ color: 'var(--theme-error-500)', margin: 0 }}>
          {outcome.text}
        </p>
      )}
    </div>
  )
}
