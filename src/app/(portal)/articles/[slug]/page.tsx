import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { pageNumber } from '../../../../lib/portal/links'
import { getArticle, getComments, getReplies, getSiteSettings } from '../../../../portal/api'
import { articleMetadata, ArticleView } from '../../../../portal/ArticleView'
import { threadsOf } from '../../../../portal/Comment'

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
  const [comments, replies] = await Promise.all([getComments(article.id, commentPage), getReplies(article.id)])
  return (
    <ArticleView
      article={article}
      settings={settings}
      comments={{
        page: { ...comments, docs: threadsOf(comments.docs, replies.docs) },
        featured: threadsOf(article.featuredComments?.docs ?? [], replies.docs),
        total: comments.totalDocs + replies.totalDocs,
      }}
    />
  )
}
