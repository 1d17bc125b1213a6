import Link from './Link'

import { readCount } from '../lib/portal/readCount'
import type { HotArticle } from './types'

/** 热门排行: the most read of the last 24 hours, with their 阅读量; nothing when none was read. */
export function HotArticles({ articles }: { articles: HotArticle[] }) {
  if (articles.length === 0) return null
  return (
    <section className="hot" data-testid="hot-articles" aria-labelledby="hot-heading">
      <h2 id="hot-heading">热门排行</h2>
      <ol>
        {articles.map((article) => (
          <li key={article.id}>
            {article.slug ? <Link href={`/articles/${article.slug}`}>{article.title}</Link> : <span>{article.title}</span>}
            <span className="views">阅读 {readCount(article.views)}</span>
          </li>
        ))}
      </ol>
    </section>
  )
}
