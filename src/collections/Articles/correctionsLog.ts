import { sql } from '@payloadcms/db-postgres'
import type { Endpoint, Payload } from 'payload'

import { SAME_FOR_EVERY_CALLER } from '../../lib/httpCaching'
import { paginationParamProblems } from '../../lib/paginationParams'
import { validationErrorBody } from '../../lib/validationErrorBody'

export type CorrectionsLogEntry = {
  date: string
  kind: string
  text: string
  article: { id: number; title: string; slug: string | null }
}
export type CorrectionsLogPage = { docs: CorrectionsLogEntry[]; page: number; limit: number; totalDocs: number; totalPages: number }

export const MAX_CORRECTIONS_LIMIT = 100

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

/** `GET /api/corrections?page=&limit=`: the public corrections log. */
export const correctionsLogEndpoint: Endpoint = {
  path: '/corrections',
  method: 'get',
  custom: { [SAME_FOR_EVERY_CALLER]: true },
  handler: async (req) => {
    const query = (req.query ?? {}) as Record<string, unknown>
    const problems = paginationParamProblems(query)
    if (problems.length > 0) return Response.json({ errors: [{ name: 'QueryError', message: 'Invalid query parameter', data: problems }] }, { status: 400 })
    const page = Number(query.page ?? 1)
    const limit = Number(query.limit ?? 20)
    // Answered like search's limit: a page size the log does not offer is named, not quietly changed.
    if (limit < 1 || limit > MAX_CORRECTIONS_LIMIT) {
      return Response.json(validationErrorBody('limit', `Expected a whole number from 1 to ${MAX_CORRECTIONS_LIMIT}`), { status: 400 })
    }
    return Response.json(await publishedCorrections(req.payload, page, limit))
  },
}
