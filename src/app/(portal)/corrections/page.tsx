import type { Metadata } from 'next'
import Link from '../../../portal/Link'

import { CORRECTION_KIND_LABELS } from '../../../lib/corrections/statuses'
import { pageNumber } from '../../../lib/portal/links'
import { shanghaiDate } from '../../../lib/portal/time'
import { getCorrectionsLog } from '../../../portal/api'
import { CorrectionLookup } from '../../../portal/client/CorrectionLookup'
import { Pager } from '../../../portal/Pager'

export const metadata: Metadata = { title: '更正记录' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/** Every published correction notice, newest first, each with the article it corrects. */
export default async function CorrectionsPage({ searchParams }: Props) {
  const log = await getCorrectionsLog(pageNumber((await searchParams).page))
  return (
    <div className="corrections-log">
      <h1>更正记录</h1>
      <p>我们在文章中更正错误、补充说明或撤回报道时，都会在这里公开记录。发现错误？请在文章页点击【纠错】告诉我们。</p>
      {log.docs.length === 0 ? (
        <p className="empty">暂无更正记录。</p>
      ) : (
        <ol className="corrections-list">
          {log.docs.map((entry, index) => (
            <li key={`${entry.article?.id}-${entry.date}-${index}`} data-testid="correction-entry">
              <p className="meta">
                <time dateTime={entry.date}>{shanghaiDate(entry.date)}</time>
                <strong>{CORRECTION_KIND_LABELS[entry.kind]?.zh ?? entry.kind}</strong>
              </p>
              <p>{entry.text}</p>
              {entry.article && (
                <p>
                  文章：<Link href={`/articles/${entry.article.slug}`}>{entry.article.title}</Link>
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      <Pager label="分页" page={log.page} totalPages={log.totalPages} />
      <CorrectionLookup />
    </div>
  )
}
