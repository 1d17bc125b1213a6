import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { listCursor, pageNumber } from '../../../../lib/portal/links'
import { ArticleList } from '../../../../portal/ArticleList'
import { byAuthor, getAuthor, listArticles } from '../../../../portal/api'
import { fileUrl } from '../../../../portal/media'
import { ArticlePager } from '../../../../portal/ArticlePager'

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const author = await getAuthor((await params).slug)
  return author ? { title: author.name, description: author.bio ?? undefined } : {}
}

/** A byline's page: name, title, bio, and the articles they wrote. */
export default async function AuthorPage({ params, searchParams }: Props) {
  const { slug } = await params
  const query = await searchParams
  const before = listCursor(query.before)
  const author = await getAuthor(slug)
  if (!author) notFound()
  const articles = await listArticles(byAuthor(slug), before ? { before } : { page: pageNumber(query.page) })
  const avatar = author.avatar?.sizes?.thumbnail?.url ?? author.avatar?.url
  return (
    <div className="author">
      <header className="author-header" data-testid="author">
        {avatar && <img className="avatar" src={fileUrl(avatar)!} alt="" width={96} height={96} />}
        <div>
          <h1 data-testid="author-name">{author.name}</h1>
          {author.title && <p className="author-title">{author.title}</p>}
          {author.bio && <p data-testid="author-bio">{author.bio}</p>}
        </div>
      </header>
      <h2>文章</h2>
      <ArticleList articles={articles.docs} level={3} />
      <ArticlePager articles={articles} continued={before !== null} />
    </div>
  )
}
