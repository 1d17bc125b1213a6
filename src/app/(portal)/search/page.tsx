import type { Metadata } from 'next'
import Link from '../../../portal/Link'

import { pageNumber } from '../../../lib/portal/links'
import { snippetParts } from '../../../lib/portal/snippet'
import { shanghaiDateTime } from '../../../lib/portal/time'
import { search } from '../../../portal/api'
import { Pager } from '../../../portal/Pager'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

const queryOf = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : (value ?? '')).trim().slice(0, 100)

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = queryOf((await searchParams).q)
  return { title: q ? `搜索：${q}` : '搜索', robots: { index: false } }
}

/** Search with the API's ranked results; the snippet's `<mark>`s become elements, the rest stays text. */
export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams
  const q = queryOf(params.q)
  const page = pageNumber(params.page)
  const results = q ? await search(q, page) : null
  return (
    <div className="search">
      <h1>搜索</h1>
      <form role="search" aria-label="搜索文章" action="/search" className="search-form search-page-form">
        <label htmlFor="search-q" className="visually-hidden">
          搜索关键词
        </label>
        <input id="search-q" name="q" type="search" defaultValue={q} placeholder="输入关键词" />
        <button type="submit">搜索</button>
      </form>
      {results && results.docs.length === 0 && (
        <p data-testid="search-empty" className="empty">
          没有找到与“{q}”相关的文章。
        </p>
      )}
      {results && results.docs.length > 0 && (
        <>
          <p className="result-count">
            找到 {results.totalDocs} {results.totalDocsExact ? '' : '多'}篇相关文章
          </p>
          <ol className="search-results">
            {results.docs.map((hit) => (
              <li key={hit.id} data-testid="search-result">
                <h2>
                  <Link href={`/articles/${hit.slug}`}>{hit.title}</Link>
                </h2>
                <p className="snippet">
                  {snippetParts(hit.snippet).map((part, index) => (part.marked ? <mark key={index}>{part.text}</mark> : part.text))}
                </p>
                {hit.publishedAt && <time dateTime={hit.publishedAt}>{shanghaiDateTime(hit.publishedAt)}</time>}
              </li>
            ))}
          </ol>
          <Pager
            label="搜索结果分页"
            page={results.page}
            totalPages={results.totalDocsExact ? results.totalPages : null}
            hasNextPage={results.hasNextPage}
            params={{ q }}
          />
        </>
      )}
    </div>
  )
}
