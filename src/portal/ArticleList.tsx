import Link from './Link'

import { shanghaiDateTime } from '../lib/portal/time'
import { imageSources } from './media'
import type { ArticleSummary } from './types'

/** Articles with cover, title, summary, channel and time; titles are headings one level below the list's own. */
export function ArticleList({ articles, level, empty = '暂无文章。' }: { articles: ArticleSummary[]; level: 2 | 3; empty?: string }) {
  const Title = level === 2 ? 'h2' : 'h3'
  if (articles.length === 0) return <p className="empty">{empty}</p>
  return (
    <ul className="article-list">
      {articles.map((article) => {
        const cover = article.coverImage && imageSources(article.coverImage, ['card'])
        return (
          <li key={article.id} data-testid="article-item">
            {cover && <img {...cover} sizes="(max-width: 640px) 100vw, 240px" alt={article.coverImage!.alt} loading="lazy" decoding="async" />}
            <div>
              <Title>
                <Link href={`/articles/${article.slug}`}>{article.title}</Link>
              </Title>
              {article.summary && <p className="summary">{article.summary}</p>}
              <p className="meta">
                {article.category && <Link href={`/channels/${article.category.slug}`}>{article.category.name}</Link>}
                {article.publishedAt && <time dateTime={article.publishedAt}>{shanghaiDateTime(article.publishedAt)}</time>}
              </p>
            </div>
          </li>
        )
      })}
    </ul>
  )
}
