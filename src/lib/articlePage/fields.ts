/**
 * Everything a portal article page shows, as a `select`: what a preview reads of a draft, and what
 * `/api/articles/page/:slug` answers for a published article (src/db/articlePage.ts).
 */
export const ARTICLE_PAGE_FIELDS = [
  'title',
  'slug',
  'summary',
  'source',
  'publishedAt',
  'updatedAt',
  'authors',
  'responsibleEditorName',
  'category',
  'tags',
  'coverImage',
  'body',
  'corrections',
  'correctionsJsonLd',
  'approvedCommentCount',
  'allowComments',
  'featuredComments',
] as const
