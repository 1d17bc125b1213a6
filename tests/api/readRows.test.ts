import { sql } from '@payloadcms/db-postgres'
import pg from 'pg'
import type { Payload } from 'payload'

import { closeReadPool, readRows } from '../../src/db/readRows'
import { createDatabase, dropDatabase, freshDatabaseUrl } from '../helpers/server'

// The public reads' statements on a real PostgreSQL: on connections of their own, prepared once per
// connection, and planned once.
const databaseUrl = freshDatabaseUrl()
let payloadsPool: pg.Pool
let payload: Payload

beforeAll(async () => {
  await createDatabase(databaseUrl)
  payloadsPool = new pg.Pool({ connectionString: databaseUrl, max: 1 })
  // One connection, so every statement below runs on the one whose prepared statements are read.
  payload = { db: { pool: payloadsPool, poolOptions: { connectionString: databaseUrl, max: 1 } }, logger: { warn: () => undefined } } as unknown as Payload
})

afterAll(async () => {
  await closeReadPool(payload)
  await payloadsPool.end()
  await dropDatabase(databaseUrl)
})

test('a statement is prepared once and planned once for every value it is given', async () => {
  for (let value = 1; value <= 8; value++) {
    expect(await readRows(payload, sql`select ${value}::int * 2 as doubled`)).toEqual([{ doubled: value * 2 }])
  }
  const plans = await readRows(payload, sql`select generic_plans, custom_plans from pg_prepared_statements where statement like ${'%doubled%'} and statement not like ${'%pg_prepared_statements%'}`)
  expect(plans).toEqual([{ generic_plans: '8', custom_plans: '0' }])
})

test('a statement that fails leaves the connection in working order', async () => {
  await expect(readRows(payload, sql`select 1 / ${0}::int as nothing`)).rejects.toThrow(/division by zero/)
  expect(await readRows(payload, sql`select ${'准备'}::text as word`)).toEqual([{ word: '准备' }])
})

test("Payload's own connections keep planning its statements for their values", async () => {
  await readRows(payload, sql`select ${3}::int as three`)
  expect(await readRows(payload, sql`select current_setting('plan_cache_mode') as mode, current_setting('enable_incremental_sort') as incremental`)).toEqual([
    { mode: 'force_generic_plan', incremental: 'off' },
  ])
  // Payload's own statements (unnamed) would otherwise get a plan made for no value: the admin's
  // article list at a million articles took most of a second so.
  expect((await payloadsPool.query('show plan_cache_mode')).rows).toEqual([{ plan_cache_mode: 'auto' }])
})

test("settings given in DATABASE_URL's `options` are kept beside the reads' own", async () => {
  const url = new URL(databaseUrl)
  url.searchParams.set('options', '-c statement_timeout=4321 -c application_name=newsroom-reads')
  const withOptions = { db: { pool: payloadsPool, poolOptions: { connectionString: url.toString(), max: 1 } }, logger: { warn: () => undefined } } as unknown as Payload
  try {
    expect(await readRows(withOptions, sql`select current_setting('statement_timeout') as timeout, current_setting('application_name') as name, current_setting('plan_cache_mode') as mode`)).toEqual([
      { timeout: '4321ms', name: 'newsroom-reads', mode: 'force_generic_plan' },
    ])
  } finally {
    await closeReadPool(withOptions)
  }
})
