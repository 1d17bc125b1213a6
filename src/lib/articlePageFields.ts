/**
 * Everything a portal article page shows: the `select` of the one-request page read (the portal's,
 * the benchmark's, the README's) and of previews.
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
