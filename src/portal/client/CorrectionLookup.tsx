'use client'

import { type FormEvent, useState } from 'react'

import { CORRECTION_STATUS_LABELS, type CorrectionStatus } from '../../lib/corrections/statuses'
import { callApi } from './browserApi'

type Answer = { status: CorrectionStatus; replyToReporter: string | null }

/** A reporter follows their 纠错 with the 查询码 they were shown once. */
export function CorrectionLookup() {
  const [result, setResult] = useState<{ tone: 'ok' | 'error'; text: string; reply?: string | null } | null>(null)
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const token = String(new FormData(event.currentTarget).get('token') ?? '').trim()
    const answer = await callApi<Answer>(`/api/correction-requests/lookup?token=${encodeURIComponent(token)}`, 'GET')
    if (!answer.ok || !answer.data) {
      return setResult({ tone: 'error', text: answer.status === 404 || answer.status === 400 ? '没有找到这个查询码对应的纠错。' : answer.message })
    }
    setResult({ tone: 'ok', text: `处理状态：${CORRECTION_STATUS_LABELS[answer.data.status]?.zh ?? answer.data.status}`, reply: answer.data.replyToReporter })
  }
  return (
    <form className="correction-lookup" onSubmit={submit}>
      <h2>查询纠错进度</h2>
      <label htmlFor="lookup-token">查询码</label>
      <input id="lookup-token" name="token" required autoComplete="off" />
      <div className="form-actions">
        <button type="submit">查询</button>
      </div>
      <div role="status" data-testid="correction-lookup-status" className={result ? `status-${result.tone}` : undefined}>
        {result && <p>{result.text}</p>}
        {result?.reply && <p>编辑部回复：{result.reply}</p>}
      </div>
    </form>
  )
}
