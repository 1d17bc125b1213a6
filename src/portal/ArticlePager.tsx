import { cursorParam } from '../lib/portal/links'
import { LAST_NUMBERED_PAGE } from './api'
import { Pager } from './Pager'
import type { ArticleSummary, Paged } from './types'

/**
 * A list of articles' pager: numbered pages as deep as the API pages by number (docs/api.md, "Deep
 * pages"), then on by keyset, after the last article shown (`?before=`); `continued` for such a page.
 */
export function ArticlePager({ articles, continued }: { articles: Paged<ArticleSummary>; continued: boolean }) {
  const last = articles.docs.at(-1)
  const byKeyset = (continued || articles.page >= LAST_NUMBERED_PAGE) && last?.publishedAt
  const nextHref = byKeyset ? `?${new URLSearchParams({ before: cursorParam({ publishedAt: last.publishedAt!, id: last.id }) })}` : undefined
  return (
    <Pager
      label="分页"
      page={articles.page}
      totalPages={articles.totalDocsExact === false || continued ? null : articles.totalPages}
      hasNextPage={articles.hasNextPage}
      nextHref={nextHref}
      continued={continued}
    />
  )
}
