'use client'

import { useAuth, useConfig, useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useState } from 'react'

import { refusalText } from '../lib/api/refusalText'
import { logRowLabel } from '../lib/i18n/logRowLabel'
import { ARTICLE_FIELD_LABELS } from '../lib/review/articleHits'
import { hasAnyRole, PUBLISHER_ROLES } from '../lib/roles'
import {
  availableActions,
  REVIEW_ACTION_LABELS,
  REVIEW_HISTORY_ACTION_LABELS,
  REVIEW_STATE_LABELS,
  REVIEW_STATES,
  type ReviewAction,
  type ReviewState,
} from '../lib/review/states'

type Hit = { field: string; word: string; matched: string; context: string }
type Screening = { reject: Hit[]; review: Hit[]; needsOverride: string[] }
type Action = ReviewAction | 'override'
type Outcome = { kind: 'done' | 'refused'; text: string }
type HistoryEntry = { action?: string; from?: string | null; to?: string | null; by?: { name?: string } | number | null; at?: string; note?: string | null }

/** The review history's newest entries the panel shows, newest first; the whole history is in the field below. */
const LAST_ENTRIES = 3

const OVERRIDE_LABEL = { en: 'Let review words through', zh: '放行待审词语' }

const asReviewState = (value: unknown): ReviewState => ((REVIEW_STATES as readonly unknown[]).includes(value) ? (value as ReviewState) : 'draft')

/**
 * The review workflow in the article's edit view: the article's review state, the actions this
 * person may take in it as buttons (the server checks again), an optional note, what each action
 * did or why it was refused (in the admin's language), its latest history entries, and what the
 * word lists find in the draft.
 */
export function ReviewPanel() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const { user } = useAuth()
  const { i18n } = useTranslation()
  const router = useRouter()
  const savedState = asReviewState(useFormFields(([fields]) => fields.reviewState?.value))
  const zh = i18n.language.startsWith('zh')
  const [state, setState] = useState<ReviewState>(savedState)
  const [note, setNote] = useState('')
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [screening, setScreening] = useState<Screening | null>(null)
  const [history, setHistory] = useState<HistoryEntry[]>([])
  // The buttons arrive server-rendered and do nothing until React has hydrated them, and a second
  // click while a transition is under way would send it twice: disabled in both cases.
  const [hydrated, setHydrated] = useState(false)
  const [acting, setActing] = useState(false)
  const api = `${config.serverURL}${config.routes.api}/articles/${id}`

  const loadScreening = useCallback(async () => {
    const res = await fetch(`${api}/screening`, { credentials: 'include' })
    if (res.ok) setScreening((await res.json()) as Screening)
  }, [api])
  // With the names of who acted (depth 1), which the form's own copy of the history lacks.
  const loadHistory = useCallback(async () => {
    const res = await fetch(`${api}?draft=true&depth=1&select[reviewHistory]=true`, { credentials: 'include' })
    if (res.ok) setHistory(((await res.json()) as { reviewHistory?: HistoryEntry[] }).reviewHistory ?? [])
  }, [api])

  useEffect(() => setHydrated(true), [])
  useEffect(() => setState(savedState), [savedState])
  useEffect(() => {
    if (id) void Promise.all([loadScreening(), loadHistory()])
  }, [id, loadScreening, loadHistory])

  if (!id) return null

  const label = (text: { en: string; zh: string }) => (zh ? text.zh : text.en)
  const roles = (user as { roles?: string[] } | null)?.roles ?? []
  const mayOverride = hasAnyRole(roles, PUBLISHER_ROLES) && (screening?.needsOverride.length ?? 0) > 0
  const actions: Action[] = [...availableActions(state, roles), ...(mayOverride ? ['override' as const] : [])]

  const act = async (action: Action) => {
    setOutcome(null)
    setActing(true)
    try {
      const res = await fetch(`${api}/review`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(action === 'override' ? { action, reason: note } : { action, note: note || undefined }),
      })
      const body = (await res.json().catch(() => ({}))) as { reviewState?: string }
      if (!res.ok) {
        setOutcome({ kind: 'refused', text: refusalText(body) ?? res.statusText })
        return
      }
      if (body.reviewState) setState(asReviewState(body.reviewState))
      setNote('')
      const done = label(action === 'override' ? OVERRIDE_LABEL : REVIEW_ACTION_LABELS[action])
      setOutcome({ kind: 'done', text: zh ? `已完成：${done}` : `Done: ${done}` })
      await Promise.all([loadScreening(), loadHistory()])
      router.refresh()
    } catch {
      setOutcome({ kind: 'refused', text: zh ? '网络错误，请重试' : 'Network error, please try again' })
    } finally {
      setActing(false)
    }
  }

  const hits = [...(screening?.reject ?? []), ...(screening?.review ?? [])]
  const language = zh ? 'zh' : 'en'
  const stateLabel = (value: string | null | undefined) => (value && value in REVIEW_STATE_LABELS ? label(REVIEW_STATE_LABELS[value as ReviewState]) : (value ?? ''))
  const latest = history.slice(-LAST_ENTRIES).reverse().map((entry) => ({
    line: logRowLabel(
      {
        at: entry.at,
        by: typeof entry.by === 'object' ? (entry.by?.name ?? null) : null,
        action: entry.action && entry.action in REVIEW_HISTORY_ACTION_LABELS ? label(REVIEW_HISTORY_ACTION_LABELS[entry.action as keyof typeof REVIEW_HISTORY_ACTION_LABELS]) : null,
        from: stateLabel(entry.from),
        to: stateLabel(entry.to),
      },
      language,
    ),
    note: entry.note,
  }))
  const fieldLabel = (field: string) => (field in ARTICLE_FIELD_LABELS ? label(ARTICLE_FIELD_LABELS[field as keyof typeof ARTICLE_FIELD_LABELS]) : field)

  return (
    <div className="field-type review-panel" style={{ marginBottom: 'var(--base)' }}>
      <label className="field-label">{zh ? '审核操作' : 'Review'}</label>
      <p data-testid="review-state">
        {zh ? '审核状态：' : 'Review state: '}
        <strong>{label(REVIEW_STATE_LABELS[state])}</strong>
      </p>
      {actions.length > 0 && (
        <>
          <textarea
            aria-label={zh ? '备注或放行理由' : 'Note or override reason'}
            placeholder={zh ? '备注（退回修改、放行时必填）' : 'Note (required to request changes or override)'}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            rows={2}
            style={{ width: '100%' }}
          />
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 'calc(var(--base) / 4)', marginTop: 'calc(var(--base) / 4)' }}>
            {actions.map((action) => (
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
        </>
      )}
      {outcome && (
        <p role={outcome.kind === 'refused' ? 'alert' : 'status'} style={{ color: outcome.kind === 'refused' ? 'var(--theme-error-500)' : 'var(--theme-success-500)' }}>
          {outcome.text}
        </p>
      )}
      {latest.length > 0 && (
        <ol data-testid="review-history" aria-label={zh ? '最近审核记录' : 'Latest review entries'} style={{ paddingLeft: '1.2em' }}>
          {latest.map(({ line, note: entryNote }, index) => (
            <li key={index}>
              {line}
              {entryNote ? `${zh ? '：' : ': '}${entryNote}` : ''}
            </li>
          ))}
        </ol>
      )}
      {hits.length > 0 && (
        <ul aria-label={zh ? '敏感词命中' : 'Screening hits'} style={{ paddingLeft: '1.2em' }}>
          {hits.map((hit, index) => (
            <li key={index}>
              <strong>{hit.matched}</strong> ({fieldLabel(hit.field)}
              {screening?.reject.includes(hit) ? (zh ? '，禁止发布' : ', must not be published') : zh ? '，需总编放行' : ', needs an override'}): …{hit.context}…
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
