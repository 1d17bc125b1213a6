import { isSafeLink } from '../richText/safeLinks'
import { parsePosition, positionText } from '../channelList/position'

/**
 * A link written in an article, if a reader may follow it (web, mail, phone or relative, as the API
 * requires of new bodies); anything else (`javascript:`, `data:`, …) is rendered as plain text, should
 * an older body or another deployment's API carry one.
 */
export function safeHref(url: unknown): string | null {
  return typeof url === 'string' && isSafeLink(url) ? url.trim() : null
}

const THIS_SITE = 'https://portal.invalid'

/**
 * A path on this site to return to after logging in; anything else sends the reader home. Judged
 * by the URL parser, as the browser will read it: it drops tabs and newlines, so `/\t/evil.example`
 * is `//evil.example`, another site.
 */
export function safeReturnPath(path: unknown): string {
  if (typeof path !== 'string' || !path.startsWith('/')) return '/'
  try {
    const url = new URL(path, THIS_SITE)
    return url.origin === THIS_SITE ? `${url.pathname}${url.search}${url.hash}` : '/'
  } catch {
    return '/'
  }
}

/** `?page=3` as a page number; anything but a whole number from 1 is page 1. */
export function pageNumber(value: unknown): number {
  const text = Array.isArray(value) ? value[0] : value
  return typeof text === 'string' && /^[1-9]\d{0,5}$/.test(text) ? Number(text) : 1
}

/** Where a list continues past the pages a number can reach: after the article published at `publishedAt` with `id`. */
export type ListCursor = { publishedAt: string; id: number }

/** `?before=2024-04-12T01:30:00.000Z~123` as a cursor; anything else is none. */
export function listCursor(value: unknown): ListCursor | null {
  const position = parsePosition(Array.isArray(value) ? value[0] : value)
  return position && { publishedAt: position.publishedAt.toISOString(), id: position.id }
}

/** Written as the API's channel list writes its `nextAfter`, which takes it back as `after`. */
export const cursorParam = ({ publishedAt, id }: ListCursor): string => positionText({ publishedAt: new Date(publishedAt), id })
