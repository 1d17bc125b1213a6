/**
 * The totals of a find (its `totalDocs`, and the `totalPages` and `hasNextPage` Payload works out from
 * them): counted exactly up to a bound, estimated by PostgreSQL's planner beyond it. Payload counts
 * every match of every find it paginates: at a million articles, seconds for a busy channel's list
 * and a tenth of one for the admin's, on every request.
 */
import { AsyncLocalStorage } from 'node:async_hooks'

import type { PostgresAdapter } from '@payloadcms/db-postgres'
import { count, countDistinct, sql } from '@payloadcms/db-postgres/drizzle'
import type { NodePgDatabase } from '@payloadcms/db-postgres/drizzle/node-postgres'
import type { PgTable } from '@payloadcms/db-postgres/drizzle/pg-core'
import type { DatabaseAdapterObj } from 'payload'

import { countedUpTo, totalBeyond } from '../lib/api/findTotals'

type CountArgs = Parameters<PostgresAdapter['countDistinct']>[0]
type PageAsked = { limit?: number; page?: number }
type FindUnderWay = PageAsked & { estimated: boolean }

/** The page of the find under way, for its count: the adapter's count is given only the query. */
const findUnderWay = new AsyncLocalStorage<FindUnderWay>()

/** The adapter's reads whose count is the find's `totalDocs`; `payload.count` and the rest keep counting exactly. */
const FINDS = ['find', 'findVersions', 'queryDrafts'] as const

/**
 * The adapter with its finds' counts bounded: exact up to `exactUpTo` matches, or as far as the page
 * asked for goes when that is further (so `hasNextPage` is always right, never a guess); beyond that,
 * the planner's estimate of the matches (at least one more than counted), and the result says so with
 * `totalDocsExact: false`. The REST API, GraphQL and the Local API (the admin's lists) all find
 * through the adapter.
 */
export function boundingFindTotals(adapter: DatabaseAdapterObj<PostgresAdapter>, exactUpTo: number): DatabaseAdapterObj<PostgresAdapter> {
  return {
    ...adapter,
    init: (args) => {
      const db = adapter.init(args)
      for (const name of FINDS) {
        const find = db[name] as unknown as (this: PostgresAdapter, args: PageAsked) => Promise<Record<string, unknown>>
        db[name] = async function (this: PostgresAdapter, findArgs: PageAsked) {
          const underWay = { limit: findArgs.limit, page: findArgs.page, estimated: false }
          const result = await findUnderWay.run(underWay, () => find.call(this, findArgs))
          return underWay.estimated ? { ...result, totalDocsExact: false } : result
        } as never
      }
      const exactCount = db.countDistinct
      db.countDistinct = async function (this: PostgresAdapter, countArgs) {
        const underWay = findUnderWay.getStore()
        if (!underWay || countArgs.column) return exactCount.call(this, countArgs)
        const cap = countedUpTo(exactUpTo, underWay)
        // Rows the joins repeat count once: read more rows until more ids than the cap are seen, or all are.
        for (let rowsRead = cap + 1; rowsRead <= cap * MOST_REPEATS; rowsRead *= 2) {
          const { rows, ids } = await matchesAmong(this, countArgs, rowsRead)
          if (rows < rowsRead) return ids
          if (ids > cap) {
            underWay.estimated = true
            return totalBeyond(cap, await plannedRows(countArgs, distinctMatches(this, countArgs)))
          }
        }
        return exactCount.call(this, countArgs)
      }
      return db
    },
  }
}

/** How many times over a find's joins may repeat its matches before its count stops trying to bound them. */
const MOST_REPEATS = 8

/** A find's `where` with its joins, which may repeat a matching row (one row per tag, say). */
function matchingRows(adapter: PostgresAdapter, { db, joins, tableName, where }: CountArgs) {
  const table = adapter.tables[tableName]
  let query = (db as NodePgDatabase).select({ id: table.id }).from(table).where(where).$dynamic()
  for (const { type, condition, table: joined } of joins) query = query[type ?? 'leftJoin'](joined as PgTable, condition)
  return query
}

/**
 * The rows and the distinct ids among the first `rowsRead` matching rows, in whatever order the
 * planner likes: grouped by id (as Payload's own count is), PostgreSQL would have to read the table
 * in id order, all of it for a channel of a few hundred articles among a million.
 */
async function matchesAmong(adapter: PostgresAdapter, countArgs: CountArgs, rowsRead: number): Promise<{ rows: number; ids: number }> {
  const read = matchingRows(adapter, countArgs).limit(rowsRead).as('matches')
  const [counted] = await (countArgs.db as NodePgDatabase).select({ rows: count(), ids: countDistinct(read.id) }).from(read)
  return counted
}

/** The ids a find's `where` matches, each once: what the planner's estimate is of. */
const distinctMatches = (adapter: PostgresAdapter, countArgs: CountArgs) => {
  const rows = matchingRows(adapter, countArgs)
  return countArgs.joins.length > 0 ? rows.groupBy(adapter.tables[countArgs.tableName].id) : rows
}

/** The planner's estimate of a query's rows (EXPLAIN, which runs nothing). */
async function plannedRows({ db }: CountArgs, query: ReturnType<typeof distinctMatches>): Promise<number> {
  const { rows } = (await (db as NodePgDatabase).execute(sql`explain (format json) ${query}`)) as unknown as { rows: { 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }[] }
  return rows[0]['QUERY PLAN'][0].Plan['Plan Rows']
}
