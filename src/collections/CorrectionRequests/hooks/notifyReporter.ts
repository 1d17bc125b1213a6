import type { CollectionAfterChangeHook } from 'payload'

import { CORRECTION_STATUS_LABELS, type CorrectionStatus } from '../../../lib/corrections'
import type { CorrectionRequest } from '../../../payload-types'

/** Once a request is settled (corrected or not accepted), a reporter who left an email hears the outcome. */
const SETTLED: readonly CorrectionStatus[] = ['corrected', 'rejected']

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export const notifyReporter: CollectionAfterChangeHook<CorrectionRequest> = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || doc.status === previousDoc?.status || !SETTLED.includes(doc.status as CorrectionStatus)) return doc
  const to = previousDoc?.reporterEmail ?? doc.reporterEmail
  if (!to) return doc
  const status = CORRECTION_STATUS_LABELS[doc.status as CorrectionStatus]
  const reply = doc.replyToReporter ?? previousDoc?.replyToReporter ?? ''
  await req.payload.sendEmail({
    to,
    subject: `您的纠错已处理：${status.zh} / Your correction request: ${status.en}`,
    html: `<!doctype html><html lang="zh-CN"><body><p>您提交的纠错（编号 ${doc.id}）状态：${status.zh}。</p><blockquote>${escapeHtml(doc.quote ?? '')}</blockquote>${reply ? `<p>${escapeHtml(reply)}</p>` : ''}<p>感谢您帮助我们改进报道。</p></body></html>`,
  })
  return doc
}
