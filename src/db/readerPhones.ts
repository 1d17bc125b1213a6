/**
 * 后台实名's storage, in SQL: the endpoint that calls these has authenticated the reader they act
 * for (the reader's own code and binding) or an admin (reading a ciphertext). Nothing here sees a
 * number in clear: the hash, the ciphertext and the masked form are made before.
 */
import { type PostgresAdapter, sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

import { executorFor } from './requestExecutor'

const poolOf = (payload: Payload) => (payload.db as unknown as PostgresAdapter).pool

/** A new code replaces any earlier one, its tries started afresh. */
export async function savePhoneCode(payload: Payload, readerId: number, codeHash: string, expiresAt: Date): Promise<void> {
  await poolOf(payload).query(
    `insert into reader_phone_codes (reader_id, code_hash, expires_at, tries, created_at) values ($1, $2, $3, 0, now())
     on conflict (reader_id) do update set code_hash = excluded.code_hash, expires_at = excluded.expires_at, tries = 0, created_at = now()`,
    [readerId, codeHash, expiresAt],
  )
}

/** A code a provider did not take: the reader may ask again, and no try is spent on it. */
export async function dropPhoneCode(payload: Payload, readerId: number): Promise<void> {
  await poolOf(payload).query(`delete from reader_phone_codes where reader_id = $1`, [readerId])
}

export type PhoneCodeTry = { outcome: 'none' | 'expired' | 'dead' } | { outcome: 'tried'; codeHash: string; triesLeft: number }

/**
 * Spends one try of the reader's code, if it still works: one statement, so concurrent tries each
 * count and no more than `maxTries` are ever compared. The caller compares the hash it was given.
 */
export async function spendPhoneCodeTry(payload: Payload, readerId: number, maxTries: number): Promise<PhoneCodeTry> {
  const pool = poolOf(payload)
  const spent = await pool.query<{ code_hash: string; tries: number }>(
    `update reader_phone_codes set tries = tries + 1 where reader_id = $1 and tries < $2 and expires_at > now() returning code_hash, tries`,
    [readerId, maxTries],
  )
  if (spent.rows[0]) return { outcome: 'tried', codeHash: spent.rows[0].code_hash, triesLeft: maxTries - spent.rows[0].tries }
  const { rows } = await pool.query<{ expired: boolean }>(`select expires_at <= now() as expired from reader_phone_codes where reader_id = $1`, [readerId])
  if (!rows[0]) return { outcome: 'none' }
  return { outcome: rows[0].expired ? 'expired' : 'dead' }
}

/** Accounts other than this reader's that the number is bound to. */
export async function accountsBoundTo(payload: Payload, numberHash: string, exceptReaderId: number): Promise<number> {
  const { rows } = await poolOf(payload).query<{ count: number }>(`select count(*)::int as count from readers where phone_hash = $1 and id <> $2`, [numberHash, exceptReaderId])
  return rows[0].count
}

export type PhoneBinding = { numberHash: string; ciphertext: string; masked: string }

/**
 * Binds the number to the reader and ends their code, unless it is bound to `maxAccounts` other
 * accounts already: under a lock on the number's hash, so two accounts binding it at once are
 * counted one after the other. Returns the binding time, or null when the number is taken.
 */
export async function bindPhone(payload: Payload, readerId: number, binding: PhoneBinding, maxAccounts: number): Promise<Date | null> {
  const client = await poolOf(payload).connect()
  try {
    await client.query('begin')
    await client.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [`reader-phone:${binding.numberHash}`])
    const { rows } = await client.query<{ count: number }>(`select count(*)::int as count from readers where phone_hash = $1 and id <> $2`, [binding.numberHash, readerId])
    if (rows[0].count >= maxAccounts) {
      await client.query('rollback')
      return null
    }
    const bound = await client.query<{ phone_verified_at: Date }>(
      `update readers set phone_hash = $2, phone_ciphertext = $3, phone_masked = $4, phone_verified_at = now() where id = $1 returning phone_verified_at`,
      [readerId, binding.numberHash, binding.ciphertext, binding.masked],
    )
    await client.query(`delete from reader_phone_codes where reader_id = $1`, [readerId])
    await client.query('commit')
    return bound.rows[0]?.phone_verified_at ?? null
  } catch (error) {
    await client.query('rollback').catch(() => {})
    throw error
  } finally {
    client.release()
  }
}

/**
 * Whether the reader has bound a number: what commenting asks when the rule is on. On the request's
 * transaction (Payload opens it before the operation's hooks), not a second connection of the pool.
 */
export async function hasBoundPhone(payload: Payload, readerId: number, req: PayloadRequest): Promise<boolean> {
  const db = await executorFor(payload, req)
  const { rows } = await db.execute(sql`select 1 from readers where id = ${readerId} and phone_verified_at is not null`)
  return rows.length > 0
}

/** The reader's display name and ciphertext, for an admin's audited reading; null when no such reader. */
export async function phoneCiphertextOf(payload: Payload, readerId: number): Promise<{ displayName: string; ciphertext: string | null } | null> {
  const { rows } = await poolOf(payload).query<{ display_name: string; phone_ciphertext: string | null }>(
    `select display_name, phone_ciphertext from readers where id = $1`,
    [readerId],
  )
  return rows[0] ? { displayName: rows[0].display_name, ciphertext: rows[0].phone_ciphertext } : null
}
