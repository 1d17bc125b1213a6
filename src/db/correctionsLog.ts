/**
 * Access restated in SQL: notices on published articles only, what `publishedOrStaff` allows
 * anonymous readers (a notice on a draft, or on unpublished changes, is not read).
 */
import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

export type CorrectionsLogEntry = {
  date: string
  kind: string
  text: string
  article: { id: number; title: string; slug: string | null }
}
export type CorrectionsLogPage = { docs: CorrectionsLogEntry[]; page: number; limit: number; totalDocs: number; totalPages: number }

/**
 * Every correction notice on a published article, newest first, across all articles: one query
 * over the notices' own table, however many articles there are. (The articles table holds the
 * published version of each article, so unpublished notices never show.)
 */
export async function publishedCorrections(payload: Payload, page: number, limit: number): Promise<CorrectionsLogPage> {
  const db = payload.db as unknown as { drizzle: { execute: (query: ReturnType<typeof sql>) => Promise<{ rows: Record<string, unknown>[] }> } }
  const offset = (page - 1) * limit
  const [rows, count] = await Promise.all([
    db.drizzle.execute(sql`
      select c.date, c.kind, c.text, a.id as article_id, a.title, a.slug
      from articles_corrections c join articles a on a.id = c._parent_id
      where a._status = 'published' and c.date is not null and c.text is not null
      order by c.date desc, c.id desc
      limit ${limit} offset ${offset}`),
    db.drizzle.execute(sql`
      select count(*)::int as total
      from articles_corrections c join articles a on a.id = c._parent_id
      where a._status = 'published' and c.date is not null and c.text is not null`),
  ])
  const totalDocs = Number(count.rows[0]?.total ?? 0)
  return {
    docs: rows.rows.map((row) => ({
      date: new Date(row.date as string).toISOString(),
      kind: String(row.kind),
      text: String(row.text),
      article: { id: Number(row.article_id), title: String(row.title), slug: (row.slug as string | null) ?? null },
    })),
    page,
    limit,
    totalDocs,
    totalPages: Math.max(1, Math.ceil(totalDocs / limit)),
  }
}
