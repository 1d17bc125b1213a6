// What a front end asks for, as documented in docs/api.md: the requests the benchmark makes.

/** The article page in one request (docs/api.md, tests/api/articlePage.test.ts). */
export const articlePagePath = (slug: string) => `/api/articles/page/${slug}`

/** Payload's REST `find` as it comes: default depth, every field. */
export const defaultFindPath = (slug: string) => `/api/articles?where[slug][equals]=${slug}`

/**
 * A channel page: docs/api.md's channel query (sub-channels included, newest first, 20) with the
 * select it documents for lists.
 */
const LIST_FIELDS = ['title', 'slug', 'summary', 'publishedAt', 'coverImage', 'category']
export const channelListPath = (channelSlug: string) =>
  `/api/articles?where[category.breadcrumbs.slug][equals]=${channelSlug}&sort=-publishedAt&limit=20&depth=1&${LIST_FIELDS.map((field) => `select[${field}]=true`).join('&')}`

export const searchPath = (word: string) => `/api/search?q=${encodeURIComponent(word)}`

/** The article page through GraphQL: the fields the REST select returns, populated the same way. */
export const ARTICLE_PAGE_GRAPHQL = `query ArticlePage($slug: String) {
  Articles(where: { slug: { equals: $slug } }, limit: 1) {
    docs {
      id title slug summary source publishedAt updatedAt responsibleEditorName
      authors { id name slug title avatar { id alt caption credit url width height sizes { thumbnail { url width height filename } card { url width height filename } hero { url width height filename } } } }
      category { id name slug breadcrumbs { id name slug } }
      tags { id name slug }
      coverImage { id alt caption credit url width height sizes { thumbnail { url width height filename } card { url width height filename } hero { url width height filename } } }
      body
      corrections { id date kind text }
      correctionsJsonLd
      approvedCommentCount
      allowComments
      featuredComments(where: { featured: { equals: true } }) {
        docs { id body createdAt commenter { displayName avatarUrl profession professionLabel } }
      }
    }
  }
}`
