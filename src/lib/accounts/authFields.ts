import type { Message, MessageCode } from '../i18n/translate'
import { READERS_SLUG, type USERS_SLUG } from '../../slugs'

/**
 * Who may set which field of an account (staff `users` and `readers`). Payload's own rule for these
 * fields is field access, which silently drops what a caller may not write; for the fields that let
 * someone act as an account holder a silent drop hides an attempt, so `accountWriteRefusal` names
 * the first field the writer may not set and the caller answers it with a 403.
 */

export type AccountCollection = typeof USERS_SLUG | typeof READERS_SLUG

/** The account fields a refusal names, as the account forms label them. */
export const ACCOUNT_FIELD_LABELS = {
  email: { zh: '邮箱', en: 'Email' },
  password: { zh: '密码', en: 'Password' },
  currentPassword: { zh: '当前密码', en: 'Current password' },
  token: { zh: '确认链接', en: 'Confirmation link' },
} as const

/** A single account created, a single account updated, or every account a `where` matches. */
export type AccountWrite = 'create' | 'update' | 'updateMany'

/**
 * The writer, as they stand to the account written. `system` is the server's own code (the Local API
 * with access overridden: the seed, the first admin, the importer, Payload's verification and reset).
 */
export type Writer = { system: boolean; owner: boolean; admin: boolean; moderator: boolean }

type Capacity = 'creator' | 'owner' | 'admin' | 'moderator'

type FieldRule = { collections?: readonly AccountCollection[]; create: readonly Capacity[]; update: readonly Capacity[] }

/**
 * The account fields with an owner. `creator` is whoever may create the account at all (the
 * collection's create access decides that). An email set on update is held until the new address
 * confirms it; a password set on update needs the current one.
 */
export const ACCOUNT_FIELD_RULES: Readonly<Record<string, FieldRule>> = {
  email: { create: ['creator'], update: ['owner', 'admin'] },
  password: { create: ['creator'], update: ['owner'] },
  _verified: { create: ['admin'], update: ['admin'] },
  status: { collections: [READERS_SLUG], create: ['moderator', 'admin'], update: ['moderator', 'admin'] },
  suspendedUntil: { collections: [READERS_SLUG], create: ['moderator', 'admin'], update: ['moderator', 'admin'] },
  professionVerified: { collections: [READERS_SLUG], create: ['moderator', 'admin'], update: ['moderator', 'admin'] },
  // Set from `email` by the server and shown to the account holder; only confirming it changes it.
  pendingEmail: { create: [], update: [] },
  // A reader's own choice (comment notices by email): not a moderator's to make for them.
  notifyByEmail: { collections: [READERS_SLUG], create: ['creator'], update: ['owner', 'admin'] },
}

/** Fields only one account at a time may take: an address is unique, a password needs the current one. */
const SINGLE_ACCOUNT_FIELDS: ReadonlySet<string> = new Set(['email', 'password'])

/**
 * Bookkeeping the server keeps on an account: Payload's (credentials, tokens, lockout, sessions, API
 * keys) and the token of a pending email change. Nobody writes them through the API. Any other hidden
 * field of an auth collection counts too (`isInternalAuthField`), so one Payload adds later is covered.
 */
export const INTERNAL_AUTH_FIELDS: readonly string[] = [
  'hash',
  'salt',
  'resetPasswordToken',
  'resetPasswordExpiration',
  'resetPasswordRequestedAt',
  '_verificationToken',
  'loginAttempts',
  'lockUntil',
  'sessions',
  'enableAPIKey',
  'apiKey',
  'apiKeyIndex',
  'pendingEmailTokenHash',
  'pendingEmailExpiresAt',
]

export function isInternalAuthField(name: string, hiddenFieldNames: ReadonlySet<string>): boolean {
  return INTERNAL_AUTH_FIELDS.includes(name) || hiddenFieldNames.has(name)
}

export type RefusalCode = 'INTERNAL_AUTH_FIELD' | 'AUTH_FIELD_FORBIDDEN'

export type Refusal = { field: string; code: RefusalCode; message: Message }

/** Who may set each owned field instead, for the refusal to say. */
const WHO_MAY: Record<string, MessageCode> = {
  email: 'ACCOUNT_EMAIL_BY_OWNER',
  password: 'ACCOUNT_PASSWORD_BY_OWNER',
  _verified: 'ACCOUNT_VERIFIED_BY_LINK',
  status: 'ACCOUNT_SET_BY_MODERATORS',
  suspendedUntil: 'ACCOUNT_SET_BY_MODERATORS',
  professionVerified: 'ACCOUNT_SET_BY_MODERATORS',
  pendingEmail: 'ACCOUNT_PENDING_EMAIL_BY_LINK',
  notifyByEmail: 'ACCOUNT_SET_BY_OWNER',
}

const may = (writer: Writer, capacities: readonly Capacity[], write: AccountWrite): boolean =>
  capacities.some(
    (capacity) =>
      (capacity === 'creator' && write === 'create') ||
      (capacity === 'owner' && writer.owner) ||
      (capacity === 'admin' && writer.admin) ||
      (capacity === 'moderator' && writer.moderator),
  )

/**
 * The first of `fields` (those the write sets) that `writer` may not set, or null. Fields without an
 * owner here (a display name, a profession) are left to the collection's other rules.
 */
export function accountWriteRefusal(args: {
  collection: AccountCollection
  write: AccountWrite
  writer: Writer
  fields: Iterable<string>
  hiddenFieldNames: ReadonlySet<string>
}): Refusal | null {
  const { collection, write, writer, hiddenFieldNames } = args
  if (writer.system) return null
  for (const field of args.fields) {
    if (isInternalAuthField(field, hiddenFieldNames)) {
      return {
        field,
        code: 'INTERNAL_AUTH_FIELD',
        message: { code: 'INTERNAL_AUTH_FIELD', values: { field } },
      }
    }
    const rule = ACCOUNT_FIELD_RULES[field]
    if (!rule || (rule.collections && !rule.collections.includes(collection))) continue
    const allowed = write === 'updateMany' && SINGLE_ACCOUNT_FIELDS.has(field) ? false : may(writer, write === 'create' ? rule.create : rule.update, write)
    if (!allowed) {
      return { field, code: 'AUTH_FIELD_FORBIDDEN', message: { code: 'AUTH_FIELD_FORBIDDEN', values: { field, who: { code: WHO_MAY[field] } } } }
    }
  }
  return null
}

/** How long the link that confirms a new email address works. */
export const EMAIL_CHANGE_TTL_MS = 24 * 60 * 60 * 1000

/** An address as Payload stores it (its email field lowercases and trims). */
export const normalizeEmail = (value: unknown): string => (typeof value === 'string' ? value.trim().toLowerCase() : '')

/**
 * Whether an update's value for a field differs from the stored one, as far as the field's owner is
 * concerned: the admin's form sends every field it shows, changed or not, and an unchanged value is
 * no write. Empty values (undefined, null, '', false) are alike; dates compare by instant.
 */
export function changesStoredValue(field: string, sent: unknown, stored: unknown): boolean {
  if (field === 'email' || field === 'pendingEmail') return normalizeEmail(sent) !== normalizeEmail(stored)
  if (field === 'password') return typeof sent === 'string' ? sent.length > 0 : sent !== undefined && sent !== null
  const empty = (value: unknown) => value === undefined || value === null || value === '' || value === false
  if (empty(sent) && empty(stored)) return false
  const instant = (value: unknown) => (typeof value === 'string' || value instanceof Date ? new Date(value).getTime() : NaN)
  if (field === 'suspendedUntil' && !Number.isNaN(instant(sent))) return instant(sent) !== instant(stored)
  return sent !== stored
}

/**
 * The fields an update sets, given what was sent and what is stored: an internal field counts
 * whenever it is sent at all (comparing would tell the sender its stored value), an owned field when
 * it changes the stored value, any other field as sent.
 */
export function fieldsSet(sent: Record<string, unknown>, stored: Record<string, unknown> | null, hiddenFieldNames: ReadonlySet<string>): string[] {
  return Object.keys(sent).filter((field) => {
    if (sent[field] === undefined) return false
    if (!stored || isInternalAuthField(field, hiddenFieldNames)) return true
    if (!(field in ACCOUNT_FIELD_RULES)) return true
    return changesStoredValue(field, sent[field], stored[field])
  })
}
