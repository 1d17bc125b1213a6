/**
 * The totals of a find (its `totalDocs`, and the `totalPages` and `hasNextPage` Payload works out from
 * them): counted exactly up to a bound, estimated by PostgreSQL's planner beyond it. Payload counts
 * every match of every find it paginates, and on a million articles that count (with the joins a
 * channel's `where` brings) is most of a list's time, on every request.
 */
import { AsyncLocalStorage } from 'node:async_hooks'

import type { PostgresAdapter } from '@payloadcms/db-postgres'
import { count, sql } from '@payloadcms/db-postgres/drizzle'
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
 * asked for goes when that is further (so `hasNextPage` is always true, never a guess); beyond that,
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
        const [{ counted }] = (await (countArgs.db as NodePgDatabase).select({ counted: count() }).from(matches(this, countArgs).limit(cap + 1).as('matches'))) as { counted: number }[]
        if (counted <= cap) return counted
        underWay.estimated = true
        return totalBeyond(cap, await plannedRows(countArgs, matches(this, countArgs)))
      }
      return db
    },
  }
}

/** The ids a find's `where` matches, each once (its joins may repeat a row, as Payload's own count allows for). */
function matches(adapter: PostgresAdapter, { db, joins, tableName, where }: CountArgs) {
  const table = adapter.tables[tableName]
  let query = (db as NodePgDatabase).select({ id: table.id }).from(table).where(where).$dynamic()
  for (const { type, condition, table: joined } of joins) query = query[type ?? 'leftJoin'](joined as PgTable, condition)
  return joins.length > 0 ? query.groupBy(table.id) : query
}

/** The planner's estimate of a query's rows (EXPLAIN, which runs nothing). */
async function plannedRows({ db }: CountArgs, query: ReturnType<typeof matches>): Promise<number> {
  const { rows } = (await (db as NodePgDatabase).execute(sql`explain (format json) ${query}`)) as unknown as { rows: { 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }[] }
  return rows[0]['QUERY PLAN'][0].Plan['Plan Rows']
}
