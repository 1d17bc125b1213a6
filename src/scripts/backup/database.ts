/**
 * The database part of a backup, written and read with plain SQL over node-postgres, so it works
 * against any PostgreSQL the server runs on whatever client tools the machine has (the embedded
 * server ships none, and a pg_dump must not be older than the server it dumps). The schema is the
 * migrations' (the manifest lists them); the archive holds the rows: every table of the public
 * schema, each row as PostgreSQL's own JSON of it, and every sequence's position.
 */
import { once } from 'node:events'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import readline from 'node:readline'

import pg from 'pg'

import { ArchiveError } from './archive'

const BATCH_ROWS = 500

type Sequence = { name: string; value: string; called: boolean }

export type DatabaseDump = { migrations: string[]; postgresVersion: string; tables: Record<string, number> }

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  return client
}

/** Writes `database/` into `dir` from one consistent snapshot: what a single moment of the database held. */
export async function dumpDatabase(url: string, dir: string): Promise<DatabaseDump> {
  const client = await connect(url)
  try {
    await client.query('begin isolation level repeatable read read only')
    const tables = await tableNames(client)
    if (!tables.includes('payload_migrations')) throw new ArchiveError({ code: 'BACKUP_NO_SCHEMA' })
    await mkdir(path.join(dir, 'database'), { recursive: true })
    const counts: Record<string, number> = {}
    for (const table of tables) counts[table] = await dumpTable(client, table, path.join(dir, 'database', `${table}.jsonl`))
    const sequences = (
      await client.query<Sequence>(
        `select sequencename as name, coalesce(last_value, start_value)::text as value, last_value is not null as called
         from pg_sequences where schemaname = 'public' order by sequencename`,
      )
    ).rows
    await writeFile(path.join(dir, 'database', 'sequences.json'), `${JSON.stringify(sequences, null, 2)}\n`)
    const migrations = (await client.query<{ name: string }>('select name from payload_migrations order by id')).rows.map((row) => row.name)
    const postgresVersion = (await client.query<{ server_version: string }>('show server_version')).rows[0].server_version
    await client.query('commit')
    return { migrations, postgresVersion, tables: counts }
  } finally {
    await client.end()
  }
}

async function tableNames(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(`select tablename as name from pg_tables where schemaname = 'public' order by tablename`)
  return rows.map((row) => row.name)
}

async function dumpTable(client: pg.Client, table: string, file: string): Promise<number> {
  const out = createWriteStream(file)
  let count = 0
  await client.query(`declare backup_rows no scroll cursor for select row_to_json(t)::text as row from ${quote(table)} t`)
  for (;;) {
    const { rows } = await client.query<{ row: string }>(`fetch ${BATCH_ROWS} from backup_rows`)
    if (rows.length === 0) break
    count += rows.length
    if (!out.write(`${rows.map((row) => row.row).join('\n')}\n`)) await once(out, 'drain')
  }
  await client.query('close backup_rows')
  out.end()
  await once(out, 'finish')
  return count
}

/** Creates the URL's database when the server has none of that name (a fresh embedded cluster has none). */
export async function ensureDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1))
  const admin = new URL(url)
  admin.pathname = '/postgres'
  const client = await connect(admin.toString())
  try {
    const { rows } = await client.query('select 1 from pg_database where datname = $1', [name])
    if (rows.length === 0) await client.query(`create database ${quote(name)}`)
  } finally {
    await client.end()
  }
}

/** True when the database has no tables in its public schema: a fresh one, safe to restore into. */
export async function databaseIsEmpty(url: string): Promise<boolean> {
  const client = await connect(url)
  try {
    return (await tableNames(client)).length === 0
  } finally {
    await client.end()
  }
}

/** Drops everything in the public schema (restore --force). */
export async function emptyDatabase(url: string): Promise<void> {
  const client = await connect(url)
  try {
    await client.query('drop schema public cascade')
    await client.query('create schema public')
  } finally {
    await client.end()
  }
}

/**
 * Replaces every row of a database migrated to the archive's schema with the archive's, in one
 * transaction: foreign keys are dropped while the tables fill (rows may refer to each other in any
 * order) and added back after, which checks every reference; then the sequences are set.
 */
export async function loadDatabase(url: string, dir: string, tables: Record<string, number>): Promise<void> {
  const client = await connect(url)
  try {
    await client.query('begin')
    const present = await tableNames(client)
    const unknown = Object.keys(tables).filter((table) => !present.includes(table))
    if (unknown.length > 0) throw new ArchiveError({ code: 'BACKUP_UNKNOWN_TABLES', values: { tables: unknown.join(', ') } })
    const foreignKeys = (
      await client.query<{ table: string; name: string; definition: string }>(
        `select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as definition
         from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace`,
      )
    ).rows
    for (const key of foreignKeys) await client.query(`alter table ${key.table} drop constraint ${quote(key.name)}`)
    await client.query(`truncate ${present.map(quote).join(', ')}`)
    // The rows come back as they were: a trigger that keeps one table's column from another's rows
    // (a comment's like count from its likes) would count them a second time.
    for (const table of present) await client.query(`alter table ${quote(table)} disable trigger user`)
    for (const table of Object.keys(tables)) {
      const loaded = await loadTable(client, table, path.join(dir, 'database', `${table}.jsonl`))
      if (loaded !== tables[table]) throw new Error(`${table}: the archive lists ${tables[table]} rows but holds ${loaded}`)
    }
    for (const table of present) await client.query(`alter table ${quote(table)} enable trigger user`)
    for (const key of foreignKeys) await client.query(`alter table ${key.table} add constraint ${quote(key.name)} ${key.definition}`)
    const sequences = JSON.parse(await readFile(path.join(dir, 'database', 'sequences.json'), 'utf8')) as Sequence[]
    for (const sequence of sequences) {
      await client.query('select setval($1::regclass, $2::bigint, $3)', [quote(sequence.name), sequence.value, sequence.called])
    }
    await client.query('commit')
  } catch (error) {
    await client.query('rollback').catch(() => {})
    throw error
  } finally {
    await client.end()
  }
}

/**
 * Whether an unpacked archive holds every table file with the rows its manifest lists, and its
 * sequences: checked before `restore --force` deletes anything, so a damaged archive leaves the
 * target as it was.
 */
export async function checkUnpacked(dir: string, tables: Record<string, number>): Promise<void> {
  for (const [table, expected] of Object.entries(tables)) {
    const file = path.join(dir, 'database', `${table}.jsonl`)
    let rows = 0
    try {
      for await (const line of readline.createInterface({ input: createReadStream(file), crlfDelay: Infinity })) if (line !== '') rows++
    } catch {
      throw new ArchiveError({ code: 'BACKUP_DAMAGED_FILE', values: { file: `${table}.jsonl` } })
    }
    if (rows !== expected) throw new ArchiveError({ code: 'BACKUP_DAMAGED_ROWS', values: { table, expected, rows } })
  }
  const sequences = await readFile(path.join(dir, 'database', 'sequences.json'), 'utf8').then(JSON.parse, () => null)
  if (!Array.isArray(sequences)) throw new ArchiveError({ code: 'BACKUP_DAMAGED_FILE', values: { file: 'sequences.json' } })
}

async function loadTable(client: pg.Client, table: string, file: string): Promise<number> {
  // Generated columns are computed again from the others; identity columns take the archive's values.
  const { rows } = await client.query<{ name: string }>(
    `select column_name as name from information_schema.columns
     where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER' order by ordinal_position`,
    [table],
  )
  const columns = rows.map((row) => quote(row.name)).join(', ')
  const lines = readline.createInterface({ input: createReadStream(file), crlfDelay: Infinity })
  let batch: string[] = []
  let count = 0
  const flush = async () => {
    if (batch.length === 0) return
    // The rows go back through PostgreSQL's own JSON-to-row conversion: every type comes back as it was.
    await client.query(
      `insert into ${quote(table)} (${columns}) overriding system value
       select ${columns} from json_populate_recordset(null::${quote(table)}, $1::json)`,
      [`[${batch.join(',')}]`],
    )
    count += batch.length
    batch = []
  }
  for await (const line of lines) {
    if (line === '') continue
    batch.push(line)
    if (batch.length >= BATCH_ROWS) await flush()
  }
  await flush()
  return count
}
