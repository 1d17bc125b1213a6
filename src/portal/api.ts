import { connection } from 'next/server'
import { cache } from 'react'

import { MAX_PAGE_OFFSET } from '../lib/api/paginationParams'
import { cursorParam, type ListCursor } from '../lib/portal/links'
import { OWN_READ_HEADER, OWN_READ_TOKEN_ENV } from '../lib/portal/ownReads'
import type { ArticlePage, ArticleSummary, Author, Channel, HotArticle, LoggedCorrection, Paged, PublicComment, SearchResults, SiteSettings } from './types'
import { AUTHORS_SLUG, CATEGORIES_SLUG } from '../slugs'

/**
 * The portal's only way to its content: the public REST API over HTTP, as any other front end would
 * read it (never Payload's Local API). PORTAL_API_URL points it at another deployment.
 *
 * Reads are anonymous on purpose: the reader's cookie is never forwarded, so every read is the public,
 * cacheable one (the API's response cache answers it). What is specific to a reader is done in the
 * browser. Reading this process's own API, the portal is exempt from its per-address rate limit
 * (src/lib/portal/ownReads.ts); reading another deployment, an API key (PORTAL_API_KEY) gives it its
 * own limit there.
 */
function apiBase(): string {
  return (process.env.PORTAL_API_URL || `http://127.0.0.1:${process.env.PORT || 3000}`).replace(/\/+$/, '')
}

class ApiError extends Error {
  readonly path: string

  constructor(
    readonly status: number,
    pathAndQuery: string,
    readonly body: unknown,
  ) {
    // Without the query, which may carry a token (a preview's): the message reaches the server's log.
    const path = pathAndQuery.split('?')[0]
    super(`GET ${path} answered ${status}`)
    this.path = path
  }
}

/** Memoised per request: the layout, the metadata and the page share one read of each path. */
const apiGet = cache(async <T,>(path: string): Promise<T> => {
  // Content changes with every publish: render per request, never at build time.
  await connection()
  const headers: Record<string, string> = { accept: 'application/json' }
  if (process.env.PORTAL_API_KEY) headers.authorization = `api-clients API-Key ${process.env.PORTAL_API_KEY}`
  const ownReadToken = process.env[OWN_READ_TOKEN_ENV]
  if (ownReadToken && !process.env.PORTAL_API_URL) headers[OWN_READ_HEADER] = ownReadToken
  const res = await fetch(`${apiBase()}${path}`, { headers, cache: 'no-store' })
  const body = await res.json().catch(() => null)
  if (!res.ok) throw new ApiError(res.status, path, body)
  return body as T
}) as <T>(path: string) => Promise<T>

const query = (params: Record<string, string | number | undefined>) =>
  Object.entries(params)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
    .join('&')

const select = (fields: readonly string[]) => Object.fromEntries(fields.map((field) => [`select[${field}]`, 'true']))

/** What an entry in a list of articles shows. */
const LIST_FIELDS = ['title', 'slug', 'summary', 'publishedAt', 'coverImage', 'category'] as const

const COMMENTS_PER_PAGE = 20
const ARTICLES_PER_PAGE = 20

export function getSiteSettings(): Promise<SiteSettings> {
  return apiGet('/api/globals/site-settings?depth=0')
}

export function getChannels(): Promise<Paged<Channel>> {
  return apiGet(`/api/categories?${query({ limit: 100, depth: 0, sort: 'createdAt' })}`)
}

/**
 * A page of a list, newest first: by number while the API pages by number (docs/api.md, "Deep
 * pages"), then by keyset, after the last article a reader has seen.
 */
export async function listArticles(filter: Record<string, string>, at: { page: number } | { before: ListCursor }, limit = ARTICLES_PER_PAGE): Promise<Paged<ArticleSummary>> {
  const list = (position: Record<string, string | number>) =>
    apiGet<Paged<ArticleSummary>>(`/api/articles?${query({ ...filter, ...position, sort: '-publishedAt,-id', depth: 1, ...select(LIST_FIELDS) })}`)
  if ('page' in at) return list({ page: at.page, limit })
  // Uncounted (a count is dearer than the page a million articles down), and one more to know if more follow.
  const after = await list({
    'where[and][0][publishedAt][less_than_equal]': at.before.publishedAt,
    'where[and][1][or][0][publishedAt][less_than]': at.before.publishedAt,
    'where[and][1][or][1][id][less_than]': at.before.id,
    pagination: 'false',
    limit: limit + 1,
  })
  return { docs: after.docs.slice(0, limit), page: 1, totalPages: 1, totalDocs: after.docs.length, hasNextPage: after.docs.length > limit }
}

/**
 * A channel's list past its numbered pages, through the channel list endpoint (docs/api.md, "A
 * channel's list"), which reads a page a million articles down as fast as the first.
 */
export async function listChannelAfter(slug: string, before: ListCursor, limit = ARTICLES_PER_PAGE): Promise<Paged<ArticleSummary>> {
  const { docs, hasNextPage } = await apiGet<{ docs: ArticleSummary[]; hasNextPage: boolean }>(
    `/api/articles/channel/${encodeURIComponent(slug)}?${query({ limit, after: cursorParam(before) })}`,
  )
  return { docs, page: 1, totalPages: 1, totalDocs: docs.length, hasNextPage }
}

/** The deepest page a list may ask for by number. */
export const LAST_NUMBERED_PAGE = Math.floor(MAX_PAGE_OFFSET / ARTICLES_PER_PAGE) + 1

export const inChannel = (slug: string) => ({ 'where[category.breadcrumbs.slug][equals]': slug })
export const byAuthor = (slug: string) => ({ 'where[authors.slug][equals]': slug })

async function firstBySlug<T>(collection: string, slug: string, extra: Record<string, string | number> = {}): Promise<T | null> {
  // A slug is unique: there is nothing to count.
  const found = await apiGet<Paged<T>>(`/api/${collection}?${query({ 'where[slug][equals]': slug, limit: 1, pagination: 'false', ...extra })}`)
  return found.docs[0] ?? null
}

/** The published page (`/api/articles/page/:slug`, one request); null when there is none by that slug. */
export async function getArticle(slug: string): Promise<ArticlePage | null> {
  try {
    return await apiGet<ArticlePage>(`/api/articles/page/${encodeURIComponent(slug)}`)
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null
    throw error
  }
}

/** 热门排行: the most read published articles of the last 24 hours. */
export async function getHotArticles(limit: number): Promise<HotArticle[]> {
  return (await apiGet<{ docs: HotArticle[] }>(`/api/articles/hot?${query({ window: '24h', limit })}`)).docs
}

export function getChannel(slug: string): Promise<Channel | null> {
  return firstBySlug(CATEGORIES_SLUG, slug, { depth: 0 })
}

export function getAuthor(slug: string): Promise<Author | null> {
  return firstBySlug(AUTHORS_SLUG, slug, { depth: 1 })
}

/** One page of an article's approved top-level comments, newest first. */
export function getComments(articleId: number, page: number): Promise<Paged<PublicComment>> {
  return apiGet(
    `/api/comments?${query({ 'where[article][equals]': articleId, 'where[parent][exists]': 'false', sort: '-createdAt', limit: COMMENTS_PER_PAGE, page, depth: 0 })}`,
  )
}

/** An article's approved replies (to any comment), oldest first, to hang under their parents. */
export function getReplies(articleId: number): Promise<Paged<PublicComment>> {
  return apiGet(`/api/comments?${query({ 'where[article][equals]': articleId, 'where[parent][exists]': 'true', sort: 'createdAt', limit: 500, depth: 0 })}`)
}

export function search(q: string, page: number): Promise<SearchResults> {
  return apiGet(`/api/search?${query({ q, page, limit: 20 })}`)
}

export function getCorrectionsLog(page: number): Promise<Paged<LoggedCorrection>> {
  return apiGet(`/api/corrections?${query({ page, limit: 20 })}`)
}

type PreviewResult = { article: ArticlePage & { preview?: { expiresAt: string } } } | { refused: 'invalid' | 'expired' | 'missing' }

/** A draft through its signed preview token; the answer is private to the holder and never cached. */
export async function getPreview(token: string): Promise<PreviewResult> {
  try {
    return { article: await apiGet(`/api/articles/preview?${query({ token })}`) }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    if (error.status === 410) return { refused: 'expired' }
    if (error.status === 401 || error.status === 400) return { refused: 'invalid' }
    if (error.status === 404) return { refused: 'missing' }
    throw error
  }
}
