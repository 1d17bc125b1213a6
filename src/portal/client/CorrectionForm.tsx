'use client'

import { type FormEvent, useEffect, useRef, useState } from 'react'

import { ERROR_TYPE_LABELS, ERROR_TYPES } from '../../lib/corrections/statuses'
import { callApi, formFields } from './browserApi'
import { useFormStatus } from './formStatus'
import { needsPhone, PhoneRequiredNotice } from './PhoneBinding'
import { useReader } from './ReaderContext'


/** The text selected now inside the article body (not in a comment or the page around it), or ''. */
function selectionIn(bodyId: string): string {
  const selection = document.getSelection()
  const text = selection?.toString().trim() ?? ''
  const body = document.getElementById(bodyId)
  return text && body && selection?.anchorNode && body.contains(selection.anchorNode) ? text.slice(0, 1000) : ''
}

/** The last text the reader selected inside the article body (clicking the button may clear it). */
function useArticleSelection(bodyId: string) {
  const selected = useRef('')
  useEffect(() => {
    const remember = () => {
      const text = selectionIn(bodyId)
      if (text) selected.current = text
    }
    document.addEventListener('selectionchange', remember)
    return () => document.removeEventListener('selectionchange', remember)
  }, [bodyId])
  return selected
}

/**
 * 【纠错】: anyone may report an error; the quote starts as the passage they selected. A logged-in
 * reader who must bind a number first (后台实名) is sent to do so; anonymous requests stay open.
 */
export function CorrectionForm({ articleId, bodyId, returnPath, phoneRequired }: { articleId: number; bodyId: string; returnPath: string; phoneRequired: boolean }) {
  const { reader } = useReader()
  const [phoneRefused, setPhoneRefused] = useState(false)
  const selected = useArticleSelection(bodyId)
  const [open, setOpen] = useState(false)
  const [quote, setQuote] = useState('')
  const { status, setStatus, refused, waiting } = useFormStatus()
  const [sending, setSending] = useState(false)

  const openForm = () => {
    setQuote(selectionIn(bodyId) || selected.current || quote)
    setStatus(null)
    setOpen(true)
  }
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    const fields = formFields(form, ['errorType', 'quote', 'suggestion', 'explanation', 'reporterName', 'reporterEmail', 'website'])
    setSending(true)
    const answer = await callApi<{ doc?: { id: number; lookupToken?: string } }>('/api/correction-requests', 'POST', { article: articleId, ...fields })
    setSending(false)
    if (answer.code === 'PHONE_REQUIRED') return setPhoneRefused(true)
    if (!answer.ok) return refused(answer)
    form.reset()
    setQuote('')
    const token = answer.data?.doc?.lookupToken
    setStatus({ tone: 'ok', text: `感谢指正，我们已收到您的纠错。${token ? `查询码（仅显示这一次，可在“更正记录”页查询处理进度）：${token}` : ''}` })
  }

  return (
    <div className="correction">
      <button type="button" className="link-button" data-testid="correction-open" aria-expanded={open} onClick={openForm}>
        【纠错】
      </button>
      {open && (needsPhone(reader, phoneRequired) || phoneRefused) && <PhoneRequiredNotice returnPath={returnPath} action="提交纠错" />}
      {open && !(needsPhone(reader, phoneRequired) || phoneRefused) && (
        <form className="correction-form" data-testid="correction-form" onSubmit={submit}>
          <h2>纠错</h2>
          <label htmlFor="correction-type">错误类型</label>
          <select id="correction-type" name="errorType" defaultValue="typo">
            {ERROR_TYPES.map((type) => (
              <option key={type} value={type}>
                {ERROR_TYPE_LABELS[type].zh}
              </option>
            ))}
          </select>
          <label htmlFor="correction-quote">原文</label>
          <textarea id="correction-quote" name="quote" rows={3} required maxLength={1000} value={quote} onChange={(event) => setQuote(event.target.value)} />
          <label htmlFor="correction-suggestion">修改建议</label>
          <textarea id="correction-suggestion" name="suggestion" rows={3} maxLength={2000} />
          <label htmlFor="correction-explanation">说明（选填）</label>
          <textarea id="correction-explanation" name="explanation" rows={2} maxLength={2000} />
          <label htmlFor="correction-name">您的称呼（选填）</label>
          <input id="correction-name" name="reporterName" maxLength={50} autoComplete="name" />
          <label htmlFor="correction-email">邮箱（选填，用于告知处理结果）</label>
          <input id="correction-email" name="reporterEmail" type="email" autoComplete="email" />
          {/* A honeypot: people never see or fill it; the API refuses a request that has it. */}
          <div className="honeypot" aria-hidden="true">
            <label htmlFor="correction-website">网站</label>
            <input id="correction-website" name="website" tabIndex={-1} autoComplete="off" />
          </div>
          <div className="form-actions">
            <button type="submit" disabled={sending || waiting}>
              提交
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              取消
            </button>
          </div>
          <p role="status" data-testid="correction-status" className={status ? `status-${status.tone}` : undefined}>
            {status?.text}
          </p>
        </form>
      )}
    </div>
  )
}
