/** The shapes the portal reads from the public API (only the fields it asks for). */

export type ImageSize = { url: string | null; width: number | null; height: number | null }

export type MediaImage = {
  id: number
  alt: string
  caption?: string | null
  credit?: string | null
  url: string | null
  width: number | null
  height: number | null
  sizes?: Partial<Record<'thumbnail' | 'card' | 'hero', ImageSize>>
}

export type Crumb = { name: string; slug: string }

export type Channel = { id: number; name: string; slug: string; parent?: number | null; breadcrumbs?: Crumb[] }

export type Author = { id: number; name: string; slug: string; title?: string | null; bio?: string | null; avatar?: MediaImage | null }

export type Commenter = { displayName: string; avatarUrl?: string | null; profession?: string | null; professionLabel?: string | null }

export type PublicComment = {
  id: number
  body: string
  commenter: Commenter
  createdAt: string
  parent?: number | null
  replyCount?: number
  likeCount?: number | null
  /** IP属地; absent on comments from before it was recorded and when COMMENT_IP_REGION=off. */
  ipRegion?: string | null
}

export type CorrectionNotice = { id: string; date: string; kind: 'correction' | 'clarification' | 'retraction'; text: string }

export type ArticleSummary = {
  id: number
  title: string
  slug: string
  summary?: string | null
  publishedAt?: string | null
  coverImage?: MediaImage | null
  category?: Channel | null
}

export type LexicalNode = { type: string; children?: LexicalNode[]; [key: string]: unknown }

export type ArticlePage = ArticleSummary & {
  source?: string | null
  updatedAt: string
  authors?: Author[] | null
  responsibleEditorName?: string | null
  tags?: { id: number; name: string; slug: string }[] | null
  body?: { root: LexicalNode } | null
  corrections?: CorrectionNotice[] | null
  correctionsJsonLd?: unknown[] | null
  approvedCommentCount?: number | null
  allowComments?: boolean | null
  featuredComments?: { docs?: PublicComment[] } | null
  /** Only on the published page (`/api/articles/page/:slug`), not on a preview. */
  views?: number
  related?: ArticleTeaser[]
  previous?: ArticleTeaser | null
  next?: ArticleTeaser | null
}

export type ArticleTeaser = { id: number; title: string; slug: string | null; publishedAt: string | null }

/** An entry of 热门 (`/api/articles/hot`). */
export type HotArticle = ArticleTeaser & { views: number }

/** A page of a list; `totalDocsExact` is false when the total is an estimate (docs/api.md, "Lists"). */
export type Paged<T> = { docs: T[]; page: number; totalPages: number; totalDocs: number; hasNextPage: boolean; totalDocsExact?: false }

export type SiteSettings = {
  siteName?: string | null
  copyrightNotice: string
  icpNumber?: string | null
  icpUrl?: string | null
  publicSecurityNumber?: string | null
  publicSecurityUrl?: string | null
  newsLicenceNumber?: string | null
  newsLicenceHolder?: string | null
  newsLicenceCategory?: string | null
  contactEmail?: string | null
}

export type SearchHit = { id: number; title: string; slug: string; summary?: string | null; publishedAt?: string | null; snippet: string }

/** `totalDocsExact` false: more matches than `totalDocs` (the API counts up to SEARCH_TOTAL_LIMIT), and pages past `totalPages`. */
export type SearchResults = Paged<SearchHit> & { totalDocsExact: boolean; hasNextPage: boolean }

export type LoggedCorrection = CorrectionNotice & { article: { id: number; title: string; slug: string } | null }
