'use client'

import { useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useState } from 'react'

import { REVIEW_ACTION_LABELS, REVIEW_ACTIONS, type ReviewAction } from '../lib/review/states'

type Hit = { field: string; word: string; matched: string; context: string }
type Screening = { reject: Hit[]; review: Hit[]; needsOverride: string[] }
type Action = ReviewAction | 'override'

const OVERRIDE_LABEL = { en: 'Let review words through', zh: '放行待审词语' }

/**
 * The review workflow in the article's edit view: the transitions as buttons (the server decides
 * who may take which), an optional note, and what the word lists find in the saved draft.
 */
export function ReviewPanel() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const router = useRouter()
  const zh = i18n.language.startsWith('zh')
  const [note, setNote] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const [screening, setScreening] = useState<Screening | null>(null)
  // The buttons arrive server-rendered and do nothing until React has hydrated them, and a second
  // click while a transition is under way would send it twice: disabled in both cases.
  const [hydrated, setHydrated] = useState(false)
  const [acting, setActing] = useState(false)
  const api = `${config.serverURL}${config.routes.api}/articles/${id}`

  const loadScreening = useCallback(async () => {
    const res = await fetch(`${api}/screening`, { credentials: 'include' })
    if (res.ok) setScreening((await res.json()) as Screening)
  }, [api])

  useEffect(() => setHydrated(true), [])
  useEffect(() => {
    if (id) void loadScreening()
  }, [id, loadScreening])

  if (!id) return null

  const act = async (action: Action) => {
    setMessage(null)
    setActing(true)
    try {
      const res = await fetch(`${api}/review`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(action === 'override' ? { action, reason: note } : { action, note: note || undefined }),
      })
      const body = (await res.json().catch(() => ({}))) as { errors?: { message?: string }[] }
      if (!res.ok) {
        setMessage(body.errors?.[0]?.message ?? res.statusText)
        return
      }
      setNote('')
      await loadScreening()
      router.refresh()
    } catch {
      setMessage(zh ? '网络错误，请重试' : 'Network error, please try again')
    } finally {
      setActing(false)
    }
  }

  const label = (text: { en: string; zh: string }) => (zh ? text.zh : text.en)
  const hits = [...(screening?.reject ?? []), ...(screening?.review ?? [])]

  return (
    <div className="field-type review-panel" style={{ marginBottom: 'var(--base)' }}>
      <label className="field-label">{zh ? '审核操作' : 'Review'}</label>
      <textarea
        aria-label={zh ? '备注或放行理由' : 'Note or override reason'}
        placeholder={zh ? '备注（退回修改、放行时必填）' : 'Note (required to request changes or override)'}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        rows={2}
        style={{ width: '100%' }}
      />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 'calc(var(--base) / 4)', marginTop: 'calc(var(--base) / 4)' }}>
        {[...REVIEW_ACTIONS, 'override' as const].map((action) => (
          <button
            key={action}
            type="button"
            className="btn btn--style-secondary btn--size-small"
            disabled={!hydrated || acting}
            onClick={() => void act(action)}
          >
            {label(action === 'override' ? OVERRIDE_LABEL : REVIEW_ACTION_LABELS[action])}
          </button>
        ))}
      </div>
      {message && (
        <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {message}
        </p>
      )}
      {hits.length > 0 && (
        <ul aria-label={zh ? '敏感词命中' : 'Screening hits'} style={{ paddingLeft: '1.2em' }}>
          {hits.map((hit, index) => (
            <li key={index}>
              <strong>{hit.matched}</strong> ({hit.field}
              {screening?.reject.includes(hit) ? (zh ? '，禁止发布' : ', must not be published') : zh ? '，需总编放行' : ', needs an override'}): …{hit.context}…
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
