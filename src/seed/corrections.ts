import type { Payload, PayloadRequest } from 'payload'

import type { CorrectionStatus } from '../lib/corrections'
import { ARTICLES_SLUG, CORRECTION_REQUESTS_SLUG } from '../slugs'

type RequestSeed = {
  article: number
  errorType: 'typo' | 'fact' | 'figure' | 'image' | 'other'
  quote: string
  suggestion?: string
  reporterName?: string
  reporterEmail?: string
  /** The statuses it moves through after `new`, as triage would. */
  path: CorrectionStatus[]
  reply?: string
}

/**
 * Correction requests in every state, walked through the real transitions, and one accepted
 * request that became a published correction notice (so the corrections log is not empty).
 */
export async function createCorrections(payload: Payload, req: PayloadRequest, articleIds: number[], editorId: number): Promise<void> {
  const [macro, lending, banking] = articleIds
  const titleOf = async (id: number) => (await payload.findByID({ collection: ARTICLES_SLUG, id, depth: 0, req })).title
  const seeds: RequestSeed[] = [
    { article: macro, errorType: 'figure', quote: (await titleOf(macro)).slice(-8), suggestion: '请核对释放资金的规模', reporterName: '细心读者', path: [] },
    { article: lending, errorType: 'typo', quote: (await titleOf(lending)).slice(0, 6), suggestion: '标题中的措辞可以更准确', path: ['triaged'] },
    { article: banking, errorType: 'fact', quote: '现金管理类产品', suggestion: '应注明统计口径', path: ['triaged', 'accepted'] },
    { article: lending, errorType: 'other', quote: '这句话不在文中', suggestion: '无', path: ['rejected'], reply: '经核实，文中并无此表述。' },
  ]
  for (const seed of seeds) {
    const created = await payload.create({
      collection: CORRECTION_REQUESTS_SLUG,
      data: { article: seed.article, errorType: seed.errorType, quote: seed.quote, suggestion: seed.suggestion, reporterName: seed.reporterName, status: 'new' },
      req,
    })
    for (const status of seed.path) {
      await payload.update({ collection: CORRECTION_REQUESTS_SLUG, id: created.id, data: { status, replyToReporter: seed.reply, assignee: editorId }, req })
    }
  }
  // A duplicate of the first: same passage, same article.
  await payload.create({ collection: CORRECTION_REQUESTS_SLUG, data: { article: seeds[0].article, errorType: 'figure', quote: seeds[0].quote, status: 'new' }, req })

  const corrected = await payload.create({
    collection: CORRECTION_REQUESTS_SLUG,
    data: { article: banking, errorType: 'figure', quote: (await titleOf(banking)).slice(-6), suggestion: '数据日期应写明', reporterName: '数据控', reporterEmail: 'reader@example.com', status: 'new' },
    req,
  })
  for (const status of ['triaged', 'accepted'] as const) {
    await payload.update({ collection: CORRECTION_REQUESTS_SLUG, id: corrected.id, data: { status, assignee: editorId }, req })
  }
  await payload.update({
    collection: ARTICLES_SLUG,
    id: banking,
    data: {
      corrections: [
        { date: new Date().toISOString(), kind: 'clarification', text: '本文所引七日年化收益率为统计时点数据，现补充说明统计截止日期。', request: corrected.id },
      ],
      _status: 'published',
    },
    req,
  })
  await payload.update({ collection: CORRECTION_REQUESTS_SLUG, id: corrected.id, data: { status: 'corrected', replyToReporter: '已补充说明，感谢您的指正。' }, req })
}
