import { getTranslation } from '@payloadcms/translations'
import { formatDate } from '@payloadcms/ui/shared'
import Link from 'next/link'
import type { ServerProps } from 'payload'
import { formatAdminURL } from 'payload/shared'

import { isPublisherUser, isWriterUser } from '../access/roleChecks'
import { NEWSROOM_TIMEZONE } from '../fields/newsroomTime'
import type { Label } from '../lib/i18n/translate'
import { longestWaitingFirst, type Waiting } from '../lib/review/queues'
import type { ReviewAction, ReviewState } from '../lib/review/states'
import type { Article } from '../payload-types'
import { ARTICLES_SLUG, USERS_SLUG } from '../slugs'

/** More than a desk works through in a sitting; the rest are one click away in the article list. */
const SHOWN = 50

type Queue = {
  state: ReviewState
  /** The step that puts an article in this state: how long it has waited is counted from it. */
  entry: ReviewAction
  heading: Label
  waiting: (count: number) => Label
  since: Label
  /** Shown when nothing waits; a queue without one is left out when empty. */
  empty?: Label
}

const APPROVAL: Queue = {
  state: 'in-review',
  entry: 'submit',
  heading: { zh: '待审核', en: 'Waiting for approval' },
  waiting: (count) => ({ zh: `${count} 篇文章等待审核，最早提交的在前。`, en: `${count} waiting, the longest waiting first.` }),
  since: { zh: '提交于', en: 'Submitted' },
  empty: { zh: '目前没有等待审核的文章。', en: 'Nothing is waiting for approval.' },
}

const SENT_BACK: Queue = {
  state: 'changes-requested',
  entry: 'request-changes',
  heading: { zh: '需修改', en: 'Sent back for changes' },
  waiting: (count) => ({ zh: `您的 ${count} 篇稿件被退回修改，改好后请重新提交审核。`, en: `${count} of your articles came back for changes; submit them again once done.` }),
  since: { zh: '退回于', en: 'Sent back' },
}

const TEXT = {
  responsibleEditor: { zh: '责任编辑', en: 'Responsible editor' },
  creator: { zh: '创建人', en: 'Created by' },
  nobody: { zh: '未指定', en: 'none' },
  note: { zh: '意见', en: 'Note' },
  colon: { zh: '：', en: ': ' },
  onlyFirst: { zh: `这里只列出 ${SHOWN} 篇。`, en: `Only ${SHOWN} are listed here.` },
  openList: { zh: '在文章列表中查看', en: 'Open in the article list' },
} satisfies Record<string, Label>

/** A card in the dashboard's own look, above its groups of collections. */
const QUEUE_STYLE = {
  marginBottom: 'var(--base)',
  padding: 'var(--base)',
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 'var(--style-radius-m)',
}

type Listed = Pick<Article, 'id' | 'title' | 'responsibleEditorName' | 'createdBy' | 'reviewHistory' | 'updatedAt'>

/**
 * Above the admin's dashboard, what waits for the person logged in: for the editor-in-chief (and
 * admins), the articles submitted for approval, the one waiting longest first; for writers, their
 * own articles sent back for changes. Read with their own access, as the article list would.
 */
export async function ReviewQueues({ payload, user, i18n }: ServerProps) {
  if (!user || user.collection !== USERS_SLUG) return null
  const say = (label: Label) => getTranslation(label, i18n)
  const adminURL = (path: `/${string}`) => formatAdminURL({ adminRoute: payload.config.routes.admin, path })

  // What a queue holds, for the query here and for the article list's filter (as its filter builder writes them).
  type Conditions = Record<string, string | number>
  const waitingIn = async (queue: Queue, conditions: Conditions) => {
    const found = await payload.find({
      collection: ARTICLES_SLUG,
      draft: true,
      where: { and: Object.entries(conditions).map(([field, value]) => ({ [field]: { equals: value } })) },
      select: { title: true, responsibleEditorName: true, createdBy: true, reviewHistory: true, updatedAt: true },
      populate: { [USERS_SLUG]: { name: true } },
      depth: 1,
      // The longest waiting are mostly the least recently changed.
      sort: 'updatedAt',
      limit: SHOWN,
      overrideAccess: false,
      user,
    })
    const list = new URLSearchParams({ sort: 'updatedAt' })
    Object.entries(conditions).forEach(([field, value], index) => list.set(`where[or][0][and][${index}][${field}][equals]`, String(value)))
    return {
      queue,
      total: found.totalDocs,
      articles: longestWaitingFirst(found.docs as Listed[], queue.entry),
      listURL: adminURL(`/collections/${ARTICLES_SLUG}?${list}`),
    }
  }

  const queues = [
    ...(isPublisherUser(user) ? [await waitingIn(APPROVAL, { reviewState: APPROVAL.state })] : []),
    ...(isWriterUser(user) ? [await waitingIn(SENT_BACK, { reviewState: SENT_BACK.state, createdBy: user.id })] : []),
  ].filter(({ queue, total }) => total > 0 || queue.empty)
  if (queues.length === 0) return null

  const nameOf = (person: Article['createdBy']) => (typeof person === 'object' && person ? person.name : null)
  const item = (queue: Queue, { article, since, note }: Waiting<Listed>) => (
    <li key={article.id} style={{ marginBottom: 'calc(var(--base) / 2)' }}>
      <Link href={adminURL(`/collections/${ARTICLES_SLUG}/${article.id}`)}>{article.title}</Link>
      <div style={{ color: 'var(--theme-elevation-500)' }}>
        {say(TEXT.responsibleEditor)}
        {say(TEXT.colon)}
        {article.responsibleEditorName || say(TEXT.nobody)} · {say(TEXT.creator)}
        {say(TEXT.colon)}
        {nameOf(article.createdBy) ?? say(TEXT.nobody)} · {say(queue.since)}{' '}
        <time dateTime={since}>{formatDate({ date: since, i18n, pattern: payload.config.admin.dateFormat, timezone: NEWSROOM_TIMEZONE.value })}</time>
        {queue === SENT_BACK && note ? ` · ${say(TEXT.note)}${say(TEXT.colon)}${note}` : null}
      </div>
    </li>
  )

  return (
    <div className="review-queues">
      {queues.map(({ queue, total, articles, listURL }) => {
        const headingId = `review-queue-${queue.state}`
        return (
          <section key={queue.state} aria-labelledby={headingId} style={QUEUE_STYLE}>
            <h2 id={headingId} style={{ marginBottom: 'calc(var(--base) / 2)' }}>
              {say(queue.heading)}
            </h2>
            {total === 0 ? (
              <p>{queue.empty && say(queue.empty)}</p>
            ) : (
              <>
                <p>
                  {say(queue.waiting(total))} {total > articles.length ? say(TEXT.onlyFirst) : null} <Link href={listURL}>{say(TEXT.openList)}</Link>
                </p>
                <ol>{articles.map((waiting) => item(queue, waiting))}</ol>
              </>
            )}
          </section>
        )
      })}
    </div>
  )
}
