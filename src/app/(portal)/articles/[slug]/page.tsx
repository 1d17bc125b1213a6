import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { pageNumber } from '../../../../lib/portal/links'
import { getArticle, getComments, getHotArticles, getReplies, getSiteSettings } from '../../../../portal/api'
import { articleMetadata, ArticleView } from '../../../../portal/ArticleView'
import { threadsOf } from '../../../../portal/Comment'

/** How many of 热门排行 an article page shows beside it. */
const HOT_SHOWN = 5

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params
  const [article, settings] = await Promise.all([getArticle(slug), getSiteSettings()])
  return article ? articleMetadata(article, settings) : {}
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const { slug } = await params
  const commentPage = pageNumber((await searchParams).commentPage)
  const [article, settings] = await Promise.all([getArticle(slug), getSiteSettings()])
  if (!article) notFound()
  const [comments, replies, hot] = await Promise.all([getComments(article.id, commentPage), getReplies(article.id), getHotArticles(HOT_SHOWN)])
  return (
    <ArticleView
      article={article}
      settings={settings}
      hot={hot}
      comments={{
        page: { ...comments, docs: threadsOf(comments.docs, replies.docs) },
        featured: threadsOf(article.featuredComments?.docs ?? [], replies.docs),
        total: comments.totalDocs + replies.totalDocs,
      }}
    />
  )
}
