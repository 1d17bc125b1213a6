import type { PayloadRequest } from 'payload'

import { currentScreener } from '../../../hooks/currentScreener'
import type { Screener } from '../../../lib/screening'
import { lexicalToPlainText } from '../../../lib/corrections/lexical'
import { relationId } from '../../../lib/api/fieldShapes'
import { type ArticleHits, findArticleHits, uploadIdsInLexical } from '../../../lib/review/articleHits'
import type { Article } from '../../../payload-types'
import { MEDIA_SLUG } from '../../../slugs'

type ArticleText = Pick<Article, 'title' | 'summary' | 'source' | 'body' | 'coverImage'>

const imageIdsOf = (article: Partial<ArticleText>): number[] =>
  [relationId(article.coverImage), ...uploadIdsInLexical(article.body)].filter((id): id is number => typeof id === 'number')

/** The text each image shows (caption, alt, credit), for many articles in one query. */
export async function imageTexts(req: PayloadRequest, articles: readonly Partial<ArticleText>[]): Promise<Map<number, string>> {
  const ids = [...new Set(articles.flatMap(imageIdsOf))]
  if (ids.length === 0) return new Map()
  const { docs } = await req.payload.find({
    collection: MEDIA_SLUG,
    where: { id: { in: ids } },
    select: { alt: true, caption: true, credit: true },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return new Map(docs.map((image) => [image.id, [image.caption, image.alt, image.credit].filter(Boolean).join('\n')]))
}

/**
 * Title, summary, body, the captions of its images (cover and inline) and the source, screened.
 * A caller screening many articles passes their `imageTexts`, looked up together, and the screener.
 */
export async function screenArticle(req: PayloadRequest, article: Partial<ArticleText>, images?: Map<number, string>, screener?: Screener): Promise<ArticleHits> {
  const texts = images ?? (await imageTexts(req, [article]))
  return findArticleHits(
    [
      { field: 'title', text: article.title ?? '' },
      { field: 'summary', text: article.summary ?? '' },
      { field: 'body', text: lexicalToPlainText(article.body) },
      { field: 'images', text: imageIdsOf(article).map((id) => texts.get(id) ?? '').join('\n') },
      { field: 'source', text: article.source ?? '' },
    ],
    screener ?? (await currentScreener(req)),
  )
}
