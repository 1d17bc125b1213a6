import { isSafeLink } from '../safeLinks'

/**
 * A link written in an article, if a reader may follow it (web, mail, phone or relative, as the API
 * requires of new bodies); anything else (`javascript:`, `data:`, …) is rendered as plain text, should
 * an older body or another deployment's API carry one.
 */
export function safeHref(url: unknown): string | null {
  return typeof url === 'string' && isSafeLink(url) ? url.trim() : null
}

/** A path on this site to return to after logging in; anything else sends the reader home. */
export function safeReturnPath(path: unknown): string {
  return typeof path === 'string' && /^\/(?![/\\])/.test(path) ? path : '/'
}

/** `?page=3` as a page number; anything but a whole number from 1 is page 1. */
export function pageNumber(value: unknown): number {
  const text = Array.isArray(value) ? value[0] : value
  return typeof text === 'string' && /^[1-9]\d{0,5}$/.test(text) ? Number(text) : 1
}
