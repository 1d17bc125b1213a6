import type { PayloadRequest } from 'payload'

import { currentScreener } from '../../../hooks/screener'
import { lexicalToPlainText } from '../../../lib/corrections/lexical'
import { relationId } from '../../../lib/fieldShapes'
import { type ArticleScreening, screenArticle, uploadIdsInLexical } from '../../../lib/review/screening'
import type { Article } from '../../../payload-types'

type ArticleText = Pick<Article, 'title' | 'summary' | 'source' | 'body' | 'coverImage'>

/** Title, summary, body, the captions of its images (cover and inline) and the source, screened. */
export async function screenArticleText(req: PayloadRequest, article: Partial<ArticleText>): Promise<ArticleScreening> {
  const imageIds = [...new Set([relationId(article.coverImage), ...uploadIdsInLexical(article.body)].filter((id): id is number => typeof id === 'number'))]
  const images = imageIds.length
    ? (
        await req.payload.find({
          collection: 'media',
          where: { id: { in: imageIds } },
          select: { alt: true, caption: true, credit: true },
          pagination: false,
          depth: 0,
          overrideAccess: true,
          req,
        })
      ).docs
    : []
  const captions = images.map((image) => [image.caption, image.alt, image.credit].filter(Boolean).join('\n')).join('\n')
  return screenArticle(
    [
      { field: 'title', text: article.title ?? '' },
      { field: 'summary', text: article.summary ?? '' },
      { field: 'body', text: lexicalToPlainText(article.body) },
      { field: 'images', text: captions },
      { field: 'source', text: article.source ?? '' },
    ],
    await currentScreener(req.payload),
  )
}
