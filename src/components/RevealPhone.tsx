'use client'
import { useAuth, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useState } from 'react'

import { refusalText } from '../lib/api/refusalText'
import { languageOfCode, type Label } from '../lib/i18n/translate'
import { hasAnyRole } from '../lib/roles'
import { READERS_SLUG } from '../slugs'

const TEXT = {
  button: { zh: '查看完整手机号', en: 'Show the full number' },
  reason: { zh: '查看理由（如调取函编号，将记入审计日志）', en: 'Reason (e.g. the request reference; it goes into the audit log)' },
  failed: { zh: '未能查看', en: 'Could not show the number' },
} satisfies Record<string, Label>

/**
 * 后台实名: an admin answering a lawful request reads a reader's number in full, one reading at a
 * time, with a reason the server writes to the audit log before it answers. Shown to admins only;
 * the server checks again. The number stays on screen until the page is left, never in the form.
 */
export function RevealPhone() {
  const { user } = useAuth()
  const { config } = useConfig()
  const { id } = useDocumentInfo()
  const { i18n } = useTranslation()
  const [reason, setReason] = useState('')
  const [shown, setShown] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  if (!id || !hasAnyRole((user as { roles?: string[] } | null)?.roles, ['admin'])) return null
  const language = languageOfCode(i18n.language)

  const reveal = async () => {
    setBusy(true)
    try {
      const res = await fetch(`${config.serverURL}${config.routes.api}/${READERS_SLUG}/${id}/phone/reveal`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json', 'accept-language': i18n.language },
        body: JSON.stringify({ reason: reason.trim() }),
      })
      const answer = (await res.json().catch(() => ({}))) as { phone?: string }
      setShown(res.ok && answer.phone ? answer.phone : (refusalText(answer) ?? TEXT.failed[language]))
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="field-type" data-testid="reveal-phone">
      <label className="field-label" htmlFor="reveal-phone-reason">
        {TEXT.reason[language]}
      </label>
      <input id="reveal-phone-reason" value={reason} maxLength={200} onChange={(event) => setReason(event.target.value)} />
      <button type="button" className="btn btn--style-secondary btn--size-small" disabled={busy || reason.trim() === ''} onClick={() => void reveal()}>
        {TEXT.button[language]}
      </button>
      {shown && <p data-testid="reveal-phone-result">{shown}</p>}
    </div>
  )
}
