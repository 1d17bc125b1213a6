// What a front end asks for, as documented in docs/api.md: the requests the benchmark makes.
import { Articles } from '../../collections/Articles'

/** The article page in one request (docs/api.md, tests/api/articlePage.test.ts). */
export const articlePagePath = (slug: string) => `/api/articles/page/${slug}`

/** Payload's REST `find` as it comes: default depth, every field. */
export const defaultFindPath = (slug: string) => `/api/articles?where[slug][equals]=${slug}`

/**
 * A channel page: docs/api.md's channel query (sub-channels included, newest first, 20) with the
 * select it documents for lists.
 */
const LIST_FIELDS = ['title', 'slug', 'summary', 'publishedAt', 'coverImage', 'category']
export const channelListPath = (channelSlug: string, limit = 20) =>
  `/api/articles?where[category.breadcrumbs.slug][equals]=${channelSlug}&sort=-publishedAt,-id&limit=${limit}&depth=1&${LIST_FIELDS.map((field) => `select[${field}]=true`).join('&')}`

/**
 * A deep page of the channel, by keyset (docs/api.md, "Deep pages"): the 20 after the article `last`,
 * uncounted, and one more to tell whether another page follows.
 */
export const channelListAfterPath = (channelSlug: string, last: { id: number; publishedAt: string }) => {
  const at = encodeURIComponent(last.publishedAt)
  return `${channelListPath(channelSlug, KEYSET_PAGE + 1)}&pagination=false&where[publishedAt][less_than_equal]=${at}&where[or][0][publishedAt][less_than]=${at}&where[or][1][id][less_than]=${last.id}`
}
export const KEYSET_PAGE = 20

/** The same deep page through the channel list endpoint (docs/api.md, "A channel's list"), after the same article. */
export const channelPagePath = (channelSlug: string, last: { id: number; publishedAt: string }) =>
  `/api/articles/channel/${channelSlug}?limit=${KEYSET_PAGE}&after=${encodeURIComponent(`${last.publishedAt}~${last.id}`)}`

/**
 * What the admin's article list asks of Payload for its first page (the Local API there): the
 * latest version of every article, drafts included, the last changed first, 10, its default columns
 * (it reads only the columns it shows) at depth 0.
 */
const ADMIN_COLUMNS = Articles.admin?.defaultColumns ?? []
export const ADMIN_LIST_PATH = `/api/articles?draft=true&depth=0&limit=10&sort=-updatedAt&${ADMIN_COLUMNS.map((field) => `select[${field}]=true`).join('&')}`

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
