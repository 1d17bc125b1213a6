/**
 * Categories are public: this reads what anyone may read, the channels' own paths.
 */
import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { readRows } from './readRows'

/** Each channel slug's channel and every channel under it, by id (the channels whose breadcrumbs hold the slug). */
export async function channelIdsBySlug(payload: Payload, slugs: readonly string[]): Promise<Map<string, number[]>> {
  const rows = await readRows(payload, sql`select slug, array_agg(_parent_id order by _parent_id) as ids from categories_breadcrumbs where slug in ${[...slugs]} group by slug`)
  return new Map(rows.map((row) => [String(row.slug), row.ids as number[]]))
}
