import type { CollectionAfterChangeHook } from 'payload'

import { escapeHtml, mailPage } from '../../../lib/accounts/mailPage'
import { CORRECTION_STATUS_LABELS, type CorrectionStatus } from '../../../lib/corrections'
import type { CorrectionRequest } from '../../../payload-types'

/** Once a request is settled (corrected or not accepted), a reporter who left an email hears the outcome. */
const SETTLED: readonly CorrectionStatus[] = ['corrected', 'rejected']

export const notifyReporter: CollectionAfterChangeHook<CorrectionRequest> = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || doc.status === previousDoc?.status || !SETTLED.includes(doc.status as CorrectionStatus)) return doc
  const to = previousDoc?.reporterEmail ?? doc.reporterEmail
  if (!to) return doc
  const status = CORRECTION_STATUS_LABELS[doc.status as CorrectionStatus]
  const reply = doc.replyToReporter ?? previousDoc?.replyToReporter ?? ''
  await req.payload.sendEmail({
    to,
    // In the portal's language: the reporter wrote in from its Chinese pages, and the staff member
    // settling the request may be reading the admin in another.
    subject: `您的纠错已处理：${status.zh}`,
    html: mailPage('zh', {
      title: `您的纠错已处理：${status.zh}`,
      lines: [`您提交的纠错（编号 ${doc.id}）状态：${status.zh}。`, { quote: doc.quote ?? '' }, ...(reply ? [escapeHtml(reply)] : []), '感谢您帮助我们改进报道。'],
    }),
  })
  return doc
}
