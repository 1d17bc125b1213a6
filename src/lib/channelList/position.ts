/** Where a page of a channel's list starts: after the article published at `publishedAt` with id `id`. */
export type ListPosition = { publishedAt: Date; id: number }

/** A position as `nextAfter` gives it: the last article's publication time (ISO, UTC) and id. */
const POSITION = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z)~([1-9]\d{0,9})$/
const MAX_ID = 2_147_483_647

export const positionText = (position: ListPosition) => `${position.publishedAt.toISOString()}~${position.id}`

export function parsePosition(text: unknown): ListPosition | null {
  const match = typeof text === 'string' ? POSITION.exec(text) : null
  if (!match) return null
  const publishedAt = new Date(match[1])
  const id = Number(match[2])
  return Number.isNaN(publishedAt.getTime()) || id > MAX_ID ? null : { publishedAt, id }
}
